"""Unexpected failures in a slot, a Job or a thread: the traceback goes to the rotating log file and ONE
"Something went wrong" dialog shows what the user was doing, with Copy details and Open log folder.

pytest-qt normally replaces sys.excepthook during a test to fail it on exceptions in Qt virtuals and
slots; `qt_no_exception_capture` switches that off, so these tests drive the app's own hook.
"""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from trade_crm.logs import LOG_FILE_NAME, configure_logging, install_exception_hooks
from trade_crm.ui.common.crash_dialog import CrashDialog, CrashReporter
from trade_crm.ui.common.workers import Job

pytestmark = pytest.mark.qt_no_exception_capture


class Crash:
    """The app's crash path as app.run_gui wires it, over a log folder in tmp_path."""

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.opened: list[QUrl] = []
        self.shown: list[CrashDialog] = []
        self.logging = configure_logging(log_dir)
        self.reporter = CrashReporter(log_dir, open_url=self.opened.append)
        self.reporter.dialog_shown.connect(self.shown.append)
        self.uninstall = install_exception_hooks(self.reporter.report)

    @property
    def log_text(self) -> str:
        for handler in self.logging.handlers:
            handler.flush()
        return (self.log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")

    def close(self) -> None:
        self.uninstall()
        self.logging.close()
        if self.reporter.dialog is not None:  # the earlier ones were deleted when the next burst began
            self.reporter.dialog.close()
            self.reporter.dialog.deleteLater()


@pytest.fixture
def crash(qapp, tmp_path):
    crash = Crash(tmp_path / "logs")
    yield crash
    crash.close()


def test_a_slot_that_raises_is_logged_with_its_traceback_and_shown_once_for_a_burst(qtbot, crash):
    button = QPushButton("Save")
    qtbot.addWidget(button)

    def on_save_button_clicked():
        raise ZeroDivisionError("the total of an empty order")

    button.clicked.connect(on_save_button_clicked)
    for _ in range(3):  # a burst: three failures before the event loop runs again
        button.click()
    qtbot.waitUntil(lambda: crash.reporter.dialog is not None and crash.reporter.dialog.failures == 3)
    dialog = crash.reporter.dialog
    assert crash.shown == [dialog] and dialog.isVisible()
    assert dialog.windowTitle() == "Something went wrong"
    assert dialog.count_label.text().startswith("2 more problem")
    log = crash.log_text
    assert log.count("ERROR") == 3 and "Traceback (most recent call last)" in log
    assert "in on_save_button_clicked" in log and "ZeroDivisionError: the total of an empty order" in log
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "ZeroDivisionError: the total of an empty order" in QGuiApplication.clipboard().text()
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert crash.opened == [QUrl.fromLocalFile(str(crash.log_dir))]
    dialog.close()
    button.click()  # after the dialog was closed, a new failure opens a new one
    qtbot.waitUntil(lambda: len(crash.shown) == 2)
    assert crash.shown[1].failures == 1


def test_a_failing_job_is_logged_and_shown_once_with_its_title(qtbot, crash):
    pool = QThreadPool()

    def scan(context):
        return {}["customer_id"]

    jobs = [Job(scan, title="Finding duplicates") for _ in range(2)]
    for job in jobs:
        job.start(pool)
    qtbot.waitUntil(lambda: crash.reporter.dialog is not None and crash.reporter.dialog.failures == 2)
    pool.waitForDone(5000)
    dialog = crash.reporter.dialog
    assert len(crash.shown) == 1
    assert "What you were doing: Finding duplicates" in dialog.message_label.text()
    assert "KeyError: 'customer_id'" in dialog.details and "in scan" in dialog.details
    log = crash.log_text
    assert "unexpected KeyError in job " in log and "while 'Finding duplicates'" in log
    assert "Traceback (most recent call last)" in log
    dialog.close()


def test_a_thread_that_raises_is_logged_and_shown(qtbot, crash):
    def sync():
        raise RuntimeError("the clock went backwards")

    thread = threading.Thread(target=sync, name="sync-thread")
    thread.start()
    thread.join(5)
    qtbot.waitUntil(lambda: crash.reporter.dialog is not None)
    assert "RuntimeError: the clock went backwards" in crash.reporter.dialog.details
    assert "in thread sync-thread" in crash.log_text
    crash.reporter.dialog.close()


def test_the_hooks_are_put_back_when_uninstalled(qapp, tmp_path):
    before = sys.excepthook, threading.excepthook
    crash = Crash(tmp_path / "logs")
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    crash.close()
    assert (sys.excepthook, threading.excepthook) == before




def test_the_dialog_speaks_chinese(qtbot, chinese, tmp_path):
    dialog = CrashDialog("导入客户", "Traceback (most recent call last):\nKeyError: 'x'", tmp_path)
    qtbot.addWidget(dialog)
    dialog.add_failure("", "Traceback (most recent call last):\nKeyError: 'y'")
    assert dialog.windowTitle() == "出错了"
    assert "导入客户" in dialog.message_label.text() and "意外问题" in dialog.message_label.text()
    assert dialog.count_label.text() == "随后又出现了 1 个问题。"
    assert (dialog.copy_button.text(), dialog.folder_button.text()) == ("复制详细信息", "打开日志文件夹")
