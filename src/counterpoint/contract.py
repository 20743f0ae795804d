"""The export contract `counterpoint/1`, written as JSON, JSONL, CSV or Parquet.

JSON is one document `{"schema", "articles", "statements", "entities", "links"}`.
JSONL is one record a line with a `record` field (article, statement, entity, link).
CSV and Parquet are one file a table; list and object fields are JSON strings there.
Records are streamed from the store, so exports of any size run in flat memory.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from counterpoint.errors import UsageError
from counterpoint.records import SCHEMA
from counterpoint.store import Store

TABLES = ("articles", "statements", "entities", "links")
FORMATS = ("json", "jsonl", "csv", "parquet")
_KIND = {"articles": "article", "statements": "statement", "entities": "entity", "links": "link"}


def records(store: Store, table: str) -> Iterator[dict[str, Any]]:
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    return getattr(store, table)()


def export(
    store: Store, fmt: str, out: str | Path | None = None, tables: tuple[str, ...] = TABLES
) -> list[Path]:
    """Write the store in `fmt` to `out`: a file, a folder for several CSV/Parquet tables, or stdout."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("json", "jsonl"):
        with _output(out) as stream:
            (_write_json if fmt == "json" else _write_jsonl)(store, tables, stream)
        return [Path(out)] if out else []
    if len(tables) == 1 and (out is None or Path(out).suffix):
        targets = {tables[0]: Path(out) if out else None}
    elif out is None:
        raise UsageError(f"{fmt} writes one file a table: give a folder with -o, or one --table")
    else:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        targets = {table: folder / f"{table}.{fmt}" for table in tables}
    for table, path in targets.items():
        if fmt == "csv":
            with _output(path, newline="") as stream:
                _write_csv(records(store, table), stream)
        else:
            if path is None:
                raise UsageError("parquet is binary: give a file with -o")
            _write_parquet(records(store, table), path)
    return [p for p in targets.values() if p]


@contextmanager
def _output(out: str | Path | None, newline: str | None = None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline=newline) as stream:
        yield stream


def _write_json(store: Store, tables: tuple[str, ...], stream: IO[str]) -> None:
    stream.write(f'{{"schema": "{SCHEMA}"')
    for table in tables:
        stream.write(f', "{table}": [')
        for i, record in enumerate(records(store, table)):
            stream.write(("," if i else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        stream.write("\n]")
    stream.write("}\n")


def _write_jsonl(store: Store, tables: tuple[str, ...], stream: IO[str]) -> None:
    for table in tables:
        for record in records(store, table):
            stream.write(json.dumps({"record": _KIND[table], **record}, ensure_ascii=False) + "\n")


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict | tuple) else value
        for key, value in record.items()
    }


def _write_csv(rows: Iterator[dict[str, Any]], stream: IO[str]) -> None:
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(_flat(row))


_PARQUET_TYPES = {
    "near_duplicate_score": "float64",
    "score": "float64",
    "confidence": "float64",
    "second_hand": "bool",
    "checkable": "bool",
}


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path, batch: int = 2000) -> None:
    """Typed columns fixed up front: an all-null first batch must not decide a column's type."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
    chunk: list[dict[str, Any]] = []
    for row in rows:
        if writer is None:
            schema = pa.schema([(key, pa.type_for_alias(_PARQUET_TYPES.get(key, "string"))) for key in row])
            writer = pq.ParquetWriter(path, schema)
        chunk.append(_flat(row))
        if len(chunk) >= batch:
            writer.write_table(pa.Table.from_pylist(chunk, schema=writer.schema))
            chunk.clear()
    if writer is None:
        pq.write_table(pa.table({}), path)
        return
    if chunk:
        writer.write_table(pa.Table.from_pylist(chunk, schema=writer.schema))
    writer.close()
