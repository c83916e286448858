"""File > Export backup (JSON): the whole journal as the documented JSON file, owner-only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from journal.domain.numbers import counted
from journal.ui.operations import JournalOperations


def export_json(ops: JournalOperations, path: Path) -> int:
    """Write the backup file; returns the number of entries written."""
    from journal.interchange.json_format import dumps
    from journal.interchange.private_files import write_private

    data = ops.read.data()
    write_private(path, dumps(data))
    return len(data.runs) + len(data.checkins) + len(data.care)


def export_json_dialog(parent: QWidget, ops: JournalOperations) -> Path | None:
    settings = QSettings()
    folder = str(settings.value("export/folder", str(Path.home())))
    suggested = str(Path(folder) / f"run-journal-{date.today().isoformat()}.json")
    name, _ = QFileDialog.getSaveFileName(parent, "Export backup (JSON)", suggested, "JSON files (*.json)")
    if not name:
        return None
    path = Path(name)
    try:
        count = export_json(ops, path)
    except OSError as exc:
        QMessageBox.warning(parent, "Export failed", f"{path} could not be written: {exc.strerror or exc}")
        return None
    settings.setValue("export/folder", str(path.parent))
    QMessageBox.information(parent, "Backup exported", f"Wrote {counted(count, 'entry', 'entries')} to {path}.")
    return path
