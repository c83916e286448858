"""Light or dark: the app follows the desktop's colour scheme, or the one chosen in Settings.

The choice (System, Light or Dark) is a per-machine preference, kept in QSettings beside the
window's size (``SCHEME_KEY``), not in the journal. It is applied at once, without a restart:

1. the platform is asked for the scheme (``QStyleHints.setColorScheme``, Qt 6.8+; "System"
   takes back any request with ``unsetColorScheme``), which is enough where the platform
   style draws both (Windows 11, macOS, GNOME and KDE platform themes);
2. when the palette is still not the one wanted once the platform has had time to answer
   (``PLATFORM_ANSWER_MS``: it redraws on the event loop; at once on the offscreen platform,
   which has no themes), as with the old Windows style or a desktop whose theme ignores the
   request, the app switches to the Fusion style with its own palette
   (``colours.dark_palette`` or ``colours.light_palette``) and back to the platform's style
   when that is no longer needed.

"System" follows ``QStyleHints.colorScheme()`` and its ``colorSchemeChanged`` signal (Qt 6.5+),
so the window turns dark with the desktop. ``ColourScheme.changed`` is emitted after every
switch; ``follow(widget, apply)`` calls ``apply(colours)`` now and after each switch, for
widgets whose colours are not palette roles (style sheets, rich text, matplotlib).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar, cast

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.colours import Colours, Tone, current, dark_palette, is_dark, light_palette

SCHEME_KEY = "window/colour_scheme"
PLATFORM_ANSWER_MS = 150
"""How long the platform has to redraw in the scheme asked for (it answers on the event loop) before the app uses
its own palette."""
NO_THEMES = ("offscreen", "minimal")
"""Qt platforms without any colour theme: the app's own palette is used at once."""


class SchemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "Same as the desktop", "light": "Light", "dark": "Dark"}[self.value]


class ColourScheme(QObject):
    """The application's scheme: the choice, where it is kept, and the switch. One per QApplication
    (``colour_scheme()``).

    Signals:
        changed(bool): the scheme was switched; True when it is now dark.
    """

    changed = Signal(bool)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._platform_style = ""
        """The platform's style, noted when the app first switches to Fusion (asking for it costs start-up time)."""
        self._settings: QSettings | None = None
        self.choice = SchemeChoice.SYSTEM
        self._own_palette: bool | None = None
        """None: the platform's style and palette; True/False: Fusion with our dark/light palette."""
        self._applying = False
        self._dark = is_dark(app.palette())
        self.system_scheme: Callable[[], Qt.ColorScheme] = app.styleHints().colorScheme
        """The desktop's scheme (tests stand in for a desktop that has one)."""
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def dark(self) -> bool:
        return self._dark

    def load(self, settings: QSettings) -> None:
        """Take the choice kept in ``settings`` (System when none) and apply it."""
        self._settings = settings
        try:
            choice = SchemeChoice(str(settings.value(SCHEME_KEY, SchemeChoice.SYSTEM.value)))
        except ValueError:
            choice = SchemeChoice.SYSTEM
        self.apply(choice)

    def choose(self, choice: SchemeChoice) -> None:
        """The person's choice in Settings: kept in QSettings and applied at once."""
        if self._settings is not None:
            self._settings.setValue(SCHEME_KEY, choice.value)
        self.apply(choice)

    def wants_dark(self, choice: SchemeChoice) -> bool:
        if choice is SchemeChoice.SYSTEM:
            return self.system_scheme() == Qt.ColorScheme.Dark
        return choice is SchemeChoice.DARK

    def apply(self, choice: SchemeChoice) -> None:
        self.choice = choice
        dark = self.wants_dark(choice)
        hints = self._app.styleHints()
        self._applying = True  # the request below may report a change of scheme at once
        try:
            if choice is SchemeChoice.SYSTEM:
                hints.unsetColorScheme()
            else:
                hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
            if self._own_palette is not None and self._own_palette != dark:
                self._use_platform_look()  # try the platform's own look first
        finally:
            self._applying = False
        if is_dark(self._app.palette()) == dark or QGuiApplication.platformName() in NO_THEMES:
            self._settle(dark)
        else:  # a platform that honours the request repaints on the next turns of the event loop
            QTimer.singleShot(PLATFORM_ANSWER_MS, self, lambda: self._settle(dark))

    def _settle(self, dark: bool) -> None:
        """Use the app's own palette if the platform's look is still not ``dark``; announce the switch."""
        if dark != self.wants_dark(self.choice):
            return  # chosen again since: that choice settles
        if self._own_palette is None and is_dark(self._app.palette()) != dark:
            self._use_own_palette(dark)
        if dark != self._dark:
            self._dark = dark
            self.changed.emit(dark)

    def _use_own_palette(self, dark: bool) -> None:
        style = self._app.style().name()
        if not self._platform_style:
            self._platform_style = style
        if style.lower() != "fusion":
            self._app.setStyle("Fusion")
        self._app.setPalette(dark_palette() if dark else light_palette())
        self._own_palette = dark

    def _use_platform_look(self) -> None:
        self._app.setPalette(QPalette())  # an empty palette: the platform's own again
        if self._platform_style and self._app.style().name().lower() != self._platform_style.lower():
            self._app.setStyle(self._platform_style)
        self._own_palette = None

    @Slot(Qt.ColorScheme)
    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if not self._applying and self.choice is SchemeChoice.SYSTEM:
            self.apply(self.choice)


