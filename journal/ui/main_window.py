"""The main window: actions, the flag banner, the goal race line, and the pages as tabs.

History is built at start-up, the flag banner right after the first paint (judging the flags
does not hold up the window); Calendar, Trends, Race, Flags, Report, Shoes and Settings are
built the first time their tab is shown (their modules import matplotlib and
the PDF code, which start-up should not pay for). Every page refreshes itself
from ``JournalOperations.changed``; the window is never rebuilt.

Signals:
    history_ready(): emitted once History has been filled after the window is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME, __version__
from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.numbers import counted
from journal.domain.vocabulary import Timing

if TYPE_CHECKING:
    from journal.ui.flags.banner import FlagBanner
    from journal.ui.forms.checkin_dialog import CheckInDialog
    from journal.ui.forms.run_dialog import RunDialog
    from journal.ui.importing.watcher import FolderWatcher
    from journal.ui.reminders import Reminders
from journal.ui.flags.state import FlagState, flag_rank_on
from journal.ui.operations import Change, JournalOperations
from journal.ui.pages.history_page import HistoryPage
from journal.ui.scheme import colour_scheme
from journal.ui.window_pages import LAZY_PAGES, LazyPage, PageContext
from journal.ui.window_size import PageScrollArea, first_geometry, fit_on_screen


def window_title(journal_name: str) -> str:
    """ "journal.sqlite3 — Run Journal": the file, then the app's name once (see ``MainWindow.__init__``)."""
    return f"{journal_name} — {APP_NAME}"


REMINDERS_AFTER_MS = 300
"""The reminders (and the start-up offer of a missed morning check-in) start this long after start-up."""
WATCH_START_MS = 1500
"""Watched folders are first scanned this long after the window opens (start-up does not wait for them)."""


