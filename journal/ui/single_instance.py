"""A second copy of the app on the same journal brings the first window forward.

The first window listens on a local socket (``QLocalServer``: a Unix-domain
socket or a Windows named pipe, never a network connection) named after a hash
of the journal's resolved path, so copies on different journals do not meet.
A copy started on the same journal connects, says ``raise``, gets ``ok`` back
and quits; the first window comes to the front.

The socket is only a messenger: who may open the journal is decided by the lock
file (``journal.storage.instance_lock``). A copy that finds the journal locked
but nobody listening (a command is importing into it, or the first window is
still starting) says the journal is in use instead.

Signals (``SingleInstanceServer``):
    activation_requested(): another copy asked for the window to come forward.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

REQUEST = b"raise\n"
REPLY = b"ok\n"


def server_name(journal_path: Path | str) -> str:
    """``run-journal-<24 hex digits>``: the same for every spelling of the same journal's path."""
    resolved = str(Path(journal_path).expanduser().resolve())
    return "run-journal-" + hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:24]


def bring_running_copy_forward(journal_path: Path | str, timeout_ms: int = 1000) -> bool:
    """Ask a running window on this journal to come forward; True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(journal_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(REQUEST)
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        return answer == REPLY
    finally:
        socket.disconnectFromServer()


class SingleInstanceServer(QObject):
    """Listens for later copies on the same journal and raises ``window`` when one asks."""

    activation_requested = Signal()

    def __init__(self, journal_path: Path | str, window: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.name = server_name(journal_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # owner only
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening. Call only while holding the journal's lock, which makes removing a stale socket safe."""
        QLocalServer.removeServer(self.name)  # left behind by a copy that crashed
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not bytes(socket.readAll().data()).startswith(REQUEST.strip()):
            socket.disconnectFromServer()
            return
        socket.write(REPLY)
        socket.flush()
        self.raise_window()
        self.activation_requested.emit()

    def raise_window(self) -> None:
        window = self.window
        if window is None:
            return
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()
