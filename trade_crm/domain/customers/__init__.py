"""Customers, their contacts, their timeline and their orders: the records the salesperson keeps."""
