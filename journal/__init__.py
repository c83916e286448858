"""Run journal: a desktop symptom journal for runners with back or hamstring pain.

Layers (enforced by import-linter contracts in pyproject.toml):
``journal.domain`` plain records and rules; ``journal.storage`` the SQLite file;
``journal.analysis`` training load, pain trends and flags; ``journal.interchange``
and ``journal.importers`` files in and out; ``journal.cli`` the command line;
``journal.ui`` the Qt window, the only package that imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "Run Journal"
