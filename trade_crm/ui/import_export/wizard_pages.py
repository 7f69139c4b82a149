"""The import wizard's first page (the file, its sheet, the trade show) and what all its pages share.

The other pages live in import_mapping_page.py, import_review_page.py and import_result_pages.py.
Pages only show what the wizard gives them and say what the user chose; the wizard runs the jobs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.exchange.importing.readers import TEXT_SUFFIXES, VCARD_SUFFIXES, WORKBOOK_SUFFIXES, Table
from trade_crm.ui.common.country_combo import CountryPicker, country_combo
from trade_crm.ui.common.file_dialogs import open_file, save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.import_export.follow_up_option import FollowUpOption

SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES | VCARD_SUFFIXES
ERROR_STYLE = "color: #c0392b"


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question, No being the default (tests replace this function)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget, title: str, default: Path, filter_text: str) -> Path | None:
    """Where to save a file, or None when the user cancels (tests replace this function)."""
    return save_file(parent, title, default, filter_text)


def busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


class FilePage(QWidget):
    """Which file and sheet, and what every imported customer gets: the trade show, a tag, a country."""

    file_chosen = Signal(object)  # Path
    sheet_chosen = Signal(str)
    encoding_chosen = Signal(str)  # a CSV's text encoding, when the reader found more than one plausible

    def __init__(self, sources: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose, type or paste an Excel, CSV or vCard file"))
        self.path_edit.editingFinished.connect(self.on_path_edit_editing_finished)  # a typed or pasted path
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self._read_path: Path | None = None
        self.sheet_combo = QComboBox()
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.activated.connect(self.on_sheet_combo_activated)
        self.sheet_label = QLabel()  # why this sheet: the content scores of every sheet
        self.sheet_label.setWordWrap(True)
        self.encoding_combo = QComboBox()
        self.encoding_combo.setToolTip(self.tr("The file does not say how its text is encoded. If the names below "
                                               "look wrong, choose the encoding whose sample reads right."))
        self.encoding_combo.activated.connect(self.on_encoding_combo_activated)
        self.busy = busy_bar()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. Canton Fair 2026 Autumn"))
        completer = QCompleter(sources, self.source_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.source_edit.setCompleter(completer)
        self.tag_edit = QLineEdit()
        self.tag_edit.setPlaceholderText(self.tr("Optional, e.g. VIP"))
        self.country_combo = self._country_combo()
        form = QFormLayout()
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow("", self.sheet_label)
        form.setRowVisible(self.sheet_label, False)
        form.addRow(self.tr("Text encoding:"), self.encoding_combo)
        form.setRowVisible(self.encoding_combo, False)
        self.form = form
        form.addRow("", self.busy)
        form.addRow("", self.status_label)
        form.addRow(self.tr("Trade show or source:"), self.source_edit)
        form.addRow("", self._hint(self.tr("Every imported customer gets it as its source and as a tag.")))
        self.follow_up = FollowUpOption(self.source_edit)
        form.addRow("", self.follow_up)
        form.addRow(self.tr("Extra tag:"), self.tag_edit)
        form.addRow(self.tr("Country if a row has none:"), self.country_combo)
        form.addRow("", self._hint(self.tr("Used to read local phone numbers such as 0755 8888 0000.")))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Choose the file to import")))
        layout.addWidget(self._hint(self.tr("A trade-show list, an exhibitor directory, a CRM export or your phone's "
                                            "contacts. Nothing is written until you confirm the last step.")))
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setEnabled(False)
        return label

    def _country_combo(self) -> CountryPicker:
        return country_combo(self.locale(), self.tr("None (type to search, e.g. China or 中国)"))

    # --- what the user chose ---------------------------------------------------------------------

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def source(self) -> str:
        return self.source_edit.text().strip()

    def tag(self) -> str:
        return self.tag_edit.text().strip()

    def default_country(self) -> str | None:
        """The picked country's code; None when empty or when the typed text names no country."""
        return self.country_combo.code() or None  # 中国, China, CN, Deutschland: any name the picker knows

    def country_is_valid(self) -> bool:
        return self.country_combo.code() is not None

    def sheet(self) -> str | None:
        return self.sheet_combo.currentData() if self.sheet_combo.isEnabled() else None

    # --- what the wizard shows ------------------------------------------------------------------

    def set_path(self, path: Path) -> None:
        self._read_path = path
        self.path_edit.setText(str(path))
        self.form.setRowVisible(self.sheet_label, False)
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.file_chosen.emit(path)

    def on_path_edit_editing_finished(self) -> None:
        # "Copy as path" on Windows wraps the path in quotes.
        text = self.path_edit.text().strip().strip('"').strip("'")
        if text and Path(text).expanduser() != self._read_path:
            self.set_path(Path(text).expanduser())

    def on_browse_button_clicked(self) -> None:
        start = self.path().parent if self.path() else None
        patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
        chosen = open_file(self, self.tr("Import customers"),
                           fill(self.tr("Spreadsheets and contacts (%1);;All files (*)"), patterns), start)
        if chosen:
            self.set_path(chosen)

    def on_sheet_combo_activated(self, _index: int) -> None:
        self.sheet_chosen.emit(self.sheet_combo.currentData())

    def on_encoding_combo_activated(self, _index: int) -> None:
        self.encoding_chosen.emit(self.encoding_combo.currentData())

    def show_reading(self) -> None:
        self.busy.show()
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Reading the file…"))

    def show_error(self, message: str) -> None:
        self.busy.hide()
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)

    def show_sheet_choice(self, table: Table) -> None:
        """Say why the sheet was taken when the workbook had others, and warn when it is no contact list."""
        scores = table.sheet_scores  # only when the workbook offered more than one sheet
        self.form.setRowVisible(self.sheet_label, bool(scores))
        if not scores:
            return
        chosen, others = scores[0], scores[1:]
        lines = [fill(self.tr("Chosen by its content: %1 of %2 rows look like contacts (a company, email, phone "
                              "or website)."), chosen.contact_rows, chosen.rows)]
        if others:
            listed = ", ".join(fill(self.tr("“%1” %2 of %3"), s.name, s.contact_rows, s.rows) for s in others)
            lines.append(fill(self.tr("Other sheets: %1. Pick another above if this is not your list."), listed))
        if chosen.weak:
            lines.append(self.tr("This sheet does not look like a contact list: check that it is the right one."))
        self.sheet_label.setStyleSheet(ERROR_STYLE if chosen.weak else "")
        self.sheet_label.setText("\n".join(lines))

    def show_table(self, table: Table) -> None:
        self.busy.hide()
        self.status_label.setStyleSheet("")
        self.sheet_combo.clear()
        if table.kind == "workbook":
            for info in table.sheets:
                if not info.is_chart:
                    label = info.name if info.visible else fill(self.tr("%1 (hidden)"), info.name)
                    self.sheet_combo.addItem(label, info.name)
            self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(table.sheet)))
        else:
            self.sheet_combo.addItem(self.tr("(the whole file)"), None)
        self.sheet_combo.setEnabled(table.kind == "workbook" and self.sheet_combo.count() > 1)
        self.show_sheet_choice(table)
        self.encoding_combo.clear()
        for index, (name, sample) in enumerate(table.encodings):
            shown = encoding_label(name)
            label = fill(self.tr("%1 (used): %2"), shown, sample) if index == 0 else fill(self.tr("%1: %2"), shown, sample)
            self.encoding_combo.addItem(label, name)
        self.form.setRowVisible(self.encoding_combo, len(table.encodings) > 1)
        if table.header_row is None:
            where = self.tr("no header row found: columns are named by letter")
        else:
            where = fill(self.tr("headers in row %1"), table.header_row)
        self.status_label.setText(fill(self.tr("%Ln data row(s), %1 column(s); %2.", "", len(table.rows)),
                                       len(table.headers), where))


