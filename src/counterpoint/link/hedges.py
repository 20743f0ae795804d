"""Hedged and conditional statements do not contradict what happens later.

"We will not make any decisions until after the review" is not contradicted by a decision taken after the
review; the statement deferred the question rather than answering it. A small set of deferral and condition
markers turns a `contradict` verdict into `discuss` when either side is hedged this way.
"""

from __future__ import annotations

import re

from counterpoint.link.relation import Relation

_HEDGE = re.compile(
    r"\b(until|unless|if|whether|yet to|not yet|undecided|considering|weighing|"
    r"no decision|any decisions?|too early|premature)\b",
    re.IGNORECASE,
)


def hedged(text: str) -> bool:
    """Does the statement defer or condition its claim?"""
    return bool(_HEDGE.search(text))


def soften(relation: Relation, a: str, b: str) -> Relation:
    """A contradiction involving a hedged statement becomes `discuss` (the probabilities are kept as they
    were)."""
    if relation.relation != "contradict" or not (hedged(a) or hedged(b)):
        return relation
    score = relation.scores["contradict"] + relation.scores["discuss"]
    return Relation("discuss", score, relation.scores, relation.evidence)
