"""Plain-text scrapes: find the title, header fields and article body; drop the page chrome.

A scraped page saved as text has lost its markup, so the link density and tag paths that
HTML extractors rely on are gone. What survives is line shape: article paragraphs are
long and end in sentence punctuation; menus, share bars and teaser lists are runs of
short, unpunctuated, headline-like lines; and chrome uses a small stock of phrases
("Read more", "Sign up for our newsletter", "(AP Photo/...)"). Each line is classified
by those cues, the body is the run of prose after the header that maximises prose words
minus chrome (in the spirit of Finn et al.'s body-text extraction), and it stops for
good at a section heading such as "Related News" or "Comments".

The returned text is exactly the body later stages index into: paragraphs separated by
one blank line, spaces inside a line collapsed, nothing else rewritten.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any, NamedTuple

from counterpoint.errors import InputError
from counterpoint.ingest.boilerplate import (
    BOILER,
    BYLINE_LABELS,
    CAPTION,
    CAPTION_LABEL,
    CREDIT,
    DATE_WORDS,
    DATELINE,
    FIELD,
    FIELD_SPLIT,
    FIELD_SPLIT_DASH,
    IGNORE_CASE,
    MONTH_NAMES,
    NAME_PARTICLES,
    QUOTE_END,
    SOCIAL,
    TERMINAL,
    TERMINATOR,
    UNLABELLED,
    WIRES,
)
from counterpoint.ingest.dates import parse_stated_date
from counterpoint.records import Article


class Layout(NamedTuple):
    """Where things are on the page, as unit indices: the body is ``start..end``, and nothing
    from ``stop`` (a "Related"/"Comments" heading) on belongs to this article."""

    title_at: int | None
    start: int
    end: int
    stop: int
    teasers: set[int]


def parse(data: str, source: str) -> Article:
    """An ``Article`` from a plain-text scrape; ``InputError`` when no article text is in it."""
    units = _units(data)
    if not units:
        raise InputError("empty input")
    kinds = _refine(units, [_classify(unit) for unit in units])
    page = _layout(units, kinds)
    title, outlet = (
        (None, None) if page.title_at is None else _split_site(units[page.title_at], set(map(_fold, units)))
    )
    kept = _select(units, kinds, page.teasers, page.start, page.end)
    if title and kept and _fold(units[kept[0]]) == _fold(title):
        kept = kept[1:]  # the headline repeated as the body's first line
    body_units = [units[i] for i in kept]
    fields, credits = _header_fields(units, kinds, page)
    meta = {k: v for k, v in fields.items() if k not in ("byline", "published", "published_source")}
    if fields.get("byline"):
        body_units = _drop_author_bio(body_units, fields["byline"], meta)
    if body_units:
        body_units[-1], trailing = _trailing_agency(body_units[-1])
        credits += [trailing] if trailing else []
        meta.update(_dateline(body_units[0]))
    body = "\n\n".join(body_units).strip()
    if not body:
        raise InputError("empty after cleaning")
    if "published" not in fields and meta.get("dateline_date"):
        fields.update(published=meta["dateline_date"], published_source="dateline")
    dek = [
        units[i] for i in range((page.title_at or -1) + 1, page.start) if kinds[i] in ("headline", "prose")
    ]
    dek = [d for d in dek if _fold(d) != _fold(title or "") and len(d.split()) >= 8]
    if dek:
        meta["summary"] = dek[0]
    return Article.create(
        source=source,
        text=body,
        format="text",
        title=title,
        outlet=outlet,
        byline=fields.get("byline"),
        published=fields.get("published"),
        published_source=fields.get("published_source"),
        credit="; ".join(dict.fromkeys(c for c in credits if c)) or None,
        meta=meta,
    )


def _layout(units: list[str], kinds: list[str]) -> Layout:
    """Anchor on the first real paragraph, then find the title above it and the body's extent."""
    anchor = _anchor(units, kinds)
    if anchor is None:
        raise InputError("empty after cleaning: no article paragraphs found")
    title_at = _find_title(units, kinds, anchor)
    start = _body_start(kinds, title_at, anchor)
    stop = next((i for i in range(start, len(units)) if kinds[i] == "terminator"), len(units))
    teasers = _teasers(units, kinds, start)
    return Layout(title_at, start, _body_end(units, kinds, teasers, start, stop), stop, teasers)


