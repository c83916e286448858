"""Garmin Connect's Activities.csv in the account's language, and its distance unit shown or asked for, never guessed."""

from __future__ import annotations

import pytest

from journal.app import main
from journal.domain.units import METRES_PER_MILE, DistanceUnit
from journal.domain.vocabulary import Surface
from journal.importers.garmin_csv import UNIT_UNKNOWN, header_unit, parse_garmin_csv, speed_unit
from journal.importers.garmin_languages import LANGUAGES, is_running_type
from journal.importers.run import import_paths, needs_units
from journal.storage.journal import Journal


def _csv(header: str, *rows: str) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


# The Danish export of issue 15, as Garmin Connect writes it (its other columns shortened here).
DANISH = _csv(
    "Aktivitetstype,Dato,Favorit,Titel,Distance,Kalorier,Tid,Gns. puls",
    'Løb,2024-05-02 07:12:40,false,"Morgenløb","10.02","612","00:52:10","151"',
    'Cykling,2024-05-03 17:00:00,false,"Cykeltur","30.10","700","01:10:00","130"',
    'Trailløb,2024-05-04 08:00:00,false,"Skov","12.40","900","01:20:00","149"',
)


@pytest.mark.parametrize(
    ("header", "running", "other"),
    [
        ("Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Zeit in Bewegung,Verstrichene Zeit", "Laufen", "Radfahren"),
        ("Type d'activité,Date,Favori,Titre,Distance,Calories,Durée,Temps de déplacement", "Course à pied", "Musculation"),
        ("Tipo de actividad,Fecha,Favorito,Título,Distancia,Calorías,Tiempo", "Carrera", "Ciclismo"),
        ("Tipo di attività,Data,Preferita,Titolo,Distanza,Calorie,Tempo,Tempo in movimento,Tempo trascorso", "Corsa", "Ciclismo"),
        ("Activiteittype,Datum,Favoriet,Titel,Afstand,Calorieën,Tijd", "Hardlopen", "Fietsen"),
        ("Typ aktywności,Data,Ulubiony,Tytuł,Dystans,Suma kalorii,Czas", "Bieganie", "Narciarstwo biegowe"),
        ("Tipo de atividade,Data,Favorito,Título,Distância,Calorias,Tempo total,Tempo em movimento", "Corrida", "Ciclismo"),
        ("Aktivitetstyp,Datum,Favorit,Titel,Distans,Kalorier,Tid", "Löpning", "Cykling"),
        ("Aktivitetstype,Dato,Favoritt,Tittel,Distanse,Kalorier,Tid", "Løping", "Langrenn"),
        ("Aktiviteettityyppi,Päivämäärä,Suosikki,Otsikko,Matka,Kalorit,Aika", "Polkujuoksu", "Hiihto"),
        ("Typ aktivity,Datum,Oblíbené,Název,Vzdálenost,Kalorie,Čas", "Běh", "Běžecké lyžování"),
    ],
)  # fmt: skip
def test_each_language_reads_its_runs_and_leaves_out_the_rest(header, running, other):
    data = _csv(
        header,
        f"{running},2024-05-02 07:12:40,false,a,10.02,600,00:52:10",
        f"{other},2024-05-03 07:00:00,false,b,20,600,01:00:00",
    )
    result = parse_garmin_csv(data, "Activities.csv", DistanceUnit.KM)
    (run,) = result.runs
    assert run.distance_m == pytest.approx(10020)
    assert run.duration_s == 52 * 60 + 10
    assert [n.message for n in result.skipped] == [f"not a run ({other})"]


