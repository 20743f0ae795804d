"""Statements say whether they can be checked: a clause with a finite verb, not a bare name or phrase.

Revision ID: 0002
Revises: 0001

Statements stored before this revision count as checkable, so `link` treats them as it did.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    # a plain ALTER, not a batch copy of the table, which would drop SQLite's full-text triggers with it
    op.add_column("statements", sa.Column("checkable", sa.Boolean, nullable=False, server_default=sa.true()))


def downgrade() -> None:
    op.drop_column("statements", "checkable")