def _header_fields(units: list[str], kinds: list[str], page: Layout) -> tuple[dict[str, Any], list[str]]:
    """Fields stated near the title or in the body, and the article's credit lines. Fields further
    up, bare dates after the header, and anything in a teaser list belong to other articles."""
    fields: dict[str, Any] = {}
    for i in range(max((page.title_at or 0) - 3, 0), page.stop):
        if kinds[i] in _HEADER and i not in page.teasers and (i < page.start or kinds[i] != "date"):
            _merge(fields, {"byline": units[i]} if kinds[i] == "byline" else _fields(units[i]) or {})
    credits = [fields.pop("credit")] if "credit" in fields else []
    for i in range(max((page.title_at or 0) - 3, 0), len(units)):
        # A full credit line ("... and wire services") is this article's wherever the page puts it,
        # even below the Related list; a bare "Reuters" is only between the body and that list.
        bare = re.fullmatch(rf"\W*{WIRES}\W*", units[i])
        if kinds[i] == "credit" and (not bare or page.end < i < page.stop) and i not in page.teasers:
            credits.append(_credit(units[i]))
    return fields, credits


def _drop_author_bio(body: list[str], byline: str, meta: dict[str, Any]) -> list[str]:
    """A closing "Jane Doe is a senior fellow at ..." describes the author, not the news."""
    names = [n.strip() for n in re.split(r",| and ", re.sub(r"\s+in\s+[A-Z].*$", "", byline)) if n.strip()]
    while body and any(re.match(rf"{re.escape(n)} (?:is|was|has|writes|covers)\b", body[-1]) for n in names):
        meta.setdefault("author_bio", body.pop())
    return body


def clean_body(text: str) -> tuple[str, str | None]:
    """Strip chrome that survived HTML extraction; keep every line that reads as article text.

    Only lines matching a stock phrase, caption, credit or header-field pattern are dropped,
    plus the headline list under a trailing "Related"-style heading. Position and shape
    alone never remove a paragraph here, because the HTML extractor already chose the body.
    """
    units = _units(text)
    kinds = _refine(units, [_classify(unit) for unit in units])
    kept: list[str] = []
    credits: list[str] = []
    in_widget = False
    for unit, kind in zip(units, kinds, strict=True):
        in_widget = kind == "terminator" or (in_widget and kind != "prose")
        if kind == "credit":
            credits.append(_credit(unit))
        elif not in_widget and kind not in ("boiler", "caption", "field", "date", "byline"):
            kept.append(unit)
    if kept:
        kept[-1], trailing = _trailing_agency(kept[-1])
        credits += [trailing] if trailing else []
    credit = "; ".join(dict.fromkeys(c for c in credits if c)) or None
    return "\n\n".join(kept).strip(), credit


