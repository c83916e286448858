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

E = TypeVar("E", bound=Enum)

ERROR_STYLE = "color: #b00020;"


def combo_value(combo: QComboBox, enum: type[E]) -> E | None:
    """The enum member stored as item data (Qt hands StrEnum data back as plain str)."""
    data = combo.currentData()
    return None if data is None else enum(data)


def message_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
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
            field.widget.setStyleSheet("border: 1px solid #b00020;" if message else "")
            field.widget.setAccessibleDescription(message or "")
            if message:
                problems[field.widget] = message
        self._save.setEnabled(not problems)
        if problems:
            self._save.setToolTip("Fix the fields marked in red first")
        else:
            self._save.setToolTip("")
        return problems
