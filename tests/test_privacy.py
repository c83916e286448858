"""Privacy: owner-only files, no network ever, no health data in the output.

One whole session runs with Python's socket creation (and name lookups) made
to fail and with a umask that would leave files world-readable: start the
window as ``run_window`` does, log a run in the form and a check-in, open every
page, build the PDF summary, export CSV / JSON / FHIR, save a chart, import
watch files and a JSON backup, back up and restore. Afterwards:

- nothing tried to open a Python socket, and this process holds no TCP/UDP
  socket (Linux: /proc/self/fd against /proc/net/*), which would also catch Qt's;
- every file the session made (journal, its -wal/-shm, lock, backups, every
  export) is readable by its owner only, the backups folder 0700;
- the notes' marker appears in no byte written to stdout or stderr, and in no
  file under HOME (logs, caches, settings).

The session is a list of steps (``STEPS``); a step whose part of the app does
not exist yet is skipped, so new pages join by adding a step.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.app import main

MARKER = "Zebra7c1eNote"
"""In notes, shoe names and the name on reports: must never reach the output or stray files."""


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every Python socket creation, connection and name lookup fails, and is recorded."""
    attempts: list[str] = []

    class BlockedSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            attempts.append(f"socket{args}")
            raise NetworkUsed("the app tried to create a socket")

    def blocked(name: str) -> Callable[..., object]:
        def refuse(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args}")
            raise NetworkUsed(f"the app called socket.{name}")

        return refuse

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair", "create_server"):
        monkeypatch.setattr(socket, name, blocked(name))
    yield attempts


def inet_sockets_of_this_process() -> set[str]:
    """Inodes of this process's open TCP/UDP sockets (empty where /proc is missing)."""
    proc = Path("/proc/self/fd")
    if not proc.is_dir():
        return set()
    mine = set()
    for fd in proc.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.add(target[8:-1])
    inet = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9:
                    inet.add(fields[9])
    return mine & inet


@dataclass
class Session:
    qtbot: object
    folder: Path
    samples: Path | None
    journal: Path = field(init=False)
    made: list[Path] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    window: object = None
    lock: object = None

    def __post_init__(self) -> None:
        self.journal = self.folder / "journal.sqlite3"

    def out(self, name: str) -> Path:
        path = self.folder / "out" / name
        path.parent.mkdir(exist_ok=True)
        self.made.append(path)
        return path


# ---- the steps ---------------------------------------------------------------------------------
def start_window(s: Session) -> None:
    """What run_window does: lock and open the journal, the window, the single-instance server."""
    from PySide6.QtCore import QSettings

    from journal.storage.journal import Journal
    from journal.ui.application import make_application, open_journal_for_window
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations
    from journal.ui.single_instance import SingleInstanceServer

    make_application()
    with Journal.open(s.journal) as j:  # a journal with a past to show
        from journal.domain.entries import Run

        start = datetime.now().replace(microsecond=0) - timedelta(days=70)
        j.add_entries(
            runs=[Run(started_at=start + timedelta(days=2 * i), distance_m=6000.0 + 50 * i) for i in range(30)]
        )
    opened = open_journal_for_window(s.journal)
    assert opened is not None
    journal, s.lock = opened
    settings = QSettings(str(s.folder / "window.ini"), QSettings.Format.IniFormat)
    s.window = MainWindow(JournalOperations(journal), settings)
    s.qtbot.addWidget(s.window)
    s.server = SingleInstanceServer(journal.path, s.window)
    s.server.listen()
    with s.qtbot.waitSignal(s.window.history_ready, timeout=10_000):
        s.window.show()


def log_run_and_check_in(s: Session) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from journal.domain.entries import CheckIn, RegionScore
    from journal.domain.settings import Settings
    from journal.domain.vocabulary import Region
    from journal.ui.forms.run_dialog import RunDialog

    ops = s.window.ops
    dialog = RunDialog(ops, parent=s.window)
    s.qtbot.addWidget(dialog)
    dialog.distance.setText("7.5")
    dialog.notes.setPlainText(f"{MARKER} felt the hamstring at km 5")
    dialog.shoe.setCurrentText(f"{MARKER} shoes")
    s.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert any(MARKER in r.notes for r in ops.read.runs())
    yesterday = datetime.now().replace(microsecond=0) - timedelta(days=1)
    ops.save_checkin(
        CheckIn(recorded_at=yesterday, scores=(RegionScore(Region.LOWER_BACK, 5),), notes=f"{MARKER} sore at night")
    )
    ops.save_settings(Settings(name=f"{MARKER} Runner"))


def open_every_page(s: Session) -> None:
    from journal.ui.window_pages import LAZY_PAGES

    for spec in LAZY_PAGES:
        page = s.window.show_tab(spec.title)
        s.qtbot.wait(50)
        if hasattr(page, "redraw"):
            page.redraw()


