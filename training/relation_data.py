"""Pairs for the relation model, read from ../shared/data and cut exactly as `counterpoint relate` cuts them.

Sources: FNC-1 (train bodies only), ARC, Emergent, CAD and SICK for training, plus two statement-against-
statement sets built from them (`headlines`, `articles`: see headline_pairs and article_pairs); FNC-1 dev
bodies, CAD, SICK and SNLI dev for evaluation. Every pair is (claim, evidence, label, source) with label in
agree / contradict / discuss; long FNC-1 and ARC bodies are cut to their best passage as at inference.

Preparing the pairs needs counterpoint (for the passage cut); training needs only torch. So the pairs can be
written once to a file and the trainer run where counterpoint is not installed (a GPU machine):

    python training/relation_data.py --data ../shared/data --out training/runs/pairs.json.gz
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from counterpoint.link.passages import PASSAGE_SENTENCES, best_passage, sentences, words
from counterpoint.link.relation import LABELS

STANCE = {"agree": "agree", "disagree": "contradict", "discuss": "discuss"}
NLI = {"entailment": "agree", "contradiction": "contradict", "neutral": "discuss"}
EMERGENT = {"for": "agree", "against": "contradict", "observing": "discuss"}
Pair = tuple[str, str, str, str]  # claim, evidence, label, source


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def dev_body_ids(data: Path) -> set[str]:
    """FNC-1 bodies held out for development (the shared, fixed split)."""
    return {line.strip() for line in (data / "fnc1" / "dev_body_ids.txt").read_text().split() if line.strip()}


Cut = Callable[[str, str], str]  # (claim, body) -> the passage the model reads


def stance_pairs(
    stances: Path,
    bodies: Path,
    source: str,
    keep: set[str] | None = None,
    drop: set[str] = frozenset(),
    cut: Cut = best_passage,
) -> list[Pair]:
    """Related (non-`unrelated`) headline/body pairs of an FNC-1-format corpus, bodies cut to passages."""
    body = {r["Body ID"]: r["articleBody"] for r in _csv(bodies)}
    return [
        (r["Headline"], cut(r["Headline"], body[r["Body ID"]]), STANCE[r["Stance"]], source)
        for r in _csv(stances)
        if r["Stance"] in STANCE and r["Body ID"] not in drop and (keep is None or r["Body ID"] in keep)
    ]


def nli_pairs(path: Path, source: str) -> list[Pair]:
    """NLI pairs as (hypothesis = claim, premise = evidence)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["hypothesis"], r["premise"], NLI[r["label"]], source) for r in rows if r["label"] in NLI]


def emergent_pairs(path: Path) -> list[Pair]:
    return [
        (r["claimHeadline"], r["articleHeadline"], EMERGENT[r["articleHeadlineStance"]], "emergent")
        for r in _csv(path)
        if r["articleHeadlineStance"] in EMERGENT
    ]


def headline_pairs(path: Path, agree_per_claim: int = 6, seed: int = 7) -> list[Pair]:
    """Statement-against-statement pairs on one story, which is what `link` compares: two outlets' headlines
    on the same Emergent claim contradict when they take opposite sides and agree when they take the same
    side (at most `agree_per_claim` per claim: most are near-copies of each other). Headlines that only report
    the claim ("observing") are left out: against one that asserts it, neither label fits."""
    rng = random.Random(seed)
    sides: dict[str, dict[str, str]] = {}
    for r in _csv(path):
        if r["articleHeadlineStance"] in ("for", "against"):
            sides.setdefault(r["claimId"], {})[r["articleHeadline"].strip()] = r["articleHeadlineStance"]
    out: list[Pair] = []
    for heads in sides.values():
        pairs = [
            (a, b, side_a == side_b) for (a, side_a), (b, side_b) in combinations(sorted(heads.items()), 2)
        ]
        rng.shuffle(pairs)
        agree = [p for p in pairs if p[2]][:agree_per_claim]
        for a, b, same in agree + [p for p in pairs if not p[2]]:
            a, b = (a, b) if rng.random() < 0.5 else (b, a)
            out.append((a, b, "agree" if same else "contradict", "headlines"))
    return out


def article_pairs(bodies: Path, drop: set[str], per_article: int = 3, seed: int = 7) -> list[Pair]:
    """Two sentences of one article that share words but say different things are `discuss`: the same story,
    neither supporting nor denying the other. `link` meets such pairs all the time, and a model trained only
    on headlines against bodies and on NLI calls most of them `agree`."""
    rng = random.Random(seed)
    out: list[Pair] = []
    for r in _csv(bodies):
        if r["Body ID"] in drop:
            continue
        sents = [(s, set(words(s))) for s in sentences(r["articleBody"]) if 40 <= len(s) <= 300]
        close = [
            (a, b)
            for (a, wa), (b, wb) in combinations(sents, 2)
            if len(wa & wb) >= 3 and len(wa & wb) / len(wa | wb) < 0.35
        ]
        for a, b in rng.sample(close, min(per_article, len(close))):
            out.append((a, b, "discuss", "articles") if rng.random() < 0.5 else (b, a, "discuss", "articles"))
    return out


def train_pools(data: Path, cut: Cut = best_passage) -> list[Pair]:
    """Every training pair of every source; the trainer decides how to mix them."""
    fnc = data / "fnc1"
    arc = data / "arc"
    return [
        *stance_pairs(
            fnc / "train_stances.csv", fnc / "train_bodies.csv", "fnc1", drop=dev_body_ids(data), cut=cut
        ),
        *stance_pairs(arc / "arc_stances_train.csv", arc / "arc_bodies_train.csv", "arc", cut=cut),
        *emergent_pairs(data / "emergent" / "url-versions-2015-06-14-clean-train.csv"),
        *headline_pairs(data / "emergent" / "url-versions-2015-06-14-clean-train.csv"),
        *article_pairs(fnc / "train_bodies.csv", drop=dev_body_ids(data)),
        *nli_pairs(data / "cad" / "train.tsv.gz", "cad"),
        *nli_pairs(data / "sick" / "train.tsv.gz", "sick"),
    ]


def dev_sets(data: Path, cut: Cut = best_passage) -> dict[str, list[Pair]]:
    """Development pairs: FNC-1 related pairs of the dev bodies, and the NLI dev splits."""
    fnc = data / "fnc1"
    return {
        "fnc1": stance_pairs(
            fnc / "train_stances.csv", fnc / "train_bodies.csv", "fnc1", dev_body_ids(data), cut=cut
        ),
        "cad": nli_pairs(data / "cad" / "dev.tsv.gz", "cad"),
        "sick": nli_pairs(data / "sick" / "dev.tsv.gz", "sick"),
        "snli": nli_pairs(data / "snli" / "dev.tsv.gz", "snli"),
    }


def bundle(data: Path, sentences: int = PASSAGE_SENTENCES) -> dict:
    """What the trainer reads: labels, the passage length, training pools and development sets."""

    def cut(claim: str, body: str) -> str:
        return best_passage(claim, body, k=sentences)

    return {
        "labels": LABELS,
        "passage_sentences": sentences,
        "train": train_pools(data, cut),
        "dev": dev_sets(data, cut),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).parent.parent.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, required=True, help="a .json.gz file")
    ap.add_argument("--passage-sentences", type=int, default=PASSAGE_SENTENCES, help="sentences in a passage")
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pairs = bundle(args.data, args.passage_sentences)
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        json.dump(pairs, f)
    sizes = {"train": len(pairs["train"])} | {k: len(v) for k, v in pairs["dev"].items()}
    print(f"wrote {args.out}: {sizes}")


if __name__ == "__main__":
    main()
