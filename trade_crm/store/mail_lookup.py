"""Customers by the domain of a contact's email or by their website: the lookup of mail matching (#19) that
each engine spells its own way, so that both read an index.

SQLite joins the list to the expression index `contact_channel_email_domain` (migration 3) and the partial
index `customer_website`. On a server, row-level security keeps a non-leakproof expression (substr, strpos)
from being an index condition: the policies would run on every email channel first (11,495 probes, 200-330 ms
for 5,000 customers). There, `mail_domain_customers` (server step 13, store/pg_mail.py), a SECURITY DEFINER
function, reads the indexes and returns (domain, customer id) pairs, and the customer's own policy then
keeps those the login may see.
"""

from __future__ import annotations

from peewee import Database

from trade_crm.store import sql_rows
from trade_crm.store.models import database

DOMAIN_FUNCTION = """CREATE FUNCTION mail_domain_customers(p_domains text[], p_websites text[])
RETURNS TABLE (domain text, customer_id integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT substr(ch.value, strpos(ch.value, '@') + 1), k.customer_id
    FROM contact_channel ch JOIN contact k ON k.id = ch.contact_id
    WHERE ch.kind = 'email' AND substr(ch.value, strpos(ch.value, '@') + 1) = ANY (p_domains)
    UNION
    SELECT c.website, c.id FROM customer c WHERE c.website <> '' AND c.website = ANY (p_websites)
$$"""


def customers_by_domain(domains: list[str], websites: list[str], *, db: Database | None = None
                        ) -> list[tuple[str, int]]:
    """(domain or website as given, customer id) for every customer with a contact email at one of `domains`
    or whose website is one of `websites` (the forms a website may be typed in), each pair once, sorted."""
    db = db or database
    if not domains and not websites:
        return []
    if sql_rows.engine_of(db).name == "postgresql":
        return list(db.execute_sql(
            "SELECT f.domain, f.customer_id FROM mail_domain_customers(CAST(? AS text[]), CAST(? AS text[])) f "
            "WHERE EXISTS (SELECT 1 FROM customer c WHERE c.id = f.customer_id) ORDER BY 1, 2",
            (list(domains), list(websites))))
    by_domain = sql_rows.value_list(domains, alias="d", db=db)
    by_site = sql_rows.value_list(websites, alias="w", db=db)
    return list(db.execute_sql(
        f"SELECT d.value, p.customer_id FROM {by_domain.sql} JOIN contact_channel ch ON ch.kind = 'email' "
        "AND substr(ch.value, instr(ch.value, '@') + 1) = d.value JOIN contact p ON p.id = ch.contact_id "
        f"UNION SELECT c.website, c.id FROM {by_site.sql} JOIN customer c ON c.website = w.value "
        "AND c.website <> '' ORDER BY 1, 2", (by_domain.param, by_site.param)))
