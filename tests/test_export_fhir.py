"""FHIR R4 export: the Bundle's structure is checked element by element against the R4 rules it uses."""

from __future__ import annotations

import json
import re
import stat
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journal.cli import parse, run_command
from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import Radiates, Region, Timing
from journal.interchange.fhir import to_bundle
from journal.storage.journal import Journal

# FHIR R4 primitive formats (https://hl7.org/fhir/R4/datatypes.html)
ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
OBSERVATION_ELEMENTS = {
    "resourceType", "id", "meta", "text", "identifier", "basedOn", "partOf", "status", "category", "code",
    "subject", "focus", "encounter", "effectiveDateTime", "effectivePeriod", "effectiveTiming", "effectiveInstant",
    "issued", "performer", "valueQuantity", "valueCodeableConcept", "valueString", "valueBoolean", "valueInteger",
    "dataAbsentReason", "interpretation", "note", "bodySite", "method", "specimen", "device", "referenceRange",
    "hasMember", "derivedFrom", "component",
}  # fmt: skip
PATIENT_ELEMENTS = {"resourceType", "id", "meta", "text", "identifier", "active", "name", "gender", "birthDate"}


def _coding_ok(concept: dict[str, Any]) -> None:
    assert concept["coding"], concept
    for coding in concept["coding"]:
        assert set(coding) <= {"system", "code", "display"}
        assert coding["system"].startswith("http") and isinstance(coding["code"], str)


def _quantity_ok(q: dict[str, Any]) -> None:
    assert isinstance(q["value"], int | float) and not isinstance(q["value"], bool)
    assert q["system"] == "http://unitsofmeasure.org" and isinstance(q["unit"], str) and isinstance(q["code"], str)


