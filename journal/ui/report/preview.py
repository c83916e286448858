"""The Report page's inline preview: what the summary will say, before it is saved or printed.

The same content as the printed pages (``printing.report_html``: the blocks that
``wording.py`` words once), in one long read-only column, page 1 (the
minute-long read) at the top. A QTextBrowser rather than pages painted scaled
to the width: the text stays sharp at the screen's own size, can be selected
and copied, is read by screen readers, and scrolls like any page of the window. It takes
the colours of the screen's scheme (``colours.report_colours``: light text and dark flag
boxes on a dark one), laid out again when the scheme changes; what is saved or printed
stays light.

Building it: the report's blocks are counted off the GUI thread
(``ops.run_in_background``; plain data only), then laid out as a QTextDocument
here on the GUI thread. Choices and journal changes are debounced by a
single-shot timer; while the page is hidden nothing is built, and the preview
catches up when it is next shown. One build at a time: a change during a build
starts one more build when it ends, and the stale result is dropped.

Signals:
    updated(): the preview now shows the current choices (or says why it cannot).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from inspect import ismethod
from typing import TYPE_CHECKING
from weakref import WeakMethod

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from journal.domain.numbers import counted
from journal.domain.settings import PaperSize
from journal.ui.colours import Tone, report_colours
from journal.ui.operations import Change, JournalOperations
from journal.ui.report.work import import_report_modules, report_document_work
from journal.ui.scheme import follow, set_tone

if TYPE_CHECKING:
    from journal.interchange.report.blocks import ReportDocument
    from journal.storage.reader import JournalReader

DEBOUNCE_MS = 300
MARGIN_PX = 14
PREVIEW_LOG_ROWS = 1000
"""Rows of the log shown at most (a year or more of daily entries): Qt lays the preview out on the
GUI thread, where a 10-year log (7,500 rows) took most of a second and 1,000 rows about 0.2 s. The rest is in the
saved PDF and the printout; the preview says so where it stops."""


@dataclass(frozen=True, slots=True)
class PreviewChoice:
    """What the Report page's controls ask for."""

    start: date
    end: date
    include_notes: bool
    paper: PaperSize


def shorten_log(document: ReportDocument, max_rows: int) -> ReportDocument:
    """``document`` with its log (the table grouped by day) cut after the day that reaches ``max_rows``.

    Whole days only; a line after the cut says how many days are left out and where they are.
    """
    from journal.interchange.report.blocks import Para, Table

    blocks = list(document.blocks)
    for n, block in enumerate(blocks):
        if not isinstance(block, Table) or block.group_starts is None or len(block.rows) <= max_rows:
            continue
        starts = sorted(block.group_starts)
        cut = next((i for i in starts if i >= max_rows), len(block.rows))
        if cut >= len(block.rows):
            continue
        left_out = sum(1 for i in starts if i >= cut)
        shown = len(starts) - left_out
        blocks[n] = replace(
            block,
            rows=block.rows[:cut],
            bold_rows=frozenset(i for i in block.bold_rows if i < cut),
            group_starts=frozenset(i for i in starts if i < cut),
        )
        note = (
            f"<b>The preview stops here, after {counted(shown, 'day')} of the log.</b> The other "
            f"{counted(left_out, 'day')} {'is' if left_out == 1 else 'are'} in the saved PDF and the printed pages."
        )
        blocks.insert(n + 1, Para(note, "alert"))
        break
    return replace(document, blocks=tuple(blocks))


