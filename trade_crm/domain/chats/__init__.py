"""Chats on the timeline: a day of a chat as one entry, its text, and the customer a chat belongs to."""
