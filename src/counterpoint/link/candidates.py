"""Which statement pairs are worth asking the relation model about: never all pairs.

Each statement is looked up in an approximate nearest-neighbour index (usearch HNSW over MiniLM embeddings),
so a query costs about log(n) and a whole store about n·log(n). Neighbours are kept when they share the topic
(cosine above TOPIC) or share an entity (same speaker, or a proper name in common) with a looser cosine; the
survivors are ranked by dense similarity fused with BM25 (idf from the whole store) and the best K go to the
relation model.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from usearch.index import Index

from counterpoint.link.passages import words

TOPIC = 0.5
ENTITY_TOPIC = 0.3
NEIGHBOURS = 32
KEEP = 6
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


@dataclass(frozen=True)
class Item:
    """What candidate search needs to know about a statement."""

    id: str
    article_id: str
    text: str
    speaker: str | None = None


def names(text: str) -> set[str]:
    """Proper names in a text (capitalised words not opening a sentence): a cheap entity signal."""
    return {m.group().lower() for m in _NAME.finditer(text)}


def build_index(vectors: np.ndarray) -> Index:
    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f16", connectivity=16)
    if len(vectors):
        index.add(np.arange(len(vectors), dtype=np.uint64), vectors, threads=2)
    return index


class Bm25:
    """BM25 of one statement against a few others, with document frequencies over the whole store."""

    def __init__(self, docs: Iterable[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.df: Counter[str] = Counter()
        total = n = 0
        for doc in docs:
            toks = words(doc)
            self.df.update(set(toks))
            total += len(toks)
            n += 1
        self.n, self.avg, self.k1, self.b = n, total / max(n, 1), k1, b

    def score(self, query: str, doc: str) -> float:
        toks = Counter(words(doc))
        length = sum(toks.values())
        out = 0.0
        for term in set(words(query)):
            tf = toks.get(term, 0)
            if tf:
                idf = math.log(1 + (self.n - self.df[term] + 0.5) / (self.df[term] + 0.5))
                out += idf * tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * length / self.avg))
        return out


def candidates(
    items: Sequence[Item],
    vectors: np.ndarray,
    queries: Iterable[int],
    index: Index | None = None,
    bm25: Bm25 | None = None,
    keep: int = KEEP,
) -> list[tuple[int, int, float]]:
    """(query row, candidate row, fused score) for each query statement, best first, other articles only."""
    queries = list(queries)
    if not queries or len(items) < 2:
        return []
    index = index if index is not None else build_index(vectors)
    bm25 = bm25 or Bm25(item.text for item in items)
    found = index.search(vectors[queries], count=min(NEIGHBOURS, len(items)), threads=2)
    keys = np.atleast_2d(found.keys)
    out: list[tuple[int, int, float]] = []
    for q, row in zip(queries, keys, strict=True):
        me = items[q]
        my_names = names(me.text)
        scored = []
        for c in (int(k) for k in row):
            other = items[c] if 0 <= c < len(items) else None
            if other is None or c == q or other.article_id == me.article_id:
                continue
            cos = float(vectors[q] @ vectors[c])
            shared = bool(me.speaker and me.speaker == other.speaker) or bool(my_names & names(other.text))
            if cos >= TOPIC or (shared and cos >= ENTITY_TOPIC):
                scored.append((c, cos, bm25.score(me.text, other.text)))
        if not scored:
            continue
        top = max(s for _, _, s in scored) or 1.0
        fused = sorted(((c, 0.6 * cos + 0.4 * s / top) for c, cos, s in scored), key=lambda x: -x[1])
        out += [(q, c, f) for c, f in fused[:keep]]
    return out
