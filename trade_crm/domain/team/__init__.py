"""Team mode (#18): a book on a company's PostgreSQL server, shared by salespeople and managers."""