class ReportPreview(QWidget):
    updated = Signal()

    def __init__(
        self, ops: JournalOperations, choice: Callable[[], PreviewChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        # A bound method (the page's) is held weakly: a page <-> preview reference cycle could be
        # broken by Python's garbage collector on a worker thread, destroying Qt objects there.
        self._choice: Callable[[], Callable[[], PreviewChoice] | None] = (
            WeakMethod(choice) if ismethod(choice) else lambda: choice
        )
        self._stale = True
        self._running = False
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        self.title = QLabel("<b>What the summary says</b>")
        self.busy = QLabel("")
        set_tone(self.busy, Tone.MUTED)
        self.busy.setAccessibleName("Preview status")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Preview of the summary")
        self.browser.document().setDocumentMargin(MARGIN_PX)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.busy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.browser, 1)
        ops.changed.connect(self._journal_changed)
        self._document: ReportDocument | None = None
        """What is shown, kept to lay it out again in the other scheme's colours."""
        follow(self, lambda preview, _colours: preview.recolour())

    def recolour(self) -> None:
        """The same summary in the colours of the scheme now shown (no rebuild)."""
        if self._document is not None:
            self._show(self._document)

    # ---- when to build -------------------------------------------------------------------------
    def schedule(self) -> None:
        """Rebuild ``DEBOUNCE_MS`` after the last call; while hidden, on the next show."""
        if not self.isVisible():
            self._stale = True
            return
        self.busy.setText("Updating…")
        self._timer.start()

    def _journal_changed(self, _change: Change) -> None:
        self.schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def text(self) -> str:
        """The preview as plain text (what a person reads there)."""
        return self.browser.toPlainText()

    def updating(self) -> bool:
        """A build is waiting for its timer or running."""
        return self._running or self._timer.isActive()

    # ---- building ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Build the preview for the current choices now (off the GUI thread)."""
        self._timer.stop()
        if self._running:
            self._again = True
            return
        self._stale = False
        ask = self._choice()
        if ask is None:  # the page is gone
            return
        choice = ask()
        if choice.start > choice.end:
            self._show_message(
                f"The period starts ({choice.start}) after it ends ({choice.end}). "
                "Pick a first day on or before the last day to see the summary."
            )
            return
        import_report_modules()
        self._running = True
        self.busy.setText("Updating…")
        build = report_document_work(choice.start, choice.end, choice.include_notes, choice.paper)

        def work(
            journal: JournalReader, progress: Callable[[int, int], bool]
        ) -> ReportDocument:  # plain data only: no Qt object is made or touched here
            return shorten_log(build(journal, progress), PREVIEW_LOG_ROWS)

        self.ops.run_in_background(work, self._done, self._failed)

    def _finished(self) -> bool:
        """The build ended: True if its result is still wanted (else one more build starts)."""
        self._running = False
        self.busy.setText("")
        if self._again:
            self._again = False
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True
            return False
        return True

    def _done(self, document: ReportDocument) -> None:
        if not Shiboken.isValid(self):  # the window closed while the worker ran
            return
        if self._finished():
            self._show(document)

    def _failed(self, message: str, _shown: bool = False) -> None:
        if not Shiboken.isValid(self):
            return
        if self._finished():
            self._show_message(f"The preview could not be built: {message}")

    # ---- showing -------------------------------------------------------------------------------
    def _show(self, document: ReportDocument) -> None:
        from journal.ui.report.printing import fill_text_document

        self._document = document
        text = QTextDocument(self.browser)  # parented, so Qt deletes it on the GUI thread
        text.setDocumentMargin(MARGIN_PX)
        fill_text_document(text, document, screen=True, colours=report_colours())
        self._set_document(text)

    def _show_message(self, message: str) -> None:
        self._document = None
        text = QTextDocument(self.browser)
        text.setDocumentMargin(MARGIN_PX)
        text.setPlainText(message)
        self.busy.setText("")
        self._set_document(text)

    def _set_document(self, text: QTextDocument) -> None:
        """Swap in ``text``, keeping the reader's place, and delete the old document."""
        bar = self.browser.verticalScrollBar()
        place = bar.value()
        old = self.browser.document()
        ours = old.parent() == self.browser  # the first one belongs to the browser, which deletes it itself
        self.browser.setDocument(text)
        bar.setValue(place)
        if ours:
            old.deleteLater()
        self.updated.emit()