def test_the_danish_export_of_the_issue_imports_its_runs(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(DANISH)
    report = import_paths([path], journal, DistanceUnit.KM)
    assert [r.distance_m for r in journal.runs()] == pytest.approx([10020, 12400])
    assert journal.runs()[1].surface is Surface.TRAIL
    assert [n.message for n in report.skipped] == ["not a run (Cykling)"]


def test_every_language_names_the_three_needed_columns():
    for code, language in LANGUAGES.items():
        assert {"type", "date", "distance"} <= set(language.columns), code
        assert all(is_running_type(name) for name in language.running), code


def test_unrecognised_headers_are_listed_with_the_columns_needed(tmp_path, journal):
    path = tmp_path / "export.csv"
    path.write_bytes(_csv("Sportart,Tag,Strecke,Dauer", "Lauf,2024-05-02,10,00:50:00"))
    report = import_paths([path], journal)
    (note,) = report.skipped
    assert "its columns are 'Sportart', 'Tag', 'Strecke', 'Dauer'" in note.message
    assert "needs columns for the activity type, the date and the distance" in note.message
    assert "Activity ID, Activity Date, Activity Type" in note.message


def test_a_garmin_export_without_its_distance_column_says_which_is_missing(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(_csv("Aktivitetstype,Dato,Tid", "Løb,2024-05-02 07:12:40,00:52:10"))
    report = import_paths([path], journal, DistanceUnit.KM)
    (failure,) = report.failed
    assert failure.message == "not a Garmin Connect Activities.csv (no column for the distance)"


# ---- the distance unit ---------------------------------------------------------------------------------------


def test_unit_words_in_the_header_decide_and_are_said(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(_csv("Activity Type,Date,Title,Distance (mi),Time", "Running,2024-05-02 07:12:40,a,6.2,00:52:10"))
    assert needs_units([path]) == []
    report = import_paths([path], journal)
    assert journal.runs()[0].distance_m == pytest.approx(6.2 * METRES_PER_MILE)
    assert "distances read in mi, as the file's header says" in report.warnings[0].message


def test_the_header_wins_over_a_unit_chosen_otherwise_and_says_so(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(
        _csv("Activity Type,Date,Distance,Time,Avg Pace (min/mi)", "Running,2024-05-02 07:12:40,6.2,00:52:10,8:25")
    )
    report = import_paths([path], journal, DistanceUnit.KM)
    assert journal.runs()[0].distance_m == pytest.approx(6.2 * METRES_PER_MILE)
    assert "as the file's header says, not in km" in report.warnings[0].message


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        (["Distance (km)", "Avg Pace (min/km)"], DistanceUnit.KM),
        (["Distance", "Avg Speed (mph)"], DistanceUnit.MI),
        (["Distance", "Avg Pace"], None),
        (["Distance (mi)", "Max Speed (km/h)"], None),  # both: the header does not decide
        (["Minimum Elevation", "Min Temp", "Time"], None),
    ],
)
def test_header_unit_words(header, unit):
    assert header_unit(header) is unit


def test_speeds_only_plausible_in_miles_show_a_miles_export(tmp_path, journal):
    # 2.0 in 48 min and 3.0 in 70 min: 2.5-2.6 km/h if kilometres (slower than any walk), 4.0-4.1 km/h if miles
    # (a walk-run); a real "running" of 3.4 km/h in kilometres is not taken for miles (test_import_attack)
    path = tmp_path / "Activities.csv"
    path.write_bytes(
        _csv(
            "Activity Type,Date,Distance,Time",
            "Running,2024-05-02 07:12:40,2.00,00:48:00",
            "Running,2024-05-04 07:12:40,3.00,01:10:00",
            "Running,2024-05-06 07:12:40,2.00,00:45:10",
        )
    )
    report = import_paths([path], journal)
    assert [round(r.distance_m) for r in journal.runs()] == [round(d * METRES_PER_MILE) for d in (2.00, 3.00, 2.00)]
    assert "only miles make it a running speed" in report.warnings[0].message


def test_speeds_only_plausible_in_kilometres_show_a_kilometres_export():
    unit, why = speed_unit([(10.0, 40 * 60), (21.1, 90 * 60)])  # 15 km/h; as miles 24 km/h, faster than any marathon
    assert unit is DistanceUnit.KM and "only kilometres" in why
    assert speed_unit([(10.0, 55 * 60)]) == (None, "")  # 10.9 km/h or 17.6 km/h: both could be a run


def test_the_cli_refuses_a_csv_whose_unit_it_cannot_tell_without_units(tmp_path, capsys):
    path = tmp_path / "Activities.csv"
    path.write_bytes(DANISH)
    db = tmp_path / "j.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "does not show whether they are kilometres or miles; run again with --units km or --units mi" in err
    if db.exists():
        with Journal.open(db) as journal:
            assert journal.runs() == []
    assert main(["import", "--db", str(db), "--units", "mi", str(path)]) == 0
    with Journal.open(db) as journal:
        assert journal.runs()[0].distance_m == pytest.approx(10.02 * METRES_PER_MILE)


def test_a_watched_or_unattended_import_never_guesses(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(DANISH)
    result = parse_garmin_csv(DANISH, "Activities.csv", None)
    assert result.runs == [] and result.unit_unknown
    assert result.skipped[-1].message == UNIT_UNKNOWN
