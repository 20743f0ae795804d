"""Speaker resolution: from the words that name a speaker to a canonical name and type.

Kinds of speaker: named people and organisations (via the article's EntityIndex), titles resolved to
the person holding them, relative pronouns to their antecedent, personal pronouns to the nearest
compatible person (or organisation for "it"/"they"), "I"/"we" inside a quote to whoever is quoted, and
anonymous sources ("a senior diplomat", "officials") kept as they are written.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .candidate import Candidate
from .entities import EntityIndex

PERSONAL = frozenset({"he", "she", "him", "her", "his"})
GROUP = frozenset({"they", "them", "it", "its", "their"})
FIRST = frozenset({"i", "we", "me", "us"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
ANONYMOUS = re.compile(
    r"\b(officials?|sources?|diplomats?|aides?|people familiar|insiders?|observers|analysts|critics|"
    r"supporters|advisers?|advisors?|spokes(?:man|woman|person)|someone|experts?|members?|lawmakers|"
    r"residents|witnesses|voters|officers?)\b",
    re.I,
)


def resolve_speakers(doc: Doc, cands: list[Candidate], index: EntityIndex) -> None:
    """Fill speaker_name/type/entity for each candidate in text order (parents before children).

    A pronoun with no one to resolve it to gets no name: it is no one's name, and `who` and the same-speaker
    search would pool every unresolved "he" as one person. Its mention stays."""
    last: Candidate | None = None  # the last singular speaker, for a pronoun with no named antecedent
    for cand in sorted(cands, key=lambda c: c.region()[0]):
        if cand.speaker is None:
            continue
        span = doc.char_span(*cand.speaker, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = cand.speaker_token if cand.speaker_token is not None else span.root
        low = head.lower_
        if low in RELATIVE and head.head.dep_ in ("relcl", "acl"):
            ant = head.head.head
            span = doc[ant.left_edge.i : ant.i + 1]
            low = ant.lower_
        ent = None
        if low in PERSONAL and len(span) == 1:
            gender = "f" if low in ("she", "her") else "m"
            # '"Trump is a disaster," he said': he is whoever was named before the quote, not a name in it
            before = min(cand.speaker[0], cand.content[0]) if cand.content else cand.speaker[0]
            ent = index.nearest_person(before, gender=gender)
            if ent is not None and ent.gender is None:
                ent.gender = gender  # later pronouns of the other gender then look past this person
            if ent is None:  # with no one named before it, "he" stays unresolved rather than a name "He"
                if last is not None:
                    cand.speaker_name, cand.speaker_type = last.speaker_name, last.speaker_type
                continue
        elif low in GROUP and len(span) == 1:
            ent = index.nearest_org(cand.speaker[0])
            if ent is None:  # "they" or "its" with no organisation named before it: no one we can name
                continue
        elif low in FIRST and len(span) == 1:
            parent = cands[cand.parent] if cand.parent is not None else None
            if parent is not None and parent.speaker_name:
                cand.speaker_name, cand.speaker_type = parent.speaker_name, parent.speaker_type
                cand.speaker_entity = parent.speaker_entity
            continue
        else:
            ent = index.lookup(span)
        if ent is not None:
            cand.speaker_name, cand.speaker_type, cand.speaker_entity = ent.name, ent.type, ent.id
        else:
            cand.speaker_name = _plain(span)
            cand.speaker_type = "anonymous" if ANONYMOUS.search(span.text) or head.tag_ == "NNS" else "role"
        if cand.speaker_type in ("person", "role"):
            last = cand


def _plain(span: Span) -> str:
    """A mention with no entity behind it, as a name: its core noun phrase, without a leading article
    or the descriptions and clauses that follow ("a senior diplomat, speaking on condition …")."""
    root = span.root
    drop = {x.i for c in root.children if c.dep_ in ("relcl", "acl", "appos", "punct") for x in c.subtree}
    toks = [t for t in root.subtree if t.i not in drop and span.start <= t.i < span.end]
    if toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip() or span.text
