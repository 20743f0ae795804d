"""The Python API does what the CLI does, for notebooks: plain records and DataFrames."""

from __future__ import annotations

import json
from pathlib import Path

import counterpoint
from tests.conftest import SAMPLES


def test_ingest_then_read_back_as_records_and_dataframes(db_path: str) -> None:
    report = counterpoint.ingest([str(SAMPLES / "crawl.jsonl")], db=db_path, extract=False)
    assert report.ok and len(report.ingested) == 3
    assert report.near_duplicates == []
    articles = counterpoint.dataframe("articles", db=db_path)
    assert articles["title"].iloc[0] == "US will not recognise Crimea vote, Kerry says"
    assert articles["published"].isna().sum() == 1
    assert counterpoint.records("statements", db=db_path) == []
    assert counterpoint.stats(db=db_path)["articles"] == 3
    assert counterpoint.search("Putin treaty", db=db_path)[0]["outlet"] == "eastern-ledger.example"


def test_articles_stored_without_statements_get_them_from_the_next_ingest(db_path: str) -> None:
    first = counterpoint.ingest([str(SAMPLES / "crawl.jsonl")], db=db_path, extract=False)
    later = counterpoint.ingest([str(SAMPLES / "crawl.jsonl")], db=db_path)  # the default extracts
    assert (later.ingested, later.duplicates, later.extracted) == ([], [], first.ingested)
    statements = counterpoint.records("statements", db=db_path)
    assert {s["article_id"] for s in statements} == set(first.ingested)
    assert any(s["speaker"] == "John Kerry" for s in statements)
    again = counterpoint.ingest([str(SAMPLES / "crawl.jsonl")], db=db_path)
    assert (again.extracted, len(again.duplicates)) == ([], 3)
    assert len(counterpoint.records("statements", db=db_path)) == len(statements)


def test_export_to_a_file(db_path: str, tmp_path: Path) -> None:
    counterpoint.ingest([str(SAMPLES / "feed.xml")], db=db_path, extract=False)
    [written] = counterpoint.export("json", tmp_path / "out.json", db=db_path)
    document = json.loads(written.read_text())
    assert document["schema"] == counterpoint.SCHEMA and len(document["articles"]) == 3


def test_an_open_store_can_be_shared_across_calls(db_path: str) -> None:
    with counterpoint.Store(db_path) as store:
        counterpoint.ingest([str(SAMPLES / "text")], db=store, extract=False)
        assert counterpoint.stats(db=store)["formats"] == {"text": 2}
