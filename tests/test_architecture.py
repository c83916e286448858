"""The architecture holds: the core imports no Qt, and start-up pays for no heavy imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_import_contracts_hold():
    """import-linter: the core never imports Qt; layers ui > cli > files > analysis/storage > domain."""
    result = subprocess.run([str(BIN / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_runs_without_qt_installed_in_reach():
    """The command line works with PySide6 made unimportable (a headless run of the core)."""
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from journal.app import main\n"
        "raise SystemExit(main(['--demo', 'export', '--format', 'json', '--out', sys.argv[1]]))\n"
    )
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"arch-{os.getpid()}.json"
    result = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    out.unlink()


def test_window_start_up_does_not_import_heavy_modules(tmp_path):
    """Opening an existing journal in the window imports no matplotlib, importers, PDF code or Alembic."""
    from journal.storage.journal import Journal

    Journal.open(tmp_path / "j.sqlite3").close()
    code = (
        "import os, sys, tempfile; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from journal.ui.application import make_application\n"
        "from journal.storage.journal import Journal\n"
        "from journal.ui.operations import JournalOperations\n"
        "from journal.ui.main_window import MainWindow\n"
        "app = make_application()\n"
        "d = Path(sys.argv[1])\n"
        "w = MainWindow(JournalOperations(Journal.open(d / 'j.sqlite3')), QSettings(str(d / 's.ini'), QSettings.Format.IniFormat))\n"
        "w.show(); app.processEvents()\n"
        "heavy = [m for m in ('matplotlib', 'reportlab', 'gpxpy', 'fitdecode', 'alembic') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_product_never_imports_the_development_tools():
    """journal.devtools (harness, benchmarks, generator) is outside the product: its contract holds, and every
    product module imports with the package made unimportable."""
    result = subprocess.run([str(BIN / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert "The product never imports the development tools KEPT" in result.stdout, result.stdout
    code = (
        "import importlib, pkgutil, sys\n"
        "sys.modules['journal.devtools'] = None  # any import of it now fails\n"
        "import journal\n"
        "names = [m.name for m in pkgutil.walk_packages(journal.__path__, 'journal.')\n"
        "         if not m.name.startswith(('journal.devtools', 'journal.storage.migrations.'))\n"
        "         and not m.name.endswith('__main__')]  # __main__ would start the app\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 150  # every module of the product was imported
