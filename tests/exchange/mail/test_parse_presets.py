"""Provider presets: each known provider's documented IMAP endpoint, and the preset an address belongs to."""

from __future__ import annotations

import pytest

from trade_crm.exchange.mail.presets import AUTHORIZATION_CODE, PRESETS, preset_for_address


def test_every_preset_the_issue_names_is_there_with_tls():
    assert set(PRESETS) == {"gmail", "outlook", "qq", "netease163", "netease126", "yeah", "exmail", "aliyun",
                            "yahoo", "other"}
    for preset in PRESETS.values():
        assert preset.security in ("ssl", "starttls")
        assert preset.port == 993 and preset.login_hint
        assert preset.host or preset.key == "other"


@pytest.mark.parametrize(("email", "key", "host"), [
    ("li.wei@Gmail.com", "gmail", "imap.gmail.com"),
    ("a@hotmail.com", "outlook", "outlook.office365.com"),
    ("12345678@qq.com", "qq", "imap.qq.com"),
    ("x@foxmail.com", "qq", "imap.qq.com"),
    ("zhao.lei@163.com", "netease163", "imap.163.com"),
    ("b@126.com", "netease126", "imap.126.com"),
    ("c@yeah.net", "yeah", "imap.yeah.net"),
    ("d@aliyun.com", "aliyun", "imap.aliyun.com"),  # personal Aliyun mail, not the business host
    ("e@yahoo.com", "yahoo", "imap.mail.yahoo.com"),
    ("f@dragonlight.cn", "other", ""),  # a company domain: its host cannot be told from the address
    ("not an address", "other", ""),
])
def test_an_address_finds_its_provider(email, key, host):
    preset = preset_for_address(email)
    assert (preset.key, preset.host) == (key, host)


def test_netease_needs_the_id_command_and_an_authorization_code():
    for key in ("netease163", "netease126", "yeah"):
        assert PRESETS[key].needs_id and PRESETS[key].credential == AUTHORIZATION_CODE
    assert PRESETS["qq"].credential == AUTHORIZATION_CODE and not PRESETS["qq"].needs_id
    assert PRESETS["exmail"].host == "imap.exmail.qq.com"
    assert PRESETS["aliyun"].host == "imap.qiye.aliyun.com"
