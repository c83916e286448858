"""Validation as you type: each field has a check and a message label right under it.

``FieldChecks.add(widget, label, check, name)`` ties a widget to a check that returns
a message (or None); ``refresh()`` runs every check and enables the Save button only
when all pass. The checks are the core's (``journal.domain.validation``), so the form
and the JSON importer refuse the same things with the same words.

A message is shown at its field (and the field marked) only once the field has been
touched: edited, or left with Tab or a click elsewhere. A form therefore opens
without red text, even while a required field is still empty. Until then Save stays
disabled and a neutral hint beside the buttons says what it waits for ("To save:
enter the distance."). Pressing Save anyway (Ctrl+Enter) touches every field, so
every message shows, and puts the cursor in the first field to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journal.ui.colours import Colours, Tone, current
from journal.ui.forms.messages import combo_value, message_label
from journal.ui.scheme import follow, set_tone

__all__ = ["FieldChecks", "combo_value", "hint_label", "message_label"]

HINT_TONE = Tone.MUTED
"""The hint beside Save: neutral, since nothing is wrong yet; it only says what saving waits for."""


def _mark_invalid(widget: QWidget, colours: Colours) -> None:
    widget.setStyleSheet(f"border: 1px solid {colours.field_border};" if widget.property("invalid") else "")


def hint_label() -> QLabel:
    """The neutral line that says why Save is not available yet."""
    label = QLabel()
    set_tone(label, HINT_TONE)
    label.setWordWrap(True)
    label.hide()
    return label


@dataclass
class _Field:
    widget: QWidget
    label: QLabel
    check: Callable[[], str | None]
    touched: bool = False


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:] if message[:2] != message[:2].upper() else message


class FieldChecks(QObject):
    """The form's fields, their checks, which were touched, and the Save button they enable.

    ``hint`` is the neutral label for the form to place beside its buttons.
    """

    def __init__(self, save_button: QPushButton) -> None:
        super().__init__(save_button)
        self._fields: list[_Field] = []
        self._save = save_button
        self._watching = False
        self.hint = hint_label()

    def add(self, widget: QWidget, label: QLabel, check: Callable[[], str | None]) -> None:
        field = _Field(widget, label, check)
        self._fields.append(field)
        follow(widget, _mark_invalid)  # the red border follows the colour scheme

        widget.installEventFilter(self)
        _connect_changed(widget, lambda: self._changed(field))

    def start_watching(self) -> None:
        """From now on a change to a field counts as touching it (call once the form is filled in)."""
        self._watching = True

    def _changed(self, field: _Field) -> None:
        if self._watching and not field.touched:
            field.touched = True
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._watching and _left(event):
            for field in self._fields:
                if field.widget is watched and not field.touched:
                    field.touched = True
                    self.refresh()
        return False

    def touch(self, widget: QWidget) -> None:
        for field in self._fields:
            if field.widget is widget:
                field.touched = True

    def touch_all(self) -> None:
        for field in self._fields:
            field.touched = True

    def is_touched(self, widget: QWidget) -> bool:
        return any(f.touched for f in self._fields if f.widget is widget)

    def refresh(self) -> dict[QWidget, str]:
        """Run every check; return the problems by widget (empty when the form can be saved).

        Messages are shown only at touched fields; the problems of the others go in the hint.
        """
        problems: dict[QWidget, str] = {}
        waiting: list[str] = []
        for field in self._fields:
            try:
                message = field.check()
            except ValueError as exc:
                message = str(exc)
            if message:
                problems[field.widget] = message
                if not field.touched:
                    waiting.append(_lower_first(message))
            shown = message if field.touched else None
            field.label.setText(shown or "")
            field.label.setVisible(bool(shown))
            field.widget.setProperty("invalid", bool(shown))
            _mark_invalid(field.widget, current())
            field.widget.setAccessibleDescription(shown or "")
        self._save.setEnabled(not problems)
        hint = "To save: " + "; ".join(waiting) + "." if waiting else ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        if hint:
            self._save.setToolTip(hint)
        elif problems:
            self._save.setToolTip("Fix the fields marked in red first")
        else:
            self._save.setToolTip("")
        return problems

    def show_all(self) -> QWidget | None:
        """Save was pressed: touch every field, show every message, and put the cursor in the first field to fix;
        returns that field (None when the form can be saved)."""
        self.touch_all()
        problems = self.refresh()
        for field in self._fields:
            if field.widget in problems:
                field.widget.setFocus()
                return field.widget
        return None


def _left(event: QEvent) -> bool:
    """The person moved on from the field (Tab, a click, a shortcut), not a popup or another window taking focus."""
    if not isinstance(event, QFocusEvent):
        return False
    return event.reason() not in (
        Qt.FocusReason.ActiveWindowFocusReason,
        Qt.FocusReason.PopupFocusReason,
        Qt.FocusReason.MenuBarFocusReason,
    )


def _connect_changed(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the field's value changes, typed or set."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(slot)
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, QAbstractSpinBox):
        widget.editingFinished.connect(slot)
