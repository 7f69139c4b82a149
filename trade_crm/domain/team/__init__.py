"""Team mode (issue #18): the book on a company's PostgreSQL server, and the laptop's side of it."""
