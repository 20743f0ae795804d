"""Cross-checking commands (relate, link, check, who), registered on the main `app`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from counterpoint import api
from counterpoint.cli import SPACY_MODEL, app, err, load_extractor, open_store, out
from counterpoint.errors import ModelError
from counterpoint.link import crosscheck, reports
from counterpoint.link.relation import Relater, model_kind, model_name
from counterpoint.records import Article, Failure


@contextmanager
def _model_errors() -> Iterator[None]:
    """A model that fails to load is one line and exit status 1, like every other error a user can fix."""
    try:
        yield
    except ModelError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc


def _model_folder(path: Path | None) -> Path | None:
    """Check a --relation-model folder before any work starts (a link run would otherwise fail late)."""
    if path is not None:
        try:
            model_kind(path)
        except ModelError as exc:
            raise typer.BadParameter(str(exc), param_hint="--relation-model") from exc
    return path


ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--relation-model",
        help="A sentence-transformers CrossEncoder, Hugging Face or ONNX folder to use instead of ours.",
        callback=_model_folder,
    ),
]
REPORT_FORMATS = ("text", "markdown", "html", "json")


def _format(value: str) -> str:
    if value not in REPORT_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    return value


@app.command()
def relate(
    input: Annotated[
        str, typer.Option("--input", "-i", help='JSONL of {"a": claim, "b": text}; - for stdin.')
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (one verdict a line, same order).")
    ] = "jsonl",
    relation_model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(help="Pairs per model batch.")] = 32,
) -> None:
    """Run the relation model on arbitrary pairs: agree, contradict, discuss or unrelated, with scores.

    `b` may be a sentence, a paragraph or a whole article body (its best passages are scored).

    Example: `counterpoint relate --input pairs.jsonl > relations.jsonl`
    """
    if format != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    try:
        stream = sys.stdin if input == "-" else open(input, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {input}: {exc.strerror}", param_hint="--input") from exc
    with stream:
        lines = stream.read().splitlines()
    while lines and not lines[-1].strip():  # blank lines at the end answer nothing; one between pairs does
        lines.pop()
    read = [_pair(n, line) for n, line in enumerate(lines, 1)]
    pairs = [r for r in read if isinstance(r, tuple)]
    with _model_errors():
        verdicts = iter(Relater(relation_model).relate(pairs, batch_size=batch_size))
    for r in read:  # a bad line keeps its place, as an error, so line k of the output still answers line k
        if isinstance(r, tuple):
            print(json.dumps(next(verdicts).to_dict()))
        else:
            print(json.dumps({"error": r}))
            err.print(f"[red]error:[/red] {r}", highlight=False, soft_wrap=True)
    bad = len(read) - len(pairs)
    if bad:
        raise typer.Exit(3 if bad == len(read) else 1)


def _pair(n: int, line: str) -> tuple[str, str] | str:
    """A line's (claim, text), or what is wrong with it."""
    if not line.strip():
        return f"line {n}: empty, no pair to relate"
    try:
        record = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        return f"line {n}: not JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(record, dict):
        return f'line {n}: expected an object {{"a": ..., "b": ...}}'
    missing = [k for k in ("a", "b") if not isinstance(record.get(k), str) or not record[k].strip()]
    if missing:
        return f"line {n}: " + " and ".join(f'"{k}"' for k in missing) + " must be non-empty text"
    return record["a"], record["b"]


@app.command("export-model")
def export_model(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write: model.onnx, tokenizer, config.json.")],
    int8: Annotated[bool, typer.Option("--int8", help="Quantize the weights to int8 (smaller).")] = False,
    relation_model: ModelOption = None,
) -> None:
    """Write the relation model as an ONNX folder, to run with onnxruntime or serve elsewhere.

    Needs `pip install "counterpoint[onnx]" onnx`. Use it with `--relation-model OUT_DIR`.

    Example: `counterpoint export-model relation-onnx --int8`
    """
    from counterpoint.link import onnx_model
    from counterpoint.link.relation import CrossEncoder

    if relation_model is not None and model_kind(relation_model) == "onnx":
        raise typer.BadParameter("this model is an ONNX folder already", param_hint="--relation-model")
    with _model_errors():
        path = onnx_model.export(CrossEncoder(relation_model), out_dir, int8=int8)
    err.print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")


@app.command()
def link(
    relation_model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
) -> None:
    """Cross-check the store: compare each statement not yet compared with its candidates, store the links.

    Only new statements are compared, so run it after every ingest.

    Example: `counterpoint --db news.db link`
    """
    with open_store() as store, _model_errors():
        report = crosscheck.link(store, Relater(relation_model))
    if as_json:
        out.print_json(json.dumps(report.to_dict()))
        return
    found = ", ".join(f"{n} {k}" for k, n in sorted(report.links.items())) or "no links"
    err.print(
        f"{report.new} of {report.statements} checkable statements looked up (new, or with no candidate "
        f"before), {report.pairs} new pairs: {found}",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def check(
    target: Annotated[str, typer.Argument(help="An article file or http(s) URL.")],
    format: Annotated[
        str, typer.Option("--format", "-f", callback=_format, help="text, markdown, html, json.")
    ] = "text",
    relation_model: ModelOption = None,
    spacy_model: Annotated[str, typer.Option(help="An installed spaCy pipeline or a path.")] = SPACY_MODEL,
) -> None:
    """Ingest one article and report what elsewhere in the store supports or contradicts each of its
    statements.

    Example: `counterpoint --db news.db check article.html --format html > report.html`
    """
    if Path(target).is_dir():
        raise typer.BadParameter(
            "a folder: check reports on one article (ingest the folder first, then check one file)",
            param_hint="TARGET",
        )
    seen: list[Article] = []

    def keep(item: Article | Failure, outcome: str) -> None:
        if isinstance(item, Article):
            seen.append(item)
        else:
            err.print(f"[red]failed[/red] {item}", highlight=False, soft_wrap=True)

    with open_store(create=True) as store:
        api.ingest([target], store, extractor=load_extractor(spacy_model), on_item=keep)
        if not seen:
            raise typer.Exit(3)
        if len(seen) > 1:
            err.print(f"{target} holds {len(seen)} articles: the report is on the first", soft_wrap=True)
        relater = Relater(relation_model)
        with _model_errors():
            crosscheck.link(store, relater, article_id=seen[0].id)
        report = reports.check_report(store, seen[0].id, relater.name)
    print(reports.render(report, format))


@app.command()
def who(
    name: Annotated[str, typer.Argument(help="A person or organisation, as named in the news.")],
    about: Annotated[str | None, typer.Option("--about", help="Only statements with these words.")] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", callback=_format, help="text, markdown, html, json.")
    ] = "text",
    relation_model: ModelOption = None,
) -> None:
    """A timeline of what someone said, and was reported as saying, with agreements and contradictions
    flagged.

    Run `counterpoint link` first so the store's statements are cross-checked.

    Example: `counterpoint --db news.db who "Jane Smith" --about tariffs --format markdown`
    """
    if not name.strip():
        raise typer.BadParameter("a name is needed, as the news names them", param_hint="NAME")
    with open_store() as store:
        report = reports.who_report(store, name, about, model_name(relation_model))
    print(reports.render(report, format))
