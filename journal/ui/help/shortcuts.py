"""Help > Keyboard shortcuts: every key of the app, read from the actions and shortcuts themselves.

The window's part comes from the live window: every QAction in its menus, tool bars and
itself that has a shortcut (its text, or its "what's this" where the text changes, as
Undo's does), and every QShortcut in it (described by its "what's this"). The forms'
keys come from ``FormDialog.KEYS`` and ``CheckInDialog.KEYS``, the tuples the forms make
their own QActions and buttons from. Keys that widgets handle themselves (the Calendar's
month grid, the body map) are listed from ``WIDGET_KEYS`` below; tests press each of them.
So the list cannot drift from what the keys do: tests/test_keyboard_help.py checks that
every shortcut found in the window and in every dialog is listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutRow:
    """One line of the list: where it works, its keys as the desktop writes them, and what it does."""

    section: str
    keys: str
    what: str


WIDGET_KEYS: tuple[ShortcutRow, ...] = (
    ShortcutRow("Calendar", "Page Up / Page Down", "Previous / next month"),
    ShortcutRow("Calendar", "Arrow keys", "Move the selected day"),
    ShortcutRow("Calendar", "Home", "Go to today"),
    ShortcutRow("Calendar", "Enter", "Open the day's entry (or list them)"),
    ShortcutRow("Check-in body map", "0 to 9; 1 then 0", "Set the region's pain score; 1 then 0 sets 10"),
    ShortcutRow("Check-in body map", "+ / -", "One point more / less"),
    ShortcutRow("Check-in body map", "Arrow keys", "Move to the region in that direction"),
    ShortcutRow("Check-in body map", "Space or Enter", "List the scores to pick from"),
    ShortcutRow("Every window", "Alt + underlined letter", "Go to that menu, page, field or button"),
    ShortcutRow("Every window", "Tab / Shift+Tab", "Next / previous field, in the order they are laid out"),
)
"""Keys handled inside widgets (``MonthView.keyPressEvent``, ``RegionSpot.keyPressEvent``) and by Qt itself."""


def key_text(sequences: list[QKeySequence]) -> str:
    """'Ctrl+Return or Ctrl+Enter', as the desktop writes the keys."""
    return " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def action_words(action: QAction) -> str:
    """What an action does: its "what's this" when set (Undo's text names the last change), else its text."""
    text = action.whatsThis() or action.text()
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…").strip()


def _menu_actions(actions: list[QAction]) -> list[QAction]:
    found: list[QAction] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found += _menu_actions(menu.actions())
        elif not action.isSeparator():
            found.append(action)
    return found


def window_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every shortcut of the window: its actions (menus, tool bars, its own) and its QShortcuts."""
    actions = _menu_actions(window.menuBar().actions())
    for toolbar in window.findChildren(QToolBar):
        actions += [a for a in toolbar.actions() if a not in actions]
    actions += [a for a in window.actions() if a not in actions]
    rows: list[ShortcutRow] = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        keys = key_text(action.shortcuts())
        if keys and (keys, action_words(action)) not in seen:
            seen.add((keys, action_words(action)))
            rows.append(ShortcutRow("Main window", keys, action_words(action)))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text([shortcut.key()])
        if keys:
            rows.append(ShortcutRow("Main window", keys, shortcut.whatsThis() or "(no description)"))
    return rows


def form_rows() -> list[ShortcutRow]:
    """The keys of every form (run, check-in, race, shoes, flag thresholds) and of the check-in."""
    from journal.ui.forms.checkin_dialog import CheckInDialog
    from journal.ui.forms.form_dialog import SAVE_KEY, FormDialog

    rows = [ShortcutRow("Every form", key_text(k.sequences()), k.what) for k in FormDialog.KEYS]
    rows += [
        ShortcutRow("Check-in", key_text(k.sequences()), k.what) for k in CheckInDialog.KEYS if k not in FormDialog.KEYS
    ]
    rows.append(ShortcutRow("Flags", key_text(SAVE_KEY.sequences()), "Acknowledge the flag whose note you are in"))
    rows.append(ShortcutRow("Restore from backup", key_text(SAVE_KEY.sequences()), "Restore the chosen backup"))
    return rows


def all_rows(window: QMainWindow) -> list[ShortcutRow]:
    return [*window_rows(window), *form_rows(), *WIDGET_KEYS]


class ShortcutsDialog(QDialog):
    """The list, by where each key works."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(640, 560)
        self.rows = all_rows(window)
        intro = QLabel("Every key of the app. The menus show the same keys beside their entries.")
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Keys", "What it does"])
        self.tree.setRootIsDecorated(False)
        sections: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            section = sections.get(row.section)
            if section is None:
                section = QTreeWidgetItem(self.tree, [row.section, ""])
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                section.setFirstColumnSpanned(True)
                sections[row.section] = section
            QTreeWidgetItem(section, [row.keys, row.what])
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def listed(self) -> set[str]:
        """Every key sequence in the list, one by one ("Ctrl+Return", "Ctrl+Enter"...), for checking."""
        return {key for row in self.rows for key in row.keys.split(" or ")}
