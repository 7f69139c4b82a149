"""`trade-crm quote …` and `pi …` on a team server's book (PostgreSQL), as a salesperson: a quotation to an order."""

from __future__ import annotations

from decimal import Decimal

from tests.domain.quotes.quote_book import product
from tests.integration.test_cli_team import As, as_
from tests.team_people import NOW, add_customers, staff
from trade_crm.domain.clock import FixedClock

__all__ = ["As", "as_", "staff"]  # the fixtures, used by name


def test_a_salesperson_quotes_issues_the_pi_and_records_the_order_on_the_server(staff, as_):
    [customer] = add_customers(1, "ann", prefix="Al Noor Trading")
    product(FixedClock(NOW), "LP-600", "LED panel 600x600", tiers=(("100", "12.50"), ("500", "11.90")), moq=100)
    view = as_.json("ann", "quote", "new", "--customer", str(customer), "--currency", "USD", "--incoterm", "FOB",
                    "--place", "Ningbo", "--line", "LP-600:600", "--line", "Mould fee:1:350")
    assert view["total"] == "7490.00" and view["lines"][0]["unit_price"] == "11.9000"
    code, _, err = as_.run("bob", "quote", "show", str(view["id"]))  # not bob's customer: row-level security
    assert code == 1 and f"no quotation with id {view['id']}" in err
    assert as_.json("ann", "quote", "status", str(view["id"]), "sent")["status"] == "sent"
    assert as_.json("ann", "quote", "status", str(view["id"]), "accepted")["status"] == "accepted"
    as_.json("ann", "pi", "seller", "--company", "Ningbo Sunrise Lighting", "--beneficiary", "Ningbo Sunrise",
             "--bank-name", "Bank of China", "--swift", "BKCHCNBJ92A", "--account", "3581 2345 6789")
    pi = as_.json("ann", "pi", "from-quote", str(view["id"]), "--port-of-loading", "Ningbo")
    ordered = as_.json("ann", "pi", "status", str(pi["id"]), "ordered")
    # read on mia's own connection: each CLI run binds the models to its book and closes it
    row = staff["mia"].execute_sql("SELECT customer_id, amount, currency, reference FROM orders WHERE id = %s",
                                   (ordered["order_id"],)).fetchone()
    assert (row[0], Decimal(str(row[1])), row[2], row[3]) == (customer, Decimal("7490.00"), "USD", pi["number"])
    assert as_.json("ann", "quote", "show", str(view["id"]))["status"] == "ordered"


def test_two_salespeople_get_different_numbers_though_neither_sees_the_others_quotations(staff, as_):
    ann, bob = add_customers(1, "ann", prefix="Ann's") + add_customers(1, "bob", prefix="Bob's")
    line = ("--currency", "EUR", "--line", "Sample set:1:80")
    first = as_.json("ann", "quote", "new", "--customer", str(ann), *line)
    second = as_.json("bob", "quote", "new", "--customer", str(bob), *line)
    assert first["number"].endswith("-1") and second["number"].endswith("-2")
    assert as_.json("bob", "quote", "list")["quotations"][0]["number"] == second["number"]
    assert [q["number"] for q in as_.json("ann", "quote", "list")["quotations"]] == [first["number"]]
