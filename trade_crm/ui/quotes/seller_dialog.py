"""Quotes › Seller profile…: the letterhead and bank printed on quotations and PIs (company names, address,
contacts, beneficiary, bank, SWIFT/BIC, account, IBAN), the logo, signature and stamp images with a preview,
and the numbering formats (Q{yyMMdd}-{n}) with the next number they give. Saved through domain/quotes/seller
and domain/quotes/numbering; an error shows under its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import DomainError
from trade_crm.domain.quotes import numbering, seller
from trade_crm.domain.quotes.document import BankDetails, SellerProfile
from trade_crm.ui.common.file_dialogs import open_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.quotes.bits import FieldErrors, form_page

COMPANY = ("company", "company_local", "phone", "email", "website")
BANK = ("beneficiary", "bank_name", "bank_address", "swift", "account", "iban")
IMAGES = ("logo", "signature", "stamp")
PREVIEW = 120


class ImagePicker(QWidget):
    """An image file with its preview; Choose… and Remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.remove_button.clicked.connect(lambda: self.set_path(None))
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.set_path(None)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("none") if path is None else path.name)
        else:
            self.preview.setPixmap(pixmap.scaled(PREVIEW, PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        self.remove_button.setEnabled(path is not None)
        self.changed.emit()

    def on_choose_button_clicked(self) -> None:
        path = open_file(self, self.tr("Choose an image"), self.tr("Images (*.png *.jpg *.jpeg)"))
        if path is not None:
            self.set_path(path)


class SellerProfileDialog(QDialog):
    profile_saved = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None, *, root: Path | None = None):
        super().__init__(parent)
        self._clock = clock
        self._root = root  # the book's attachments folder: the images are kept there
        self.setWindowTitle(self.tr("Seller profile"))
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        self.address_edit = QPlainTextEdit()
        self.address_edit.setMaximumHeight(80)
        self.images = {key: ImagePicker() for key in IMAGES}
        tabs = QTabWidget()
        tabs.addTab(self._company_tab(), self.tr("Company"))
        tabs.addTab(self._bank_tab(), self.tr("Bank"))
        tabs.addTab(self._images_tab(), self.tr("Logo, signature, stamp"))
        tabs.addTab(self._numbering_tab(), self.tr("Numbering"))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.load()
        self.resize(640, 520)

    def _line(self, key: str, placeholder: str = "") -> QWidget:
        self.edits[key] = QLineEdit()
        self.edits[key].setPlaceholderText(placeholder)
        return self.errors.cell(f"bank.{key}" if key in BANK else key, self.edits[key])

    def _company_tab(self) -> QWidget:
        page, form = form_page()
        form.addRow(self.tr("Company (English)"), self._line("company", "Ningbo Bright Lighting Co., Ltd."))
        form.addRow(self.tr("Company (local)"), self._line("company_local", "宁波明亮照明有限公司"))
        form.addRow(self.tr("Address"), self.errors.cell("address", self.address_edit))
        form.addRow(self.tr("Phone"), self._line("phone"))
        form.addRow(self.tr("Email"), self._line("email"))
        form.addRow(self.tr("Website"), self._line("website"))
        return page

    def _bank_tab(self) -> QWidget:
        page, form = form_page()
        form.addRow(self.tr("Beneficiary"), self._line("beneficiary"))
        form.addRow(self.tr("Bank name"), self._line("bank_name"))
        form.addRow(self.tr("Bank address"), self._line("bank_address"))
        form.addRow(self.tr("SWIFT/BIC"), self._line("swift", "BKCHCNBJ92A"))
        form.addRow(self.tr("Account number"), self._line("account"))
        form.addRow(self.tr("IBAN"), self._line("iban"))
        note = QLabel(self.tr("A proforma invoice is issued only with the beneficiary, the bank, the SWIFT/BIC and "
                              "an account number or IBAN."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _images_tab(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        for key, title in (("logo", self.tr("Logo")), ("signature", self.tr("Signature")),
                           ("stamp", self.tr("Stamp"))):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(self.errors.cell(key, self.images[key]))
            row.addWidget(box)
        return page

    def _numbering_tab(self) -> QWidget:
        page, form = form_page()
        self.quote_format_edit, self.pi_format_edit = QLineEdit(), QLineEdit()
        self.quote_example, self.pi_example = QLabel(), QLabel()
        form.addRow(self.tr("Quotations"), self.errors.cell("numbering.quotation", self.quote_format_edit))
        form.addRow("", self.quote_example)
        form.addRow(self.tr("Proforma invoices"), self.errors.cell("numbering.proforma", self.pi_format_edit))
        form.addRow("", self.pi_example)
        help_label = QLabel(self.tr("{yyyy} {yy} {MM} {dd} {yyMMdd}: the date; {n}: the next free number; "
                                    "{customer}: the customer's code"))
        help_label.setWordWrap(True)
        form.addRow(help_label)
        self.quote_format_edit.textChanged.connect(lambda: self.show_example(self.quote_format_edit, self.quote_example))
        self.pi_format_edit.textChanged.connect(lambda: self.show_example(self.pi_format_edit, self.pi_example))
        return page

    def show_example(self, edit: QLineEdit, label: QLabel) -> None:
        try:
            example = numbering.render(numbering.check_pattern(edit.text()), today(self._clock), 1, "ACME")
        except DomainError as exc:
            label.setText(getattr(exc, "message", "") or str(exc))
            return
        label.setText(fill(self.tr("For example: %1"), example))

    # --- loading and saving -----------------------------------------------------------------------

    def load(self) -> None:
        profile = seller.read_seller_profile(self._root)
        for key in COMPANY:
            self.edits[key].setText(getattr(profile, key))
        self.address_edit.setPlainText(profile.address)
        for key in BANK:
            self.edits[key].setText(getattr(profile.bank, key))
        for key in IMAGES:
            self.images[key].set_path(getattr(profile, key))
        self.quote_format_edit.setText(numbering.numbering("quotation"))
        self.pi_format_edit.setText(numbering.numbering("proforma"))

    def profile(self) -> SellerProfile:
        return SellerProfile(**{key: self.edits[key].text().strip() for key in COMPANY},
                             address=self.address_edit.toPlainText().strip(),
                             bank=BankDetails(**{key: self.edits[key].text().strip() for key in BANK}),
                             **{key: self.images[key].path for key in IMAGES})

    def save(self) -> bool:
        self.errors.clear()
        try:  # the patterns are checked first, so a bad one leaves the profile unsaved too
            patterns = {kind: numbering.check_pattern(edit.text(), f"numbering.{kind}")
                        for kind, edit in (("quotation", self.quote_format_edit), ("proforma", self.pi_format_edit))}
            seller.save_seller_profile(self.profile(), self._root)
            for kind, pattern in patterns.items():
                numbering.set_numbering(kind, pattern)
        except DomainError as exc:
            key = self.errors.show(exc)
            label = self.errors.labels.get(key)
            for index in range(self.tabs.count()):
                if label is not None and self.tabs.widget(index).isAncestorOf(label):
                    self.tabs.setCurrentIndex(index)
            return False
        self.profile_saved.emit()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
