"""The command line: ``python main.py [--db PATH] [--demo] COMMAND ...``.

One small module per command lives in ``journal.cli.commands``; each defines
``register(subparsers)`` and sets ``func(args) -> int`` on its parser. Modules
stay light at import time (heavy imports go inside ``func``) so that
``python main.py`` starts the window quickly. With no command, the window opens.

Exit status: 0 done, 1 bad input (a file or argument the command refused),
2 usage error (argparse), 3 the journal file cannot be opened, 141 the output was cut
short by a closed pipe (``stats | head``; see ``output_closed``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from journal import APP_NAME, __version__
from journal.cli import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_NAME}: log runs and back / hamstring pain, see if pain follows jumps in running, "
        "and know when to see a doctor. With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_options(parser)
    import importlib
    import pkgutil

    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def _add_options(parser: argparse.ArgumentParser) -> None:
    """The options before (or after) any command: the journal, the demo, details, the tray."""
    parser.add_argument(
        "--db", metavar="PATH", help="journal file to open (default: your journal in the user data folder)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a generated six-month example journal in a temporary file"
    )
    parser.add_argument("--verbose", action="store_true", help="print details, which may include health data")
    parser.add_argument(
        "--minimised",
        "--minimized",
        dest="minimised",
        action="store_true",
        help="start in the system tray to remind you to check in (as when starting with the desktop session)",
    )


EXIT_OUTPUT_CLOSED = 141
"""128 + SIGPIPE (13): the status a shell reports for a program whose reader went away (``seq 1 100000 | head``)."""


def output_closed() -> int:
    """The program reading our output stopped reading (``stats | head``, a pager closed early): stop quietly.

    Like the command-line tools killed by SIGPIPE, nothing is printed and the exit status is
    141, so ``set -o pipefail`` scripts still see that the output was cut short; whatever the
    command had written to the journal or to a file before that stays written. Python ignores
    SIGPIPE, so the closed pipe arrives as BrokenPipeError; stdout and stderr are pointed at
    /dev/null, so the interpreter's last flush on the way out has nothing to complain about.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptors to point anywhere (an embedded interpreter)
        pass
    return EXIT_OUTPUT_CLOSED


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed command line; the window's own options are parsed without loading every command (start-up).

    ``--help``, ``--version`` and usage errors print and raise SystemExit here; their output is
    flushed first, so a closed pipe shows as BrokenPipeError (``main`` calls ``output_closed``),
    not as a complaint at exit.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _window_only(args) or build_parser().parse_args(args)
    except SystemExit:
        sys.stdout.flush()
        sys.stderr.flush()
        raise


def _window_only(args: list[str]) -> argparse.Namespace | None:
    """The window's options, when that is all there is (no command, no help, nothing wrong); else None."""
    if any(a in ("-h", "--help") or (a.startswith("--v") and "--version".startswith(a)) for a in args):
        return None
    parser = argparse.ArgumentParser(prog="main.py", add_help=False, exit_on_error=False, allow_abbrev=False)
    _add_options(parser)
    try:
        namespace, rest = parser.parse_known_args(args)
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong
    if rest:
        return None
    namespace.command = None
    return namespace


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command; the caller has checked that one was given.

    Whatever goes wrong ends with a message on stderr and an exit status, never a
    traceback (whose values could be health data) unless ``--verbose`` asks for the
    details: the commands' own refusals as they say, an unexpected error 1.
    """
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, not as a complaint when the interpreter exits
        return status
    except BrokenPipeError:
        return output_closed()
    except KeyboardInterrupt:
        print("Stopped; nothing more was changed.", file=sys.stderr)
        return 130
    except Exception as exc:  # the last guard: a message, not a traceback
        if args.verbose:
            import traceback

            traceback.print_exc()
        if isinstance(exc, MemoryError):
            what = "it ran out of memory"
        else:
            what = f"of an unexpected problem ({type(exc).__name__})"
        print(
            f"error: the command stopped because {what}; the journal was left as it was. "
            "Run it again with --verbose to see the details.",
            file=sys.stderr,
        )
        return 1
