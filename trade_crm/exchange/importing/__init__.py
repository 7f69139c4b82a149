"""Importing contact lists: read -> map headers -> clean -> group and match -> plan -> commit -> undo."""
