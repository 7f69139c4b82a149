"""Backups in the window: back up now, restore, the daily copy, and Settings > Data."""
