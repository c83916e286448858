"""Hostile and unlucky inputs found by attacking the importers after issue 15: each test is one bug, built here.

Every input is made in the test (in tmp_path or in memory), small and fast; what is checked
is what a person would notice: the runs saved, their dates and distances, the message.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from journal.domain.entries import Run
from journal.importers import dedupe
from journal.importers.dedupe import RunIndex


def test_one_long_run_does_not_make_every_lookup_compare_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 3.9-day run long before 5,000 short runs packed into 21 hours: the duplicate check compared every
    short run with every earlier one (the window reached back as far as the longest run in the index),
    minutes for a 20,000-row export. Now each lookup compares a handful."""
    calls = [0]
    real = dedupe.same_activity

    def counted(a: Run, b: Run) -> bool:
        calls[0] += 1
        return real(a, b)

    monkeypatch.setattr(dedupe, "same_activity", counted)
    index = RunIndex([Run(started_at=datetime(2020, 1, 1, 6, 0), distance_m=20_000.0, duration_s=336_000)])
    start = datetime(2023, 1, 1, 6, 0)
    short = [
        Run(started_at=start + timedelta(seconds=15 * i), distance_m=1000.0 * 1.05 ** (i % 60), duration_s=9)
        for i in range(5000)
    ]
    for run in short:
        assert index.find(run) is None
        index.add(run)
    assert calls[0] < 20 * len(short)
    # and it still finds what it should: the long run, and a short run by its overlap
    assert index.find(Run(started_at=datetime(2020, 1, 2), distance_m=5.0, duration_s=60)) == 0
    assert index.find(Run(started_at=start + timedelta(seconds=15 * 10 + 1), distance_m=1.0, duration_s=8)) == 11


def test_the_earliest_of_several_matches_is_found_whatever_their_lengths() -> None:
    """Two stored runs are the same activity as a new one; the one that starts first is named, as before."""
    base = datetime(2024, 5, 1, 7, 0)
    long_first = Run(started_at=base, distance_m=10_000.0, duration_s=4000)
    short_later = Run(started_at=base + timedelta(seconds=30), distance_m=10_000.0, duration_s=3600)
    index = RunIndex([short_later, long_first])
    assert index.find(Run(started_at=base + timedelta(seconds=40), distance_m=10_050.0, duration_s=3500)) == 1


