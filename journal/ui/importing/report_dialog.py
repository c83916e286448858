"""The report at the end of an import: counts on top, then every file with what happened to it."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.units import DistanceUnit, format_distance, format_duration
from journal.importers.records import FileNote, ImportReport
from journal.ui.window_size import fit_dialog

EXPANDED_UP_TO = 30
"""Groups with at most this many lines open expanded; longer ones start folded."""


def short_name(label: str) -> str:
    """The last part of a file label (``export.zip/activities.csv (activity 1)`` -> ``activities.csv (activity 1)``)."""
    return PurePath(label).name or label


class ImportReportDialog(QDialog):
    """Imported, duplicates, skipped (with reasons), failed (with errors) and warnings, as a tree.

    ``groups`` maps each group's name ("imported", "duplicates", "skipped", "failed",
    "warnings") to its top-level tree item, for tests and for people reading it.
    """

    def __init__(self, report: ImportReport, unit: DistanceUnit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.report = report
        layout = QVBoxLayout(self)
        self.summary = QLabel(f"<b>{report.summary()}</b>")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if report.imported or report.duplicates:
            hint = QLabel(
                "Imported runs show where they came from in History and can be edited like any other. "
                "Duplicates were already in the journal (or came twice) and were not added again."
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Files and what happened to each")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["File", "What happened"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree)
        self.groups: dict[str, QTreeWidgetItem] = {}
        imported = [
            FileNote(
                run.source_file or "",
                f"{run.started_at:%Y-%m-%d %H:%M}  {format_distance(run.distance_m, unit)}"
                + (f"  {format_duration(run.duration_s)}" if run.duration_s else ""),
            )
            for run in report.imported
        ]
        for key, title, notes in (
            ("failed", "Failed", report.failed),
            ("imported", "Imported", imported),
            ("duplicates", "Duplicates (not added again)", report.duplicates),
            ("skipped", "Skipped", report.skipped),
            ("warnings", "Warnings", report.warnings),
        ):
            self._add_group(key, title, notes)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 320))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, QSize(760, 460))

    def _add_group(self, key: str, title: str, notes: list[FileNote]) -> None:
        if not notes:
            return
        group = QTreeWidgetItem(self.tree, [f"{title} ({len(notes)})", ""])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for note in notes:
            child = QTreeWidgetItem(group, [short_name(note.file), note.message])
            child.setToolTip(0, note.file)
            child.setToolTip(1, note.message)
        group.setExpanded(len(notes) <= EXPANDED_UP_TO)
        self.groups[key] = group

    def lines(self, key: str) -> list[tuple[str, str]]:
        """(file, message) of every line in a group; empty when the group is absent."""
        group = self.groups.get(key)
        if group is None:
            return []
        children = (group.child(i) for i in range(group.childCount()))
        return [(child.text(0), child.text(1)) for child in children if child is not None]
