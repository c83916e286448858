"""Tab moves through a form in the order it is laid out, not the order its widgets were made.

Qt's default Tab order is the order widgets joined the window, which drifts from the
layout as a form grows (a field made early but placed late). ``layout_order`` reads the
layouts as a person reads the form: a box layout in its order, a grid row by row and
left to right, a form layout label then field, row by row; it goes into group boxes,
plain containers, stacked pages and a scroll area's contents, and takes widgets placed
without a layout (the body map's regions) in the order they were made. ``follow_layout`` then
chains the focusable widgets in that order with ``QWidget.setTabOrder``.
"""

from __future__ import annotations

from itertools import pairwise
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLayout, QLayoutItem, QScrollArea, QWidget


def _items(layout: QLayout) -> list[QLayoutItem]:
    """The layout's items in reading order."""
    if isinstance(layout, QGridLayout):
        placed = []
        for index in range(layout.count()):
            row, column, _rows, _columns = cast(tuple[int, int, int, int], layout.getItemPosition(index))
            item = layout.itemAt(index)
            if item is not None:
                placed.append(((row, column), item))
        return [item for _, item in sorted(placed, key=lambda p: p[0])]
    if isinstance(layout, QFormLayout):
        ordered = []
        for row in range(layout.rowCount()):
            for role in (
                QFormLayout.ItemRole.LabelRole,
                QFormLayout.ItemRole.FieldRole,
                QFormLayout.ItemRole.SpanningRole,
            ):
                item = layout.itemAt(row, role)
                if item is not None:
                    ordered.append(item)
        return ordered
    return [item for item in (layout.itemAt(i) for i in range(layout.count())) if item is not None]


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def layout_order(root: QWidget) -> list[QWidget]:
    """The widgets of ``root`` that take Tab, in the order its layouts show them."""
    found: list[QWidget] = []

    def visit_widget(widget: QWidget) -> None:
        if isinstance(widget, QScrollArea):
            inner = widget.widget()
            if takes_tab(widget):
                found.append(widget)
            if inner is not None:
                visit_widget(inner)
            return
        if takes_tab(widget):
            found.append(widget)
            return
        layout = widget.layout()
        if layout is not None:
            visit_layout(layout)
        else:  # placed by hand (the body map's regions): in the order they were made
            for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if not child.isWindow():
                    visit_widget(child)

    def visit_layout(layout: QLayout) -> None:
        for item in _items(layout):
            child_widget = item.widget()
            child_layout = item.layout()
            if child_widget is not None:
                visit_widget(child_widget)
            elif child_layout is not None:
                visit_layout(child_layout)

    layout = root.layout()
    if layout is not None:
        visit_layout(layout)
    return found


def follow_layout(root: QWidget) -> list[QWidget]:
    """Chain Tab through ``root``'s focusable widgets in layout order; returns that order."""
    order = layout_order(root)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
