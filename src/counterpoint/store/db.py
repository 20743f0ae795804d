"""The ledger: one SQLAlchemy engine over SQLite (default) or PostgreSQL, migrated on open.

Every article and everything derived from it is written in one transaction, so a
run killed half-way leaves a consistent store and a re-run only adds what is missing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from counterpoint import minhash
from counterpoint.errors import StoreError
from counterpoint.records import Article, Entity, Failure, Link, Statement
from counterpoint.store.schema import (
    ArticleRow,
    BandRow,
    ComparedRow,
    EntityRow,
    FailureRow,
    LinkRow,
    StatementRow,
)

DEFAULT_DB = "counterpoint.db"
MAX_CANDIDATES = 20


def database_url(target: str | os.PathLike[str]) -> str:
    """A path becomes a SQLite URL; `postgresql://` URLs get the psycopg 3 driver."""
    target = str(target)
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Added:
    """What saving one article did: added or already there, and its near-duplicate, if any."""

    article_id: str
    added: bool
    near_duplicate_of: str | None = None
    score: float | None = None


class Store:
    """The article store. Open it with a path or URL; close it (or use `with`) when done."""

    def __init__(self, target: str | os.PathLike[str] = DEFAULT_DB) -> None:
        self.url = database_url(target)
        try:
            self.engine = _engine(self.url)
            self._migrate()
        except (OperationalError, SQLAlchemyError) as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"cannot open the store at {target}: {reason}") from exc
        self.dialect = self.engine.dialect.name

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(resources.files("counterpoint.store") / "migrations"))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    # Writing

    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.scalar(select(ArticleRow.seq).where(ArticleRow.id == article_id)) is not None

    def supersedes(self, article: Article) -> bool:
        """Whether `add` would store the article: it is new, or the full text of one stored from a feed's
        summary alone, which it replaces (the feed came first, the page after)."""
        with self.engine.connect() as conn:
            return _superseded(conn, article) is not False

    def unextracted(self, article_id: str) -> Article | None:
        """The stored article, if it was stored without extracting its statements (`--no-extract`)."""
        pending = (ArticleRow.id == article_id) & ArticleRow.extracted.is_(False)
        query = select(ArticleRow.__table__).where(pending)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        record = _article_record(row)
        return Article(**{f.name: record[f.name] for f in fields(Article)})

    def add(
        self,
        article: Article,
        statements: Iterable[Statement] = (),
        entities: Iterable[Entity] = (),
        extracted: bool = True,
    ) -> Added:
        """Save an article with its statements and entities, all or nothing; `extracted=False` says its
        statements were not looked for, so a later `add_statements` may give them."""
        sig = minhash.signature(article.text)
        keys = minhash.bands(sig)
        try:
            with self.engine.begin() as conn:
                stored = _superseded(conn, article)
                if stored is False:
                    return Added(article.id, added=False)
                if stored:  # a feed's summary: its statements and their links go with it
                    gone = ArticleRow.near_duplicate_of == article.id
                    conn.execute(update(ArticleRow).where(gone).values(near_duplicate_of=None))
                    conn.execute(delete(ArticleRow).where(ArticleRow.id == article.id))
                twin, score = _nearest_duplicate(conn, sig, keys)
                row = article.to_dict() | {
                    "minhash": minhash.to_bytes(sig),
                    "near_duplicate_of": twin,
                    "near_duplicate_score": score,
                    "ingested_at": _now(),
                    "extracted": extracted,
                }
                conn.execute(insert(ArticleRow), [row])
                conn.execute(insert(BandRow), [{"band": k, "article_id": article.id} for k in set(keys)])
                _insert_extraction(conn, statements, entities)
        except IntegrityError as exc:
            if self.has(article.id):  # another process saved it between our check and our insert
                return Added(article.id, added=False)
            reason = f"{article.source}: nothing saved, the records are inconsistent: {exc.orig}"
            raise StoreError(reason) from exc
        return Added(article.id, added=True, near_duplicate_of=twin, score=score)

    def add_statements(
        self, article_id: str, statements: Iterable[Statement], entities: Iterable[Entity]
    ) -> bool:
        """Statements and entities for an article stored without them, all or nothing; False when it has
        them already (another run got there first)."""
        pending = (ArticleRow.id == article_id) & ArticleRow.extracted.is_(False)
        with self.engine.begin() as conn:
            if conn.execute(update(ArticleRow).where(pending).values(extracted=True)).rowcount == 0:
                return False
            _insert_extraction(conn, statements, entities)
        return True

    def name_speakers(self, named: Iterable[tuple[str, str, str]]) -> int:
        """Give statements the person their description is (statement id, name, entity id), all at once."""
        rows = [{"sid": sid, "name": name, "eid": eid} for sid, name, eid in named]
        if rows:
            query = (
                update(StatementRow.__table__)
                .where(StatementRow.id == bindparam("sid"))
                .values(speaker=bindparam("name"), speaker_entity_id=bindparam("eid"))
            )
            with self.engine.begin() as conn:
                conn.execute(query, rows)
        return len(rows)

    def add_links(self, links: Iterable[Link], compared: Iterable[str] = (), model: str = "") -> int:
        """Links, and the statements looked up for `model` whose new pairs they complete: one transaction."""
        rows = [link.to_dict() | {"evidence": list(link.evidence)} for link in links]
        done = [{"statement": s, "model": model} for s in compared]
        if not rows and not done:
            return 0
        with self.engine.begin() as conn:
            if rows:
                conn.execute(insert(LinkRow), rows)
            if done:
                conn.execute(insert(ComparedRow), done)
        return len(rows)

    def record_failure(self, failure: Failure) -> None:
        """A failure seen again (same input, same reason: a re-run) is one row, with its latest time."""
        same = (FailureRow.source == failure.source) & (FailureRow.reason == failure.reason)
        with self.engine.begin() as conn:
            if conn.execute(update(FailureRow).where(same).values(at=_now())).rowcount == 0:
                conn.execute(
                    insert(FailureRow), [{"source": failure.source, "reason": failure.reason, "at": _now()}]
                )

    # Reading

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            count = {
                name: conn.scalar(select(func.count()).select_from(table))
                for name, table in (
                    ("articles", ArticleRow),
                    ("statements", StatementRow),
                    ("entities", EntityRow),
                    ("links", LinkRow),
                    ("failures", FailureRow),
                )
            }
            count["near_duplicates"] = conn.scalar(
                select(func.count()).where(ArticleRow.near_duplicate_of.is_not(None))
            )
            count["dated"] = conn.scalar(select(func.count()).where(ArticleRow.published.is_not(None)))
            count["checkable"] = conn.scalar(select(func.count()).where(StatementRow.checkable.is_(True)))
            by_relation = select(LinkRow.relation, func.count()).group_by(LinkRow.relation)
            relations = dict(conn.execute(by_relation).all())
            first, last = conn.execute(
                select(func.min(ArticleRow.published), func.max(ArticleRow.published))
            ).one()
            by_format = dict(
                conn.execute(select(ArticleRow.format, func.count()).group_by(ArticleRow.format)).all()
            )
            outlets = conn.execute(
                select(ArticleRow.outlet, func.count())
                .group_by(ArticleRow.outlet)
                .order_by(func.count().desc(), ArticleRow.outlet)
                .limit(10)
            ).all()
        return count | {
            "published_range": [first, last],
            "formats": by_format,
            "relations": relations,
            "top_outlets": [[outlet, n] for outlet, n in outlets],
            "database": self.engine.url.render_as_string(hide_password=True),
        }

    def copies(self) -> dict[str, str]:
        """Article id → the article it nearly copies, for each near-copy (a copy of a copy: the first)."""
        query = select(ArticleRow.id, ArticleRow.near_duplicate_of).where(
            ArticleRow.near_duplicate_of.is_not(None)
        )
        with self.engine.connect() as conn:
            twins = {a: b for a, b in conn.execute(query)}
        for article, twin in twins.items():
            seen = {article}
            while twin in twins and twin not in seen:  # a copy of a copy is a copy of the first
                seen.add(twin)
                twin = twins[twin]
            twins[article] = twin
        return twins

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        query = select(ArticleRow.__table__).order_by(ArticleRow.seq)
        if ids is not None:
            query = query.where(ArticleRow.id.in_(list(ids)))
        for row in self._stream(query):
            yield _article_record(row)

    def statements(
        self, article_id: str | None = None, ids: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        query = select(StatementRow.__table__).order_by(StatementRow.seq)
        if article_id is not None:
            query = query.where(StatementRow.article_id == article_id)
        if ids is not None:
            query = query.where(StatementRow.id.in_(list(ids)))
        for row in self._stream(query):
            yield _statement_record(row)

    def unnamed_speakers(self) -> Iterator[dict[str, Any]]:
        """Statements whose speaker no entity names: "the then US secretary of state", "officials"."""
        cols = (StatementRow.id, StatementRow.article_id, StatementRow.speaker, StatementRow.speaker_mention)
        query = select(*cols).where(
            StatementRow.speaker_entity_id.is_(None), StatementRow.speaker.is_not(None)
        )
        for row in self._stream(query.order_by(StatementRow.seq)):
            yield dict(row._mapping)

    def entities(self) -> Iterator[dict[str, Any]]:
        for row in self._stream(select(EntityRow.__table__).order_by(EntityRow.id)):
            yield {
                "id": row.id,
                "name": row.name,
                "type": row.type,
                "aliases": row.aliases,
                "roles": row.roles,
            }

    def compared(self, model: str) -> set[str]:
        """The statements `link` has looked up for `model`, their pairs stored."""
        with self.engine.connect() as conn:
            return set(conn.scalars(select(ComparedRow.statement).where(ComparedRow.model == model)))

    def links(self) -> Iterator[dict[str, Any]]:
        for row in self._stream(select(LinkRow.__table__).order_by(LinkRow.a, LinkRow.b)):
            yield {
                "a": row.a,
                "b": row.b,
                "relation": row.relation,
                "score": row.score,
                "model": row.model,
                "evidence": row.evidence,
            }

    def failures(self) -> Iterator[dict[str, Any]]:
        for row in self._stream(select(FailureRow.__table__).order_by(FailureRow.id)):
            yield {"source": row.source, "reason": row.reason, "at": row.at}

    def search(self, query: str, limit: int = 20, table: str = "articles") -> list[dict[str, Any]]:
        """Articles (title, text) or statements (speaker, text) matching every word, best first."""
        if table not in _FULL_TEXT or not _words(query):
            return []
        if self.dialect == "sqlite":
            sql = (
                f"SELECT t.id FROM {table}_fts f JOIN {table} t ON t.seq = f.rowid "
                f"WHERE {table}_fts MATCH :q ORDER BY f.rank LIMIT :n"
            )
            terms = " ".join(f'"{word}"' for word in _words(query))
        else:
            sql = (
                f"SELECT id FROM {table} WHERE search @@ plainto_tsquery('english', :q) "
                "ORDER BY ts_rank(search, plainto_tsquery('english', :q)) DESC LIMIT :n"
            )
            terms = " ".join(_words(query))
        with self.engine.connect() as conn:
            ids = conn.scalars(text(sql), {"q": terms, "n": limit}).all()
        found = {record["id"]: record for record in _FULL_TEXT[table](self, ids)}
        return [found[i] for i in ids]

    def _stream(self, query: Any) -> Iterator[Any]:
        with self.engine.connect() as conn:
            yield from conn.execution_options(yield_per=500).execute(query)


def _superseded(conn: Connection, article: Article) -> bool | None:
    """None when no article with this id is stored; True when the one stored is a feed's summary and this
    one is not; False otherwise."""
    row = conn.execute(select(ArticleRow.meta).where(ArticleRow.id == article.id)).first()
    if row is None:
        return None
    return bool((row.meta or {}).get("summary_only")) and not article.meta.get("summary_only")


_FULL_TEXT = {
    "articles": lambda store, ids: store.articles(ids),
    "statements": lambda store, ids: store.statements(ids=ids),
}


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def _words(query: str) -> list[str]:
    """Plain words only, so user punctuation (hyphens, colons) is never read as query syntax."""
    return re.findall(r"\w+", query)


def _nearest_duplicate(conn: Connection, sig: Any, keys: list[int]) -> tuple[str | None, float | None]:
    # The articles sharing the most bands first, so a story syndicated a thousand times costs no more.
    shared = (
        select(BandRow.article_id)
        .where(BandRow.band.in_(keys))
        .group_by(BandRow.article_id)
        .order_by(func.count().desc())
        .limit(MAX_CANDIDATES)
    )
    candidates = conn.execute(
        select(ArticleRow.id, ArticleRow.minhash).where(ArticleRow.id.in_(shared)).order_by(ArticleRow.seq)
    ).all()
    best: tuple[str | None, float | None] = (None, None)
    for article_id, blob in candidates:
        score = minhash.similarity(sig, minhash.from_bytes(blob))
        if score >= minhash.THRESHOLD and (best[1] is None or score > best[1]):
            best = (article_id, round(score, 3))
    return best


def _upsert_entities(conn: Connection, entities: Iterable[Entity]) -> None:
    """The same person seen in a new article gains that article's aliases and roles."""
    for entity in entities:
        existing = conn.execute(select(EntityRow.__table__).where(EntityRow.id == entity.id)).one_or_none()
        if existing is None:
            conn.execute(
                insert(EntityRow),
                [
                    {
                        "id": entity.id,
                        "name": entity.name,
                        "type": entity.type,
                        "aliases": sorted(set(entity.aliases)),
                        "roles": sorted(set(entity.roles)),
                    }
                ],
            )
            continue
        aliases = sorted(set(existing.aliases) | set(entity.aliases))
        roles = sorted(set(existing.roles) | set(entity.roles))
        if aliases != existing.aliases or roles != existing.roles:
            conn.execute(
                update(EntityRow).where(EntityRow.id == entity.id).values(aliases=aliases, roles=roles)
            )


