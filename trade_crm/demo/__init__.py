"""The demo book: a believable, deterministic customer book to try the app on. Not business rules."""
