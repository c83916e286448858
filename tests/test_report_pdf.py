"""The doctor summary PDF: built for known journals, read back as text with pypdf, as a clinician would read it."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pytest
from pypdf import PdfReader

from journal.analysis.flags import Acknowledgement, evaluate_flags
from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import PaperSize, Settings
from journal.domain.vocabulary import CareKind, Radiates, Region, Timing, WarningSign
from journal.interchange.report.pdf import report_pdf
from journal.interchange.report.report_model import build_report, default_period

START = date(2026, 3, 2)  # a Monday
SETTINGS = Settings(name="Zoë Łukasiewicz", date_of_birth=date(1984, 2, 29))


def _checkin(day: date, back: int, timing: Timing = Timing.NEXT_MORNING, **extra) -> CheckIn:
    scores = (RegionScore(Region.LOWER_BACK, back, timing, radiates=extra.pop("radiates", None)),)
    scores += (RegionScore(Region.HAMSTRING_LEFT, 0, timing),)
    return CheckIn(datetime.combine(day, time(8, 0)), scores=scores, **extra)


def _pdf(
    data: JournalData,
    start: date,
    end: date,
    settings: Settings = SETTINGS,
    notes: bool = False,
    acks: tuple[Acknowledgement, ...] = (),
) -> PdfReader:
    flags = evaluate_flags(data, end, acknowledgements=acks)
    report = build_report(data, settings, start, end, include_notes=notes, flags=flags, now=datetime(2026, 4, 1, 9, 30))
    return PdfReader(io.BytesIO(report_pdf(report)))


def _text(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _known() -> JournalData:
    """Five check-in days of lower-back pain 2, 4, 6, 0, 3; runs of 5 km a week, then 12 km in one run."""
    scores = [2, 4, 6, 0, 3]
    checkins = [_checkin(START + timedelta(days=i), s) for i, s in enumerate(scores)]
    checkins[2] = _checkin(START + timedelta(days=2), 6, Timing.REST_DAY, radiates=Radiates.THIGH, notes="private note")
    runs = [Run(datetime.combine(START - timedelta(days=7 * k), time(7)), 5000.0, 1800) for k in range(1, 6)]
    runs.append(Run(datetime.combine(START + timedelta(days=1), time(7)), 12_000.0, 4300, notes="run note"))
    care = [
        CareEntry(START, CareKind.PAINKILLER, "paracetamol 1 g"),
        CareEntry(START + timedelta(days=1), CareKind.PAINKILLER, "ibuprofen 200 mg"),
        CareEntry(START + timedelta(days=1), CareKind.HEAT, minutes=20),
    ]
    return JournalData(runs=tuple(sorted(runs, key=lambda r: r.started_at)), checkins=tuple(checkins), care=tuple(care))


def test_page_one_shows_the_figures_of_a_known_journal() -> None:
    reader = _pdf(_known(), START, START + timedelta(days=13))
    pages = _text(reader)
    first = pages[0]
    assert "Zoë Łukasiewicz, born 29 Feb 1984" in first
    assert "2 Mar to 15 Mar 2026 (2 weeks)" in first
    # Lower back: average 3.0, worst 6 on 4 Mar, most recent 3 on 6 Mar, 4 of 5 days with pain, 1 pain-free
    assert "Lower back 3.0 6 (4 Mar) 3 (6 Mar) 4 of 5 1" in first
    assert "Same (-1.5)" in first  # last 2 days (0, 3) against the first 2 (2, 4): -1.5, under 2 points
    assert "No pain recorded for: left hamstring" in first
    assert (
        "Lower back, of the 5 days with a check-in: felt next morning on 3 days, rest day on 1 day. Spread down the thigh on 1 of them."
        in first
    )
    assert "Painkiller (over the counter) 2 of 14 paracetamol 1 g, ibuprofen 200 mg" in first
    assert "Heat 1 of 14 20" in first
    # 12 km against a longest of 5 km in the 30 days before: a 140 % spike; week 1 is +140 % on 5 km
    assert "+140.0 %" in first and "140.0 % longer than the longest run of the 30 days before (5.0 km)" in first
    assert "No warning signs" in first
    assert "private note" not in " ".join(pages) and "run note" not in " ".join(pages)


def test_every_page_has_the_footer_with_page_n_of_m() -> None:
    reader = _pdf(_known(), START, START + timedelta(days=13))
    pages = _text(reader)
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in text
        assert "Generated on 1 Apr 2026 at 09:30" in text
        assert "A self-kept journal, not a diagnosis." in text
    assert "Weekly distance with pain" in pages[1] and "Pain per region over the period" in pages[1]
    assert "Log of the period" in " ".join(pages)


def test_notes_only_when_chosen() -> None:
    text = " ".join(_text(_pdf(_known(), START, START + timedelta(days=13), notes=True)))
    assert "Note: private note" in text and "Note: run note" in text


def test_fonts_are_embedded_truetype() -> None:
    reader = _pdf(_known(), START, START + timedelta(days=13))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
    assert any("DejaVuSans" in name for name in seen)


@pytest.mark.parametrize(("paper", "size"), [(PaperSize.A4, (595, 842)), (PaperSize.LETTER, (612, 792))])
def test_paper_size_follows_the_setting(paper: PaperSize, size: tuple[int, int]) -> None:
    settings = Settings(name="Sam", paper_size=paper)
    reader = _pdf(JournalData(), START, START + timedelta(days=6), settings)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_an_empty_period_gives_a_short_honest_report() -> None:
    reader = _pdf(_known(), date(2025, 1, 1), date(2025, 1, 31))
    pages = _text(reader)
    assert len(pages) == 1
    assert "No check-ins in this period" in pages[0]
    assert "No runs in this period" in pages[0]
    assert "Nothing was logged in this period" in pages[0]
    assert "No flags raised as of 31 Jan 2025" in pages[0]
    assert "Page 1 of 1" in pages[0]


def _lingering_then_better() -> JournalData:
    """Three weeks of 5/10 back pain in March, then pain-free check-ins from April."""
    march = [_checkin(date(2026, 3, 1) + timedelta(days=i), 5, Timing.REST_DAY) for i in range(21)]
    may = [_checkin(date(2026, 5, 1) + timedelta(days=i), 0) for i in range(21)]
    sign = CheckIn(
        datetime(2026, 3, 20, 21, 0),
        scores=(RegionScore(Region.LOWER_BACK, 5, Timing.REST_DAY),),
        warning_signs=(WarningSign.SADDLE_NUMBNESS,),
    )
    return JournalData(checkins=tuple(sorted([*march, sign, *may], key=lambda c: c.recorded_at)))


def test_flags_are_those_of_the_period_with_evidence_and_the_emergency_first() -> None:
    data = _lingering_then_better()
    march = _text(_pdf(data, date(2026, 3, 1), date(2026, 3, 21)))[0]
    emergency = (
        "Numbness or tingling around the genitals or buttocks (20 Mar): call an emergency number or go to A&E now"
    )
    assert emergency in march
    flags_at = march.index("Flags and warning signs")
    assert (
        flags_at < march.index(emergency) < march.index("Call an emergency number now") < march.index("Pain by region")
    )
    assert march.index(emergency) < march.index("not settling with rest") < march.index("without improving")
    assert "Evidence, 1 Mar to 21 Mar: 5/10" in march
    assert "Guidance followed: " in march
    # In May the pain has gone, but the emergency and urgent flags wait for an acknowledgement.
    may = _text(_pdf(data, date(2026, 5, 1), date(2026, 5, 21)))[0]
    assert emergency in may and "without improving" not in may
    assert "Lower back" not in may.split("Pain by region")[1].split("Care tried")[0].split("recorded for:")[0]
    checked = tuple(Acknowledgement(f.key, datetime(2026, 4, 2, 10, 0)) for f in evaluate_flags(data, date(2026, 4, 1)))
    assert (
        "No flags raised as of 21 May 2026" in _text(_pdf(data, date(2026, 5, 1), date(2026, 5, 21), acks=checked))[0]
    )
    march_checked = _text(_pdf(data, date(2026, 3, 1), date(2026, 3, 21), acks=checked))[0]
    assert emergency in march_checked  # as of 21 March it had not been acknowledged yet


def test_default_period_is_eight_calendar_weeks_to_today() -> None:
    start, end = default_period(date(2026, 11, 21))  # a Saturday
    assert (start, end) == (date(2026, 9, 28), date(2026, 11, 21))
    assert start.weekday() == 0


def test_interference_and_runs_cut_short_by_pain_are_reported() -> None:
    from dataclasses import replace

    data = _known()
    checkins = tuple(replace(c, interference=v) for c, v in zip(data.checkins, (2, 5, 8, 1, 3), strict=True))
    runs = tuple(replace(r, stopped_for_pain=True) if r.notes == "run note" else r for r in data.runs)
    first = _text(_pdf(replace(data, checkins=checkins, runs=runs), START, START + timedelta(days=13)))[0]
    assert "How much pain got in the way of usual activities, running included (0-10" in first
    assert (
        "average 3.8 over the 5 days answered; worst 8 (4 Mar); 7 or more on 1 of those 5 days; most recent 3 (6 Mar)"
        in first
    )
    assert "Stopped or cut short by pain: 1 run, 3 Mar (12.0 km)" in first
