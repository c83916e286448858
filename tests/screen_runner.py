"""Run in a subprocess by tests/test_window_fits.py: the window and its dialogs on a given screen and scale.

``python -m tests.screen_runner WHAT`` with QT_QPA_PLATFORM="offscreen:configfile=..." naming the
screen and, for a high-DPI run, QT_SCALE_FACTOR=2 set before the QApplication exists (Qt reads it
only then, which is why this is a separate process). Prints one JSON object:

- ``window``: the available geometry, the window's geometry and frame, the status bar's rectangle
  on the screen;
- ``remembered``: a window saved much larger than the screen and beyond its edge, as reopened;
- ``dialogs``: for each form and dialog, its size, the room the screen leaves and whether its
  buttons are inside it;
- ``charts``: for each chart of Trends and Race, the titles, axis labels and tick labels drawn
  outside the figure (none expected), and the calendar's grid and legend sizes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main(what: str) -> dict:
    home = Path(tempfile.mkdtemp(prefix="run-journal-screen-"))
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        (home / sub).mkdir(exist_ok=True)
        os.environ[var] = str(home / sub)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialogButtonBox

    from journal.demo import write_demo_journal
    from journal.storage.journal import Journal
    from journal.ui.application import make_application
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations
    from journal.ui.window_size import ASSUMED_FRAME

    app = make_application(["run-journal"])
    path = write_demo_journal(home / "demo.sqlite3")
    journal = Journal.open(path)
    ops = JournalOperations(journal)
    window = MainWindow(ops, QSettings(str(home / "window.ini"), QSettings.Format.IniFormat))
    out: dict = {"scale": app.primaryScreen().devicePixelRatio()}
    available = app.primaryScreen().availableGeometry()
    if "window" in what:
        unframed = window.geometry()
        window.show()
        for _ in range(5):
            app.processEvents()
        bar = window.statusBar()
        out["window"] = {
            "available": _rect(available),
            "before_show": _rect(unframed),
            "assumed_frame": [ASSUMED_FRAME.left(), ASSUMED_FRAME.top(), ASSUMED_FRAME.right(), ASSUMED_FRAME.bottom()],
            "frame": _rect(window.frameGeometry()),
            "status_bar": _rect(bar.geometry().translated(bar.parentWidget().mapToGlobal(bar.pos()) - bar.pos())),
            "status_bar_visible": bar.isVisible(),
        }
    if "remembered" in what:  # saved on a big monitor, off to the right and below this screen, then reopened
        from PySide6.QtCore import QRect

        ini = str(home / "remembered.ini")
        big = MainWindow(ops, QSettings(ini, QSettings.Format.IniFormat))
        big.show()
        app.processEvents()
        big.setGeometry(QRect(available.right() + 400, available.bottom() + 300, 2 * available.width(), 1500))
        app.processEvents()
        saved = _rect(big.geometry())
        big.close()
        again = MainWindow(ops, QSettings(ini, QSettings.Format.IniFormat))
        again.show()
        for _ in range(5):
            app.processEvents()
        bar = again.statusBar()
        out["remembered"] = {
            "available": _rect(available),
            "saved": saved,
            "frame": _rect(again.frameGeometry()),
            "status_bar": _rect(bar.geometry().translated(bar.parentWidget().mapToGlobal(bar.pos()) - bar.pos())),
        }
        again.close()
    if "dialogs" in what:
        from journal.importers.records import ImportReport
        from journal.ui.backups.dialog import BackupListDialog
        from journal.ui.forms.checkin_dialog import CheckInDialog
        from journal.ui.forms.run_dialog import RunDialog
        from journal.ui.importing.report_dialog import ImportReportDialog
        from journal.ui.race.dialog import RaceDialog

        window.show()
        app.processEvents()
        out["dialogs"] = {}
        makers = {
            "run": lambda: RunDialog(ops, parent=window),
            "checkin": lambda: CheckInDialog(ops, parent=window),
            "race": lambda: RaceDialog(ops, parent=window),
            "import report": lambda: ImportReportDialog(ImportReport(), ops.read.settings().units, window),
            "backups": lambda: BackupListDialog([], window),
        }
        for name, make in makers.items():
            dialog = make()
            dialog.show()
            for _ in range(3):
                app.processEvents()
            inner = dialog.rect()
            buttons = dialog.findChildren(QDialogButtonBox)
            out["dialogs"][name] = {
                "size": [dialog.width(), dialog.height()],
                "room": [
                    available.width() - ASSUMED_FRAME.left() - ASSUMED_FRAME.right(),
                    available.height() - ASSUMED_FRAME.top() - ASSUMED_FRAME.bottom(),
                ],
                "buttons_inside": bool(buttons)
                and all(
                    inner.contains(b.geometry().translated(b.parentWidget().mapTo(dialog, b.pos()) - b.pos()))
                    for b in buttons
                ),
            }
            dialog.close()
        out["dialogs"]["print preview"] = _print_preview(app, ops, window, available, ASSUMED_FRAME)
    if "charts" in what:
        out["charts"] = _charts(app, ops)
    ops.wait_for_background()
    journal.close()
    return out


def _print_preview(app, ops, window, available, frame) -> dict:
    """The Report page's Print preview, opened as the page opens it (its ``exec`` caught)."""
    from datetime import date, timedelta

    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from journal.domain.settings import PaperSize
    from journal.ui.report.page import ReportPage
    from journal.ui.report.work import import_report_modules, report_document_work

    import_report_modules()
    document = report_document_work(date.today() - timedelta(weeks=8), date.today(), False, PaperSize.A4)(
        ops.read, lambda _done, _total: True
    )
    seen: dict = {}

    def record(dialog: QPrintPreviewDialog) -> int:
        seen["size"] = [dialog.width(), dialog.height()]
        return 0

    QPrintPreviewDialog.exec = record  # type: ignore[method-assign]
    ReportPage(ops, window)._show_preview(document)
    return {
        "size": seen["size"],
        "room": [available.width() - frame.left() - frame.right(), available.height() - frame.top() - frame.bottom()],
        "buttons_inside": True,  # Qt's own dialog: its tool bar is at the top
    }


