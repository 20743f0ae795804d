"""RSS and Atom feeds: one article per item, from its full content or, when asked, its linked page."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit
from xml.sax import SAXParseException

import feedparser

from counterpoint.errors import InputError
from counterpoint.ingest import html
from counterpoint.ingest.dates import parse_stated_date
from counterpoint.ingest.text import clean_body
from counterpoint.records import Article, Failure

Fetch = Callable[[str], Article]


def parse(data: bytes, source: str, *, follow: Fetch | None = None) -> Iterator[Article | Failure]:
    """Items of a feed. With `follow`, each item's link is fetched and the page's text is used."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = feed.get("bozo_exception") or "no items"
        raise InputError(f"not a usable RSS/Atom feed: {reason}")
    outlet = _outlet(feed.feed.get("title"), feed.feed.get("link") or feed.entries[0].get("link"))
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{entry.get('link') or number}"
        try:
            yield _item(entry, where, outlet, follow)
        except InputError as exc:
            yield Failure(where, str(exc))
    broken = feed.get("bozo_exception")
    if isinstance(broken, SAXParseException):  # read on loosely: the items after a cut are lost, and say so
        yield Failure(
            source, f"malformed or cut short at line {broken.getLineNumber()}: {broken.getMessage()}"
        )


_PARTS = re.compile(r"\s+[-\u2013\u2014|>\u00bb]\s+|:\s+")
_LETTERS = re.compile(r"[^a-z0-9]")
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}


def _outlet(title: str | None, link: str | None) -> str | None:
    """The outlet a channel title names. Feeds name a section beside it ("The Northern Courier - World",
    "Reuters: World News"), which would count one site as several outlets; the part the site's address
    spells is the outlet. With no such part, the title stays whole: a section is not guessed at."""
    parts = _PARTS.split(title.strip()) if title else []
    host = urlsplit(link).hostname if link else None
    if len(parts) < 2 or not host:
        return title
    labels = host.split(".")[:-1]  # the site's own name: before the suffix ("bbc.co.uk"), not a subdomain
    while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    site = _LETTERS.sub("", labels[-1]) if labels else ""
    for part in parts:
        letters = _LETTERS.sub("", part.lower())
        name = letters.removeprefix("the")
        if len(site) >= 3 and (site in letters or (len(name) >= 4 and name in site)):
            return part
    return title


def _item(entry: Any, where: str, outlet: str | None, follow: Fetch | None) -> Article:
    link = entry.get("link")
    stated = entry.get("published") or entry.get("updated")
    published = parse_stated_date(stated) if stated else None
    stated_fields = {
        "url": link,
        "title": entry.get("title"),
        "outlet": outlet,
        "byline": entry.get("author"),
        "published": published,
        "published_source": "feed:published" if published else None,
    }
    if follow is not None and link:
        page = follow(link)
        # The page's own markup wins; the feed fills what the page leaves unstated.
        merged = {key: getattr(page, key) or value for key, value in stated_fields.items()}
        if page.published is None and published:
            merged["published_source"] = "feed:published"
        return Article.create(
            source=where,
            text=page.text,
            format="rss",
            credit=page.credit,
            language=page.language,
            meta=page.meta | {"feed_item": True},
            **merged,
        )
    content = entry.get("content") or []
    markup = content[0].get("value") if content else entry.get("summary")
    if not markup:
        raise InputError("item has no content or summary; use --follow-links to fetch its page")
    body, credit = clean_body(html.fragment_text(markup))
    if not body:
        raise InputError("item content is empty")
    meta = {"summary_only": True} if not content else {}
    if entry.get("tags"):
        meta["tags"] = [tag.get("term") for tag in entry.tags if tag.get("term")]
    return Article.create(source=where, text=body, format="rss", credit=credit, meta=meta, **stated_fields)
