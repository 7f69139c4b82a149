"""Column headers people and programs write, per CRM field, in English, Chinese and a few others.

Data only: headers.py folds each entry the same way it folds a file's header (case, width,
punctuation, "*" required marks), so list each spelling once. Qualifiers such as "Business",
"Home", "Work", "Primary" and numbers ("E-mail 2 Address") are dropped by headers.py before a
second lookup, so "Business Phone 2" needs no entry of its own.
"""

from __future__ import annotations

SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": (
        "company", "company name", "companyname", "organization", "organisation", "org", "organization name",
        "organisation name", "organization 1 name", "firm", "firm name", "business name", "enterprise",
        "account", "account name", "customer", "customer name", "client", "client name", "exhibitor",
        "exhibitor name", "buyer company", "corporation", "employer", "importer", "distributor",
        "firma", "firmenname", "unternehmen", "empresa", "entreprise", "société", "societe", "azienda",
        "ragione sociale", "компания", "организация",
        "公司", "公司名称", "公司名", "客户名称", "客户公司", "单位", "单位名称", "企业名称", "企业", "厂商", "厂家",
        "展商", "参展商", "参展商名称", "买家公司", "公司全称", "客户单位", "公司名稱", "客戶名稱", "企業名稱", "機構",
    ),
    "alt_name": ("other name", "alternative name", "alias", "aka", "also known as", "local name", "别名", "曾用名",
                 "其他名称"),
    "contact_name": (
        "contact", "contact name", "contact person", "name", "full name", "fullname", "display name",
        "person", "attn", "attention", "buyer", "buyer name", "representative", "visitor", "visitor name",
        "ansprechpartner", "contacto", "nom", "контакт", "контактное лицо",
        "联系人", "姓名", "联系人姓名", "名字", "客户姓名", "负责人", "采购员", "买家", "买家姓名",
        "聯絡人", "聯繫人", "客戶姓名", "連絡人",
    ),
    "first_name": ("first name", "firstname", "given name", "forename", "first", "vorname", "prénom", "prenom",
                   "nombre", "名"),
    "middle_name": ("middle name", "middlename", "additional name", "middle"),
    "last_name": ("last name", "lastname", "surname", "family name", "last", "nachname", "apellido",
                  "apellidos", "姓", "姓氏"),
    "title": (
        "title", "job title", "jobtitle", "position", "job", "designation", "role", "occupation", "job position",
        "organization 1 title", "function", "funktion", "position title", "cargo", "poste", "должность",
        "职位", "职务", "头衔", "职称", "岗位", "職位", "職稱", "職務",
    ),
    "email": (
        "email", "e-mail", "e mail", "mail", "email address", "e-mail address", "emails", "email id",
        "mail address", "primary email", "secondary email", "email 1 value", "e-mail 1 value", "correo",
        "correo electronico", "courriel", "почта", "электронная почта",
        "邮箱", "电子邮件", "电子邮箱", "邮件", "邮箱地址", "电邮", "郵箱", "電子郵件", "電郵", "電子信箱", "信箱",
    ),
    "phone": (
        "phone", "tel", "telephone", "phone number", "phone no", "tel no", "tel number", "telephone number",
        "telephone no", "mobile", "mobile phone", "mobile number", "mobile no", "cell", "cell phone",
        "cellphone", "handphone", "hp", "mob", "contact number", "contact no", "phone 1 value", "telefon",
        "telefono", "téléphone", "telefone", "телефон",
        "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "座机", "固话", "移动电话", "客户手机号",
        "联系方式", "手机电话", "电话手机", "電話", "手機", "聯絡電話", "行動電話",
    ),
    "whatsapp": ("whatsapp", "whats app", "whatsapp number", "whatsapp no", "wa", "wa number"),
    "wechat": ("wechat", "we chat", "weixin", "wechat id", "微信", "微信号", "微信號"),
    "skype": ("skype", "skype id", "im skype", "skype name"),
    "linkedin": ("linkedin", "linkedin url", "linkedin profile", "linked in", "领英"),
    "country": (
        "country", "country/region", "country region", "country name", "country code", "nation",
        "address 1 country", "land", "pais", "país", "pays", "страна",
        "国家", "国家/地区", "国家地区", "国别", "国家或地区", "所在国家", "國家", "國家/地區",
    ),
    "city": ("city", "town", "locality", "address 1 city", "stadt", "ort", "ciudad", "ville", "город",
             "城市", "所在城市", "市", "城市名称"),
    "address": (
        "address", "street", "street address", "address line 1", "address line 2", "address1", "address2",
        "addr", "postal address", "mailing address", "zip", "zip code", "zipcode", "postcode", "post code",
        "postal code", "state", "province", "region", "po box", "state/province", "address 1 formatted",
        "address 1 street", "address 1 po box", "address 1 region", "address 1 postal code",
        "address 1 extended address", "adresse", "anschrift", "strasse", "plz", "direccion", "dirección",
        "адрес", "地址", "详细地址", "通讯地址", "公司地址", "联系地址", "省", "省份", "省市区", "省市", "邮编",
        "邮政编码", "地區", "地址1", "通訊地址", "郵遞區號",
    ),
    "website": (
        "website", "web site", "web", "url", "homepage", "home page", "web page", "webpage", "site", "www",
        "company website", "website 1 value", "webseite", "sitio web", "site web", "сайт",
        "网址", "网站", "公司网址", "公司网站", "官网", "主页", "網址", "網站",
    ),
    "products": (
        "products", "product", "interested products", "interested product", "product interest",
        "products of interest", "interest", "interests", "inquiry product", "enquiry product", "main products",
        "product category", "produkte",
        "产品", "感兴趣产品", "感兴趣的产品", "意向产品", "询盘产品", "主营产品", "采购产品", "主营", "需求产品", "產品",
        "感興趣產品", "採購產品",
    ),
    "notes": (
        "notes", "note", "remark", "remarks", "comment", "comments", "memo", "description", "bemerkung",
        "bemerkungen", "notiz", "notas", "observaciones", "примечание",
        "备注", "说明", "留言", "备注信息", "附注", "跟进日志", "備註", "說明",
    ),
    "booth": ("booth", "booth no", "booth number", "booth location", "stand", "stand no", "stand number",
              "hall/booth", "hall booth", "hall and booth", "展位", "展位号", "摊位", "展位號", "攤位"),
    "source": ("source", "lead source", "customer source", "来源", "客户来源", "渠道", "來源"),
    "tags": ("tags", "tag", "labels", "label", "categories", "category", "groups", "group membership",
             "标签", "客户标签", "分组", "分类", "標籤"),
    "industry": ("industry", "sector", "branche", "industria", "行业", "所属行业", "行業"),
    "company_size": ("company size", "employees", "number of employees", "headcount", "staff",
                     "公司规模", "规模", "员工人数", "人数"),
    "rating": ("rating", "grade", "customer level", "customer grade", "客户等级", "客户级别", "评级", "客戶等級"),
    "birthday": ("birthday", "birth date", "birthdate", "date of birth", "dob", "bday", "geburtstag",
                 "生日", "出生日期"),
    # The day a trade-show card was collected: a "Met at" timeline entry and the last contact.
    "met_on": ("date", "date met", "met on", "visit date", "visiting date", "scan date", "scanned on", "lead date",
               "collected on", "card date", "meeting date", "日期", "到访日期", "来访日期", "登记日期", "采集日期",
               "见面日期", "拜访日期"),
    "hall": ("hall", "hall no", "hall number", "exhibition hall", "halle", "展馆", "展馆号", "馆号", "展廳", "展館"),
    # A row another program marked deleted is listed and not imported.
    "deleted": ("isdeleted", "is deleted", "deleted", "deleted flag", "record status", "已删除", "删除", "是否删除",
                "删除标记"),
    "ignore": (
        "#", "no", "no.", "nr", "s/n", "sn", "sl no", "serial", "serial no", "row", "index", "序号", "编号序号",
        "import problems",  # the column an error report adds
    ),
}

