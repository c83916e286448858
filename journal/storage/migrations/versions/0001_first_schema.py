"""The first schema: shoes, runs, check-ins with scores and warning signs, care, settings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shoes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("first_used", sa.Date),
        sa.Column("prior_m", sa.Float, nullable=False),
        sa.Column("retire_at_m", sa.Float, nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("distance_m", sa.Float, nullable=False),
        sa.Column("duration_s", sa.Integer),
        sa.Column("effort", sa.Integer),
        sa.Column("surface", sa.String(20)),
        sa.Column("shoe_id", sa.Integer, sa.ForeignKey("shoes.id", ondelete="SET NULL")),
        sa.Column("foot_strike", sa.String(20)),
        sa.Column("stretched", sa.Boolean),
        sa.Column("hydrated", sa.Boolean),
        sa.Column("hot", sa.Boolean),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_runs_started_at", "runs", ["started_at"])
    op.create_index("ix_runs_shoe_id", "runs", ["shoe_id"])
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL")),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_checkins_recorded_at", "checkins", ["recorded_at"])
    op.create_table(
        "symptom_scores",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("checkin_id", sa.Integer, sa.ForeignKey("checkins.id", ondelete="CASCADE"), nullable=False),
        sa.Column("region", sa.String(30), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("timing", sa.String(30)),
        sa.Column("character", sa.String(200), nullable=False),
        sa.Column("radiates", sa.String(20)),
    )
    op.create_index("ix_symptom_scores_checkin_id", "symptom_scores", ["checkin_id"])
    op.create_table(
        "warning_signs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("checkin_id", sa.Integer, sa.ForeignKey("checkins.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sign", sa.String(40), nullable=False),
    )
    op.create_index("ix_warning_signs_checkin_id", "warning_signs", ["checkin_id"])
    op.create_table(
        "care",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("minutes", sa.Integer),
    )
    op.create_index("ix_care_day", "care", ["day"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("settings", "care", "warning_signs", "symptom_scores", "checkins", "runs", "shoes"):
        op.drop_table(table)
