"""Initial ledger: articles, near-duplicate bands, entities, statements, links, failures, full-text search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

_FTS = {"articles": ("title", "text"), "statements": ("speaker", "text")}


def _sqlite_fts(table: str, cols: tuple[str, ...]) -> list[str]:
    """External-content FTS5 kept in step by triggers, so the text is stored once."""
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    insert = f"INSERT INTO {table}_fts(rowid, {names}) VALUES (new.seq, {new});"
    delete = f"INSERT INTO {table}_fts({table}_fts, rowid, {names}) VALUES ('delete', old.seq, {old});"
    return [
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5({names}, "
        f"content='{table}', content_rowid='seq', tokenize='porter unicode61')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]


def _postgres_fts(table: str, cols: tuple[str, ...]) -> list[str]:
    expr = " || ' ' || ".join(f"coalesce({c}, '')" for c in cols)
    return [
        f"ALTER TABLE {table} ADD COLUMN search tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('english', {expr})) STORED",
        f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)",
    ]


def _full_text_search(dialect: str) -> None:
    builders = {"sqlite": _sqlite_fts, "postgresql": _postgres_fts}
    if dialect not in builders:
        return
    for table, cols in _FTS.items():
        for statement in builders[dialect](table, cols):
            op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.String(40), index=True),
        sa.Column("published_source", sa.String(64)),
        sa.Column("credit", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("near_duplicate_of", sa.String(32), sa.ForeignKey("articles.id"), index=True),
        sa.Column("near_duplicate_score", sa.Float),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "article_bands",
        sa.Column("band", sa.BigInteger, primary_key=True),
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("speaker", sa.Text, index=True),
        sa.Column("speaker_mention", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("speaker_entity_id", sa.String(32), sa.ForeignKey("entities.id"), index=True),
        sa.Column("cue", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("addressee", sa.Text),
        sa.Column("setting", sa.String(16)),
        sa.Column("said_at", sa.Text),
        sa.Column("parent_id", sa.String(32)),
        sa.Column("second_hand", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_table(
        "links",
        sa.Column("a", sa.String(32), sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("b", sa.String(32), sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("model", sa.String(128), primary_key=True),
        sa.Column("relation", sa.String(16), nullable=False, index=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
    )
    op.create_index("ix_links_b", "links", ["b"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    _full_text_search(op.get_bind().dialect.name)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in _FTS:
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    for table in ("failures", "links", "statements", "entities", "article_bands", "articles"):
        op.drop_table(table)
