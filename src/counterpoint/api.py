"""The Python API: the same verbs as the CLI, returning plain records or DataFrames.

>>> import counterpoint
>>> report = counterpoint.ingest(["samples/"], db="news.db")
>>> counterpoint.dataframe("articles", db="news.db")
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from counterpoint import contract
from counterpoint.ingest import Options, read
from counterpoint.records import Article, Entity, Failure, IngestReport, Statement
from counterpoint.store import DEFAULT_DB, Store

if TYPE_CHECKING:
    import pandas as pd

Db = Store | str | os.PathLike[str]


class Extracted(Protocol):
    statements: list[Statement]
    entities: list[Entity]
    error: str | None


class Extracts(Protocol):
    """What ingest needs of an extractor: statements and entities for a batch of articles (text, id, source,
    byline, title, outlet, language), in order."""

    def extract_many(
        self,
        items: Iterable[tuple[str, str, str, str | None, str | None, str | None, str | None]],
        n_process: int = 1,
        batch_size: int = 8,
    ) -> Iterator[Extracted]: ...


@contextmanager
def opened(db: Db) -> Iterator[Store]:
    """Use an open store as it is, or open (and close) one from a path or URL."""
    if isinstance(db, Store):
        yield db
        return
    with Store(db) as store:
        yield store


def ingest(
    targets: Iterable[str],
    db: Db = DEFAULT_DB,
    options: Options | None = None,
    extractor: Extracts | None = None,
    processes: int = 1,
    batch_size: int = 8,
    on_item: Callable[[Article | Failure, str], None] | None = None,
    extract: bool = True,
) -> IngestReport:
    """Read every target into the store; each article commits with its statements, alone.

    Articles already in the store are skipped before extraction, so re-running an
    interrupted batch costs little and adds nothing twice; one stored with `extract=False`
    gets its statements now. New articles stream through one extraction pipeline (spaCy's
    `nlp.pipe`, `processes` workers) in input order: `extractor`'s, or the default `Extractor`.
    """
    if extract and extractor is None:
        from counterpoint.extract import Extractor  # loads spaCy: not for a store opened only to read

        extractor = Extractor()
    elif not extract:
        extractor = None
    report = IngestReport()
    with opened(db) as store:
        waiting: deque[tuple[Article, bool]] = deque()  # (article, already stored)

        def new_articles() -> Iterator[Article]:
            seen: set[str] = set()
            for item in read(targets, options):
                if isinstance(item, Failure):
                    store.record_failure(item)
                    report.failed.append(item)
                    if on_item:
                        on_item(item, "failed")
                    continue
                stored = store.unextracted(item.id) if extractor is not None and item.id not in seen else None
                if stored is not None:  # its statements, from the text stored then, which their offsets index
                    seen.add(item.id)
                    waiting.append((stored, True))
                    yield stored
                elif item.id in seen or not store.supersedes(item):
                    _note(report.duplicates, item, "duplicate", on_item)
                else:
                    seen.add(item.id)
                    waiting.append((item, False))
                    yield item

        if extractor is None:
            found: Iterator[tuple[list[Statement], list[Entity], str | None]] = (
                ([], [], None) for _ in new_articles()
            )
        else:
            texts = (
                (a.text, a.id, a.source, a.byline, a.title, a.outlet, a.language) for a in new_articles()
            )
            batches = extractor.extract_many(texts, n_process=processes, batch_size=batch_size)
            found = ((e.statements, e.entities, e.error) for e in batches)
        for statements, entities, error in found:
            article, stored = waiting.popleft()
            if stored:
                if not store.add_statements(article.id, statements, entities):
                    _note(report.duplicates, article, "duplicate", on_item)
                    continue
                _note(report.extracted, article, "extracted", on_item)
            else:
                added = store.add(article, statements, entities, extracted=extractor is not None)
                if not added.added:
                    _note(report.duplicates, article, "duplicate", on_item)
                    continue
                if added.near_duplicate_of:
                    report.near_duplicates.append((article.id, added.near_duplicate_of, added.score or 0.0))
                _note(report.ingested, article, "ingested", on_item)
            if error:  # the article is kept; what went wrong with its statements is said and recorded
                failure = Failure(article.source, error)
                store.record_failure(failure)
                report.failed.append(failure)
                if on_item:
                    on_item(failure, "failed")
        if extractor is not None:
            report.speakers_named = name_described(store)
    return report


def name_described(store: Store) -> int:
    """Name the speakers the store's articles give by title alone, from the titles the store knows people
    by; how many statements were named. Run over the whole store, so the order articles came in is moot."""
    from counterpoint.extract.described import Named, described

    people = [
        Named(e["id"], e["name"], tuple(e["aliases"]), tuple(e["roles"]))
        for e in store.entities()
        if e["type"] == "person" and e["roles"]
    ]
    found = described(store.unnamed_speakers(), people, lambda a: next(store.articles([a]))["text"])
    return store.name_speakers((sid, person.name, person.id) for sid, person in found)


def _note(bucket: list[str], article: Article, outcome: str, on_item: Callable[..., None] | None) -> None:
    bucket.append(article.id)
    if on_item:
        on_item(article, outcome)


def stats(db: Db = DEFAULT_DB) -> dict[str, Any]:
    with opened(db) as store:
        return store.stats()


def search(query: str, db: Db = DEFAULT_DB, limit: int = 20) -> list[dict[str, Any]]:
    with opened(db) as store:
        return store.search(query, limit)


def records(table: str, db: Db = DEFAULT_DB) -> list[dict[str, Any]]:
    """A whole table of the export contract as plain dicts."""
    with opened(db) as store:
        return list(contract.records(store, table))


def dataframe(table: str, db: Db = DEFAULT_DB) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(records(table, db))


def export(
    fmt: str,
    out: str | Path | None = None,
    db: Db = DEFAULT_DB,
    tables: tuple[str, ...] = contract.TABLES,
) -> list[Path]:
    with opened(db) as store:
        return contract.export(store, fmt, out, tables)
