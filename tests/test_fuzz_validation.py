"""Property tests over every field check of the forms and the storage's whole-record checks.

For any value: a check never raises, returns None or a non-empty message, and
says None exactly when an independent statement of the rule accepts the value.
For any record: storage refuses it (InvalidEntry naming the same fields, the
journal unchanged) exactly when ``validate_*`` finds a problem, and otherwise
saves it so that it reads back equal. The form's text parsers (distance,
duration) raise only ValueError with a message the form shows at the field.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run, Shoe
from journal.domain.units import parse_duration
from journal.domain.validation import (
    EARLIEST,
    MAX_DURATION_S,
    MAX_NAME,
    MAX_NOTES,
    MAX_RUN_M,
    check_distance_m,
    check_duration_s,
    check_effort,
    check_minutes,
    check_score,
    check_shoe_name,
    check_text,
    check_when,
    validate_care,
    validate_checkin,
    validate_run,
    validate_shoe,
)
from journal.domain.vocabulary import CareKind, Character, FootStrike, Radiates, Region, Surface, Timing, WarningSign
from journal.storage.journal import InvalidEntry, Journal

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
STORE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2024, 6, 1, 12, 0, 30)

text = st.text(max_size=30)  # any Unicode except lone surrogates (see test_unicode_roundtrip for those)
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
)


def is_whole(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def is_real(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and not math.isnan(x)


def well_formed(message: object) -> bool:
    return message is None or (isinstance(message, str) and message.strip() != "")


# ---- single fields ------------------------------------------------------------------------------
@FUZZ
@given(anything)
def test_distance(value: object) -> None:
    message = check_distance_m(value)  # type: ignore[arg-type]
    assert well_formed(message)
    assert (message is None) == (is_real(value) and 0 < value <= MAX_RUN_M)  # type: ignore[operator]


@FUZZ
@given(anything)
def test_duration(value: object) -> None:
    message = check_duration_s(value)  # type: ignore[arg-type]
    assert well_formed(message)
    assert (message is None) == (value is None or (is_whole(value) and 0 < value <= MAX_DURATION_S))  # type: ignore[operator]


@FUZZ
@given(anything)
def test_effort_score_minutes(value: object) -> None:
    for check, low, high, optional in (
        (check_effort, 1, 10, True),
        (check_score, 0, 10, False),
        (check_minutes, 1, 1440, True),
    ):
        message = check(value)  # type: ignore[operator]
        assert well_formed(message)
        accepted = (optional and value is None) or (is_whole(value) and low <= value <= high)  # type: ignore[operator]
        assert (message is None) == accepted, check.__name__


@FUZZ
@given(st.one_of(st.none(), st.dates(), st.datetimes()))
def test_when(value: date | datetime | None) -> None:
    message = check_when(value, NOW)
    assert well_formed(message)
    if value is None:
        assert message is not None
        return
    day = value.date() if isinstance(value, datetime) else value
    latest = NOW.replace(second=59, microsecond=999999) if isinstance(value, datetime) else NOW.date()
    assert (message is None) == (day >= EARLIEST and value <= latest)  # type: ignore[operator]


@FUZZ
@given(st.one_of(text, st.text(min_size=195, max_size=205), anything), st.sampled_from([MAX_NAME, 500, MAX_NOTES]))
def test_text(value: object, limit: int) -> None:
    message = check_text(value, limit)  # type: ignore[arg-type]
    assert well_formed(message)
    assert (message is None) == (isinstance(value, str) and len(value) <= limit and "\x00" not in value)


@FUZZ
@given(st.one_of(text, anything))
def test_shoe_name(value: object) -> None:
    message = check_shoe_name(value)  # type: ignore[arg-type]
    assert well_formed(message)
    ok = isinstance(value, str) and value.strip() != "" and len(value) <= MAX_NAME and "\x00" not in value
    assert (message is None) == ok


# ---- what a form's text boxes hand the checks ------------------------------------------------
@FUZZ
@given(st.one_of(text, st.from_regex(r"\A\s*\d{0,3}(:\d{1,3}){0,3}\s*\Z")))
def test_duration_text(typed: str) -> None:
    """Whatever is typed in Duration: seconds, or ValueError with the form's message; the check then decides."""
    try:
        seconds = parse_duration(typed)
    except ValueError as exc:
        assert str(exc).strip()
        return
    assert seconds is None or (is_whole(seconds) and seconds >= 0)
    assert well_formed(check_duration_s(seconds))


