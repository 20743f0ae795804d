"""Fit `link`'s verdict judge (counterpoint.link.verdicts) on hand-labelled statement pairs; deterministic.

    python training/fit_verdicts.py --texts ../shared/data/polnear/train/text \
        [--pairs training/data/verdict_pairs_polnear_train.jsonl]

The pairs point into PolNeAR train by file name and offsets (training/data/verdict_pairs_polnear_train.md says
how they were drawn and labelled). Each goes through the shipped relation model as `link` sends it; a logistic
regression on `verdicts.FEATURES` learns whether the pair takes a side (gold agree or contradict). Its
threshold is the highest that, in 5-fold cross-validation, still keeps 95 % of the sides `link` got right
without it: the judge is there to drop wrong sides, not right ones. Prints the cross-validated verdicts and
writes src/counterpoint/link/model/verdicts.json (a few numbers).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from counterpoint.link.encoder import embed
from counterpoint.link.hedges import settle
from counterpoint.link.relatedness import Gate
from counterpoint.link.relation import MODEL_DIR, RELATIONS, SIDES, Relater
from counterpoint.link.verdicts import FEATURES, Judge, Pair, features

HERE = Path(__file__).parent
SEED = 13
KEEP = 0.95


def load(pairs_path: Path, texts: Path) -> tuple[list[Pair], list[str]]:
    rows = [json.loads(line) for line in pairs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    raw: dict[str, str] = {}

    def text(s: dict) -> str:
        body = raw.setdefault(s["file"], (texts / s["file"]).read_text(encoding="utf-8"))
        return body[s["span"][0] : s["span"][1]]

    a, b = [text(r["a"]) for r in rows], [text(r["b"]) for r in rows]
    unique = sorted({*a, *b})
    vecs = dict(zip(unique, embed(unique), strict=True))
    pairs = [
        Pair(x, y, float(vecs[x] @ vecs[y]), r["same_speaker"]) for x, y, r in zip(a, b, rows, strict=True)
    ]
    return pairs, [r["label"] for r in rows]


def probabilities(x: np.ndarray, y: np.ndarray, test: np.ndarray | None = None) -> tuple[Gate, np.ndarray]:
    clf = LogisticRegression(max_iter=2000).fit(x, y)
    gate = Gate(tuple(float(w) for w in clf.coef_[0]), float(clf.intercept_[0]))
    return gate, clf.predict_proba(x if test is None else test)[:, 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, required=True, help="PolNeAR train/text")
    ap.add_argument("--pairs", type=Path, default=HERE / "data" / "verdict_pairs_polnear_train.jsonl")
    ap.add_argument("--out", type=Path, default=MODEL_DIR / "verdicts.json")
    args = ap.parse_args()
    pairs, gold = load(args.pairs, args.texts)
    relater = Relater()
    found = relater.relate([(p.a, p.b) for p in pairs], statements=True)
    x = np.array([features(p, r) for p, r in zip(pairs, found, strict=True)])
    y = np.isin(gold, SIDES)
    held = np.zeros(len(gold))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(x, y):
        held[test] = probabilities(x[train], y[train], x[test])[1]
    before = [settle(r, p.a, p.b).relation for p, r in zip(pairs, found, strict=True)]
    right = [i for i, (v, g) in enumerate(zip(before, gold, strict=True)) if v in SIDES and v == g]
    threshold = max(
        t / 100 for t in range(1, 100) if sum(held[i] >= t / 100 for i in right) >= KEEP * len(right)
    )
    gate, _ = probabilities(x, y)
    judge = Judge(Gate(gate.weights, gate.bias, threshold))
    after = [v if v not in SIDES or held[i] >= threshold else "discuss" for i, v in enumerate(before)]
    for name, pred in (("link without the judge", before), ("with it, 5-fold held out", after)):
        hits = sum(p == g for p, g in zip(pred, gold, strict=True))
        shown = [p == g for p, g in zip(pred, gold, strict=True) if p in SIDES]
        print(f"{name}: {hits}/{len(gold)} right; sides shown {len(shown)}, right {sum(shown)}")
    print("gold:", {r: gold.count(r) for r in RELATIONS}, f"threshold {threshold:.2f}")
    args.out.write_text(
        json.dumps(
            {
                "features": list(FEATURES),
                "side": judge.side.to_dict(),
                "fitted_on": f"{len(gold)} labelled statement pairs of PolNeAR train ({args.pairs.name})",
                # the weights whose probabilities it read (the model's name would hash this file too)
                "overlay_sha256": hashlib.sha256(
                    (MODEL_DIR / "overlay.safetensors").read_bytes()
                ).hexdigest(),
            },
            indent=2,
        )
        + "\n"
    )
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
