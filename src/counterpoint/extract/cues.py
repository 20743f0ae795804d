"""The cue lexicon: which words introduce what someone said or thinks, and how it was said.

Matched on lower-cased word forms without the spaCy lemmatizer (disabling it saves parse time), so
inflected forms are reduced here by a few suffix rules plus an irregular-verb table.
"""

from __future__ import annotations

from functools import lru_cache

# Verbs whose subject says something; their ccomp/dobj/quote is the content.
SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "announce",
        "state",
        "claim",
        "insist",
        "warn",
        "vow",
        "deny",
        "reiterate",
        "argue",
        "note",
        "explain",
        "declare",
        "write",
        "tweet",
        "post",
        "report",
        "suggest",
        "acknowledge",
        "admit",
        "confirm",
        "conclude",
        "contend",
        "assert",
        "maintain",
        "stress",
        "emphasize",
        "emphasise",
        "reply",
        "respond",
        "answer",
        "ask",
        "urge",
        "demand",
        "promise",
        "pledge",
        "predict",
        "estimate",
        "complain",
        "allege",
        "charge",
        "accuse",
        "recall",
        "reveal",
        "disclose",
        "concede",
        "indicate",
        "observe",
        "remark",
        "comment",
        "describe",
        "call",
        "praise",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "dismiss",
        "reject",
        "counter",
        "continue",
        "joke",
        "quip",
        "testify",
        "propose",
        "recommend",
        "threaten",
        "caution",
        "boast",
        "brag",
        "lament",
        "mention",
        "signal",
        "hint",
        "question",
        "wonder",
        "speculate",
        "guarantee",
        "assure",
        "inform",
        "advise",
        "retort",
        "muse",
        "recount",
        "contend",
        "affirm",
        "proclaim",
        "insinuate",
        "imply",
        "lash",
        "decry",
        "denounce",
        "condemn",
        "applaud",
        "hail",
        "mock",
        "ridicule",
        "scoff",
        "shout",
        "yell",
        "scream",
        "whisper",
        "murmur",
        "plead",
        "beg",
        "instruct",
        "order",
        "announce",
        "dispute",
        "challenge",
        "protest",
        "object",
        "acknowledge",
        "clarify",
        "predict",
        "forecast",
        "estimate",
        "calculate",
        "project",
        "show",
        "find",
        "cite",
        "highlight",
        "underline",
        "describe",
        "label",
        "brand",
        "dub",
        "term",
        "characterize",
        "characterise",
        "tout",
        "defend",
        "endorse",
        "support",
        "oppose",
        "welcome",
        "concur",
        "agree",
        "disagree",
    ]
)

# Verbs of belief or intention: attributions in PolNeAR's sense, weaker as "statements".
BELIEF = frozenset(
    [
        "believe",
        "think",
        "feel",
        "fear",
        "worry",
        "hope",
        "expect",
        "know",
        "doubt",
        "suspect",
        "want",
        "wish",
        "understand",
        "consider",
        "assume",
        "recognize",
        "recognise",
        "realize",
        "realise",
        "plan",
        "intend",
        "figure",
        "reckon",
        "sense",
        "imagine",
        "guess",
    ]
)

_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "writes": "write",
    "thought": "think",
    "felt": "feel",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "found": "find",
    "shown": "show",
    "spoke": "speak",
    "spoken": "speak",
    "foresaw": "foresee",
    "swore": "swear",
    "sworn": "swear",
    "understood": "understand",
    "meant": "mean",
    "taught": "teach",
}

# Noun cues in "in a statement", "according to": prepositional cue phrases.
ACCORDING = ("according", "to")

# Words and phrases that say where something was said, and what that makes the setting.
PRIVATE_MARKERS = (
    "privately",
    "quietly",
    "behind the scenes",
    "behind closed doors",
    "in private",
    "in a telephone call",
    "in a phone call",
    "on the phone",
    "over the phone",
    "in a private",
    "confided",
    "off the record",
    "in a call",
    "in a letter",
    "in an email",
    "in a private meeting",
    "secretly",
)
PUBLIC_MARKERS = (
    "publicly",
    "in public",
    "told reporters",
    "in a speech",
    "at a press conference",
    "at a news conference",
    "in a statement",
    "on television",
    "in an interview",
    "at a rally",
    "on twitter",
    "in a tweet",
    "told journalists",
    "told the press",
    "in a televised",
    "during a debate",
    "at a briefing",
    "in a press release",
    "told a news conference",
    "told a press conference",
    "told the crowd",
)
# Addressees that make a "told X" private (one person, the writer) or public (the press).
PRIVATE_ADDRESSEES = frozenset({"me", "him", "her", "us"})
PUBLIC_ADDRESSEES = frozenset(
    {
        "reporters",
        "journalists",
        "press",
        "crowd",
        "audience",
        "supporters",
        "lawmakers",
        "parliament",
        "congress",
        "viewers",
        "voters",
    }
)


@lru_cache(maxsize=8192)
def verb_base(form: str) -> str | None:
    """The lexicon entry a lower-cased verb form inflects, or None when it is not a cue."""
    cands = [_IRREGULAR.get(form, form)]
    if form.endswith("ies") or form.endswith("ied"):
        cands.append(form[:-3] + "y")
    if form.endswith("ing"):
        stem = form[:-3]
        cands += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if form.endswith("ed"):
        stem = form[:-2]
        cands += [stem, form[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if form.endswith("es"):
        cands.append(form[:-2])
    if form.endswith("s"):
        cands.append(form[:-1])
    for c in cands:
        if c in SPEECH or c in BELIEF:
            return c
    return None


def is_belief(base: str) -> bool:
    """Belief verbs report a stance rather than an utterance: lower confidence as statements."""
    return base in BELIEF and base not in SPEECH
