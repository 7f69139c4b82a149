"""Stop a test server whose test process died without stopping it (a segfault, a SIGKILL, a lost xdist worker).

A session fixture stops its server at the end; a process that dies never gets there, and its PostgreSQL or
Dovecot would run on with a folder in /tmp. So each started server gets this watcher, a plain process of its
own session (never the test's child in a way a signal to the test's group reaches):

    python tests/server_reaper.py <test pid> <server folder> <pid file> <signal number>

Once a second it looks: the folder gone means the fixture stopped the server and cleaned up, and the watcher
ends; the test process gone while the folder is still there means nobody will, and it sends the server's
master process (the first line of the pid file) the signal, waits for it to go, and removes the folder.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

POLL_SECONDS = 1.0


def alive(pid: int) -> bool:
    """The process exists and is not a zombie (ended, its exit not yet collected by its parent)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process (a server run as `postgres`) exists
        pass
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):  # no /proc (not Linux), or it went in between
        return True


def server_pid(pid_file: Path) -> int | None:
    try:
        return int(pid_file.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def reap(owner: int, folder: Path, pid_file: Path, signum: int) -> None:
    while folder.exists() and alive(owner):
        time.sleep(POLL_SECONDS)
    if not folder.exists():
        return
    pid = server_pid(pid_file)
    if pid is not None and alive(pid):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 20
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    shutil.rmtree(folder, ignore_errors=True)


def watch(folder: Path, pid_file: Path, signum: int) -> None:
    """Start the watcher of this process's server in `folder`. A shell starts it in the background and exits, so
    the watcher is nobody's child here (no process left for this one to wait for) and ends by itself."""
    command = shlex.join([sys.executable, __file__, str(os.getpid()), str(folder), str(pid_file), str(signum)])
    subprocess.run(["sh", "-c", f"{command} &"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, start_new_session=True, check=True)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C meant for the tests: they stop their servers
    reap(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
