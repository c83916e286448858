"""``flags [--as-of DATE] [--json]``: the flags raised as of a day (default today), and why.

Each flag: its step of the ladder (``emergency``, ``urgent``, ``see_doctor``,
``watch``), what to do, its rule, region, the day it started, the dated entries
behind it, the message (which ends with the line that this journal is not a medical
device) and the guidance it follows with its source. With ``--json``, a list of
``{"rule", "severity", "region", "since", "evidence": [{"date", "score", "what"}],
"message", "action", "headline", "key", "subject", "persistent", "risk_factors",
"last_logged", "sources", "acknowledged"}`` (``region`` null for rules without one,
``score`` null for entries without a score). Exit status 0 whether or not there are
flags. Flags are judged by ``journal.interchange.flag_inputs.check_flags``, the same
call as the window and the report.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from datetime import date
from typing import Any

from journal.cli.common import EXIT_OK, add_command, guarded, iso_date, open_journal

EVIDENCE_SHOWN = 10
"""Plain output lists at most this many evidence entries (the first and last halves); --json lists all."""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "flags", "list lingering pain and warning signs that call for a doctor, with the evidence")
    p.add_argument("--as-of", dest="as_of", type=iso_date, metavar="DATE", help="judge as of this day (default today)")
    p.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    p.set_defaults(func=run)


def _evidence_text(flag: Any) -> str:
    from journal.analysis.flags.wording import short_day

    items = [
        f"{short_day(e.day)} {e.what}" if e.score is None else f"{short_day(e.day)} {e.score}/10" for e in flag.evidence
    ]
    if len(items) > EVIDENCE_SHOWN:
        half = EVIDENCE_SHOWN // 2
        items = [*items[:half], f"... {len(items) - EVIDENCE_SHOWN} more ...", *items[-half:]]
    return "; ".join(items)


def flags_text(flags: list[Any], as_of: date, acknowledged: dict[str, list[Any]]) -> str:
    """The plain report: one block per flag, most urgent first, then the not-a-medical-device line."""
    from journal.analysis.flags import DISCLAIMER, Severity
    from journal.analysis.flags.wording import day_text

    wrap = textwrap.TextWrapper(width=100, initial_indent="  ", subsequent_indent="  ")
    if not flags:
        return "\n".join(
            [f"No flags as of {day_text(as_of)}: nothing in the journal meets a flag rule.", "", DISCLAIMER]
        )
    lines = [f"{len(flags)} flag{'s' if len(flags) != 1 else ''} as of {day_text(as_of)}, most urgent first:", ""]
    for flag in flags:
        if flag.severity is Severity.EMERGENCY:
            lines += ["!" * 72, f"!! EMERGENCY: {flag.action}", "!" * 72]
        lines.append(f"[{flag.severity.label.upper()}] {flag.headline}")
        region = f", {flag.region.label.lower()}" if flag.region else ""
        lines.append(f"  Rule: {flag.rule} ({flag.severity.value}){region}; since {day_text(flag.since)}")
        lines += wrap.wrap(flag.message.removesuffix(DISCLAIMER).strip())
        lines += wrap.wrap(f"Evidence ({len(flag.evidence)}): {_evidence_text(flag)}")
        for source in flag.sources:
            lines.append(f"  Source: {source.name} <{source.url}>")
        for ack in acknowledged.get(flag.key, []):
            note = f": {ack.note}" if ack.note else ""
            lines += wrap.wrap(f"Acknowledged {ack.acknowledged_at:%Y-%m-%d %H:%M}{note}")
        lines.append("")
    lines.append(DISCLAIMER)
    return "\n".join(lines)


@guarded
def run(args: argparse.Namespace) -> int:
    from journal.interchange.flag_inputs import check_flags

    as_of = args.as_of or date.today()
    with open_journal(args, create=False) as journal:
        check = check_flags(journal, as_of)
    if args.json:
        shapes = [
            {**f.to_json(), "acknowledged": [_ack_json(a) for a in check.acknowledged.get(f.key, [])]}
            for f in check.flags
        ]
        print(json.dumps(shapes, indent=1, ensure_ascii=False))
    else:
        print(flags_text(check.flags, as_of, check.acknowledged))
    return EXIT_OK


def _ack_json(ack: Any) -> dict[str, Any]:
    return {"at": ack.acknowledged_at.isoformat(timespec="minutes"), "note": ack.note}
