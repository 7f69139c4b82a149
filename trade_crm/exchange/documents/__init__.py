"""Quotations and proforma invoices as files: the built-in PDF layout (pdf.py, fonts.py), the built-in .xlsx
and the user's own Excel template (xlsx.py, template.py), a page preview as PNG (preview.py).
Input is domain/quotes/document.QuoteDocument; nothing here imports Qt."""
