"""Build samples/archive.warc.gz from the HTML pages in samples/warc_pages/.

The output is reproducible: every WARC-Date and WARC-Record-ID is fixed, so running
this script again yields a byte-identical archive. Run from anywhere:

    python samples/make_warc.py

Records written, in order:

* ``warcinfo``
* for each of the three pages: a ``request`` and an HTML ``response`` (HTTP 200,
  ``Content-Type: text/html`` with a charset; one page is windows-1252)
* a ``response`` for a stylesheet (``text/css``) and one for an image (``image/png``)
* a ``response`` with HTTP 301 and a tiny HTML body (a redirect, not an article)
* a ``revisit`` record (identical-payload-digest) for the first page, re-crawled
* a ``metadata`` record listing the outlinks of the first page

Only the three HTTP 200 HTML responses are articles; an ingester must skip the rest.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc_pages"
OUT = HERE / "archive.warc.gz"
NAMESPACE = uuid.UUID("6f1c2a3e-9b7d-4c55-8e21-0c0a7e5d4b10")

# file name, URL, charset, crawl time (WARC-Date), HTTP Date, Last-Modified
PAGE_SPECS = [
    (
        "un-veto-crimea-2014.html",
        "http://www.atlantic-dispatch.example/world/russia-vetoes-un-resolution-crimea-referendum",
        "utf-8",
        "2014-03-16T03:12:09Z",
        "Sun, 16 Mar 2014 03:12:09 GMT",
        "Sat, 15 Mar 2014 20:02:41 GMT",
    ),
    (
        "crimea-results-eu-sanctions-2014.html",
        "http://www.danubedaily.example/en/europe/crimea-asks-to-join-russia-eu-us-sanctions-20140317",
        "utf-8",
        "2014-03-18T01:40:55Z",
        "Tue, 18 Mar 2014 01:40:55 GMT",
        "Mon, 17 Mar 2014 17:31:12 GMT",
    ),
    (
        "lakeshore-comet-discovery-2019.html",
        "http://lakeshoretribune.example/science/2019/06/04/amateur-comet-find-confirmed",
        "windows-1252",
        "2019-06-05T07:03:30Z",
        "Wed, 05 Jun 2019 07:03:30 GMT",
        "Tue, 04 Jun 2019 20:30:02 GMT",
    ),
]

CSS = b"body{font-family:Georgia,serif;margin:0}.nav a{padding:0 8px}.article-text p{line-height:1.5}\n"

# A 1x1 transparent PNG, written out here so the script needs no binary input file.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

REDIRECT = (
    b"<html><head><title>301 Moved Permanently</title></head><body>"
    b"<h1>Moved Permanently</h1><p>The document has moved "
    b'<a href="http://www.danubedaily.example/en/europe/crimea-asks-to-join-russia-eu-us-sanctions-20140317">'
    b"here</a>.</p></body></html>\n"
)


def record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, '|'.join(parts))}>"


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_headers(kind: str, uri: str, date: str, **extra: str) -> dict[str, str]:
    headers = {"WARC-Record-ID": record_id(kind, uri, date), "WARC-Date": date}
    headers.update(extra)
    return headers


def write_request(writer: WARCWriter, uri: str, date: str, accept: str) -> str:
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
    http = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [
            ("Host", host),
            ("User-Agent", "Mozilla/5.0 (compatible; counterpoint-sample-crawler/0.1)"),
            ("Accept", accept),
            ("Accept-Encoding", "identity"),
            ("Connection", "close"),
        ],
        is_http_request=True,
    )
    rid = record_id("request", uri, date)
    writer.write_record(
        writer.create_warc_record(
            uri, "request", http_headers=http, warc_headers_dict=warc_headers("request", uri, date)
        )
    )
    return rid


def write_response(
    writer: WARCWriter,
    uri: str,
    date: str,
    http_date: str,
    body: bytes,
    content_type: str,
    *,
    status: str = "200 OK",
    extra_http: list[tuple[str, str]] | None = None,
    concurrent_to: str | None = None,
) -> None:
    headers = [
        ("Date", http_date),
        ("Server", "Apache"),
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        ("Connection", "close"),
    ]
    headers[2:2] = extra_http or []
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    extra = {"WARC-IP-Address": "192.0.2.17"}
    if concurrent_to:
        extra["WARC-Concurrent-To"] = concurrent_to
    writer.write_record(
        writer.create_warc_record(
            uri,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict=warc_headers("response", uri, date, **extra),
        )
    )


def main() -> None:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)

    info = (
        b"software: warcio (counterpoint samples/make_warc.py)\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: Illustrative sample crawl for counterpoint; CC0; pages written for the project.\r\n"
        b"isPartOf: counterpoint-samples\r\n"
        b"robots: obey\r\n"
    )
    info_date = "2014-03-16T03:12:00Z"
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict=warc_headers(
                "warcinfo", "archive.warc.gz", info_date, **{"WARC-Filename": "archive.warc.gz"}
            ),
        )
    )

    first_body = b""
    for name, uri, charset, date, http_date, last_modified in PAGE_SPECS:
        body = (PAGES / name).read_bytes()
        if not first_body:
            first_body = body
        rid = write_request(writer, uri, date, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
        write_response(
            writer,
            uri,
            date,
            http_date,
            body,
            f"text/html; charset={charset}",
            extra_http=[("Last-Modified", last_modified), ("Vary", "Accept-Encoding")],
            concurrent_to=rid,
        )
        if name.startswith("un-veto"):
            css_uri = "http://www.atlantic-dispatch.example/static/css/main.css"
            write_response(
                writer, css_uri, "2014-03-16T03:12:11Z", "Sun, 16 Mar 2014 03:12:11 GMT", CSS, "text/css"
            )
            png_uri = "http://www.atlantic-dispatch.example/img/pixel.png"
            write_response(
                writer, png_uri, "2014-03-16T03:12:12Z", "Sun, 16 Mar 2014 03:12:12 GMT", PNG, "image/png"
            )

    old_uri = "http://www.danubedaily.example/en/europe/crimea-asks-to-join-russia"
    write_response(
        writer,
        old_uri,
        "2014-03-18T01:40:54Z",
        "Tue, 18 Mar 2014 01:40:54 GMT",
        REDIRECT,
        "text/html; charset=iso-8859-1",
        status="301 Moved Permanently",
        extra_http=[("Location", PAGE_SPECS[1][1])],
    )

    # The first page crawled again a day later, unchanged: a revisit, not a new article.
    uri, first_date = PAGE_SPECS[0][1], PAGE_SPECS[0][3]
    revisit_date = "2014-03-17T03:15:40Z"
    revisit_http = StatusAndHeaders(
        "200 OK",
        [
            ("Date", "Mon, 17 Mar 2014 03:15:40 GMT"),
            ("Server", "Apache"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(first_body))),
        ],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_revisit_record(
            uri,
            digest=sha1_b32(first_body),
            refers_to_uri=uri,
            refers_to_date=first_date,
            http_headers=revisit_http,
            warc_headers_dict=warc_headers(
                "revisit", uri, revisit_date, **{"WARC-Refers-To": record_id("response", uri, first_date)}
            ),
        )
    )

    outlinks = (
        b"outlink: http://www.atlantic-dispatch.example/world/kerry-lavrov-london-talks L a/@href\n"
        b"outlink: http://www.atlantic-dispatch.example/world/crimea-vote-preparations L a/@href\n"
        b"outlink: http://www.atlantic-dispatch.example/static/css/main.css E link/@href\n"
    )
    writer.write_record(
        writer.create_warc_record(
            uri,
            "metadata",
            payload=BytesIO(outlinks),
            length=len(outlinks),
            warc_content_type="application/warc-fields",
            warc_headers_dict=warc_headers(
                "metadata", uri, first_date, **{"WARC-Concurrent-To": record_id("response", uri, first_date)}
            ),
        )
    )

    OUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, crc32 {zlib.crc32(buffer.getvalue()):08x})")


if __name__ == "__main__":
    main()