_SCHEMES: dict[int, ColourScheme] = {}


def colour_scheme() -> ColourScheme:
    """The application's one ``ColourScheme``, made on first use (a child of the QApplication)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("colour_scheme() needs a QApplication")
    scheme = _SCHEMES.get(id(app))
    if scheme is None:
        scheme = _SCHEMES[id(app)] = ColourScheme(app)
    return scheme


W = TypeVar("W", bound=QWidget)


class _Follower(QObject):
    """Re-applies a widget's colours after each switch; a child of the widget, so it goes with it.

    It holds no reference to the widget (it asks for its parent), so a window that follows
    the scheme is freed as any other."""

    def __init__(self, widget: QWidget, recolour: Callable[[QWidget, Colours], None]) -> None:
        super().__init__(widget)
        self._recolour = recolour
        colour_scheme().changed.connect(self.recolour)

    @Slot(bool)
    def recolour(self, _dark: bool) -> None:
        widget = self.parent()
        if isinstance(widget, QWidget):
            self._recolour(widget, current())


def follow(widget: W, recolour: Callable[[W, Colours], None]) -> None:
    """``recolour(widget, colours)`` now with the scheme's colours, and again after each switch.

    ``recolour`` must not hold the widget itself (take it as the argument), e.g.
    ``follow(self, lambda page, _colours: page.refresh())``."""
    recolour(widget, current())
    _Follower(widget, cast(Callable[[QWidget, Colours], None], recolour))


def follow_style(widget: QWidget, style: Callable[[Colours], str]) -> None:
    """``widget.setStyleSheet(style(colours))`` now and after each switch (e.g. ``lambda c: f"color: {c.muted};"``)."""
    follow(widget, lambda w, colours: w.setStyleSheet(style(colours)))


_TONE = "journal_tone"
_TONE_CSS = "journal_tone_css"
_TONE_FOLLOWS = "journal_tone_follows"


def _apply_tone(widget: QWidget, colours: Colours) -> None:
    value, extra = widget.property(_TONE), widget.property(_TONE_CSS) or ""
    colour = f"color: {colours.of(Tone(value))}; " if value else ""
    widget.setStyleSheet(f"{colour}{extra}".strip())


def set_tone(widget: QWidget, tone: Tone | None, css: str = "") -> None:
    """Colour the widget's text for what it means (``Tone.ERROR``, ``Tone.MUTED``...) in the scheme shown, now and
    after each switch; ``css`` adds the rest of its style sheet (padding, font); ``None`` takes the palette's text."""
    widget.setProperty(_TONE, tone.value if tone is not None else "")
    widget.setProperty(_TONE_CSS, css)
    _apply_tone(widget, current())
    if not widget.property(_TONE_FOLLOWS):
        widget.setProperty(_TONE_FOLLOWS, True)
        _Follower(widget, _apply_tone)


def tone_of(widget: QWidget) -> Tone | None:
    """The tone ``set_tone`` gave the widget, if any (how a test tells an error message from a hint)."""
    value = widget.property(_TONE)
    return Tone(value) if value else None
