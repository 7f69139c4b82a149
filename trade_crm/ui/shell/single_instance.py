"""One window per customer book: a second launch hands over to the first instead of opening the file twice.

The first instance holds a QLockFile (in the temp folder, named after the user and the book's real path)
and listens on a QLocalServer of the same name. A second launch fails to take the lock, connects,
sends "activate" and exits; the first brings its window to the front. A lock left by a crash
names a process that is gone: QLockFile sees that it is stale and takes it over (the stale time is
0, so a long-running instance's lock never expires by age), and the dead server's socket file is
removed before listening again.

    instance = SingleInstance(db_path)
    if not instance.acquire():
        instance.notify_running()
        return 0
    instance.activation_requested.connect(lambda: bring_to_front(window))
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from trade_crm import APP_ID

ACTIVATE = b"activate\n"


def _case_insensitive(folder: Path) -> bool:
    """True when the file system holding `folder` (or its nearest existing parent) ignores case."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    swapped = Path(str(folder).swapcase())
    if swapped == folder:  # no letters to swap (a root, a folder named in digits): ask the platform
        return os.path.normcase("A") == "a"
    try:
        return swapped.exists() and os.path.samefile(swapped, folder)
    except OSError:
        return False


def book_key(db_path: Path) -> str:
    """The book's real path: symlinks and `..` resolved, case folded where the file system ignores case.

    Every spelling of one file gives one key, so a second window can never open the same book.
    """
    real = Path(os.path.realpath(Path(db_path).expanduser()))
    return str(real).casefold() if _case_insensitive(real.parent) else str(real)


def instance_name(db_path: Path) -> str:
    """A name for the lock and the socket: this user, this book (a short hash of its real path)."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment
        user = "user"
    user = re.sub(r"[^A-Za-z0-9_-]", "_", user)[:24]
    digest = hashlib.sha256(book_key(db_path).encode("utf-8")).hexdigest()[:16]
    return f"{APP_ID}-{user}-{digest}"


class SingleInstance(QObject):
    activation_requested = Signal()  # a second launch asked this instance to come to the front

    def __init__(self, db_path: Path, *, lock_dir: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = instance_name(db_path)
        folder = Path(lock_dir) if lock_dir is not None else Path(QDir.tempPath())
        self.lock_path = folder / f"{self.name}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    @property
    def is_primary(self) -> bool:
        return self._server is not None

    def acquire(self) -> bool:
        """True: this is the first instance (now listening); False: another one holds the book."""
        if not self._lock.tryLock(0) and self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # Locked, or the temp folder cannot hold a lock (then there is no telling: do not stand in the way).
        self._listen()
        return True

    def _listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a crash; we hold the lock
        if not server.listen(self.name):
            server.deleteLater()
            return False
        server.newConnection.connect(self.on_server_new_connection)
        self._server = server
        return True

    def on_server_new_connection(self) -> None:
        while self._server is not None and (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self.on_socket_ready_read)
            if socket.bytesAvailable():
                self._read(socket)

    def on_socket_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            socket.readyRead.disconnect(self.on_socket_ready_read)
            socket.abort()
            self.activation_requested.emit()

    def notify_running(self, timeout_ms: int = 2000) -> bool:
        """From a second launch: ask the first instance to come to the front; False if it did not answer."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        sent = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


def bring_to_front(window: QWidget) -> None:
    """Show `window` over the others, restoring it when minimised."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
