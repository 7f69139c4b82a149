"""Moving data in and out: Excel, CSV, vCard, iCalendar. No Qt here."""
