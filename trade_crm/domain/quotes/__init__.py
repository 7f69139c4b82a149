"""Products, quotations and proforma invoices (#21): the catalog, the documents a buyer receives, and the
order a PI becomes. Plain Python over the store; rendering to PDF or .xlsx is exchange/documents' job."""
