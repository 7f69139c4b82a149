"""File › Import WhatsApp chat…: what the chat holds, whose it is, and Import.

The chat is read and planned on a worker (exchange/chats): participants, dates, messages, the days new,
grown or already there, media found and missing, and the customer it matched (or a picker: the
candidates, and a search of the book). Import writes it in one transaction (a backup copy first) and
the dialog turns into the summary; the import is in File › Import history like any other.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter, search_customers
from trade_crm.exchange.chats.whatsapp import read_chat
from trade_crm.exchange.chats.whatsapp_import import ChatImportResult, ChatPlan, commit_chat, plan_chat
from trade_crm.exchange.encrypted_copy import back_up_open_book
from trade_crm.ui.common.dates import short_date
from trade_crm.ui.common.workers import Job, JobContext

PREVIEW_DAYS = 60  # the newest days fold out into their messages in the preview; older ones show their count


def read_job(context: JobContext, path: Path, zone, day_first: bool, customer_id: int | None) -> ChatPlan:
    context.progress(0, 0, "reading")
    return plan_chat(read_chat(path, day_first=day_first), zone, customer_id=customer_id)


def replan_job(context: JobContext, plan: ChatPlan, customer_id: int) -> ChatPlan:
    return plan_chat(plan.chat, plan.zone, customer_id=customer_id)


def commit_job(context: JobContext, plan: ChatPlan, clock: Clock, root: Path) -> ChatImportResult:
    back_up_open_book("pre-import", clock.now(), clock.zone)  # no copy, no import (BackupError)
    return commit_chat(plan, clock, root)


def locale_day_first(locale: QLocale) -> bool:
    """Whether the user's short date puts the day before the month (what a chat that cannot tell uses)."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    day, month = fmt.find("d"), fmt.find("M")
    return day < 0 or month < 0 or day < month


