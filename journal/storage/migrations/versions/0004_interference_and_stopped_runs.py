"""How much pain got in the way (check-ins), runs cut short by pain, and "I have had this checked" (issue 10).

``checkins.interference``: the activity item of the PEG scale, 0-10, null where
not asked (every check-in made before this revision). ``runs.stopped_for_pain``:
the run was cut short because of pain, null where not recorded. Both columns are
new and nullable, so existing rows keep every value; new warning signs and the
``numbness`` character are new values in existing text columns and need no change.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkins") as batch:
        batch.add_column(sa.Column("interference", sa.Integer))
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("stopped_for_pain", sa.Boolean))
    with op.batch_alter_table("flag_acknowledgements") as batch:
        batch.add_column(sa.Column("checked", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("flag_acknowledgements") as batch:
        batch.drop_column("checked")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("stopped_for_pain")
    with op.batch_alter_table("checkins") as batch:
        batch.drop_column("interference")
