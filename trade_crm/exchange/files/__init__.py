"""Reading files safely: workbooks, CSV text, encodings and spreadsheet dates, as plain rows."""
