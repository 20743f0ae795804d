"""Which statement pairs are worth asking the relation model about: never all pairs.

Each statement is looked up in an approximate nearest-neighbour index (usearch HNSW over MiniLM embeddings),
so a query costs about log(n) and a whole store about n·log(n), and in the block of statements by the same
speaker. Neighbours are kept when they share the topic (cosine above TOPIC) or share an entity (same speaker,
or a proper name in common) with a looser cosine and, below WORDS_TOPIC, a content word too; the survivors
are ranked by dense similarity fused with BM25 (idf from the whole store). The best KEEP go to the relation
model, at most PER_ARTICLE from one article, plus up to SAME_SPEAKER more by the same speaker: a story retold
by many outlets would otherwise fill every slot with paraphrases, and a speaker's own reversal, which shares
fewer words, would never be compared.

Statements are short and lose their story: "everything is negotiable if sanctions were lifted" (Iran, 2019)
reads like the sanctions on Russia of 2014. So two speakers' statements are compared only when their
articles tell one story (the cosine of their opening words, `story_text`, at least STORY); one speaker's are
compared across stories, since a reversal may come years later in an article about something else.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from usearch.index import Index

from counterpoint.link.passages import words

TOPIC = 0.5
ENTITY_TOPIC = 0.3
WORDS_TOPIC = 0.45
NEIGHBOURS = 32
KEEP = 6
PER_ARTICLE = 2
SAME_SPEAKER = 4
STORY = 0.4
STORY_WORDS = 60
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


@dataclass(frozen=True)
class Item:
    """What candidate search needs to know about a statement."""

    id: str
    article_id: str
    text: str
    speaker: str | None = None  # who said it, as one key per speaker
    speaker_name: str | None = None  # as written, when the key is not the name
    copy_of: str | None = None  # the article this one's article nearly copies (a syndicated wire story)

    @property
    def report(self) -> str:
        """One report however many outlets ran it: a copy agreeing with its original is no corroboration."""
        return self.copy_of or self.article_id


def story_text(title: str | None, text: str) -> str:
    """What an article is about, for the story check: its title and opening words."""
    return " ".join([*(title or "").split(), *text.split()[:STORY_WORDS]])


def names(text: str) -> set[str]:
    """Proper names in a text (capitalised words not opening a sentence): a cheap entity signal."""
    return {m.group().lower() for m in _NAME.finditer(text)}


def empty_index(ndim: int = 384) -> Index:
    return Index(ndim=ndim, metric="cos", dtype="f16", connectivity=16)


def extend_index(index: Index, vectors: np.ndarray) -> Index:
    """Add the rows of `vectors` the index does not hold yet (keys are row numbers).

    One thread: a graph two threads build depends on their timing, so two `link` runs over one store could
    find different neighbours and store different pairs. One thread takes about twice as long (1.4 s for 10k
    statements, against 66 s to embed them), and the index is kept, so each row is added once."""
    if len(vectors) > len(index):
        index.add(np.arange(len(index), len(vectors), dtype=np.uint64), vectors[len(index) :], threads=1)
    return index


def build_index(vectors: np.ndarray) -> Index:
    return extend_index(empty_index(vectors.shape[1]), vectors)


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
    keys: Sequence[int] | None = None,
    stories: Mapping[str, np.ndarray] | None = None,
) -> list[tuple[int, int, float]]:
    """(query row, candidate row, fused score) for each query statement, best first, other reports only
    (not its own article, nor a near-copy of it).

    `keys` gives each item's key in `index` when the index is not keyed by item row (a persistent index
    over a vector cache, which may also hold statements no longer in the store). `stories` gives each
    article's unit embedding of its `story_text`; without it, articles are not checked for one story."""
    queries = list(queries)
    if not queries or len(items) < 2:
        return []
    index = index if index is not None else build_index(vectors)
    row_of = {int(k): n for n, k in enumerate(keys)} if keys is not None else None
    bm25 = bm25 or Bm25(item.text for item in items)
    by_speaker: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        if item.speaker:
            by_speaker.setdefault(item.speaker, []).append(n)
    blocks = _Blocks(vectors, by_speaker)
    found = index.search(vectors[queries], count=min(NEIGHBOURS, len(index)), threads=2)
    out: list[tuple[int, int, float]] = []
    for q, row in zip(queries, np.atleast_2d(found.keys), strict=True):
        me = items[q]
        pool = [row_of.get(int(k), -1) if row_of is not None else int(k) for k in row]
        if me.speaker:
            pool += blocks.nearest(me.speaker, vectors[q], NEIGHBOURS)
        my_names = names(me.text)
        scored = []
        for c in dict.fromkeys(pool):
            other = items[c] if 0 <= c < len(items) else None
            if other is None or c == q or other.report == me.report:
                continue
            same_speaker = bool(me.speaker and me.speaker == other.speaker)
            if not same_speaker and stories is not None and not _one_story(stories, me, other):
                continue
            cos = float(vectors[q] @ vectors[c])
            shared = same_speaker or bool(my_names & names(other.text))
            if cos >= TOPIC or (shared and cos >= ENTITY_TOPIC and _same_subject(me, other, cos)):
                scored.append((c, cos, bm25.score(me.text, other.text)))
        if not scored:
            continue
        top = max(s for _, _, s in scored) or 1.0
        fused = sorted(((c, 0.6 * cos + 0.4 * s / top) for c, cos, s in scored), key=lambda x: -x[1])
        out += [(q, c, f) for c, f in _spread(items, me, fused, keep)]
    return out


