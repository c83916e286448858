"""Check-in: how the back and hamstrings feel, how much pain got in the way, warning signs, and care taken today.

One row per region: pain 0-10 on the numeric rating scale (0 is a pain-free
record and counts), when it is felt, its character and whether it spreads.
All five regions are saved, so a pain-free day is on record as such. Then how
much pain got in the way of usual activities, running included (0-10, the
activity item of the PEG scale, Krebs et al. 2009; left unanswered it is not
stored). Warning signs are listed on the guidance's ladder: the emergency signs
first, under "call an emergency number", then those for "get medical help today";
saving a check-in with an emergency sign says at once what to do. Saving the
check-in and the day's care is one transaction.

Beside the grid, the body map (``body_map.BodyMapWidget``) sets and shows the same
scores. Two quick fills: "Same as last time" (Ctrl+L) copies the previous
check-in's scores and care for review, not its warning signs or notes
(``checkin_care``); "Pain-free day" (Ctrl+0) sets every region to 0. Ctrl+Enter
saves, Esc asks before discarding a changed form (``form_dialog``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.flags import Severity
from journal.analysis.flags.index import LEGS, NUMB
from journal.analysis.flags.signs import SIGNS
from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.validation import check_interference, check_text, check_when
from journal.domain.vocabulary import Region, Timing, WarningSign
from journal.ui.accessible import name_controls
from journal.ui.forms.body_map import BodyMapWidget
from journal.ui.forms.checkin_care import CareBox, previous_checkin, scores_like
from journal.ui.forms.checkin_rows import RegionRow
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.form_dialog import FormDialog, FormKey
from journal.ui.forms.tab_order import follow_layout
from journal.ui.forms.validated import FieldChecks, message_label
from journal.ui.operations import JournalOperations
from journal.ui.qt_dates import from_qdatetime, to_qdatetime

SAME_KEY = FormKey("Check-in: fill in the same as last time (scores and care, to review)", ("Ctrl+L",))
PAIN_FREE_KEY = FormKey("Check-in: pain-free day (every region 0)", ("Ctrl+0",))


class CheckInDialog(FormDialog):
    """New check-in (optionally right after ``run``, or at ``when`` with ``timing``) or edit ``checkin``.

    ``saved`` holds the result. The pain grid sits beside the body map, each keeping the other in
    step; on a small screen the form's body scrolls, with the date and the buttons always in view.
    """

    KEYS = (*FormDialog.KEYS, SAME_KEY, PAIN_FREE_KEY)

    def __init__(
        self,
        ops: JournalOperations,
        checkin: CheckIn | None = None,
        run: Run | None = None,
        parent: QWidget | None = None,
        when: datetime | None = None,
        timing: Timing | None = None,
    ) -> None:
        super().__init__(
            parent, "Discard the changes to this check-in?" if checkin else "Discard this check-in?", "form-checkin"
        )
        self._ops = ops
        self._original = checkin
        self._run = run
        self.saved: CheckIn | None = None
        self.setWindowTitle("Edit check-in" if checkin else "Check-in: how does it feel?")

        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        open_date_range(self.when)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.checks = FieldChecks(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        when_message = message_label()
        self.checks.add(self.when, when_message, lambda: check_when(from_qdatetime(self.when.dateTime())))
        self.same_button = QPushButton("Same as &last time")
        self.same_button.setShortcut(SAME_KEY.sequences()[0])
        self.same_button.setToolTip(
            "Fill in the previous check-in's scores and care to review before saving (Ctrl+L). "
            "Warning signs and notes are not copied."
        )
        self.pain_free_button = QPushButton("&Pain-free day")
        self.pain_free_button.setShortcut(PAIN_FREE_KEY.sequences()[0])
        self.pain_free_button.setToolTip("Set every region to 0 (Ctrl+0): pain-free days count too")
        self.quick_note = QLabel()
        self.quick_note.setWordWrap(True)

        top = QHBoxLayout()
        when_label = QLabel("&When:")
        when_label.setBuddy(self.when)
        top.addWidget(when_label)
        top.addWidget(self.when)
        top.addWidget(when_message)
        top.addStretch(1)
        top.addWidget(self.same_button)
        top.addWidget(self.pain_free_button)

        self.body_map = BodyMapWidget()
        map_box = QGroupBox("Where it hurts, seen from behind")
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(4, 4, 4, 4)
        map_layout.addWidget(self.body_map)
        grid_box = QGroupBox("Pain now, 0 (none) to 10 (worst imaginable)")
        grid = QGridLayout(grid_box)
        for col, title in enumerate(("Region", "Pain", "When felt", "Character", "Spreads")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        self.rows: dict[Region, RegionRow] = {}
        default_timing = timing or (Timing.AFTER_RUN if run else None)
        for i, region in enumerate(Region, start=1):
            row = RegionRow(region)
            label = QLabel(region.label)
            label.setBuddy(row.score)
            grid.addWidget(label, 2 * i - 1, 0)
            grid.addWidget(row.score, 2 * i - 1, 1)
            grid.addWidget(row.timing, 2 * i - 1, 2)
            grid.addWidget(row.character, 2 * i - 1, 3)
            grid.addWidget(row.radiates, 2 * i - 1, 4)
            grid.addWidget(row.message, 2 * i, 1, 1, 4)
            if default_timing:
                row.timing.setCurrentIndex(row.timing.findData(default_timing))
            self.checks.add(row.score, row.message, row.score.check)
            row.score.textChanged.connect(self._refresh)
            row.score.textChanged.connect(lambda _t, r=region: self.body_map.set_score(r, self.rows[r].score.score()))
            self.rows[region] = row
        self.body_map.score_chosen.connect(lambda region, score: self.rows[region].score.setText(str(score)))

        function_box = QHBoxLayout()
        self.interference = QSpinBox()
        self.interference.setRange(-1, 10)
        self.interference.setSpecialValueText("not answered")
        self.interference.setValue(-1)
        self.interference.setAccessibleName("How much pain got in the way of usual activities, 0 to 10")
        self.interference.setToolTip("0 = not at all, 10 = completely (the activity question of the PEG scale)")
        interference_label = QLabel(
            "How much did pain &get in the way of your usual activities, running included? (0-10)"
        )
        interference_label.setBuddy(self.interference)
        interference_label.setWordWrap(True)
        function_box.addWidget(interference_label, 1)
        function_box.addWidget(self.interference)
        interference_message = message_label()
        self.checks.add(self.interference, interference_message, lambda: check_interference(self.interference_value()))

        self.care_box = CareBox(columns=2)
        self.care = self.care_box.boxes
        self.core_minutes = self.care_box.core_minutes
        self.painkiller_detail = self.care_box.painkiller_detail
        self.care_note = self.care_box.note

        pain_column = QVBoxLayout()
        pain_column.addWidget(grid_box)
        pain_column.addLayout(function_box)
        pain_column.addWidget(interference_message)
        pain_column.addWidget(self._signs_box(), 1)
        map_column = QVBoxLayout()
        map_column.addWidget(map_box, 1)
        map_column.addWidget(self.care_box)
        columns = QHBoxLayout()
        columns.addLayout(pain_column, 1)
        columns.addLayout(map_column)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Notes (optional)")
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        notes_message = message_label()
        self.checks.add(self.notes, notes_message, lambda: check_text(self.notes.toPlainText()))

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(columns)
        body_layout.addWidget(self.notes)
        body_layout.addWidget(notes_message)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; the body scrolls to them
        self.body_scroll.setWidget(body)

        bottom = QHBoxLayout()
        bottom.addWidget(self.quick_note, 1)
        bottom.addWidget(self.checks.hint, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body_scroll, 1)
        layout.addLayout(bottom)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.same_button.clicked.connect(self.fill_same_as_last_time)
        self.pain_free_button.clicked.connect(self.fill_pain_free)
        self.when.dateTimeChanged.connect(self._refresh)
        self.notes.textChanged.connect(self._refresh)
        self.interference.valueChanged.connect(self._refresh)

        self._fill(checkin, when)
        self._refresh()
        self.checks.start_watching()
        self.mark_unchanged()
        follow_layout(self)
        name_controls(self)
        self._fit_screen(body)
        self.rows[Region.LOWER_BACK].score.setFocus()
        self.rows[Region.LOWER_BACK].score.selectAll()

    def _signs_box(self) -> QGroupBox:
        signs_box = QGroupBox("Warning signs: tick any you have now")
        signs_layout = QVBoxLayout(signs_box)
        self.signs: dict[WarningSign, QCheckBox] = {}
        for severity, title in (
            (Severity.EMERGENCY, "<b>Call an emergency number or go to A&amp;E now</b> if you have back pain and:"),
            (Severity.URGENT, "<b>Get medical help today</b> (urgent GP appointment, urgent care or NHS 111) if:"),
        ):
            heading = QLabel(title)
            heading.setWordWrap(True)
            signs_layout.addWidget(heading)
            grid = QGridLayout()
            listed = [sign for sign in WarningSign if SIGNS[sign].severity is severity]
            for i, sign in enumerate(listed):
                box = QCheckBox(sign.label)
                box.setAccessibleName(f"Warning sign: {sign.label}")
                grid.addWidget(box, i // 2, i % 2)
                self.signs[sign] = box
            signs_layout.addLayout(grid)
        return signs_box

    def _fit_screen(self, body: QWidget) -> None:
        """As tall as the form, but no taller than the screen: the body scrolls on a small screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        wanted = body.sizeHint()
        width = wanted.width() + self.body_scroll.verticalScrollBar().sizeHint().width() + 24
        height = wanted.height() + 110
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def _fill(self, checkin: CheckIn | None, when: datetime | None) -> None:
        if checkin is None:
            self.when.setDateTime(to_qdatetime(when or datetime.now().replace(second=0, microsecond=0)))
            self.same_button.setEnabled(self._previous() is not None)
            return
        self.when.setDateTime(to_qdatetime(checkin.recorded_at))
        for s in checkin.scores:
            self.rows[s.region].fill(s)
        for sign in checkin.warning_signs:
            self.signs[sign].setChecked(True)
        self.interference.setValue(-1 if checkin.interference is None else checkin.interference)
        self.notes.setPlainText(checkin.notes)
        self.care_box.show_logged(self._ops.read.care(checkin.day, checkin.day))
        self.same_button.setEnabled(self._previous() is not None)

    def _previous(self) -> CheckIn | None:
        leave_out = self._original.id if self._original else None
        return previous_checkin(self._ops.read, from_qdatetime(self.when.dateTime()), leave_out)

    # ---- quick fills -------------------------------------------------------------------------
    def fill_same_as_last_time(self) -> CheckIn | None:
        """Copy the previous check-in's scores, timings, characters, spreads, interference and care
        (not its warning signs or notes); return it, or None when there is none."""
        previous = self._previous()
        if previous is None:
            self.quick_note.setText("There is no earlier check-in to copy.")
            return None
        for region, score in scores_like(previous).items():
            self.rows[region].fill(score)
        self.interference.setValue(-1 if previous.interference is None else previous.interference)
        self.care_box.copy_from(self._ops.read.care(previous.day, previous.day))
        self.quick_note.setText(
            f"Filled in from the check-in of {previous.recorded_at:%a %d %b %H:%M}: check it, then save. "
            "Warning signs and notes are not copied."
        )
        return previous

    def fill_pain_free(self) -> None:
        for row in self.rows.values():
            row.score.setText("0")
        self.quick_note.setText("Every region set to 0: a pain-free day. Save to record it.")

    def _refresh(self) -> None:
        self.checks.refresh()

    def interference_value(self) -> int | None:
        value = self.interference.value()
        return None if value < 0 else value

    def checkin_from_form(self) -> CheckIn:
        base = self._original or CheckIn(recorded_at=datetime.now(), run_id=self._run.id if self._run else None)
        return replace(
            base,
            recorded_at=from_qdatetime(self.when.dateTime()),
            scores=tuple(row.value() for row in self.rows.values()),
            warning_signs=tuple(s for s, box in self.signs.items() if box.isChecked()),
            notes=self.notes.toPlainText(),
            interference=self.interference_value(),
        )

    def care_from_form(self, checkin: CheckIn) -> list[CareEntry]:
        return self.care_box.entries(checkin)

    def submit(self) -> None:
        first = self.checks.show_all()
        if first is not None:
            self.body_scroll.ensureWidgetVisible(first)
            return
        checkin = self.checkin_from_form()
        care = self.care_from_form(checkin)
        saved = self.save_or_say("Check-in", lambda: self._ops.save_checkin(checkin, care))
        if saved is None:
            return
        self.saved = saved
        self.accept()
        emergency = [s for s in checkin.warning_signs if SIGNS[s].severity is Severity.EMERGENCY]
        numb_legs = {s.region for s in checkin.scores if NUMB.intersection(s.character)} >= set(LEGS)
        if numb_legs and WarningSign.BOTH_LEGS not in emergency:
            emergency.append(WarningSign.BOTH_LEGS)  # found in the scores: numbness or tingling in both hamstrings
        if emergency:
            self.emergency_notice = emergency_notice(emergency, self.parentWidget())


def emergency_notice(signs: list[WarningSign], parent: QWidget | None) -> QMessageBox:
    """Say at once what to do after an emergency sign is logged (shown without blocking; it deletes itself)."""
    listed = "".join(f"<li>{sign.label}</li>" for sign in signs)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Call an emergency number now")
    box.setText(f"<b>{Severity.EMERGENCY.action}</b>")
    box.setInformativeText(
        f"You logged:<ul>{listed}</ul>With back pain, the guidance (NHS, NICE) is to call 999 or go to A&amp;E "
        "for these. The flag stays on the Flags page until you confirm it has been checked."
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
