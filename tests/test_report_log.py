"""The report's log on a long journal: every entry once, in order, on as many pages as it takes (``LogRows``)."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time, timedelta

from pypdf import PdfReader

from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import Region, Timing, WarningSign
from journal.interchange.report.pdf import report_pdf
from journal.interchange.report.report_model import build_report

START = date(2025, 1, 6)
DAYS = 400


def _journal() -> JournalData:
    runs, checkins = [], []
    for i in range(DAYS):
        day = START + timedelta(days=i)
        if i % 2 == 0:
            runs.append(
                Run(datetime.combine(day, time(7)), 1000.0 + 100.0 * i, notes=f"run note {i}" if i % 50 == 0 else "")
            )
        note = f"A long note for day {i}, " + "which wraps onto a second line in the log's last column " * 2
        checkins.append(
            CheckIn(
                datetime.combine(day, time(20)),
                (RegionScore(Region.LOWER_BACK, i % 4, Timing.LATER_SAME_DAY),),
                (WarningSign.FEVER,) if i == 123 else (),
                notes=note if i % 40 == 0 else "",
            )
        )
    return JournalData(runs=tuple(runs), checkins=tuple(checkins))


def test_every_entry_is_in_the_log_once_and_in_order() -> None:
    data = _journal()
    end = START + timedelta(days=DAYS - 1)
    report = build_report(data, Settings(), START, end, include_notes=True, flags=[], now=datetime(2026, 3, 1, 9))
    reader = PdfReader(io.BytesIO(report_pdf(report)))
    pages = [page.extract_text() for page in reader.pages]
    log = "\n".join(pages[next(i for i, p in enumerate(pages) if "Log of the period" in p) :])
    assert "Day Time Entry What" in " ".join(log.split())
    flat = " ".join(log.split())
    distances = [float(d) for d in re.findall(r"Run (\d+\.\d) km", flat)]
    assert distances == [round(1.0 + 0.1 * i, 1) for i in range(0, DAYS, 2)]  # every run once, oldest first
    assert len(re.findall(r"Lower back \d/10 \(later that day\)|No pain \(lower back 0\)", flat)) == DAYS
    for i in range(0, DAYS, 40):
        assert f"A long note for day {i}, which wraps onto a second line" in flat  # wrapped notes are whole
    assert "run note 0" in flat and "run note 350" in flat
    assert len(pages) > 10 and all(f"Page {n} of {len(pages)}" in p for n, p in enumerate(pages, start=1))
