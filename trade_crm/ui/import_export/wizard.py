"""File > Import: file and sheet -> column mapping -> review (a dry run) -> import -> summary with undo.

The wizard is a thin view over the engine (exchange.importer): it reads the file, plans the import
and commits it in workers.Job's (ui/import_export/jobs.py), so a big file never freezes the window. The
plan is the dry run: nothing is written before the user presses Import, and the commit is one
transaction, so Cancel or a failure leaves the book as it was.

    wizard = ImportWizard(clock, path, parent=window)
    wizard.import_committed.connect(...)   # batch id, after the commit
    wizard.import_undone.connect(...)      # batch id, after "Undo this import"
    wizard.open()
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.exchange.importing.importer import ImportOptions, ImportPlan, import_history
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.import_export import jobs as import_jobs
from trade_crm.ui.import_export.mapping_page import MappingPage
from trade_crm.ui.import_export.result_pages import ProgressPage, SummaryPage
from trade_crm.ui.import_export.review_page import ReviewPage
from trade_crm.ui.import_export.wizard_pages import FilePage, ask_save_path, confirm

FILE, MAPPING, REVIEW, PROGRESS, SUMMARY = range(5)


class ImportWizard(QDialog):
    import_committed = Signal(int)  # the ImportBatch id
    import_undone = Signal(int)

    def __init__(self, clock: Clock, path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import customers"))
        self._clock = clock
        self.jobs = import_jobs.JobSet(self)
        self.table = None
        self.table_is_new = False
        self.plan: ImportPlan | None = None
        self.result = None
        self._commit_outcome: list = []
        sources = sorted({b.source for b in import_history() if b.source})
        self.file_page = FilePage(sources)
        self.mapping_page = MappingPage()
        self.review_page = ReviewPage(self.mapping_page.labels)
        self.progress_page = ProgressPage()
        self.summary_page = SummaryPage()
        self.stack = QStackedWidget()
        for page in (self.file_page, self.mapping_page, self.review_page, self.progress_page, self.summary_page):
            self.stack.addWidget(page)
        self.step_label = QLabel()
        self.step_label.setEnabled(False)
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.on_close_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.replan_timer = QTimer(self)
        self.replan_timer.setSingleShot(True)
        self.replan_timer.setInterval(250)
        self.replan_timer.timeout.connect(self.start_plan)
        self.file_page.file_chosen.connect(self.on_file_page_file_chosen)
        self.file_page.sheet_chosen.connect(self.on_file_page_sheet_chosen)
        self.file_page.encoding_chosen.connect(self.on_file_page_encoding_chosen)
        self.mapping_page.mapping_changed.connect(self.on_mapping_page_mapping_changed)
        self.review_page.options_changed.connect(self.on_review_page_options_changed)
        self.review_page.report_requested.connect(self.save_error_report)
        self.progress_page.cancel_requested.connect(self.cancel_commit)
        self.summary_page.undo_requested.connect(self.on_summary_page_undo_requested)
        self.summary_page.report_requested.connect(self.save_error_report)
        self.resize(1040, 700)
        if path is not None:
            self.file_page.set_path(Path(path))
        self.update_buttons()

    # --- jobs ------------------------------------------------------------------------------------

    def _current(self, kind: str) -> bool:
        """True in a job's slot when that job is still the one the wizard waits for."""
        return self.jobs.is_current(kind, self.sender())

    def busy(self, kind: str) -> bool:
        return self.jobs.busy(kind)

    def error_text(self, exc: BaseException) -> str:
        return str(exc) if isinstance(exc, DomainError) else fill(self.tr("Unexpected error: %1"), repr(exc))

    # --- page 1: the file --------------------------------------------------------------------------

    def on_file_page_file_chosen(self, path: Path) -> None:
        self.read(path, None)

    def on_file_page_sheet_chosen(self, sheet: str) -> None:
        if self.table is None or sheet != self.table.sheet:
            self.read(self.file_page.path(), sheet)

    def on_file_page_encoding_chosen(self, encoding: str) -> None:
        if self.table is None or encoding != self.table.encoding:
            self.read(self.file_page.path(), None, encoding)

    def read(self, path: Path, sheet: str | None, encoding: str | None = None) -> None:
        self.table, self.plan = None, None
        self.file_page.show_reading()
        self.jobs.start("read", import_jobs.read_job, path, sheet, encoding, finished=self.on_read_job_finished,
                        failed=self.on_read_job_failed, done=self.update_buttons)
        self.update_buttons()

    def on_read_job_finished(self, table) -> None:
        if self._current("read"):
            self.table, self.table_is_new = table, True
            self.file_page.show_table(table)
            self.update_buttons()

    def on_read_job_failed(self, exc: BaseException) -> None:
        if self._current("read"):
            self.file_page.show_error(self.error_text(exc))

    def base_options(self) -> ImportOptions:
        page = self.file_page
        return ImportOptions(sheet=self.table.sheet if self.table is not None else None, source=page.source(),
                             tag=page.tag(), default_country=page.default_country(),
                             follow_up_days=page.follow_up.days())

    # --- page 2 and 3: mapping and review ---------------------------------------------------------

    def options(self) -> ImportOptions:
        review = self.review_page
        return replace(self.mapping_page.options(), on_duplicate=review.policy(), decisions=dict(review.decisions),
                       overwrite=review.overwrite())

    def on_mapping_page_mapping_changed(self) -> None:
        self.plan = None
        self.review_page.reset()
        self.update_buttons()

    def on_review_page_options_changed(self) -> None:
        self.plan = None
        self.review_page.show_planning()
        self.replan_timer.start()
        self.update_buttons()

    def start_plan(self) -> None:
        if self.table is None or self.stack.currentIndex() != REVIEW:
            return
        self.plan = None
        self.review_page.show_planning()
        self.jobs.start("plan", import_jobs.plan_job, self.table, self.options(), str(self.file_page.path()),
                        finished=self.on_plan_job_finished, failed=self.on_plan_job_failed,
                        progressed=self.on_plan_job_progressed, done=self.update_buttons)
        self.update_buttons()

    def on_plan_job_finished(self, plan: ImportPlan) -> None:
        if self._current("plan") and not self.replan_timer.isActive():
            self.plan = plan
            self.review_page.show_plan(plan)
            self.update_buttons()

    def on_plan_job_progressed(self, done: int, total: int, _stage: str) -> None:
        if self._current("plan"):
            self.review_page.show_planning_progress(done, total)

    def on_plan_job_failed(self, exc: BaseException) -> None:
        if self._current("plan"):
            self.review_page.show_message(self.error_text(exc), error=True)

    def save_error_report(self) -> None:
        plan = self.plan or self.review_page.plan
        if plan is None or not plan.problems or self.busy("report"):
            return
        folder = Path(plan.path).parent if plan.path else Path.home()
        default = folder / fill(self.tr("%1 - rows to fix.xlsx"), Path(plan.file_name).stem)
        path = ask_save_path(self, self.tr("Save error report"), default, self.tr("Excel workbook (*.xlsx)"))
        if path is not None:
            path = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
            self.jobs.start("report", import_jobs.report_job, plan, path, finished=self.on_report_job_finished,
                            failed=self.on_report_job_failed)

    def on_report_job_finished(self, saved: tuple[int, Path]) -> None:
        text = fill(self.tr("Saved %Ln row(s) to fix in %1.", "", saved[0]), saved[1])
        page = self.summary_page if self.stack.currentIndex() == SUMMARY else self.review_page
        page.show_message(text)

    def on_report_job_failed(self, exc: BaseException) -> None:
        text = fill(self.tr("The error report could not be saved: %1"), exc)
        if self.stack.currentIndex() == SUMMARY:
            self.summary_page.show_error(text, can_undo=self.summary_page.undo_button.isEnabled())
        else:
            self.review_page.show_message(text, error=True)

    # --- page 4 and 5: import and summary -----------------------------------------------------------

    def start_commit(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.stack.setCurrentIndex(PROGRESS)
        self.progress_page.start(sum(1 for c in plan.customers if c.action != "skip"), plan.file_name)
        self._commit_outcome = []
        self.jobs.start("commit", import_jobs.commit_job, plan, self._clock, self._commit_outcome,
                        finished=self.on_commit_job_finished, failed=self.on_commit_job_failed,
                        cancelled=self.on_commit_job_cancelled, progressed=self.on_commit_job_progressed,
                        done=self.update_buttons)
        self.update_buttons()

    def cancel_commit(self) -> None:
        self.jobs.cancel("commit")

    def on_commit_job_progressed(self, done: int, total: int, stage: str) -> None:
        if stage == "writing":
            self.progress_page.show_progress(done, total)

    def on_commit_job_finished(self, result) -> None:
        self.result = result
        self.summary_page.show_result(result, self.plan)
        self.stack.setCurrentIndex(SUMMARY)
        self.update_buttons()
        self.import_committed.emit(result.batch)

    def on_commit_job_cancelled(self) -> None:
        if self._commit_outcome:  # Cancel came after the transaction had committed: it is imported
            self.on_commit_job_finished(self._commit_outcome[0])
            return
        self.stack.setCurrentIndex(REVIEW)
        self.review_page.show_message(self.tr("The import was cancelled. Nothing was written."))
        self.update_buttons()

    def on_commit_job_failed(self, exc: BaseException) -> None:
        self.stack.setCurrentIndex(REVIEW)
        self.review_page.show_message(fill(self.tr("The import failed and nothing was written: %1"),
                                           self.error_text(exc)), error=True)
        self.update_buttons()

    def on_summary_page_undo_requested(self) -> None:
        if self.result is None or self.busy("undo"):
            return
        text = fill(self.tr("Remove the %1 customer(s) this import created and put the %2 merged customer(s) back "
                            "as they were?"), self.result.created, self.result.merged)
        if confirm(self, self.tr("Undo this import"), text):
            self.undo()

    def undo(self) -> None:
        self.summary_page.show_undoing()
        self.jobs.start("undo", import_jobs.undo_job, self.result.batch, self._clock,
                        finished=self.on_undo_job_finished, failed=self.on_undo_job_failed)

    def on_undo_job_finished(self, result) -> None:
        self.summary_page.show_undone(result.customers_removed, result.customers_restored)
        self.import_undone.emit(result.batch)

    def on_undo_job_failed(self, exc: BaseException) -> None:
        self.summary_page.show_error(self.error_text(exc), can_undo=True)

    # --- navigation ---------------------------------------------------------------------------------

    def go_next(self) -> None:
        page = self.stack.currentIndex()
        if page == FILE and self.table is not None:
            if not self.file_page.country_is_valid():
                self.file_page.show_error(self.tr("Unknown country: pick one from the list, or leave it empty."))
                return
            if self.table_is_new:
                self.mapping_page.set_table(self.table, self.base_options())
                self.table_is_new = False
            else:
                self.mapping_page.set_base(self.base_options())
            self.stack.setCurrentIndex(MAPPING)
        elif page == MAPPING and self.mapping_page.has_identity():
            self.stack.setCurrentIndex(REVIEW)
            self.review_page.show_message("")
            self.start_plan()
        elif page == REVIEW and self.plan is not None:
            self.start_commit()
        self.update_buttons()

    def go_back(self) -> None:
        page = self.stack.currentIndex()
        if page in (MAPPING, REVIEW):
            self.replan_timer.stop()
            self.jobs.cancel("plan")
            self.stack.setCurrentIndex(page - 1)
        self.update_buttons()

    def update_buttons(self) -> None:
        page = self.stack.currentIndex()
        names = [self.tr("File"), self.tr("Columns"), self.tr("Review"), self.tr("Import"), self.tr("Done")]
        self.step_label.setText(fill(self.tr("Step %1 of %2: %3"), page + 1, len(names), names[page]))
        self.back_button.setVisible(page in (MAPPING, REVIEW))
        self.next_button.setVisible(page in (FILE, MAPPING, REVIEW))
        self.next_button.setText(self.tr("Import") if page == REVIEW else self.tr("Next"))
        ready = {FILE: self.table is not None,  # both are None while a job reads or plans them again
                 MAPPING: self.mapping_page.has_identity(),
                 REVIEW: self.plan is not None and bool(self.plan.new_customers + self.plan.merges
                                                        + self.plan.counts.get("updates", 0))}
        self.next_button.setEnabled(ready.get(page, False))
        self.close_button.setText(self.tr("Close") if page == SUMMARY else self.tr("Cancel"))
        self.close_button.setEnabled(page != PROGRESS)

    def on_close_button_clicked(self) -> None:
        if self.stack.currentIndex() == SUMMARY:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        """Esc or Cancel: during the import it cancels the import (the wizard stays to say so)."""
        if self.busy("commit"):
            self.cancel_commit()
            return
        if self.busy("undo"):
            return
        for kind in ("read", "plan"):
            self.jobs.cancel(kind)
        self.replan_timer.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy("commit") or self.busy("undo"):
            self.cancel_commit()
            event.ignore()
            return
        super().closeEvent(event)
