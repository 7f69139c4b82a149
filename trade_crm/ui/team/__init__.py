"""Team mode in the window (a book on a team server): the public pool, claiming, a manager's handover."""
