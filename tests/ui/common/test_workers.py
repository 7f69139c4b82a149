"""Jobs run off the GUI thread, report progress, results and failures as signals, and stop when cancelled."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread, QThreadPool

from tests.helpers import no_connection_left
from trade_crm.domain.customers.records import create_customer, customer_count
from trade_crm.domain.errors import ValidationError
from trade_crm.logs import install_exception_hooks
from trade_crm.store.models import database
from trade_crm.ui.common.workers import Job


@pytest.fixture
def pool():
    pool = QThreadPool()
    yield pool
    pool.waitForDone(5000)


@pytest.fixture
def reported():
    """What reached the crash report (trade_crm.logs.report_failure's listeners)."""
    seen: list[tuple[str, str]] = []
    uninstall = install_exception_hooks(lambda what, details: seen.append((what, details)))
    yield seen
    uninstall()


def test_job_runs_off_the_gui_thread_and_returns_its_result(qtbot, pool):
    gui_thread = QThread.currentThread()
    seen = {}

    def work(context, a, b):
        seen["thread"] = QThread.currentThread()
        return a + b

    job = Job(work, 2, 3)
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start(pool)
    assert blocker.args == [5]
    assert seen["thread"] is not gui_thread
    qtbot.waitUntil(lambda: not job.is_running)


def test_job_reports_progress_in_order_on_the_gui_thread(qtbot, pool):
    reports = []
    threads = []

    def work(context):
        for step in range(1, 4):
            context.progress(step, 3, f"row {step}")
        return "ok"

    job = Job(work)
    job.progressed.connect(lambda done, total, message: (reports.append((done, total, message)),
                                                         threads.append(QThread.currentThread())))
    with qtbot.waitSignal(job.done, timeout=5000):
        job.start(pool)
    assert reports == [(1, 3, "row 1"), (2, 3, "row 2"), (3, 3, "row 3")]
    assert all(thread is QThread.currentThread() for thread in threads)


def test_job_failure_is_reported_with_the_exception(qtbot, pool):
    def work(context):
        raise ValueError("the sheet has no header row")

    job = Job(work)
    finished = []
    job.finished.connect(finished.append)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start(pool)
    assert isinstance(blocker.args[0], ValueError)
    assert "no header row" in str(blocker.args[0])
    qtbot.waitUntil(lambda: not job.is_running)
    assert finished == []


def test_cancelling_a_running_job_stops_it_and_emits_cancelled(qtbot, pool):
    started = threading.Event()
    steps = []

    def work(context):
        started.set()
        context.wait_cancelled(10)
        steps.append("after wait")
        context.check_cancelled()
        steps.append("not reached")

    job = Job(work)
    finished, failed = [], []
    job.finished.connect(finished.append)
    job.failed.connect(failed.append)
    job.start(pool)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    assert steps == ["after wait"]
    assert finished == [] and failed == []


def test_a_job_cannot_be_started_twice(qtbot, pool):
    job = Job(lambda context: None)
    with qtbot.waitSignal(job.done, timeout=5000):
        job.start(pool)
    with pytest.raises(RuntimeError):
        job.start(pool)


def test_every_job_gets_its_own_connection_and_the_runner_closes_it(qtbot, pool, db, db_path, clock):
    create_customer(clock, name="Worker Test GmbH", country="DE")
    seen = []

    def count(context):
        seen.append(customer_count())  # no connection handling here at all
        return database.is_closed()

    jobs = [Job(count) for _ in range(4)]
    for job in jobs:
        job.start(pool)
    for job in jobs:
        qtbot.waitUntil(lambda job=job: not job.is_running, timeout=5000)
    assert seen == [1, 1, 1, 1]
    assert not database.is_closed()  # the GUI thread's own connection was left alone
    assert no_connection_left(db, db_path)  # every worker's was closed when its job ended


def test_an_expected_failure_goes_to_the_caller_only(qtbot, pool, reported):
    def work(context):
        raise ValidationError(field="email", message="not an email address")

    job = Job(work, title="Checking")
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start(pool)
    assert isinstance(blocker.args[0], ValidationError)
    qtbot.waitUntil(lambda: not job.is_running)
    assert reported == []


def test_an_unexpected_failure_is_reported_with_its_title_and_traceback_and_still_emitted(qtbot, pool, reported):
    def work(context):
        return {}["missing key"]

    job = Job(work, title="Finding duplicates")
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start(pool)
    assert isinstance(blocker.args[0], KeyError)
    qtbot.waitUntil(lambda: not job.is_running)
    [(what, details)] = reported
    assert what == "Finding duplicates"
    assert "Traceback" in details and "KeyError: 'missing key'" in details and "in work" in details


def test_stop_all_at_quit_cancels_running_jobs_and_waits_for_their_threads(qtbot):
    started, ended = threading.Event(), []

    def work(context):
        started.set()
        context.wait_cancelled(30)
        ended.append(context.cancelled)

    job = Job(work, uses_database=False)
    job.start()  # the app's jobs run in the global pool
    assert started.wait(5)
    assert Job.stop_all(timeout_ms=5000)
    assert ended == [True]  # the thread is done before stop_all returns, not 30 s later
    qtbot.waitUntil(lambda: not job.is_running)


def test_report_to_connects_the_handlers_a_receiver_has_and_only_those(qtbot, pool):
    class Receiver(QObject):
        def __init__(self):
            super().__init__()
            self.calls = []

        def on_job_finished(self, result):
            self.calls.append(("finished", result))

        def on_job_done(self):
            self.calls.append(("done",))

    receiver = Receiver()
    job = Job(lambda context: 42, uses_database=False)
    job.report_to(receiver)
    with qtbot.waitSignal(job.done, timeout=5000):
        job.start(pool)
    assert receiver.calls == [("finished", 42), ("done",)]


def test_a_job_whose_parent_is_deleted_while_it_runs_still_ends_quietly(qtbot, pool, reported):
    """A dialog that closes (and is deleted) while its job runs: the job must not die with it mid-signal
    ("Signal source has been deleted" on the worker thread); it ends, and its receiver is simply gone."""
    release = threading.Event()
    parent = QObject()
    def work(context):
        release.wait(5)
        context.progress(1, 2, "half way")  # to nobody: not an error in the job
        return 42

    job = Job(work, parent=parent, uses_database=False)
    job.start(pool)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))
    release.set()
    qtbot.waitUntil(lambda: not job.is_running, timeout=5000)
    assert pool.waitForDone(5000)
    assert reported == []
