"""Statements say which of their article's texts their offsets index: the body, or the title.

Revision ID: 0003
Revises: 0002

Statements stored before this revision were all read from the body.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    # a plain ALTER, as in 0002, so SQLite's full-text triggers stay
    op.add_column("statements", sa.Column("part", sa.String(8), nullable=False, server_default="text"))


def downgrade() -> None:
    op.drop_column("statements", "part")
