"""The world a trade salesperson sells into: countries, phone numbers, currencies."""
