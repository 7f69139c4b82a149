"""vCard in (2.1, 3.0, 4.0) and out (3.0)."""
