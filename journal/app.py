"""Entry point: parse the command line, then run a command or open the window.

Qt is imported only when the window is wanted, so commands start fast and run
on machines without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from journal import cli

    try:
        args = cli.parse(argv)
    except BrokenPipeError:  # --help | head
        return cli.output_closed()
    if args.command:
        return cli.run_command(args)
    from journal.ui.application import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
