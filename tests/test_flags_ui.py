"""The flag banner and the Flags page as a runner sees them: colours, clicks, acknowledging, re-evaluation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal.analysis.flags import DISCLAIMER
from journal.demo import write_demo_journal
from journal.domain.entries import CareEntry, CheckIn, RegionScore
from journal.domain.vocabulary import CareKind, Region, WarningSign
from journal.storage import flag_store
from journal.storage.journal import Journal
from journal.ui.flags.banner import FlagBanner
from journal.ui.flags.page import FlagsPage
from journal.ui.flags.state import FlagState
from journal.ui.operations import JournalOperations


@pytest.fixture
def ops(journal_path):
    journal = Journal.open(journal_path)
    yield JournalOperations(journal)
    journal.close()


@pytest.fixture
def demo_ops(tmp_path):
    journal = Journal.open(write_demo_journal(tmp_path / "demo.sqlite3"))
    yield JournalOperations(journal)
    journal.close()


def banner_of(ops: JournalOperations, state: FlagState | None = None) -> FlagBanner:
    return FlagBanner(ops, state or FlagState(ops))


def shown(qtbot, widget: QWidget, width: int = 1100) -> QWidget:
    """Put ``widget`` in a shown window, as the main window does."""
    host = QWidget()
    QVBoxLayout(host).addWidget(widget)
    host.resize(width, 700)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    widget.test_host = host  # keep the window alive as long as the widget
    return host


def background(banner: FlagBanner) -> QColor:
    return banner.grab().toImage().pixelColor(6, banner.height() // 2)


def now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def urgent_checkin(sign: WarningSign = WarningSign.FEVER) -> CheckIn:
    return CheckIn(now(), (RegionScore(Region.LOWER_BACK, 6),), warning_signs=(sign,))


def test_banner_is_red_and_says_get_medical_help_today_for_an_urgent_sign(qtbot, ops):
    ops.save_checkin(urgent_checkin())
    banner = banner_of(ops)
    shown(qtbot, banner)
    assert banner.isVisible() and banner.severity.value == "urgent"
    assert "Fever" in banner.label.text() and "get medical help today" in banner.label.text()
    colour = background(banner)
    assert colour.red() > 150 and colour.green() < 80 and colour.blue() < 80, colour.name()


def test_an_emergency_banner_says_what_to_do_first_and_looks_different(qtbot, ops):
    ops.save_checkin(urgent_checkin())
    banner = banner_of(ops)
    shown(qtbot, banner)
    urgent_height, urgent = banner.sizeHint().height(), background(banner)
    ops.save_checkin(urgent_checkin(WarningSign.SADDLE_NUMBNESS))
    text = banner.label.text()
    assert banner.severity.value == "emergency" and text.index("Call an emergency number now") < text.index("Numbness")
    assert "A&amp;E" in text and "and 1 more (1 get medical help today)" in text
    colour = background(banner)
    assert colour.red() < urgent.red() - 30 and colour.green() < 40, colour.name()  # darker than urgent red
    assert banner.sizeHint().height() > urgent_height  # a larger first line


def test_banner_is_hidden_without_flags_and_follows_saves_and_undo(qtbot, ops):
    banner = banner_of(ops)
    host = shown(qtbot, banner)
    assert not banner.isVisible() and banner.severity is None
    ops.save_checkin(urgent_checkin())  # saved through ops, as the check-in form does
    assert banner.isVisible() and banner.severity.value == "urgent"
    ops.undo_stack.undo()
    assert not banner.isVisible()
    assert host.isVisible()


def test_banner_is_amber_for_see_a_doctor_and_quiet_for_watch(qtbot, ops):
    days = [now().date() - timedelta(days=i) for i in range(8)]
    ops.add_care([CareEntry(d, CareKind.PAINKILLER, "ibuprofen") for d in days])
    banner = banner_of(ops)
    shown(qtbot, banner)
    quiet = background(banner)
    assert banner.severity.value == "watch" and "Painkillers on 8 of the last 10 days" in banner.label.text()
    assert min(quiet.red(), quiet.green(), quiet.blue()) > 200  # pale, not alarming
    for back_then in (now() - timedelta(days=1), now()):  # very bad pain on two days: see a doctor
        ops.save_checkin(CheckIn(back_then, (RegionScore(Region.LOWER_BACK, 8),)))
    amber = background(banner)
    assert banner.severity.value == "see_doctor" and "and 1 more (1 watch)" in banner.label.text()
    assert amber.red() > 200 and 150 < amber.green() < 230 and amber.blue() < 120, amber.name()


def test_clicking_the_banner_asks_for_the_flags_page(qtbot, ops):
    ops.save_checkin(urgent_checkin())
    banner = banner_of(ops)
    shown(qtbot, banner)
    with qtbot.waitSignal(banner.open_flags_requested, timeout=1000):
        qtbot.mouseClick(banner, Qt.MouseButton.LeftButton, pos=banner.label.geometry().center())
    with qtbot.waitSignal(banner.open_flags_requested, timeout=1000):
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)


def test_the_page_shows_each_demo_flag_with_evidence_source_and_disclaimer(qtbot, demo_ops):
    page = FlagsPage(demo_ops, FlagState(demo_ops))
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.cards[-1].disclaimer.isVisible(), timeout=2000)
    rules = [card.flag.rule for card in page.cards]
    assert {"lingering_pain", "rest_pain", "painkiller_use", "pain_after_jump"} <= set(rules)
    for card in page.cards:
        assert card.disclaimer.text() == DISCLAIMER and card.disclaimer.isVisible()
        assert "&#" not in card.message.text() and f"<b>{card.flag.action}</b>" in card.message.text()
        assert card.evidence.text().startswith(f"<b>Evidence ({len(card.flag.evidence)}):</b>")
        assert "https://" in card.sources.text()
    lingering = page.cards[rules.index("lingering_pain")]
    assert lingering.chip.text() == "SEE A DOCTOR" and "see a doctor" in lingering.headline.text()
    assert page.history.rowCount() >= len(page.cards)
    still = [page.history.item(r, 4).text() for r in range(page.history.rowCount())]
    assert still.count("still raised") == len(page.cards)
    rest = page.cards[rules.index("rest_pain")]  # urgent: it waits for "I have had this checked"
    assert rest.chip.text() == "GET MEDICAL HELP TODAY" and rest.acknowledge.text() == "I have had this checked"
    assert rules.index("rest_pain") < rules.index("lingering_pain")


def test_acknowledging_with_a_note_stores_it_and_the_flag_stays(qtbot, demo_ops):
    state = FlagState(demo_ops)
    page = FlagsPage(demo_ops, state)
    banner = FlagBanner(demo_ops, state)
    shown(qtbot, page)
    shown(qtbot, banner)
    card = next(c for c in page.cards if c.flag.rule == "lingering_pain")
    key = card.flag.key
    qtbot.keyClicks(card.note, "Booked a GP appointment for Thursday")
    qtbot.mouseClick(card.acknowledge, Qt.MouseButton.LeftButton)
    [ack] = flag_store.acknowledgements_by_key(demo_ops.read)[key]
    assert ack.note == "Booked a GP appointment for Thursday" and ack.rule == "lingering_pain"
    assert ack.region == "lower_back"
    again = next(c for c in page.cards if c.flag.key == key)  # still raised, now acknowledged
    assert "Booked a GP appointment for Thursday" in again.acknowledgements.text()
    assert again.note.text() == ""
    assert banner.isVisible() and banner.severity.value == "urgent"
    row = [page.history.item(r, 5).text() for r in range(page.history.rowCount())]
    assert any("Booked a GP appointment" in text for text in row)


def test_i_have_had_this_checked_clears_an_urgent_flag_into_the_history(qtbot, demo_ops):
    state = FlagState(demo_ops)
    page = FlagsPage(demo_ops, state)
    banner = FlagBanner(demo_ops, state)
    shown(qtbot, page)
    shown(qtbot, banner)
    card = next(c for c in page.cards if c.flag.rule == "rest_pain")
    assert banner.severity.value == "urgent" and "not settling with rest" in banner.label.text()
    qtbot.keyClicks(card.note, "Seen by the GP today")
    qtbot.mouseClick(card.acknowledge, Qt.MouseButton.LeftButton)
    assert "rest_pain" not in [c.flag.rule for c in page.cards]
    assert banner.severity.value == "see_doctor"
    rows = {page.history.item(r, 0).text(): r for r in range(page.history.rowCount())}
    row = rows["Back pain that does not settle with rest"]
    assert page.history.item(row, 4).text().endswith("(checked)")
    assert page.history.item(row, 5).text().endswith("Seen by the GP today")


def test_a_changed_threshold_in_about_these_flags_re_evaluates(qtbot, demo_ops):
    page = FlagsPage(demo_ops, FlagState(demo_ops))
    shown(qtbot, page)
    dialog = page.show_about()
    qtbot.addWidget(dialog)
    assert "Lingering pain" in dialog.rules.text() and "www.nhs.uk" in dialog.rules.text()
    dialog.editors["lingering_days"].setValue(60)
    dialog.editors["lingering_escalate_days"].setValue(90)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert demo_ops.read.raw_settings()["flags.lingering_days"] == "60"
    assert "lingering_pain" not in [c.flag.rule for c in page.cards]


def test_the_main_window_opens_the_flags_tab_from_the_banner(qtbot, tmp_path):
    from tests.ui_helpers import make_window

    path = write_demo_journal(tmp_path / "demo.sqlite3")
    window = make_window(qtbot, path)
    window.show()
    qtbot.waitExposed(window)
    assert isinstance(window.banner, FlagBanner) and window.banner.isVisible()
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    assert window.tabs.tabText(window.tabs.currentIndex()).replace("&", "") == "Flags"
    assert window.findChildren(FlagsPage)
    window.ops.wait_for_background()
