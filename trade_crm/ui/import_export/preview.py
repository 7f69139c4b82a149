"""The mapping page's preview table (the first rows as the plan would import them, one column per
field), and the CRM fields' names as the wizard shows them.

Columns follow the file's order of the fields in use; a customer made of several rows shows once,
with its rows; a row that cannot be imported shows its problem instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from trade_crm.domain.world.countries import country_name
from trade_crm.exchange.importing.importer import ImportPlan, PlannedCustomer
from trade_crm.exchange.importing.layout.headers import FIELDS, ColumnMapping
from trade_crm.ui.common.i18n import country_language, fill, system_language

NAME_PARTS = ("contact_name", "first_name", "middle_name", "last_name")
CONTACT_TEXT = ("wechat", "skype", "linkedin")
ERROR_COLOUR = QColor("#c0392b")
WARNING_COLOUR = QColor("#b9770e")


def target_text(column: ColumnMapping) -> str:
    return f"custom:{column.custom_name}" if column.target == "custom" and column.custom_name else column.target


class FieldNames(QObject):
    """The CRM fields' names as the user reads them (the engine's FIELDS are English only)."""

    def labels(self) -> dict[str, str]:
        names = {
            "company": self.tr("Company"), "alt_name": self.tr("Other name"), "contact_name": self.tr("Contact name"),
            "first_name": self.tr("First name"), "middle_name": self.tr("Middle name"),
            "last_name": self.tr("Last name"), "title": self.tr("Job title"), "email": self.tr("Email"),
            "phone": self.tr("Phone"), "whatsapp": self.tr("WhatsApp"), "wechat": self.tr("WeChat"),
            "skype": self.tr("Skype"), "linkedin": self.tr("LinkedIn"), "country": self.tr("Country"),
            "city": self.tr("City"), "address": self.tr("Address"), "website": self.tr("Website"),
            "products": self.tr("Products"), "notes": self.tr("Notes"), "booth": self.tr("Booth"),
            "source": self.tr("Source"), "tags": self.tr("Tags"), "industry": self.tr("Industry"),
            "company_size": self.tr("Company size"), "rating": self.tr("Rating"), "birthday": self.tr("Birthday"),
            "met_on": self.tr("Date met"), "hall": self.tr("Hall"), "deleted": self.tr("Deleted flag"),
        }
        return {key: names.get(key, english) for key, english in FIELDS.items()}


def preview_key(column: ColumnMapping) -> str:
    if column.target in NAME_PARTS:
        return "contact_name"
    if column.target == "custom":
        return "custom:" + (column.custom_name or column.header)
    if column.target in ("booth", "hall"):  # kept as the custom fields "Booth" and "Hall"
        return "custom:" + column.target.capitalize()
    return column.target


def _join(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


class PreviewBuilder(QObject):
    def __init__(self, table: QTableWidget, labels: dict[str, str]):
        super().__init__(table)
        self.table, self.labels = table, labels
        self.language = country_language(system_language(table.locale()))

    def header(self, key: str) -> str:
        if key.startswith("custom:"):
            return fill(self.tr("%1 (custom field)"), key[len("custom:"):])
        return self.labels.get(key, key)

    def value(self, key: str, customer: PlannedCustomer) -> str:
        contacts = customer.contacts
        if key == "company":
            return customer.name
        if key == "contact_name":
            return _join(c.name for c in contacts)
        if key == "title":
            return _join(c.title for c in contacts)
        if key == "email":
            return _join(e for c in contacts for e in c.emails)
        if key == "phone":
            return _join(value for c in contacts for value, _ in c.phones)
        if key == "whatsapp":
            return _join(c.whatsapp[0] for c in contacts if c.whatsapp)
        if key in CONTACT_TEXT:
            return _join(getattr(c, key) for c in contacts)
        if key == "birthday":
            return _join(c.birthday.isoformat() for c in contacts if c.birthday)
        if key == "country":
            code = customer.fields.get("country")
            return country_name(code, self.language) if code else ""
        if key == "tags":
            return ", ".join(customer.tags)
        if key == "notes":
            return " · ".join(line for line in customer.notes.splitlines() if line.strip())
        if key.startswith("custom:"):
            return customer.custom_fields.get(key[len("custom:"):], "")
        return str(customer.fields.get(key) or "")

    def show(self, columns: Sequence[ColumnMapping], plan: ImportPlan) -> None:
        keys = list(dict.fromkeys(preview_key(c) for c in columns if c.target != "ignore"))
        messages: dict[int, list[str]] = {}
        errors = set(plan.error_rows)
        for problem in plan.problems:
            prefix = f"{problem.column}: " if problem.column else ""
            messages.setdefault(problem.row, []).append(prefix + problem.message)
        entries: list[tuple[int, PlannedCustomer | None]] = [(c.rows[0], c) for c in plan.customers]
        entries += [(row, None) for row in errors]
        entries.sort(key=lambda entry: entry[0])
        table = self.table
        table.clear()
        table.setColumnCount(len(keys) + 2)
        table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Problems"), *[self.header(k) for k in keys]])
        table.setRowCount(len(entries))
        for row, (number, customer) in enumerate(entries):
            rows = customer.rows if customer else (number,)
            table.setItem(row, 0, QTableWidgetItem(", ".join(str(r) for r in rows)))
            problems = [m for r in rows for m in messages.get(r, [])]
            if customer is None:
                problems.insert(0, self.tr("Not imported."))
            item = QTableWidgetItem(" ".join(problems))
            item.setToolTip("\n".join(problems))
            if problems:
                item.setForeground(QBrush(ERROR_COLOUR if customer is None else WARNING_COLOUR))
            table.setItem(row, 1, item)
            for column, key in enumerate(keys, start=2):
                text = self.value(key, customer) if customer else ""
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 200 if column == 1 else 260))
        header.setStretchLastSection(True)
