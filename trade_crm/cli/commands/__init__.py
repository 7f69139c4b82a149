"""The commands of the `trade-crm` command line, one module per group of commands.

Each module here defines `COMMANDS: tuple[Command, ...]` (see `trade_crm.cli.base.Command`). To add a
command, write its module and list it in MODULES; help shows commands in this order. Import heavy
libraries (openpyxl, Qt) inside the command's function, not at the top of its module.
"""

from __future__ import annotations

from importlib import import_module

MODULES = ("gui", "demo", "customers", "search", "timeline", "reminders", "imports", "export", "backup", "stats", "duplicates", "merge",
           "team_sync", "team_publish", "team_access", "team", "mail", "mail_send", "mail_outbox", "files",
           "whatsapp", "products", "quotes")
GROUPS = {"customer": "add, show or list customers",
          "mail": "mail with the customers: accounts, sync, show a message, templates, the outbox and sending",
          "files": "the files kept with customers: list, add, check",
          "whatsapp": "WhatsApp messages from the templates: the wa.me link, logged when sent",
          "product": "the product catalog: import from Excel or CSV, list, show, export",
          "quote": "quotations: new, list, show, revise, duplicate, status, pdf, numbering",
          "pi": "proforma invoices from accepted quotations: from-quote, list, show, status, pdf, seller",
          "mail account": "add, list or remove the IMAP accounts mail is read from",
          "mail template": "list, show, edit or reset the mail templates (greetings, chasers, thank-yous)",
          "team": "work with a team server: its people and rules, publish, sync, handover and the public pool"}


def all_commands() -> list:
    return [command for name in MODULES for command in import_module(f"{__name__}.{name}").COMMANDS]
