"""Team mode in the window: connecting to a team server, and which book is open."""
