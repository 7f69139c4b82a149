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

from trade_crm.store.fields import MoneyField, UTCDateTimeField

database = DatabaseProxy()

SOURCES = ("trade_show", "website", "marketplace", "referral", "other")
RATINGS = ("A", "B", "C", "D")
LIFECYCLES = ("potential", "new", "returning", "loyal", "dormant", "lost")
INTERACTION_KINDS = (
    "email", "call", "whatsapp", "wechat", "meeting", "visit", "note", "inquiry",
    "sample", "quotation", "order", "greeting", "import", "stage_change", "merge",
)
# Kinds that mean we were in touch with the customer; a note or an import is not contact.
CONTACT_KINDS = frozenset({
    "email", "call", "whatsapp", "wechat", "meeting", "visit", "inquiry", "sample", "quotation", "order",
    "greeting",
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
