"""Property tests over the JSON backup reader and the ``import`` command.

Documents start from a valid backup and are mutated (a field set to any JSON
value, dropped, an entry or a section replaced, the header changed); exported
files are truncated and bytes flipped. For every one:

- ``parse_json`` returns records or raises JsonFormatError with a message, nothing else;
- ``import`` exits 0 having added exactly what was parsed, or exits 1 saying
  "nothing was imported" with the journal exactly as it was.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.app import main
from journal.demo import demo_data
from journal.interchange.json_duplicates import split_duplicates
from journal.interchange.json_format import JsonFormatError, dumps, parse_json
from journal.storage.journal import Journal

PARSE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IMPORT = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BASE: dict[str, Any] = {
    "format": "run-journal",
    "version": 1,
    "shoes": [{"name": "Pegasus 40", "first_used": "2024-01-03", "prior_km": 12.5, "retire_at_km": 700, "retired": False}],
    "runs": [
        {"date": "2024-03-01", "start_time": "07:10", "distance_km": 8.2, "duration_s": 2700, "effort": 5,
         "surface": "road", "shoe": "Pegasus 40", "foot_strike": "midfoot", "stretched": True, "hydrated": True,
         "hot": False, "notes": "easy \"one\" — ok"},
        {"date": "2024-03-03", "distance_km": 12},
    ],
    "symptoms": [
        {"date": "2024-03-02", "time": "08:00", "region": "lower_back", "score": 4, "timing": "next_morning",
         "character": ["ache", "stiffness"], "radiates": "thigh", "notes": "stiff"},
        {"date": "2024-03-02", "time": "08:00", "region": "hamstring_left", "score": 0},
    ],
    "warning_signs": [{"date": "2024-03-02", "sign": "leg_weakness"}],
    "care": [{"date": "2024-03-02", "kind": "painkiller", "detail": "ibuprofen 400 mg", "minutes": None},
             {"date": "2024-03-02", "kind": "ice", "minutes": 15}],
}  # fmt: skip
SECTIONS = ("shoes", "runs", "symptoms", "warning_signs", "care")
KEYS = sorted({k for s in SECTIONS for e in BASE[s] for k in e} | {"sign", "kind", "region", "score", "time"})
TRICKY = [
    "", " ", "2024-02-30", "2024-13-01", "1899-12-31", "2999-01-01", "24:00", "7", "07:61", "lower_back",
    "LOWER_BACK", "07:00+05:00", "07:00Z", "ice", "road", "ache", "none", "\x00", "ünïcødé ✓ 😀", "a" * 10_001, "1e309", "-0", "true",
]  # fmt: skip
"""Strings near the rules, including times with a UTC offset (refused: the journal keeps wall-clock times)."""

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(),  # NaN and Infinity included: refused with a message
        st.text(max_size=20),
        st.sampled_from(TRICKY),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["set", "set", "set", "drop", "entry", "section", "header"]))
        section = draw(st.sampled_from(SECTIONS))
        entries = doc.get(section)
        if how == "section" or not isinstance(entries, list) or not entries:
            doc[section] = draw(json_values)
            continue
        i = draw(st.integers(0, len(entries) - 1))
        if how == "header":
            doc[draw(st.sampled_from(["format", "version"]))] = draw(json_values)
        elif how == "entry":
            entries[i] = draw(json_values)
        elif not isinstance(entries[i], dict):
            continue
        elif how == "drop" and entries[i]:
            entries[i].pop(draw(st.sampled_from(sorted(entries[i]))))
        else:
            entries[i][draw(st.sampled_from(KEYS))] = draw(json_values)
    return doc


def parsed_or_refused(text: str):
    try:
        return parse_json(text)
    except JsonFormatError as exc:
        assert str(exc).strip()
        return None


@PARSE
@given(mutated_documents())
def test_any_mutation_is_parsed_or_refused_with_a_message(doc: dict[str, Any]) -> None:
    parsed_or_refused(json.dumps(doc))


@PARSE
@given(json_values)
def test_any_json_at_all(value: Any) -> None:
    parsed_or_refused(json.dumps(value))


# ---- the import command: all of it or none of it ----------------------------------------------
@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-import")
    Journal.open(folder / "journal.sqlite3").close()
    return folder


def snapshot(path: Path) -> str:
    with Journal.open(path, create=False) as j:
        return dumps(j.data())


def import_text(folder: Path, content: str | bytes) -> tuple[int, str, str, str]:
    """Run ``import`` on ``content``; (status, stdout, stderr, journal before) ."""
    journal, file = folder / "journal.sqlite3", folder / "in.json"
    file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = snapshot(journal)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["import", str(file), "--db", str(journal)])
    return status, out.getvalue(), err.getvalue(), before


def check_all_or_nothing(folder: Path, content: str | bytes) -> int:
    journal = folder / "journal.sqlite3"
    with Journal.open(journal, create=False) as j:
        counts = j.counts()
        existing = j.data()
    status, out, err, before = import_text(folder, content)
    assert status in (0, 1), err
    if status == 1:
        assert "nothing was imported" in err and err.strip().count("\n") == 0, err
        assert snapshot(journal) == before, "a refused file changed the journal"
        return status
    data = parse_json(content if isinstance(content, str) else content.decode("utf-8-sig"))
    new = split_duplicates(data, existing).new  # entries already in the journal are not added again
    with Journal.open(journal, create=False) as j:
        after = j.counts()
    assert (after.runs - counts.runs, after.checkins - counts.checkins, after.care - counts.care) == (
        len(new.runs),
        len(new.checkins),
        len(new.care),
    )
    assert out.startswith("Imported ")
    return status


@IMPORT
@given(mutated_documents())
def test_import_saves_all_or_nothing(target: Path, doc: dict[str, Any]) -> None:
    check_all_or_nothing(target, json.dumps(doc))


@pytest.fixture(scope="module")
def exported() -> str:
    return dumps(demo_data(date(2024, 6, 1)))


@IMPORT
@given(st.data())
def test_truncated_exports_are_refused_whole(target: Path, exported: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(exported) - 1))
    assert check_all_or_nothing(target, exported[:cut]) == 1


@IMPORT
@given(st.data())
def test_flipped_bytes_never_half_import(target: Path, exported: str, data: st.DataObject) -> None:
    raw = bytearray(exported.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    content = bytes(raw)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        status, _out, err, _before = import_text(target, content)
        assert status == 1 and "not a UTF-8 text file" in err
        return
    check_all_or_nothing(target, text)


def test_the_whole_demo_export_imports(tmp_path: Path, exported: str) -> None:
    Journal.open(tmp_path / "journal.sqlite3").close()
    assert check_all_or_nothing(tmp_path, exported) == 0


# ---- once-reported crashes, now refused with a message: kept as regression cases ---------------
KNOWN_CRASHES = {
    "NaN in a whole-number field": '{"runs": [{"date": "2024-01-02", "distance_km": 5, "duration_s": NaN}]}',
    "Infinity in a whole-number field": '{"care": [{"date": "2024-01-02", "kind": "ice", "minutes": -Infinity}]}',
    "1e400 in a whole-number field": '{"runs": [{"date": "2024-01-02", "distance_km": 5, "effort": 1e400}]}',
    "a time with a UTC offset": '{"runs": [{"date": "2024-01-02", "start_time": "07:00+05:00", "distance_km": 5}]}',
    "a lone surrogate in notes": '{"runs": [{"date": "2024-01-02", "distance_km": 5, "notes": "\\ud800"}]}',
    "a lone surrogate in source_id": '{"runs": [{"date": "2024-01-02", "distance_km": 5, "source_id": "\\udfff"}]}',
}


@pytest.mark.parametrize("name", sorted(KNOWN_CRASHES))
def test_known_crashes_are_refused_with_a_message(tmp_path: Path, name: str) -> None:
    Journal.open(tmp_path / "journal.sqlite3").close()
    status, _out, err, before = import_text(tmp_path, KNOWN_CRASHES[name])
    assert status == 1 and "nothing was imported" in err
    assert snapshot(tmp_path / "journal.sqlite3") == before
