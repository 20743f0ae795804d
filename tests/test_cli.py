"""The `counterpoint` command end to end, with Typer's runner on a real store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from counterpoint.cli import app
from counterpoint.store import Store
from tests.conftest import SAMPLES

runner = CliRunner()


def cli(db: str, *args: str, input: str | None = None):
    return runner.invoke(app, ["--db", db, *args], input=input)


def test_ingest_samples_then_again_adds_nothing(db_path: str) -> None:
    first = cli(db_path, "ingest", str(SAMPLES))
    assert first.exit_code == 0, first.output
    assert "0 failed" in first.output
    again = cli(db_path, "ingest", str(SAMPLES), "-q")
    assert again.exit_code == 0
    assert "0 ingested" in again.output


def test_exit_status_says_whether_anything_failed(db_path: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("")
    some = cli(db_path, "ingest", str(SAMPLES / "crawl.jsonl"), str(empty))
    assert some.exit_code == 1
    assert f"failed {empty}: empty" in some.output
    every = cli(db_path, "ingest", str(empty))
    assert every.exit_code == 3
    listed = [json.loads(line) for line in cli(db_path, "failures", "--json").stdout.splitlines()]
    assert [(f["source"], f["reason"]) for f in listed] == [(str(empty), "empty: no content")]  # once


def test_stdin(db_path: str) -> None:
    page = (SAMPLES / "html" / "northgate-lavrov-kerry-call-2019.html").read_text()
    result = cli(db_path, "ingest", "-", input=page)
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output


def test_db_from_environment(tmp_path: Path) -> None:
    db = str(tmp_path / "env.db")
    result = runner.invoke(app, ["ingest", str(SAMPLES / "feed.xml")], env={"COUNTERPOINT_DB": db})
    assert result.exit_code == 0
    assert Path(db).exists()


def test_stats_json(db_path: str) -> None:
    cli(db_path, "ingest", str(SAMPLES / "crawl.jsonl"))
    result = cli(db_path, "stats", "--json")
    numbers = json.loads(result.stdout)
    assert numbers["articles"] == 3
    assert numbers["formats"] == {"jsonl": 3}


def test_search(db_path: str) -> None:
    cli(db_path, "ingest", str(SAMPLES / "crawl.jsonl"))
    result = cli(db_path, "search", "treaty annex", "--json")
    found = [json.loads(line) for line in result.stdout.splitlines()]  # one record per line
    assert any("Putin signs treaty" in (r["title"] or "") for r in found)


def test_export_json_is_the_contract(db_path: str) -> None:
    cli(db_path, "ingest", str(SAMPLES / "crawl.jsonl"))
    document = json.loads(cli(db_path, "export", "--format", "json").stdout)
    assert list(document) == ["schema", "articles", "statements", "entities", "links"]
    assert document["schema"] == "counterpoint/1"
    required = {"id", "source", "url", "title", "outlet", "byline", "published", "published_source", "credit"}
    assert required | {"language", "text"} <= set(document["articles"][0])


def test_export_jsonl_csv_parquet_carry_the_same_fields(db_path: str, tmp_path: Path) -> None:
    cli(db_path, "ingest", str(SAMPLES / "crawl.jsonl"))
    lines = [json.loads(line) for line in cli(db_path, "export", "-f", "jsonl").stdout.splitlines()]
    assert {line["record"] for line in lines} == {"article", "statement", "entity"}
    assert lines[0]["record"] == "article"
    fields = set(lines[0]) - {"record"}
    assert cli(db_path, "export", "-f", "csv", "-o", str(tmp_path / "csv")).exit_code == 0
    with open(tmp_path / "csv" / "articles.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert set(rows[0]) == fields and len(rows) == 3
    assert json.loads(rows[0]["meta"])["date_download"]
    assert cli(db_path, "export", "-f", "parquet", "-o", str(tmp_path / "pq")).exit_code == 0
    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert set(table.column_names) == fields and table.num_rows == 3
    assert (tmp_path / "pq" / "statements.parquet").exists()


def test_a_command_that_reads_refuses_a_store_that_is_not_there(tmp_path: Path) -> None:
    missing = str(tmp_path / "typo.db")
    for args in (["who", "John Kerry"], ["search", "Crimea"], ["stats"], ["link"], ["export", "-f", "json"]):
        result = cli(missing, *args)
        assert result.exit_code == 1 and f"no store at {missing}" in result.output, args
    assert not Path(missing).exists()


def test_export_says_what_it_cannot_do_as_asked(db_path: str, tmp_path: Path) -> None:
    """An export asked for in a way it cannot be done is a usage error (2); an output it cannot write, 1."""
    Store(db_path).close()
    result = cli(db_path, "export", "-f", "csv")
    assert result.exit_code == 2
    assert "give a folder with -o" in result.output
    assert cli(db_path, "export", "-f", "xml").exit_code == 2
    unwritable = tmp_path / "no" / "such" / "folder.json"
    result = cli(db_path, "export", "-f", "json", "-o", str(unwritable))
    assert result.exit_code == 1 and f"cannot write {unwritable}: No such file" in result.output


def test_every_command_has_help_with_an_example() -> None:
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"ingest", "extract", "export", "stats", "search"} <= set(commands)
    for command in commands:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output, command


STATEMENT_FIELDS = (
    "id, article_id, source, kind, text, span, speaker, speaker_mention, speaker_span, speaker_entity_id, "
    "cue, cue_span, addressee, setting, said_at, parent_id, second_hand, confidence, checkable, part, pieces"
)


def test_ingest_extracts_statements_in_the_contract_shape(db_path: str) -> None:
    cli(db_path, "ingest", str(SAMPLES / "text"))
    document = json.loads(cli(db_path, "export").stdout)
    articles = {a["id"]: a for a in document["articles"]}
    assert document["statements"], "the samples are full of quotes"
    entity_ids = {e["id"] for e in document["entities"]}
    for statement in document["statements"]:
        assert list(statement) == STATEMENT_FIELDS.split(", ")
        start, end = statement["span"]
        words = articles[statement["article_id"]][statement["part"]]
        assert words[start:end].strip()
        # a quote split by its attribution is its quoted pieces, joined; any other statement is its span
        cited = (
            " ".join(words[a:b] for a, b in statement["pieces"]) if statement["pieces"] else words[start:end]
        )
        assert cited == statement["text"]
        assert statement["speaker_entity_id"] is None or statement["speaker_entity_id"] in entity_ids
    assert set(document["entities"][0]) == {"id", "name", "type", "aliases", "roles"}
    assert {"title", "text"} == {s["part"] for s in document["statements"]}
    assert any(s["pieces"] for s in document["statements"])


def test_no_extract_skips_statements_until_the_next_ingest(db_path: str) -> None:
    cli(db_path, "ingest", "--no-extract", str(SAMPLES / "text"))
    assert json.loads(cli(db_path, "stats", "--json").stdout)["statements"] == 0
    later = cli(db_path, "ingest", str(SAMPLES / "text"))
    assert "0 ingested, 0 duplicates" in later.output
    assert "2 stored earlier without statements, now extracted" in later.output
    assert json.loads(cli(db_path, "stats", "--json").stdout)["statements"] > 0


def test_extract_prints_statements_of_raw_files(tmp_path: Path) -> None:
    page = tmp_path / "wire.txt"
    page.write_text('MOSCOW - "We will not back down," Foreign Minister Sergei Lavrov told reporters.\n')
    [record] = [json.loads(line) for line in runner.invoke(app, ["extract", str(page)]).stdout.splitlines()]
    assert record["source"] == str(page)
    assert record["speaker"] == "Sergei Lavrov"
    start, end = record["span"]
    assert page.read_text()[start:end].strip('"') == "We will not back down,"


def test_extract_reads_files_as_ingest_does(tmp_path: Path) -> None:
    quote = "\u201cWe will not back down,\u201d Foreign Minister Sergei Lavrov told reporters.\n"
    marked, legacy = tmp_path / "marked.txt", tmp_path / "legacy.txt"
    marked.write_bytes(quote.encode("utf-8-sig"))  # a byte-order mark before the opening quote
    legacy.write_bytes(quote.encode("cp1252"))
    result = runner.invoke(app, ["extract", str(marked), str(legacy), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1 and "gone.txt: No such file or directory" in result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["kind"], r["speaker"]) for r in records] == [("direct", "Sergei Lavrov")] * 2
    start, end = records[0]["span"]  # offsets as a UTF-8 reader counts them, the mark included
    assert marked.read_text(encoding="utf-8")[start:end] == quote[:24]


def test_a_columns_i_is_its_byline_in_extract_and_in_ingest(tmp_path: Path) -> None:
    column = Path(__file__).parent / "fixtures" / "articles" / "opinion_workweek.txt"
    printed = [json.loads(line) for line in runner.invoke(app, ["extract", str(column)]).stdout.splitlines()]
    argued = next(r for r in printed if r["cue"] == "have argued")
    assert (argued["speaker"], argued["speaker_mention"]) == ("Rachel Okafor", "I")
    db = str(tmp_path / "news.db")
    assert cli(db, "ingest", str(column)).exit_code == 0
    exported = cli(db, "export", "-f", "jsonl", "-t", "statements").stdout.splitlines()
    stored = [json.loads(line) for line in exported]
    argued = next(r for r in stored if r["cue"] == "have argued")
    # ingest keeps the byline as metadata, out of the text, and still knows who "I" is
    assert argued["speaker"] == "Rachel Okafor" and "By Rachel Okafor" not in argued["text"]


def test_extract_min_confidence_drops_unlikely_statements_but_keeps_who_reported_a_kept_one() -> None:
    files = [str(p) for p in sorted((SAMPLES / "text").glob("*.txt"))]

    def found(level: str) -> list[dict]:
        result = runner.invoke(app, ["extract", *files, "--min-confidence", level])
        return [json.loads(line) for line in result.stdout.splitlines()]

    everything, confident = found("0"), found("0.6")
    assert 0 < len(confident) < len(everything)
    reporters = {s["parent_id"] for s in confident}
    for s in confident:
        assert s["confidence"] >= 0.6 or s["id"] in reporters
    assert runner.invoke(app, ["extract", files[0], "--min-confidence", "2"]).exit_code == 2


def test_a_statement_the_tagger_finds_too_is_as_sure_as_it_says_whatever_the_level(tmp_path: Path) -> None:
    page = tmp_path / "mp.txt"
    page.write_text(
        "The MP for Riverton North, Alan Pryce, has called for an independent inquiry into the council's "
        "failed IT contract.\n\nThe council's chief executive, Fiona Grant, said an internal review had "
        "found no wrongdoing.\n"
    )

    def called(*level: str) -> dict:
        result = runner.invoke(app, ["extract", str(page), *level])
        return next(r for r in map(json.loads, result.stdout.splitlines()) if r["cue"] == "has called for")

    # the scorer alone gives "has called for" under 0.7; the tagger finds the same words at 0.99
    assert called("--no-tagger", "--min-confidence", "0")["confidence"] < 0.7
    default, strict = called(), called("--min-confidence", "0.7")
    assert default["speaker"] == strict["speaker"] == "Alan Pryce"
    # the tagger reads the rules' spans as hints, which differ with the level: so does its probability, a bit
    assert default["confidence"] > 0.9 and strict["confidence"] > 0.9


def test_extract_table_shows_who_said_what_and_how_sure_we_are(tmp_path: Path) -> None:
    page = tmp_path / "wire.txt"
    page.write_text('MOSCOW - "We will not back down," Foreign Minister Sergei Lavrov told reporters.\n')
    shown = runner.invoke(app, ["extract", str(page), "--format", "table"]).stdout
    assert "Sergei Lavrov" in shown and "confidence" in shown and "wire.txt" in shown
