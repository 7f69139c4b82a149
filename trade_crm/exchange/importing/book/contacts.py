"""The contacts an exported book's rows edit, add or fill (a part of export_import_edits.Editor).

By Contact CRM ID a row edits that contact: a changed cell replaces the value, a channel cell
("a@x.com; b@y.com") replaces the contact's values of that kind. A row without one is the same
person as a contact with that name (or, without names, a shared email or phone) and fills it, else
a new contact. The Customers sheet's Primary contact, Email and Phone edit the contact that sheet
showed, where they differ from what it showed.
"""

from __future__ import annotations

from trade_crm.domain.text import clean_block, clean_line, normalize_email, split_emails
from trade_crm.domain.world.phones import normalize_phone, split_phones
from trade_crm.exchange.importing.book.state import ContactState, Record, alike
from trade_crm.exchange.importing.plan import BookRow
from trade_crm.exchange.importing.stored import same_contact
from trade_crm.store.models import CHANNEL_KINDS


class ContactEdits:
    """Mixed into Editor: needs its state, ctx, edit, creating, warn(), note() and counters."""

    def _primary_view(self) -> tuple[ContactState | None, str, str, str]:
        contact = self.state.primary()
        if contact is None:
            return None, "", "", ""
        emails = contact.channel_values("email")
        phones = contact.channel_values("phone") or contact.channel_values("whatsapp")
        return contact, contact.get("name") or "", emails[0] if emails else "", phones[0] if phones else ""

    def _country(self) -> str | None:
        return self.state.row.get("country")

    def _channels(self, row: BookRow, kind: str, text: str, known: frozenset = frozenset()) -> list[tuple[str, str]] | None:
        """(value, raw) of one channel cell; None (with a warning) when an email cannot be read. A value
        in `known` (the contact has it) is taken as it is, unread: it reads as itself."""
        if kind == "email":
            found = []
            for part in split_emails(text):
                email = normalize_email(part)
                if email is None:
                    self.warn(row, kind, f'"{part}" is not an email address; this cell is not imported')
                    return None
                found.append((email, ""))
            return found
        if kind in ("phone", "whatsapp"):
            found = []
            for part in split_phones(text):
                if part in known:
                    found.append((part, ""))
                    continue
                phone = normalize_phone(part, self._country())
                if phone.value:
                    found.append((phone.value, phone.raw if phone.raw != phone.value else ""))
            return found
        return [(clean_line(p), "") for p in text.split(";") if clean_line(p)]

    def _contact_values(self, row: BookRow, known: frozenset = frozenset()) -> tuple[dict, dict]:
        values: dict = {}
        for key, clean in (("name", clean_line), ("title", clean_line), ("notes", clean_block)):
            if row.has(key):
                values[key] = clean(row.values.get(key, ""))
        if row.has("birthday"):
            birthday = row.values.get("birthday")
            values["birthday"] = birthday.isoformat() if birthday else None
        channels = {}
        for kind in CHANNEL_KINDS:
            if row.has(kind):
                found = self._channels(row, kind, row.values.get(kind, ""), known)
                if found is not None:
                    channels[kind] = found
        return values, channels

    def contact_row(self, row: BookRow) -> None:
        if self.moved(row, "contact_id"):
            return
        own = row.own_id
        contact = None
        if self.edit and own is not None:
            contact = next((c for c in self.state.contacts if c.id == own), None)
        values, channels = self._contact_values(row, frozenset(contact.channel_values()) if contact else frozenset())
        if contact is not None:
            self._edit_contact(contact, values, channels)
        else:
            contact = None if (own is not None and self.creating) else self._same_contact(values, channels)
            if contact is None:
                contact = self._new_contact(row, values, channels)
                if contact is None:
                    return
            else:
                self._fill_contact(contact, values, channels)
        if row.values.get("primary"):
            self.flagged_primary = True
            if not contact.is_primary:
                self._make_primary(contact)

    def _same_contact(self, values: dict, channels: dict) -> ContactState | None:
        name = values.get("name", "")
        mine = {v for found in channels.values() for v, _ in found}
        return next((c for c in self.state.contacts
                     if same_contact(c.get("name") or "", set(c.channel_values()), name, mine)), None)

    def _new_contact(self, row: BookRow, values: dict, channels: dict) -> ContactState | None:
        if not values.get("name") and not any(channels.values()):
            if any(values.values()):
                self.warn(row, "name", "a contact needs a name or a way to reach them; this row is not imported")
            return None
        keep = row.own_id if self.ctx.keep_ids else None
        contact = ContactState(None, {"name": "", "title": "", "birthday": None, "is_primary": False, "notes": "",
                                      "created_at": self.ctx.now, "updated_at": self.ctx.now}, new_id=keep)
        contact.values.update({k: v for k, v in values.items() if v not in (None, "")})
        for kind, found in channels.items():
            self._add_channels(contact, kind, found, verbatim=self.creating)
        if not self.state.contacts:
            contact.values["is_primary"] = True
        self.state.contacts.append(contact)
        self.new_contacts += 1
        self.note("contacts", "", f"new: {contact.get('name') or contact.channel_values()[0]}")
        return contact

    def _edit_contact(self, contact: ContactState, values: dict, channels: dict) -> None:
        label, changed = contact.get("name") or str(contact.id), []
        for column, value in values.items():
            current = contact.get(column)
            if alike(column, current, value) or (column == "name" and not value and not contact.channels):
                continue
            contact.set(column, value)
            changed.append(column)
        for kind, found in channels.items():
            wanted, stored = [v for v, _ in found], set(contact.channel_values(kind))
            if set(wanted) == stored or {raw or v for v, raw in found} == stored:
                continue  # as stored (a number kept as typed stays so, though it reads now)
            for channel in [c for c in contact.channels if c.values["kind"] == kind and c.values["value"] not in wanted]:
                self._remove_channel(contact, channel)
            self._add_channels(contact, kind, found)
            changed.append(kind)
        if changed:
            self.note(f"contact {label}", "", ", ".join(changed))

    def _fill_contact(self, contact: ContactState, values: dict, channels: dict) -> None:
        changed = []
        for column, value in values.items():
            if value not in (None, "") and (contact.get(column) in (None, "") or self.ctx.overwrite) \
                    and contact.set(column, value):
                changed.append(column)
        for kind, found in channels.items():
            if self._add_channels(contact, kind, found):
                changed.append(kind)
        if changed:
            self.note(f"contact {contact.get('name') or contact.id}", "", ", ".join(changed))

    def _add_channels(self, contact: ContactState, kind: str, found: list[tuple[str, str]], *,
                      verbatim: bool = False) -> int:
        """Add the values the contact lacks; `verbatim`: all, as the file has them (a customer restored
        from its export comes back as it was, even with an address typed twice)."""
        have = set(contact.channel_values(kind))
        position = max((c.values["position"] for c in contact.channels), default=-1) + 1
        added = 0
        for value, raw in found:
            if verbatim or value not in have:
                contact.channels.append(Record(None, {"kind": kind, "value": value, "raw": raw,
                                                      "position": position + added}))
                have.add(value)
                added += 1
        return added

    @staticmethod
    def _remove_channel(contact: ContactState, channel: Record) -> None:
        contact.channels.remove(channel)
        if channel.id is not None:
            contact.removed.append(channel)

    def _make_primary(self, contact: ContactState) -> None:
        for other in self.state.contacts:
            other.set("is_primary", other is contact)
        self.note("primary contact", "", contact.get("name") or "")

    def primary_cells(self, row: BookRow, baseline: tuple[ContactState | None, str, str, str]) -> None:
        """The Customers sheet's primary contact, email and phone: edits (to the contact it showed) where
        they differ from what it showed, `baseline`."""
        if not (row.has("contact") or row.has("email") or row.has("phone")):
            return
        name = clean_line(row.values.get("contact", ""))
        email = self._channels(row, "email", row.values.get("email", "")) if row.has("email") else []
        if email is None:
            return
        shown, old_name, old_email, old_phone = baseline
        phone = self._channels(row, "phone", row.values.get("phone", ""), frozenset((old_phone,))) \
            if row.has("phone") else []
        contact = shown if shown in self.state.contacts else self.state.primary()
        if shown is None or contact is None or not self.edit:  # nothing was shown: a contact to fill or add
            values = {"name": name} if name else {}
            channels = {k: v[:1] for k, v in (("email", email), ("phone", phone)) if v}
            found = self._same_contact(values, channels)
            if found is not None:
                if "phone" in channels and channels["phone"][0][0] in found.channel_values("whatsapp"):
                    del channels["phone"]  # the sheet's Phone shows a WhatsApp number when there is no phone
                self._fill_contact(found, values, channels)
            elif values or channels:
                added = self._new_contact(row, values, channels)
                if added is not None and self.creating and not self.flagged_primary:
                    self._make_primary(added)  # a new customer's contact is the one its row names
            return
        if row.has("contact") and name and name != clean_line(old_name) and contact.set("name", name):
            self.note(f"contact {old_name}", "", "name")
        if row.has("email"):
            self._replace(contact, ("email",), old_email, email[0] if email else ("", ""))
        if row.has("phone"):
            self._replace(contact, ("phone", "whatsapp"), old_phone, phone[0] if phone else ("", ""))

    def _replace(self, contact: ContactState, kinds: tuple[str, ...], old: str, new: tuple[str, str]) -> None:
        value, raw = new
        if value == old or (raw or value) == old:
            return
        ours = [c for c in contact.channels if c.values["kind"] in kinds]
        current = next((c for c in ours if c.values["value"] == old), None) if old else None
        if value and any(c.values["value"] == value for c in ours):
            if current is not None:
                self._remove_channel(contact, current)
        elif current is not None and value:
            current.set("value", value)
            current.set("raw", raw)
        elif current is not None:
            self._remove_channel(contact, current)
        elif value:
            self._add_channels(contact, kinds[0], [(value, raw)])
        self.note(f"contact {contact.get('name') or contact.id}", old, value)
