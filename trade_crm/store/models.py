"""The peewee models: one table a class, all bound to one DatabaseProxy.

The tables themselves are created by numbered migrations (store/migrations.py), never by
`create_tables`, so that a database built by any earlier version upgrades the same way a new
one is built. A test checks that these classes and the migrated schema agree.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from trade_crm.store.fields import ExactDecimalField, MoneyField, UTCDateTimeField

database = DatabaseProxy()

SOURCES = ("trade_show", "website", "marketplace", "referral", "other")
RATINGS = ("A", "B", "C", "D")
LIFECYCLES = ("potential", "new", "returning", "loyal", "dormant", "lost")
INTERACTION_KINDS = (
    "email", "call", "whatsapp", "wechat", "meeting", "visit", "note", "inquiry",
    "sample", "quotation", "order", "greeting", "import", "stage_change", "merge", "handover", "proforma",
)
# Kinds that mean we were in touch with the customer; a note, an import or a handover is not contact.
CONTACT_KINDS = frozenset({
    "email", "call", "whatsapp", "wechat", "meeting", "visit", "inquiry", "sample", "quotation", "order",
    "greeting", "proforma",
})
CHANNEL_KINDS = ("email", "phone", "whatsapp", "wechat", "skype", "linkedin")
OPPORTUNITY_STAGES = ("inquiry", "quotation", "sample", "negotiation", "won", "lost")
REMINDER_KINDS = ("follow_up", "greeting", "birthday", "dormant", "notice")
REMINDER_STATES = ("open", "done", "snoozed", "dismissed")


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Customer(BaseModel):
    id = AutoField()
    name = TextField()
    alt_name = TextField(default="")  # the name in another script or language (公司名称 beside Company)
    country = CharField(max_length=2, null=True)  # ISO 3166-1 alpha-2
    city = TextField(default="")
    address = TextField(default="")
    website = TextField(default="")
    source = CharField(default="other")
    industry = TextField(default="")
    products = TextField(default="")
    company_size = TextField(default="")
    rating = CharField(max_length=1, null=True)
    preferred_language = CharField(default="")
    currency = CharField(max_length=3, default="")
    notes = TextField(default="")
    lifecycle = CharField(default="potential")
    lost = BooleanField(default=False)  # set by hand; the computed lifecycle never clears it
    follow_up_on = DateField(null=True)  # next follow-up day, in the user's calendar
    last_contact_at = UTCDateTimeField(null=True)  # newest interaction, kept by domain writes
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    # On a team server, the login role that owns the customer (None: the public pool); the server fills it
    # with the writer's role. A book on a laptop has one user and leaves it None.
    owner = TextField(null=True)
    version = IntegerField(default=1)  # one more at each save: a save over a newer version is a conflict


class Contact(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="contacts", on_delete="CASCADE")
    name = TextField(default="")
    title = TextField(default="")
    birthday = DateField(null=True)
    is_primary = BooleanField(default=False)
    notes = TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    version = IntegerField(default=1)


class ContactChannel(BaseModel):
    """One way to reach a contact: an email, a phone, a WhatsApp number, a WeChat id, ...

    `value` is the normalised form (lower-case email, E.164 phone) used for matching; `raw` is
    what the user typed, kept so an unparseable number is never lost.
    """

    id = AutoField()
    contact = ForeignKeyField(Contact, backref="channels", on_delete="CASCADE")
    kind = CharField()
    value = TextField()
    raw = TextField(default="")
    position = IntegerField(default=0)


class Interaction(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="interactions", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, backref="interactions", on_delete="SET NULL")
    kind = CharField()
    occurred_at = UTCDateTimeField()
    summary = TextField(default="")
    body = TextField(default="")
    follow_up_on = DateField(null=True)
    valid_until = DateField(null=True)  # a quotation's validity
    created_at = UTCDateTimeField()


class Opportunity(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="opportunities", on_delete="CASCADE")
    title = TextField()
    stage = CharField(default="inquiry")
    value = MoneyField(null=True)
    currency = CharField(max_length=3, default="USD")
    probability = IntegerField(null=True)
    expected_close = DateField(null=True)
    closed_on = DateField(null=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    version = IntegerField(default=1)


class Order(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="orders", on_delete="CASCADE")
    ordered_on = DateField()
    amount = MoneyField()
    currency = CharField(max_length=3, default="USD")
    reference = TextField(default="")
    notes = TextField(default="")
    created_at = UTCDateTimeField()

    class Meta:
        table_name = "orders"


class Reminder(BaseModel):
    id = AutoField()
    key = TextField(unique=True)  # kind + subject + date: raised once, remembered for good
    kind = CharField()
    due_on = DateField()
    customer = ForeignKeyField(Customer, null=True, backref="reminders", on_delete="CASCADE")
    title = TextField()
    detail = TextField(default="")
    payload = TextField(default="{}")  # JSON: e.g. the customer ids a greeting covers
    state = CharField(default="open")
    snoozed_until = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


class Tag(BaseModel):
    id = AutoField()
    name = TextField(unique=True)


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, backref="tag_links", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="customer_links", on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("customer", "tag")


class CustomField(BaseModel):
    id = AutoField()
    name = TextField(unique=True)
    kind = CharField(default="text")  # text, number, date, choice
    choices = TextField(default="")  # newline-separated, for kind == "choice"
    position = IntegerField(default=0)


class CustomFieldValue(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="custom_values", on_delete="CASCADE")
    field = ForeignKeyField(CustomField, backref="values", on_delete="CASCADE")
    value = TextField(default="")

    class Meta:
        indexes = ((("customer", "field"), True),)


class ImportBatch(BaseModel):
    """One import, with a journal of what it created and what it changed, so it can be undone."""

    id = AutoField()
    file_name = TextField()
    source = TextField(default="")
    tag = TextField(default="")
    created_at = UTCDateTimeField()
    undone_at = UTCDateTimeField(null=True)
    summary = TextField(default="{}")  # JSON counts
    journal = TextField(default="{}")  # JSON: created ids, previous values of updated rows


class CustomerShare(BaseModel):
    """A customer its owner shares with another salesperson (a login role on a team server)."""

    customer = ForeignKeyField(Customer, backref="shares", on_delete="CASCADE")
    person = TextField()

    class Meta:
        primary_key = CompositeKey("customer", "person")


class AuditEntry(BaseModel):
    """One change on a team server: who, when, what, the row before and after (JSON).

    Not a foreign key to the customer: the history of a deleted customer outlives it.
    """

    id = AutoField()
    at = UTCDateTimeField()
    actor = TextField()
    tbl = TextField()
    row_id = IntegerField(null=True)
    customer_id = IntegerField(null=True)
    action = CharField()  # insert, update, delete
    before = TextField(null=True)
    after = TextField(null=True)


class RowOrigin(BaseModel):
    """Where a server row came from: a laptop book that was published, or a laptop's offline outbox.

    `origin` names the book or device, `key` the row there (its id, or the uid the laptop made), so that
    publishing again or re-sending an outbox entry finds the row instead of creating it twice.
    """

    origin = TextField()
    tbl = TextField()
    key = TextField()
    row_id = IntegerField()

    class Meta:
        primary_key = CompositeKey("origin", "tbl", "key")


class Setting(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()  # JSON


ALL_MODELS = (
    Customer, Contact, ContactChannel, Interaction, Opportunity, Order, Reminder,
    Tag, CustomerTag, CustomField, CustomFieldValue, ImportBatch, CustomerShare, AuditEntry, RowOrigin, Setting,
)
"""The models of the server's base schema (store/pg_schema.py, version 7 and the columns added up to 10).
Tables of later migrations are created by their steps on both engines (MAIL_MODELS: step 13)."""


# --- mail in (#19), migration 13: a mailbox is its login's own on a server (store/pg_mail.py) ---------------

class MailAccount(BaseModel):
    """An IMAP account. No password, ever: the OS keyring holds it (domain/mail/accounts.secret_name)."""

    id = AutoField()
    label = TextField(default="")
    email = TextField()
    provider = CharField(default="other")
    host = TextField()
    port = IntegerField()
    security = CharField(default="ssl")  # "ssl" (993) or "starttls"
    username = TextField()
    since_on = DateField(null=True)  # the first sync reaches back to this day
    extra_folders = TextField(default="[]")  # JSON: folders the user ticked besides INBOX and Sent
    interval_minutes = IntegerField(default=15)
    enabled = BooleanField(default=True)
    own_domains = TextField(default="[]")  # JSON: the user's own domains (mail among them is internal)
    created_at = UTCDateTimeField()
    owner = TextField(null=True)  # a server fills it with the login (column default)
    # mail out (#20), migration 17: the account's SMTP side, its signature and how fast it may send
    smtp_host = TextField(default="")
    smtp_port = IntegerField(default=465)
    smtp_security = CharField(default="ssl")  # "ssl" (implicit TLS, 465) or "starttls" (587)
    smtp_username = TextField(default="")  # "" = the IMAP username
    signature = TextField(default="")
    send_interval_seconds = IntegerField(default=20)
    daily_cap = IntegerField(default=0)  # 0 = the provider preset's cap


class MailFolder(BaseModel):
    """Where an incremental sync of one folder stands."""

    account = ForeignKeyField(MailAccount, on_delete="CASCADE")
    folder = TextField()
    uidvalidity = IntegerField()
    last_uid = IntegerField(default=0)
    highest_modseq = IntegerField(null=True)
    synced_at = UTCDateTimeField(null=True)
    owner = TextField(null=True)

    class Meta:
        primary_key = CompositeKey("account", "folder")


class MailMessage(BaseModel):
    """One message, however many folders or accounts hold a copy (`key`: Message-ID, else content hash)."""

    id = AutoField()
    key = TextField()
    message_id = TextField(default="")
    subject = TextField(default="")
    sender = TextField(default="")
    sender_name = TextField(default="")
    recipients = TextField(default="[]")  # JSON [[kind, email, name], ...], kind "to" or "cc"
    sent_at = UTCDateTimeField()
    direction = CharField(default="in")  # "in" or "out"
    in_reply_to = TextField(default="")
    refs = TextField(default="[]")  # JSON: the References header's ids
    thread_key = TextField(default="")
    text = TextField(default="")
    text_truncated = BooleanField(default=False)
    auto = CharField(default="")  # "", "auto_reply", "bounce"
    attachments = TextField(default="[]")  # JSON [{"name", "size", "content_type", "part"}, ...]
    problems = TextField(default="[]")  # JSON: what could not be read
    status = CharField(default="unmatched")  # matched, new_sender, unmatched, internal, never_log
    created_at = UTCDateTimeField()
    owner = TextField(null=True)


class MailLocation(BaseModel):
    """One copy of a message on a server: account, folder, UIDVALIDITY, UID."""

    account = ForeignKeyField(MailAccount, on_delete="CASCADE")
    folder = TextField()
    uidvalidity = IntegerField()
    uid = IntegerField()
    message = ForeignKeyField(MailMessage, on_delete="CASCADE")
    owner = TextField(null=True)

    class Meta:
        primary_key = CompositeKey("account", "folder", "uidvalidity", "uid")


class MailLink(BaseModel):
    """A message put on a customer's timeline: the entry it made, in or out, by which rule."""

    message = ForeignKeyField(MailMessage, on_delete="CASCADE")
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    direction = CharField(default="in")
    rule = CharField(default="address")  # address, domain, thread, created
    thread_key = TextField(default="")  # the message's thread: entries are grouped by it on the timeline
    owner = TextField(null=True)

    class Meta:
        primary_key = CompositeKey("message", "customer")


