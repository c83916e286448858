"""The Flags page: the flags raised today with their evidence, and the history of past flags.

Each raised flag is a card (``card.FlagCard``) with its message, the dated entries
behind it, the guidance it follows (linked), the not-a-medical-device line, and a
note field to acknowledge it; the acknowledgement is stored through
``ops.acknowledge_flag`` (one transaction): an emergency or urgent flag then clears
("I have had this checked"); the others stay raised until their condition clears. Below, every flag episode of the last two years,
with when each started and ended. "About these flags…" lists
the rules, their sources and thresholds. Re-evaluated whenever the journal changes
(while hidden, when next shown).
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.flags import DISCLAIMER, Flag, FlagEpisode, rule_descriptions
from journal.analysis.flags.wording import day_text
from journal.domain.numbers import counted
from journal.domain.vocabulary import WarningSign
from journal.storage.journal import InvalidEntry
from journal.ui.colours import Tone
from journal.ui.empty_state import empty_state_html, empty_state_label
from journal.ui.flags.about import AboutFlagsDialog
from journal.ui.flags.card import FlagCard
from journal.ui.flags.state import FlagState
from journal.ui.flags.style import look
from journal.ui.operations import JournalOperations, WriteFailed
from journal.ui.scheme import follow, set_tone

EMPTY_JOURNAL = empty_state_html(
    "Flags will appear here",
    "A flag is raised when your check-ins meet one of the rules: pain that lingers, spreads or keeps coming "
    "back, a warning sign, painkillers on most days, pain after a jump in running. Each flag says what to do (call an emergency number, get medical help today, see a "
    "doctor, or ease back), with the entries behind it and the guidance it follows; <b>About these flags…</b> "
    "lists every rule.",
    to_start="check in how your back and hamstrings feel (<b>Check-in</b>, Ctrl+K), on mornings and rest days "
    "as well as after runs, pain-free days included: the rules count days, and a gap in logging is not recovery. "
    "Warning signs are ticked on the check-in too.",
)
HISTORY_COLUMNS = ("Flag", "Region", "Severity", "Raised", "Until", "Acknowledged")
HISTORY_ROWS_SHOWN = 15
TITLES = {info.rule: info.title for info in rule_descriptions()}


def episode_title(episode: FlagEpisode) -> str:
    """'Lingering pain', or the warning sign itself for warning-sign flags."""
    if episode.rule == "warning_sign":
        try:
            return f"Warning sign: {WarningSign(episode.subject).label}"
        except ValueError:
            return TITLES["warning_sign"]
    return TITLES.get(episode.rule, episode.rule)


class FlagsPage(QWidget):
    """The Flags tab, built as ``FlagsPage(ops, state, parent)``; see the module docstring."""

    def __init__(self, ops: JournalOperations, state: FlagState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._state = state
        self._drafts: dict[str, str] = {}
        self._stale = True
        self.cards: list[FlagCard] = []

        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        header.addWidget(self.title, 1)
        self.about_button = QPushButton("About these flags…")
        self.about_button.clicked.connect(self.show_about)
        header.addWidget(self.about_button)
        intro = QLabel(
            "The journal compares your entries with published guidance (NHS, Mayo Clinic, NICE) and says when to ask "
            "a professional, with the entries behind each flag. It never diagnoses. "
            f"<b>{escape(DISCLAIMER, quote=False)}</b>"
        )
        intro.setWordWrap(True)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(10)
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(10)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty_journal = empty_state_label(EMPTY_JOURNAL)
        """With no check-in yet: what will appear here and what to log first (instead of ``empty``)."""
        body_layout.addWidget(self.empty_journal)
        set_tone(self.empty, Tone.MUTED, "padding: 12px;")
        body_layout.addWidget(self.cards_box)

        self.history_title = QLabel()
        self.history_title.setStyleSheet("font-size: 12pt; font-weight: bold; margin-top: 8px;")
        body_layout.addWidget(self.history_title)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setAccessibleName("Flag history")
        self.history.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.history.setHorizontalHeaderLabels(HISTORY_COLUMNS)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(False)
        head = self.history.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        body_layout.addWidget(self.history)
        body_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)

        self._state.updated.connect(self.refresh)
        follow(self, lambda page, _colours: page.refresh())  # the cards and the history in the new colours

    # ---- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the flags as of today; while the page is hidden, wait until it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        result = self._state.result()
        for card in self.cards:
            self._drafts[card.flag.key] = card.note.text()
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.cards_layout.removeWidget(self.empty)
        while self.cards_layout.count():
            self.cards_layout.takeAt(0)
        flags = result.flags
        self.title.setText(f"Flags raised today ({day_text(result.as_of)}): {len(flags)}" if flags else "Flags")
        for flag in flags:
            card = FlagCard(flag, result.acknowledged.get(flag.key, []), self._drafts.get(flag.key, ""))
            card.acknowledge_requested.connect(lambda note, f=flag, c=card: self.acknowledge(f, note, c))
            self.cards_layout.addWidget(card)
            self.cards.append(card)
        checkins = self.ops.read.counts().checkins
        judged = f" (judged on {counted(checkins, 'check-in')})" if checkins else ""
        self.empty.setText(
            f"No flags today: nothing in the journal meets a flag rule{judged}. Keep logging check-ins: pain that "
            f"lingers or a warning sign will show here, with the evidence. {DISCLAIMER}"
        )
        episodes = result.history()
        nothing_yet = not flags and not checkins and not episodes
        self.empty_journal.setVisible(nothing_yet)
        self.empty.setVisible(not flags and not nothing_yet)
        self.cards_layout.addWidget(self.empty)
        self.cards_layout.addStretch(1)
        self._fill_history(episodes, result.acknowledged)
        self.history_title.setVisible(not nothing_yet)

    def _fill_history(self, episodes: list[FlagEpisode], acknowledged: dict) -> None:
        self.history_title.setText(f"History of flags ({len(episodes)})" if episodes else "History of flags: none yet")
        self.history.setRowCount(len(episodes))
        self.history.setVisible(bool(episodes))
        for row, episode in enumerate(episodes):
            notes = acknowledged.get(episode.key, [])
            cells = (
                episode_title(episode),
                episode.region.label if episode.region else "",
                episode.severity.label,
                day_text(episode.started),
                "still raised"
                if episode.ended is None
                else day_text(episode.ended) + (" (checked)" if episode.acknowledged else ""),
                "; ".join(f"{a.acknowledged_at:%d %b %Y}" + (f": {a.note}" if a.note else "") for a in notes),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(episode.last.message)
                if column == 2:
                    colours = look(episode.severity)
                    item.setBackground(QColor(colours.background))
                    item.setForeground(QColor(colours.text))
                self.history.setItem(row, column, item)
        self._fit_history_height()

    def _fit_history_height(self) -> None:
        """Tall enough for every row up to ``HISTORY_ROWS_SHOWN``; the page scrolls, not a tiny table."""
        rows = min(self.history.rowCount(), HISTORY_ROWS_SHOWN)
        height = self.history.horizontalHeader().sizeHint().height() + 2 * self.history.frameWidth()
        height += sum(self.history.rowHeight(r) for r in range(rows))
        self.history.setFixedHeight(height + 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # ---- actions ---------------------------------------------------------------------------
    def acknowledge(self, flag: Flag, note: str, card: FlagCard | None = None) -> bool:
        """Store an acknowledgement of ``flag`` with ``note`` (one transaction); False if refused."""
        try:
            self.ops.acknowledge_flag(flag, note)
        except InvalidEntry as exc:
            if card is not None:
                card.show_error(str(exc))
            return False
        except WriteFailed:  # the window says why (JournalOperations.failed); the note stays typed
            return False
        self._drafts.pop(flag.key, None)
        for card_now in self.cards:  # the page was rebuilt by ops.changed; clear the note just stored
            if card_now.flag.key == flag.key:
                card_now.note.clear()
        return True

    def show_about(self) -> AboutFlagsDialog:
        dialog = AboutFlagsDialog(self.ops, self._state.result().thresholds, self)
        dialog.open()
        return dialog
