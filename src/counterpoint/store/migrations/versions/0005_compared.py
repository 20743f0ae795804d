"""`link` records which statements it has looked up, with their pairs, so a run killed part-way loses none.

Revision ID: 0005
Revises: 0004

A store linked before this revision has no such rows: its next `link` looks every checkable statement up once
more and stores only the pairs it lacks.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "compared",
        sa.Column(
            "statement", sa.String(32), sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("model", sa.String(128), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("compared")
