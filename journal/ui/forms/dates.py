"""Date fields that say why a date is refused, typed or stepped.

A QDateTimeEdit with a minimum or maximum refuses, without a word, a key that would
take it past the limit (typing 2099 into a field that ends today leaves the old year)
and stops at the limit when stepped with the arrow keys. So the app's date fields are
given Qt's widest range (year 100 to 9999, the range Qt itself supports), and the
limit is the form's check (``journal.domain.validation``: not in the future, not
before 1900, a race still to come...), which shows its message at the field, whether
the date was typed, stepped or picked in the calendar, and keeps Save disabled.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit

EARLIEST_QT = QDateTime(QDate(100, 1, 1), QTime(0, 0))
LATEST_QT = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59))


def open_date_range(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Let ``edit`` hold any date Qt can (its form's check says which are allowed, and why); returns it."""
    edit.setDateTimeRange(EARLIEST_QT, LATEST_QT)
    return edit
