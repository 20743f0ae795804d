"""Direct quotes joined to their attributions: adjacency to a cue, split and continued quotes, colon
speakers ("Name: …"), headline speakers ("… – Name").

The parser sees a quote as ordinary words, so which quote belongs to which cue is decided here on
character positions: a quote that ends right before "…," she said or starts right after "she said:"
is that cue's content, and a quote that follows an attributed one with nothing but punctuation or a
paragraph break between them continues it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .candidate import Candidate
from .quotes import Quote

_GAP_BEFORE = re.compile(r"^[ \t\u00a0,;\u2014\u2013-]*$")  # quote … gap … "she said", same paragraph
_GAP_AFTER = re.compile(r"^[\s,:\u2014\u2013-]*$")  # "she said" … gap … quote
_CONTINUE = re.compile(r"^[\s.,;:]*$")
_COLON_SPEAKER = re.compile(r"^([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4}):[ \t]+(\S.*)$", re.M)
_HEADLINE_SPEAKER = re.compile(
    r"^(.{12,}?\S)\s+[\u2013\u2014-]{1,2}\s+([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})\s*$"
)


def attach_quotes(doc: Doc, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """Give cue candidates their adjacent quotes, continue quotes, and add colon/headline speakers."""
    text = doc.text
    doubles = [q for q in quotes if not q.single]
    used: set[int] = set()
    for cand in cands:
        if cand.cue_token is None or cand.cue_token.lower_ == "according":
            continue
        q = _adjacent_quote(text, doubles, cand)
        if q is not None and (cand.content is None or _overlaps(cand.content, q)):
            cand.content = (q.start, q.end)
            cand.pieces = list(q.parts)
            used.add(id(q))
        elif cand.content is not None:
            _snap_to_quote(cand, doubles, used)
    out = [c for c in cands if c.content is not None]
    out += _colon_speakers(doc, out)
    out.sort(key=lambda c: c.content[0])
    _continue_quotes(text, doubles, used, out)
    for cand in out:
        cand.kind = _kind(text, cand, quotes)
    headline = _headline_speaker(doc)
    return ([headline] if headline else []) + out


def _adjacent_quote(text: str, doubles: list[Quote], cand: Candidate) -> Quote | None:
    r0, r1 = cand.region()
    for q in doubles:
        if q.end <= r0 and _GAP_BEFORE.match(text[q.end : r0]) and _open_ended(text, q, r0):
            return q
        if q.start >= r1 and _leads_into(text, cand, r1, q.start):
            return q
    return None


def _open_ended(text: str, q: Quote, r0: int) -> bool:
    """A quote that hands over to its attribution ends in a comma, dash, ? or !, not a full stop."""
    last = text[q.start : q.end].rstrip("\"'\u201d\u2019 ")[-1:]
    return last in (",", "?", "!", "-", "\u2014", "\u2013") or "," in text[q.end : r0]


def _leads_into(text: str, cand: Candidate, r1: int, qstart: int) -> bool:
    """Whether the attribution leads straight into a following quote: only punctuation between, or the
    cue's own modifiers ending in a colon or comma ("said in a statement: …", "told reporters, …")."""
    gap = text[r1:qstart]
    if _GAP_AFTER.match(gap):
        return True
    if not gap.rstrip().endswith((":", ",")) or cand.cue_token is None:
        return False
    own = {t.i for t in cand.cue_token.subtree}
    toks = [t for t in cand.cue_token.sent if r1 <= t.idx < qstart and not t.is_punct]
    return len(toks) <= 8 and all(t.i in own for t in toks)


def _overlaps(content: tuple[int, int], q: Quote) -> bool:
    return content[0] < q.end and q.start < content[1]


def _snap_to_quote(cand: Candidate, doubles: list[Quote], used: set[int]) -> None:
    """A parsed content that lies inside a quote, or cuts one, becomes the whole quote."""
    s, e = cand.content
    for q in doubles:
        if q.start <= s < q.end or q.start < e <= q.end:
            if s >= q.start and e <= q.end:
                cue = cand.cue or (0, 0)
                if q.start <= cue[0] < q.end:
                    return  # a cue inside the quote: a statement nested in the quoted words
                cand.content, cand.pieces = (q.start, q.end), list(q.parts)
                used.add(id(q))
                return
            cand.content = (min(s, q.start), max(e, q.end))
            s, e = cand.content


def _continue_quotes(text: str, doubles: list[Quote], used: set[int], cands: list[Candidate]) -> None:
    """A free quote right after an attributed one (split around the attribution, or the next paragraph)
    continues the same statement."""
    for q in doubles:
        if id(q) in used:
            continue
        prev = [c for c in cands if c.pieces and max(c.region()[1], c.content[1]) <= q.start]
        if not prev:
            continue
        p = max(prev, key=lambda c: max(c.region()[1], c.content[1]))
        end = max(p.region()[1], p.content[1])
        if _CONTINUE.match(text[end : q.start]) and not any(
            c.content[0] > end and c.content[0] < q.start for c in cands
        ):
            p.content = (p.content[0], q.end)
            p.pieces += q.parts
            used.add(id(q))


def _colon_speakers(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Transcript and interview style: a paragraph "Name: what they said"."""
    out = []
    taken = [c.content for c in cands]
    for m in _COLON_SPEAKER.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not any(t.ent_type_ in ("PERSON", "ORG") for t in span):
            continue
        s, e = m.start(2), m.end(2)
        if any(a <= s < b for a, b in taken):
            continue
        out.append(
            Candidate(
                content=(s, e),
                cue=(m.end(1), m.end(1) + 1),
                speaker=(m.start(1), m.end(1)),
                speaker_token=span.root,
                confidence=0.7,
            )
        )
    return out


def _headline_speaker(doc: Doc) -> Candidate | None:
    """A first line "Russia will respond – Lavrov": the name after the dash said the rest."""
    line = doc.text.split("\n", 1)[0]
    m = _HEADLINE_SPEAKER.match(line)
    if not m:
        return None
    span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if span is None or not all(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return None
    return Candidate(
        content=(m.start(1), m.end(1)),
        cue=(m.end(1), m.start(2)),
        speaker=(m.start(2), m.end(2)),
        speaker_token=span.root,
        kind="direct",
        confidence=0.6,
    )


def _kind(text: str, cand: Candidate, quotes: list[Quote]) -> str:
    """direct: the content is quoted words only; mixed: paraphrase with quoted words in it."""
    s, e = cand.content
    if cand.pieces and cand.pieces[0][0] <= s + 1 and cand.pieces[-1][1] >= e - 1:
        return "direct"
    if any(s <= q.start and q.end <= e for q in quotes):
        return "mixed"
    return "indirect"
