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
from typing import Any

from counterpoint.errors import InputError
from counterpoint.ingest.dates import FIXED_ZONES, MONTHS, REGION_ZONES, WEEKDAYS, parse_stated_date
from counterpoint.records import Article

AGENCIES = (
    r"Reuters|AFP|AP|Associated Press|TASS|ITAR-TASS|RIA Novosti|Interfax|Xinhua|dpa|EFE|ANSA|UNIAN|"
    r"Bloomberg|EPA|Getty Images|Anadolu(?: Agency)?|Sputnik|UPI|PA|Al Jazeera|BBC|CNN"
)
WIRES = (
    r"Reuters|AFP|AP|Associated Press|TASS|ITAR-TASS|RIA Novosti|Interfax(?:-Ukraine)?|Ukrinform|Xinhua|"
    r"dpa|EFE|ANSA|UNIAN|UPI|Kyodo|Yonhap|PTI|Anadolu(?: Agency)?"
)
_I = re.IGNORECASE
# Whole lines a page wraps around every article.
BOILER = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|ad|skip to (?:main )?content|menu|search|"
    r"home|log ?in|sign in|register|subscribe(?: now)?|close|loading\.*|print|email|"
    r"back to top|top of page|listen to (?:this )?article|next (?:article|story)|previous (?:article|story)|"
    r"\d+ min(?:ute)?s? read|reading time:?.*|(?:share|tweet|pin|email)(?: this)?(?: article| story| page)?"
    r"(?: on \w+)?:?)$|"
    r"^(?:read more|read also|also read|see also|related|more|watch|listen|recommended|opinion|"
    r"more on this|explainer)\s*:\s*\S|"
    r"^(?:click|tap) (?:here|to)\b|^sign up\b|^subscribe to\b|^get (?:our|the) \w+ newsletter|"
    r"newsletter\b.*\b(?:sign up|subscribe|inbox|email)|\b(?:sign up|subscribe)\b.*\bnewsletter|"
    r"\bwe use cookies\b|\bthis (?:site|website) uses cookies\b|\baccept (?:all )?cookies\b|"
    r"\bcookie (?:policy|settings|preferences)\b|^privacy policy\b|^terms of (?:use|service)\b|"
    r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b|"
    r"^follow (?:us|@|\w+ on)\b|^like us on\b|^join (?:us|our)\b.*\b(?:telegram|facebook|twitter|channel)\b|"
    r"^download (?:our|the) app\b|^for (?:more|the latest|full) (?:coverage|news|updates|stories)\b|"
    r"^(?:comments are closed|leave a (?:comment|reply)|be the first to comment|report an error|"
    r"have a (?:news )?tip|send us your|you (?:might|may) also like|we welcome your comments)\b|"
    r"^\d+ (?:comments?|shares?|views?)$|^(?:continue reading|(?:story|article) continues)\b|"
    r"\bsupport (?:independent|our) journalism\b|\bbecome a (?:member|subscriber|supporter|patron)\b|"
    r"^donate\b|^the views expressed\b|\bdo not necessarily reflect the\b|"
    r"^(?:facebook|twitter|x|whatsapp|telegram|linkedin|vk)\s*:",
    _I,
)
SOCIAL = {
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "vk", "email",
    "e-mail", "mail", "print", "share", "shares", "tweet", "copy", "link", "messenger", "pocket",
    "flipboard", "sms", "comment", "comments", "save",
}  # fmt: skip
# A heading after which a page shows other articles or readers, never more of this one.
TERMINATOR = re.compile(
    r"^(?:related(?: news| stories| articles| content| coverage| topics)?|read more|"
    r"more (?:news|stories|opinion|analysis|headlines)|"
    r"more (?:from|on|in|about) [\w .&'-]{1,40}|most (?:popular|read|viewed|shared)|"
    r"trending(?: now| stories)?|"
    r"popular(?: now| stories)?|top stories|latest(?: news| stories)?|recommended(?: for you| stories)?|"
    r"you (?:might|may) also like|editor'?s picks|what to read next|also in [\w ]{1,30}|"
    r"comments?(?: \(\d+\))?|\d+ comments?|discussion|join the (?:discussion|conversation)|"
    r"leave a (?:comment|reply)|share this (?:article|story)|tags|topics|in other news|elsewhere on [\w .]+|"
    r"from (?:around )?the web|more (?:in|from) (?:this|the) section)\s*:?$",
    _I,
)
CAPTION = re.compile(
    rf"\((?:{AGENCIES})[^()]*(?:photo|/)[^()]*\)\s*$|\(photo:[^()]*\)\s*$|"
    rf"\[[^\[\]]*(?:{AGENCIES})[^\[\]]*\]\s*$|"
    r"^(?:photo|photograph|picture|image|pic|foto)s?(?: credit)?\s*(?::|©|by\b)|"
    r"^(?:image|media|video) (?:copyright|caption|source)\b|^caption\s*:|"
    rf"(?:^|\s)(?:photo|photograph|picture|image)\s*(?:by|:|©)\s*[^.]{{0,60}}(?:{AGENCIES})\.?\s*$|"
    rf"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*\s?/\s?(?:{AGENCIES})(?:\s?/\s?\w+)?\.?\s*$|^(?:{AGENCIES})$",
    _I,
)
CAPTION_LABEL = re.compile(r"^(?:image|media|video) (?:caption|copyright|source)$", _I)
CREDIT = re.compile(
    r"^sources?\s*:\s*(?P<source>.{2,80})$|"
    r"^.{0,40}\b(?:and|with|&)\s+(?:wire services|news agencies|agencies|wires)\.?$|"
    rf"^[-\u2013—]?\s*\(?(?:{WIRES})\)?\.?$|"
    r"^\(?(?:additional |with )?(?:reporting|writing|editing|compiled|translated|inputs?) (?:by|from)\b"
    r".{0,200}$|"
    r"^this (?:article|story|report) (?:was )?(?:originally |first )?(?:appeared|published|ran)\b.{0,120}$|"
    r"^.{0,160}\bcontributed to this (?:report|story|article)\.?$",
    _I,
)
_FIELD_LABEL = (
    r"(?P<label>written by|posted by|authors?|by|reporter|first published|published|posted|date|"
    r"last updated|updated|last modified|modified|comments?|views|sources?|tags?|topics|keywords|"
    r"category|section|filed under)"
)
FIELD = re.compile(rf"^{_FIELD_LABEL}\b(?:\s+(?:on|at)\b)?\s*(?P<sep>[:\-\u2013])?\s*(?P<value>.*)$", _I)
# Labels that may stand without a colon ("By Jane Doe", "Published 6-06-2019"); others need one.
_UNLABELLED = {
    "by", "written by", "posted by", "author", "authors", "reporter", "published", "posted", "date",
    "first published", "updated", "last updated", "modified", "last modified",
}  # fmt: skip
_FIELD_SPLIT = re.compile(
    r"\s*(?:\s\|\s|\s[•·]\s|\s/\s|\t| {2,})\s*|"
    r"\s+(?=(?:Comments?|Views|Updated|Last updated|Published|Posted|Sources?|Tags|Author)\b\s*:?)"
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?)"
    r"(?:,\s*(?P<date>[\w ,.]{3,30}?))?\s*(?:\((?P<agency>[A-Za-z .-]{2,30})\)\s*)?[-\u2013—]{1,2}\s"
)
_TERMINAL = re.compile(r"[.!?…;:]['\"”\u2019»)\]]*$")
_QUOTE_END = re.compile(r"[.!?,…]?['\"”\u2019»]$")
_NAME_PARTICLES = {"and", "de", "van", "von", "der", "la", "le", "bin", "al", "el", "of", "da", "du", "&"}
_DATE_WORDS = re.compile(
    r"(?<!\w)(?:\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?|on|at|of|the|[ap]\.?m\.?|\d{1,4}(?:st|nd|rd|th)?|"
    + "|".join(sorted([*MONTHS, *WEEKDAYS, *FIXED_ZONES, *REGION_ZONES], key=len, reverse=True))
    + r")(?!\w)\.?",
    _I,
)


