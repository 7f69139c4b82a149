"""The import wizard, import history, and the export dialogs."""
