"""Mail in (#19): reading an IMAP mailbox into IncomingMail objects (domain/mail/messages.py) for the book."""
