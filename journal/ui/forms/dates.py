"""Date fields that say why a date is refused, typed or stepped.

A QDateTimeEdit with a minimum or maximum refuses, without a word, a key that would
take it past the limit (typing 2099 into a field that ends today leaves the old year)
and stops at the limit when stepped with the arrow keys. So the app's date fields take
any four-digit year (1000 to 9999), and the limit is the form's check
(``journal.domain.validation``: not in the future, not before 1900, a race still to
come...), which shows its message at the field, whether the date was typed, stepped or
picked in the calendar, and keeps Save disabled (Settings does not save it).

The range starts at the year 1000, not at Qt's own year 100, so that the first digits
of a year being typed ("202") wait for the fourth instead of showing year 202 and its
message for a moment.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit

EARLIEST_QT = QDateTime(QDate(1000, 1, 1), QTime(0, 0))
LATEST_QT = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59))


def open_date_range(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Let ``edit`` hold any four-digit year (its form's check says which dates are allowed, and why)."""
    edit.setDateTimeRange(EARLIEST_QT, LATEST_QT)
    return edit
