"""Chats exported from messaging apps (WhatsApp's "Export chat"), read into frozen dataclasses."""
