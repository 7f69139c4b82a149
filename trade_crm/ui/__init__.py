"""The desktop interface (PySide6): windows, panes, dialogs and Qt item models over the domain."""
