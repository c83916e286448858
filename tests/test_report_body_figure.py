"""Page 1 of the report shows the body map coloured by each region's average pain over the period."""

from __future__ import annotations

import io
from datetime import date, timedelta

from pypdf import PdfReader

from journal.domain.entries import JournalData
from journal.domain.pain_scale import NOT_SCORED, PAIN_COLOURS
from journal.domain.settings import Settings
from journal.domain.vocabulary import Region
from journal.interchange.report.blocks import Beside
from journal.interchange.report.body_figure import body_figure, region_averages, region_colours
from journal.interchange.report.charts import report_charts
from journal.interchange.report.pdf import report_pdf
from journal.interchange.report.report_model import build_report
from journal.interchange.report.wording import report_document
from tests.test_report_pdf import START, _known


def known_report():
    return build_report(_known(), Settings(name="Sam"), START, START + timedelta(days=13))


def test_each_region_takes_the_colour_of_its_average() -> None:
    averages = region_averages(known_report())
    # lower back 2, 4, 6, 0, 3 on five days: 3.0; left hamstring scored 0 every day; the rest never scored
    assert averages == {
        Region.LOWER_BACK: 3.0,
        Region.HAMSTRING_LEFT: 0.0,
        Region.UPPER_BACK: None,
        Region.HAMSTRING_RIGHT: None,
        Region.GLUTE_HIP: None,
    }
    colours = region_colours(averages)
    assert colours[Region.LOWER_BACK] == PAIN_COLOURS[3] and colours[Region.HAMSTRING_LEFT] == PAIN_COLOURS[0]
    assert colours[Region.GLUTE_HIP] == NOT_SCORED
    assert region_colours({Region.LOWER_BACK: 6.5})[Region.LOWER_BACK] == PAIN_COLOURS[6]  # nearest: 6.5 -> 6


def test_page_one_holds_the_figure_beside_the_pain_table() -> None:
    report = known_report()
    figure = body_figure(report)
    assert figure is not None and figure[0][:8] == b"\x89PNG\r\n\x1a\n"
    document = report_document(report, report_charts(report), figure)
    beside = [b for b in document.blocks if isinstance(b, Beside)]
    assert len(beside) == 1 and beside[0].figure.png == figure[0]
    reader = PdfReader(io.BytesIO(report_pdf(report)))
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Average pain per region over the period" in first and "Lower back 3.0 6 (4 Mar)" in first
    assert len(reader.pages[0].images) == 1  # the figure, on page 1 (the charts are on page 2)
    assert "Weekly distance with pain" in " ".join(reader.pages[1].extract_text().split())


def test_no_figure_without_check_ins() -> None:
    empty = build_report(JournalData(), Settings(), date(2025, 1, 1), date(2025, 1, 31))
    assert body_figure(empty) is None
    assert not [b for b in report_document(empty, [], None).blocks if isinstance(b, Beside)]
