"""``export --format json|csv|fhir --out PATH [--from DATE] [--to DATE] [--force]``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, iso_date, open_journal
from journal.domain.numbers import counted
from journal.storage.journal import Journal

EXPORTERS: dict[str, Callable[[Journal, Path, argparse.Namespace], str]] = {}
"""Format name -> writer(journal, out, args) returning what it wrote, for the person to read."""


def exporter(name: str):
    def add(
        func: Callable[[Journal, Path, argparse.Namespace], str],
    ) -> Callable[[Journal, Path, argparse.Namespace], str]:
        EXPORTERS[name] = func
        return func

    return add


@exporter("json")
def _export_json(journal: Journal, out: Path, args: argparse.Namespace) -> str:
    from journal.interchange.json_format import dumps
    from journal.interchange.private_files import write_private

    if args.date_from or args.date_to:
        raise CommandError("--from/--to do not apply to the json backup, which always holds the whole journal")
    data = journal.data()
    write_private(out, dumps(data))
    return (
        f"Wrote {counted(len(data.runs), 'run')}, {counted(len(data.checkins), 'check-in')} and "
        f"{counted(len(data.care), 'care entry', 'care entries')} to {out}"
    )


@exporter("csv")
def _export_csv(journal: Journal, out: Path, args: argparse.Namespace) -> str:
    """runs.csv, symptoms.csv and care.csv in the folder ``out`` (made when missing)."""
    from journal.interchange.csv_export import existing_files, write_csv

    if out.exists() and not out.is_dir():
        raise CommandError(f"{out} is a file; for csv, --out names a folder to hold runs.csv and symptoms.csv")
    clash = existing_files(out) if out.is_dir() else []
    if clash and not args.force:
        names = ", ".join(p.name for p in clash)
        raise CommandError(f"{out} already holds {names}; add --force to replace them")
    done = write_csv(journal.data(args.date_from, args.date_to), out)
    return (
        f"Wrote {counted(done.runs, 'run')}, {counted(done.symptom_rows, 'symptom row')} and "
        f"{counted(done.care, 'care entry', 'care entries')} "
        f"as runs.csv, symptoms.csv and care.csv in {out}"
    )


@exporter("fhir")
def _export_fhir(journal: Journal, out: Path, args: argparse.Namespace) -> str:
    """A FHIR R4 JSON Bundle: the Patient, one Observation per pain score and one per run."""
    from journal.interchange import fhir
    from journal.interchange.private_files import write_private

    if out.is_dir():
        raise CommandError(f"{out} is a folder; for fhir, --out names the .json file to write")
    data = journal.data(args.date_from, args.date_to)
    write_private(out, fhir.dumps(data, journal.settings(), include_notes=args.include_notes))
    scores = sum(len(c.scores) for c in data.checkins)
    period = fhir.period_note(args.date_from, args.date_to)
    return (
        f"Wrote a FHIR bundle with {counted(scores, 'pain score')} and {counted(len(data.runs), 'run')} ({period}) "
        f"to {out}"
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "export", "write the journal as a JSON backup, CSV or FHIR")
    p.add_argument(
        "--format", required=True, choices=["json", "csv", "fhir"], help="json: the whole journal as a backup file"
    )
    p.add_argument("--out", required=True, metavar="PATH", help="file (json, fhir) or folder (csv) to write")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="first day (csv, fhir)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last day (csv, fhir)")
    p.add_argument("--include-notes", action="store_true", help="fhir: add the free-text notes (left out by default)")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.set_defaults(func=run)


@guarded
def run(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.exists() and not args.force and not out.is_dir():
        raise CommandError(f"{out} exists; add --force to replace it")
    if not out.parent.is_dir() and not out.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CommandError(f"--from {args.date_from} is after --to {args.date_to}")
    if args.format not in EXPORTERS:
        raise CommandError(f"Export to {args.format} is not available in this version")
    with open_journal(args, create=False) as journal:
        from journal.interchange.csv_export import FILES
        from journal.storage.outputs import refusal

        also = FILES if args.format == "csv" else ()
        if problem := refusal(out, journal.path, also):
            raise CommandError(problem)
        try:
            done = EXPORTERS[args.format](journal, out, args)
        except OSError as exc:
            raise CommandError(write_failure(out, exc)) from None
    print(done)  # after the write: a closed stdout is not a file that could not be written
    return EXIT_OK


def write_failure(out: Path, exc: OSError) -> str:
    """Why ``out`` could not be written, in words (a full disk as a full disk)."""
    from journal.storage.errors import is_disk_full
    from journal.storage.outputs import ProtectedFile

    if isinstance(exc, ProtectedFile):
        return str(exc.strerror)
    if is_disk_full(exc):
        return f"Could not write {out}: the disk is full. Free some space and try again; nothing was written"
    return f"Could not write {out}: {exc.strerror or type(exc).__name__}; nothing was written"
