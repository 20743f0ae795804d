"""How likely each candidate is an attribution a careful reader would mark, learned from PolNeAR train.

The rules propose more than annotators mark: a "said" whose content the parser cut wrongly, a stance verb
over an object ("Cruz is praising Jeb Bush"), a seeming with no claim under it. A logistic model over what the
rules saw (which rule fired, the cue, the speaker, the shape of the content) gives each candidate a
probability; that probability becomes the statement's `confidence`, and candidates below the threshold fitted
on train are dropped. Weights and threshold are `scorer.json`, written by `training/train_scorer.py`.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import is_belief, verb_base
from .pipeline import doc_text, has_finite_verb, sentence
from .quotes import QUOTE_MARKS
from .speakers import FIRST, GROUP, PERSONAL, RELATIVE

WEIGHTS = Path(__file__).with_name("scorer.json")
_QUOTES = frozenset(QUOTE_MARKS)
_PRONOUNS = PERSONAL | GROUP | FIRST | RELATIVE


def features(doc: Doc, cand: Candidate) -> list[str]:
    """The names of the features that hold for one candidate; the model weighs each name."""
    start, end = cand.content
    span = doc.char_span(start, end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    cue = cand.cue_token
    base = (verb_base(cue.lower_) or cue.lower_) if cue is not None else "-"
    kind = cand.kind
    out = [
        f"kind={kind}",
        f"rule={cand.confidence}",  # each rule sets its own constant, so this names the rule that fired
        f"base={base}",
        f"base|kind={base}|{kind}",
        f"belief={is_belief(base)}",
        f"len={_bucket(len(toks))}",
        f"len|kind={_bucket(len(toks))}|{kind}",
        f"split={bool(cand.pieces)}",
        f"speaker={_speaker(cand.speaker_token)}",
        f"speaker|kind={_speaker(cand.speaker_token)}|{kind}",
    ]
    if cue is not None:
        out += [
            f"cue={doc_text(doc)[cand.cue[0] : cand.cue[1]].lower() if cand.cue else '-'}",
            f"cuedep={cue.dep_}",
            f"cuetag={cue.tag_}",
            f"base|cuedep={base}|{cue.dep_}",
            f"where={'before' if cue.idx < start else 'inside' if cue.idx < end else 'after'}",
        ]
    if toks:
        finite = has_finite_verb(toks)
        first, last = toks[0], toks[-1]
        out += [
            f"finite={finite}",
            f"base|finite={base}|{finite}",
            f"first={_word(first)}",
            f"firstpos={first.pos_}",
            f"lastpos={last.pos_}",
            f"quoted={any(t.text in _QUOTES for t in toks)}",
            f"sentence={_sentence_share(toks)}",
            f"before={_word(doc[first.i - 1]) if first.i else '^'}",
            f"after={_word(doc[last.i + 1]) if last.i + 1 < len(doc) else '$'}",
            *{f"ent={t.ent_type_}" for t in toks if t.ent_type_},
        ]
        if cue is not None:
            out.append(f"cuechild={next((c.dep_ for c in cue.children if c in toks), 'none')}")
    return out


def _word(tok: Token) -> str:
    """A function word or punctuation as itself, any other word by its part of speech."""
    return tok.lower_ if tok.is_stop or tok.is_punct or tok.is_space else tok.pos_


def _bucket(n: int) -> str:
    return "0" if n == 0 else str(min(6, int(math.log2(n)) + 1))


def _speaker(tok: Token | None) -> str:
    if tok is None:
        return "none"
    if tok.lower_ in _PRONOUNS:
        return "pronoun"
    return tok.ent_type_ or tok.pos_


def _sentence_share(toks: list[Token]) -> str:
    """Whether the content is a whole sentence, part of one, or runs over several."""
    sent = sentence(toks[0])
    if toks[-1].i >= sent.end:
        return "several"
    return "whole" if len(toks) >= len(sent) - 3 else "part"


class Scorer:
    """The fitted weights and threshold; `keep` sets each candidate's confidence and drops the unlikely."""

    def __init__(self, weights: dict[str, float], intercept: float = 0.0, threshold: float = 0.0) -> None:
        self.weights = weights
        self.intercept = intercept
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Scorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["threshold"])

    def probability(self, names: list[str]) -> float:
        z = self.intercept + sum(self.weights.get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-z))

    def keep(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Scores every candidate and keeps those at or above the threshold, and whoever reports one of those,
        so the chain of who told whom stays whole. Statements nested in another's words are judged like the
        rest: the model never saw one (PolNeAR's annotators seldom mark them), but what it weighs, the cue and
        the shape of the content, tells the same there; on PolNeAR dev every nested statement below the
        threshold was noise ("developers adding a few low-income communities", "he to attack ...")."""
        for cand in cands:
            cand.confidence = round(self.probability(features(doc, cand)), 3)
        return self.confident(cands)

    def confident(self, cands: list[Candidate]) -> list[Candidate]:
        """The candidates `keep` keeps, by the confidence each already has."""
        kept = {n for n, c in enumerate(cands) if c.confidence >= self.threshold}
        todo = list(kept)
        while todo:
            parent = cands[todo.pop()].parent
            if parent is not None and parent not in kept:
                kept.add(parent)
                todo.append(parent)
        return [c for n, c in enumerate(cands) if n in kept]


@cache
def default_scorer() -> Scorer:
    return Scorer.load()
