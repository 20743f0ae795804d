"""Ingest throughput on this machine, split by stage, and memory while streaming a large WARC.

    python benchmarks/ingest_throughput.py [--copies 20] [--warc-records 3000]

The corpus is the project's own pages (benchmarks/data/html, samples/) and scrapes
(benchmarks/data/scrapes, samples/text), each copied with a distinct closing paragraph so
every copy is a new article. Stages: trafilatura (main text), our cleaning and
metadata, and the store (MinHash, near-duplicate lookup, SQLite commit).
"""

from __future__ import annotations

import argparse
import io
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from counterpoint.api import ingest
from counterpoint.extract import Extractor
from counterpoint.ingest import html, text
from counterpoint.ingest.decode import to_text
from counterpoint.ingest.sources import read
from counterpoint.store import Store

ROOT = Path(__file__).resolve().parent.parent


def corpus(kind: str, copies: int) -> list[tuple[str, str]]:
    if kind == "html":
        files = sorted((ROOT / "benchmarks/data/html").glob("*.html")) + sorted(
            (ROOT / "samples/html").glob("*.html")
        )
    else:
        files = sorted((ROOT / "benchmarks/data/scrapes").glob("*.txt")) + sorted(
            (ROOT / "samples/text").glob("*.txt")
        )
        files = [f for f in files if not f.name.endswith(".body.txt")]
    docs = []
    for n in range(copies):
        for f in files:
            raw = f.read_text(encoding="utf-8")
            closing = f"Copy {n} of {f.stem}: officials said talks on case {n * 7919 % 10007} would resume."
            if kind == "html":
                raw = raw.replace("</article>", f"<p>{closing}</p></article>", 1)
            else:
                raw = raw.replace("\n\n", f"\n\n{closing}\n\n", 1)
            docs.append((f"{f.name}#{n}", raw))
    return docs


def words(docs: list[tuple[str, str]]) -> int:
    return sum(len(raw.split()) for _, raw in docs)


def stages_html(docs: list[tuple[str, str]], db: str) -> dict[str, float]:
    html.parse(docs[0][1].encode(), "warm-up")  # imports and first-call caches are not throughput
    start = time.perf_counter()
    for _, raw in docs:
        trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=True)
    extractor = time.perf_counter() - start
    start = time.perf_counter()
    articles = [html.parse(raw.encode(), name) for name, raw in docs]
    parse = time.perf_counter() - start
    return {
        "trafilatura": extractor,
        "ours (cleaning, metadata)": parse - extractor,
        **store_stage(articles, db),
    }


def stages_text(docs: list[tuple[str, str]], db: str) -> dict[str, float]:
    start = time.perf_counter()
    articles = [text.parse(to_text(raw.encode()), name) for name, raw in docs]
    return {"cleaner (ours)": time.perf_counter() - start, **store_stage(articles, db)}


def store_stage(articles: list, db: str) -> dict[str, float]:
    with Store(db) as store:
        start = time.perf_counter()
        for article in articles:
            store.add(article)
        return {"store (MinHash, near-dup lookup, commit)": time.perf_counter() - start}


def end_to_end(docs: list[tuple[str, str]], suffix: str, folder: Path) -> tuple[float, float]:
    """Articles per second of `ingest` on a folder: without extraction, then with it (the CLI default)."""
    inputs = folder / f"in-{suffix}"
    inputs.mkdir()
    for i, (_, raw) in enumerate(docs):
        (inputs / f"{i:06d}.{suffix}").write_text(raw, encoding="utf-8")
    rates = []
    for extractor in (None, Extractor()):
        start = time.perf_counter()
        report = ingest([str(inputs)], db=str(folder / f"e2e-{suffix}-{len(rates)}.db"), extractor=extractor)
        elapsed = time.perf_counter() - start
        assert not report.failed, report.failed[:3]
        rates.append(len(report.ingested) / elapsed)
    return rates[0], rates[1]


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc: what streaming must keep flat."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warc_memory(records: int, folder: Path) -> None:
    """Stream a generated archive through the reader and the store, sampling memory as it goes."""
    pages = [raw for _, raw in corpus("html", 1)]
    path = folder / "big.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(records):
            body = pages[i % len(pages)].replace(
                "</article>", f"<p>Record {i} closing line.</p></article>", 1
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"http://bench.example/{i}",
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=headers,
            )
            writer.write_record(record)
    size = path.stat().st_size / 1e6
    print(f"WARC: {records} records, {size:.1f} MB gzipped; before reading: {rss_mb():.0f} MB")
    with Store(folder / "warc.db") as store:
        for n, article in enumerate(read([str(path)]), start=1):
            store.add(article)
            if n % max(records // 6, 1) == 0:
                print(f"after {n} records: RSS {rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--warc-records", type=int, default=3000)
    parser.add_argument(
        "--only", choices=("throughput", "warc"), help="Run one part (the WARC part runs alone)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.only == "warc":
            warc_memory(args.warc_records, folder)
            return
        for kind, stages in (("html", stages_html), ("text", stages_text)):
            docs = corpus(kind, args.copies)
            timings = stages(docs, str(folder / f"stages-{kind}.db"))
            total = sum(timings.values())
            print(f"\n{kind}: {len(docs)} documents, {words(docs):,} words")
            print("| stage | seconds | share | docs/s |\n|---|---|---|---|")
            for stage, seconds in timings.items():
                print(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} | {len(docs) / seconds:.0f} |")
            bare, full = end_to_end(docs, "html" if kind == "html" else "txt", folder)
            print(f"end to end, one process: {bare:.1f} articles/s; with extraction {full:.1f} articles/s")
    if args.only is None:
        # A fresh process, so the models loaded above do not hide how much the stream itself holds.
        print(flush=True)
        command = [sys.executable, __file__, "--only", "warc", "--warc-records", str(args.warc_records)]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
