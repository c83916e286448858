"""Names for screen readers: each control says what it is for.

What Qt reports as a control's name (its accessibility interface) depends on the kind of
control and the platform. A line edit, spin box or date box reports its ``accessibleName``,
else the label whose buddy it is. A combo box on Linux reports its current choice as its
name ("6 months", "When?") and is named instead through its "labelled by" relation: the
QLabel whose buddy it is, among its siblings; on Windows and macOS it reports its
``accessibleName``. ``name_controls`` makes both hold for every control in a form or page:

- a control with a label (a buddy) and no name of its own is given the label's words;
- a combo box with a name but no label (the check-in grid's "Lower back: when felt", the
  History filters) is given a hidden label with its name, which Qt reports as the relation.

Forms and pages call it once their controls are laid out; tests/test_accessible_names.py
walks every page and dialog and holds them to it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

HIDDEN_LABEL = "accessible-name-label"
"""The object name of the hidden labels that carry a combo box's name."""


def label_words(text: str) -> str:
    """'Pain co&mpared:' -> 'Pain compared' (no mnemonic marker, no trailing colon)."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").strip().rstrip(":").strip()


def name_controls(root: QWidget) -> None:
    """Name the labelled controls of ``root`` after their labels, and label its named combo boxes."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName():
            buddy.setAccessibleName(label_words(label.text()))
    for combo in root.findChildren(QComboBox):
        label_combo(combo)


def label_combo(combo: QComboBox) -> None:
    """Give a named combo box a hidden label saying its name (Qt on Linux names a combo box by its label and
    reads its choice otherwise); nothing when it has no name yet, no parent, or a label already."""
    parent = combo.parentWidget()
    name = combo.accessibleName()
    if not name or parent is None:
        return
    if any(isinstance(sibling, QLabel) and sibling.buddy() is combo for sibling in parent.children()):
        return
    label = QLabel(name.replace("&", "&&"), parent)
    label.setObjectName(HIDDEN_LABEL)
    label.setBuddy(combo)
    label.hide()
