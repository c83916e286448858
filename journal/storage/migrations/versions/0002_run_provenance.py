"""Where a run came from: source (manual, gpx, tcx, fit, strava, garmin, json), its id there, its file.

Existing runs become ``manual``. The source id lets a second import of the same
activity be recognised as a duplicate.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("source", sa.String(40), nullable=False, server_default="manual"))
        batch.add_column(sa.Column("source_id", sa.String(200)))
        batch.add_column(sa.Column("source_file", sa.Text))
        batch.create_index("ix_runs_source_id", ["source_id"])


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_index("ix_runs_source_id")
        batch.drop_column("source_file")
        batch.drop_column("source_id")
        batch.drop_column("source")