def test_a_watched_import_saves_its_runs_and_remembers_its_files_together_or_not_at_all(
    samples, tmp_path, journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs were saved in one transaction and the files' hashes in a second: when the second failed (a full
    disk), the runs stayed with their files forgotten, so a run the person then deleted came back at the next
    scan. Now one transaction holds both; here its file part fails (a hash stored twice)."""
    from journal.importers.watched import import_new_files
    from journal.storage import imported_files
    from journal.storage.files import JournalFileError

    first = tmp_path / "first.tcx"
    first.write_bytes((samples / "tcx" / "test.tcx").read_bytes())
    import_new_files(journal, [first])
    second = tmp_path / "second.fit"
    second.write_bytes((samples / "fit" / "garmin-fenix-5-run.fit").read_bytes())
    copy = tmp_path / "copy-of-first.tcx"
    copy.write_bytes(first.read_bytes())
    monkeypatch.setattr(imported_files, "known", lambda _journal, _hashes: set())  # so the write meets a stored hash
    with pytest.raises(JournalFileError):
        import_new_files(journal, [second, copy])
    assert [run.source for run in journal.runs()] == ["tcx"], "the FIT run was saved without its file remembered"


def _garmin(*rows: str, header: str = "Activity Type,Date,Distance,Time,Moving Time,Elapsed Time") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def test_dates_of_a_csv_re_saved_by_a_british_spreadsheet_are_not_read_month_first() -> None:
    """Excel in English (UK) writes 01/03/2024 for 1 March: it was read as 3 January, silently."""
    from journal.domain.units import DistanceUnit
    from journal.importers.garmin_csv import parse_garmin_csv

    data = _garmin(
        "Running,01/03/2024 07:00,10.00,00:55:00,00:55:00,00:55:00",
        "Running,20/03/2024 07:00,8.00,00:45:00,00:45:00,00:45:00",
    )
    result = parse_garmin_csv(data, "Activities.csv", DistanceUnit.KM)
    assert [r.started_at for r in result.runs] == [datetime(2024, 3, 1, 7, 0), datetime(2024, 3, 20, 7, 0)]
    american = _garmin("Running,3/14/2024 7:00,10.00,00:55:00,,", "Running,3/1/2024 7:00,8.00,00:45:00,,")
    assert [r.started_at.date().isoformat() for r in parse_garmin_csv(american, "a.csv", DistanceUnit.KM).runs] == [
        "2024-03-14",
        "2024-03-01",
    ]


def test_slashed_dates_that_could_be_either_order_are_skipped_with_the_reason_not_guessed() -> None:
    from journal.domain.units import DistanceUnit
    from journal.importers.garmin_csv import parse_garmin_csv

    data = _garmin("Running,01/03/2024 07:00,10.00,00:55:00,,", "Running,2024-03-05 07:00:00,8.00,00:45:00,,")
    result = parse_garmin_csv(data, "Activities.csv", DistanceUnit.KM)
    assert [r.started_at for r in result.runs] == [datetime(2024, 3, 5, 7, 0)]  # Garmin's own format still reads
    (skipped,) = result.skipped
    assert "line 2" in skipped.file and "day-first or month-first" in skipped.message


def test_a_long_stop_does_not_make_a_kilometres_export_look_like_miles() -> None:
    """10 km in 55 minutes of running, 2 h 45 elapsed with a café stop: at 3.6 km/h (elapsed) only miles looked
    like a run, so 10 km was stored as 16.09 km. The moving time (10.9 km/h) shows nothing either way: asked."""
    from journal.importers.garmin_csv import parse_garmin_csv

    result = parse_garmin_csv(_garmin("Running,2024-03-01 07:00:00,10.00,00:55:00,00:55:00,02:45:00"), "a.csv", None)
    assert result.runs == [] and result.unit_unknown


def test_a_negative_time_is_not_read_as_a_positive_one() -> None:
    from journal.domain.units import DistanceUnit
    from journal.importers.garmin_csv import parse_garmin_csv

    result = parse_garmin_csv(
        _garmin("Running,2024-03-01 07:00:00,5.00,-00:30:00,-00:30:00,-00:30:00"), "a.csv", DistanceUnit.KM
    )
    (run,) = result.runs
    assert run.duration_s is None
    (warning,) = result.warnings  # one warning for the row, not one per time column
    assert "'-00:30:00' is not a time" in warning.message


def test_a_garmin_csv_with_only_its_header_says_so() -> None:
    from journal.importers.garmin_csv import parse_garmin_csv

    (skipped,) = parse_garmin_csv(_garmin(), "Activities.csv", None).skipped
    assert "no activities in the file" in skipped.message


@pytest.mark.parametrize("kind", ["Běh na lyžích", "Beh na lyžiach", "Бег на лыжах", "Sífutás", "Tájfutás"])
def test_cross_country_skiing_and_orienteering_are_not_runs_in_any_language(kind: str) -> None:
    from journal.importers.garmin_languages import is_running_type

    assert not is_running_type(kind)


def test_a_csv_saved_as_unicode_text_by_a_spreadsheet_is_read(tmp_path, journal) -> None:
    """Excel's "Unicode text" is UTF-16 with tabs: its header came out as 'ÿþA\\x00c\\x00t...', not recognised."""
    from journal.domain.units import DistanceUnit
    from journal.importers.run import import_paths

    text = "Activity Type\tDate\tTitle\tDistance\tTime\nRunning\t2024-03-01 07:00:00\tRun\t10.00\t00:52:10\n"
    with_bom = tmp_path / "Activities.csv"
    with_bom.write_bytes(text.encode("utf-16"))
    without = tmp_path / "no-bom" / "Activities.csv"
    without.parent.mkdir()
    without.write_bytes(text.replace("2024-03-01", "2024-03-02").encode("utf-16-le"))
    report = import_paths([with_bom, without], journal, DistanceUnit.KM)
    assert [(r.started_at.day, r.distance_m) for r in journal.runs()] == [(1, 10_000.0), (2, 10_000.0)], report


def test_a_garmin_csv_re_saved_by_a_german_spreadsheet_is_read_with_its_decimal_commas(tmp_path, journal) -> None:
    """Semicolons between the fields, 10,02 for 10.02 and a dotted date: it was not recognised at all."""
    from journal.domain.units import DistanceUnit
    from journal.importers.run import import_paths

    path = tmp_path / "Activities.csv"
    path.write_bytes(
        "Aktivitätstyp;Datum;Titel;Distanz;Zeit\nLaufen;01.03.2024 07:00;Lauf;10,02;00:52:10\n".encode("cp1252")
    )
    import_paths([path], journal, DistanceUnit.KM)
    (run,) = journal.runs()
    assert run.started_at == datetime(2024, 3, 1, 7, 0) and run.distance_m == pytest.approx(10_020.0)


