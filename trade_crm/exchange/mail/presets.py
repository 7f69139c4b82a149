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

SMTP (mail out, #20): each preset also names its submission server (`smtp_host`, `smtp_port`, `smtp_security`:
implicit TLS on 465 for most, STARTTLS on 587 for Microsoft) and the provider's usual daily sending cap
(`daily_cap`: Gmail and QQ 500 a day; Tencent Exmail counts mail to strangers against a domain-wide quota,
500 on the free edition; Outlook.com 300 recipients a day). The NetEase (200), Alibaba and Yahoo (500) caps
are cautious defaults, not published figures: the user sets the account's own (`MailAccount.daily_cap`). The
same credential logs in to both sides. `files_sent`: the provider files mail
sent over SMTP into the Sent folder itself (Gmail), so the app does not append a second copy.

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
DEFAULT_DAILY_CAP = 500  # what most providers allow a personal mailbox; the user may set the account's own


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
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: str = "ssl"  # "ssl" (implicit TLS, 465) or "starttls" (587)
    daily_cap: int = DEFAULT_DAILY_CAP  # messages a day the provider lets one mailbox send
    files_sent: bool = False  # the server puts mail sent over SMTP into the Sent folder itself


_NETEASE_HINT = ("Use the authorization code (授权码) from the web mailbox: Settings › POP3/SMTP/IMAP, turn "
                 "IMAP on, then generate a code. Your login password will not work.")

PRESETS: dict[str, Preset] = {preset.key: preset for preset in (
    Preset("gmail", "Gmail / Google Workspace", "imap.gmail.com", 993, "ssl", APP_PASSWORD,
           "Use an app password (Google Account › Security › 2-Step Verification › App passwords); your "
           "Google password will not work.", "[Gmail]/Sent Mail", domains=("gmail.com", "googlemail.com"),
           smtp_host="smtp.gmail.com", daily_cap=500, files_sent=True),
    Preset("outlook", "Outlook.com / Microsoft 365", "outlook.office365.com", 993, "ssl", OAUTH,
           "Microsoft accepts only OAuth sign-in for IMAP; a password or app password is refused.",
           "Sent Items", domains=("outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.cn",
                                  "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "live.cn"),
           smtp_host="smtp.office365.com", smtp_port=587, smtp_security="starttls", daily_cap=300),
    Preset("qq", "QQ Mail", "imap.qq.com", 993, "ssl", AUTHORIZATION_CODE,
           "Use the 16-character authorization code (授权码) from QQ Mail: Settings › Account › "
           "POP3/IMAP/SMTP service › Generate authorization code. Your QQ password will not work.",
           "Sent Messages", domains=("qq.com", "foxmail.com", "vip.qq.com"), smtp_host="smtp.qq.com",
           daily_cap=500),
    Preset("netease163", "NetEase 163", "imap.163.com", 993, "ssl", AUTHORIZATION_CODE, _NETEASE_HINT, "已发送",
           needs_id=True, domains=("163.com",), smtp_host="smtp.163.com", daily_cap=200),
    Preset("netease126", "NetEase 126", "imap.126.com", 993, "ssl", AUTHORIZATION_CODE, _NETEASE_HINT, "已发送",
           needs_id=True, domains=("126.com",), smtp_host="smtp.126.com", daily_cap=200),
    Preset("yeah", "NetEase yeah.net", "imap.yeah.net", 993, "ssl", AUTHORIZATION_CODE, _NETEASE_HINT, "已发送",
           needs_id=True, domains=("yeah.net",), smtp_host="smtp.yeah.net", daily_cap=200),
    Preset("exmail", "Tencent Exmail (腾讯企业邮)", "imap.exmail.qq.com", 993, "ssl", CLIENT_PASSWORD,
           "Use your mailbox password, or the client-specific password (客户端专用密码) when secure login is "
           "on; the administrator must allow IMAP for your account.", "Sent Messages",
           smtp_host="smtp.exmail.qq.com", daily_cap=500),
    Preset("aliyun", "Alibaba Mail (阿里企业邮箱)", "imap.qiye.aliyun.com", 993, "ssl", PASSWORD,
           "Use your mailbox password; IMAP must be enabled for your account.", "已发送",
           domains=("aliyun.com",), smtp_host="smtp.qiye.aliyun.com", daily_cap=500),
    Preset("yahoo", "Yahoo Mail", "imap.mail.yahoo.com", 993, "ssl", APP_PASSWORD,
           "Use an app password (Account security › Generate app password); your Yahoo password will not work.",
           "Sent", domains=("yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
                            "yahoo.com.hk", "yahoo.com.tw"),
           smtp_host="smtp.mail.yahoo.com", daily_cap=500),
    Preset("other", "Other (IMAP)", "", 993, "ssl", PASSWORD,
           "Enter the IMAP server your provider gives (TLS on port 993, or STARTTLS on 143)."),
)}
# A personal @aliyun.com mailbox is served by a different host than Alibaba's business mail.
_HOST_BY_DOMAIN = {"aliyun.com": "imap.aliyun.com"}
_SMTP_HOST_BY_DOMAIN = {"aliyun.com": "smtp.aliyun.com"}
_BY_DOMAIN = {domain: preset for preset in PRESETS.values() for domain in preset.domains}


def preset_for_address(email: str) -> Preset:
    """The preset of the provider that serves `email`'s domain; "other" when the domain says nothing."""
    domain = email.strip().rpartition("@")[2].lower().rstrip(".")
    preset = _BY_DOMAIN.get(domain, PRESETS["other"])
    if domain in _HOST_BY_DOMAIN:
        preset = replace(preset, host=_HOST_BY_DOMAIN[domain], smtp_host=_SMTP_HOST_BY_DOMAIN[domain])
    return preset


def daily_cap(provider: str, account_cap: int = 0) -> int:
    """How many messages an account may send in 24 hours: its own cap when set, else its provider's."""
    if account_cap > 0:
        return account_cap
    preset = PRESETS.get(provider)
    return preset.daily_cap if preset else DEFAULT_DAILY_CAP