class MainWindow(QMainWindow):
    history_ready = Signal()

    def __init__(
        self,
        ops: JournalOperations,
        settings: QSettings | None = None,
        clock: Callable[[], datetime] | None = None,
        minimised: bool = False,
    ) -> None:
        super().__init__()
        self.ops = ops
        self._qsettings = settings or QSettings()
        self._quitting = False
        self._clock, self._minimised = clock, minimised
        self._reminders: Reminders | None = None
        # The app's name once, at the end: Qt adds the display name ("— Run Journal") to any title that does
        # not already end with it (X11, Wayland, Windows), which made "Run Journal — journal.sqlite3 — Run Journal".
        self.setWindowTitle(window_title(ops.path.name))
        colour_scheme().load(self._qsettings)  # light or dark, as chosen in Settings (``journal.ui.scheme``)

        self.flag_state = FlagState(ops)
        """The one evaluation of the flags, shared by the banner, the Flags, Race and Calendar pages."""
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.history = HistoryPage(ops)
        context = PageContext(ops, self.flag_state)
        self.lazy: dict[str, LazyPage] = {spec.title: LazyPage(spec, context) for spec in LAZY_PAGES}
        self.history_area = PageScrollArea()
        """History in a frameless scroll area, as every page: it scrolls only below its minimum size (a scale of
        2 on a 1366 x 768 screen leaves 683 x 384), instead of making the window taller than the screen."""
        self.history_area.set_page(self.history)
        self.tabs.addTab(self.history_area, "Hi&story")  # Alt+H is the Help menu
        self.tabs.tabBar().setAccessibleName("Pages")
        for spec in LAZY_PAGES:
            self.tabs.addTab(self.lazy[spec.title], spec.label)
        self.tabs.currentChanged.connect(self._tab_shown)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self._banner_slot = QVBoxLayout()  # the flag banner goes here once built (``banner``)
        self._banner_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._banner_slot)
        self._banner: FlagBanner | None = None
        self.race_line = self._make_race_line()
        layout.addWidget(self.race_line)
        self._bars = QVBoxLayout()  # the reminders' bars, made when there is something to say
        layout.addLayout(self._bars)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self.history.edit_requested.connect(self.edit_entry)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        ops.changed.connect(self._update_status)
        ops.failed.connect(self.show_failure)
        self.failure_box: QMessageBox | None = None
        self._update_status(Change.ALL)
        self._fitted_to_frame = False
        self._restore_geometry()
        # Owned by the window, so it cannot fire after the window is gone.
        self._ready_timer = QTimer(self, singleShot=True, interval=0)
        self._ready_timer.timeout.connect(self.history_ready)
        self.history_ready.connect(lambda: QTimer.singleShot(0, self, lambda: self.banner))  # after the first paint
        # Reminders start once the window is up: the first paint does not wait for them.
        QTimer.singleShot(REMINDERS_AFTER_MS, self, self.start_reminders)
        # Watched folders (journal.ui.importing.watcher) start after the window is up, not during start-up.
        self.watcher: FolderWatcher | None = None
        QTimer.singleShot(WATCH_START_MS, self, self.start_watching)

    # ---- construction --------------------------------------------------------------------
    @property
    def banner(self) -> FlagBanner:
        """The flag banner: built on the turn of the event loop after History is shown (``history_ready``), so
        History is painted without waiting for the flags to be judged, or at once when asked for."""
        if self._banner is None:
            from journal.ui.flags.banner import FlagBanner

            # Its parent is the window's central widget, where it sits in the layout: it stays as it shows itself.
            self._banner = FlagBanner(self.ops, self.flag_state, self.centralWidget())
            self._banner.open_flags_requested.connect(lambda: self.show_tab("Flags"))
            self._banner_slot.addWidget(self._banner)
        return self._banner

    def _make_race_line(self) -> QWidget:
        """The goal race's verdict under the flag banner while a race is within 8 weeks (``ui.race.banner``)."""
        from journal.ui.race.banner import RaceLine

        line = RaceLine(self.ops, flag_rank_on(self.flag_state), self)
        line.open_race_requested.connect(lambda: self.show_tab("Race"))
        return line

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(
            f"{text.replace('&', '').rstrip('…')} ({QKeySequence(shortcut).toString()})" if shortcut else text
        )
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        self.log_run_action = self._action("Log &run…", self.log_run, "Ctrl+N", "Log a run you just finished")
        self.checkin_action = self._action(
            "&Check-in…", self.check_in, "Ctrl+K", "Record how your back and hamstrings feel"
        )
        self.import_action = self._action(
            "&Import runs…", self.import_files, "Ctrl+I", "Import GPX, TCX, FIT files or a Strava/Garmin export"
        )
        self.watch_import_action = self._action(
            "Import from a connected &watch…",
            self.import_from_watch,
            None,
            "Import the new runs of a watch connected by USB (its GARMIN/Activity folder)",
        )
        self.export_action = self._action(
            "&Export backup (JSON)…", self.export_json, None, "Save the whole journal as a JSON file"
        )
        self.restore_action = self._action(
            "Restore from &backup…", self.restore_backup, None, "Go back to an earlier copy of the journal"
        )
        quit_action = self._action("&Quit", self.close, QKeySequence(QKeySequence.StandardKey.Quit))
        self.undo_action = self.ops.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setWhatsThis("Undo the last change")  # its text names the change, for the shortcut list
        self.redo_action = self.ops.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setWhatsThis("Redo the change undone")

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for a in (self.import_action, self.watch_import_action, self.export_action, self.restore_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        entry_menu = menu.addMenu("E&ntries")
        entry_menu.addAction(self.log_run_action)
        entry_menu.addAction(self.checkin_action)
        help_menu = menu.addMenu("&Help")
        self.guide_action = self._action(
            "&Guide", self.show_guide, QKeySequence(QKeySequence.StandardKey.HelpContents), "What each page is for"
        )
        self.shortcuts_action = self._action("&Keyboard shortcuts", self.show_shortcuts, None, "Every key of the app")
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self._action("&About", self.about))

        toolbar = self.addToolBar("Entries")
        toolbar.setObjectName("entries-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.log_run_action)
        toolbar.addAction(self.checkin_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.import_action)

    # ---- pages ---------------------------------------------------------------------------
    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, LazyPage):
            widget.build()

    def show_tab(self, title: str) -> QWidget:
        """Switch to the tab with this title (without '&'), building it if needed; return its page."""
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i).replace("&", "") == title:
                self.tabs.setCurrentIndex(i)
                widget = self.tabs.widget(i)
                if isinstance(widget, LazyPage):
                    return widget.build()
                if widget is self.history_area:
                    return self.history
                if widget is not None:
                    return widget
        raise KeyError(title)

    # ---- entries -------------------------------------------------------------------------
    def log_run(self) -> RunDialog:
        from journal.ui.forms.run_dialog import RunDialog

        dialog = RunDialog(self.ops, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.statusBar().showMessage("Run saved.", 5000)
            if dialog.then_check_in.isChecked():
                self.check_in(run=dialog.saved)
        return dialog

    def check_in(
        self, run: Run | None = None, when: datetime | None = None, timing: Timing | None = None
    ) -> CheckInDialog:
        from journal.ui.forms.checkin_dialog import CheckInDialog

        dialog = CheckInDialog(self.ops, run=run, parent=self, when=when, timing=timing)
        if dialog.exec() and dialog.saved is not None:
            self.statusBar().showMessage("Check-in saved.", 5000)
        return dialog

    def edit_entry(self, record: Run | CheckIn | CareEntry) -> None:
        from journal.ui.forms.edit import edit_entry_dialog

        if edit_entry_dialog(self.ops, record, self):
            self.statusBar().showMessage("Changes saved.", 5000)

    # ---- files ---------------------------------------------------------------------------
    def import_files(self) -> None:
        from journal.ui.importing.dialog import run_import_dialog

        run_import_dialog(self, self.ops)

    def import_from_watch(self) -> None:
        from journal.ui.importing.watcher import import_from_connected_watch

        import_from_connected_watch(self, self.ops)

    def start_watching(self) -> None:
        """Watch the folders named in Settings (and follow changes to them); nothing happens when there are none."""
        if self.watcher is None:
            from journal.ui.importing.watcher import FolderWatcher

            self.watcher = FolderWatcher(self, self.ops)
            self.watcher.start()

    def export_json(self) -> None:
        from journal.ui.export_backup import export_json_dialog

        export_json_dialog(self, self.ops)

    def restore_backup(self) -> None:
        from journal.ui.backups.dialog import run_restore_dialog

        run_restore_dialog(self, self.ops)

    def show_guide(self) -> QWidget:
        """Help > Guide (F1): the guide, opened at the page shown (``journal.ui.help.guide``)."""
        from journal.ui.help.guide import show_guide

        return show_guide(self, self.tabs.tabText(self.tabs.currentIndex()).replace("&", ""))

    def show_shortcuts(self) -> QWidget:
        """Help > Keyboard shortcuts: every key, read from the window's actions (``journal.ui.help.shortcuts``)."""
        from journal.ui.help.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def about(self) -> QMessageBox:
        """Help > About, opened without blocking (window-modal); it deletes itself when closed."""
        box = QMessageBox(QMessageBox.Icon.Information, "About", "", QMessageBox.StandardButton.Ok, self)
        box.setText(
            f"<b>{APP_NAME}</b> {__version__}<p>A symptom journal for runners with back or hamstring pain. "
            "It keeps an honest record and says when to ask a professional; it is not a medical device "
            "and does not diagnose.</p><p>Your journal stays on this computer: the app never uses the network.</p>"
            "<p>Help &gt; Guide (F1) says what each page is for; Help &gt; Keyboard shortcuts lists every key.</p>"
        )
        icon = self.windowIcon()
        if not icon.isNull():
            box.setIconPixmap(icon.pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_failure(self, message: str) -> None:
        """What ``JournalOperations.failed`` says, in a message box over whatever is open, and on the status bar.

        The box is window-modal and opened without blocking, over the dialog that tried to
        save (which stays open with what was typed), else over the window.
        """
        from shiboken6 import isValid

        if self.failure_box is not None and isValid(self.failure_box):
            self.failure_box.close()
        parent = QApplication.activeModalWidget() or self
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", message, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.failure_box = box
        box.open()
        self.statusBar().showMessage(message, 30000)

    # ---- state ---------------------------------------------------------------------------
    def _update_status(self, change: Change) -> None:
        if change & (Change.ENTRIES | Change.SHOES):
            c = self.ops.read.counts()
            self.status.setText(f"{counted(c.runs, 'run')} · {counted(c.checkins, 'check-in')} · {self.ops.path}")

    def _restore_geometry(self) -> None:
        """The remembered size and place, fitted to the screen the window opens on (``window_size.fitted``);
        on first start, a share of that screen (``window_size.first_geometry``)."""
        geometry = self._qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            fit_on_screen(self)
        else:
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(first_geometry(screen.availableGeometry()))
        state = self._qsettings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._ready_timer.start()
        if not self._fitted_to_frame:  # once framed, the real title bar may be taller than the one assumed
            self._fitted_to_frame = True
            QTimer.singleShot(0, self, lambda: fit_on_screen(self))

    @property
    def reminders(self) -> Reminders:
        """The check-in reminders and the start-up offer (``journal.ui.reminders``), started on first use."""
        return self.start_reminders()

    def start_reminders(self) -> Reminders:
        if self._reminders is None:
            from journal.ui.reminders import Reminders

            self._reminders = Reminders(self, self.ops, self._bars, self._clock)
            self._reminders.start(self._minimised)
        return self._reminders

    def bring_forward(self) -> None:
        """Show the window (from the tray, or minimised) in front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def quit_from_tray(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        reminders = self._reminders
        if reminders is not None and reminders.keep_running_in_tray and not self._quitting and reminders.tray:
            event.ignore()  # started with the session: keep reminding from the tray until Quit
            self.hide()
            return
        self._qsettings.setValue("window/geometry", self.saveGeometry())
        self._qsettings.setValue("window/state", self.saveState())
        self.ops.wait_for_background()
        super().closeEvent(event)