@pytest.mark.parametrize(
    ("text", "decimal_comma", "value"),
    [("10,02", True, 10.02), ("1.234,5", True, 1234.5), ("10.02", True, 10.02), ("0.500", True, 0.5)],
)
def test_numbers_of_a_decimal_comma_file(text: str, decimal_comma: bool, value: float) -> None:
    from journal.importers.values import parse_number

    assert parse_number(text, decimal_comma) == pytest.approx(value)


def test_a_thousands_group_never_starts_with_zero() -> None:
    from journal.importers.values import parse_number

    with pytest.raises(ValueError):
        parse_number("0,500")  # not five hundred


@pytest.fixture
def west_of_greenwich(monkeypatch: pytest.MonkeyPatch):
    """A computer five hours behind UTC: 1 January of year 1, 00:00 UTC, has no local time."""
    import time

    monkeypatch.setenv("TZ", "EST5")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _gpx_at(stamp: str) -> bytes:
    points = "".join(
        f'<trkpt lat="{46.0 + i * 0.01}" lon="14.5"><time>{stamp.replace("00:00:00", f"00:{i:02d}:00")}</time></trkpt>'
        for i in range(3)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def test_a_time_at_the_edge_of_the_calendar_is_a_bad_date_not_a_crash(west_of_greenwich) -> None:
    """Year 1 in a GPX failed as 'the reader stopped with OverflowError'; in a Strava export it failed the whole
    file, every other row with it."""
    from journal.domain.units import DistanceUnit
    from journal.importers.gpx import parse_gpx
    from journal.importers.strava import parse_strava_csv
    from tests.import_helpers import STRAVA_HEADER, csv_bytes, strava_row

    (skipped,) = parse_gpx(_gpx_at("0001-01-01T00:00:00Z"), "old.gpx").skipped
    assert "outside the dates a run can have" in skipped.message
    rows = [
        strava_row(1, "Jan 1, 0001, 12:00:00 AM", elapsed="1800", metres="5000"),
        strava_row(2, "Mar 3, 2024, 7:00:00 AM", elapsed="1800", metres="5000"),
    ]
    result = parse_strava_csv(csv_bytes(STRAVA_HEADER, rows), "activities.csv", DistanceUnit.KM)
    assert [r.source_id for r in result.runs] == ["2"]
    assert "outside the dates a run can have" in result.skipped[0].message


def _tcx(sport: str, *laps: tuple[str, str]) -> bytes:
    body = "".join(
        f'<Lap StartTime="2024-01-02T07:00:00Z"><TotalTimeSeconds>{t}</TotalTimeSeconds>'
        f"<DistanceMeters>{d}</DistanceMeters></Lap>"
        for t, d in laps
    )
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>2024-01-02T07:00:00Z</Id>{body}</Activity></Activities>'
        "</TrainingCenterDatabase>"
    ).encode()


def test_a_negative_lap_distance_is_not_subtracted_from_the_run() -> None:
    """Laps of 5,000 m and -4,000 m made a run of 1 km."""
    from journal.importers.tcx import parse_tcx

    result = parse_tcx(_tcx("Running", ("1800", "5000"), ("1800", "-4000")), "x.tcx")
    assert result.runs == []
    assert "negative" in result.skipped[0].message


def test_a_tcx_whose_sport_is_written_in_lower_case_is_a_run() -> None:
    from journal.importers.tcx import parse_tcx

    (run,) = parse_tcx(_tcx("running", ("1800", "5000")), "x.tcx").runs
    assert run.distance_m == 5000.0


def test_pipes_and_links_to_devices_in_a_watched_folder_are_named_not_passed_over(samples, tmp_path, journal) -> None:
    """A named pipe called x.tcx and a link to /dev/zero called y.fit were left out in silence; a young pipe
    would have been 'retried' as a file still being written."""
    import os

    from journal.importers.watched import activity_files, import_new_files

    folder = tmp_path / "sync"
    folder.mkdir()
    (folder / "run.fit").write_bytes((samples / "fit" / "garmin-fenix-5-run.fit").read_bytes())
    os.mkfifo(folder / "pipe.tcx")
    (folder / "zero.fit").symlink_to("/dev/zero")
    outcome = import_new_files(journal, activity_files([folder]))
    failed = {os.path.basename(n.file): n.message for n in outcome.report.failed}
    assert "named pipe" in failed["pipe.tcx"] and "/dev/zero" in failed["zero.fit"]
    assert outcome.retry == [] and len(outcome.report.imported) == 1


