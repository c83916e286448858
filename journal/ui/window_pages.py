"""The main window's tabs after History, each built the first time it is shown.

Only History is built at start-up: the window shows sooner, and a page nobody opens
costs nothing (Trends, Race and Report import matplotlib and the PDF code). Each
page is a plain function with a function-local import, so the tools (mypy,
import-linter) see every import, and a page that fails to build is a real error, not
a "not available in this version".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal.ui.flags.state import FlagState
from journal.ui.operations import JournalOperations
from journal.ui.window_size import PageScrollArea


@dataclass(frozen=True)
class PageContext:
    """What a page is built with: the operations (reads and named writes) and the one shared flag evaluation."""

    ops: JournalOperations
    flags: FlagState


PageBuilder = Callable[[PageContext, QWidget], QWidget]


def _calendar(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.calendar.page import CalendarPage

    return CalendarPage(c.ops, c.flags, parent)


def _trends(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.trends.page import TrendsPage

    return TrendsPage(c.ops, parent)


def _race(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.race.page import RacePage

    return RacePage(c.ops, c.flags, parent)


def _flags(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.flags.page import FlagsPage

    return FlagsPage(c.ops, c.flags, parent)


def _report(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.report.page import ReportPage

    return ReportPage(c.ops, parent)


def _shoes(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.pages.shoes_page import ShoesPage

    return ShoesPage(c.ops, parent)


def _settings(c: PageContext, parent: QWidget) -> QWidget:
    from journal.ui.pages.settings_page import SettingsPage

    return SettingsPage(c.ops, parent)


@dataclass(frozen=True)
class PageSpec:
    title: str
    """The tab's title, as ``MainWindow.show_tab`` takes it."""
    label: str
    """The tab's text, with its Alt+letter (mnemonic) marked by '&'."""
    build: PageBuilder


LAZY_PAGES: tuple[PageSpec, ...] = (
    PageSpec("Calendar", "&Calendar", _calendar),
    PageSpec("Trends", "&Trends", _trends),
    PageSpec("Race", "&Race", _race),
    PageSpec("Flags", "F&lags", _flags),
    PageSpec("Report", "Re&port", _report),
    PageSpec("Shoes", "Sh&oes", _shoes),
    PageSpec("Settings", "Settin&gs", _settings),
)
"""Alt+letter: menus take F, E, N and H, the tabs S (History), C, T, R, L, P, O and G; the letters of the
controls on each page are chosen from the rest (tests/test_mnemonics.py fails on a clash)."""


class LazyPage(QWidget):
    """Holds a tab's place until it is first shown, then builds the real page inside itself.

    The page sits in a frameless scroll area: it fills the tab, and scrolls instead of
    making the window taller or wider than a small screen (``journal.ui.window_size``)."""

    def __init__(self, spec: PageSpec, context: PageContext) -> None:
        super().__init__()
        self.spec, self._context = spec, context
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.page is None:
            scroll = PageScrollArea(self)
            self.page = self.spec.build(self._context, scroll)
            scroll.set_page(self.page)
            self._layout.addWidget(scroll)
        return self.page
