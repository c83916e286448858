"""Check-in reminders while the app runs: a driver with an injectable clock, the tray icon, and the bars.

``ReminderDriver`` asks the pure scheduler (``journal.analysis.reminders``) for the next
reminder, looks at the clock every ``POLL_MS`` (so a computer that slept, or a clock that
jumped, is noticed) and emits ``due`` when one should be shown. Tests give it a fake clock
and call ``check()``.

``Reminders`` shows a due reminder as a desktop notification from the tray icon where
the desktop has a system tray, and otherwise as a bar in the window (and asks the desktop
to draw attention to the window). Clicking either opens the check-in. Its texts come from
``reminder_text``: never a score, a note, a run or a date. It also makes the start-up
offer: when a recent run has no check-in the morning after, a bar offers one for that
morning.

Started with ``--minimised`` and a tray, the window stays hidden and closing it hides it
again: the app keeps running in the tray to remind, until Quit in the icon's menu.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QBoxLayout, QMenu, QSystemTrayIcon, QWidget

from journal import APP_NAME
from journal.analysis.reminders import (
    Reminder,
    ReminderKind,
    is_due,
    missed_morning,
    next_reminder,
    offer_time,
    reminder_text,
)
from journal.domain.vocabulary import Timing
from journal.ui.info_bar import InfoBar
from journal.ui.operations import Change, JournalOperations

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow

POLL_MS = 30_000
"""How often the clock is read: a reminder is at most this late."""
NOTIFICATION_MS = 60_000


def tray_available() -> bool:
    """Whether this desktop has a system tray to show notifications from."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class ReminderDriver(QObject):
    """When reminders are due, by ``clock`` (``datetime.now`` unless a test gives another).

    Signals:
        due(Reminder): a reminder's time has come and its day has no check-in yet.
    """

    due = Signal(object)

    def __init__(self, ops: JournalOperations, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(ops)
        self._ops = ops
        self.clock: Callable[[], datetime] = clock or datetime.now
        self.pending: Reminder | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.check)
        ops.changed.connect(self._changed)

    def start(self) -> None:
        self.reschedule()
        self._timer.start()

    def reschedule(self, after: datetime | None = None) -> Reminder | None:
        """The next reminder strictly after ``after`` (default: now) from the journal as it is."""
        now = after or self.clock()
        read = self._ops.read
        runs = read.runs(now.date() - timedelta(days=1), now.date())
        checkins = read.checkins(now.date(), now.date() + timedelta(days=1))
        self.pending = next_reminder(read.settings(), now, runs, checkins)
        return self.pending

    def check(self) -> Reminder | None:
        """Emit ``due`` for the pending reminder if its time has come (and it is still wanted); return it."""
        reminder, now = self.pending, self.clock()
        if reminder is None or now < reminder.at:
            return None
        wanted = is_due(reminder, now, self._ops.read.checkins(reminder.day, reminder.day))
        self.reschedule(max(now, reminder.at))
        if wanted:
            self.due.emit(reminder)
            return reminder
        return None

    def _changed(self, change: Change) -> None:
        if change & (Change.SETTINGS | Change.RUNS | Change.CHECKINS):
            self.reschedule()