def _charts(app, ops) -> dict:
    """Build Trends, Race and Calendar as pages of a typical size and list what is drawn outside each figure."""
    from PySide6.QtCore import QSettings

    from journal.ui.calendar.page import CalendarPage
    from journal.ui.flags.state import FlagState
    from journal.ui.race.page import RacePage
    from journal.ui.trends.page import TrendsPage

    found: dict = {}
    settings = QSettings(str(Path(os.environ["HOME"]) / "pages.ini"), QSettings.Format.IniFormat)
    trends = TrendsPage(ops, qsettings=settings)
    race = RacePage(ops, FlagState(ops), qsettings=settings)
    for page in (trends, race):
        page.resize(1180, 620)
        page.show()
        for _ in range(6):
            app.processEvents()
    views = {**{f"trends {k}": v for k, v in trends.charts.items()}, "race": race.chart}
    for name, view in views.items():
        view.canvas.draw()  # and the fitting of the axis titles after it
        app.processEvents()
        view.canvas.draw()
        renderer = view.canvas.get_renderer()
        figure = view.figure.bbox
        outside, texts = [], []
        for ax in view.figure.axes:
            labels = [ax.xaxis.label, ax.yaxis.label, ax.title]
            ticks = []
            for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
                low, high = sorted(limits)
                ticks += [  # only the ticks drawn: matplotlib also lists one or two beyond the limits
                    tick.label1
                    for tick in axis.get_major_ticks()
                    if low <= tick.get_loc() <= high and tick.label1.get_visible()
                ]
                ticks += [
                    tick.label2
                    for tick in axis.get_major_ticks()
                    if low <= tick.get_loc() <= high and tick.label2.get_visible()
                ]
            offset = [ax.xaxis.get_offset_text()]
            for text in labels + ticks + offset + list(ax.texts):
                if not text.get_visible() or not text.get_text():
                    continue
                box = text.get_window_extent(renderer)
                texts.append(text.get_text())
                if box.x0 < figure.x0 - 1 or box.x1 > figure.x1 + 1 or box.y0 < figure.y0 - 1 or box.y1 > figure.y1 + 1:
                    outside.append(text.get_text())
        found[name] = {
            "dpi": view.figure.dpi,
            "outside": outside,
            "texts": len(texts),
            "y_labels": [ax.yaxis.label.get_text() for ax in view.figure.axes if ax.yaxis.label.get_text()],
            "header_visible": view.header.isVisible() and bool(view.header.text()),
        }
    calendar = CalendarPage(ops, FlagState(ops))
    calendar.resize(1180, 620)
    calendar.show()
    for _ in range(4):
        app.processEvents()
    found["calendar"] = {
        "grid": [calendar.view.width(), calendar.view.height()],
        "grid_minimum": [calendar.view.minimumWidth(), calendar.view.minimumHeight()],
    }
    return found


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print("RESULT " + json.dumps(main(sys.argv[1])), flush=True)