class WhatsAppImportDialog(QDialog):
    import_committed = Signal(int)  # the customer whose timeline got the chat

    def __init__(self, clock: Clock, path: Path, attachments_root: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock, self._path, self._root = clock, Path(path), attachments_root
        self.plan: ChatPlan | None = None
        self.result: ChatImportResult | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import WhatsApp chat"))
        self.resize(760, 620)
        self.file_label = QLabel(self._path.name)
        font = self.file_label.font()
        font.setBold(True)
        self.file_label.setFont(font)
        self.status_label = QLabel(self.tr("Reading the chat…"))
        self.status_label.setWordWrap(True)
        self.participants_label, self.dates_label, self.days_label, self.media_label = (QLabel() for _ in range(4))
        self.media_label.setWordWrap(True)
        self.match_label = QLabel()
        self.match_label.setWordWrap(True)
        self.customer_combo = QComboBox()
        self.customer_combo.setMinimumContentsLength(30)
        self.customer_combo.activated.connect(self.on_customer_combo_activated)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the book for another customer…"))
        self.search_edit.returnPressed.connect(self.on_search_edit_return_pressed)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Participants:"), self.participants_label)
        form.addRow(self.tr("Messages:"), self.dates_label)
        form.addRow(self.tr("Days:"), self.days_label)
        form.addRow(self.tr("Media:"), self.media_label)
        form.addRow(self.tr("Customer:"), self.customer_combo)
        form.addRow("", self.search_edit)
        form.addRow("", self.match_label)
        self.preview = QTreeWidget()
        self.preview.setColumnCount(3)
        self.preview.setHeaderLabels([self.tr("Day / time"), self.tr("From"), self.tr("Message")])
        self.preview.setUniformRowHeights(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)

    # --- reading and planning ------------------------------------------------------------------------

    def start(self) -> Job:
        """Read and plan the chat on a worker; the dialog fills in when it is done."""
        return self._run(Job(read_job, self._path, self._clock.zone, locale_day_first(self.locale()), None,
                             title="Reading a WhatsApp chat"))

    def _run(self, job: Job) -> Job:
        self.job = job
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        self.import_button.setEnabled(False)
        job.start()
        return job

    def on_job_finished(self, value) -> None:
        if isinstance(value, ChatImportResult):
            self._show_result(value)
        else:
            self.show_plan(value)

    def on_job_failed(self, exc: BaseException) -> None:
        self.status_label.setText(str(exc))  # FileRefused and the domain's errors name the file
        self.import_button.setEnabled(self.plan is not None and self.plan.customer is not None and not self.result)

    def show_plan(self, plan: ChatPlan) -> None:
        self.plan = plan
        chat, locale = plan.chat, self.locale()
        self.status_label.setText(self.tr("Each day of the chat becomes one WhatsApp entry on the customer's timeline."))
        self.participants_label.setText(", ".join(chat.participants))
        self.dates_label.setText(self.tr("%1 messages, %2 – %3").replace("%1", locale.toString(len(chat.messages)))
                                 .replace("%2", short_date(chat.messages[0].at.date(), locale))
                                 .replace("%3", short_date(chat.messages[-1].at.date(), locale)))
        self.days_label.setText(self.tr("%1 new · %2 with new messages · %3 already there")
                                .replace("%1", str(plan.count("new"))).replace("%2", str(plan.count("grown")))
                                .replace("%3", str(plan.count("present"))))
        found, missing = plan.files_found, plan.files_missing
        self.media_label.setText(self.tr("%1 found · %2 missing").replace("%1", str(len(found)))
                                 .replace("%2", str(len(missing))))
        self.media_label.setToolTip("\n".join(missing))
        self.notes_label.setText("\n".join(f"• {n}" for n in self.notes(plan)))
        self._fill_customers(plan)
        self._fill_preview(plan)
        self.import_button.setEnabled(plan.customer is not None and (plan.count("new") + plan.count("grown")) > 0)

    def notes(self, plan: ChatPlan) -> list[str]:
        """What the summary says besides the counts (ChatPlan.notes, in the user's language)."""
        chat, out = plan.chat, []
        order = {"dmy": self.tr("day/month/year"), "mdy": self.tr("month/day/year"),
                 "ymd": self.tr("year/month/day")}[chat.date_order]
        if chat.order_source == "sequence":
            out.append(self.tr("Dates read as %1: no day or month in the file is over 12, and only this order keeps "
                               "the messages in time order.").replace("%1", order))
        elif chat.order_source == "locale":
            out.append(self.tr("Dates read as %1, your date order: every day and month in the file is 12 or less, "
                               "so the file cannot tell them apart.").replace("%1", order))
        if chat.continuation_lines:
            out.append(self.tr("%n line(s) without a date and time kept as part of the message before them.", "",
                               chat.continuation_lines))
        lines = ", ".join(map(str, chat.skipped_lines[:5]))
        if chat.skipped_lines:
            out.append(self.tr("%n line(s) before the first message not imported (line %1).", "",
                               len(chat.skipped_lines)).replace("%1", lines))
        if chat.bad_dates:
            out.append(self.tr("%n line(s) with a date that does not exist kept with the message before them "
                               "(line %1).", "", len(chat.bad_dates)).replace("%1", ", ".join(map(str, chat.bad_dates[:5]))))
        if chat.lossy:
            out.append(self.tr("Some characters could not be read as %1 and were replaced.").replace("%1", chat.encoding))
        missing = plan.files_missing
        if missing and chat.source.is_zip:
            out.append(self.tr("Not in the zip, not attached: %1.").replace("%1", ", ".join(missing[:5])))
        elif missing:
            out.append(self.tr("A .txt export holds no media: export the chat with media to attach them."))
        omitted = sum(m.omitted for d in plan.days for m in d.new)
        if omitted:
            out.append(self.tr("%n media left out of the export (\"without media\").", "", omitted))
        return out

    def _fill_customers(self, plan: ChatPlan) -> None:
        self.customer_combo.clear()
        if plan.customer is None:
            self.customer_combo.addItem(self.tr("Choose the customer…"), None)
        for match in ([plan.customer] if plan.customer else []) + list(plan.candidates):
            self.customer_combo.addItem(f"{match.customer_name} (#{match.customer_id})", match.customer_id)
        match = plan.customer
        if match is None:
            text = (self.tr("Several customers have this number: choose one.") if plan.candidates else
                    self.tr("No customer in the book has this chat's number or name: choose one, or search."))
        elif match.by == "phone":
            text = self.tr("Matched by the number %1 (%2).").replace("%1", match.detail).replace("%2", match.contact_name)
        elif match.by == "name":
            text = self.tr("Matched by the contact's name %1.").replace("%1", match.detail)
        else:
            text = self.tr("Chosen by you.")
        self.match_label.setText(text)

    def _fill_preview(self, plan: ChatPlan) -> None:
        self.preview.clear()
        status = {"new": self.tr("new"), "grown": self.tr("new messages"), "present": self.tr("already there")}
        locale = self.locale()
        for index, day in enumerate(reversed(plan.days)):  # newest first, as the timeline
            head = QTreeWidgetItem([short_date(day.day, locale), status[day.status],
                                    self.tr("%n message(s)", "", len(day.messages))])
            self.preview.addTopLevelItem(head)
            if index < PREVIEW_DAYS:
                for m in day.messages:
                    text = " ".join([" ".join(m.text.split()), *(f"📎 {name}" for name in m.files)]).strip()
                    head.addChild(QTreeWidgetItem([f"{m.at:%H:%M}", m.author, text]))
        if self.preview.topLevelItemCount():
            self.preview.topLevelItem(0).setExpanded(True)
        self.preview.resizeColumnToContents(0)
        self.preview.resizeColumnToContents(1)

    # --- choosing the customer -----------------------------------------------------------------------

    def on_search_edit_return_pressed(self) -> None:
        text = self.search_edit.text().strip()
        if not text or self.plan is None:
            return
        rows = search_customers(CustomerFilter(text=text), today=today(self._clock), now=self._clock.now(), limit=20)
        self.customer_combo.clear()
        self.customer_combo.addItem(self.tr("Choose the customer…") if rows else self.tr("No customer found"), None)
        for row in rows:
            self.customer_combo.addItem(f"{row.name} (#{row.id})", row.id)
        if rows and self.isVisible():
            self.customer_combo.showPopup()

    def on_customer_combo_activated(self, _index: int) -> None:
        customer_id = self.customer_combo.currentData()
        if customer_id is None or self.plan is None:
            return
        if self.plan.customer is not None and self.plan.customer.customer_id == customer_id:
            return
        self.status_label.setText(self.tr("Comparing the chat with the customer's timeline…"))
        self._run(Job(replan_job, self.plan, customer_id, title="Reading a WhatsApp chat"))

    def choose_customer(self, customer_id: int) -> Job:
        """The same as picking the customer in the list (for tests and the search)."""
        assert self.plan is not None
        return self._run(Job(replan_job, self.plan, customer_id, title="Reading a WhatsApp chat"))

    # --- importing -----------------------------------------------------------------------------------

    def on_buttons_accepted(self) -> None:
        if self.result is not None:
            self.accept()
            return
        if self.plan is None or self.plan.customer is None:
            return
        self.status_label.setText(self.tr("Importing…"))
        self._run(Job(commit_job, self.plan, self._clock, self._root, title="Importing a WhatsApp chat"))

    def _show_result(self, result: ChatImportResult) -> None:
        self.result = result
        text = self.tr("Imported: %1 new days, %2 days with new messages, %3 messages, %4 media attached.") \
            .replace("%1", str(result.days_created)).replace("%2", str(result.days_grown)) \
            .replace("%3", str(result.messages)).replace("%4", str(result.files_attached))
        if result.batch is None:
            text = self.tr("Nothing new: every day of this chat is on the timeline already.")
        if result.files_missing:
            text += " " + self.tr("Not in the export: %1.").replace("%1", ", ".join(result.files_missing[:5]))
        self.status_label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.import_button.setText(self.tr("Close"))
        self.import_button.setEnabled(True)
        self.customer_combo.setEnabled(False)
        self.search_edit.setEnabled(False)
        if result.batch is not None:
            self.import_committed.emit(result.customer_id)