def parse(data: str, source: str) -> Article:
    """An ``Article`` from a plain-text scrape; ``InputError`` when no article text is in it."""
    units = _units(data)
    if not units:
        raise InputError("empty input")
    kinds = _refine(units, [_classify(unit) for unit in units])
    anchor = _anchor(units, kinds)
    if anchor is None:
        raise InputError("empty after cleaning: no article paragraphs found")
    title_at = _find_title(units, kinds, anchor)
    start = _body_start(kinds, title_at, anchor)
    stop = next((i for i in range(start, len(units)) if kinds[i] == "terminator"), len(units))
    teasers = _teasers(units, kinds)
    end = _body_end(units, kinds, teasers, start, stop)
    kept = _select(units, kinds, teasers, start, end)
    title, outlet = (
        _split_site(units[title_at], {_fold(u) for u in units}) if title_at is not None else (None, None)
    )
    if title and kept and _fold(units[kept[0]]) == _fold(title):
        kept = kept[1:]
    # Header fields sit near the title; fields further up or in teaser lists belong to other pages.
    header = range(max((title_at or 0) - 3, 0), stop)
    fields: dict[str, Any] = {}
    for i in (i for i in header if kinds[i] in _HEADER and i not in teasers):
        _merge(fields, {"byline": units[i]} if kinds[i] == "byline" else _fields(units[i]) or {})
    credits = [fields.pop("credit")] if "credit" in fields else []
    credits += [
        _credit(units[i])
        for i in range(start, stop)
        if kinds[i] == "credit" and (i > end or not re.fullmatch(rf"\W*(?:{WIRES})\W*", units[i]))
    ]
    body_units = [units[i] for i in kept]
    meta = {k: v for k, v in fields.items() if k not in ("byline", "published", "published_source")}
    if fields.get("byline"):
        body_units = _drop_author_bio(body_units, fields["byline"], meta)
    if body_units:
        body_units[-1], trailing = _trailing_agency(body_units[-1])
        credits += [trailing] if trailing else []
    body = "\n\n".join(body_units).strip()
    if not body:
        raise InputError("empty after cleaning")
    meta.update(_dateline(body_units[0]))
    if "published" not in fields and meta.get("dateline_date"):
        fields.update(published=meta["dateline_date"], published_source="dateline")
    dek = [units[i] for i in range((title_at or -1) + 1, start) if kinds[i] in ("headline", "prose")]
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
    kinds = [_classify(unit) for unit in units]
    kept: list[str] = []
    credits: list[str] = []
    in_widget = False
    for unit, kind in zip(units, kinds, strict=True):
        if kind == "terminator":
            in_widget = True
            continue
        if in_widget and (kind != "prose" or len(unit.split()) < 25):
            continue
        in_widget = False
        if kind == "credit":
            credits.append(_credit(unit))
        elif kind not in ("boiler", "caption", "field", "date"):
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
    """Text wrapped at a fixed width (email, terminal copy) has most inner lines near that width."""
    inner = [line for block in blocks for line in block[:-1]]
    width = max((len(line) for block in blocks for line in block), default=0)
    if len(inner) < 4 or width > 100:
        return False
    near = sum(len(line) >= 0.7 * width for line in inner)
    return near >= 0.7 * len(inner)


