"""Products, quotations and proforma invoices in the window: the catalog, the quotation editor, the PI, the
seller's profile and a customer's Quotes tab (issue 21). Opened from the Quotes menu and the customer page;
every write goes through domain/quotes."""
