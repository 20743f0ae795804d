"""JSON and JSONL records as news crawlers and news APIs write them (news-please, CC-News, Scrapy feeds,
NewsAPI, Event Registry).

Field mapping, first match wins (documented in the README):
text ← maintext | text | content | body | article; title ← title; url ← url;
published ← date_publish | published | date | datePublished | pubdate | publishedAt | published_at |
dateTimePub | dateTime; outlet ← source_domain | site_name | sitename | outlet | domain | source (an object
with a name or title); byline ← authors | author; language ← language. A record with raw HTML (`html` |
`raw_html`) and no text is extracted as a page: what the page states comes first, and the record's fields fill
what it leaves out. Every other field is kept in `meta`. An API response holds its records under `articles`
(NewsAPI; Event Registry under `articles.results`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from counterpoint.errors import InputError
from counterpoint.ingest import html
from counterpoint.ingest.dates import parse_stated_date
from counterpoint.ingest.text import clean_body
from counterpoint.records import Article, Failure

TEXT = ("maintext", "text", "content", "body", "article")
PUBLISHED = (
    "date_publish",
    "published",
    "date",
    "datePublished",
    "pubdate",
    "publishedAt",
    "published_at",
    "dateTimePub",
    "dateTime",
)
OUTLET = ("source_domain", "site_name", "sitename", "outlet", "domain")
HOSTS = ("source_domain", "domain")  # an address, which names a site as its pages' addresses do
BYLINE = ("authors", "author")
HTML = ("html", "raw_html")
MAPPED = {"title", "url", "language", *TEXT, *PUBLISHED, *OUTLET, *BYLINE, *HTML}
# NewsAPI's free tier cuts `content` to its first 200 characters and says how many it left out
_CUT = re.compile(r"\s*(?:\u2026|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?(?=\s)")


def parse_lines(lines: Iterable[bytes], source: str) -> Iterator[Article | Failure]:
    """One article per line (or the articles of a response saved as a line); a bad line is a failure of that
    line only."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}#L{number}"
        try:
            value = json.loads(line)  # one record, or a saved API response
            records = _records(value) if isinstance(value, dict) else [value]
        except ValueError as exc:
            yield Failure(where, f"malformed JSON: {exc}")
            continue
        except InputError as exc:
            yield Failure(where, str(exc))
            continue
        for n, record in enumerate(records, start=1):
            yield _safely(record, f"{where}.{n}" if len(records) > 1 else where)


def parse_document(data: bytes, source: str) -> Iterator[Article | Failure]:
    """A .json file: one record, a list of records, or an API response that holds a list."""
    try:
        loaded = json.loads(data)
    except ValueError as exc:
        raise InputError(f"malformed JSON: {exc}") from exc
    records = _records(loaded)
    for number, record in enumerate(records, start=1):
        yield _safely(record, f"{source}#{number}" if len(records) > 1 else source)


def _records(loaded: Any) -> list[Any]:
    """The records a JSON value holds: itself, its items, or the `articles` of an API response (NewsAPI;
    Event Registry nests them under `articles.results`), so a saved response is read as the articles it
    lists rather than failing as one record with no text."""
    if isinstance(loaded, list):
        return loaded
    if isinstance(loaded, dict):
        if loaded.get("status") == "error":
            said = loaded.get("message") or loaded.get("code") or "no reason given"
            raise InputError(f"an error response from a news API, not articles: {said}")
        inner = loaded.get("articles")
        if isinstance(inner, dict):
            inner = inner.get("results")
        if isinstance(inner, list):
            return inner
    return [loaded]


def _safely(record: Any, where: str) -> Article | Failure:
    try:
        return parse_record(record, where)
    except InputError as exc:
        return Failure(where, str(exc))


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return key, value
    return None, None


def parse_record(record: Any, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object per record, got {type(record).__name__}")
    _, title = _first(record, ("title",))
    _, url = _first(record, ("url",))
    _, text = _first(record, TEXT)
    _, raw_html = _first(record, HTML)
    date_key, date_value = _first(record, PUBLISHED)
    published = parse_stated_date(str(date_value)) if date_value is not None else None
    _, byline = _first(record, BYLINE)
    if isinstance(byline, list):  # names, or Event Registry's {"name": …} objects
        byline = ", ".join(str(a.get("name") if isinstance(a, dict) else a) for a in byline)
    _, language = _first(record, ("language",))
    stated = {
        "title": title if isinstance(title, str) else None,
        "outlet": _outlet(record),
        "byline": str(byline) if byline else None,
        "published": published,
        "published_source": f"jsonl:{date_key}" if published else None,
        "language": str(language) if language else None,
    }
    meta = {key: value for key, value in record.items() if key not in MAPPED and value not in (None, "", [])}
    if not isinstance(text, str) and isinstance(raw_html, str):
        page = html.parse(raw_html, source, url=url if isinstance(url, str) else None)
        # what the page states comes first; the crawler's fields fill what it leaves out
        filled = {k: v for k, v in stated.items() if v is not None and getattr(page, k) is None}
        if page.published is not None:
            filled.pop("published_source", None)
        return replace(page, format="jsonl", meta=page.meta | meta, **filled)
    if not isinstance(text, str):
        hint = f"; ingest its page instead: counterpoint ingest {url}" if isinstance(url, str) and url else ""
        raise InputError(f"no article text: none of the fields {', '.join(TEXT)} holds a string{hint}")
    if _CUT.search(text):
        text = _whole_sentences(text, record.get("description"))
        meta["summary_only"] = True  # the page itself, ingested later, replaces it
    body, credit = clean_body(text.strip())
    if not body:
        raise InputError("empty article text")
    return Article.create(
        source=source,
        text=body,
        format="jsonl",
        url=url if isinstance(url, str) else None,
        credit=credit,
        meta=meta,
        **stated,
    )


def _outlet(record: dict[str, Any]) -> str | None:
    key, value = _first(record, OUTLET)
    if key in HOSTS and isinstance(value, str):
        return value.strip().lower().removeprefix("www.")
    if value is None and isinstance(record.get("source"), dict):  # NewsAPI, Event Registry
        value = record["source"].get("name") or record["source"].get("title")
    return str(value).strip() if value else None


def _whole_sentences(cut: str, description: Any) -> str:
    """A text an API cut short, up to its last whole sentence: a sentence that stops half-way could read as
    a claim it never made. With no whole sentence in it, the record's description stands in."""
    text = _CUT.sub("", cut)
    ends = [m.end() for m in _SENTENCE_END.finditer(text + " ")]
    if ends:
        return text[: ends[-1]]
    if isinstance(description, str) and description.strip():
        return description
    raise InputError("the text is a snippet cut short, with no whole sentence: ingest the page itself")