def _units(text: str) -> list[str]:
    """Non-empty lines with spaces collapsed; hard-wrapped paragraphs are rejoined."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060]", "", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    if not _hard_wrapped(blocks):
        return [line for block in blocks for line in block]
    return [unit for block in blocks if block for unit in _rejoin(block)]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """Text wrapped at a fixed width (email, terminal copy): most inner lines are near that width
    and stop mid-sentence. Scraped pages put each paragraph on one long line instead."""
    inner = [line for block in blocks for line in block[:-1]]
    width = max((len(line) for block in blocks for line in block), default=0)
    if len(inner) < 4 or width > 100:
        return False
    near = [line for line in inner if len(line) >= 0.7 * width]
    open_ended = [line for line in near if not TERMINAL.search(line)]
    return len(near) >= 0.7 * len(inner) and len(open_ended) >= 0.5 * len(near)


def _rejoin(block: list[str]) -> list[str]:
    """Join a wrapped block's lines. A line stays apart after a short line (a paragraph's end, a
    heading, a field) or after a line that ends a sentence."""
    width = max(len(line) for line in block)
    out: list[str] = []
    previous = ""
    for line in block:
        if out and len(previous) >= 0.6 * width and not TERMINAL.search(previous):
            out[-1] += " " + line
        else:
            out.append(line)
        previous = line
    return out


def _classify(unit: str) -> str:
    """One of prose, headline, nav, boiler, terminator, caption, credit, field, date."""
    words = unit.split()
    if TERMINATOR.match(unit):
        return "terminator"
    if CREDIT.match(unit):
        return "credit"
    if len(words) <= 40 and CAPTION.search(unit):
        return "caption"
    fields = _fields(unit)
    if fields is not None:
        return "date" if fields.get("published_source") == "header:date" and len(fields) == 2 else "field"
    if len(words) <= 40 and BOILER.search(unit):
        return "boiler"
    if all(w.strip(".,:;|()[]•·-").lower() in SOCIAL or w.strip("()[]").isdigit() for w in words):
        return "boiler"
    if re.match(r"[•*\u2013—-]\s", unit) and len(words) >= 4:
        return "prose"  # a bulleted list item in the body
    core = re.sub(rf"\s*\({WIRES}\)$", "", unit)  # "... he said. (Reuters)" still ends a sentence
    if len(words) >= 20 or ((TERMINAL.search(core) or QUOTE_END.search(core)) and len(words) >= 3):
        return "nav" if _nav_like(unit) else "prose"
    if len(words) <= 2 or _nav_like(unit):
        return "nav"
    return "headline"


_QUOTE_OPENERS = ('"', "\u201c", "\u2018", "'", "\u00ab")


def _refine(units: list[str], kinds: list[str]) -> list[str]:
    """Kinds that depend on neighbours: the line after an "Image caption" label is a caption, a
    short line ending in a colon before a quote is the sentence introducing it ("He said:"), and a
    bare name next to the header date (before the body) is a byline."""
    kinds = list(kinds)
    # Before the body: after at most one prose line, which may be a standfirst.
    first_prose = [i for i, k in enumerate(kinds) if k == "prose"][1:2] or [len(kinds)]
    for i, unit in enumerate(units):
        if CAPTION_LABEL.match(unit) and i + 1 < len(units) and len(units[i + 1].split()) <= 30:
            kinds[i] = "caption"
            if kinds[i + 1] in ("headline", "prose", "nav", "credit"):
                kinds[i + 1] = "caption"
        follows = units[i + 1] if i + 1 < len(units) else ""
        if unit.endswith(":") and kinds[i] in ("nav", "headline") and follows[:1] in _QUOTE_OPENERS:
            kinds[i] = "prose"  # "He said:" before the quote it introduces
        near_date = any(k in ("date", "field") for k in kinds[max(i - 1, 0) : i + 2])
        header_name = (
            i < first_prose[0] and kinds[i] in ("headline", "nav") and near_date and _bare_name(unit)
        )
        if header_name and any(kinds[j] == "headline" and len(units[j].split()) >= 3 for j in range(i)):
            kinds[i] = "byline"
    return kinds


def _bare_name(unit: str) -> bool:
    """A line such as "Jan de Vries" or "Shaun Walker in Moscow": a name and at most a place."""
    words = re.sub(r"\s+in\s+[A-Z][\w'-]+(?: [A-Z][\w'-]+)?$", "", unit).split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() or w in NAME_PARTICLES for w in words)


def _nav_like(unit: str) -> bool:
    """Menus and breadcrumbs flattened onto one line: several separators, no sentence."""
    return len(re.findall(r"\s[|•·>»/]\s|\s\u203a\s", unit)) >= 2


def _anchor(units: list[str], kinds: list[str]) -> int | None:
    """The first substantial paragraph: where the header certainly ends. A sentence followed
    by a byline or date before any more prose is a standfirst, not the body."""
    prose = [i for i, kind in enumerate(kinds) if kind == "prose"]
    strong = [i for i in prose if len(units[i].split()) >= 15]
    for i in strong:
        following = [k for k in kinds[i + 1 : i + 5] if k not in ("boiler", "nav", "caption")]
        if not following or following[0] not in _HEADER:
            return i
    return (strong or prose or [None])[0]


def _find_title(units: list[str], kinds: list[str], anchor: int) -> int | None:
    """The headline before the body: a repeated line wins, then one followed by a byline or date."""
    bare = {_fold(u) for u in units}
    counts = Counter(_fold(_split_site(u, bare)[0]) for u in units)
    body_words = set(_fold(" ".join(units[anchor : anchor + 8])).split())
    best: tuple[float, int] | None = None
    for i in range(anchor):
        words = len(units[i].split())
        question = kinds[i] == "prose" and units[i].endswith(("?", "!")) and words <= 15
        # "Opinion: …" is a teaser in a list of links, but the headline when the byline follows it
        labelled = kinds[i] == "boiler" and _OPINION.match(units[i]) and kinds[i + 1] in _HEADER
        if not (kinds[i] == "headline" or question or labelled) or not 3 <= words <= 30:
            continue
        score = 2.0 * (counts[_fold(_split_site(units[i], bare)[0])] > 1)
        score += _header_follows(units, kinds, i, anchor) - (words > 16)
        score += words >= 5
        score += bool(re.search(r"\b[a-z]{2,}", units[i]))  # sentence case or function words
        content = [w for w in _fold(_split_site(units[i], bare)[0]).split() if len(w) >= 4]
        score += sum(w in body_words for w in content) / max(len(content), 1)  # a headline sums up
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _header_follows(units: list[str], kinds: list[str], i: int, anchor: int) -> float:
    """How strongly the lines after ``i`` look like a headline's byline/date (or a longer dek then one)."""
    after = kinds[i + 1 : anchor + 1]
    words = {j: len(units[j].split()) for j in range(max(i - 1, 0), min(i + 2, len(units)))}
    if after[:1] and after[0] in _HEADER:
        # Two headline-like lines then a byline: title + standfirst, or tagline + title. Neither
        # order is safe to assume, so both score the same and overlap with the body decides.
        pair = i > 0 and kinds[i - 1] == "headline" and words[i - 1] >= 3
        if pair and words[i] >= max(12, 1.5 * words[i - 1]):
            return 1.0  # much longer than the headline above it: a standfirst
        return 1.5 if pair else 2.0
    if after[1:2] and after[1] in _HEADER and kinds[i + 1] in ("headline", "prose"):
        return 1.5 if words[i + 1] >= 3 else 0.5
    return 0.5 if any(k in _HEADER for k in after[:4]) else 0.0


