"""What every form does with the keyboard: Ctrl+Enter saves, Esc asks before throwing typing away, F1 opens the guide.

``FormDialog`` is the base of the run, check-in, race and shoe forms (and of the flag
thresholds). Its keys are QActions on the dialog, made from ``FormDialog.KEYS``, which
Help > Keyboard shortcuts lists, so the list cannot drift from what the forms do.

Discarding: the form's values are read once it is filled in (``mark_unchanged``); Esc,
Cancel and the window's close button then close an unchanged form at once and ask
"Discard this run?" (Discard / Keep editing) when anything was changed. Keep editing is
the default, so a second Esc or Enter keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from journal.storage.journal import InvalidEntry
from journal.ui.operations import WriteFailed

T = TypeVar("T")


@dataclass(frozen=True)
class FormKey:
    """A key of every form: what it does, and its key sequences (portable text, as QKeySequence reads it)."""

    what: str
    keys: tuple[str, ...]

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(k) for k in self.keys]


SAVE_KEY = FormKey("Save the form (also from inside the notes)", ("Ctrl+Return", "Ctrl+Enter"))
GUIDE_KEY = FormKey("Open the guide at this form", ("F1",))
CLOSE_KEY = FormKey("Close the form; with changes, asks first (Discard or Keep editing)", ("Esc",))
"""Esc is QDialog's own key (it calls ``reject``); listed here so the shortcut list says what it does."""


def add_save_keys(dialog: QWidget, save: Callable[[], object], what: str = "Save") -> QAction:
    """Ctrl+Enter (and Ctrl+Return) run ``save`` from anywhere in ``dialog``, even a text box."""
    action = QAction(what, dialog)
    action.setShortcuts(SAVE_KEY.sequences())
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: save())
    dialog.addAction(action)
    return action


def form_values(root: QWidget, leave_out: Sequence[QWidget] = ()) -> tuple[object, ...]:
    """Everything a person can type, tick or choose in ``root``, in a comparable tuple.

    Line edits, text boxes, combo boxes, spin and date boxes, checkable buttons and the
    ticks in a tool button's menu (the pain character). Read-only text and the line edits
    inside combo and spin boxes (their box is read instead) are not counted.
    """
    values: list[object] = []
    for widget in root.findChildren(QWidget):
        if widget in leave_out or any(widget is w or w.isAncestorOf(widget) for w in leave_out):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit):
            if not isinstance(parent, (QComboBox, QAbstractSpinBox)) and not widget.isReadOnly():
                values.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            if not widget.isReadOnly():
                values.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            values.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractSpinBox):
            values.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            if widget.isCheckable():
                values.append(widget.isChecked())
            menu = widget.menu() if isinstance(widget, QToolButton) else None
            if menu is not None:
                values.append(tuple(a.isChecked() for a in menu.actions() if a.isCheckable()))
    return tuple(values)


class FormDialog(QDialog):
    """A form with Ctrl+Enter to save, Esc that asks before discarding changes, and F1 for the guide.

    Subclasses call ``mark_unchanged()`` once filled in, and implement ``submit()`` (save, then
    ``accept()``). ``discard_question`` is asked on closing a changed form; ``guide_topic`` is
    the guide's section for F1 (``journal.ui.help.guide``).
    """

    KEYS: tuple[FormKey, ...] = (SAVE_KEY, CLOSE_KEY, GUIDE_KEY)
    """The keys every form has, for Help > Keyboard shortcuts."""

    def __init__(self, parent: QWidget | None, discard_question: str, guide_topic: str) -> None:
        super().__init__(parent)
        self.discard_question = discard_question
        self.guide_topic = guide_topic
        self._unchanged: tuple[object, ...] | None = None
        self.not_counted: list[QWidget] = []
        """Widgets whose value is a preference, not part of the entry (changing them is not a change to discard)."""
        self.save_action = add_save_keys(self, self.submit)
        self.guide_action = QAction("Guide", self)
        self.guide_action.setShortcuts(GUIDE_KEY.sequences())
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.guide_action.triggered.connect(lambda _checked=False: self.open_guide())
        self.addAction(self.guide_action)
        self.discard_box: QMessageBox | None = None

    def submit(self) -> None:
        """Save the form and close it, or show why not (subclasses)."""
        raise NotImplementedError

    def save_or_say(self, what: str, save: Callable[[], T], gone: str = "") -> T | None:
        """Run ``save`` (one of ``JournalOperations``' writes) and return what it saved; None when it was not saved,
        and the form stays open with what was typed. A refusal is said in a box titled "``what`` not saved"; a
        write that failed is said by the window (``JournalOperations.failed``); with ``gone``, an entry deleted
        meanwhile (``KeyError``, in another window of the same journal) is said in those words."""
        try:
            return save()
        except InvalidEntry as exc:
            QMessageBox.warning(self, f"{what} not saved", "\n".join(exc.problems.values()))
        except WriteFailed:
            pass
        except KeyError:
            if not gone:
                raise
            QMessageBox.warning(self, f"{what} not saved", gone)
        return None

    def mark_unchanged(self) -> None:
        """The form as it is now counts as unchanged (call after filling it in)."""
        self._unchanged = form_values(self, self.not_counted)

    def has_changes(self) -> bool:
        return self._unchanged is not None and form_values(self, self.not_counted) != self._unchanged

    def reject(self) -> None:
        """Esc, Cancel and the close button: at once when nothing changed, else only after "Discard"."""
        if self.has_changes() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.discard_question)
        box.setText(f"<b>{self.discard_question}</b>")
        box.setInformativeText("What you typed has not been saved.")
        discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box
        box.exec()
        self.discard_box = None
        if box.clickedButton() is discard:
            return True
        self.activateWindow()  # back to the form, the cursor where it was
        return False

    def open_guide(self) -> None:
        from journal.ui.help.guide import show_guide

        show_guide(self, self.guide_topic)
