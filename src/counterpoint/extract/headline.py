"""A stored article's title is read with its body; what the title says is kept with offsets into the title.

The title is where many articles state their lead attribution ("US will not recognise Crimea vote, Kerry
says"). It is read as the body's first paragraph, as `extract` reads a raw file and as the span tagger was
trained, so its speakers take their full names from the body. But headline grammar drops "that" and commas,
which the parse misreads ("Crimea votes to join Russia as Kerry says US will not recognise result" makes the
vote Kerry's), so a title's statements are kept only in the shapes headlines attribute with.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from counterpoint.records import Statement

from .candidate import Candidate
from .cues import verb_base
from .pieces import moved

SEPARATOR = "\n\n"
# What stands between a headline's words and the attribution after them: "…, Kerry says", "… - Lavrov".
_BEFORE_ATTRIBUTION = frozenset(",:;-\"'\u2013\u2014\u201d\u2019")
_PEOPLE = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_DASHES = ("-", "--", "\u2013", "\u2014")


def with_title(text: str, title: str | None, outlet: str | None = None) -> tuple[str, int, int]:
    """The text to read, where the title's words start in the title, and where the body starts in the text
    to read: the title's own words as a first paragraph, unless the body already opens with the title (a
    scrape that kept its headline line)."""
    if not title or not title.strip() or "\n" in title:
        return text, 0, 0
    start, end = _own_words(title, outlet)
    if text.lstrip().startswith(title[start:end]):  # "… | Reuters" above a body that opens with "…"
        return text, 0, 0
    return title[start:end] + SEPARATOR + text, start, end - start + len(SEPARATOR)


def _own_words(title: str, outlet: str | None) -> tuple[int, int]:
    """Where a page title's own words lie: "Opinion | …" and "… | Reuters" keep the longest part between
    bars, and "… - BBC News" loses a last part that names the outlet, which would read as the headline's
    speaker."""
    parts = title.split(" | ")
    longest = max(parts, key=len)
    start = title.index(longest)
    end = start + len(longest.rstrip())
    start += len(longest) - len(longest.lstrip())
    site = set((outlet or "").lower().split())
    for dash in (f" {d} " for d in _DASHES):
        cut = title.rfind(dash, start, end)
        tail = set(title[cut + len(dash) : end].lower().split())
        if cut > start and site and (tail == site or site < tail):
            return start, cut
    return start, end


def headline_candidates(doc: Doc, cands: list[Candidate], title_end: int) -> list[Candidate]:
    """The candidates, without those in the title that are not a headline's attribution: a content holding
    its own cue and speaker ("What diplomats say on the phone"), or one before its cue with nothing to part
    them ("Crimea votes … as Kerry says"). A content need not be a clause: PolNeAR's annotators mark "Flight
    attendants' union endorses Clinton" and "Former DNC chairman calls for Clinton contingency plan". "Kerry
    tells Lavrov referendum result will not be recognised" has Lavrov as the one told, not in what was said.
    An attribution of its own makes a name after a dash the site's ("… says US will not recognise vote - BBC
    News")."""
    cues = [c.cue for c in cands if c.cue and c.content and c.content[0] < title_end]
    kept = []
    for c in cands:
        if c.content is None or c.content[0] >= title_end:
            kept.append(c)
            continue
        if c.cue is None or (c.holds(*c.cue) and c.speaker is not None and c.holds(*c.speaker)):
            continue  # not "Clinton Campaign Reportedly Scrambling …", whose cue has no speaker
        signed = doc.text[c.cue[0] : c.cue[1]].strip() in _DASHES  # not "Lavrov: Kerry told me …"
        if signed and any(c.holds(*cue) for cue in cues):
            continue
        if c.content[1] <= c.cue[0] and c.kind not in ("direct", "mixed"):
            between = doc.text[c.content[1] : min(c.cue[0], c.speaker[0] if c.speaker else c.cue[0])]
            if not _BEFORE_ATTRIBUTION & set(between):
                continue
        kept.append(_told(doc, c) if c.cue[1] <= c.content[0] else c)
    return kept


def _told(doc: Doc, c: Candidate) -> Candidate:
    """ "Kerry tells Lavrov referendum result …": a name that opens what was told, and is followed by more
    words, is the one told (a headline drops the "that" after it)."""
    if c.cue_token is None or verb_base(c.cue_token.lower_) != "tell" or c.addressee is not None:
        return c
    first = next((e for e in doc.ents if e.start_char == c.content[0]), None)
    if first is None or first.label_ not in _PEOPLE or first.end_char >= c.content[1] - 1:
        return c
    rest = doc[first.end :]
    start = next((t.idx for t in rest if not t.is_space), c.content[1])
    return replace(c, content=(start, c.content[1]), addressee=first.text)


def split_title(
    statements: list[Statement], article_id: str, title_start: int, body_start: int
) -> list[Statement]:
    """Statements of what `with_title` gave to read, in the stored article's terms: those in the title with
    `part` "title" and offsets into it, the rest with offsets into the text. A speaker or cue span in the
    other part is left out; the speaker's name stays. One running from the title into the body is dropped."""
    if not body_start:
        return statements
    title_end = body_start - len(SEPARATOR)

    def in_title(span: tuple[int, int]) -> tuple[int, int] | None:
        return (span[0] + title_start, span[1] + title_start) if span[1] <= title_end else None

    def in_text(span: tuple[int, int]) -> tuple[int, int] | None:
        return (span[0] - body_start, span[1] - body_start) if span[0] >= body_start else None

    return moved(
        statements, article_id, lambda s: ("title", in_title) if s.span[0] < title_end else ("text", in_text)
    )