def _body_start(kinds: list[str], title_at: int | None, anchor: int) -> int:
    """Walk back from the anchor over short lead paragraphs, but never past the header."""
    start = anchor
    floor = title_at if title_at is not None else -1
    while start - 1 > floor and kinds[start - 1] == "prose":
        start -= 1
    return start


_HEADER = ("field", "date", "byline")
_OPINION = re.compile(r"opinion\s*[:|]\s*\S", re.IGNORECASE)
# A credit line ends an article, so prose after one needs real weight to be taken as body.
_SCORES = {"nav": -3.0, "boiler": -5.0, "date": -3.0, "caption": 0.0, "field": 0.0, "credit": -10.0}


def _body_end(units: list[str], kinds: list[str], teasers: set[int], start: int, stop: int) -> int:
    """The end maximising prose words minus chrome words after ``start``, before ``stop``."""
    total, best, end = 0.0, float("-inf"), start
    for i in range(start, stop):
        words = len(units[i].split())
        if i in teasers:
            total -= words + 5
        elif kinds[i] == "prose":
            total += words
        elif kinds[i] == "headline":
            total -= words + 2
        else:
            total += _SCORES.get(kinds[i], 0.0)
        if kinds[i] == "prose" and i not in teasers and total > best:
            best, end = total, i
    return end


def _teasers(units: list[str], kinds: list[str], start: int) -> set[int]:
    """Lists of other articles after ``start``: two or more headline-like lines, each followed by
    at most one short blurb or date. A lone subheading between long paragraphs is not one."""
    marked: set[int] = set()
    heads = [i for i, kind in enumerate(kinds) if kind == "headline" and i >= start]
    for a, b in pairwise(heads):
        between = range(a + 1, b)
        gap_ok = all(kinds[j] in ("date", "nav", "boiler", "caption") for j in between) or (
            len(between) == 1 and kinds[a + 1] == "prose" and len(units[a + 1].split()) < 40
        )
        if gap_ok:
            marked.update(range(a, b + 1))
    return marked


