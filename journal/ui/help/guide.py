"""Help > Guide (F1): a short guide that is part of the app, with no network: what each page is for, why each
field matters, and the advice behind the journal.

F1 in the window opens it at the page shown; F1 in a form, at that form. The advice is the
journal's own seed advice, with its sources beside it: soreness after a run usually settles
with rest (the ``rest_pain`` flag leaves it out on purpose); weekly distance should rise
gradually and fall before a race (Nielsen et al. 2014, Frandsen et al. 2025, Bosquet et al.
2007, as the Race checks cite them, ``journal.analysis.race_checks.SOURCES``); pain that
lingers is for a professional to look at (the ``lingering_pain`` flag; NHS, Mayo Clinic). The
warning signs and the flags are listed from the flag rules themselves (``SIGNS``,
``rule_descriptions``), so the guide says what the journal does. It never names a diagnosis,
and says "call an emergency number", "get medical help today" or "see a doctor" exactly where
the guidance does.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

PAGES: tuple[tuple[str, str, str], ...] = (
    (
        "history",
        "History",
        "Every run, check-in and care entry, newest first. Filter by dates, kind and region; double-click (or "
        "Edit) to change an entry, Delete to remove it, Edit > Undo (Ctrl+Z) to bring it back. A doctor will "
        "ask how long it has been going on: this is the answer.",
    ),
    (
        "calendar",
        "Calendar",
        "The month at a glance: each day coloured by its worst pain, with the day's distance and marks for a "
        "flag, a warning sign and a painkiller. It shows at a glance whether pain follows the long runs or the "
        "busy weeks. Page Up and Page Down change the month; pick a day to read or edit its entries.",
    ),
    (
        "trends",
        "Trends",
        "Does pain follow jumps in your running? Weekly distance coloured by its change on the week before, pain "
        "over time with the runs, the acute:chronic ratio of your training load, and each week's change against "
        "the pain after it. They describe your log; they do not diagnose.",
    ),
    (
        "race",
        "Race",
        "Your goal race and a gradual build-up and taper from your recent running, with six checks on your "
        "weeks, your long runs and your pain. A guide to distance, not a workout plan.",
    ),
    (
        "flags",
        "Flags",
        "When your entries match published guidance for asking a professional, a flag says what to do and how "
        "soon, with the entries behind it and its source. About these flags lists every rule.",
    ),
    (
        "report",
        "Report",
        "A summary a doctor or physio can read in a minute, as a PDF or on paper: flags and warning signs first, "
        "pain per region, care tried and the running behind it. Your notes are left out unless you tick the box.",
    ),
    (
        "shoes",
        "Shoes",
        "Each pair's distance so far, with a warning near the distance you retire them at (commonly 500-800 km). "
        "Log the shoes with each run and you can compare pain by shoe in Trends.",
    ),
    (
        "settings",
        "Settings",
        "Units, the day weeks start, your name for reports, reminders to check in, watched folders for a watch "
        "or sync tool, and an optional risk profile (over 50, cancer, long-term steroids, a weakened immune "
        "system) that makes the flags say “see a doctor” for back pain sooner, as NICE advises.",
    ),
)

FORMS: tuple[tuple[str, str, str], ...] = (
    (
        "run",
        "Log run (Ctrl+N)",
        "<b>Date and distance</b> place the run in your weekly distance: jumps in weekly distance and single runs "
        "far longer than usual are what the journal compares your pain with. <b>Duration</b> gives the pace and, "
        "with <b>effort</b> (1-10, how hard the whole session felt), the training load. <b>Surface</b>, "
        "<b>shoes</b>, <b>foot strike</b>, stretching, water and heat are compared with next-day pain in Trends: "
        "a hint to test, not a cause. Tick <b>stopped because of pain</b> when pain made you stop, walk or turn "
        "back: it counts as pain during a run.",
    ),
    (
        "checkin",
        "Check-in (Ctrl+K)",
        "<b>Pain 0-10</b> for each region, 0 included: pain-free days show a doctor how often it hurts. "
        "<b>When felt</b> tells soreness from running (during, after, the next morning) from pain at rest, "
        "which guidance treats differently. <b>Character</b> and <b>spreads</b> matter because numbness, "
        "tingling and pain spreading down the leg are signs to see a doctor about. <b>How much pain got in the "
        "way</b> of usual activities (0-10) is what guidance weighs besides the score. <b>Warning signs</b> are "
        "about now: tick only what you have today. <b>Care</b> (heat, ice, stretching, core work, painkillers "
        "with name and dose, physio, rest) shows what you tried; painkillers on most days are a reason to talk "
        "to a doctor.",
    ),
    (
        "race",
        "Add race",
        "The race day and distance set how long the build-up is and when the taper starts; the goal time is "
        "optional and only checked against the world record, to catch a typing mistake.",
    ),
    (
        "care",
        "Edit care entry",
        "Opened from History or the Calendar. <b>Kind</b> and <b>day</b> place the care beside that day's pain; "
        "<b>minutes</b> is for timed care (heat, ice, stretching, core work), 'none' otherwise; <b>detail</b> is "
        "the name and dose of a painkiller or what the physio did. Painkillers on most days are a reason to talk "
        "to a doctor, so their days count in the flags.",
    ),
    (
        "shoes",
        "Shoes",
        "The distance before logging is what the pair had run before this journal; retire-at is when the page "
        "warns that they may be worn out.",
    ),
)


def _sources(names: str) -> str:
    return f"<br><small>Source: {escape(names)}</small>"


def advice_html() -> str:
    """The seed advice behind the journal, each with its sources; the warning signs and flags from the rules."""
    from journal.analysis.flags import DISCLAIMER, Severity, rule_descriptions
    from journal.analysis.flags.signs import SIGNS
    from journal.analysis.race_checks import SOURCES

    def signs(severity: Severity) -> str:
        return "".join(f"<li>{escape(s.label)}</li>" for s, info in SIGNS.items() if info.severity is severity)

    rules = rule_descriptions()
    see_doctor = "".join(f"<li>{escape(r.title)}</li>" for r in rules if r.severity == Severity.SEE_DOCTOR.label)
    return (
        "<h2><a name='advice'></a>The advice behind the journal</h2>"
        "<p><b>Soreness after a run usually settles with rest.</b> Aching muscles during, right after or the "
        "morning after a run are common and usually ease within a few days. That is why the journal asks when "
        "pain is felt, and why pain logged around a run does not count as pain at rest."
        + _sources("NHS, Back pain; NHS, Sports injuries (rest when it hurts)")
        + "</p><p><b>Weekly distance should rise gradually and fall before a race.</b> Week-on-week increases "
        "of up to about 10 % are steady; over 30 % is a big jump. A single run more than 10 % longer than the "
        "longest of the 30 days before is a spike. Before a race, cut the volume by about 40-60 % over the last "
        "one or two weeks."
        + _sources(f"{SOURCES['steep_build']}; {SOURCES['long_run_spike']}; {SOURCES['no_taper']}")
        + "</p><p><b>Pain that lingers should be looked at by a professional.</b> When back or hamstring pain "
        "has not improved after a couple of weeks, keeps coming back, is very bad, gets in the way of daily "
        "life or spreads down a leg, see a doctor or physiotherapist. The journal raises a flag when your "
        "entries show this:</p>"
        f"<ul>{see_doctor}</ul>"
        + _sources("NHS, Back pain; Mayo Clinic, When to see a doctor for back pain; NHS, Hamstring injury")
        + "<h2><a name='signs'></a>Warning signs</h2>"
        "<p><b>Call an emergency number or go to A&amp;E now</b> if you have back pain and:</p>"
        f"<ul>{signs(Severity.EMERGENCY)}</ul>"
        "<p><b>Get medical help today</b> (an urgent GP appointment, urgent care or NHS 111) if:</p>"
        f"<ul>{signs(Severity.URGENT)}</ul>"
        + _sources("NHS, Back pain; NICE CKS, Back pain - low; Mayo Clinic; NHS and Mayo Clinic, Hamstring injury")
        + "<h2><a name='diagnosis'></a>Never a diagnosis</h2>"
        f"<p>{escape(DISCLAIMER, quote=False)} It keeps an honest record and says when to ask someone who can; it never says "
        "what is wrong. Flags &gt; About these flags lists every rule, its numbers (which you can change) and "
        "its source.</p>"
    )


def guide_html() -> str:
    """The whole guide: contents, the pages, the forms, the advice."""
    contents = " · ".join(f"<a href='#{key}'>{escape(title)}</a>" for key, title, _ in PAGES)
    forms = " · ".join(f"<a href='#form-{key}'>{escape(title)}</a>" for key, title, _ in FORMS)
    parts = [
        "<h1><a name='start'></a>Run Journal: a short guide</h1>",
        "<p>A journal of your runs and of how your back and hamstrings feel, to see whether pain follows jumps "
        "in your running and to know when to ask a professional. Everything stays on this computer.</p>",
        f"<p><b>Pages:</b> {contents}<br><b>Forms:</b> {forms}<br>"
        "<a href='#advice'>The advice behind it</a> · <a href='#signs'>Warning signs</a> · "
        "<a href='#diagnosis'>Never a diagnosis</a></p>",
        "<h2>The pages</h2>",
    ]
    parts += [f"<h3><a name='{key}'></a>{escape(title)}</h3><p>{text}</p>" for key, title, text in PAGES]
    parts.append("<h2>The forms, and why each field matters</h2>")
    parts.append(
        "<p>Every form: Ctrl+Enter saves, Esc closes (and asks first when you have changed something), Tab "
        "moves from field to field, Alt and an underlined letter jumps to a field. Help &gt; Keyboard "
        "shortcuts lists every key.</p>"
    )
    parts += [f"<h3><a name='form-{key}'></a>{escape(title)}</h3><p>{text}</p>" for key, title, text in FORMS]
    parts.append(advice_html())
    return "".join(parts)


def anchors() -> set[str]:
    """Every section the guide can open at: a page ("trends"), a form ("form-run"), or a part of the advice."""
    return (
        {"start", "advice", "signs", "diagnosis"}
        | {key for key, _, _ in PAGES}
        | {f"form-{key}" for key, _, _ in FORMS}
    )


def anchor_for(topic: str) -> str:
    """The guide's anchor for ``topic`` (a page title such as "Trends", or "form-run"); the start otherwise."""
    key = topic.lower()
    return key if key in anchors() else "start"


class GuideDialog(QDialog):
    """The guide in a window of its own (not modal: it can stay open beside a form)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Run Journal guide")
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Guide")
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def show_topic(self, topic: str) -> None:
        self.browser.scrollToAnchor(anchor_for(topic))


def show_guide(parent: QWidget | None, topic: str = "start") -> GuideDialog:
    """Open the guide at ``topic`` beside ``parent`` (a form keeps working while it is open)."""
    dialog = GuideDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.show_topic(topic)
    return dialog
