"""Team mode on a server book (issue #18): people, handover and the public pool, ..."""
