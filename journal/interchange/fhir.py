"""FHIR R4 export: a ``collection`` Bundle with the runner's Patient, pain scores and runs, as JSON.

Written by hand as plain dicts: the resources are few and fixed, and a FHIR
model library would be a large dependency for five shapes. The tests check the
structure (required elements, types, references that resolve).

Codes (LOINC, verified against the LOINC entries quoted in HL7's Physical
Activity Implementation Guide, STU 1):

- Pain score: ``72514-3`` "Pain severity - 0-10 verbal numeric rating [Score] -
  Reported", ``valueQuantity`` in UCUM ``{score}``, ``bodySite.text`` naming the
  region, category ``survey`` (patient reported). One Observation per region per
  check-in; when the pain came and whether it spread go in ``note``.
- A run: one Observation coded ``73985-4`` "Exercise activity" with the value
  ``LA11836-6`` "Running", as in the Physical Activity IG, category ``activity``,
  and two components so distance and duration stay together with their run:
  ``55430-3`` (distance, UCUM ``km``) and ``55411-3`` "Exercise duration" (UCUM
  ``min``). LOINC has no code for running distance as such; 55430-3 (named
  "Walking distance unspecified time Pedometer") is the distance code that
  activity-tracker mappings (e.g. Apple HealthKit's walking+running distance)
  use, so ``code.text`` says "Distance run" to leave no doubt.

Times: the journal keeps naive local wall-clock times; FHIR requires a zone
offset on a dateTime with a time, so each is given the computer's local offset
for that date (``datetime.astimezone``), daylight saving included.

Each resource gets a fresh random UUID, used both as its ``id`` and in its entry's
``fullUrl`` (``urn:uuid:...``); Observations point at the Patient through it.
Notes (free text) are left out unless asked for.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import Settings

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

PAIN_CODE = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
EXERCISE_ACTIVITY = ("73985-4", "Exercise activity")
RUNNING = ("LA11836-6", "Running")
DISTANCE_CODE = ("55430-3", "Walking distance unspecified time Pedometer")
DURATION_CODE = ("55411-3", "Exercise duration")

Resource = dict[str, Any]


def _urn() -> str:
    return str(uuid.uuid4())


def fhir_datetime(moment: datetime) -> str:
    """A local naive time as a FHIR dateTime with the local offset, e.g. ``2026-03-01T08:15:00+01:00``."""
    return moment.astimezone().isoformat(timespec="seconds")


def _coding(system: str, code_display: tuple[str, str]) -> dict[str, str]:
    code, display = code_display
    return {"system": system, "code": code, "display": display}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY, "code": code, "display": display}]}]


def _quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def patient(settings: Settings, pid: str) -> Resource:
    """The Patient: the name as written in Settings (not split into given/family), birth date when set."""
    resource: Resource = {"resourceType": "Patient", "id": pid}
    if settings.name.strip():
        resource["name"] = [{"use": "usual", "text": settings.name.strip()}]
    if settings.date_of_birth:
        resource["birthDate"] = settings.date_of_birth.isoformat()
    return resource


def pain_observation(checkin: CheckIn, score: RegionScore, subject: str, include_notes: bool) -> Resource:
    """One pain score (0-10) for one region at one check-in."""
    resource: Resource = {
        "resourceType": "Observation",
        "id": _urn(),
        "status": "final",
        "category": _category("survey", "Survey"),
        "code": {"coding": [_coding(LOINC, PAIN_CODE)], "text": f"Pain, {score.region.label.lower()}"},
        "subject": {"reference": subject},
        "effectiveDateTime": fhir_datetime(checkin.recorded_at),
        "valueQuantity": _quantity(score.score, "{score}"),
        "bodySite": {"text": score.region.label},
    }
    notes = []
    if score.timing:
        notes.append(f"When: {score.timing.label.lower()}")
    if score.character:
        notes.append("Feels like: " + ", ".join(c.label.lower() for c in score.character))
    if score.radiates:
        notes.append(f"Spreading: {score.radiates.label.lower()}")
    if checkin.warning_signs:
        notes.append("Warning signs ticked: " + "; ".join(w.label for w in checkin.warning_signs))
    if include_notes and checkin.notes.strip():
        notes.append(checkin.notes.strip())
    if notes:
        resource["note"] = [{"text": text} for text in notes]
    return resource


def run_observation(run: Run, subject: str, include_notes: bool) -> Resource:
    """One run: exercise activity = running, with distance (km) and duration (min) as components."""
    components = [
        {
            "code": {"coding": [_coding(LOINC, DISTANCE_CODE)], "text": "Distance run"},
            "valueQuantity": _quantity(round(run.distance_m / 1000.0, 3), "km"),
        }
    ]
    resource: Resource = {
        "resourceType": "Observation",
        "id": _urn(),
        "status": "final",
        "category": _category("activity", "Activity"),
        "code": {"coding": [_coding(LOINC, EXERCISE_ACTIVITY)], "text": "Run"},
        "subject": {"reference": subject},
    }
    if run.duration_s:
        end = run.started_at + timedelta(seconds=run.duration_s)
        resource["effectivePeriod"] = {"start": fhir_datetime(run.started_at), "end": fhir_datetime(end)}
        components.append(
            {
                "code": {"coding": [_coding(LOINC, DURATION_CODE)], "text": "Duration"},
                "valueQuantity": _quantity(round(run.duration_s / 60.0, 2), "min"),
            }
        )
    else:
        resource["effectiveDateTime"] = fhir_datetime(run.started_at)
    resource["valueCodeableConcept"] = {"coding": [_coding(LOINC, RUNNING)], "text": "Running"}
    resource["component"] = components
    if include_notes and run.notes.strip():
        resource["note"] = [{"text": run.notes.strip()}]
    return resource


def to_bundle(
    data: JournalData, settings: Settings, include_notes: bool = False, now: datetime | None = None
) -> Resource:
    """The Bundle (type ``collection``): the Patient first, then every pain score and every run by time."""
    pid = _urn()
    subject = f"urn:uuid:{pid}"
    resources: list[Resource] = [patient(settings, pid)]
    timed: list[tuple[datetime, Resource]] = []
    for c in data.checkins:
        timed.extend((c.recorded_at, pain_observation(c, s, subject, include_notes)) for s in c.scores)
    timed.extend((r.started_at, run_observation(r, subject, include_notes)) for r in data.runs)
    timed.sort(key=lambda pair: pair[0])
    resources.extend(resource for _, resource in timed)
    return {
        "resourceType": "Bundle",
        "id": _urn(),
        "type": "collection",
        "timestamp": fhir_datetime(now or datetime.now().replace(microsecond=0)),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }


def dumps(data: JournalData, settings: Settings, include_notes: bool = False) -> str:
    """The Bundle as indented JSON text (UTF-8 safe, non-ASCII kept as is)."""
    return json.dumps(to_bundle(data, settings, include_notes), indent=2, ensure_ascii=False) + "\n"


def period_note(start: date | None, end: date | None) -> str:
    """How a period reads in messages: ``2026-01-01 to 2026-03-01``, or ``the whole journal``."""
    if not start and not end:
        return "the whole journal"
    return f"{start.isoformat() if start else 'the start'} to {end.isoformat() if end else 'today'}"
