"""`link`: cross-check the statements of a store, incrementally.

A statement counts as compared once `link` has looked it up for the current model and stored its new pairs, in
the same transaction; each run only looks up statements that have not been compared yet, against the whole
store, so adding articles costs in proportion to what they add, and a run killed part-way loses no pair. Every
pair the relation model scores is stored, `unrelated` ones included, which is what marks the pair as done. A
statement whose search found no candidate is looked up again next run (a cheap index query) because the
articles that matter to it may not have arrived yet. A statement that is
not `checkable` (a bare name or phrase: "Clinton", "the minister to resign") is left out altogether: it
would only match other names.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from counterpoint.link.candidates import Bm25, Item, candidates, story_text
from counterpoint.link.hedges import compared_text, denial
from counterpoint.link.relation import Relater
from counterpoint.link.vectors import Vectors, cache_dir
from counterpoint.link.verdicts import Pair, decide, load_judge
from counterpoint.records import Link
from counterpoint.store import Store


@dataclass
class LinkReport:
    """What one `link` run did, with where the time went."""

    statements: int = 0  # the checkable ones: the others are never compared
    new: int = 0
    pairs: int = 0
    links: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    model: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "statements": self.statements,
            "new": self.new,
            "pairs": self.pairs,
            "links": self.links,
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "model": self.model,
        }


def link(
    store: Store,
    relater: Relater,
    batch: int = 512,
    article_id: str | None = None,
) -> LinkReport:
    """Compare every not-yet-compared statement (or only those of `article_id`) with its candidates elsewhere
    in the store; store the links."""
    model = relater.name
    report = LinkReport(model=model)
    clock = time.perf_counter()
    rows = [s for s in store.statements() if s["checkable"]]
    people = speaker_keys(store)
    copies = store.copies()
    denials = {n for n, s in enumerate(rows) if denial(s)}
    items = [
        Item(
            s["id"],
            s["article_id"],
            compared_text(s, n in denials),
            speaker_of(s, people),
            s["speaker"],
            copies.get(s["article_id"]),
        )
        for n, s in enumerate(rows)
    ]
    report.statements = len(items)
    done = {frozenset((known["a"], known["b"])) for known in store.links() if known["model"] == model}
    compared = store.compared(model)
    queries = [
        n
        for n, item in enumerate(items)
        if item.id not in compared and (article_id is None or item.article_id == article_id)
    ]
    report.new = len(queries)
    report.seconds["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    directory = cache_dir(store.engine.url.render_as_string(hide_password=False))
    vectors = Vectors(directory)
    matrix = vectors.ensure([i.id for i in items], [i.text for i in items]) if items else np.zeros((0, 384))
    stories = _stories(store, sorted({i.article_id for i in items}), directory)
    report.seconds["embed"] = time.perf_counter() - clock

    clock = time.perf_counter()
    index = vectors.index()
    keys = [vectors.row[i.id] for i in items]
    bm25 = Bm25(i.text for i in items)
    found: dict[int, list[tuple[int, int]]] = {}  # each statement looked up, with its new pairs
    for q, c, _ in candidates(items, matrix, queries, index=index, bm25=bm25, keys=keys, stories=stories):
        key = frozenset((items[q].id, items[c].id))
        found.setdefault(q, [])
        if key not in done:
            done.add(key)
            found[q].append((q, c))
    report.pairs = sum(len(p) for p in found.values())
    report.seconds["candidates"] = time.perf_counter() - clock

    clock = time.perf_counter()
    text_vec = {items[n].text: matrix[n] for pairs in found.values() for pair in pairs for n in pair}
    relater.known_vectors = text_vec
    judge = load_judge(relater.model_path)
    for looked_up in _batches(found, batch):
        # a denial is read as the text the other is checked against, where the model sees it deny
        pairs = [pair for q in looked_up for pair in found[q]]
        chunk = [(c, q) if q in denials and c not in denials else (q, c) for q, c in pairs]
        scored = relater.relate([(items[q].text, items[c].text) for q, c in chunk], statements=True)
        verdicts = [
            decide(v, _pair(items[q], items[c], matrix[q] @ matrix[c]), judge)
            for (q, c), v in zip(chunk, scored, strict=True)
        ]
        links = [
            Link(items[q].id, items[c].id, v.relation, round(v.score, 4), model, v.evidence)
            for (q, c), v in zip(chunk, verdicts, strict=True)
        ]
        store.add_links(links, compared=[items[q].id for q in looked_up], model=model)
        for v in verdicts:
            report.links[v.relation] = report.links.get(v.relation, 0) + 1
    report.seconds["relate"] = time.perf_counter() - clock
    return report


def _batches(found: dict[int, list[tuple[int, int]]], size: int) -> list[list[int]]:
    """The statements looked up, in groups of about `size` new pairs that never split one statement's pairs:
    each group is stored in one transaction with the statements it completes."""
    groups: list[list[int]] = [[]]
    held = 0
    for q, pairs in found.items():
        if held and held + len(pairs) > size:
            groups.append([])
            held = 0
        groups[-1].append(q)
        held += len(pairs)
    return [g for g in groups if g]


def _pair(a: Item, b: Item, cosine: float) -> Pair:
    return Pair(a.text, b.text, float(cosine), a.speaker is not None and a.speaker == b.speaker)


def _stories(store: Store, article_ids: list[str], directory: Path | None) -> dict[str, np.ndarray]:
    """Each article's embedding of its title and opening words, cached beside the statements' own."""
    cached = Vectors(directory / "stories" if directory else None)
    missing = [a for a in article_ids if a not in cached.row]
    texts = {a["id"]: story_text(a["title"], a["text"]) for a in store.articles(missing)} if missing else {}
    matrix = cached.ensure(article_ids, [texts.get(a, "") for a in article_ids])
    return dict(zip(article_ids, matrix, strict=True))


def speaker_keys(store: Store) -> dict[str, str]:
    """One key per person across the store's articles: an entity whose name's words all lie in exactly one
    fuller name with the same surname ("Lavrov", "Javad Zarif" in "Mohammad Javad Zarif") takes that one's id,
    so a speaker named differently by two outlets is still the same speaker. "Trump", with "Donald Trump" and
    "Ivanka Trump" in the store, stays itself."""
    names: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for e in store.entities():
        words = e["name"].casefold().replace(".", "").split()
        if e["type"] == "person" and words:
            names.setdefault(words[-1], []).append((e["id"], frozenset(words)))
    keys = {}
    for same_surname in names.values():
        for entity, words in same_surname:
            fuller = [(other, more) for other, more in same_surname if words < more]
            fullest = [f for f in fuller if not any(f[1] < g[1] for g in fuller)]
            keys[entity] = fullest[0][0] if len(fullest) == 1 else entity
    return keys


def speaker_of(statement: dict, people: dict[str, str]) -> str | None:
    """Who said it, as candidate search compares speakers: the person's key, else the name as written."""
    entity = statement.get("speaker_entity_id")
    if entity:
        return people.get(entity, entity)
    return (statement["speaker"] or "").casefold() or None