@FUZZ
@given(st.one_of(text, st.from_regex(r"\A-?\d{0,6}([.,]\d{0,4})?(e\d{1,3})?\Z"), st.sampled_from(["inf", "nan", "-0"])))
def test_distance_text(typed: str) -> None:
    from journal.ui.forms.run_dialog import parse_number

    try:
        km = parse_number(typed)
    except ValueError as exc:
        assert str(exc).strip()
        return
    message = check_distance_m(km * 1000.0)
    assert well_formed(message)
    if math.isinf(km) or math.isnan(km):
        assert message is not None


def test_duration_text_messages_are_the_forms_own() -> None:
    for typed in ("²", "1:²", "٣:00"):
        try:
            parse_duration(typed)
        except ValueError as exc:
            assert "invalid literal" not in str(exc), typed


# ---- whole records through storage ------------------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("fuzz") / "journal.sqlite3"
    journal = Journal.open(path)
    yield journal
    journal.close()


when = st.datetimes(min_value=datetime(1850, 1, 1), max_value=datetime.now() + timedelta(days=400))
maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731


def long_text(low: int, high: int) -> st.SearchStrategy[str]:
    """Around a length limit (Hypothesis draws no strings this long itself), sometimes ending in NUL."""
    return st.builds(
        lambda n, c, nul: c * (n - 1) + ("\x00" if nul else c),
        st.integers(low, high),
        st.sampled_from("aé✓😀"),
        st.booleans(),
    )


notes = st.one_of(text, long_text(MAX_NOTES - 2, MAX_NOTES + 2))


shoe_names = st.one_of(text, st.sampled_from(["", "   ", "Pegasus 40", "a" * (MAX_NAME + 1)]))

runs = st.builds(
    Run,
    started_at=when.map(lambda d: d.replace(microsecond=0)),
    distance_m=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.floats(0.1, MAX_RUN_M)),
    duration_s=maybe(st.integers(-10, MAX_DURATION_S + 10)),
    effort=maybe(st.integers(-1, 12)),
    surface=maybe(st.sampled_from(Surface)),
    shoe=maybe(shoe_names),
    foot_strike=maybe(st.sampled_from(FootStrike)),
    stretched=maybe(st.booleans()),
    hydrated=maybe(st.booleans()),
    hot=maybe(st.booleans()),
    notes=notes,
)
scores = st.builds(
    RegionScore,
    region=st.sampled_from(Region),
    score=st.integers(-2, 12),
    timing=maybe(st.sampled_from(Timing)),
    character=st.lists(st.sampled_from(Character), max_size=3, unique=True).map(tuple),
    radiates=maybe(st.sampled_from(Radiates)),
)
checkins = st.builds(
    CheckIn,
    recorded_at=when.map(lambda d: d.replace(microsecond=0)),
    scores=st.lists(scores, max_size=4).map(tuple),
    warning_signs=st.lists(st.sampled_from(WarningSign), max_size=2, unique=True).map(tuple),
    notes=notes,
)
care = st.builds(
    CareEntry,
    day=st.dates(min_value=date(1850, 1, 1), max_value=date.today() + timedelta(days=400)),
    kind=st.sampled_from(CareKind),
    detail=st.one_of(text, long_text(498, 502)),
    minutes=maybe(st.integers(-5, 1500)),
)
shoes = st.builds(
    Shoe,
    name=shoe_names,
    first_used=maybe(st.dates(min_value=date(1850, 1, 1), max_value=date.today() + timedelta(days=400))),
    prior_m=st.one_of(st.floats(-10.0, 2e7), st.just(math.nan)),
    retire_at_m=st.one_of(st.floats(-10.0, 2e7), st.just(math.nan)),
)


