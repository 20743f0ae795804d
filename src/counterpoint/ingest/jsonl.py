"""JSON and JSONL records as news crawlers write them (news-please, CC-News, Scrapy feeds).

Field mapping, first match wins (documented in the README):
text ← maintext | text | content | body | article; title ← title; url ← url;
published ← date_publish | published | date | datePublished | pubdate;
outlet ← source_domain | site_name | sitename | outlet | domain; byline ← authors | author;
language ← language. A record with raw HTML (`html` | `raw_html`) and no text is extracted as a page: what
the page states comes first, and the record's fields fill what it leaves out. Every other field is kept in
`meta`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from counterpoint.errors import InputError
from counterpoint.ingest import html
from counterpoint.ingest.dates import parse_stated_date
from counterpoint.ingest.text import clean_body
from counterpoint.records import Article, Failure

TEXT = ("maintext", "text", "content", "body", "article")
PUBLISHED = ("date_publish", "published", "date", "datePublished", "pubdate")
OUTLET = ("source_domain", "site_name", "sitename", "outlet", "domain")
BYLINE = ("authors", "author")
HTML = ("html", "raw_html")
MAPPED = {"title", "url", "language", *TEXT, *PUBLISHED, *OUTLET, *BYLINE, *HTML}


def parse_lines(lines: Iterable[bytes], source: str) -> Iterator[Article | Failure]:
    """One article per line; a bad line is a failure of that line only."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}#L{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Failure(where, f"malformed JSON: {exc}")
            continue
        yield _safely(record, where)


def parse_document(data: bytes, source: str) -> Iterator[Article | Failure]:
    """A .json file: one record, or a list of records."""
    try:
        loaded = json.loads(data)
    except ValueError as exc:
        raise InputError(f"malformed JSON: {exc}") from exc
    records = loaded if isinstance(loaded, list) else [loaded]
    for number, record in enumerate(records, start=1):
        yield _safely(record, f"{source}#{number}" if len(records) > 1 else source)


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
    _, outlet = _first(record, OUTLET)
    _, byline = _first(record, BYLINE)
    if isinstance(byline, list):
        byline = ", ".join(str(name) for name in byline)
    _, language = _first(record, ("language",))
    stated = {
        "title": title if isinstance(title, str) else None,
        "outlet": str(outlet) if outlet else None,
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
        raise InputError(f"no article text: none of the fields {', '.join(TEXT)} holds a string")
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
