"""The row helpers publishing relies on: fingerprints equal across engines, ids in reminder keys, array text."""

from __future__ import annotations

from decimal import Decimal

from trade_crm.domain.team.publish_rows import array_text, fingerprint, server_key, server_payload

MAPS = {"customer": {7: 107}, "contact": {3: 203}, "interaction": {5: 305}}


def test_a_row_read_from_sqlite_and_from_postgresql_has_one_fingerprint():
    columns = ["name", "lost", "value", "follow_up_on"]
    assert fingerprint(columns, ["Acme", 1, 1234.5, "2026-12-01"]) == \
        fingerprint(columns, ["Acme", True, Decimal("1234.50"), "2026-12-01"])
    assert fingerprint(columns, ["Acme", 1, 1234.5, None]) != fingerprint(columns, ["Acme", 0, 1234.5, None])
    assert fingerprint(columns, ["Acme", 1, None, None], ("vip",)) != fingerprint(columns, ["Acme", 1, None, None])
    assert 0 <= fingerprint(columns, ["x" * 1000, 0, None, None]) < 2**31


def test_reminder_keys_and_payloads_name_the_servers_rows():
    assert server_key("follow_up:customer:7:2026-11-25", MAPS) == "follow_up:customer:107:2026-11-25"
    assert server_key("follow_up:quotation_expired:5:2026-11-10", MAPS) == "follow_up:quotation_expired:305:2026-11-10"
    assert server_key("birthday:contact:3:2026-05-01", MAPS) == "birthday:contact:203:2026-05-01"
    assert server_key("dormant:customer:8:2025-01-01", MAPS) is None  # customer 8 is not on the server
    assert server_key("greeting:DE:christmas:2026-12-25", MAPS) == "greeting:DE:christmas:2026-12-25"
    assert server_payload('{"contact_id": 3, "customer_ids": [7, 8], "rule": "birthday"}', MAPS) == \
        '{"contact_id": 203, "customer_ids": [107], "rule": "birthday"}'


def test_array_text_quotes_every_element_and_escapes_quotes_and_backslashes():
    assert array_text(["a", "刘凯", "NULL"]) == '{"a","刘凯","NULL"}'
    assert array_text(['"', "\\"]) == '{"\\"","\\\\"}'
    assert array_text([]) == "{}"
