"""From what the user names (files, folders, URLs, `-`) to a stream of articles and failures.

Each input's format comes from its name, then from its first bytes. A failure is
yielded, never raised, so one broken file does not stop a batch.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from counterpoint.errors import InputError
from counterpoint.ingest import feeds, html, jsonl, text, warc
from counterpoint.ingest.decode import to_text
from counterpoint.ingest.fetch import fetch
from counterpoint.records import Article, Failure

FORMATS = ("html", "text", "jsonl", "json", "feed", "warc")

_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}


@dataclass(frozen=True, slots=True)
class Options:
    """Limits and choices for reading inputs; the defaults suit a laptop and a polite crawler."""

    max_bytes: int = 20_000_000
    timeout: float = 20.0
    follow_links: bool = False
    format: str | None = None  # force a format instead of detecting it


def read(targets: Iterable[str], options: Options | None = None) -> Iterator[Article | Failure]:
    options = options or Options()
    for target in targets:
        if target == "-":
            yield from _guard("<stdin>", lambda: _read_bytes(sys.stdin.buffer.read(), "<stdin>", options))
        elif target.startswith(("http://", "https://")):
            yield from _guard(target, lambda t=target: _read_url(t, options))
        else:
            path = Path(target)
            if not path.exists():
                yield Failure(target, "no such file or directory")
            elif path.is_dir():
                for file in sorted(p for p in path.rglob("*") if _news_file(p, path)):
                    yield from _guard(str(file), lambda f=file: _read_file(f, options))
            else:
                yield from _guard(target, lambda p=path: _read_file(p, options))


def _news_file(path: Path, root: Path) -> bool:
    """In a folder, only files named like news inputs: READMEs and scripts beside them are not articles."""
    if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    name = path.name.lower().removesuffix(".gz")
    return name.endswith((*_SUFFIXES, ".xml"))


def _guard(source: str, produce: Callable[[], Iterator[Article | Failure]]) -> Iterator[Article | Failure]:
    """Turn an input's error into a failure line, keeping what it yielded before the error."""
    try:
        yield from produce()
    except InputError as exc:
        yield Failure(source, str(exc))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(source, f"truncated or corrupt compressed data: {exc}")
    except OSError as exc:
        yield Failure(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # the parsers we call (warcio, feedparser, lxml) fail in ways of their own
        yield Failure(source, f"cannot parse: {type(exc).__name__}: {exc}")


def detect(name: str, head: bytes) -> str:
    """The format of an input, from its name, else from its first bytes."""
    lowered = name.lower().removesuffix(".gz")
    for suffix, fmt in _SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return sniff(head)


def sniff(head: bytes) -> str:
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(64)
        except (OSError, EOFError, zlib.error):
            return "gzip"  # compressed, but not readable as anything we know
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if stripped.startswith((b"{", b"[")):
        return "jsonl" if stripped.startswith(b"{") else "json"
    if stripped.startswith(b"<"):
        if b"<rss" in stripped or b"<feed" in stripped or b"<rdf:rdf" in stripped:
            return "feed"
        return "html"
    return "text"


def _read_file(path: Path, options: Options) -> Iterator[Article | Failure]:
    with path.open("rb") as handle:
        head = handle.read(4096)
    fmt = options.format or detect(path.name, head)
    source = str(path)
    if fmt == "warc":
        if sniff(head) != "warc" and not head.startswith(b"filedesc://"):
            raise InputError("not a WARC archive: it does not start with a WARC record")
        with path.open("rb") as stream:
            yield from warc.parse(stream, source, max_bytes=options.max_bytes)
        return
    if fmt == "jsonl":
        with _open_lines(path) as lines:
            yield from jsonl.parse_lines(lines, source)
        return
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(
            f"over the size cap: {size:,} bytes > {options.max_bytes:,} (raise it with --max-bytes)"
        )
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = _gunzip(data)
    yield from _parse(data, source, fmt, options)


def _open_lines(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise InputError(f"truncated or corrupt gzip data: {exc}") from exc


def _read_bytes(
    data: bytes, source: str, options: Options, fmt: str | None = None
) -> Iterator[Article | Failure]:
    if len(data) > options.max_bytes:
        raise InputError(f"over the size cap: {len(data):,} bytes > {options.max_bytes:,}")
    fmt = options.format or fmt or sniff(data[:4096])
    if fmt == "warc":
        yield from warc.parse(io.BytesIO(data), source, max_bytes=options.max_bytes)
    elif fmt == "jsonl":
        yield from jsonl.parse_lines(io.BytesIO(data), source)
    else:
        yield from _parse(data, source, fmt, options)


def _parse(data: bytes, source: str, fmt: str, options: Options) -> Iterator[Article | Failure]:
    if fmt == "html":
        yield html.parse(data, source)
    elif fmt == "text":  # to_text refuses binary content, after a byte-order mark has said UTF-16
        yield text.parse(to_text(data), source)
    elif fmt == "json":
        yield from jsonl.parse_document(data, source)
    elif fmt == "feed":
        follow = (lambda link: _fetch_page(link, options)) if options.follow_links else None
        yield from feeds.parse(data, source, follow=follow)
    else:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _fetch_page(url: str, options: Options) -> Article:
    page = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes)
    return html.parse(page.content, url, url=page.url, charset=page.charset)


def _read_url(url: str, options: Options) -> Iterator[Article | Failure]:
    page = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes)
    kind = page.content_type
    if kind in ("text/html", "application/xhtml+xml"):
        yield html.parse(page.content, url, url=page.url, charset=page.charset)
        return
    fmt = {
        "application/rss+xml": "feed",
        "application/atom+xml": "feed",
        "application/json": "json",
        "application/x-ndjson": "jsonl",
        "application/warc": "warc",
        "text/plain": "text",
    }.get(kind)
    yield from _read_bytes(page.content, url, options, fmt)