def save_a_chart(s: Session) -> None:
    page = s.window.show_tab("Trends")
    key = next(iter(page.charts))
    assert page.save_chart(key, s.out("chart.png")) is not None


def build_the_report(s: Session) -> None:
    page = s.window.show_tab("Report")
    with s.qtbot.waitSignal(page.saved, timeout=30_000):
        page.save_pdf(s.out("summary.pdf"))
    folder = s.out("csv")
    page.export_csv(folder)
    s.qtbot.waitUntil(lambda: (folder / "runs.csv").exists(), timeout=10_000)
    s.made += list(folder.iterdir())


def export_json_from_the_window(s: Session) -> None:
    from journal.ui.export_backup import export_json

    assert export_json(s.window.ops, s.out("backup.json")) > 0


def import_watch_files(s: Session) -> None:
    from journal.ui.importing.dialog import start_import

    if s.samples is None:
        raise ModuleNotFoundError("no sample files")
    controller = start_import(s.window, s.window.ops, [s.samples / "gpx", s.samples / "tcx"], None)
    with s.qtbot.waitSignal(controller.finished, timeout=30_000):
        pass
    if controller.report_dialog is not None:
        controller.report_dialog.close()


def commands(s: Session) -> None:
    """The command line on the same journal (the window's lock released first, as when it closes)."""
    s.lock.release()
    j = str(s.journal)
    assert main(["export", "--format", "fhir", "--out", str(s.out("fhir.json")), "--db", j]) == 0
    assert main(["export", "--format", "json", "--out", str(s.out("cli.json")), "--db", j]) == 0
    assert main(["report", "--out", str(s.out("cli.pdf")), "--db", j]) == 0
    assert main(["import", str(s.folder / "out" / "backup.json"), "--db", str(s.folder / "second.sqlite3")]) == 0
    assert main(["backup", "--db", j]) == 0
    from journal.storage.backup import list_backups

    assert main(["restore", str(list_backups(s.journal)[-1].path), "--db", j]) == 0


STEPS: list[Callable[[Session], None]] = [
    start_window,
    log_run_and_check_in,
    open_every_page,
    save_a_chart,
    build_the_report,
    export_json_from_the_window,
    import_watch_files,
    commands,
]


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0o000)
    yield
    os.umask(old)


def owner_only(path: Path) -> bool:
    mode = stat.S_IMODE(path.stat().st_mode)
    return mode & 0o077 == 0


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_whole_session_without_network_keeps_everything_private(
    qtbot, tmp_path: Path, no_network: list[str], permissive_umask: None, capfd: pytest.CaptureFixture[str], request
) -> None:
    try:
        samples = request.getfixturevalue("samples")
    except pytest.skip.Exception:
        samples = None
    session = Session(qtbot, tmp_path, samples)
    for step in STEPS:
        try:
            step(session)
        except ModuleNotFoundError as exc:
            if exc.name and not exc.name.startswith("journal"):
                raise
            session.skipped.append(f"{step.__name__} ({exc})")
            continue
        session.ran.append(step.__name__)
    session.window.ops.wait_for_background()
    session.server.close()
    session.window.close()

    assert no_network == [], "the app tried to use the network"
    assert inet_sockets_of_this_process() == set(), "a TCP/UDP socket is open"
    assert {"start_window", "log_run_and_check_in", "commands"} <= set(session.ran), session.skipped

    written = [p for p in session.made if p.exists()]
    written += [p for p in tmp_path.iterdir() if p.is_file() and p.name.startswith(("journal", "second"))]
    written += list((tmp_path / "backups").iterdir())
    not_private = [f"{p.name} {stat.filemode(p.stat().st_mode)}" for p in written if not owner_only(p)]
    assert not not_private, f"readable by others: {not_private}"
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert any(p.suffix == ".pdf" for p in written) or "build_the_report" not in session.ran

    out, err = capfd.readouterr()
    assert MARKER not in out and MARKER not in err, "health data was printed without --verbose"
    home = Path(os.environ["HOME"])
    leaks = [
        p
        for p in home.rglob("*")
        if p.is_file() and p.stat().st_size < 50_000_000 and MARKER.encode() in p.read_bytes()
    ]
    assert not leaks, f"health data in files under HOME: {leaks}"


def test_verbose_is_what_lets_details_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The commands that write files print counts and paths only; the notes stay in the files."""
    from journal.domain.entries import Run
    from journal.storage.journal import Journal

    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        j.add_run(Run(started_at=datetime(2024, 3, 1, 7), distance_m=5000.0, notes=f"{MARKER} ache", shoe=MARKER))
    for args in (
        ["export", "--format", "json", "--out", str(tmp_path / "a.json")],
        ["export", "--format", "csv", "--out", str(tmp_path)],
        ["import", str(tmp_path / "a.json")],
        ["backup"],
        ["backup", "--list"],
    ):
        assert main([*args, "--db", str(path)]) == 0, args
        out, err = capsys.readouterr()
        assert MARKER not in out + err, args