def _select(units: list[str], kinds: list[str], teasers: set[int], start: int, end: int) -> list[int]:
    """Prose between start and end, plus lone subheadings inside it; duplicates dropped."""
    kept: list[int] = []
    seen: set[str] = set()
    folds = {i: _fold(units[i]) for i in range(start, end + 1)}
    for i in range(start, end + 1):
        folded = folds[i]
        # A pull quote repeats part of a nearby paragraph.
        near = (folds[j] for j in range(max(start, i - 6), min(end, i + 6) + 1) if kinds[j] == "prose")
        pull_quote = 5 <= len(folded.split()) <= 40 and any(folded in p and folded != p for p in near)
        if i in teasers or pull_quote:
            continue
        lone_heading = (
            kinds[i] == "headline"
            and len(units[i].split()) <= 12
            and kept
            and kept[-1] == i - 1
            and i + 1 <= end
            and kinds[i + 1] == "prose"
        )
        if (kinds[i] == "prose" or lone_heading) and folded not in seen:
            kept.append(i)
            seen.add(folded)
    return kept


def _fields(unit: str) -> dict[str, Any] | None:
    """Header fields of a line such as ``Published 6-06-2019, 09:29 | Comments: 0``, or None
    unless every part of the line is a recognised field. Dashes split parts only as a fallback,
    since "March 17, 2014 - 10:47" is one date."""
    if len(unit.split()) > 25:
        return None
    return _split_fields(unit, FIELD_SPLIT) or _split_fields(unit, FIELD_SPLIT_DASH)


def _split_fields(unit: str, splitter: re.Pattern[str]) -> dict[str, Any] | None:
    found: dict[str, Any] = {}
    loose: list[str] = []
    for part in (p.strip(" |•·") for p in splitter.split(unit) if p and p.strip(" |•·")):
        parsed = _field(part)
        if parsed is None and (_bare_name(part) or re.fullmatch(r"[A-Z][\w-]+(?: [\w-]+){0,3}", part)):
            loose.append(part)  # "Jane Doe | 17 March 2014", "Mar. 25, 2014 | Ukraine", "| World desk |"
        elif parsed is None:
            return None
        else:
            _merge(found, parsed)
    if loose and "published" not in found:
        return None
    for part in loose:
        _merge(found, {"byline": part} if _bare_name(part) else {"section": part})
    return found or None


def _field(part: str) -> dict[str, Any] | None:
    """One labelled field (or a bare date / comment count) as article fields or meta."""
    count = re.fullmatch(r"(\d[\d,]*)\s+(comments?|views?|shares?)", part, IGNORE_CASE)
    if count:
        key = count.group(2).lower().rstrip("s") + "s"
        return {key: int(count.group(1).replace(",", ""))}
    match = FIELD.match(part)
    if not match:
        stated = parse_stated_date(part)
        if stated and len(part.split()) <= 12 and not DATE_WORDS.sub("", part).strip(" ,.|-\u2013—:/"):
            return {"published": stated, "published_source": "header:date"}
        return None
    label, value = match.group("label").lower(), match.group("value").strip()
    colon = match.group("sep") == ":"
    if not colon and label not in UNLABELLED and not re.fullmatch(r"\(\d+\)", value):
        return None
    if label in BYLINE_LABELS:
        return _byline(value)
    if label in ("published", "posted", "date", "first published"):
        by = re.fullmatch(r"(?P<date>.*\d.*?)\s+by\s+(?P<name>.+)", value, IGNORE_CASE)
        name = _byline(by["name"]) if by else None
        stated = parse_stated_date(by["date"] if by and name else value)
        if stated:
            return {"published": stated, "published_source": f"header:{match.group('label')}", **(name or {})}
        return {} if _vague_value(value, colon) and label != "date" else None
    if label in ("updated", "last updated", "modified", "last modified"):
        if not parse_stated_date(value) and not _vague_value(value, colon):
            return None
        return {"updated": parse_stated_date(value) or value}
    if label.startswith("comment") or label == "views":
        number = re.fullmatch(r"\(?(\d[\d,]*)\)?", value)
        key = "comments" if label.startswith("comment") else "views"
        return {key: int(number.group(1).replace(",", ""))} if number else None
    if label.startswith("source"):
        return {"credit": value} if value and len(value.split()) <= 8 else None
    if not value or len(value.split()) > 20 or (TERMINAL.search(value) and not value.endswith(":")):
        return None
    items = [t.strip(" #") for t in re.split(r"[,;|#]", value) if t.strip(" #")]
    return {"tags": items} if label in ("tag", "tags", "topics", "keywords") else {"category": value}


