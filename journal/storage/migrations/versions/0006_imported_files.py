"""Files already imported from watched folders, remembered by the SHA-256 of their content (issue 15).

A new table: existing rows are untouched. A file whose content hash is here is not
read again by a watched-folder import, even after it was moved or renamed.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("outcome", sa.String(20), nullable=False, server_default="imported"),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
    with op.batch_alter_table("imported_files") as batch:
        batch.create_index("ix_imported_files_content_hash", ["content_hash"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("imported_files") as batch:
        batch.drop_index("ix_imported_files_content_hash")
    op.drop_table("imported_files")