def _rejoin(block: list[str]) -> list[str]:
    """Join a wrapped block's lines, but keep short standalone lines (headings, fields) apart."""
    width = max(len(line) for line in block)
    out: list[str] = []
    for line in block:
        if out and len(out[-1].rsplit("\n", 1)[-1]) >= 0.6 * width and out[-1][-1] not in ":":
            out[-1] += " " + line
        else:
            out.append(line)
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
    if _fields(unit) is not None:
        return "field"
    if len(words) <= 30 and BOILER.search(unit):
        return "boiler"
    if all(w.strip(".,:;|()[]•·-").lower() in SOCIAL or w.strip("()[]").isdigit() for w in words):
        return "boiler"
    if len(words) <= 12 and parse_stated_date(unit) and not _DATE_WORDS.sub("", unit).strip(" ,.|-\u2013—:/"):
        return "date"
    if len(words) >= 20 or ((_TERMINAL.search(unit) or _QUOTE_END.search(unit)) and len(words) >= 3):
        return "nav" if _nav_like(unit) else "prose"
    if len(words) <= 2 or _nav_like(unit):
        return "nav"
    return "headline"


def _refine(units: list[str], kinds: list[str]) -> list[str]:
    """Kinds that depend on neighbours: the line after an "Image caption" label is a caption,
    and a bare name next to the header date (before the body) is a byline."""
    kinds = list(kinds)
    first_prose = next((i for i, k in enumerate(kinds) if k == "prose"), len(kinds))
    for i, unit in enumerate(units):
        if CAPTION_LABEL.match(unit) and i + 1 < len(units) and len(units[i + 1].split()) <= 30:
            kinds[i] = "caption"
            if kinds[i + 1] in ("headline", "prose", "nav", "credit"):
                kinds[i + 1] = "caption"
        near_date = any(k in ("date", "field") for k in kinds[max(i - 1, 0) : i + 2])
        if i < first_prose and kinds[i] in ("headline", "nav") and near_date and _bare_name(unit):
            earlier = [j for j in range(i) if kinds[j] == "headline" and len(units[j].split()) >= 4]
            kinds[i] = "byline" if earlier else kinds[i]
    return kinds


