"""URLs, fetched from a real HTTP server on 127.0.0.1: never the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from counterpoint.ingest import Options, read
from counterpoint.records import Article, Failure
from tests.conftest import SAMPLES

PAGE = (SAMPLES / "html" / "meridian-crimea-referendum-2014.html").read_bytes()
LATIN1 = (
    "<html><head><title>Caf\xe9 talks</title></head><body><article>"
    "<p>Ministers met at a caf\xe9 in Gen\xe8ve on Thursday and agreed to resume talks next week.</p>"
    "<p>\xabWe made progress,\xbb the Swiss host said after the meeting, according to officials.</p>"
    "</article></body></html>"
).encode("latin-1")
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Crimea votes</title><link>{base}/page</link><pubDate>Sun, 16 Mar 2014 22:15:00 GMT</pubDate>
<description>Short teaser.</description></item></channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        routes = {
            "/page": (200, "text/html; charset=utf-8", PAGE),
            "/latin1": (200, "text/html; charset=iso-8859-1", LATIN1),
            "/feed": (200, "application/rss+xml", FEED.format(base=self.server.base).encode()),
            "/big": (200, "text/html", b"<html>" + b"x" * 5000 + b"</html>"),
            "/missing": (404, "text/plain", b"not here"),
        }
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(2)
        status, kind, body = routes.get(self.path, (200, "text/html", PAGE))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.base = f"http://127.0.0.1:{server.server_port}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.base  # type: ignore[attr-defined]
    server.shutdown()


def one(url: str, **options: object) -> Article | Failure:
    [item] = list(read([url], Options(**options)))
    return item


def test_a_page_is_fetched_and_keeps_its_canonical_url(base: str) -> None:
    page = one(f"{base}/page")
    assert isinstance(page, Article)
    assert page.source == f"{base}/page"
    assert page.url.startswith("https://www.meridianpost.example/")
    assert page.meta["fetched_from"] == f"{base}/page"


def test_redirects_are_followed(base: str) -> None:
    page = one(f"{base}/moved")
    assert isinstance(page, Article) and page.title.startswith("Crimea votes to join Russia")


def test_charset_comes_from_the_http_headers(base: str) -> None:
    page = one(f"{base}/latin1")
    assert isinstance(page, Article)
    assert "café in Genève" in page.text and "«We made progress,»" in page.text


def test_a_feed_url_with_follow_links_fetches_each_item(base: str) -> None:
    [item] = list(read([f"{base}/feed"], Options(follow_links=True)))
    assert isinstance(item, Article)
    assert item.outlet == "The Meridian Post"  # the page's own markup wins over the feed's title
    assert item.text.startswith("Pro-Russian authorities claim")
    assert item.meta["feed_item"] is True


def test_a_feed_url_without_follow_links_keeps_the_summary(base: str) -> None:
    [item] = list(read([f"{base}/feed"]))
    assert item.text == "Short teaser." and item.meta["summary_only"] is True
    assert item.published == "2014-03-16T22:15:00+00:00"


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/missing", {}, "HTTP 404"),
        ("/big", {"max_bytes": 1000}, "over the size cap"),
        ("/slow", {"timeout": 0.5}, "timed out"),
    ],
)
def test_fetch_failures_are_one_clear_line(base: str, path: str, options: dict, reason: str) -> None:
    failure = one(f"{base}{path}", **options)
    assert isinstance(failure, Failure)
    assert failure.source == f"{base}{path}"
    assert reason in failure.reason


def test_an_unreachable_host_is_a_failure_not_a_crash() -> None:
    failure = one("http://127.0.0.1:9/nothing", timeout=2)
    assert isinstance(failure, Failure) and "cannot fetch" in failure.reason
