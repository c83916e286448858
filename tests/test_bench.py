"""The speed harness runs in its quick mode and prints every figure the issue asks for.

This proves the harness works (as CI does); it does not judge the numbers,
which are the harness's own business (``python -m journal.devtools.bench``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.devtools.bench import FIGURES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_harness_prints_every_figure() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "journal.devtools.bench", "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "10-year journal:" in out and "runs" in out
    lines = {line[:48].strip(): line[48:] for line in out.splitlines()}
    for key, label, _unit, target in FIGURES:
        assert label in lines, f"{label!r} is not printed"
        assert "failed" not in lines[label], f"{label}: {lines[label].strip()}"
        if key.startswith(("startup", "save_run", "peak_memory")):
            assert "not available" not in lines[label], f"the window figure {label!r} was not measured"
        if target is not None and "not available" not in lines[label]:
            assert lines[label].rstrip().endswith(("ok", "SLOW")), lines[label]
