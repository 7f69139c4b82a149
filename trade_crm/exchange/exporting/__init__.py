"""Sharing the book: Excel workbooks that are safe to send, and reminders as iCalendar."""