def _one_story(stories: Mapping[str, np.ndarray], me: Item, other: Item) -> bool:
    return float(stories[me.article_id] @ stories[other.article_id]) >= STORY


def _same_subject(me: Item, other: Item, cos: float) -> bool:
    """Below WORDS_TOPIC, an entity in common is not enough: the two must also share a content word that is
    not the speaker's name. On 2016 campaign news a prolific speaker's statements on unrelated subjects
    ("big plans" for the campaign, the cost of his military plans) otherwise fill the same-speaker slots."""
    if cos >= WORDS_TOPIC:
        return True
    speakers = set(words(" ".join(i.speaker_name or i.speaker or "" for i in (me, other))))
    return bool((set(words(me.text)) & set(words(other.text))) - speakers)


class _Blocks:
    """Each speaker's statements and their vectors, gathered once, for exact nearest-neighbour search."""

    def __init__(self, vectors: np.ndarray, rows: dict[str, list[int]]) -> None:
        self.vectors, self.rows = vectors, rows
        self.matrices: dict[str, np.ndarray] = {}

    def nearest(self, speaker: str, vector: np.ndarray, count: int) -> list[int]:
        rows = self.rows[speaker]
        if len(rows) <= count:
            return rows
        if speaker not in self.matrices:
            self.matrices[speaker] = self.vectors[rows]
        sims = self.matrices[speaker] @ vector
        return [rows[i] for i in np.argpartition(-sims, count)[:count]]


def _spread(
    items: Sequence[Item], me: Item, fused: list[tuple[int, float]], keep: int
) -> list[tuple[int, float]]:
    """The best `keep`, at most PER_ARTICLE from one article, then up to SAME_SPEAKER more by my speaker."""
    chosen: list[tuple[int, float]] = []
    per_article: Counter[str] = Counter()
    main = extra = 0
    for c, f in fused:
        other = items[c]
        if per_article[other.article_id] >= PER_ARTICLE:
            continue
        if main < keep:
            main += 1
        elif me.speaker and other.speaker == me.speaker and extra < SAME_SPEAKER:
            extra += 1
        else:
            continue
        chosen.append((c, f))
        per_article[other.article_id] += 1
    return chosen
