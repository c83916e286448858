"""Acknowledgements of flags: which flag episode, its rule and region, when, and the person's note.

Flags themselves are computed from the entries (and so is their history); only the
acknowledgements are stored. A new table: existing rows are untouched.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flag_acknowledgements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("flag_key", sa.String(200), nullable=False),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("region", sa.String(40)),
        sa.Column("acknowledged_at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    with op.batch_alter_table("flag_acknowledgements") as batch:
        batch.create_index("ix_flag_acknowledgements_flag_key", ["flag_key"])


def downgrade() -> None:
    with op.batch_alter_table("flag_acknowledgements") as batch:
        batch.drop_index("ix_flag_acknowledgements_flag_key")
    op.drop_table("flag_acknowledgements")
