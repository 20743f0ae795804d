"""A cheap gate in front of the cross-encoder: is text b about claim a at all?

Three features (best sentence cosine, best passage cosine, share of the claim's content words found in b) and
a logistic regression fitted on FNC-1 train bodies (training/fit_relatedness.py). Unrelated pairs never reach
the cross-encoder, which keeps `relate` fast and lets the 3-way head specialise on related pairs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from counterpoint.link.passages import PASSAGE_SENTENCES, best_passage, sentences, words

MAX_SENTENCES = 60


def overlap(claim: str, text: str) -> float:
    """Share of the claim's content words that occur in the text."""
    mine = set(words(claim))
    return len(mine & set(words(text))) / len(mine) if mine else 0.0


def pieces(claim: str, text: str, k: int = PASSAGE_SENTENCES) -> tuple[str, list[str]]:
    """The passage of k sentences the model reads, and the sentences the gate compares the claim with: the
    first MAX_SENTENCES and the passage's own, since a long text's best match may lie far into it."""
    passage = best_passage(claim, text, k)
    first = sentences(text)[:MAX_SENTENCES]
    return passage, first + [s for s in sentences(passage) if s not in first] or [text]


def features(
    claim_vec: np.ndarray, sent_vecs: np.ndarray, passage_vec: np.ndarray, lexical: float
) -> list[float]:
    sims = sent_vecs @ claim_vec
    return [float(sims.max()) if len(sims) else 0.0, float(passage_vec @ claim_vec), lexical]


@dataclass(frozen=True)
class Gate:
    """Logistic regression over `features`; `p_related` is its probability that b is about a, shifted so that
    the decision threshold tuned on FNC-1 train sits at 0.5."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    @classmethod
    def from_dict(cls, data: dict) -> Gate:
        return cls(tuple(data["weights"]), data["bias"], data.get("threshold", 0.5))

    def to_dict(self) -> dict:
        return {"weights": list(self.weights), "bias": self.bias, "threshold": self.threshold}

    def p_related(self, feats: list[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, feats, strict=True))
        z -= math.log(self.threshold / (1 - self.threshold))
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def kind(sents: list[str], statements: bool = False, gates: Mapping[str, object] = ()) -> str:
    """Which gate judges a text: `statement` when both sides are news statements and that gate is fitted,
    else `passage` for several sentences and `sentence` for one. The sentence gate, fitted against shuffled
    NLI pairs, passes nearly every pair of statements on one campaign; the statement gate was fitted on the
    harder case of two stories that share words; the passage gate, fitted on headlines against article
    bodies, read a quote of several sentences as unrelated to a report of it."""
    if statements and "statement" in gates:
        return "statement"
    return "passage" if len(sents) > 1 else "sentence"


def load_gates(path: Path) -> dict[str, Gate]:
    return {name: Gate.from_dict(data) for name, data in json.loads(path.read_text())["gates"].items()}
