"""Start Run Journal: ``python main.py`` opens the window; ``python main.py --help`` lists the commands."""

import sys

from journal.app import main

if __name__ == "__main__":
    sys.exit(main())
