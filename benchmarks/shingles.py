"""Precision, recall and F1 of an extracted body against a hand-checked one, over 4-token shingles.

Shingles (not bags of words) punish a body that keeps the right words in the wrong
place, such as a teaser list that repeats a headline.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.casefold())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def prf(extracted: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    got, want = shingles(extracted, n), shingles(gold, n)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def micro_prf(pairs: list[tuple[str, str]], n: int = 4) -> tuple[float, float, float]:
    """Pooled over documents, so long articles weigh by their length."""
    overlap = extracted_total = gold_total = 0
    for extracted, gold in pairs:
        got, want = shingles(extracted, n), shingles(gold, n)
        overlap += sum((got & want).values())
        extracted_total += sum(got.values())
        gold_total += sum(want.values())
    precision = overlap / extracted_total if extracted_total else 0.0
    recall = overlap / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
