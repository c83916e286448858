"""The types hold: mypy passes on the whole package, and --strict on the core.

The core (domain, storage, analysis, interchange, importers) is what the window, the
command line and the tests build on, so its types are checked strictly; the window is
checked with the project's settings (``[tool.mypy]`` in pyproject.toml). A type error
fails the suite like any other bug.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ["journal/domain", "journal/storage", "journal/analysis", "journal/interchange", "journal/importers"]


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=ROOT, capture_output=True, text=True)


def test_mypy_passes_on_the_package():
    result = _mypy()  # files = ["journal"] in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_mypy_strict_passes_on_the_core():
    result = _mypy("--strict", *CORE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
