"""Check-worthy claims in the writer's own voice: sentences that state numbers, dates or who did what.

Only sentences outside every attribution and quote qualify; the article itself is their source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .candidate import Candidate
from .pipeline import end_char
from .quotes import Quote

# an ordinal alone ("their first jobs") counts nothing that could be checked
_NUMERIC = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY", "DATE")
_ACTORS = ("PERSON", "ORG", "GPE", "NORP")
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_OPINION = frozenset({"i", "we", "you", "my", "our", "should", "must", "perhaps", "maybe"})


def find_claims(doc: Doc, cands: list[Candidate], quotes: list[Quote]) -> list[Candidate]:
    """Sentences with a checkable fact and no attribution, scored by how many signals they carry."""
    taken = (
        [c.content for c in cands if c.content]
        + [c.region() for c in cands]
        + [(q.start, q.end) for q in quotes if not q.single]
    )
    out = []
    for sent in doc.sents:
        s, e = _trimmed(sent)
        if e - s < 25 or any(a < e and s < b for a, b in taken):
            continue
        score = _checkworthiness(sent)
        if score > 0:
            out.append(Candidate(content=(s, e), kind="claim", confidence=min(0.9, 0.4 + 0.15 * score)))
    return out


def _checkworthiness(sent: Span) -> int:
    """0 for opinion, questions and verbless fragments; else the number of factual signals."""
    text = sent.text.strip()
    if text.endswith("?") or len(sent) < 6 or len(sent) > 80:
        return 0
    if not any(t.tag_ in _FINITE for t in sent) or any(t.lower_ in _OPINION for t in sent):
        return 0
    numeric = any((t.ent_type_ in _NUMERIC or t.like_num) and t.ent_type_ != "ORDINAL" for t in sent)
    actor = any(t.ent_type_ in _ACTORS for t in sent)
    past = any(t.tag_ == "VBD" and t.dep_ == "ROOT" for t in sent)
    if not (numeric or (actor and past)):
        return 0
    return int(numeric) + int(actor) + int(past)


def _trimmed(sent: Span) -> tuple[int, int]:
    toks = [t for t in sent if not t.is_space]
    return (toks[0].idx, end_char(toks[-1])) if toks else (sent.start_char, sent.start_char)
