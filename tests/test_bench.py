"""The speed harness runs in its quick mode and prints every figure the issue asks for.

This proves the harness works (as CI does): a 1-year journal, one run of each figure. It
does not judge the numbers, which are the harness's own business
(``python -m journal.devtools.bench``).
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
    assert "1 year:" in out and "runs" in out and "check-ins" in out
    lines = {line[:46].strip(): line[46:] for line in out.splitlines()}
    for figure in FIGURES:
        assert figure.label.strip() in lines, f"{figure.label!r} is not printed"
        shown = lines[figure.label.strip()]
        assert "failed" not in shown, f"{figure.label}: {shown.strip()}"
        if figure.key not in ("startup_vs_10y", "trends_vs_1y"):  # ratios to other journals: not in --quick
            value = shown[:12].strip()
            assert value and value[0].isdigit(), f"{figure.label} was not measured: {shown.strip()}"
        if figure.target is not None:
            assert "not measured" in shown or shown.rstrip().endswith(("ok", "SLOW")), shown
    assert "other figures from journal/devtools/benchmarks/" in out and "calendar_month_ms" in out
    assert "its own peak memory" in out


def test_the_harness_answers_to_the_name_the_speed_issue_gives_it() -> None:
    """``python -m journal.bench --years N`` (issue 16) runs the harness of ``journal.devtools``."""
    result = subprocess.run(
        [sys.executable, "-m", "journal.bench", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "--years" in result.stdout and "--quick" in result.stdout
