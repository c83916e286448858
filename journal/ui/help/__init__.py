"""Help: the keyboard shortcuts list and the guide (F1), both part of the app (no network)."""
