""" "About these flags": every rule in words with its sources, and the thresholds, which can be changed.

Thresholds are saved in the journal's settings (``flags.*``) through
``ops.save_raw_settings``, so the banner and the page re-evaluate at once.
Shares are shown as percentages (``lingering_share`` 0.70 is 70 %).
"""

from __future__ import annotations

from dataclasses import asdict, fields
from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.flags import DISCLAIMER, LIMITS, FlagThresholds, rule_descriptions
from journal.analysis.flags.thresholds import PREFIX
from journal.ui.colours import Tone, current
from journal.ui.forms.form_dialog import FormDialog
from journal.ui.operations import JournalOperations, WriteFailed
from journal.ui.scheme import set_tone
from journal.ui.window_size import fit_dialog

PERCENT_FIELDS = {"lingering_share"}


def rules_html(thresholds: FlagThresholds) -> str:
    """The rules as the page lists them: title, what it means, and linked sources."""
    parts = []
    muted = current().muted
    for info in rule_descriptions(thresholds):
        links = " · ".join(
            f'<a href="{escape(s.url, quote=True)}">{escape(s.name, quote=False)}</a>' for s in info.sources
        )
        parts.append(
            f"<p><b>{escape(info.title, quote=False)}</b> <span style='color:{muted}'>({escape(info.rule, quote=False)}; "
            f"{escape(info.severity, quote=False)})</span><br>{escape(info.description, quote=False)}<br><small>Sources: {links}</small></p>"
        )
    return "".join(parts)


class AboutFlagsDialog(FormDialog):
    """The rules with their sources, and the thresholds to change (saved with Save or Ctrl+Enter; closing with
    changed thresholds asks first)."""

    def __init__(self, ops: JournalOperations, thresholds: FlagThresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Discard the changed thresholds?", "flags")
        self.setWindowTitle("About these flags")
        fit_dialog(self, QSize(760, 680))
        self._ops = ops
        self._thresholds = thresholds
        inner = QWidget()
        layout = QVBoxLayout(inner)
        intro = QLabel(
            "The journal compares your entries with published guidance and says when to ask a professional. "
            f"It never diagnoses. <b>{escape(DISCLAIMER, quote=False)}</b>"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rules = QLabel(rules_html(thresholds))
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setOpenExternalLinks(True)
        self.rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.rules)

        box = QGroupBox("Thresholds, with where each default comes from")
        form = QFormLayout(box)
        self.editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        current = asdict(thresholds)
        lead = ""
        for f in fields(FlagThresholds):
            limit = LIMITS[f.name]
            value = current[f.name]
            editor: QSpinBox | QDoubleSpinBox
            if f.name in PERCENT_FIELDS:
                editor = QSpinBox()
                editor.setRange(round(limit.low * 100), round(limit.high * 100))
                editor.setSuffix(" %")
                editor.setValue(round(value * 100))
            elif isinstance(value, int):
                editor = QSpinBox()
                editor.setRange(int(limit.low), int(limit.high))
                editor.setValue(value)
                editor.setSuffix(_suffix(limit.unit))
            else:
                editor = QDoubleSpinBox()
                editor.setDecimals(1)
                editor.setSingleStep(0.5)
                editor.setRange(limit.low, limit.high)
                editor.setValue(value)
                editor.setSuffix(_suffix(limit.unit))
            editor.setObjectName(f.name)
            # "…within" continues the row above it: its name says which ("Very bad pain on at least … within").
            continues = limit.label.startswith("…")
            lead = lead if continues else limit.label
            editor.setAccessibleName(f"{lead} … {limit.label.lstrip('…')}" if continues else limit.label)
            self.editors[f.name] = editor
            row = QHBoxLayout()
            row.addWidget(editor)
            source = QLabel(limit.source)
            set_tone(source, Tone.MUTED)
            source.setToolTip("Where the default comes from; “app default” where the guidance gives no number")
            row.addWidget(source, 1)
            form.addRow(limit.label, row)
        defaults = QPushButton("Restore the defaults")
        defaults.clicked.connect(lambda: self.show_values(FlagThresholds()))
        form.addRow("", defaults)
        layout.addWidget(box)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)
        self.mark_unchanged()

    def values(self) -> FlagThresholds:
        """The thresholds as the editors show them."""
        values: dict[str, str] = {}
        for name, editor in self.editors.items():
            value = editor.value()
            values[PREFIX + name] = str(value / 100 if name in PERCENT_FIELDS else value)
        return FlagThresholds.from_settings(values)

    def show_values(self, thresholds: FlagThresholds) -> None:
        current = asdict(thresholds)
        for name, editor in self.editors.items():
            value = current[name]
            editor.setValue(round(value * 100) if name in PERCENT_FIELDS else value)

    def submit(self) -> None:
        self.save()

    def save(self) -> None:
        chosen = self.values()
        if chosen.problems():  # the spin boxes keep values in range; this is a second guard
            return
        try:
            self._ops.save_raw_settings(chosen.to_settings())
        except WriteFailed:  # the window says why; the dialog stays open with the values chosen
            return
        self.rules.setText(rules_html(chosen))
        self.accept()


def _suffix(unit: str) -> str:
    if not unit:
        return ""
    return unit if unit.startswith("/") else f" {unit}"
