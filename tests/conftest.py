"""Shared test set-up.

- Qt runs offscreen, set here before anything imports Qt.
- HOME and the XDG folders point into a temporary folder for the whole run, so
  no test can touch the real user's journal, backups or window settings.
- Qt warnings fail tests (``qt_log_level_fail = WARNING`` in pyproject.toml).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_isolated_home = Path(tempfile.mkdtemp(prefix="run-journal-tests-home-"))
for _var, _sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
    (_isolated_home / _sub).mkdir(exist_ok=True)
    os.environ[_var] = str(_isolated_home / _sub)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_isolated_home / "runtime"))
(_isolated_home / "runtime").mkdir(mode=0o700, exist_ok=True)
os.environ["MPLBACKEND"] = "Agg"

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


@pytest.fixture
def samples() -> Path:
    """The real watch files beside the checkout (../shared/samples); skip when absent."""
    if not SAMPLES.is_dir():
        pytest.skip(f"the shared sample files are not at {SAMPLES} (they sit beside the checkout in CI)")
    return SAMPLES


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[object]:
    from journal.storage.journal import Journal

    j = Journal.open(journal_path)
    yield j
    j.close()


@pytest.fixture(autouse=True)
def _destroy_qt_objects_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Collect each GUI test's windows before the next test starts.

    A closed top-level window from an earlier test lives on as garbage in a reference
    cycle; if Python's cycle collector happened to run on a worker thread of a later
    test, Qt would destroy the window there and warn ("Timers cannot be stopped from
    another thread"). Collecting here, on the GUI thread, keeps that from happening.
    """
    yield
    if "qtbot" in request.fixturenames:
        import gc

        gc.collect()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A form a test leaves changed is closed at teardown without "Discard this run?".

    Closing a changed form asks first (``journal.ui.forms.form_dialog``), in a modal box that
    would wait forever when pytest-qt closes the test's widgets (its own teardown hook, which
    this one runs before); the question itself is tested in tests/test_keyboard_forms.py.
    """
    if "qtbot" in getattr(item, "fixturenames", ()) and "journal.ui.forms.form_dialog" in sys.modules:
        from PySide6.QtWidgets import QApplication

        from journal.ui.forms.form_dialog import FormDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, FormDialog):
                widget.mark_unchanged()
    return (yield)
