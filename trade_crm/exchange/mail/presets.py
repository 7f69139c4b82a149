"""IMAP settings of the mail providers exporters use, and which one an address belongs to.

Hosts and ports are the providers' documented IMAP endpoints (all implicit TLS on 993). What the password
field takes differs and is the usual reason a first login fails, so each preset says it (`credential`, a code
the UI words in its language, and `login_hint`, the English sentence): QQ and NetEase (163, 126, yeah.net)
take a 授权码 (authorization code) generated in the web mailbox since 2022, Gmail and Yahoo an app password
(2-step verification on), Tencent Exmail a client-specific password (客户端专用密码) once secure login is on,
Microsoft OAuth only (basic authentication ended for IMAP, so a password preset is kept for completeness
and the hint says so). NetEase refuses every SELECT with "Unsafe Login" until the client has sent the IMAP
ID command (RFC 2971): `needs_id`. The Sent folder is found by SPECIAL-USE \\Sent first; `sent_folder` is
the provider's usual name for servers that do not say.

A company domain hosted at Exmail or Alibaba Mail cannot be told from the address alone (its MX records
would), so `preset_for_address` gives "other" for it and the user picks the provider.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

APP_PASSWORD = "app_password"
AUTHORIZATION_CODE = "authorization_code"  # 授权码
CLIENT_PASSWORD = "client_password"  # 客户端专用密码
PASSWORD = "password"
OAUTH = "oauth"


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    host: str
    port: int
    security: str  # "ssl" (implicit TLS) or "starttls"
    credential: str  # what the password field takes: one of the codes above
    login_hint: str
    sent_folder: str = ""  # the provider's Sent folder when the server does not mark one \Sent
    needs_id: bool = False  # the server wants the IMAP ID command after login
    domains: tuple[str, ...] = ()  # address domains served by this provider


_NETEASE_HINT = ("Use the authorization code (授权码) from the web mailbox: Settings › POP3/SMTP/IMAP, turn "
                 "IMAP on, then generate a code. Your login password will not work.")

PRESETS: dict[str, Preset] = {preset.key: preset for preset in (
    Preset("gmail", "Gmail / Google Workspace", "imap.gmail.com", 993, "ssl", APP_PASSWORD,
           "Use an app password (Google Account › Security › 2-Step Verification › App passwords); your "
           "Google password will not work.", "[Gmail]/Sent Mail", domains=("gmail.com", "googlemail.com")),
    Preset("outlook", "Outlook.com / Microsoft 365", "outlook.office365.com", 993, "ssl", OAUTH,
           "Microsoft accepts only OAuth sign-in for IMAP; a password or app password is refused.",
           "Sent Items", domains=("outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.cn",
                                  "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "live.cn")),
    Preset("qq", "QQ Mail", "imap.qq.com", 993, "ssl", AUTHORIZATION_CODE,
           "Use the 16-character authorization code (授权码) from QQ Mail: Settings › Account › "
           "POP3/IMAP/SMTP service › Generate authorization code. Your QQ password will not work.",
           "Sent Messages", domains=("qq.com", "foxmail.com", "vip.qq.com")),
    Preset("netease163", "NetEase 163", "imap.163.com", 993, "ssl", AUTHORIZATION_CODE, _NETEASE_HINT, "已发送",
           needs_id=True, domains=("163.com",)),
    Preset("netease126", "NetEase 126", "imap.126.com", 993, "ssl", AUTHORIZATION_CODE, _NETEASE_HINT, "已发送",
           needs_id=True, domains=("126.com",)),
    Preset("yeah", "NetEase yeah.net", "imap.yeah.net", 993, "ssl", AUTHORIZATION_CODE, _NETEASE_HINT, "已发送",
           needs_id=True, domains=("yeah.net",)),
    Preset("exmail", "Tencent Exmail (腾讯企业邮)", "imap.exmail.qq.com", 993, "ssl", CLIENT_PASSWORD,
           "Use your mailbox password, or the client-specific password (客户端专用密码) when secure login is "
           "on; the administrator must allow IMAP for your account.", "Sent Messages"),
    Preset("aliyun", "Alibaba Mail (阿里企业邮箱)", "imap.qiye.aliyun.com", 993, "ssl", PASSWORD,
           "Use your mailbox password; IMAP must be enabled for your account.", "已发送",
           domains=("aliyun.com",)),
    Preset("yahoo", "Yahoo Mail", "imap.mail.yahoo.com", 993, "ssl", APP_PASSWORD,
           "Use an app password (Account security › Generate app password); your Yahoo password will not work.",
           "Sent", domains=("yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
                            "yahoo.com.hk", "yahoo.com.tw")),
    Preset("other", "Other (IMAP)", "", 993, "ssl", PASSWORD,
           "Enter the IMAP server your provider gives (TLS on port 993, or STARTTLS on 143)."),
)}
# A personal @aliyun.com mailbox is served by a different host than Alibaba's business mail.
_HOST_BY_DOMAIN = {"aliyun.com": "imap.aliyun.com"}
_BY_DOMAIN = {domain: preset for preset in PRESETS.values() for domain in preset.domains}


def preset_for_address(email: str) -> Preset:
    """The preset of the provider that serves `email`'s domain; "other" when the domain says nothing."""
    domain = email.strip().rpartition("@")[2].lower().rstrip(".")
    preset = _BY_DOMAIN.get(domain, PRESETS["other"])
    if domain in _HOST_BY_DOMAIN:
        preset = replace(preset, host=_HOST_BY_DOMAIN[domain])
    return preset
