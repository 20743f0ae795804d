"""Fit the unrelated gates (counterpoint.link.relatedness), deterministic for a given seed.

- `passage` (b has several sentences): FNC-1 train pairs of a sample of train bodies (dev bodies excluded).
- `sentence` (b is one sentence): CAD + SICK train pairs as related, the same hypotheses paired with a random
  other premise as unrelated.
- `statement` (`link`: both sides are news statements, b one sentence): two outlets' Emergent headlines on one
  claim as related; each headline with its two closest headlines on other claims (by MiniLM cosine) as
  unrelated, since the statements `link` must drop share words and a topic with the story, not the story.

    nice -n 19 python training/fit_relatedness.py --data ../shared/data --bodies 300
Writes src/counterpoint/link/model/relatedness.json (a few numbers).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).parent))
from relation_data import dev_body_ids, nli_pairs

from counterpoint.link import relatedness
from counterpoint.link.encoder import embed
from counterpoint.link.relation import MODEL_DIR

HERE = Path(__file__).parent
GATES = ("passage", "sentence", "statement")


def featurize(pairs: list[tuple[str, str]]) -> np.ndarray:
    cut = [relatedness.pieces(a, b) for a, b in pairs]
    texts = sorted({t for (a, _), (p, s) in zip(pairs, cut, strict=True) for t in (a, p, *s)})
    index = {t: i for i, t in enumerate(texts)}
    vecs = embed(texts)
    return np.array(
        [
            relatedness.features(
                vecs[index[a]], vecs[[index[t] for t in s]], vecs[index[p]], relatedness.overlap(a, b)
            )
            for (a, b), (p, s) in zip(pairs, cut, strict=True)
        ]
    )


def fit(x: np.ndarray, y: np.ndarray, recall_floor: float) -> tuple[relatedness.Gate, float]:
    """Logistic regression, then the threshold maximising accuracy, lowered if need be until at least
    `recall_floor` of the related pairs pass."""
    clf = LogisticRegression(C=10.0).fit(x, y)
    p = clf.predict_proba(x)[:, 1]
    best = max(np.linspace(0.05, 0.95, 91), key=lambda t: ((p >= t) == y).mean())
    best = min(best, float(np.quantile(p[y], 1 - recall_floor)))
    gate = relatedness.Gate(tuple(float(w) for w in clf.coef_[0]), float(clf.intercept_[0]), round(best, 3))
    return gate, float(((p >= best) == y).mean())


def fnc1(data: Path, n_bodies: int, seed: int) -> tuple[list[tuple[str, str]], np.ndarray]:
    with (data / "fnc1" / "train_bodies.csv").open(encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    with (data / "fnc1" / "train_stances.csv").open(encoding="utf-8", newline="") as f:
        stances = list(csv.DictReader(f))
    train = sorted(set(bodies) - dev_body_ids(data), key=int)
    keep = set(random.Random(seed).sample(train, min(n_bodies, len(train))))
    rows = [r for r in stances if r["Body ID"] in keep]
    return [(r["Headline"], bodies[r["Body ID"]]) for r in rows], np.array(
        [r["Stance"] != "unrelated" for r in rows]
    )


def nli(data: Path, seed: int) -> tuple[list[tuple[str, str]], np.ndarray]:
    related = [(a, b) for a, b, *_ in nli_pairs(data / "cad" / "train.tsv.gz", "cad")]
    related += [(a, b) for a, b, *_ in nli_pairs(data / "sick" / "train.tsv.gz", "sick")]
    rng = random.Random(seed)
    premises = [b for _, b in related]
    unrelated = [(a, rng.choice(premises)) for a, _ in related]
    return related + unrelated, np.array([True] * len(related) + [False] * len(unrelated))


def headlines(data: Path, seed: int, related: int = 3000) -> tuple[list[tuple[str, str]], np.ndarray]:
    claim_of: dict[str, str] = {}
    with (data / "emergent" / "url-versions-2015-06-14-clean-train.csv").open(
        encoding="utf-8", newline=""
    ) as f:
        for r in csv.DictReader(f):
            claim_of.setdefault(r["articleHeadline"].strip(), r["claimId"])
    heads = sorted(claim_of)
    claims = np.array([claim_of[h] for h in heads])
    vecs = embed(heads)
    same = [(i, j) for i, j in combinations(range(len(heads)), 2) if claims[i] == claims[j]]
    same = random.Random(seed).sample(same, min(related, len(same)))
    other = []
    for i in range(len(heads)):
        sims = vecs @ vecs[i]
        sims[claims == claims[i]] = -1.0
        other += [(i, int(j)) for j in np.argsort(-sims)[:2]]
    pairs = [(heads[i], heads[j]) for i, j in same + other]
    return pairs, np.array([True] * len(same) + [False] * len(other))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    ap.add_argument("--bodies", type=int, default=300, help="FNC-1 train bodies sampled (embedding cost)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--only", choices=GATES, help="refit one gate, keep the others as they are")
    args = ap.parse_args()
    target = MODEL_DIR / "relatedness.json"
    body = json.loads(target.read_text()) if args.only and target.exists() else {}
    gates, notes = body.get("gates", {}), body.get("notes", {})
    # The passage gate once weighed a missed related pair 4 times a false alarm, as FNC-1's relative score
    # seems to ask; but a pair near the line that is related is seldom given its right side, and every
    # unrelated pair let through is a wrong `discuss`: on FNC-1 dev, accuracy's threshold scores better on
    # both the relative score and macro-F1. Single sentences reach the gate in `link` only after topic
    # blocking, and NLI contradictions often share few words, so that gate lets 98% of related pairs through.
    # The statement gate keeps 90% of same-story headline pairs, a level set before it was measured on the
    # labelled link pairs (benchmarks/link_accuracy.py), where it dropped none of the right agree/contradict.
    for name, load, floor in (
        ("passage", lambda: fnc1(args.data, args.bodies, args.seed), 0.0),
        ("sentence", lambda: nli(args.data, args.seed), 0.98),
        ("statement", lambda: headlines(args.data, args.seed), 0.90),
    ):
        if args.only and name != args.only:
            continue
        pairs, y = load()
        gate, accuracy = fit(featurize(pairs), y, floor)
        gates[name] = gate.to_dict()
        notes[name] = {"pairs": len(pairs), "train_accuracy": round(accuracy, 4)}
        print(
            f"{name}: {len(pairs)} pairs, threshold {gate.threshold}, train accuracy {accuracy:.4f}",
            flush=True,
        )
    body = {
        "features": ["max_sentence_cos", "passage_cos", "word_overlap"],
        "gates": gates,
        "fitted_on": {
            "passage": f"FNC-1 train stances of {args.bodies} non-dev bodies (seed {args.seed})",
            "sentence": "CAD + SICK train pairs vs the same hypotheses with shuffled premises",
            "statement": "Emergent headline pairs on one claim vs each headline's 2 closest on other claims",
        },
        "notes": notes,
    }
    target.write_text(json.dumps(body, indent=2) + "\n")


if __name__ == "__main__":
    main()