class MailSender(BaseModel):
    """An outside sender no customer matched: waiting for triage (new), ignored, or made a customer (created)."""

    id = AutoField()
    email = TextField()
    name = TextField(default="")
    state = CharField(default="new")
    customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL")
    last_message = ForeignKeyField(MailMessage, null=True, on_delete="SET NULL")
    messages = IntegerField(default=0)
    first_seen_at = UTCDateTimeField()
    last_seen_at = UTCDateTimeField()
    owner = TextField(null=True)


class MailNeverLog(BaseModel):
    """An address ("x@y.com") or a domain ("y.com") whose mail is never logged."""

    id = AutoField()
    value = TextField()
    created_at = UTCDateTimeField()
    owner = TextField(null=True)


MAIL_MODELS = (MailAccount, MailFolder, MailMessage, MailLocation, MailLink, MailSender, MailNeverLog)


# --- mail out (#20), migration 17: the outbox, a login's own on a server -------------------------------------

class OutboxMessage(BaseModel):
    """One message to send, one recipient set: its Message-ID is fixed when queued, so a retry after a crash can
    ask the Sent folder whether it went (domain/mail/outbox.py; states in domain/mail/outgoing.OutboxState)."""

    id = AutoField()
    account = ForeignKeyField(MailAccount, on_delete="CASCADE")
    customer = ForeignKeyField(Customer, null=True, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    message_id = TextField()  # without angle brackets
    to_addrs = TextField(default="[]")  # JSON [[email, name], ...]
    cc_addrs = TextField(default="[]")
    bcc_addrs = TextField(default="[]")
    subject = TextField(default="")
    text = TextField(default="")
    html = TextField(default="")
    attachments = TextField(default="[]")  # JSON [{"path", "name", "size", "content_type"}, ...]
    template = TextField(default="")  # the template it was made from: "key/language"
    purpose = TextField(default="")  # "manual", "greeting:<key>:<year>", "sequence:<interaction id>" …
    in_reply_to = TextField(default="")
    refs = TextField(default="[]")  # JSON: the References ids
    cancel_on_reply = BooleanField(default=False)
    state = CharField(default="queued")
    send_at = UTCDateTimeField(null=True)  # not before; None = as soon as the throttle allows
    next_attempt_at = UTCDateTimeField(null=True)
    attempts = IntegerField(default=0)
    last_error = TextField(default="")
    sent_at = UTCDateTimeField(null=True)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")  # its timeline entry, once sent
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    owner = TextField(null=True)

    class Meta:
        table_name = "outbox_message"


# --- files (#22), migration 18: a customer's files, content-addressed on disk --------------------------------

class Attachment(BaseModel):
    """A file kept with a customer or one of their timeline entries; the bytes live once per content under the
    attachments folder (domain/attachments/blobs.py), this row names them."""

    id = AutoField()
    sha256 = CharField()
    name = TextField()
    size = IntegerField()
    content_type = TextField(default="")
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="CASCADE")
    source = CharField(default="user")  # user, whatsapp, mail, quotation
    created_at = UTCDateTimeField()
    deleted_at = UTCDateTimeField(null=True)  # a delete is undoable until the row goes
    owner = TextField(null=True)