def encoding_label(codec: str) -> str:
    """A codec as people know it: "Greek (ISO 8859-7)" rather than "iso8859_7"."""
    scripts = {
        "utf_8": (QT_TRANSLATE_NOOP("EncodingNames", "Unicode"), "UTF-8"), "utf_8_sig": (QT_TRANSLATE_NOOP("EncodingNames", "Unicode"), "UTF-8"), "utf_16": (QT_TRANSLATE_NOOP("EncodingNames", "Unicode"), "UTF-16"),
        "gb18030": (QT_TRANSLATE_NOOP("EncodingNames", "Simplified Chinese"), "GB18030"), "big5": (QT_TRANSLATE_NOOP("EncodingNames", "Traditional Chinese"), "Big5"),
        "shift_jis": (QT_TRANSLATE_NOOP("EncodingNames", "Japanese"), "Shift JIS"), "euc_jp": (QT_TRANSLATE_NOOP("EncodingNames", "Japanese"), "EUC-JP"), "euc_kr": (QT_TRANSLATE_NOOP("EncodingNames", "Korean"), "EUC-KR"),
        "cp1252": (QT_TRANSLATE_NOOP("EncodingNames", "Western European"), "Windows-1252"), "cp1251": (QT_TRANSLATE_NOOP("EncodingNames", "Cyrillic"), "Windows-1251"),
        "koi8_r": (QT_TRANSLATE_NOOP("EncodingNames", "Cyrillic"), "KOI8-R"), "cp1253": (QT_TRANSLATE_NOOP("EncodingNames", "Greek"), "Windows-1253"), "iso8859_7": (QT_TRANSLATE_NOOP("EncodingNames", "Greek"), "ISO 8859-7"),
        "cp1255": (QT_TRANSLATE_NOOP("EncodingNames", "Hebrew"), "Windows-1255"), "cp1256": (QT_TRANSLATE_NOOP("EncodingNames", "Arabic"), "Windows-1256"),
        "cp1250": (QT_TRANSLATE_NOOP("EncodingNames", "Central European"), "Windows-1250"), "iso8859_2": (QT_TRANSLATE_NOOP("EncodingNames", "Central European"), "ISO 8859-2"),
    }
    if codec not in scripts:
        return codec
    script, name = scripts[codec]
    return fill(QCoreApplication.translate("EncodingNames", "%1 (%2)"),
                QCoreApplication.translate("EncodingNames", script), name)
