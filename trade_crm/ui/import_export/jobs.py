"""The import's slow steps as plain functions for a workers.Job: read, plan, commit, undo, error report.

Each runs on a worker thread with the thread's own database connection (closed when it ends), reports
progress through the JobContext and turns the engine's ImportCancelled into JobCancelled. None of
them touches a widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from trade_crm.domain.clock import Clock
from trade_crm.exchange.encrypted_copy import back_up_open_book
from trade_crm.exchange.importing.error_report import write_error_report
from trade_crm.exchange.importing.importer import (
    ImportCancelled,
    ImportOptions,
    ImportPlan,
    commit_import,
    plan_table,
    undo_import,
)
from trade_crm.exchange.importing.readers import Table, read_table
from trade_crm.ui.common.workers import Job, JobCancelled, JobContext


def _progress(context: JobContext):
    return lambda stage, done, total: context.progress(done, total, stage)


def read_job(context: JobContext, path: Path, sheet: str | None, encoding: str | None = None) -> Table:
    context.progress(0, 0, "reading")
    table = read_table(path, sheet, encoding=encoding)
    context.check_cancelled()
    return table


def plan_job(context: JobContext, table: Table, options: ImportOptions, path: str) -> ImportPlan:
    try:
        return plan_table(table, options, path=path, progress=_progress(context),
                          cancel=lambda: context.cancelled)
    except ImportCancelled:
        raise JobCancelled() from None


def commit_job(context: JobContext, plan: ImportPlan, clock: Clock, outcome: list):
    """A backup copy first, then one transaction: a cancel or an error anywhere leaves the book as it was.

    Only the engine's own checks (inside the transaction) stop it; progress reports never raise. A
    Cancel pressed after the transaction committed still makes the Job say "cancelled", so the
    result is also put in `outcome`, where the wizard finds it and reports the import as done.
    """
    def report(stage: str, done: int, total: int) -> None:
        try:
            context.progress(done, total, stage)
        except JobCancelled:
            pass  # the engine's cancel() check stops the work where a rollback is still possible

    context.progress(0, 0, "backup")
    back_up_open_book("pre-import", clock.now(), clock.zone)  # BackupError: nothing is imported
    try:
        result = commit_import(plan, clock, progress=report, cancel=lambda: context.cancelled)
    except ImportCancelled:
        raise JobCancelled() from None
    outcome.append(result)
    return result


def undo_job(context: JobContext, batch_id: int, clock: Clock):
    return undo_import(batch_id, clock)


def report_job(context: JobContext, plan: ImportPlan, path: Path) -> tuple[int, Path]:
    """The error report workbook: (rows written, where)."""
    return write_error_report(plan, path), path


class JobSet(QObject):
    """The jobs of one window by kind ("read", "plan", ...): a new job of a kind cancels the one before,
    and `is_current(kind, job)` tells a slot whether its job's answer is still wanted."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: dict[str, Job] = {}

    def start(self, kind: str, function, *args, finished, failed, cancelled=None, progressed=None,
              done=None) -> Job:
        self.cancel(kind)
        job = self._jobs[kind] = Job(function, *args)
        for signal, slot in ((job.finished, finished), (job.failed, failed), (job.cancelled, cancelled),
                             (job.progressed, progressed), (job.done, done)):
            if slot is not None:
                signal.connect(slot)
        job.start()
        return job

    def __getitem__(self, kind: str) -> Job:
        return self._jobs[kind]

    def get(self, kind: str) -> Job | None:
        return self._jobs.get(kind)

    def is_current(self, kind: str, job: QObject | None) -> bool:
        return job is not None and job is self._jobs.get(kind)

    def busy(self, kind: str) -> bool:
        job = self._jobs.get(kind)
        return job is not None and job.is_running

    def cancel(self, kind: str) -> None:
        if self.busy(kind):
            self._jobs[kind].cancel()
