"""The ledger's tables, as SQLAlchemy models. Only `store/` imports this module."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JSON, list[str]: JSON}


class ArticleRow(Base):
    """`seq` is the stable integer key full-text indexes need; `id` is the public, content-derived id."""

    __tablename__ = "articles"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(40), index=True)
    published_source: Mapped[str | None] = mapped_column(String(64))
    credit: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    near_duplicate_of: Mapped[str | None] = mapped_column(ForeignKey("articles.id"), index=True)
    near_duplicate_score: Mapped[float | None] = mapped_column(Float)
    ingested_at: Mapped[str] = mapped_column(String(40))
    extracted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class BandRow(Base):
    """Locality-sensitive hash bands: an indexed lookup finds near-duplicate candidates in any store size."""

    __tablename__ = "article_bands"

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)


class StatementRow(Base):
    __tablename__ = "statements"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_mention: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)
    cue: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    addressee: Mapped[str | None] = mapped_column(Text)
    setting: Mapped[str | None] = mapped_column(String(16))
    said_at: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(String(32))
    second_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    checkable: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    part: Mapped[str] = mapped_column(String(8), default="text", server_default="text")
    pieces: Mapped[list[list[int]]] = mapped_column(JSON, default=list, server_default="[]")


class LinkRow(Base):
    __tablename__ = "links"

    a: Mapped[str] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    b: Mapped[str] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(128), primary_key=True)
    relation: Mapped[str] = mapped_column(String(16), index=True)
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)


class ComparedRow(Base):
    """Statements `link` has looked up for a model, stored with their pairs: a run killed part-way leaves each
    statement's pairs whole, or the statement to be looked up again."""

    __tablename__ = "compared"

    statement: Mapped[str] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(128), primary_key=True)


class FailureRow(Base):
    """Inputs that could not be ingested, kept so that nothing is silently lost."""

    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))


Index("ix_links_b", LinkRow.b)
