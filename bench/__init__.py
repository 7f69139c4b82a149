"""`make bench`: how Trade CRM holds up with a big customer book.

`python -m bench` builds a 100,000-customer book (300,000 contacts, about 1,000,000 timeline
entries) once into `.bench-cache/`, then times what a salesperson waits for: search, the customer
list's pages, counts. `--quick` does the same over 10,000 customers.

- book.py: the cached book (built with the demo generator's bulk writer; its build stats in JSON).
- cases.py: the bench functions, each returning report rows; add a function to BENCHES to add rows.
- report.py: the rows and the table they print as.
"""
