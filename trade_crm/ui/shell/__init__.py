"""The frame of the app: the main window, its actions and menus, settings, first run, one instance."""