# --- products, quotations, proforma invoices (#21), migration 21 ----------------------------------------------

QUOTATION_STATES = ("draft", "sent", "accepted", "rejected", "expired", "superseded", "ordered")
PROFORMA_STATES = ("issued", "sent", "ordered", "cancelled")


def _price(**kwargs) -> ExactDecimalField:
    return ExactDecimalField(places=4, **kwargs)


class Product(BaseModel):
    """A catalog item. Prices live in its tiers (ProductPrice), in the product's currency; cost is for the
    margin a salesperson sees while quoting and is never printed. Packing is per export carton."""

    id = AutoField()
    sku = TextField(unique=True)
    name = TextField()
    local_names = TextField(default="{}")  # JSON {"zh": "LED 面板灯", "ar": "…"}
    description = TextField(default="")
    hs_code = TextField(default="")
    unit = TextField(default="pcs")
    moq = IntegerField(default=0)  # 0: no minimum
    currency = CharField(max_length=3, default="USD")
    cost = _price(null=True)
    pcs_per_carton = IntegerField(null=True)
    carton_length_cm = ExactDecimalField(places=1, null=True)
    carton_width_cm = ExactDecimalField(places=1, null=True)
    carton_height_cm = ExactDecimalField(places=1, null=True)
    carton_cbm = ExactDecimalField(places=6, null=True)
    carton_net_kg = ExactDecimalField(places=3, null=True)
    carton_gross_kg = ExactDecimalField(places=3, null=True)
    tags = TextField(default="")  # comma-separated, as typed
    photos = TextField(default="[]")  # JSON [{"sha256": …, "name": …}]: bytes in the attachment blob store
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    archived_at = UTCDateTimeField(null=True)
    owner = TextField(null=True)


