"""When two news statements take a side: a check learned from statement pairs of real news, labelled by hand.

The relation model was trained on headlines against bodies and on sentence pairs built to agree or clash, so
two statements on one campaign read to it like a claim and its rebuttal: on 2016 news most of its `agree` and
`contradict` verdicts were wrong. A side should be taken only when the two are about one claim, which the
model's probabilities alone do not tell. A logistic regression over those probabilities and what the two
texts share (`FEATURES`), fitted on pairs `link` compared in PolNeAR train news (`training/fit_verdicts.py`),
says how likely the pair takes a side at all; a side the model gives even odds is kept unless that is
unlikely (the threshold keeps 95 % of the right sides in cross-validation). Which side stays the model's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from counterpoint.errors import ModelError
from counterpoint.link.candidates import names
from counterpoint.link.hedges import no_side, settle
from counterpoint.link.relatedness import Gate, overlap
from counterpoint.link.relation import MODEL_DIR, SIDES, Relation

FEATURES = (
    "p_agree",
    "p_contradict",
    "p_discuss",
    "p_unrelated",
    "cosine",
    "overlap_min",
    "overlap_max",
    "names_shared",
    "numbers_shared",
    "numbers_differ",
    "same_speaker",
    "words_min",
    "fragment",
)
_NUMBER = re.compile(r"\d[\d,.]*")
_FRAGMENT = re.compile(r"^(to|whether|if|how|what|why|when|where|who|which)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Pair:
    """Two statements as `link` compares them, with what it knows beside their words."""

    a: str
    b: str
    cosine: float  # of their MiniLM embeddings
    same_speaker: bool


def features(pair: Pair, relation: Relation) -> list[float]:
    """What the judge reads: the model's four probabilities, then how much the statements share."""
    ab, ba = overlap(pair.a, pair.b), overlap(pair.b, pair.a)
    names_a, names_b = names(pair.a), names(pair.b)
    nums_a, nums_b = _numbers(pair.a), _numbers(pair.b)
    both = bool(nums_a and nums_b)
    return [
        *(relation.scores[k] for k in ("agree", "contradict", "discuss", "unrelated")),
        pair.cosine,
        min(ab, ba),
        max(ab, ba),
        len(names_a & names_b) / max(1, min(len(names_a), len(names_b))),
        float(both and bool(nums_a & nums_b)),
        float(both and not nums_a & nums_b),
        float(pair.same_speaker),
        math.log1p(min(len(pair.a.split()), len(pair.b.split()))),
        float(any(_fragment(t) for t in (pair.a, pair.b))),
    ]


def _numbers(text: str) -> set[str]:
    return {m.group().rstrip(".,") for m in _NUMBER.finditer(text)}


def _fragment(text: str) -> bool:
    """A statement that cannot take a side by its shape: "to join Russia", "whether he would run", "him"."""
    return len(text.split()) < 3 or bool(_FRAGMENT.match(text.strip("\"'\u201c\u2018 ")))


@dataclass(frozen=True)
class Judge:
    """The fitted regression; `verdict` turns the model's reading of a statement pair into `link`'s."""

    side: Gate  # its threshold sits at 0.5 (Gate.p_related)

    @classmethod
    def load(cls, path: Path) -> Judge:
        data = json.loads(path.read_text())
        if list(data["features"]) != list(FEATURES):
            raise ModelError(f"{path}: fitted on other features than this version reads")
        return cls(Gate.from_dict(data["side"]))

    def verdict(self, pair: Pair, relation: Relation) -> Relation:
        """A side the model gives even odds, unless the two statements are unlikely to be about one claim:
        then `discuss` (the probabilities are kept as they were)."""
        settled = settle(relation, pair.a, pair.b)
        if settled.relation in SIDES and self.side.p_related(features(pair, relation)) < 0.5:
            return no_side(relation)
        return settled


def load_judge(model_path: Path | None) -> Judge | None:
    """The judge fitted on the shipped model's probabilities; none for a user's own model, whose
    probabilities it was not fitted on."""
    path = MODEL_DIR / "verdicts.json"
    return Judge.load(path) if model_path is None and path.exists() else None


def decide(relation: Relation, pair: Pair, judge: Judge | None) -> Relation:
    """`link`'s verdict on a statement pair: a side needs even odds from the model and, where the judge is
    fitted, the judge's consent; a hedged statement is never contradicted (hedges.settle)."""
    return judge.verdict(pair, relation) if judge else settle(relation, pair.a, pair.b)