class ReminderTray(QSystemTrayIcon):
    """The tray icon: Check in, Open the window, Quit; reminders are its notifications."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(QApplication.windowIcon(), window)
        self.setToolTip(APP_NAME)
        menu = QMenu(window)
        self.check_in_action = QAction("&Check in…", menu)
        self.open_action = QAction(f"&Open {APP_NAME}", menu)
        self.quit_action = QAction("&Quit", menu)
        for action in (self.check_in_action, self.open_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.setContextMenu(menu)
        self._menu = menu


class Reminders(QObject):
    """The window's reminders: the driver, the tray icon (where there is a tray) and two bars."""

    def __init__(
        self,
        window: MainWindow,
        ops: JournalOperations,
        bars: QBoxLayout,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._ops, self._bars = window, ops, bars
        self.driver = ReminderDriver(ops, clock)
        self.driver.due.connect(self.show_reminder)
        self._offer_bar: InfoBar | None = None
        self._reminder_bar: InfoBar | None = None
        self.tray: ReminderTray | None = None
        self.last_shown: Reminder | None = None
        self.last_text: tuple[str, str] | None = None
        self.offered_morning: date | None = None
        self.keep_running_in_tray = False
        ops.changed.connect(self._changed)

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.driver.clock

    @property
    def offer_bar(self) -> InfoBar:
        """The start-up offer's bar, made when first needed (start-up pays for no widget it does not show)."""
        if self._offer_bar is None:
            self._offer_bar = InfoBar("offer-bar")
            self._offer_bar.accepted.connect(self.check_in_for_offer)
            self._bars.addWidget(self._offer_bar)
        return self._offer_bar

    @property
    def reminder_bar(self) -> InfoBar:
        """Where a reminder shows on a desktop without a tray, made when first needed."""
        if self._reminder_bar is None:
            self._reminder_bar = InfoBar("reminder-bar")
            self._reminder_bar.accepted.connect(self.open_check_in)
            self._bars.addWidget(self._reminder_bar)
        return self._reminder_bar

    def start(self, minimised: bool = False) -> None:
        """Make the start-up offer and start the driver; the tray icon comes once the event loop runs."""
        self.offer_missed_morning()
        self.driver.start()
        QTimer.singleShot(0, self, lambda: self._start_tray(minimised))

    def _start_tray(self, minimised: bool) -> None:
        if self.tray is None and tray_available():
            tray = ReminderTray(self._window)
            self.use_tray(tray)
            tray.show()
        self.keep_running_in_tray = minimised and self.tray is not None
        if minimised and self.tray is None:
            self._window.showMinimized()  # no tray to wait in: a minimised window instead

    def use_tray(self, tray: ReminderTray) -> None:
        self.tray = tray
        tray.messageClicked.connect(self.open_check_in)
        tray.activated.connect(self._tray_activated)
        tray.check_in_action.triggered.connect(lambda: self.open_check_in(from_reminder=False))
        tray.open_action.triggered.connect(self._window.bring_forward)
        tray.quit_action.triggered.connect(self._window.quit_from_tray)

    # ---- the start-up offer -------------------------------------------------------------------
    def offer_missed_morning(self) -> date | None:
        """Offer a check-in for the morning after a recent run that has none (see ``missed_morning``)."""
        now = self.clock()
        read = self._ops.read
        morning = missed_morning(
            read.settings(),
            now,
            read.runs(now.date() - timedelta(days=2), now.date()),
            read.checkins(now.date() - timedelta(days=1), now.date()),
        )
        self.offered_morning = morning
        if morning is None:
            if self._offer_bar is not None:
                self._offer_bar.hide()
            return None
        if morning == now.date():
            text, action = (
                "You ran yesterday. How do your back and legs feel this morning?",
                "Check in for this morning",
            )
        else:
            text = "Yesterday morning, after your run the day before, has no check-in. How did it feel?"
            action = "Check in for yesterday morning"
        self.offer_bar.offer(text, action)
        return morning

    def check_in_for_offer(self) -> None:
        morning = self.offered_morning
        if morning is None:
            return
        when = offer_time(self._ops.read.settings(), morning, self.clock())
        self._window.check_in(when=when, timing=Timing.NEXT_MORNING)

    # ---- reminders ----------------------------------------------------------------------------
    def show_reminder(self, reminder: Reminder) -> None:
        """A notification from the tray, or the window's bar where there is no tray."""
        title, message = reminder_text(reminder.kind)
        self.last_shown, self.last_text = reminder, (title, message)
        if self.tray is not None:
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS)
        else:
            self.reminder_bar.offer(f"<b>{title}</b>. {message}", "Check in now")
            QApplication.alert(self._window)

    def open_check_in(self, from_reminder: bool = True) -> None:
        """Open the check-in (from a clicked reminder, the bar or the tray menu), bringing the window forward."""
        if self._reminder_bar is not None:
            self._reminder_bar.hide()
        self._window.bring_forward()
        reminder = self.last_shown if from_reminder else None
        timing = Timing.NEXT_MORNING if reminder and reminder.kind is ReminderKind.MORNING_AFTER_RUN else None
        self._window.check_in(when=self.clock().replace(second=0, microsecond=0), timing=timing)

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._window.bring_forward()

    def _changed(self, change: Change) -> None:
        offer = self._offer_bar
        if change & (Change.RUNS | Change.CHECKINS | Change.SETTINGS) and offer is not None and not offer.isHidden():
            self.offer_missed_morning()
