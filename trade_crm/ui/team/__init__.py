"""Team mode in the window: connecting to a team server, which book is open, the public pool, claiming, a
manager's handover."""
