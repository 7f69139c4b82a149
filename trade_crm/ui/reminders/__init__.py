"""Reminders in the window: the pane, the tray, the scheduler, greetings and their settings."""
