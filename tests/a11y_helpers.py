"""What a keyboard or screen-reader user meets at once in a window: its Alt+letters and its controls' names.

Mnemonics (``visible_mnemonics``): every Alt+letter live at the same time in one window:
the menu bar's titles, the tab titles, labels with a buddy, buttons, check boxes, radio
buttons and group boxes, counting only what is visible (Qt ignores a hidden widget's
mnemonic). The standard buttons of a dialog button box are counted with the letters the
desktops' own themes give them (GNOME's and KDE's underline Save, Cancel, OK, Close, Yes,
No...), whatever the offscreen test platform shows, so a field's letter never clashes
with them on a real desktop. A menu's items are their own scope (``menu_mnemonics``).

Accessible names (``name_problems``), the rule these tests hold the app to: every visible
interactive control (a button, check box, combo box, line edit, text box, spin or date
box, list, table or tree, slider, tab bar, or any other widget that takes Tab) has a name
that says what it is for, unique among the controls of its window (a dialog, or the main
window with the page shown). The name must be what Qt's accessibility interface reports
(``QAccessible.queryAccessibleInterface``), and come from the control's own
``accessibleName``, the text of a label whose buddy it is, or a button's own text:

- a combo box needs an ``accessibleName`` (Windows and macOS report it) and a label whose
  buddy it is, with the same words: on Linux Qt reports a combo box's current choice as its
  name ("Not set" is not a name) and names it through that "labelled by" relation;
- a tab bar is named by its tabs: each needs a text;
- any other control: Qt's reported name is the given name.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

SB = QDialogButtonBox.StandardButton
DESKTOP_BUTTON_TEXT = {
    SB.Ok: "&OK",
    SB.Save: "&Save",
    SB.Cancel: "&Cancel",
    SB.Close: "&Close",
    SB.Yes: "&Yes",
    SB.No: "&No",
    SB.Open: "&Open",
    SB.Apply: "&Apply",
    SB.Discard: "&Discard",
    SB.Help: "&Help",
    SB.Reset: "&Reset",
    SB.RestoreDefaults: "Restore &Defaults",
    SB.Retry: "&Retry",
    SB.Ignore: "&Ignore",
    SB.Abort: "&Abort",
}
"""The standard buttons as GNOME's and KDE's themes write them, with their underlined letter."""


def mnemonic(text: str) -> str | None:
    """The Alt+letter of ``text`` ('&Save' -> 's'; '&&' is a literal ampersand), or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def plain(text: str) -> str:
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def _shown_in(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisible() and widget.window() is top


def button_text(button: QAbstractButton) -> str:
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        standard = box.standardButton(button)
        if standard in DESKTOP_BUTTON_TEXT:
            return DESKTOP_BUTTON_TEXT[standard]
    return button.text()


def visible_mnemonics(top: QWidget) -> list[tuple[str, str]]:
    """(letter, where) for every Alt+letter live at once in the window ``top``."""
    found: list[tuple[str, str]] = []

    def add(text: str, where: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found.append((letter, f"{where} {plain(text)!r}"))

    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for widget in top.findChildren(QWidget):
        if not _shown_in(widget, top):
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i), "tab")
        elif isinstance(widget, QLabel):
            if widget.buddy() is not None:
                add(widget.text(), "label")
        elif isinstance(widget, QAbstractButton):
            if not isinstance(widget.parentWidget(), QToolBar):  # a tool bar's buttons show no mnemonic
                add(button_text(widget), type(widget).__name__)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), "group box")
    return found


def mnemonic_clashes(top: QWidget) -> list[str]:
    """Every letter used twice in ``top``, with where; empty when there is none."""
    found = visible_mnemonics(top)
    counts = Counter(letter for letter, _ in found)
    return [
        f"Alt+{letter.upper()}: " + ", ".join(where for key, where in found if key == letter)
        for letter in sorted(counts)
        if counts[letter] > 1
    ]


def literal_ampersands(top: QWidget) -> list[str]:
    """Form labels that would show a literal '&' (a mnemonic with no buddy for it to go to)."""
    problems = []
    for form in top.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.buddy() is None and mnemonic(label.text()) is not None:
                problems.append(label.text())
    return problems


def menu_clashes(menu_bar: QMenuBar) -> list[str]:
    """Letters used twice within one menu (each menu is its own scope while it is open)."""
    problems = []

    def visit(menu: QMenu, path: str) -> None:
        letters = Counter(mnemonic(a.text()) for a in menu.actions() if a.isVisible() and not a.isSeparator())
        problems.extend(f"{path}: Alt+{k}" for k, n in letters.items() if k is not None and n > 1)
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                visit(sub, f"{path} > {plain(action.text())}")

    for action in menu_bar.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            visit(sub, plain(action.text()))
    return problems


# ---- accessible names -------------------------------------------------------------------------------------------
CONTAINERS = (QAbstractScrollArea, QTabWidget, QStackedWidget, QSplitter, QMenuBar, QMenu, QToolBar, QLabel)
"""Widgets that take focus only to pass it on, or that Qt names by their text (a label with links)."""


def interactive(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox)):  # the box's own line edit or list: the box is named
        return False
    if isinstance(widget, QHeaderView):
        return False
    if isinstance(widget, (QAbstractButton, QComboBox, QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return True
    if isinstance(widget, (QAbstractItemView, QSlider, QTabBar)):
        return True
    if isinstance(widget, CONTAINERS) or widget.isWindow():
        return False
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value) and widget.focusProxy() is None


def given_name(widget: QWidget, top: QWidget) -> str:
    """The name by the rule above: accessibleName, else a buddy label's text, else a button's text."""
    if widget.accessibleName():
        return widget.accessibleName()
    for label in top.findChildren(QLabel):
        if label.buddy() is widget:
            return plain(label.text()).strip()
    if isinstance(widget, QAbstractButton):
        return plain(widget.text()).strip()
    return ""


def reported_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def controls(top: QWidget) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget) if _shown_in(w, top) and interactive(w)]


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return f"{type(widget).__name__}({widget.objectName() or text!r}) in {type(widget.parentWidget()).__name__}"


def label_relations(widget: QWidget) -> list[str]:
    """The names of the labels Qt reports as labelling ``widget`` (its "labelled by" relation)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return []
    return [
        plain(other.text(QAccessible.Text.Name)) for other, _ in interface.relations(QAccessible.RelationFlag.Label)
    ]


def _words(name: str) -> str:
    return plain(name).strip().rstrip(":").strip()


def name_problems(top: QWidget) -> list[str]:
    """Unnamed controls, names Qt does not report, and names used twice, in the window ``top``."""
    problems = []
    names: Counter[str] = Counter()
    for widget in controls(top):
        if isinstance(widget, QTabBar):
            problems += [
                f"tab {i} of {describe(widget)} has no text" for i in range(widget.count()) if not widget.tabText(i)
            ]
            continue
        name = _words(given_name(widget, top))
        if not name:
            problems.append(f"no name: {describe(widget)} (Qt reports {reported_name(widget)!r})")
            continue
        if isinstance(widget, QComboBox):
            labels = [_words(text) for text in label_relations(widget)]
            if not widget.accessibleName() or name not in labels:
                problems.append(
                    f"combo box {name!r} needs its name and a label saying it (labels: {labels}): {describe(widget)}"
                )
        elif _words(reported_name(widget)) != name:
            problems.append(f"Qt reports {reported_name(widget)!r}, not {name!r}: {describe(widget)}")
        names[name] += 1
    problems += [f"{n} controls are named {name!r}" for name, n in names.items() if n > 1]
    return problems
