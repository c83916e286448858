"""Validation as you type: each field has a check and a message label right under it.

``FieldChecks.add(widget, label, check)`` ties a widget to a check that returns
a message (or None); ``refresh()`` runs every check, shows each message at its
field, marks the field, and enables the Save button only when all pass.
The checks are the core's (``journal.domain.validation``), so the form and the
JSON importer refuse the same things with the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from journal.ui.colours import Colours, Tone, current
from journal.ui.scheme import follow, set_tone

E = TypeVar("E", bound=Enum)


def combo_value(combo: QComboBox, enum: type[E]) -> E | None:
    """The enum member stored as item data (Qt hands StrEnum data back as plain str)."""
    data = combo.currentData()
    return None if data is None else enum(data)


def _mark_invalid(widget: QWidget, colours: Colours) -> None:
    widget.setStyleSheet(f"border: 1px solid {colours.field_border};" if widget.property("invalid") else "")


def message_label() -> QLabel:
    label = QLabel()
    set_tone(label, Tone.ERROR)
    label.setWordWrap(True)
    label.hide()
    return label


@dataclass
class _Field:
    widget: QWidget
    label: QLabel
    check: Callable[[], str | None]


class FieldChecks:
    def __init__(self, save_button: QPushButton) -> None:
        self._fields: list[_Field] = []
        self._save = save_button

    def add(self, widget: QWidget, label: QLabel, check: Callable[[], str | None]) -> None:
        self._fields.append(_Field(widget, label, check))
        follow(widget, _mark_invalid)  # the red border follows the colour scheme

    def refresh(self) -> dict[QWidget, str]:
        """Run every check; return the problems by widget (empty when the form can be saved)."""
        problems: dict[QWidget, str] = {}
        for field in self._fields:
            try:
                message = field.check()
            except ValueError as exc:
                message = str(exc)
            field.label.setText(message or "")
            field.label.setVisible(bool(message))
            field.widget.setProperty("invalid", bool(message))
            _mark_invalid(field.widget, current())
            field.widget.setAccessibleDescription(message or "")
            if message:
                problems[field.widget] = message
        self._save.setEnabled(not problems)
        if problems:
            self._save.setToolTip("Fix the fields marked in red first")
        else:
            self._save.setToolTip("")
        return problems