def test_a_csv_whose_first_line_is_data_is_not_quoted_in_the_report(tmp_path, journal) -> None:
    """A CSV without a header had its first row (here a journal's own notes) printed as 'its columns are...'."""
    from journal.importers.run import import_paths

    path = tmp_path / "symptoms.csv"
    path.write_text("2024-03-01,Lower back,7,Knee Zebra after the long run\n", encoding="utf-8")
    report = import_paths([path], journal)
    (note,) = report.skipped
    assert "Zebra" not in note.message and "holds values" in note.message


@pytest.mark.parametrize(
    ("sample", "name"),
    [("fit/garmin-fenix-5-run.fit", "run.gpx"), ("tcx/test.tcx", "run.gpx"), ("gpx/cerknicko-jezero.gpx", "run.fit")],
)
def test_a_file_whose_name_says_another_format_is_read_as_what_it_is(samples, tmp_path, journal, sample, name):
    """A FIT file saved as .gpx failed with 'not readable as utf-8 text'; a TCX saved as .gpx was 'no track'."""
    from journal.importers.run import import_paths

    path = tmp_path / name
    path.write_bytes((samples / sample).read_bytes())
    report = import_paths([path], journal)
    assert len(report.imported) == 1
    assert "its name says" in report.warnings[-1].message


def test_a_zip_or_gzip_under_another_name_says_what_to_rename(samples, tmp_path, journal) -> None:
    import gzip
    import zipfile

    from journal.importers.run import import_paths

    packed = tmp_path / "run.gpx"
    packed.write_bytes(gzip.compress((samples / "gpx" / "cerknicko-jezero.gpx").read_bytes()))
    zipped = tmp_path / "export.fit"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.tcx", (samples / "tcx" / "test.tcx").read_bytes())
    failed = {n.file: n.message for n in import_paths([packed, zipped], journal).failed}
    assert "rename it run.gpx.gz" in failed[str(packed)]
    assert "name it .zip" in failed[str(zipped)]


