"""The watcher that stops a test server whose test process died first (tests/server_reaper.py), on a stand-in
server: a sleeping process with a pid file in its folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.server_reaper import alive

REAPER = Path(__file__).with_name("server_reaper.py")


def stand_in_server(folder: Path) -> int:
    """A daemon as a server's master is one: started through a shell that exits, so it is not our child."""
    folder.mkdir()
    started = subprocess.run(["sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!"], capture_output=True, text=True,
                             check=True)
    pid = int(started.stdout)
    (folder / "master.pid").write_text(f"{pid}\n")
    return pid


def reaper(owner: subprocess.Popen, folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REAPER), str(owner.pid), str(folder), str(folder / "master.pid"),
                             str(int(signal.SIGTERM))])


def test_a_server_whose_test_process_died_is_stopped_and_its_folder_removed(tmp_path):
    folder = tmp_path / "server"
    server = stand_in_server(folder)
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.3)"])
    watcher = reaper(owner, folder)
    owner.wait()
    assert watcher.wait(timeout=20) == 0
    assert not alive(server) and not folder.exists()


def test_a_server_its_fixture_stopped_is_left_alone_and_the_watcher_ends(tmp_path):
    folder = tmp_path / "server"
    server = stand_in_server(folder)
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    watcher = reaper(owner, folder)
    time.sleep(0.2)
    (folder / "master.pid").unlink()
    folder.rmdir()  # what stop_server does last
    try:
        assert watcher.wait(timeout=20) == 0
        assert alive(server)  # the watcher signalled nobody
    finally:
        owner.kill()
        owner.wait()
        os.kill(server, signal.SIGKILL)
