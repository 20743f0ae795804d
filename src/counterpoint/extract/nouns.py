"""Attributions carried by a noun: "Trump's claim that …", "his promise to …", "a warning from X that …".

The noun is the cue, its that- or to-clause the content, and its possessor (or the "from"/"by" phrase)
the speaker. Only nouns whose clause is marked by "that" or "to" count, so "the claim" alone does not.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import words

CUE_NOUNS = words("""
claim claims promise promises pledge pledges plan plans warning warnings call calls denial denials statement
assertion assertions suggestion allegation allegations accusation accusations argument insistence vow vows
threat threats demand demands proposal belief beliefs fear fears hope hopes admission announcement
prediction predictions contention
""")
_SPEAKER_PREPS = ("from", "by")


def find_noun_cues(doc: Doc) -> list[Candidate]:
    """One candidate per cue noun with a "that …"/"to …" clause of its own."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in CUE_NOUNS:
            continue
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and _marked(c)), None)
        if clause is None or clause.i < tok.i:
            continue
        toks = list(clause.subtree)
        cand = Candidate(
            content=(toks[0].idx, toks[-1].idx + len(toks[-1].text)),
            cue=(tok.idx, tok.idx + len(tok)),
            cue_token=tok,
            confidence=0.6,
        )
        speaker = _speaker(tok)
        if speaker is not None:
            sub = [t for t in speaker.subtree if not t.is_punct and t.dep_ != "case"]
            cand.speaker = (sub[0].idx, sub[-1].idx + len(sub[-1].text))
            cand.speaker_token = speaker
        out.append(cand)
    return out


def _marked(clause: Token) -> bool:
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in ("that", "to") and first.i < clause.i


def _speaker(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ in _SPEAKER_PREPS:
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    return None
