"""WARC and WARC.gz archives, streamed record by record: memory stays flat however large the file."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from counterpoint.errors import InputError
from counterpoint.ingest import html
from counterpoint.records import Article, Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Responses that hold a text of their own (a report, a statement), not a page's parts: one is recorded as a
# failure, so that it is not lost without a word. Images, styles and scripts are passed over.
DOCUMENT_TYPES = (
    "application/pdf",
    "application/msword",
    "application/rtf",
    "application/epub+zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml",
    "application/vnd.oasis.opendocument.text",
)
_CHUNK = 1 << 16


def parse(stream: BinaryIO, source: str, *, max_bytes: int = 20_000_000) -> Iterator[Article | Failure]:
    """Articles from the HTML `response` records, failures for documents of other kinds (PDF, Word). Every
    other record is skipped but read to its end, since
    warcio ends quietly on an archive cut short in any record: an article lost there is reported."""
    records = ArchiveIterator(stream)
    number = last = 0
    try:
        for record in records:
            number, last = number + 1, records.offset
            if record.rec_type is None:
                raise EOFError(f"record {number} is cut short in its headers")
            found = _page(record, f"{source}#{_uri(record) or number}", max_bytes)
            while record.raw_stream.read(_CHUNK):
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:  # the record ends before its Content-Length
                raise EOFError(f"record {_uri(record) or number} is cut short")
            if found is not None:
                yield found
        if not _whole(stream, last):
            raise EOFError("it ends inside a compressed record")
    except AttributeError:  # warcio's way to fail on a record whose WARC headers lack what it needs
        yield Failure(source, f"malformed headers in WARC record {number + 1}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        kind = "not a WARC archive" if number == 0 else f"truncated or corrupt archive at record {number}"
        yield Failure(source, f"{kind}: {exc}")


def _whole(stream: BinaryIO, last: int) -> bool:
    """Whether a gzipped archive ends where a record does: warcio ends quietly on one cut inside a record's
    headers, gzip does not. Only what follows the `last` record's start is unzipped again (a stream that
    cannot be read again is taken as whole)."""
    if not stream.seekable():
        return True
    stream.seek(last)
    if stream.read(2) != b"\x1f\x8b":
        return True
    stream.seek(last)
    try:
        with gzip.GzipFile(fileobj=stream) as unzipped:
            while unzipped.read(_CHUNK):
                pass
    except (EOFError, OSError, gzip.BadGzipFile):
        return False
    return True


def _uri(record: ArcWarcRecord) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")


def _page(record: ArcWarcRecord, where: str, max_bytes: int) -> Article | Failure | None:
    """The article in an HTML response with status 200, a failure for a document of another kind; None for
    any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if content_type.startswith(DOCUMENT_TYPES):
        kind = content_type.split(";")[0].strip()
        return Failure(where, f"a document ({kind}), not an HTML page: convert it to text to ingest it")
    if not content_type.startswith(HTML_TYPES):
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Failure(where, f"over the size cap: more than {max_bytes:,} bytes")
    if getattr(record.raw_stream, "limit", 0) > 0:  # cut short: reported by the caller, not parsed
        return None
    charset = content_type.partition("charset=")[2].split(";")[0].strip() or None
    crawled = record.rec_headers.get_header("WARC-Date")
    try:
        return html.parse(payload, where, url=_uri(record), charset=charset, meta={"crawled_at": crawled})
    except InputError as exc:
        return Failure(where, str(exc))
