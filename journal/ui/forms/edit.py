"""Opening an entry's form to edit it: the run, check-in or care form, from History or the Calendar."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from journal.domain.entries import CareEntry, CheckIn, Run
from journal.ui.operations import JournalOperations


def edit_entry_dialog(ops: JournalOperations, record: Run | CheckIn | CareEntry, parent: QWidget | None) -> bool:
    """Open ``record`` in its form (modal); True when the person saved a change."""
    dialog: QDialog
    if isinstance(record, Run):
        from journal.ui.forms.run_dialog import RunDialog

        dialog = RunDialog(ops, run=record, parent=parent)
    elif isinstance(record, CheckIn):
        from journal.ui.forms.checkin_dialog import CheckInDialog

        dialog = CheckInDialog(ops, checkin=record, parent=parent)
    else:
        from journal.ui.forms.care_dialog import CareDialog

        dialog = CareDialog(ops, record, parent=parent)
    return bool(dialog.exec())
