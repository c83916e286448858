"""``report --out FILE.pdf [--from DATE] [--to DATE] [--include-notes] [--paper A4|Letter] [--force]``.

The summary for a doctor visit as a PDF. The default period is the last 8
calendar weeks (this week so far and the 7 before it); ``--from`` alone runs to
today, ``--to`` alone covers the 8 weeks up to that day.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, iso_date, open_journal


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "report", "write the summary for a doctor visit as a PDF")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="first day (default: 8 weeks back)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last day (default: today)")
    p.add_argument("--include-notes", action="store_true", help="print the notes you wrote (left out by default)")
    p.add_argument("--paper", choices=["A4", "Letter"], help="paper size (default: the journal's setting)")
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.set_defaults(func=run)


def period(args: argparse.Namespace, week_start, today: date | None = None) -> tuple[date, date]:
    """The report's first and last day from ``--from``/``--to`` (see the module docstring)."""
    from journal.interchange.report.report_model import default_period

    today = today or date.today()
    end = args.date_to or today
    start = args.date_from or default_period(end, week_start)[0]
    if start > end:
        raise CommandError(f"--from {start} is after --to {end}")
    return start, end


@guarded
def run(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CommandError(f"{out} is a folder; --out names the PDF file to write")
    if out.exists() and not args.force:
        raise CommandError(f"{out} exists; add --force to replace it")
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist")
    with open_journal(args, create=False) as journal:
        from journal.domain.settings import PaperSize
        from journal.storage.outputs import refusal

        if problem := refusal(out, journal.path):
            raise CommandError(problem)
        from journal.interchange.report.pdf import write_report_pdf
        from journal.interchange.report.report_model import load_report

        start, end = period(args, journal.settings().week_start)
        paper = PaperSize(args.paper) if args.paper else None
        report = load_report(journal, start, end, args.include_notes, paper)
    try:
        write_report_pdf(report, out)
    except OSError as exc:
        from journal.cli.commands.export import write_failure

        raise CommandError(write_failure(out, exc)) from None
    print(f"Wrote the summary for {start} to {end} ({report.paper_size.value}) to {out}")
    return EXIT_OK
