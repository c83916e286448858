"""One evaluation window (issue 10): the window, the report and the ``flags`` command judge the same journal on the
same day alike: the same flags, since-dates and keys, on a journal with 400 days of pain."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from journal.app import main
from journal.domain.entries import CareEntry, CheckIn, RegionScore
from journal.domain.vocabulary import CareKind, Region, Timing, WarningSign
from journal.interchange.report.report_model import default_period, load_report
from journal.storage import flag_store
from journal.storage.journal import Journal
from tests.ui_helpers import make_window


def _four_hundred_days_of_pain(path) -> date:
    today = date.today()
    first = today - timedelta(days=399)
    checkins = []
    for i in range(400):
        day = first + timedelta(days=i)
        back = 4 if i % 7 else 5
        scores = (RegionScore(Region.LOWER_BACK, back, Timing.NEXT_MORNING), RegionScore(Region.HAMSTRING_LEFT, 0))
        signs = (WarningSign.FEVER,) if i == 100 else ()
        checkins.append(CheckIn(datetime.combine(day, time(0, 0)), scores, signs))  # today's is never in the future
    care = [CareEntry(first + timedelta(days=i), CareKind.PAINKILLER, "ibuprofen") for i in range(0, 400, 2)]
    with Journal.open(path) as journal:
        journal.add_entries(checkins=checkins, care=care)
        fever = f"warning_sign:fever:{(first + timedelta(days=100)).isoformat()}"
        flag_store.acknowledge(
            journal,
            fever,
            "warning_sign",
            None,
            "GP: fine",
            datetime.combine(first, time()) + timedelta(days=102),
            True,
        )
    return today


def _shape(rule: str, severity: str, since: str, key: str) -> tuple[str, str, str, str]:
    return (rule, severity, since, key)


def test_window_report_and_command_line_give_the_same_flags_since_dates_and_keys(qtbot, journal_path, capsys):
    today = _four_hundred_days_of_pain(journal_path)

    assert main(["flags", "--json", "--db", str(journal_path)]) == 0
    cli = [_shape(f["rule"], f["severity"], f["since"], f["key"]) for f in json.loads(capsys.readouterr().out)]

    with Journal.open(journal_path) as journal:
        start, end = default_period(today)
        report = load_report(journal, start, end)
    pdf = [_shape(f.rule, f.severity, f.since.isoformat(), f.key) for f in report.flags]

    window = make_window(qtbot, journal_path)
    state = window.flag_state
    shown = [_shape(f.rule, f.severity.value, f.since.isoformat(), f.key) for f in state.result().flags]

    assert cli == pdf == shown
    rules = {s[0] for s in cli}
    assert {"lingering_pain", "painkiller_use"} <= rules and "warning_sign" not in rules  # the fever was checked
    lingering = next(s for s in cli if s[0] == "lingering_pain")
    # The pain has lasted 400 days; the flag was first raised when it had lingered 14 days, long before the
    # 8-week report's period, and every caller says so.
    raised = (today - timedelta(days=386)).isoformat()
    assert lingering[2] == raised and lingering[3] == f"lingering_pain:lower_back:{raised}"
