"""One raised flag on the Flags page: what to do, since when, why (the evidence), the source, acknowledgements.

Emergency and urgent flags stay raised until acknowledged: their button reads "I have had this checked",
and acknowledging clears them (a new entry with the same sign raises them again). Other flags stay until
their condition clears; acknowledging only records that the person has seen them, with a note.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from journal.analysis.flags import DISCLAIMER, Evidence, Flag, Severity
from journal.analysis.flags.wording import day_text, short_day
from journal.storage.flag_store import FlagAcknowledgement
from journal.ui.colours import Tone, current
from journal.ui.flags.style import chip_css, look
from journal.ui.forms.form_dialog import add_save_keys
from journal.ui.scheme import set_tone

EVIDENCE_FOLDED = 12
"""Evidence entries shown before "Show all"."""


SEPARATOR = "&nbsp;&nbsp;·&nbsp; "
"""Between evidence entries: the dot stays with the entry before it when the line wraps."""


def evidence_html(evidence: tuple[Evidence, ...] | list[Evidence]) -> str:
    """'19 Oct: 47 km in the week… · 25 Oct <b>5</b>/10 · Painkiller: ibuprofen on 12 Nov, 14 Nov' (rich text).

    Entries without a score that say the same thing one after another (a painkiller every
    day) are written once, with their days.
    """
    groups: list[list[Evidence]] = []
    for e in evidence:
        last = groups[-1][-1] if groups else None
        if last is not None and e.score is None and last.score is None and last.what == e.what:
            groups[-1].append(e)
        else:
            groups.append([e])
    parts = []
    for group in groups:
        days = [short_day(e.day).replace(" ", "&nbsp;") for e in group]
        first = group[0]
        if first.score is not None:
            parts.append(f"{days[0]}&nbsp;<b>{first.score}</b>/10")
        elif len(group) == 1:
            parts.append(f"{days[0]}: {escape(first.what, quote=False)}")
        else:
            parts.append(f"{escape(first.what, quote=False)} on {', '.join(days)}")
    return SEPARATOR.join(parts)


def message_html(flag: Flag) -> str:
    """The message without the closing disclaimer, with the action in bold (rich text)."""
    text = escape(flag.message.removesuffix(DISCLAIMER).strip(), quote=False)
    action = escape(flag.action, quote=False)
    return text.replace(action, f"<b>{action}</b>", 1) if action else text


def sources_html(flag: Flag) -> str:
    links = [f'<a href="{escape(s.url, quote=True)}">{escape(s.name, quote=False)}</a>' for s in flag.sources]
    return "Guidance: " + SEPARATOR.join(links)


class FlagCard(QFrame):
    """A raised flag with its note field.

    Signals:
        acknowledge_requested(str): the person clicked Acknowledge (or pressed Enter or Ctrl+Enter in the note);
            the argument is their note.
    """

    acknowledge_requested = Signal(str)

    def __init__(
        self, flag: Flag, acknowledged: list[FlagAcknowledgement], draft: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flag = flag
        colours = look(flag.severity)
        # white on a light window; on a dark one the window's grey, so the note field's darker box shows
        ground = "palette(window)" if current().dark else "palette(base)"
        self.setObjectName("flagCard")
        self.setStyleSheet(
            f"#flagCard {{ border: 1px solid {colours.border}; border-left: 6px solid {colours.border}; "
            f"border-radius: 4px; background: {ground}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(6)

        if flag.severity is Severity.EMERGENCY:  # unmistakable: what to do, first and large
            self.alarm = QLabel(f"⚠ {flag.action}")
            self.alarm.setWordWrap(True)
            self.alarm.setAccessibleName("Emergency")
            self.alarm.setStyleSheet(
                f"background: {colours.background}; color: {colours.text}; font-size: 14pt; font-weight: bold; "
                "padding: 8px; border-radius: 3px;"
            )
            layout.addWidget(self.alarm)

        top = QHBoxLayout()
        self.chip = QLabel(flag.severity.label.upper())
        self.chip.setStyleSheet(chip_css(flag.severity))
        top.addWidget(self.chip)
        self.headline = QLabel(f"<b>{escape(flag.headline, quote=False)}</b>")
        self.headline.setWordWrap(True)
        top.addWidget(self.headline, 1)
        raised = flag.raised_on or flag.since
        when = f"since {day_text(flag.since)}"
        if raised != flag.since:
            when += f" · raised {day_text(raised)}"
        if flag.last_logged:
            when += f" · last logged {day_text(flag.last_logged)}"
        since = QLabel(when)
        since.setToolTip("When it started, and the day the flag was first raised")
        set_tone(since, Tone.MUTED)
        top.addWidget(since, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.message = QLabel(message_html(flag))
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        if flag.risk_factors:
            factors = QLabel("Risk factor used (from Settings): " + ", ".join(f.label for f in flag.risk_factors))
            factors.setWordWrap(True)
            layout.addWidget(factors)

        evidence_row = QHBoxLayout()
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        evidence_row.addWidget(self.evidence, 1)
        self.show_all = QPushButton(f"Show all {len(flag.evidence)}")
        self.show_all.setFlat(True)
        self.show_all.setCheckable(True)
        self.show_all.setVisible(len(flag.evidence) > EVIDENCE_FOLDED)
        self.show_all.toggled.connect(self._show_evidence)
        evidence_row.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(evidence_row)
        self._show_evidence(False)

        self.sources = QLabel(sources_html(flag))
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.sources.setOpenExternalLinks(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.sources)

        self.disclaimer = QLabel(DISCLAIMER)
        self.disclaimer.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.disclaimer, Tone.MUTED, "font-style: italic;")
        layout.addWidget(self.disclaimer)

        self.acknowledgements = QLabel()
        self.acknowledgements.setWordWrap(True)
        self.acknowledgements.setVisible(bool(acknowledged))
        if acknowledged:
            lines = [
                f"✓ Acknowledged {a.acknowledged_at:%d %b %Y %H:%M}"
                + (f": {escape(a.note, quote=False)}" if a.note else "")
                for a in acknowledged
            ]
            self.acknowledgements.setText("<br>".join(lines) + "<br><i>The flag stays until its condition clears.</i>")
        layout.addWidget(self.acknowledgements)

        ack_row = QHBoxLayout()
        self.note = QLineEdit(draft)
        self.note.setMaxLength(2000)
        self.note.returnPressed.connect(self._acknowledge)
        ack_row.addWidget(self.note, 1)
        if flag.persistent:
            self.note.setPlaceholderText("Note (optional): who checked it and when, e.g. seen at A&E on 3 March")
            self.acknowledge = QPushButton("I have had this checked")
            self.acknowledge.setToolTip(
                "Record that a professional has checked this, with your note. The flag clears; ticking the sign "
                "again raises it again."
            )
            self.persistence = QLabel("<i>This flag stays until you confirm it has been checked.</i>")
            layout.addWidget(self.persistence)
        else:
            self.note.setPlaceholderText("Note (optional): what you did, e.g. booked a GP appointment")
            self.acknowledge = QPushButton("Acknowledge again" if acknowledged else "Acknowledge")
            self.acknowledge.setToolTip("Record that you have seen this flag, with your note. The flag stays raised.")
        # The whole headline: several flags can name the same region ("Lower back: ...").
        self.note.setAccessibleName(f"Note on the flag “{flag.headline}”")
        self.acknowledge.setAccessibleName(f"{self.acknowledge.text()}: “{flag.headline}”")
        self.acknowledge.clicked.connect(self._acknowledge)
        add_save_keys(self, self._acknowledge, "Acknowledge")  # Ctrl+Enter in the note, like Enter and every form
        ack_row.addWidget(self.acknowledge)
        layout.addLayout(ack_row)
        self.error = QLabel()
        set_tone(self.error, Tone.ERROR)
        self.error.setVisible(False)
        layout.addWidget(self.error)

    def _show_evidence(self, everything: bool) -> None:
        items = list(self.flag.evidence)
        if everything or len(items) <= EVIDENCE_FOLDED:
            text = evidence_html(items)
        else:  # the first few and the latest, with the gap marked
            text = evidence_html(items[:4]) + SEPARATOR + "…" + SEPARATOR + evidence_html(items[4 - EVIDENCE_FOLDED :])
        self.evidence.setText(f"<b>Evidence ({len(items)}):</b> {text}")
        self.show_all.setText("Show fewer" if everything else f"Show all {len(items)}")

    def _acknowledge(self) -> None:
        self.acknowledge_requested.emit(self.note.text())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
