"""One instance per book: a second launch hands over to the first; a lock left by a crash is cleared."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMainWindow

from trade_crm.ui.shell.single_instance import SingleInstance, book_key, bring_to_front, instance_name

# A child process that takes the lock the way the app does, then dies without unlocking (a crash).
CRASH = """
import os, signal, sys
from pathlib import Path
from trade_crm.ui.shell.single_instance import SingleInstance
instance = SingleInstance(Path(sys.argv[1]), lock_dir=Path(sys.argv[2]))
assert instance.acquire()
print("locked", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_second_launch_hands_over_to_the_first_instead_of_opening_the_book(qtbot, tmp_path):
    book = tmp_path / "book.db"
    first = SingleInstance(book, lock_dir=tmp_path)
    assert first.acquire() and first.is_primary
    second = SingleInstance(book, lock_dir=tmp_path)
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.notify_running()
    first.release()
    second.release()


def test_another_book_runs_beside_the_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "one.db", lock_dir=tmp_path)
    other = SingleInstance(tmp_path / "two.db", lock_dir=tmp_path)
    assert first.acquire()
    assert other.acquire()
    assert instance_name(tmp_path / "one.db") != instance_name(tmp_path / "two.db")
    first.release()
    other.release()


def test_lock_left_by_a_killed_instance_is_detected_as_stale_and_taken_over(qtbot, tmp_path):
    book = tmp_path / "book.db"
    child = subprocess.run([sys.executable, "-c", CRASH, str(book), str(tmp_path)], capture_output=True,
                           text=True, timeout=60)
    assert child.returncode == -9 and "locked" in child.stdout, child.stderr
    instance = SingleInstance(book, lock_dir=tmp_path)
    assert instance.lock_path.exists()  # the crash left its lock (and its socket file) behind
    assert instance.acquire() and instance.is_primary
    second = SingleInstance(book, lock_dir=tmp_path)
    assert not second.acquire()
    with qtbot.waitSignal(instance.activation_requested, timeout=5000):
        assert second.notify_running()
    instance.release()


def test_released_lock_lets_the_next_launch_be_first(qtbot, tmp_path):
    book = tmp_path / "book.db"
    first = SingleInstance(book, lock_dir=tmp_path)
    assert first.acquire()
    first.release()
    again = SingleInstance(book, lock_dir=tmp_path)
    assert again.acquire()
    again.release()


def test_notify_without_a_running_instance_says_nobody_answered(qtbot, tmp_path):
    assert not SingleInstance(tmp_path / "none.db", lock_dir=tmp_path).notify_running(timeout_ms=200)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_bring_to_front_restores_a_minimised_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()


def test_a_symlink_to_the_book_hands_over_to_the_running_window(qtbot, tmp_path):
    book = tmp_path / "data" / "book.db"
    book.parent.mkdir()
    book.write_bytes(b"")
    link = tmp_path / "link-to-book.db"
    link.symlink_to(book)
    first = SingleInstance(book, lock_dir=tmp_path)
    assert first.acquire()
    second = SingleInstance(link, lock_dir=tmp_path)
    assert second.name == first.name
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.notify_running()
    first.release()
    second.release()


def test_a_path_through_dot_dot_or_a_linked_folder_names_the_same_book(qtbot, tmp_path):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "linked").symlink_to(folder, target_is_directory=True)
    first = SingleInstance(folder / "book.db", lock_dir=tmp_path)  # a book not created yet
    assert first.acquire()
    for spelling in (folder / "sub" / ".." / "book.db", tmp_path / "data" / ".." / "data" / "book.db",
                     tmp_path / "linked" / "book.db"):
        assert not SingleInstance(spelling, lock_dir=tmp_path).acquire(), spelling
    other = SingleInstance(folder / "sub" / "book.db", lock_dir=tmp_path)  # another book
    assert other.acquire()
    other.release()
    first.release()


def test_case_is_folded_only_where_the_file_system_ignores_it(tmp_path):
    book = tmp_path / "Book.db"
    book.write_bytes(b"")
    ignores_case = (tmp_path / "BOOK.DB").exists()
    assert (book_key(book) == book_key(tmp_path / "BOOK.DB")) == ignores_case
    assert book_key(book) == (str(book.resolve()).casefold() if ignores_case else str(book.resolve()))
