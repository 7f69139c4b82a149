"""Mail in (issue #19): messages matched to customers and put on the timeline, the new senders, the accounts.

The IMAP side is exchange/mail; the seam between them is `messages.IncomingMail`."""
