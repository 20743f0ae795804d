"""How `link` cost grows with the store: generated statements, timed by stage.

    python benchmarks/link_scaling.py --full 2000 --candidates 10000 100000

--full N: build a store of N generated statements, run `link` end to end, then add 1% more and link again (the
incremental run should cost about 1% of the first). --candidates N...: time the stages that depend on store
size (embedding statements and articles, ANN index, blocking + BM25 ranking) and count the pairs they hand to
the relation model; the
relation model's cost is then pairs times the per-pair cost measured by --full (it is linear in pairs, and
there are at most 10 pairs per new statement).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from counterpoint.link import crosscheck
from counterpoint.link.candidates import Bm25, Item, build_index, candidates, story_text
from counterpoint.link.encoder import embed
from counterpoint.link.relation import Relater
from counterpoint.records import Article, Statement, stable_id
from counterpoint.store import Store


def _choices(text: str) -> list[str]:
    return text.split("|")


FIRST = _choices("Ana|Ben|Chloe|David|Elena|Farid|Grace|Hugo|Ines|Jonas|Keiko|Liam|Maya|Nils|Omar|Priya|Rosa")
LAST = _choices("Abbott|Brandt|Costa|Dubois|Eriksen|Fischer|Garcia|Haddad|Ivanova|Jensen|Kowalski|Larsen")
ORGS = _choices("the council|the ministry|the union|the central bank|the regulator|the company|the party")
VERBS = _choices("raise|cut|freeze|review|scrap|expand|delay|approve|block|fund")
THINGS = _choices(
    "fuel taxes|the rail link|rent controls|the school budget|bus fares|the port expansion|water prices|"
    "the stadium plan|pension payments|the airport runway|wind farm permits|hospital funding|"
    "the minimum wage|"
    "police numbers|the housing target|tuition fees|the fishing quota|broadband subsidies|the river dam"
)
PLACES = _choices("Lyon|Gdansk|Porto|Leeds|Graz|Malmo|Turin|Ghent|Bergen|Aarhus|Split|Cork|Brno|Tartu|Bilbao")


def statements(n: int, seed: int) -> list[tuple[str, str]]:
    """(speaker, text) pairs: mostly distinct, with the odd agreeing or opposing restatement."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        neg = rng.random() < 0.3
        verb = rng.choice(VERBS)
        text = (
            f"{rng.choice(ORGS).capitalize()} in {rng.choice(PLACES)} will {'not ' if neg else ''}{verb} "
            f"{rng.choice(THINGS)} in {rng.randint(2015, 2026)}."
        )
        out.append((speaker, text))
    return out


def fill(store: Store, rows: list[tuple[str, str]], start: int, per_article: int = 10) -> None:
    for first in range(0, len(rows), per_article):
        n = start + first
        chunk = rows[first : first + per_article]
        body = " ".join(f'"{text}" said {speaker}.' for speaker, text in chunk)
        article = Article.create(
            source=f"gen/{n}",
            text=body,
            format="text",
            outlet=f"Outlet {n % 37}",
            published=f"{2015 + n % 11}-0{1 + n % 9}-1{n % 10}",
            url=f"https://gen.example/{n}",
        )
        found, at = [], 0
        for speaker, text in chunk:
            begin = body.index(text, at) if text in body[at:] else at
            at = begin + len(text)
            found.append(
                Statement(
                    id=stable_id("s", article.id, begin),
                    article_id=article.id,
                    source=article.source,
                    kind="direct",
                    text=text,
                    span=(begin, at),
                    speaker=speaker,
                )
            )
        store.add(article, found)


def full(n: int, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        rows = statements(n + n // 100, seed)
        fill(store, rows[:n], 0)
        relater = Relater()
        first = crosscheck.link(store, relater)
        fill(store, rows[n:], n)
        again = crosscheck.link(store, relater)
        store.close()
    per_pair = first.seconds["relate"] / max(first.pairs, 1)
    print(f"full link, {n} statements: {sum(first.seconds.values()):.1f} s {first.to_dict()}")
    print(f"  relation model: {per_pair * 1000:.1f} ms/pair ({1 / per_pair:.1f} pairs/s in link)")
    print(f"incremental, +{len(rows) - n} statements: {sum(again.seconds.values()):.1f} s {again.to_dict()}")


def candidate_stages(n: int, seed: int, per_article: int = 10) -> None:
    rows = statements(n, seed)
    items = [
        Item(f"s{i}", f"a{i // per_article}", text, speaker.casefold())
        for i, (speaker, text) in enumerate(rows)
    ]
    clock = time.perf_counter()
    vectors = embed([item.text for item in items], batch_size=128)
    embedded = time.perf_counter() - clock
    clock = time.perf_counter()
    bodies = [
        " ".join(f'"{text}" said {speaker}.' for speaker, text in rows[first : first + per_article])
        for first in range(0, n, per_article)
    ]
    story = embed([story_text(None, body) for body in bodies], batch_size=128)
    stories = {f"a{k}": v for k, v in enumerate(story)}
    storied = time.perf_counter() - clock
    clock = time.perf_counter()
    index = build_index(vectors)
    indexed = time.perf_counter() - clock
    clock = time.perf_counter()
    bm25 = Bm25(item.text for item in items)
    found = candidates(items, vectors, range(n), index=index, bm25=bm25, stories=stories)
    ranked = time.perf_counter() - clock
    print(
        f"candidates, {n} statements: embed {embedded:.1f} s, stories {storied:.1f} s ({len(bodies)} "
        f"articles), index {indexed:.1f} s, block+rank {ranked:.1f} s, {len(found)} pairs "
        f"({len(found) / n:.1f} per statement)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", type=int, nargs="*", default=[2000])
    ap.add_argument("--candidates", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    for n in args.full:
        full(n, args.seed)
    for n in args.candidates:
        candidate_stages(n, args.seed)


if __name__ == "__main__":
    main()
