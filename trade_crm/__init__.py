"""Trade CRM: an offline-first desktop CRM for the export salesperson."""

__version__ = "0.1.0"
APP_NAME = "Trade CRM"
APP_ID = "trade-crm"

from trade_crm import drivers  # noqa: E402

drivers.install()  # before anything imports peewee: start-up without psycopg (see drivers.py)
