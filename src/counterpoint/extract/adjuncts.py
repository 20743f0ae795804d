"""Attributions carried by an adjunct instead of a cue verb: "X reportedly did Y" and "In a new poll, Y".

PolNeAR marks them as attributions: the adverb or the preposition is the cue, the clause it modifies the
content, and the poll (if any) the source. A clause whose own verb is a cue ("reportedly said …") is
left to reported.py, so that its speaker and content stay the verb's.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import verb_base, words
from .pipeline import end_char, sentence

POLL_NOUNS = words("poll polls survey surveys study report analysis average count tally")


def find_adjunct_cues(doc: Doc) -> list[Candidate]:
    """One candidate per "reportedly" and per "in <poll>" that modifies a clause with no cue verb."""
    out = []
    keys = [doc.vocab.strings[w] for w in ("reportedly", "in")]
    for i in np.flatnonzero(np.isin(doc.to_array(LOWER), keys)):  # a Python pass over every token costs more
        tok = doc[int(i)]
        low = tok.lower_
        if tok.head.pos_ not in ("VERB", "AUX"):
            continue
        if verb_base(tok.head.lower_) is not None:
            continue
        if low == "reportedly" and tok.dep_ == "advmod":
            cand = _reportedly(tok)
        elif low == "in" and tok.dep_ == "prep":
            cand = _in_poll(tok)
        else:
            cand = None
        if cand is not None:
            out.append(cand)
    return out


def _reportedly(tok: Token) -> Candidate | None:
    """ "The FBI is reportedly making arrangements": the whole clause, the adverb inside it."""
    verb = tok.head
    toks = _trim([t for t in verb.subtree if not t.i == tok.i == verb.left_edge.i])  # not "Reportedly,"
    if len(toks) < 3:
        return None
    return Candidate(content=_chars(toks), cue=_chars([tok]), confidence=0.5)


def _in_poll(tok: Token) -> Candidate | None:
    """ "In a CNN poll, 31% said …" or "… led by 10 points in the latest poll": the poll is the source."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ in POLL_NOUNS), None)
    if pobj is None:
        return None
    source = _trim(list(pobj.subtree))
    sent = sentence(tok)
    if (
        tok.i == sent.start
        and pobj.right_edge.i + 1 < sent.end
        and tok.doc[pobj.right_edge.i + 1].text == ","
    ):
        toks = _trim([t for t in sent if t.i > pobj.right_edge.i])
    elif tok.i > tok.head.i and pobj.right_edge.i + 2 >= sent.end:
        toks = _trim([t for t in tok.head.subtree if t.i < tok.i])
    else:
        return None
    if len(toks) < 3:
        return None
    return Candidate(
        content=_chars(toks),
        cue=_chars([tok]),
        speaker=_chars(source),
        speaker_token=pobj,
        confidence=0.6,
    )


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def _chars(toks: list[Token]) -> tuple[int, int]:
    return (toks[0].idx, end_char(toks[-1]))
