"""HTML pages: trafilatura for the main text, then our own cleaning and metadata rules.

trafilatura finds the article; it also guesses dates from free text, which would
invent publication dates, so dates come only from markup that states them.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from counterpoint.errors import InputError
from counterpoint.ingest.boilerplate import MONTH_NAMES
from counterpoint.ingest.dates import parse_stated_date
from counterpoint.ingest.decode import to_text
from counterpoint.ingest.text import clean_body
from counterpoint.records import Article

# Markup that states a publication date, strongest first.
_DATE_META = (
    ("property", "article:published_time"),
    ("property", "og:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
    ("name", "dc.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.created"),
    ("name", "date"),
)


# Containers that real sites put inside or beside the article and trafilatura keeps: reader
# posts, teaser cards, fact boxes, pull quotes, donation and republishing notices.
_BOILERPLATE = re.compile(
    r"recommended|teaser|related|read-?more|fact-?box|pull-?quote|republish|donate|newsletter|promo"
    r"|reader-post|have-your-say|comment",
    re.IGNORECASE,
)


MIN_WORDS = 5  # fewer is what a login form or an error page leaves ("About"), not an article
KICKER_LINES = 2  # short lines above the headline that label it ("Opinion", "Exclusive"), not its text
_ENDS = (".", "!", "?", '"', "\u201d")
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def parse(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """One HTML page as an article; `url` is where it was fetched from, `meta` what the container knew."""
    markup = data if isinstance(data, str) else to_text(data, charset, _meta_charset(data))
    try:
        # Already decoded: the parser must not re-read a <meta charset> that may be wrong.
        tree = lxml.html.fromstring(markup.encode("utf-8", "surrogatepass"), parser=_UTF8)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"malformed markup: {exc}") from exc
    if tree is None or (tree.find(".//body") is None and not tree.text_content().strip()):
        raise InputError("malformed markup: no document body")
    page_url = _canonical_url(tree) or url
    linked_data = _json_ld(tree)
    published, published_source = _published(tree, linked_data, page_url)
    language, site_name, publisher = _language(tree), _site_name(tree), _json_ld_publisher(linked_data)
    _prune(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the page")
    title = _clean(doc.title)
    lead = {title, _clean(doc.description)} - {None}
    body, credit = clean_body(_paragraphs(doc.text, lead, _clean(doc.author)))
    if len(body.split()) < MIN_WORDS:
        raise InputError(f"no article text left after removing boilerplate: {body.strip()[:40]!r}")
    return Article.create(
        source=source,
        text=body,
        format="html",
        url=page_url,
        title=title,
        outlet=site_name or publisher or _clean(doc.sitename) or _host(page_url),
        byline=_authors(doc.author),
        published=published,
        published_source=published_source,
        credit=credit,
        language=language,
        meta=_extra(doc, url) | {k: v for k, v in (meta or {}).items() if v},
    )


def _prune(tree: lxml.html.HtmlElement) -> None:
    """Drop boilerplate containers by class or id, once, before trafilatura reads the tree."""
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in ("html", "body", "article", "main")
        and _BOILERPLATE.search(f"{element.get('class', '')} {element.get('id', '')}")
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


# What a byline says of its authors besides their names: "By Jane Doe, Senior Correspondent".
_ROLES = {
    *("reporter", "correspondent", "writer", "editor", "columnist", "contributor", "producer", "journalist"),
    *("critic", "analyst", "chief", "photographer", "desk", "staff", "bureau", "team", "newsroom", "intern"),
}


def _authors(value: str | None) -> str | None:
    """The names in a byline as trafilatura gives it ("Jane Doe; Senior Correspondent; March 3"), without
    the job titles and dates it reads as more names: a column's "I" is its author, and "Senior
    Correspondent" is no one's name."""
    names = [
        part
        for part in (" ".join(p.split()).removeprefix("By ") for p in (value or "").split(";"))
        if part
        and not re.search(rf"\d|^(?:{MONTH_NAMES})\b", part, re.IGNORECASE)
        and not (_ROLES & set(part.lower().split()))
    ]
    return "; ".join(names) or None


