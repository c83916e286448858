"""The goal race in the window: the Race page, the race dialog, its chart, and the line under the flag banner."""
