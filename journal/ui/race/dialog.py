"""Add race / Edit race: name, race day, distance (5 km, 10 km, half, marathon or another) and an optional goal time.

Every field is checked as you type with the core's checks
(``journal.domain.validation``: a date in the past, a distance of 0 or over
500 km, a goal faster than the world record), and Save stays disabled while
anything is wrong (a message shows once the field is touched; until then a hint
beside Save says what it waits for). An edit may keep a past day the race already
had. Saving goes through ``JournalOperations.save_race`` (one transaction,
undoable). Ctrl+Enter saves, Esc asks before discarding a changed form.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.race_plan import plan_length_weeks
from journal.analysis.weekly import week_start_of
from journal.domain.races import Race, RaceDistance, standard_distance
from journal.domain.units import format_duration, from_metres, parse_duration, to_metres
from journal.domain.validation import check_goal_time_s, check_race_day, check_race_distance_km, check_race_name
from journal.ui.accessible import name_controls
from journal.ui.colours import Tone
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.form_dialog import FormDialog
from journal.ui.forms.run_dialog import parse_number
from journal.ui.forms.tab_order import follow_layout
from journal.ui.forms.validated import FieldChecks, message_label
from journal.ui.operations import JournalOperations
from journal.ui.qt_dates import from_qdate, to_qdate
from journal.ui.scheme import set_tone
from journal.ui.window_size import scroll_body

DEFAULT_WEEKS_AHEAD = 12


class RaceDialog(FormDialog):
    """Add a race (``race`` None) or edit one. After ``accept()``, ``saved`` holds the stored race."""

    def __init__(self, ops: JournalOperations, race: Race | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Discard the changes to this race?" if race else "Discard this race?", "form-race")
        self._ops = ops
        self._original = race
        self.saved: Race | None = None
        settings = ops.read.settings()
        self._unit = settings.units
        self._week_start = settings.week_start
        self.setWindowTitle("Edit race" if race else "Add race")
        self.setMinimumWidth(440)

        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. City half marathon")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        open_date_range(self.day)
        self.distance_choice = QComboBox()
        for choice in RaceDistance:
            self.distance_choice.addItem(choice.label, choice.value)
        self.custom_distance = QLineEdit()
        self.custom_distance.setPlaceholderText(f"distance in {self._unit.value}")
        self.custom_distance.setAccessibleName(f"Other race distance, in {self._unit.value}")
        self.goal = QLineEdit()
        self.goal.setPlaceholderText("optional: h:mm:ss")
        self.build_hint = QLabel()
        self.build_hint.setWordWrap(True)
        set_tone(self.build_hint, Tone.MUTED)
        self.no_runs_note = QLabel(
            "No runs are logged yet, so the plan has no running to build from. You can add the race now; "
            "log or import your runs and the Race page will plan from them."
        )
        self.no_runs_note.setWordWrap(True)
        set_tone(self.no_runs_note, Tone.CAUTION)
        self.no_runs_note.setVisible(ops.read.last_run() is None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.checks = FieldChecks(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add(form, "&Name", self.name, lambda: check_race_name(self.name.text()))
        self._add(form, "Race &day", self.day, self._check_day)
        distance_row = QHBoxLayout()
        distance_row.addWidget(self.distance_choice)
        distance_row.addWidget(self.custom_distance, 1)
        self._add(form, "Dis&tance", self.custom_distance, self._check_distance, row=distance_row)
        self._add(form, "&Goal time", self.goal, self._check_goal)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.build_hint)
        layout.addWidget(self.no_runs_note)
        layout.addWidget(self.checks.hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self._fill(race)
        self.name.textChanged.connect(self._refresh)
        self.day.dateChanged.connect(self._refresh)
        self.distance_choice.currentIndexChanged.connect(self._distance_chosen)
        self.custom_distance.textChanged.connect(self._refresh)
        self.goal.textChanged.connect(self._refresh)
        self._distance_chosen()
        scroll_body(self)  # the form scrolls on a small screen, Save stays in view
        self.checks.start_watching()
        self.mark_unchanged()
        follow_layout(self)
        name_controls(self)
        self.name.setFocus()

    def _add(self, form: QFormLayout, label: str, widget: QWidget, check, row: QHBoxLayout | None = None) -> None:
        message = message_label()
        box = QVBoxLayout()
        box.setSpacing(2)
        if row is not None:
            box.addLayout(row)
        else:
            box.addWidget(widget)
        box.addWidget(message)
        title = QLabel(label)
        title.setBuddy(self.distance_choice if row is not None else widget)
        form.addRow(title, box)
        self.checks.add(widget, message, check)

    def _fill(self, race: Race | None) -> None:
        if race is None:
            ahead = date.today() + timedelta(weeks=DEFAULT_WEEKS_AHEAD)
            self.day.setDate(to_qdate(ahead + timedelta(days=(6 - ahead.weekday()) % 7)))  # a Sunday
            self.distance_choice.setCurrentIndex(self.distance_choice.findData(RaceDistance.HALF.value))
            return
        self.name.setText(race.name)
        self.day.setDate(to_qdate(race.day))
        choice = standard_distance(race.distance_km)
        self.distance_choice.setCurrentIndex(self.distance_choice.findData(choice.value))
        if choice is RaceDistance.CUSTOM:
            self.custom_distance.setText(f"{from_metres(race.distance_km * 1000.0, self._unit):g}")
        if race.goal_time_s:
            self.goal.setText(format_duration(race.goal_time_s))

    # ---- checks ------------------------------------------------------------------------------
    def _chosen(self) -> RaceDistance:
        return RaceDistance(self.distance_choice.currentData())

    def distance_km(self) -> float:
        """The distance in km: the standard one chosen, or the one typed in the journal's unit."""
        km = self._chosen().km
        if km is not None:
            return km
        return to_metres(parse_number(self.custom_distance.text()), self._unit) / 1000.0

    def _check_day(self) -> str | None:
        day = from_qdate(self.day.date())
        kept = self._original is not None and self._original.day == day
        return check_race_day(day, allow_past=kept)

    def _check_distance(self) -> str | None:
        return check_race_distance_km(self.distance_km(), self._unit)

    def _goal_s(self) -> int | None:
        return parse_duration(self.goal.text())

    def _check_goal(self) -> str | None:
        try:
            km = self.distance_km()
        except ValueError:
            km = None
        return check_goal_time_s(self._goal_s(), km)

    def _distance_chosen(self) -> None:
        custom = self._chosen() is RaceDistance.CUSTOM
        self.custom_distance.setEnabled(custom)
        self.custom_distance.setVisible(custom)
        if custom:
            self.custom_distance.setFocus()
        self._refresh()

    def _refresh(self) -> None:
        problems = self.checks.refresh()
        self.build_hint.setVisible(self.day not in problems and self.custom_distance not in problems)
        if not self.build_hint.isVisibleTo(self):
            return
        day, km = from_qdate(self.day.date()), self.distance_km()
        weeks = plan_length_weeks(km)
        start = week_start_of(day, self._week_start) - timedelta(weeks=weeks)
        self.build_hint.setText(
            f"A build for this distance is about {weeks} weeks: from the week of {start.day} {start:%b %Y}, "
            "or from your running now if the race is closer."
        )

    # ---- saving ------------------------------------------------------------------------------
    def race_from_form(self) -> Race:
        """The race as the form describes it (call only when the checks pass)."""
        base = self._original or Race(name="", day=date.today(), distance_km=1.0)
        return replace(
            base,
            name=self.name.text().strip(),
            day=from_qdate(self.day.date()),
            distance_km=round(self.distance_km(), 4),
            goal_time_s=self._goal_s(),
        )

    def submit(self) -> None:
        if self.checks.show_all() is not None:
            return
        race = self.race_from_form()
        saved = self.save_or_say("Race", lambda: self._ops.save_race(race))
        if saved is not None:
            self.saved = saved
            self.accept()
