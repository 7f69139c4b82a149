"""Persistence: peewee models, opening the database, migrations, search index, backups, settings."""