def test_a_zip_entry_named_with_control_characters_cannot_forge_lines_of_the_report(tmp_path, capsys) -> None:
    """A newline and an escape sequence in a zip entry's name printed a fake 'Imported 99 runs' line and
    turned the terminal red."""
    import zipfile

    from journal.app import main

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("evil\x1b[31m\nImported 99 runs.gpx", b"<gpx")
    assert main(["import", "--db", str(tmp_path / "j.sqlite3"), str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\nImported 99" not in out
    assert "evil\\x1b[31m\\nImported 99 runs.gpx" in out


def test_a_watched_folder_that_cannot_be_listed_is_named(samples, tmp_path, monkeypatch, capsys) -> None:
    """A folder the person may not read was counted as read, with no activity files, and nothing said."""
    import os

    from journal.app import main
    from journal.importers import watched

    folder = tmp_path / "sync"
    (folder / "locked").mkdir(parents=True)
    (folder / "run.fit").write_bytes((samples / "fit" / "garmin-fenix-5-run.fit").read_bytes())
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(watched.os, "scandir", scandir)
    assert main(["import", "--db", str(tmp_path / "j.sqlite3"), "--watch-folders", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"{folder / 'locked'}: cannot be read (Permission denied)" in out
    assert "1 read now" in out


GERMAN_STRAVA = (
    "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,Verstrichene Zeit,"
    "Distanz,Max. Herzfrequenz,Relative Leistung,Pendeln,Hinweis zur Privatsphäre für Aktivitäten,"
    "Aktivitätsausrüstung,Dateiname,Sportlergewicht,Fahrradgewicht,Verstrichene Zeit,Bewegungszeit,Distanz\n"
    '19404735112,"20.09.2024, 14:12:12",Lauf am Nachmittag,Lauf,,1390,"2,81",190,12,false,,Pegasus,'
    "activities/19404735112.fit.gz,,,1390,1300,2810.0\n"
    '19404735113,"21.09.2024, 08:00:00",Radfahrt,Radfahrt,,3600,"30,10",150,40,false,,,,,,3600,3500,30100.0\n'
)
FRENCH_STRAVA = (
    "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité,Description de l'activité,Temps écoulé,"
    "Distance,Fréquence cardiaque max.,Effort relatif,Déplacement-transport,Note privée sur les activités,"
    "Matériel utilisé pour l'activité,Nom du fichier,Poids de l'athlète,Poids du vélo,Temps écoulé,"
    "Durée de déplacement,Distance\n"
    '1,"4 févr. 2024, 14:57:37",Sortie,Course à pied,,3000,"10,02",,,false,,,,,,3000,2900,\n'
    '2,"5 août 2024, 07:00:00",Nage,Natation,,1800,"1,50",,,false,,,,,,1800,1700,1500.0\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GERMAN_STRAVA, [("19404735112", datetime(2024, 9, 20, 14, 12, 12), 2810.0, 1390, "Pegasus")]),
        (FRENCH_STRAVA, [("1", datetime(2024, 2, 4, 14, 57, 37), 10_020.0, 3000, None)]),
    ],
)
def test_a_strava_export_in_german_or_french_is_read(text: str, expected, monkeypatch: pytest.MonkeyPatch) -> None:
    """Strava writes activities.csv in the account's language: a German or French export was 'not a Strava
    activities.csv' and nothing of it was read."""
    import time

    from journal.domain.units import DistanceUnit
    from journal.importers.strava import parse_strava_csv

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        result = parse_strava_csv(text.encode("utf-8"), "activities.csv", DistanceUnit.KM)
    finally:
        monkeypatch.undo()
        time.tzset()
    got = [(r.source_id, r.started_at, r.distance_m, r.duration_s, r.shoe) for r in result.runs]
    assert got == [(i, t, pytest.approx(d), s, g) for i, t, d, s, g in expected]
    assert "not a run" in result.skipped[0].message


def test_watch_folders_says_why_a_path_given_was_not_read(tmp_path, capsys) -> None:
    """A CSV or a named pipe given to --watch-folders was 'not a folder found now (a watch that is not
    connected...)'."""
    import os

    from journal.app import main

    other = tmp_path / "Activities.csv"
    other.write_text("Activity Type,Date,Distance\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.tcx")
    argv = ["import", "--db", str(tmp_path / "j.sqlite3"), "--watch-folders", str(other), str(tmp_path / "pipe.tcx")]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"{other}: not read: only folders and FIT, TCX and GPX files are watched" in out
    assert f"{tmp_path / 'pipe.tcx'}: is a named pipe" in out


def test_a_slow_run_in_kilometres_is_not_taken_for_miles() -> None:
    """A real Portuguese export holds a 'Corrida' of 2.49 km in 44:07 of moving time (3.4 km/h). Under the old
    4 km/h floor only miles made it a running speed, and 2.49 km was stored as 4.01 km."""
    from journal.importers.garmin_csv import parse_garmin_csv

    header = "Tipo de atividade,Data,Título,Distância,Tempo total,Tempo em movimento,Tempo transcorrido"
    data = f'{header}\nCorrida,2026-07-10 17:55:15,"São Paulo Corrida","2.49","00:44:17","00:44:07","00:49:23"\n'
    result = parse_garmin_csv(data.encode("utf-8"), "Activities.csv", None)
    assert result.runs == [] and result.unit_unknown


def test_the_rows_of_a_real_portuguese_export_import_with_their_surface_and_elapsed_time() -> None:
    from journal.domain.units import DistanceUnit
    from journal.domain.vocabulary import Surface
    from journal.importers.garmin_csv import parse_garmin_csv

    header = (
        "Tipo de atividade,Data,Favorito,Título,Distância,Calorias,Tempo total,Tempo em movimento,Tempo transcorrido"
    )
    rows = [
        'Cardiovascular,2026-07-16 17:48:19,false,"Cardio","0.00","509","01:07:05","00:00:00","01:07:36"',
        'Corrida,2026-07-10 17:55:15,false,"São Paulo Corrida","2.49","296","00:44:17","00:44:07","00:49:23"',
        'Corrida em esteira,2026-07-07 20:08:02,false,"Corrida em esteira","3.11","434","00:33:54","00:31:51",'
        '"00:36:29"',
    ]
    result = parse_garmin_csv("\n".join([header, *rows]).encode("utf-8"), "Activities.csv", DistanceUnit.KM)
    assert [(r.distance_m, r.duration_s, r.surface) for r in result.runs] == [
        (pytest.approx(2490.0), 49 * 60 + 23, None),
        (pytest.approx(3110.0), 36 * 60 + 29, Surface.TREADMILL),
    ]
