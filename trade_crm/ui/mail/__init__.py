"""Mail in the window: the message reader, the New senders triage list, Settings › Mail and the background sync."""
