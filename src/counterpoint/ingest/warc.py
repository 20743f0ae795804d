"""WARC and WARC.gz archives, streamed record by record: memory stays flat however large the file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from counterpoint.errors import InputError
from counterpoint.ingest import html
from counterpoint.records import Article, Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse(stream: BinaryIO, source: str, *, max_bytes: int = 20_000_000) -> Iterator[Article | Failure]:
    """Articles from the HTML `response` records; everything else is skipped."""
    records = ArchiveIterator(stream)
    number = 0
    try:
        for record in records:
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{url or number}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Failure(where, f"over the size cap: more than {max_bytes:,} bytes")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the record ends before its Content-Length
                raise EOFError(f"record {url or number} is cut short")
            charset = content_type.partition("charset=")[2].split(";")[0].strip() or None
            crawled = record.rec_headers.get_header("WARC-Date")
            try:
                yield html.parse(payload, where, url=url, charset=charset, meta={"crawled_at": crawled})
            except InputError as exc:
                yield Failure(where, str(exc))
    except AttributeError:  # warcio's way to fail on a record whose WARC headers lack what it needs
        yield Failure(source, f"malformed headers in WARC record {number + 1}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        kind = "not a WARC archive" if number == 0 else f"truncated or corrupt archive after record {number}"
        yield Failure(source, f"{kind}: {exc}")
