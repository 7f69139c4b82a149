"""Team mode (#18): the domain side of working on a shared PostgreSQL book."""
