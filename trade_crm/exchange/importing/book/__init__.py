"""The round trip: a workbook our own export wrote, edited and imported back as updates by CRM ID."""
