"""Helpers for the tests of a trade-show list's import: its columns, an import run, a stored customer."""

from __future__ import annotations

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import

HEADER = ["Company", "Contact", "Email", "Phone", "Country", "City", "Website", "Booth"]


def run(path, clock, **options):
    plan = build_plan(path, ImportOptions(**options))
    return plan, commit_import(plan, clock)


def existing_acme(clock):
    return create_customer(clock, name="ACME Trading Co., Ltd.", country="DE", city="Berlin", notes="old note",
                           contacts=[ContactInput(name="Max Weber", emails=("max@acme-trading.de",))])
