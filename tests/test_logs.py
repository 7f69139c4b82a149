"""Logging set up by the entry points: a rotating file in the log folder at INFO, DEBUG on stderr when asked,
and everything put back afterwards (the CLI runs many times in one test process)."""

from __future__ import annotations

import io
import logging

from trade_crm.logs import LOG_FILE_NAME, configure_logging
from trade_crm.paths import resolve_log_dir


def test_info_goes_to_the_log_file_and_debug_does_not(tmp_path):
    setup = configure_logging(tmp_path / "logs")
    try:
        logging.getLogger("trade_crm.test").info("import batch %d: %d created", 7, 120)
        logging.getLogger("trade_crm.test").debug("row 12 cleaned")
    finally:
        setup.close()
    text = (tmp_path / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "INFO" in text and "trade_crm.test: import batch 7: 120 created" in text
    assert "row 12" not in text


def test_verbose_adds_debug_on_the_console_and_close_puts_everything_back(tmp_path):
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    console = io.StringIO()
    setup = configure_logging(tmp_path / "logs", verbose=True, stream=console)
    logging.getLogger("trade_crm.test").debug("row 12 cleaned")
    logging.getLogger("peewee").debug("SELECT ... ('buyer@example.com',)")  # peewee's SQL stays out
    setup.close()
    assert "DEBUG" in console.getvalue() and "row 12 cleaned" in console.getvalue()
    assert "buyer@example.com" not in console.getvalue()
    assert root.handlers == handlers and root.level == level


def test_a_second_setup_replaces_the_first_and_keeps_its_console(tmp_path):
    console = io.StringIO()
    first = configure_logging(tmp_path / "a", verbose=True, stream=console)
    second = configure_logging(tmp_path / "b", verbose=None)  # the window, opened by `trade-crm -v`
    try:
        names = [h.get_name() for h in logging.getLogger().handlers]
        assert names.count("trade-crm-file") == 1 and names.count("trade-crm-console") == 1
        logging.getLogger("trade_crm.test").info("window open")
    finally:
        second.close()
        first.close()
    assert "window open" in console.getvalue()
    assert "window open" in (tmp_path / "b" / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_leaves_the_app_running(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    setup = configure_logging(blocker / "logs")
    try:
        logging.getLogger("trade_crm.test").info("still running")
    finally:
        setup.close()
    assert setup.file is None


def test_the_log_folder_follows_the_environment(tmp_path):
    assert resolve_log_dir(environ={"TRADE_CRM_LOG_DIR": str(tmp_path)}) == tmp_path
    assert resolve_log_dir(environ={}).name  # the platform's folder otherwise


def test_the_schedulers_routine_chatter_stays_out_of_the_file_but_its_warnings_do_not(tmp_path):
    setup = configure_logging(tmp_path)
    try:
        logging.getLogger("apscheduler.scheduler").info('Added job "midnight" to job store "default"')
        logging.getLogger("apscheduler.scheduler").warning("Run time of job was missed")
    finally:
        setup.close()
    text = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Added job" not in text and "was missed" in text
    assert logging.getLogger("apscheduler").level == logging.NOTSET  # put back


def test_a_record_that_reaches_the_file_after_it_was_closed_does_not_open_it_again(tmp_path):
    """Another thread (a mail server's) may hold the handler list while the setup closes: its record is dropped,
    not written to a reopened file that nobody closes."""
    setup = configure_logging(tmp_path)
    file_handler = setup.handlers[0]
    logging.getLogger("trade_crm.test").info("before")
    setup.close()
    file_handler.handle(logging.makeLogRecord({"name": "mail.log", "levelno": logging.INFO, "msg": "late"}))
    assert file_handler.stream is None
    assert "late" not in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
