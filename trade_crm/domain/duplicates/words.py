"""The word lists duplicate matching needs: free-mail and platform domains, legal forms.

Data only, kept apart from the rules in dedupe.py. A domain listed here never says two customers are
one company; a legal form is dropped from a company name before names are compared.
"""

from __future__ import annotations

FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "rocketmail.com", "hotmail.com", "outlook.com",
    "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "mail.com", "gmx.com", "gmx.net",
    "gmx.de", "web.de", "t-online.de", "yandex.ru", "yandex.com", "ya.ru", "mail.ru", "inbox.ru", "bk.ru",
    "list.ru", "rambler.ru", "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com",
    "yeah.net", "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com", "189.cn", "aliyun.com",
    "21cn.com", "tom.com", "263.net", "naver.com", "daum.net", "hanmail.net", "rediffmail.com",
    "protonmail.com", "proton.me", "zoho.com", "tutanota.com", "libero.it", "orange.fr", "free.fr",
    "laposte.net", "wanadoo.fr", "wp.pl", "o2.pl", "interia.pl", "seznam.cz", "bigpond.com", "shaw.ca",
    "sbcglobal.net", "comcast.net", "verizon.net", "att.net", "btinternet.com", "uol.com.br", "bol.com.br",
    "terra.com.br", "abv.bg", "ukr.net", "i.ua", "mynet.com", "rogers.com", "optonline.net",
    # national providers' mail, as common on business cards as gmail.com
    "alice.it", "virgilio.it", "tiscali.it", "aon.at", "gmx.at", "gmx.ch", "bluewin.ch", "eircom.net", "email.cz",
    "centrum.cz", "freemail.hu", "kolumbus.fi", "kpnmail.nl", "ziggo.nl", "home.nl", "planet.nl", "onet.pl",
    "online.no", "otenet.gr", "sapo.pt", "skynet.be", "telenet.be", "telia.com", "telefonica.net", "terra.es",
    "xtra.co.nz", "emirates.net.ae", "eim.ae", "qatar.net.qa", "menara.ma", "mweb.co.za", "telkomsa.net",
    "prodigy.net.mx", "fibertel.com.ar", "speedy.com.ar", "hinet.net", "netvigator.com", "singnet.com.sg",
    "sltnet.lk", "walla.co.il", "vsnl.net", "sify.com", "pacific.net.sg", "streamyx.com", "pldtdsl.net",
    "vnn.vn", "163.net", "hanmail.com", "nate.com", "ocn.ne.jp", "nifty.com", "biglobe.ne.jp",
    # placeholder and throw-away domains seen in exports and fake data
    "example.com", "example.org", "example.net", "test.com", "host.invalid", "dayrep.com", "armyspy.com",
    "cuvox.de", "einrot.com", "fleckens.hu", "gustr.com", "jourrapide.com", "rhyta.com", "superrito.com",
    "teleworm.us", "mailinator.com",
})
FREE_MAIL_BRANDS = frozenset({"yahoo", "hotmail", "outlook", "live", "gmx", "yandex", "aol", "windowslive"})
PLATFORM_DOMAINS = frozenset({
    "facebook.com", "fb.com", "linkedin.com", "instagram.com", "twitter.com", "x.com", "youtube.com",
    "wa.me", "whatsapp.com", "wechat.com", "weixin.qq.com", "alibaba.com", "1688.com", "aliexpress.com",
    "made-in-china.com", "globalsources.com", "amazon.com", "ebay.com", "google.com", "sites.google.com",
    "wix.com", "wixsite.com", "wordpress.com", "blogspot.com", "shopify.com", "taobao.com", "tmall.com",
    "jd.com", "indiamart.com", "tradeindia.com", "ec21.com", "ecplaza.net", "dhgate.com",
})
LEGAL_FORMS = frozenset({
    "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp",
    "plc", "gmbh", "mbh", "ag", "kg", "ohg", "ug", "eg", "ev", "sa", "sas", "sarl", "srl", "spa", "sl",
    "sau", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "pty", "pvt", "pte", "private", "sdn", "bhd",
    "tbk", "pt", "cv", "ooo", "ооо", "зао", "оао", "пао", "ао", "zao", "oao", "jsc", "ojsc", "pjsc", "ltda",
    "eireli", "kft", "zrt", "sro", "spol", "sp", "zoo", "doo", "dd", "ad", "ood", "eood", "snc", "sci",
    "kk", "yk", "fze", "fzco", "fzc", "fzllc", "wll", "est", "the",
})