def _vague_value(value: str, colon: bool) -> bool:
    """A date field that states no usable date ("Updated: 3 hours ago") is still a field."""
    if not value or len(value.split()) > 6 or TERMINAL.search(value):
        return False
    return colon or (
        len(value.split()) <= 3 and bool(re.search(r"\d|ago|yesterday|today", value, IGNORE_CASE))
    )


def _byline(value: str) -> dict[str, Any] | None:
    """A name list after "By"/"Author:"; a sentence starting with "By" is not one."""
    value = value.strip(" ,|")
    dated = re.match(
        rf"^(?P<name>.+?)\s*(?:,|\bon\b|\||\s(?=(?:{MONTH_NAMES})\b))\s*(?P<date>.*\d{{4}}.*)$",
        value,
        IGNORE_CASE,
    )
    out: dict[str, Any] = {}
    if dated and parse_stated_date(dated.group("date")):
        out = {"published": parse_stated_date(dated.group("date")), "published_source": "header:byline"}
        value = dated.group("name")
    words = value.replace(",", " , ").split()
    if not words or len(words) > 10 or (TERMINAL.search(value) and not re.search(r"\b[A-Z]\.$", value)):
        return None
    after_comma = False
    for word in words:
        after_comma = after_comma or word == ","
        if not (word[0].isupper() or word.lower() in NAME_PARTICLES or word == "," or after_comma):
            return None
    return {"byline": value, **out}


def _merge(into: dict[str, Any], fields: dict[str, Any]) -> None:
    """First stated value wins (later dates belong to other articles), except that a labelled
    "Published" date beats a bare date line, which is as often the last-modified time."""
    labelled = fields.get("published_source", "header:date") != "header:date"
    if labelled and into.get("published_source") == "header:date":
        del into["published"], into["published_source"]
    for key, value in fields.items():
        into.setdefault(key, value)


def _credit(unit: str) -> str:
    """The credit text without its label, brackets or final full stop."""
    match = CREDIT.match(unit)
    text = match.group("source") if match and match.group("source") else unit
    return text.strip().strip("()").lstrip("-\u2013— ").rstrip(".").strip()


def _trailing_agency(unit: str) -> tuple[str, str | None]:
    """A final paragraph ending in "(Reuters)" or "— AFP" keeps its text and gives up the credit."""
    match = re.search(rf"\s+(?:\((?P<a>{WIRES})\)|[\u2013—]\s?(?P<b>{WIRES}))\s*$", unit)
    if not match or not TERMINAL.search(unit[: match.start()]):
        return unit, None
    return unit[: match.start()], match.group("a") or match.group("b")


def _dateline(first: str) -> dict[str, Any]:
    """Place, agency and (if it has a year) date of a wire dateline; the text stays in the body."""
    match = DATELINE.match(first)
    if not match or len(match.group("place")) < 3:
        return {}
    meta: dict[str, Any] = {"dateline": match.group("place")}
    agency = match.group("agency") or match.group("wire")
    if agency:
        meta["agency"] = agency.strip()
    stated = parse_stated_date(match.group("date") or "")
    if stated:
        meta["dateline_date"] = stated
    return meta


def _split_site(title: str, bare: set[str] | frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """``Headline | Outlet`` → (headline, outlet). A dash suffix is split only when the page
    also shows the bare headline (``bare`` holds folded lines), since dashes occur in headlines."""
    parts = re.split(r"\s+\|\s+", title)
    if len(parts) > 1 and len(parts[-1].split()) <= 5 and len(parts[0].split()) >= 3:
        return parts[0], parts[-1]
    match = re.fullmatch(r"(?P<head>.+)\s+[-\u2013\u2014]\s+(?P<site>[^-\u2013\u2014]+)", title)
    if match and len(match["site"].split()) <= 5 and _fold(match["head"]) in bare:
        return match["head"], match["site"]
    return title, None


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
