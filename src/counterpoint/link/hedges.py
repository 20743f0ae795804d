"""When `link` takes a side: only with even odds, and never against a hedged statement.

A user acts on `agree` and `contradict` links, so `link` records one only when the model gives it a
probability of one half or more; a pair that leans one way with less is `discuss`. And "We will not make any
decisions until after the review" is not contradicted by a decision taken after the review: the statement
deferred the question rather than answering it. A small set of deferral and condition markers turns a
`contradict` verdict into `discuss` when either side is hedged this way. A change here bumps
`relation.VERDICT_RULES`, so that stores are linked again under the new rules.
"""

from __future__ import annotations

import re

from counterpoint.link.relation import SIDES, Relation

_HEDGE = re.compile(
    r"\b(until|unless|if|whether|yet to|not yet|undecided|considering|weighing|"
    r"no decision|any decisions?|too early|premature)\b",
    re.IGNORECASE,
)


def hedged(text: str) -> bool:
    """Does the statement defer or condition its claim?"""
    return bool(_HEDGE.search(text))


def settle(relation: Relation, a: str, b: str) -> Relation:
    """The verdict `link` records for claim `a` against `b` (the probabilities are kept as they were)."""
    if relation.relation in SIDES and relation.score < 0.5:
        return no_side(relation)
    return soften(relation, a, b)


def no_side(relation: Relation) -> Relation:
    """`discuss` in place of a side, with the probability that the pair is related (the probabilities are
    kept as they were)."""
    return Relation("discuss", 1 - relation.scores["unrelated"], relation.scores, relation.evidence)


def soften(relation: Relation, a: str, b: str) -> Relation:
    """A contradiction involving a hedged statement becomes `discuss` (the probabilities are kept as they
    were)."""
    if relation.relation != "contradict" or not (hedged(a) or hedged(b)):
        return relation
    score = relation.scores["contradict"] + relation.scores["discuss"]
    return Relation("discuss", score, relation.scores, relation.evidence)
