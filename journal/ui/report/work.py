"""The report's work off the GUI thread: what the worker is given, and the modules it needs imported first.

Everything here returns plain data (``ReportDocument``: blocks, strings and PNG
bytes); no Qt object is created or touched on the worker thread. Laying the
blocks out as a QTextDocument happens afterwards, on the GUI thread
(``journal.ui.report.printing``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.settings import PaperSize

if TYPE_CHECKING:
    from journal.interchange.report.blocks import ReportDocument
    from journal.storage.reader import JournalReader

Work = Callable[["JournalReader", Callable[[int, int], bool]], Any]


def import_report_modules() -> None:
    """Import everything the background work needs, here on the GUI thread.

    PySide6 hooks every import (shiboken's feature check), and a trial run that imported
    matplotlib on the worker thread ended in a fatal interpreter error, so the worker is
    given nothing left to import. Done on the first report, not at start-up, so opening
    the window stays quick.
    """
    import matplotlib.backends.backend_agg
    import matplotlib.collections
    import matplotlib.dates
    import matplotlib.figure
    import matplotlib.patches
    import matplotlib.path
    import matplotlib.patheffects  # noqa: F401

    import journal.interchange.csv_export
    import journal.interchange.fhir
    import journal.interchange.private_files
    import journal.interchange.report.body_figure
    import journal.interchange.report.charts
    import journal.interchange.report.report_model
    import journal.interchange.report.wording  # noqa: F401
    from journal.domain.body_map import BodyMapError, body_map
    from journal.interchange.report.pdf import preload

    preload()
    with contextlib.suppress(BodyMapError):  # without the figure the report goes on (body_figure)
        body_map()  # read the figure's SVG now, too


def report_document_work(
    start: date, end: date, include_notes: bool, paper: PaperSize, with_pdf: Path | None = None
) -> Work:
    """``work(journal, progress)`` for ``run_in_background``: the report's blocks, and the PDF when asked.

    The same function serves the inline preview, Print, Print preview and Save as PDF, so
    they all say the same thing.
    """

    def work(journal: JournalReader, _progress: Callable[[int, int], bool]) -> ReportDocument:
        from journal.interchange.report.body_figure import body_figure
        from journal.interchange.report.charts import report_charts
        from journal.interchange.report.pdf import render_pdf
        from journal.interchange.report.report_model import load_report
        from journal.interchange.report.wording import report_document

        report = load_report(journal, start, end, include_notes, paper)
        document = report_document(report, report_charts(report), body_figure(report))
        if with_pdf is not None:
            from journal.interchange.private_files import write_private

            write_private(with_pdf, render_pdf(document))
        return document

    return work