def _pair(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def _statement_row(s: Statement) -> dict[str, Any]:
    row = s.to_dict()
    span, speaker_span, cue_span = row.pop("span"), row.pop("speaker_span"), row.pop("cue_span")
    row["span_start"], row["span_end"] = span
    row["speaker_start"], row["speaker_end"] = speaker_span or (None, None)
    row["cue_start"], row["cue_end"] = cue_span or (None, None)
    row["pieces"] = [list(p) for p in s.pieces]
    return row


def _statement_record(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "article_id": row.article_id,
        "source": row.source,
        "kind": row.kind,
        "text": row.text,
        "span": [row.span_start, row.span_end],
        "speaker": row.speaker,
        "speaker_mention": row.speaker_mention,
        "speaker_span": _pair(row.speaker_start, row.speaker_end),
        "speaker_entity_id": row.speaker_entity_id,
        "cue": row.cue,
        "cue_span": _pair(row.cue_start, row.cue_end),
        "addressee": row.addressee,
        "setting": row.setting,
        "said_at": row.said_at,
        "parent_id": row.parent_id,
        "second_hand": row.second_hand,
        "confidence": row.confidence,
        "checkable": row.checkable,
        "part": row.part,
        "pieces": [list(p) for p in row.pieces or ()],
    }


def _insert_extraction(conn: Connection, statements: Iterable[Statement], entities: Iterable[Entity]) -> None:
    _upsert_entities(conn, entities)
    rows = [_statement_row(s) for s in statements]
    if rows:
        conn.execute(insert(StatementRow), rows)


def _article_record(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "source": row.source,
        "url": row.url,
        "title": row.title,
        "outlet": row.outlet,
        "byline": row.byline,
        "published": row.published,
        "published_source": row.published_source,
        "credit": row.credit,
        "language": row.language,
        "text": row.text,
        "format": row.format,
        "near_duplicate_of": row.near_duplicate_of,
        "near_duplicate_score": row.near_duplicate_score,
        "ingested_at": row.ingested_at,
        "meta": row.meta,
    }
