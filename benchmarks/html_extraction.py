"""Main-text extraction benchmark on the hand-checked HTML gold set.

For every ``NAME.html`` in the data directory with a ``NAME.txt`` beside it (the
expected body, written by hand; see ``benchmarks/data/html/README.md`` for what counts
as body), score each extractor with 4-token shingle precision, recall and F1
(``benchmarks/shingles.py``), pooled over the set (micro) and averaged per page (mean).

Extractors:

* ``trafilatura``: ``trafilatura.extract`` with default settings (comments off, tables on)
* ``trafilatura-precision``: the same with ``favor_precision=True``
* ``counterpoint``: ``counterpoint.ingest.html.parse(data, source).text``, when importable

Run::

    python benchmarks/html_extraction.py [--data DIR] [--worst N] [--per-page] [--show NAME]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from shingles import micro_prf, prf  # noqa: E402

DEFAULT_DATA = HERE / "data" / "html"

Extractor = Callable[[bytes, str], str]


def _trafilatura(favor_precision: bool) -> Extractor:
    import trafilatura

    def extract(data: bytes, source: str) -> str:
        text = trafilatura.extract(
            data, include_comments=False, include_tables=True, favor_precision=favor_precision
        )
        return text or ""

    return extract


def _counterpoint() -> tuple[Extractor | None, str]:
    src = HERE.parent / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.append(str(src))  # a checkout without `pip install -e .`; an installed package wins
    try:
        from counterpoint.ingest import html as cp_html
    except Exception as exc:  # ImportError, or an ingester that fails at import time
        return None, f"{type(exc).__name__}: {exc}"
    if not hasattr(cp_html, "parse"):
        return None, "counterpoint.ingest.html has no parse()"

    def extract(data: bytes, source: str) -> str:
        return cp_html.parse(data, source).text or ""

    return extract, ""


def load_pages(data_dir: Path) -> list[tuple[str, bytes, str]]:
    pages = []
    for html_path in sorted(data_dir.glob("*.html")):
        gold_path = html_path.with_suffix(".txt")
        if not gold_path.exists():
            print(f"warning: {html_path.name} has no gold {gold_path.name}; skipped", file=sys.stderr)
            continue
        pages.append((html_path.stem, html_path.read_bytes(), gold_path.read_text(encoding="utf-8")))
    return pages


def run(name: str, extract: Extractor, pages: list[tuple[str, bytes, str]]) -> dict:
    outputs: dict[str, str] = {}
    per_page: dict[str, tuple[float, float, float]] = {}
    errors: dict[str, str] = {}
    start = time.perf_counter()
    for stem, data, gold in pages:
        try:
            text = extract(data, f"{stem}.html")
        except Exception as exc:
            errors[stem] = f"{type(exc).__name__}: {exc}"
            if len(errors) == 1:
                traceback.print_exc()
            text = ""
        outputs[stem] = text
        per_page[stem] = prf(text, gold)
    seconds = time.perf_counter() - start
    micro = micro_prf([(outputs[stem], gold) for stem, _, gold in pages])
    n = len(pages) or 1
    mean = tuple(sum(scores[i] for scores in per_page.values()) / n for i in range(3))
    return {
        "name": name,
        "outputs": outputs,
        "per_page": per_page,
        "micro": micro,
        "mean": mean,
        "errors": errors,
        "seconds": seconds,
    }


def markdown_table(results: list[dict]) -> str:
    lines = [
        "| extractor | micro P | micro R | micro F1 | mean P | mean R | mean F1 | F1 < 0.8 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        low = sum(1 for _, _, f in r["per_page"].values() if f < 0.8)
        lines.append(
            f"| {r['name']} | {r['micro'][0]:.3f} | {r['micro'][1]:.3f} | {r['micro'][2]:.3f} "
            f"| {r['mean'][0]:.3f} | {r['mean'][1]:.3f} | {r['mean'][2]:.3f} | {low} | {len(r['errors'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory of NAME.html + NAME.txt")
    parser.add_argument("--worst", type=int, default=5, help="how many worst pages to list per extractor")
    parser.add_argument("--show", metavar="NAME", help="print each extractor's output for one page")
    parser.add_argument("--per-page", action="store_true", help="print every page's F1 for every extractor")
    args = parser.parse_args(argv)

    pages = load_pages(args.data)
    if not pages:
        print(f"no NAME.html + NAME.txt pairs in {args.data}", file=sys.stderr)
        return 1

    extractors: list[tuple[str, Extractor]] = [
        ("trafilatura", _trafilatura(favor_precision=False)),
        ("trafilatura-precision", _trafilatura(favor_precision=True)),
    ]
    cp_extract, why_missing = _counterpoint()
    if cp_extract is not None:
        extractors.append(("counterpoint", cp_extract))

    results = [run(name, extract, pages) for name, extract in extractors]

    print(f"# HTML main-text extraction: {len(pages)} pages from {args.data}\n")
    print("4-token shingle precision / recall / F1 against the hand-checked bodies.\n")
    print(markdown_table(results))
    if cp_extract is None:
        print(f"\n(c) counterpoint: not measured, `counterpoint.ingest.html` is missing ({why_missing})")

    for r in results:
        worst = sorted(r["per_page"].items(), key=lambda item: item[1][2])[: args.worst]
        print(f"\n## {r['name']}: worst {len(worst)} pages ({r['seconds']:.1f}s for the set)\n")
        print("| page | P | R | F1 |")
        print("|---|---:|---:|---:|")
        for stem, (p, rec, f) in worst:
            note = f" ({r['errors'][stem]})" if stem in r["errors"] else ""
            print(f"| {stem}{note} | {p:.3f} | {rec:.3f} | {f:.3f} |")

    if args.per_page:
        print("\n## Per-page F1\n")
        print("| page | " + " | ".join(r["name"] for r in results) + " |")
        print("|---|" + "---:|" * len(results))
        for stem, _, _ in pages:
            print(f"| {stem} | " + " | ".join(f"{r['per_page'][stem][2]:.3f}" for r in results) + " |")

    if args.show:
        for r in results:
            print(f"\n## {r['name']} on {args.show}\n")
            print(r["outputs"].get(args.show, f"(no page named {args.show})"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