def saved_or_refused(store: Journal, validate, save, record, read_back) -> None:
    problems = validate(record)
    before = store.counts()
    if problems:
        with pytest.raises(InvalidEntry) as refused:
            save(record)
        assert set(refused.value.problems) == set(problems)
        assert all(message.strip() for message in refused.value.problems.values())
        assert store.counts() == before, "nothing of a refused record is saved"
        return
    saved = save(record)
    assert read_back(saved) == replace(saved), "what was saved reads back equal"
    return saved


@STORE
@given(runs)
def test_runs_are_saved_whole_or_refused(store: Journal, run: Run) -> None:
    saved = saved_or_refused(store, validate_run, store.add_run, run, lambda r: store.run(r.id))
    if saved is not None:
        assert saved.notes == run.notes and saved.distance_m == run.distance_m and saved.started_at == run.started_at


@STORE
@given(checkins)
def test_checkins_are_saved_whole_or_refused(store: Journal, checkin: CheckIn) -> None:
    saved = saved_or_refused(store, validate_checkin, store.add_checkin, checkin, lambda c: store.checkin(c.id))
    if saved is not None:
        assert saved.scores == checkin.scores and saved.warning_signs == checkin.warning_signs


@STORE
@given(care)
def test_care_is_saved_whole_or_refused(store: Journal, entry: CareEntry) -> None:
    def read_back(e: CareEntry) -> CareEntry:
        return next(c for c in store.care() if c.id == e.id)

    saved_or_refused(store, validate_care, store.add_care, entry, read_back)


@STORE
@given(shoes)
def test_shoes_are_saved_whole_or_refused(store: Journal, shoe: Shoe) -> None:
    problems = validate_shoe(shoe)
    before = store.counts()
    clash = any(s.name.strip().lower() == shoe.name.strip().lower() for s in store.shoes()) if not problems else False
    if problems or clash:
        with pytest.raises(InvalidEntry):
            store.save_shoe(shoe)
        assert store.counts() == before
        return
    saved = store.save_shoe(shoe)
    stored = next(s for s in store.shoes() if s.id == saved.id)
    assert stored.name == saved.name and saved.name.strip() == shoe.name.strip()
    assert (stored.prior_m, stored.retire_at_m) == (shoe.prior_m, shoe.retire_at_m)


def test_shoes_named_with_accented_capitals(store: Journal) -> None:
    run = store.add_run(Run(started_at=datetime(2024, 2, 1, 7), distance_m=5000.0, shoe="Élan"))
    store.update_run(replace(run, notes="edited"))  # raises IntegrityError today
    with pytest.raises(InvalidEntry):
        store.save_shoe(Shoe(name="élan"))


def test_a_refused_record_in_a_batch_saves_none_of_the_batch(store: Journal) -> None:
    good = Run(started_at=datetime(2024, 1, 1, 7), distance_m=5000.0)
    bad = Run(started_at=datetime(2024, 1, 2, 7), distance_m=-1.0)
    before = store.counts()
    with pytest.raises(InvalidEntry) as refused:
        store.add_entries(runs=[good, good, bad])
    assert "Run 3" in str(refused.value) and "distance" in refused.value.problems
    assert store.counts() == before


def test_messages_name_no_python_internals() -> None:
    """Spot check of the words: what a person reads at the field."""
    for message in (
        check_distance_m(float("nan")),
        check_score(None),
        check_when(date(1800, 1, 1)),
        check_text("\x00"),
    ):
        assert message and message[0].isupper() and not any(w in message for w in ("None", "Error", "NaN"))
    assert all(unicodedata.category(c) != "Cs" for c in "".join(Region))
