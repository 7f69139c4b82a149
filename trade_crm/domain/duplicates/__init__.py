"""Probably-the-same customers: matching rules, the whole-book scan, merging and its undo."""
