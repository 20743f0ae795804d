"""Articles say whether their statements were extracted, so an article ingested with `--no-extract` gets them
from a later `ingest` of the same input.

Revision ID: 0006
Revises: 0005

An article stored before this revision counts as extracted when it has statements. One with none is extracted
again by the next `ingest` that meets it, which stores what it finds, if anything, once.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    # a plain ALTER, not a batch copy of the table, which would drop SQLite's full-text triggers with it
    op.add_column("articles", sa.Column("extracted", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute("UPDATE articles SET extracted = TRUE WHERE id IN (SELECT article_id FROM statements)")


def downgrade() -> None:
    op.drop_column("articles", "extracted")
