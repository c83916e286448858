"""Opening an entry's form to edit it: the run form or the check-in form, from History or the Calendar."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journal.domain.entries import CheckIn, Run
from journal.ui.operations import JournalOperations


def edit_entry_dialog(ops: JournalOperations, record: Run | CheckIn, parent: QWidget | None) -> bool:
    """Open ``record`` in its form (modal); True when the person saved a change."""
    from journal.ui.forms.checkin_dialog import CheckInDialog
    from journal.ui.forms.run_dialog import RunDialog

    dialog = (
        RunDialog(ops, run=record, parent=parent)
        if isinstance(record, Run)
        else CheckInDialog(ops, checkin=record, parent=parent)
    )
    return bool(dialog.exec())
