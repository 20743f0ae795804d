"""Training pairs for the relation model, read from ../shared/data.

Sources: FNC-1 (train bodies only), ARC, Emergent, CAD and SICK.

Every pair is (claim, evidence, label) with label in agree / contradict / discuss; the long FNC-1 and ARC
bodies are cut to their best passage exactly as `counterpoint relate` does at inference.
"""

from __future__ import annotations

import csv
import gzip
import random
from pathlib import Path

from counterpoint.link.passages import best_passage

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


def stance_pairs(stances: Path, bodies: Path, source: str, exclude: set[str] = frozenset()) -> list[Pair]:
    """Related (non-`unrelated`) headline/body pairs of an FNC-1-format corpus, bodies cut to passages."""
    body = {r["Body ID"]: r["articleBody"] for r in _csv(bodies)}
    return [
        (r["Headline"], best_passage(r["Headline"], body[r["Body ID"]]), STANCE[r["Stance"]], source)
        for r in _csv(stances)
        if r["Stance"] in STANCE and r["Body ID"] not in exclude
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


def training_pairs(
    data: Path, seed: int = 13, fnc_discuss: int = 3000, disagree_repeat: int = 3
) -> list[Pair]:
    """The training mix: class-balanced towards `contradict`, FNC-1 `discuss` down-sampled."""
    rng = random.Random(seed)
    fnc = stance_pairs(
        data / "fnc1" / "train_stances.csv", data / "fnc1" / "train_bodies.csv", "fnc1", dev_body_ids(data)
    )
    discuss = [p for p in fnc if p[2] == "discuss"]
    rng.shuffle(discuss)
    pairs = [p for p in fnc if p[2] == "agree"] + discuss[:fnc_discuss]
    pairs += [p for p in fnc if p[2] == "contradict"] * disagree_repeat
    pairs += stance_pairs(
        data / "arc" / "arc_stances_train.csv", data / "arc" / "arc_bodies_train.csv", "arc"
    )
    pairs += emergent_pairs(data / "emergent" / "url-versions-2015-06-14-clean-train.csv")
    pairs += nli_pairs(data / "cad" / "train.tsv.gz", "cad")
    pairs += nli_pairs(data / "sick" / "train.tsv.gz", "sick")
    rng.shuffle(pairs)
    return pairs