def _bare_name(unit: str) -> bool:
    """A line such as "Jan de Vries" or "Shaun Walker in Moscow": a name and at most a place."""
    words = re.sub(r"\s+in\s+[A-Z][\w'-]+(?: [A-Z][\w'-]+)?$", "", unit).split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() or w in _NAME_PARTICLES for w in words)


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
        if not (kinds[i] == "headline" or question) or not 3 <= words <= 30:
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
    after, words = kinds[i + 1 : anchor + 1], [len(u.split()) for u in units]
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


# A credit line ends an article, so prose after one needs real weight to be taken as body.
_HEADER = ("field", "date", "byline")
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


def _teasers(units: list[str], kinds: list[str]) -> set[int]:
    """Lists of other articles: two or more headline-like lines, each followed by at most
    one short blurb or date. A lone subheading between long paragraphs is not one."""
    marked: set[int] = set()
    heads = [i for i, kind in enumerate(kinds) if kind == "headline"]
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
    prose = [_fold(units[i]) for i in range(start, end + 1) if kinds[i] == "prose"]
    for i in range(start, end + 1):
        folded = _fold(units[i])
        pull_quote = len(folded.split()) >= 5 and any(folded in p and folded != p for p in prose)
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
    unless every part of the line is a recognised field."""
    if len(unit.split()) > 25:
        return None
    found: dict[str, Any] = {}
    for part in (p for p in _FIELD_SPLIT.split(unit) if p and p.strip(" |•·")):
        parsed = _field(part.strip(" |•·"))
        if parsed is None:
            return None
        _merge(found, parsed)
    return found or None


def _field(part: str) -> dict[str, Any] | None:
    """One labelled field (or a bare date / comment count) as article fields or meta."""
    count = re.fullmatch(r"(\d[\d,]*)\s+(comments?|views?|shares?)", part, _I)
    if count:
        key = count.group(2).lower().rstrip("s") + "s"
        return {key: int(count.group(1).replace(",", ""))}
    match = FIELD.match(part)
    if not match:
        stated = parse_stated_date(part)
        if stated and len(part.split()) <= 12 and not _DATE_WORDS.sub("", part).strip(" ,.|-\u2013—:/"):
            return {"published": stated, "published_source": "header:date"}
        return None
    label, value = match.group("label").lower(), match.group("value").strip()
    colon = match.group("sep") == ":"
    if not colon and label not in _UNLABELLED and not re.fullmatch(r"\(\d+\)", value):
        return None
    if label in ("by", "written by", "posted by", "author", "authors", "reporter"):
        return _byline(value)
    if label in ("published", "posted", "date", "first published"):
        by = re.fullmatch(r"(?P<date>.*\d.*?)\s+by\s+(?P<name>.+)", value, _I)
        if by and parse_stated_date(by["date"]) and _byline(by["name"]):
            return {**_field(f"{label}: {by['date']}"), **_byline(by["name"])}  # type: ignore[dict-item]
        stated = parse_stated_date(value)
        if stated:
            return {"published": stated, "published_source": f"header:{match.group('label')}"}
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
    if not value or len(value.split()) > 20 or (_TERMINAL.search(value) and not value.endswith(":")):
        return None
    items = [t.strip(" #") for t in re.split(r"[,;|#]", value) if t.strip(" #")]
    return {"tags": items} if label in ("tag", "tags", "topics", "keywords") else {"category": value}


def _vague_value(value: str, colon: bool) -> bool:
    """A date field that states no usable date ("Updated: 3 hours ago") is still a field."""
    if not value or len(value.split()) > 6 or _TERMINAL.search(value):
        return False
    return colon or (len(value.split()) <= 3 and bool(re.search(r"\d|ago|yesterday|today", value, _I)))


def _byline(value: str) -> dict[str, Any] | None:
    """A name list after "By"/"Author:"; a sentence starting with "By" is not one."""
    value = value.strip(" ,|")
    dated = re.match(r"^(?P<name>.+?)\s*(?:,|\bon\b|\|)\s*(?P<date>.*\d{4}.*)$", value)
    out: dict[str, Any] = {}
    if dated and parse_stated_date(dated.group("date")):
        out = {"published": parse_stated_date(dated.group("date")), "published_source": "header:byline"}
        value = dated.group("name")
    words = value.replace(",", " , ").split()
    if not words or len(words) > 10 or (_TERMINAL.search(value) and not re.search(r"\b[A-Z]\.$", value)):
        return None
    after_comma = False
    for word in words:
        after_comma = after_comma or word == ","
        if not (word[0].isupper() or word.lower() in _NAME_PARTICLES or word == "," or after_comma):
            return None
    return {"byline": value, **out}


def _merge(into: dict[str, Any], fields: dict[str, Any]) -> None:
    """First stated value wins (later dates belong to other articles), except that a labelled
    "Published" date beats a bare date line, which is as often the last-modified time."""
    if into.get("published_source") == "header:date" and fields.get("published_source", "header:date") != (
        "header:date"
    ):
        into.update(published=fields["published"], published_source=fields["published_source"])
    for key, value in fields.items():
        into.setdefault(key, value)


def _credit(unit: str) -> str:
    """The credit text without its label, brackets or final full stop."""
    match = CREDIT.match(unit)
    text = match.group("source") if match and match.group("source") else unit
    return text.strip().strip("()").lstrip("-\u2013— ").rstrip(".").strip()


def _trailing_agency(unit: str) -> tuple[str, str | None]:
    """A final paragraph ending in "(Reuters)" or "— AFP" keeps its text and gives up the credit."""
    match = re.search(rf"\s+(?:\((?P<a>{AGENCIES})\)|[\u2013—]\s?(?P<b>{AGENCIES}))\s*$", unit)
    if not match or not _TERMINAL.search(unit[: match.start()]):
        return unit, None
    return unit[: match.start()], match.group("a") or match.group("b")


def _dateline(first: str) -> dict[str, Any]:
    """Place, agency and (if it has a year) date of a wire dateline; the text stays in the body."""
    match = DATELINE.match(first)
    if not match or len(match.group("place")) < 3:
        return {}
    meta: dict[str, Any] = {"dateline": match.group("place")}
    if match.group("agency"):
        meta["agency"] = match.group("agency").strip()
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
