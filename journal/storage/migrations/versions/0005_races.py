"""Goal races (issue 11): name, race day, distance in km, optional goal time in seconds.

A new table: existing rows are untouched. The plan, checks and verdict are
computed from the runs and check-ins, not stored.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "races",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("distance_km", sa.Float, nullable=False),
        sa.Column("goal_time_s", sa.Integer),
    )
    with op.batch_alter_table("races") as batch:
        batch.create_index("ix_races_day", ["day"])


def downgrade() -> None:
    with op.batch_alter_table("races") as batch:
        batch.drop_index("ix_races_day")
    op.drop_table("races")