# Whole layouts that give an ordinary header a special meaning: (required headers, overrides).
LAYOUTS: tuple[tuple[frozenset[str], dict[str, str]], ...] = (
    # LinkedIn Connections.csv: "URL" is the person's profile, not a company website.
    (frozenset({"first name", "last name", "url", "connected on"}), {"url": "linkedin"}),
)

# Words that only say which of several columns this is; dropped before a second lookup.
# First the words that only say which of several alike columns this is, then the generic nouns.
QUALIFIERS = frozenset({
    "business", "work", "home", "primary", "main", "other", "office", "personal", "private", "company",
    "value", "公司", "办公", "家庭", "个人", "mailing", "billing", "shipping",  # Salesforce: MailingCity
})
# Words that only say which language a column is in: "Company Name (English)", "公司名称（中文）".
LANGUAGE_MARKS = ("english", "chinese", "en", "eng", "cn", "zh", "chn", "local", "native", "中文", "英文", "外文")
GENERIC_WORDS = frozenset({"address", "number", "no", "id"})
# Headers whose column keeps "Header: value" in the notes whatever its values look like: a fax
# or pager number is phone-shaped but nobody calls or messages it, and an article number or an ID
# of ten digits is no phone number either. Whole words of a Latin header, parts of a Chinese one.
NO_CONTENT_CLAIM = frozenset({"fax", "telefax", "pager", "id", "code", "sku", "ref", "reference", "article",
                              "artikel", "传真", "傳真", "传呼", "编号", "编码", "代码", "货号", "型号", "料号"})
