"""A quote split by its attribution keeps the offsets of its quoted pieces, which its text joins.

Revision ID: 0004
Revises: 0003

Statements stored before this revision have none, though their text may join pieces.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    # a plain ALTER, as in 0002 and 0003, so SQLite's full-text triggers stay
    op.add_column("statements", sa.Column("pieces", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    op.drop_column("statements", "pieces")
