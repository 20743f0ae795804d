"""When `link` takes a side: only with even odds, never against a hedged statement, and a denial as one.

A user acts on `agree` and `contradict` links, so `link` records one only when the model gives it a
probability of one half or more; a pair that leans one way with less is `discuss`. And "We will not make any
decisions until after the review" is not contradicted by a decision taken after the review: the statement
deferred the question rather than answering it. A small set of deferral and condition markers turns a
`contradict` verdict into `discuss` when either side is hedged this way. A change here bumps
`relation.VERDICT_RULES`, so that stores are linked again under the new rules.
"""

from __future__ import annotations

import re

from counterpoint.link.passages import words
from counterpoint.link.relation import SIDES, Relation

_HEDGE = re.compile(
    r"\b(until|unless|if|whether|yet to|not yet|undecided|considering|weighing|"
    r"no decision|any decisions?|too early|premature)\b",
    re.IGNORECASE,
)


# Verbs that report the opposite of their words: "Former aides rejected a claim that Kerry told him …".
_DENIALS = frozenset(
    f"{stem}{end}"
    for stem, ends in (
        ("den", ("y", "ies", "ied", "ying")),
        ("reject", ("", "s", "ed", "ing")),
        ("dismiss", ("", "es", "ed", "ing")),
        ("disput", ("e", "es", "ed", "ing")),
        ("refut", ("e", "es", "ed", "ing")),
        ("rebut", ("", "s", "ted", "ting")),
        ("repudiat", ("e", "es", "ed", "ing")),
        ("disavow", ("", "s", "ed", "ing")),
    )
    for end in ends
)


# What a denial denies when it is no clause: "disputed Lavrov's account", "rejected a claim by …".
_ACCOUNTS = frozenset(
    {
        *("claim", "account", "report", "allegation", "suggestion", "version", "story", "assertion"),
        *("accusation", "charge", "rumour", "rumor", "idea", "notion", "claims", "accounts", "reports"),
        *("allegations", "suggestions", "stories", "accusations", "charges", "rumours", "rumors"),
    }
)
_WORDS = re.compile(r"[a-z]+")


def denial(statement: dict) -> bool:
    """Whether a statement's cue, before its words, denies them: "denied that …", "have rejected a claim by
    …", "dispute Lavrov's account"; not "dismissed the sanctions as unacceptable", which judges a policy."""
    cue, text, span, cue_span = (statement.get(k) for k in ("cue", "text", "span", "cue_span"))
    last = (cue or "").split()[-1:] or [""]
    if last[0].lower() not in _DENIALS or not (cue_span and span and cue_span[1] <= span[0]):
        return False
    words = _WORDS.findall((text or "").lower())
    return words[:1] == ["that"] or any(w in _ACCOUNTS for w in words[:6])


def compared_text(statement: dict, denies: bool) -> str:
    """The words `link` compares: a denial's (`denies`, as `denial` finds) with its cue in front ("rejected a
    claim by Lavrov that …"). Its content alone states what is denied, and the model reads it as agreeing with
    the claim; with the cue, as the text a claim is checked against, it reads it as contradicting it (0.53 to
    0.87 on the samples' denials of Lavrov's claim; as the claim, 0.29 to 0.64)."""
    return f"{statement['cue']} {statement['text']}" if denies else statement["text"]


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


_NEGATION = re.compile(
    r"\b(?:not|no|never|nobody|nothing|none|neither|nor|cannot|without)\b|n't", re.IGNORECASE
)


def restates(a: str, b: str) -> bool:
    """Whether one statement says no word the other does not, with as many negations: "would not recognise
    its results" and "the United States would not recognise the results" cannot contradict each other,
    though the model called them contradictory (0.73)."""
    wa, wb = ({w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words(t)} for t in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa) and _negations(a) == _negations(b)


def _negations(text: str) -> int:
    """ "not", "never" …, and a denial's verb ("denied that …")."""
    return len(_NEGATION.findall(text)) + sum(w in _DENIALS for w in _WORDS.findall(text.lower()))


def soften(relation: Relation, a: str, b: str) -> Relation:
    """A contradiction involving a hedged statement, or between a statement and its own restatement, becomes
    `discuss` (the probabilities are kept as they were)."""
    if relation.relation != "contradict" or not (hedged(a) or hedged(b) or restates(a, b)):
        return relation
    score = relation.scores["contradict"] + relation.scores["discuss"]
    return Relation("discuss", score, relation.scores, relation.evidence)
