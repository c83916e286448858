"""Versioned schema migrations with Alembic, applied when a journal is opened.

``HEAD`` names the newest revision this version of the app knows. Opening a
journal compares it with the revision stored in the file using plain sqlite3,
so start-up imports Alembic only when there is something to migrate. A file
whose revision is not one of ours was made by a newer app and is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
"""Every revision, oldest first; a test checks this against the scripts."""
HEAD = REVISIONS[-1]


def _config(connection: Connection | None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Bring the schema on ``connection`` up to ``revision`` (in its own transaction)."""
    from alembic import command

    command.upgrade(_config(connection), revision)


def script_heads() -> tuple[str, ...]:
    """The head revisions of the migration scripts (for the consistency test)."""
    from alembic.script import ScriptDirectory

    config = _config(None)
    return tuple(ScriptDirectory.from_config(config).get_heads())
