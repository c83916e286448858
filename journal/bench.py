"""``python -m journal.bench [--years N ...] [--quick]``: the speed harness, by the name issue 16 gives it.

The harness itself lives with the other development tools in ``journal.devtools.bench``
(outside the product: nothing the app runs imports it). This module only forwards the
command, and imports the harness only when run as a program, so importing it costs nothing.
"""

from __future__ import annotations

if __name__ == "__main__":
    import sys

    from journal.devtools.bench import main

    sys.exit(main())