def _paragraphs(text: str, lead: set[str], byline: str | None) -> str:
    """One blank line between blocks, without the headline (and a kicker above it), standfirst or byline kept
    at the top, and without pull quotes, which repeat a sentence of another paragraph."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    headline = next((i for i, line in enumerate(lines[: KICKER_LINES + 1]) if line in lead), 0)
    if all(len(line.split()) <= 4 and not line.endswith(_ENDS) for line in lines[:headline]):
        del lines[:headline]  # a kicker above the headline ("Opinion", "World | Europe")
    while lines and (lines[0] in lead or (byline and lines[0].removeprefix("By ").strip() == byline)):
        lines.pop(0)
    kept: list[str] = []
    for i, line in enumerate(lines):
        bare = line.strip('"\u201c\u201d ')
        repeated = len(bare) >= 40 and any(
            bare in other for j, other in enumerate(lines) if j != i and other != line
        )
        if line not in kept and not repeated:
            kept.append(line)
    return "\n\n".join(kept)


def _meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its head (`<meta charset>` or http-equiv), when no HTTP header did."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _canonical_url(tree: lxml.html.HtmlElement) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and found[0].strip().startswith("http"):
            return found[0].strip()
    return None


def _json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                items.append(item)
                stack.extend(v for v in item.get("@graph", []) if isinstance(v, dict))
    return items


def _site_name(tree: lxml.html.HtmlElement) -> str | None:
    found = tree.xpath('//meta[@property="og:site_name"]/@content')
    return _clean(found[0]) if found else None


def _json_ld_publisher(linked_data: list[dict[str, Any]]) -> str | None:
    for item in linked_data:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return _clean(publisher["name"])
    return None


def _published(
    tree: lxml.html.HtmlElement, linked_data: list[dict[str, Any]], url: str | None
) -> tuple[str | None, str | None]:
    """The stated publication date and where it was stated; never a date from running text."""
    for item in linked_data:
        value = item.get("datePublished")
        if isinstance(value, str) and (date := parse_stated_date(value)):
            return date, "jsonld:datePublished"
    for attribute, name in _DATE_META:
        for value in tree.xpath(
            f'//meta[translate(@{attribute}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
            f'"abcdefghijklmnopqrstuvwxyz")="{name.lower()}"]/@content'
        ):
            if date := parse_stated_date(value):
                return date, f"meta:{name}"
    for value in tree.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime"):
        if date := parse_stated_date(value):
            return date, "html:time"
    found = htmldate.find_date(tree, url=url, extensive_search=False, original_date=True)
    if found:
        return found, "htmldate"
    return None, None


def _language(tree: lxml.html.HtmlElement) -> str | None:
    stated = tree.get("lang") or next(
        iter(
            tree.xpath(
                '//meta[@http-equiv="content-language"]/@content | //meta[@property="og:locale"]/@content'
            )
        ),
        None,
    )
    if not stated:
        return None
    primary = stated.replace("_", "-").split("-")[0].strip().lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _extra(doc: trafilatura.settings.Document, fetched_from: str | None) -> dict[str, Any]:
    extra = {
        "description": _clean(doc.description),
        "categories": doc.categories or None,
        "tags": doc.tags or None,
        "image": doc.image,
        "fetched_from": fetched_from,
    }
    return {key: value for key, value in extra.items() if value}


def fragment_text(markup: str) -> str:
    """Paragraphs of an HTML fragment that is already the article body (a feed's content:encoded)."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"malformed markup: {exc}") from exc
    for element in root.xpath(".//script|.//style|.//figure|.//figcaption|.//iframe"):
        element.drop_tree()
    blocks = root.xpath(".//p|.//li|.//blockquote[not(.//p)]|.//h2|.//h3")
    texts = [" ".join(block.text_content().split()) for block in blocks] or [
        " ".join(root.text_content().split())
    ]
    return "\n\n".join(text for text in texts if text)