class ProductPrice(BaseModel):
    """One price tier: from `min_quantity` up, each unit costs `unit_price` (the product's currency)."""

    id = AutoField()
    product = ForeignKeyField(Product, backref="prices", on_delete="CASCADE")
    min_quantity = ExactDecimalField(places=3, default=0)
    unit_price = _price()

    class Meta:
        indexes = ((("product", "min_quantity"), True),)


class Quotation(BaseModel):
    """One revision of a quotation: v2 is a new row with the same number, revision 2 and `previous` the v1 row,
    so what was sent stays as it was sent."""

    id = AutoField()
    number = TextField()
    revision = IntegerField(default=1)
    previous = ForeignKeyField("self", null=True, backref="revisions", on_delete="SET NULL")
    customer = ForeignKeyField(Customer, backref="quotations", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    issued_on = DateField()
    valid_until = DateField(null=True)
    status = CharField(default="draft")
    currency = CharField(max_length=3)
    incoterm = CharField(max_length=3, default="")
    incoterm_place = TextField(default="")
    payment_terms = TextField(default="")
    lead_time = TextField(default="")
    notes = TextField(default="")
    total = _price(default=0)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")  # the timeline entry of sending
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    owner = TextField(null=True)


class _DocumentLine(BaseModel):
    """A line as offered: words, unit, packing and cost copied from the catalog when written."""

    id = AutoField()
    position = IntegerField()
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    sku = TextField(default="")
    description = TextField()
    unit = TextField(default="pcs")
    quantity = ExactDecimalField(places=3)
    unit_price = _price()
    discount_percent = ExactDecimalField(places=4, default=0)
    amount = _price()  # rounded to the currency's minor unit (domain/quotes/money.py)
    cost = _price(null=True)
    hs_code = TextField(default="")
    pcs_per_carton = IntegerField(null=True)
    carton_cbm = ExactDecimalField(places=6, null=True)
    carton_net_kg = ExactDecimalField(places=3, null=True)
    carton_gross_kg = ExactDecimalField(places=3, null=True)


class QuotationLine(_DocumentLine):
    quotation = ForeignKeyField(Quotation, backref="lines", on_delete="CASCADE")


class ProformaInvoice(BaseModel):
    """A PI, usually from an accepted quotation. `seller` is a JSON snapshot of the seller's profile (company,
    address, bank) as printed, so a later change of bank does not rewrite an issued PI."""

    id = AutoField()
    number = TextField(unique=True)
    quotation = ForeignKeyField(Quotation, null=True, backref="proformas", on_delete="SET NULL")
    customer = ForeignKeyField(Customer, backref="proformas", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    issued_on = DateField()
    status = CharField(default="issued")
    seller = TextField(default="{}")
    buyer = TextField(default="")
    consignee = TextField(default="")
    port_of_loading = TextField(default="")
    port_of_discharge = TextField(default="")
    order = ForeignKeyField(Order, null=True, on_delete="SET NULL")
    currency = CharField(max_length=3)
    incoterm = CharField(max_length=3, default="")
    incoterm_place = TextField(default="")
    payment_terms = TextField(default="")
    lead_time = TextField(default="")
    notes = TextField(default="")
    total = _price(default=0)
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    owner = TextField(null=True)


class ProformaLine(_DocumentLine):
    proforma = ForeignKeyField(ProformaInvoice, backref="lines", on_delete="CASCADE")


QUOTE_MODELS = (Product, ProductPrice, Quotation, QuotationLine, ProformaInvoice, ProformaLine)
