"""Start with the desktop session: an XDG autostart entry that opens Run Journal minimised to the tray.

Linux desktops (GNOME, KDE, Xfce...) start every ``.desktop`` file in
``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart`` when the variable is unset) at
log-in (XDG Autostart Specification). The entry runs this Python with ``-m journal
--minimised`` in the folder that holds the package, and ``--db`` when the journal is not the
default one. The file is written
owner-only and atomically, and carries a line that marks it as this app's, so a file of
the same name written by someone else is never overwritten or removed.

macOS (a launch agent) and Windows (a Startup folder shortcut) are not supported yet:
``unsupported_reason`` says so, and Settings shows it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from journal import APP_NAME
from journal.interchange.private_files import write_private
from journal.storage.files import default_journal_path

ENTRY_NAME = "run-journal.desktop"
MARKER = "X-RunJournal-Autostart=true"
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`%]")


class AutostartError(Exception):
    """The entry cannot be written or removed; the message says why and names the file."""


def unsupported_reason(journal_path: Path, platform: str = sys.platform) -> str | None:
    """None where starting with the session is supported, else a sentence saying why not."""
    if platform == "darwin":
        return "Starting with your session is not supported on macOS yet: add Run Journal to Login Items by hand."
    if platform.startswith("win"):
        return "Starting with your session is not supported on Windows yet: put a shortcut in the Startup folder."
    if journal_path.name == "demo-journal.sqlite3" and journal_path.parent.name.startswith("run-journal-demo-"):
        return "This is the demo journal, in a temporary file: starting with your session is for your own journal."
    return None


def entry_path() -> Path:
    """``$XDG_CONFIG_HOME/autostart/run-journal.desktop`` (``~/.config`` when the variable is unset or empty)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


def _quoted(argument: str) -> str:
    """One argument of an Exec line (Desktop Entry Specification, "The Exec key")."""
    if _RESERVED.search(argument) is None and argument:
        return argument
    inner = re.sub(r'(["`$\\])', r"\\\1", argument).replace("%", "%%")
    return '"' + inner.replace("\\", "\\\\") + '"'  # then the string-value escape of the file itself


def command(journal_path: Path) -> list[str]:
    args = [sys.executable, "-m", "journal", "--minimised"]
    if journal_path.expanduser().resolve() != default_journal_path().expanduser().resolve():
        args += ["--db", str(journal_path)]
    return args


PACKAGE_HOME = Path(__file__).resolve().parents[2]
"""The folder holding the ``journal`` package: the entry starts there, so ``-m journal`` finds it."""


def entry_text(journal_path: Path) -> str:
    if any(c in str(journal_path) for c in "\n\r"):
        raise AutostartError("The journal's path has a line break in it, which an autostart entry cannot hold.")
    exec_line = " ".join(_quoted(a) for a in command(journal_path))
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Check-in reminders for your running and pain journal\n"
        f"Exec={exec_line}\n"
        f"Path={str(PACKAGE_HOME).replace(chr(92), chr(92) * 2)}\n"
        "Icon=run-journal\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARKER}\n"
    )


def _ours(path: Path) -> bool:
    try:
        return MARKER in path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False


def is_enabled() -> bool:
    path = entry_path()
    return path.exists() and _ours(path)


def enable(journal_path: Path) -> Path:
    """Write the entry (replacing an older one of ours); refuse when another program's file is there."""
    path = entry_path()
    if path.exists() and not _ours(path):
        raise AutostartError(f"{path} exists and was not written by {APP_NAME}; it was left as it is.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_private(path, entry_text(journal_path))
    except OSError as exc:
        raise AutostartError(f"{path} could not be written: {exc.strerror or exc}") from None


def disable() -> None:
    """Remove our entry (nothing to do when there is none); another program's file is left alone."""
    path = entry_path()
    if not path.exists():
        return
    if not _ours(path):
        raise AutostartError(f"{path} was not written by {APP_NAME}; it was left as it is.")
    try:
        path.unlink()
    except OSError as exc:
        raise AutostartError(f"{path} could not be removed: {exc.strerror or exc}") from None
