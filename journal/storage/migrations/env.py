"""Alembic environment for the journal: always run on a connection we hand it.

``journal.storage.migrate`` passes an open SQLAlchemy connection in
``config.attributes["connection"]``; batch mode is on because SQLite cannot
ALTER most things in place (Alembic's "move and copy" batch operations).
"""

from alembic import context

from journal.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
