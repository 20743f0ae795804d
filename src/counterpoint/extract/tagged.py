"""The span tagger's proposals (tagger.py) applied to the rules' candidates.

Where a tagged content or source overlaps one the rules found, the tagger's bounds win (`snap`): reading the
rules' spans as hints, it has the right bounds twice as often as the rules where the two differ on PolNeAR
dev. A sure tagged content no rule candidate holds becomes a candidate of its own (`tagged_candidates`), with
the tagged cue and source the parse links to it, else the nearest ones in its sentences; with neither, the
speaker stays empty rather than guessed. A weak statement of the rules' that the tagger finds no content for
is dropped (`vouched`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from .candidate import Candidate
from .clauses import anonymity
from .cues import REPORTING, verb_base
from .pipeline import doc_text
from .quotes import QUOTE_MARKS
from .reported import supposing
from .tagger import TaggedSpan, trim

# a double mark, or a single one opening a word ('bogus'), not an apostrophe ("the drugmaker's")
_QUOTED = re.compile("[\"\u201c\u201d]|(?<![\\w\u2019'])[\u2018']\\w")
_PARAGRAPH = "\n"  # a paragraph break, or a line of a menu or headline list
_CLOSING = ('"', "\u201d", '."', ".\u201d", ',"', ",\u201d")
# The tagger moves the rules' content bounds only when it is this sure (at 0.9, content F1 -0.003 on dev).
MIN_SNAP = 0.97
_MODIFIERS = ("amod", "compound", "det", "poss", "nummod", "nmod")
MIN_WORDS = 3  # a tagged "He" or "them" the rules did not find is more often wrong than right
MIN_CUE = 0.6  # a cue tagged at even odds ("spring" in "put it to me last spring") is no cue
SURE = 0.5  # a statement the scorer finds more likely than not stays, whatever the tagger reads


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the characters either covers (PolNeAR's scorer matches at 0.5)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(1, max(a[1], b[1]) - min(a[0], b[0]))


def whole_tokens(doc: Doc, spans: dict[str, list[TaggedSpan]]) -> dict[str, list[TaggedSpan]]:
    """The tagger's spans widened to whole tokens (it reads word pieces, and may start at "vrov" of
    "Lavrov") and to the owner of a possessive ending they start with ("'s pro-Russian leaders" is
    "Crimea's pro-Russian leaders"), then trimmed as before."""
    text = doc_text(doc)
    out: dict[str, list[TaggedSpan]] = {}
    for role, found in spans.items():
        out[role] = []
        for t in found:
            words = doc.char_span(t.start, t.end, alignment_mode="expand")
            if words is not None and len(words):
                first = words[0]
                if first.dep_ == "case" and first.head.i < first.i:
                    first = doc[first.head.left_edge.i]
                start, end = trim(text, first.idx, words.end_char)
                if end > start:
                    out[role].append(TaggedSpan(start, end, t.probability))
    return out


def snap(doc: Doc, cands: list[Candidate], spans: dict[str, list[TaggedSpan]]) -> None:
    """Move each candidate's content and speaker to the tagged span that best overlaps it. Left as the rules
    found them: a direct quote's content (its marks bound it), a content that differs only by the edge marks
    the tagger leaves out, and a statement nested in another's words (the tagger learns only the outermost
    content), or a content moved onto what a statement nested in it says ("rejected a claim by Lavrov that
    …": the claim is Lavrov's, the rejection the aides')."""
    text = doc_text(doc)
    sure = [t for t in spans["content"] if t.probability >= MIN_SNAP]
    nested = {trim(text, *c.content) for c in cands if c.parent is not None and c.content}
    for cand in cands:
        if cand.parent is not None:
            continue
        quoted = cand.pieces or cand.kind == "direct"  # quote marks bound it better than any model
        best = _best(sure, cand.content, 0.5) if cand.content and not quoted else None
        if (
            best is not None
            and best != trim(text, *cand.content)
            and best not in nested
            and _same_paragraphs(text, best, cand.content)
            and not _cut_short(doc, best)
        ):
            cand.content = _balanced(text, *best)
        best = _best(spans["source"], cand.speaker, 0.0) if cand.speaker else None
        words = doc.char_span(*best, alignment_mode="expand") if best else None
        head = cand.speaker_token
        same = words is not None and len(words) and (head is None or words.root == head)  # the same speaker
        # not to bounds that end on an article ("Tom Albright, who had supported the" of "… the dam"), nor to
        # bounds that leave out the person the rules' speaker names ("Their spokesman" of "…, Dev Raman")
        if (
            same
            and _same_paragraphs(text, best, cand.speaker)
            and words[-1].dep_ != "det"
            and not _drops_a_name(words, cand.speaker)
        ):
            cand.speaker, cand.speaker_token = (words.start_char, words.end_char), words.root


def _drops_a_name(words: Span, old: tuple[int, int]) -> bool:
    """Whether the rules' speaker holds a person's name in apposition to the tagged one's head, which the
    tagged bounds leave out."""
    return any(
        t.dep_ == "appos" and t.ent_type_ == "PERSON" and words.end_char <= t.idx < old[1]
        for t in words.root.children
    )


def corroborate(cands: list[Candidate], spans: dict[str, list[TaggedSpan]]) -> None:
    """A statement whose content the tagger finds too is as likely as the surer of the two says. So its
    confidence is the same whether the scorer kept it or, under a higher `min_confidence`, dropped it and
    the tagger found it again (`tagged_candidates`, at the tagger's probability)."""
    for cand in (c for c in cands if c.content is not None):
        found = (t.probability for t in spans["content"] if overlap(cand.content, (t.start, t.end)) >= 0.5)
        cand.confidence = max(cand.confidence, round(max(found, default=0.0), 3))


def vouched(cands: list[Candidate], spans: dict[str, list[TaggedSpan]]) -> list[Candidate]:
    """Without the statements neither the scorer nor the tagger believes in: top-level, indirect, below even
    odds, with a cue that is no verb of saying, and no tagged content covering half its words ("attacked |
    the USS Cole", "saw | the tweet", "focused on | the racial divide"). Quotes are kept (their marks make
    them statements), a verb of saying keeps what it reports ("Russia denies | losses"), and a statement
    that reports another is kept (the chain of who told whom stays whole)."""
    tagged = [(t.start, t.end) for t in spans["content"]]
    reporting = {c.parent for c in cands if c.parent is not None}
    return [
        c
        for n, c in enumerate(cands)
        if n in reporting
        or c.parent is not None
        or c.kind != "indirect"
        or c.pieces
        or c.content is None
        or c.confidence >= SURE
        or (c.cue_token is not None and verb_base(c.cue_token.lower_) in REPORTING)
        or any(overlap(c.content, t) >= 0.5 for t in tagged)
    ]


def _cut_short(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether tagged bounds end on a word that modifies one after them ("95% effective in final" of "…
    in final analysis"): the tagger reads word pieces, and its edges can fall inside a phrase."""
    words = doc.char_span(*span, alignment_mode="expand")
    last = words[-1] if words is not None and len(words) else None
    return last is not None and last.dep_ in _MODIFIERS and last.head.i >= words.end


def _same_paragraphs(text: str, new: tuple[int, int], old: tuple[int, int]) -> bool:
    """Whether moving bounds keeps a content within the paragraphs it had (the tagger reads windows)."""
    return _PARAGRAPH not in text[slice(*new)] or _PARAGRAPH in text[slice(*old)]


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The tagger's bounds leave out edge quote marks, as PolNeAR's scorer does; a statement's words keep
    the mark that closes a quote they open ('the sanctions "illegal"'), or opens one they close."""
    opened = closed = 0
    for i in range(start, end):  # a straight mark opens after a space or a bracket, and closes anywhere else
        if text[i] == "\u201c" or (text[i] == '"' and (i == 0 or text[i - 1] in " \t\n([")):
            opened += 1
        elif text[i] in '"\u201d':
            closed += 1
    if opened > closed:
        after = text[end : end + 2]
        end += next((len(m) for m in _CLOSING if after.startswith(m)), 0)
    elif closed > opened and start > 0 and text[start - 1] in '\u201c"':
        start -= 1
    return start, end


def _best(tagged: list[TaggedSpan], span: tuple[int, int], least: float) -> tuple[int, int] | None:
    """The tagged span that overlaps `span` most, if by more than `least` (and at all)."""
    scored = [(overlap(span, (t.start, t.end)), t) for t in tagged]
    score, best = max(scored, key=lambda x: x[0], default=(0.0, None))
    return (best.start, best.end) if best is not None and score > least and score > 0 else None


def tagged_candidates(
    doc: Doc, spans: dict[str, list[TaggedSpan]], found: list[Candidate], min_probability: float
) -> list[Candidate]:
    """Candidates for the tagged contents at `min_probability` or more that no candidate in `found` holds."""
    text = doc_text(doc)
    held = [c.content for c in found if c.content]
    taken = {c.cue for c in found if c.cue}
    sure_cues = [c for c in spans["cue"] if c.probability >= MIN_CUE]
    out = []
    for span in spans["content"]:
        if span.probability < min_probability:
            continue
        content = _balanced(text, span.start, span.end)
        if any(overlap(content, h) >= 0.5 for h in held):
            continue
        if _PARAGRAPH in text[span.start : span.end]:  # the tagger reads windows, not paragraphs
            continue
        if any(_frames(content, c) for c in found):
            continue
        words = doc.char_span(*content, alignment_mode="expand")
        if words is None or len(words) < MIN_WORDS:
            continue
        outside = (words.start_char, words.end_char)
        cues = _aligned(doc, sure_cues, _sentences(doc, words), outside)
        # "They are wrong. When Iceland ran trials …, researchers found": a cue after the content with a
        # statement of its own is not this content's unless the parse says so
        cues = [
            c
            for c in cues
            if (c.start_char, c.end_char) not in taken or c.start < words[-1].sent.end or _governs(c, words)
        ]
        cue = _closest(cues, words, _governs)
        # with no cue, a content is a piece of a statement found ("That is their interpretation." in an
        # answer) or the writer's own words: on PolNeAR dev, none of 35 such was an annotated content
        if cue is None or supposing(words.root) or supposing(cue.root) or anonymity(words.root):
            continue
        sources = _aligned(doc, spans["source"], [cue.sent], outside)
        speaker = _closest(sources, cue, _subject_of)
        out.append(
            Candidate(
                content=content,
                cue=(cue.start_char, cue.end_char),
                cue_token=cue.root,
                speaker=(speaker.start_char, speaker.end_char) if speaker is not None else None,
                speaker_token=speaker.root if speaker is not None else None,
                kind=_kind(text, content),
                confidence=round(span.probability, 3),
            )
        )
        held.append(content)
    return out


def _frames(content: tuple[int, int], cand: Candidate) -> bool:
    """Whether a tagged content holds the cue of a statement found, but none of its words ("Chen's office
    denied" before "that"): it is that statement's frame, not something said."""
    if cand.cue is None or cand.content is None:
        return False
    return _within(cand.cue, content) and overlap(content, cand.content) == 0


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _sentences(doc: Doc, words: Span) -> list[Span]:
    """The sentences a content touches, and the one after it ('"…," she said.' puts the cue there)."""
    first, last = words[0].sent, words[-1].sent
    after = doc[last.end].sent if last.end < len(doc) else last
    if _PARAGRAPH in doc_text(doc)[words.end_char : after.start_char]:
        after = last  # a cue in the next paragraph is someone else's (the break ends the sentence before)
    return [first, last, after]


def _aligned(doc: Doc, tagged: list[TaggedSpan], within: list[Span], outside: tuple[int, int]) -> list[Span]:
    """The tagged spans inside the given sentences and outside the content, as spaCy spans."""
    bounds = [(s.start_char, s.end_char) for s in within]
    out = []
    for t in tagged:
        words = doc.char_span(t.start, t.end, alignment_mode="expand")
        if words is None or not len(words) or (words.end_char > outside[0] and words.start_char < outside[1]):
            continue
        if _PARAGRAPH in words.text:
            continue
        if any(a <= words.start_char and words.end_char <= b for a, b in bounds):
            out.append(words)
    return out


def _governs(cue: Span, content: Span) -> bool:
    return cue.root.is_ancestor(content.root)


def _subject_of(source: Span, cue: Span) -> bool:
    return cue.root in (source.root.head, source.root.head.head)


def _closest(spans: list[Span], to: Span, linked: Callable[[Span, Span], bool]) -> Span | None:
    """The span the parse links to `to`, else the nearest one."""

    def gap(s: Span) -> tuple[bool, int]:
        return (not linked(s, to), max(to.start_char - s.end_char, s.start_char - to.end_char, 0))

    return min(spans, key=gap, default=None)


def _kind(text: str, content: tuple[int, int]) -> str:
    """direct when the content sits inside quote marks, mixed when it holds some, else indirect."""
    before = text[max(0, content[0] - 1) : content[0]]
    after = text[content[1] : content[1] + 1]
    if before and before in QUOTE_MARKS and after and after in QUOTE_MARKS + ",.":
        return "direct"
    return "mixed" if _QUOTED.search(text, content[0], content[1]) else "indirect"