def validate_bundle(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Assert the R4 rules the export relies on; return the resources by fullUrl."""
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    assert ID.match(bundle["id"]) and DATETIME_WITH_TIME.match(bundle["timestamp"])
    by_url: dict[str, dict[str, Any]] = {}
    for entry in bundle["entry"]:
        assert set(entry) == {"fullUrl", "resource"}
        resource = entry["resource"]
        assert ID.match(resource["id"])
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        assert entry["fullUrl"] not in by_url, "fullUrl must be unique in a Bundle"
        by_url[entry["fullUrl"]] = resource
    for resource in by_url.values():
        if resource["resourceType"] == "Patient":
            assert set(resource) <= PATIENT_ELEMENTS
            if "birthDate" in resource:
                assert DATE.match(resource["birthDate"])
            continue
        assert resource["resourceType"] == "Observation"
        assert set(resource) <= OBSERVATION_ELEMENTS, set(resource) - OBSERVATION_ELEMENTS
        assert resource["status"] == "final"
        _coding_ok(resource["code"])
        for category in resource["category"]:
            _coding_ok(category)
        target = by_url[resource["subject"]["reference"]]  # the reference resolves inside the Bundle
        assert target["resourceType"] == "Patient"
        effective = [k for k in resource if k.startswith("effective")]
        assert len(effective) == 1  # effective[x]: one choice only
        if "effectiveDateTime" in resource:
            assert DATETIME_WITH_TIME.match(resource["effectiveDateTime"])
        else:
            period = resource["effectivePeriod"]
            assert DATETIME_WITH_TIME.match(period["start"]) and DATETIME_WITH_TIME.match(period["end"])
            assert datetime.fromisoformat(period["start"]) <= datetime.fromisoformat(period["end"])
        assert len([k for k in resource if k.startswith("value")]) <= 1
        if "valueQuantity" in resource:
            _quantity_ok(resource["valueQuantity"])
        codes = {c["code"] for c in resource["code"]["coding"]}
        for component in resource.get("component", []):
            _coding_ok(component["code"])
            _quantity_ok(component["valueQuantity"])
            # obs-7: a component with the Observation's own code forbids the value
            assert not codes & {c["code"] for c in component["code"]["coding"]}
        for note in resource.get("note", []):
            assert set(note) == {"text"} and note["text"]
    return by_url


def _data() -> JournalData:
    return JournalData(
        runs=(
            Run(datetime(2026, 3, 2, 7, 0), 8_500.0, duration_s=2_730, notes="private run note"),
            Run(datetime(2026, 3, 4, 7, 0), 5_000.0),
        ),
        checkins=(
            CheckIn(
                datetime(2026, 3, 3, 8, 15),
                scores=(
                    RegionScore(Region.LOWER_BACK, 5, Timing.NEXT_MORNING, radiates=Radiates.THIGH),
                    RegionScore(Region.HAMSTRING_RIGHT, 0),
                ),
                notes="private check-in note",
            ),
        ),
    )


def test_bundle_holds_patient_pain_scores_and_runs_with_valid_structure() -> None:
    settings = Settings(name="Zoë Runner", date_of_birth=date(1985, 6, 1))
    bundle = to_bundle(_data(), settings)
    resources = list(validate_bundle(bundle).values())
    patient = resources[0]
    assert patient == {
        "resourceType": "Patient",
        "id": patient["id"],
        "name": [{"use": "usual", "text": "Zoë Runner"}],
        "birthDate": "1985-06-01",
    }
    pain = [r for r in resources if r.get("code", {}).get("coding", [{}])[0].get("code") == "72514-3"]
    assert [(p["bodySite"]["text"], p["valueQuantity"]["value"]) for p in pain] == [
        ("Lower back", 5),
        ("Right hamstring", 0),
    ]
    assert pain[0]["valueQuantity"] == {
        "value": 5, "unit": "{score}", "system": "http://unitsofmeasure.org", "code": "{score}"
    }  # fmt: skip
    assert pain[0]["code"]["coding"][0]["display"] == "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    assert datetime.fromisoformat(pain[0]["effectiveDateTime"]).replace(tzinfo=None) == datetime(2026, 3, 3, 8, 15)
    assert {"text": "Spreading: down the thigh"} in pain[0]["note"]

    runs = [r for r in resources if r.get("code", {}).get("coding", [{}])[0].get("code") == "73985-4"]
    assert len(runs) == 2
    first = {c["code"]["coding"][0]["code"]: c["valueQuantity"] for c in runs[0]["component"]}
    assert first["55430-3"]["value"] == 8.5 and first["55430-3"]["code"] == "km"
    assert first["55411-3"]["value"] == 45.5 and first["55411-3"]["code"] == "min"
    assert runs[0]["valueCodeableConcept"]["coding"][0]["code"] == "LA11836-6"
    assert "effectiveDateTime" in runs[1]  # no duration: a point in time, no duration component
    assert [c["code"]["coding"][0]["code"] for c in runs[1]["component"]] == ["55430-3"]
    assert "private" not in json.dumps(bundle)  # notes stay out unless asked for


def test_notes_only_when_asked_and_empty_settings_give_a_bare_patient() -> None:
    bundle = to_bundle(_data(), Settings(), include_notes=True)
    resources = validate_bundle(bundle)
    text = json.dumps(bundle)
    assert "private run note" in text and "private check-in note" in text
    patients = [r for r in resources.values() if r["resourceType"] == "Patient"]
    assert len(patients) == 1 and "name" not in patients[0] and "birthDate" not in patients[0]


def test_empty_journal_gives_a_bundle_with_only_the_patient() -> None:
    bundle = to_bundle(JournalData(), Settings(name="A"))
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]
    validate_bundle(bundle)


def test_export_command_writes_valid_owner_only_fhir_json(journal_path: Path, tmp_path: Path) -> None:
    data = _data()
    with Journal.open(journal_path) as journal:
        journal.add_entries(runs=data.runs, checkins=data.checkins)
        journal.save_settings(Settings(name="Sam"))
    out = tmp_path / "bundle.json"
    argv = ["export", "--db", str(journal_path), "--format", "fhir", "--out", str(out), "--to", "2026-03-03"]
    assert run_command(parse(argv)) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    resources = validate_bundle(bundle)
    assert len(resources) == 1 + 1 + 2  # the patient, the run of 2 March, the two scores of 3 March
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert run_command(parse(argv)) == 1  # exists: needs --force
