"""Long text → the few sentences most relevant to a claim.

The relation model reads at most 256 tokens, so a whole article body is cut down to the sentences that share
the most (idf-weighted) words with the claim, kept in document order. Lexical overlap is used rather than
embeddings because it is instant, deterministic and is exactly what training used, so train and inference see
the same kind of passage.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_QUOTES_CLOSE, _QUOTES_OPEN, _APOSTROPHES = "\"'\u201d\u2019)", "\"'\u201c\u2018(", "'\u2019"
_SENTENCE = re.compile(
    rf"(?<=[.!?])[{_QUOTES_CLOSE}]*\s+(?=[{_QUOTES_OPEN}]?[A-Z0-9])|\n\s*\n+|\n(?=\s*[-*\u2022])"
)
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)?")
_STOP_WORDS = """
    a an the and or but of to in on at for from by with as is are was were be been being it its this
    that these those he she they we you i his her their our your my me him them us not no said says say
    will would can could has have had do does did than then there here which who whom what when where
    why how about after before into over under up down out also just so if
"""
STOP = frozenset(_STOP_WORDS.split())
PASSAGE_SENTENCES = 3


def sentences(text: str) -> list[str]:
    """Split text into sentences (regex, good enough for news prose)."""
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def words(text: str) -> list[str]:
    """Lower-cased content words, stop words dropped."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in STOP]


def best_passage(claim: str, text: str, k: int = PASSAGE_SENTENCES) -> str:
    """The k sentences of `text` that best match `claim`, in document order; short text is returned as is."""
    max_chars = 200 * k
    if len(text) <= max_chars:
        return text.strip()
    sents = sentences(text)
    if len(sents) <= k:
        return text.strip()[:max_chars]
    bags = [Counter(words(s)) for s in sents]
    df = Counter(w for bag in bags for w in bag)
    claim_words = set(words(claim))
    n = len(sents)

    def score(i: int) -> float:
        bag = bags[i]
        hit = sum(math.log(1 + n / df[w]) for w in claim_words if w in bag)
        return hit / (1 + sum(bag.values())) ** 0.25 - i * 1e-6

    top = sorted(sorted(range(n), key=score, reverse=True)[:k])
    return " ".join(sents[i] for i in top)[: max_chars * 2]
