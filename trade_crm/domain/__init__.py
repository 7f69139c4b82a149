"""Business rules in plain Python: no Qt, no globals; each write is one function and one transaction."""
