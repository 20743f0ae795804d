"""Fit the candidate scorer (counterpoint.extract.scorer) on PolNeAR train, deterministic.

Every top-level candidate the rules propose on a train article is labelled by the first annotator's
attributions: 1 if its content is exactly a gold content (trimmed as PolNeAR's scorer trims), else 0. A
logistic regression over the candidate's features is fitted. The threshold is the one that maximises the
mean of content and speaker exact F1 on held-out folds (articles split five ways), so it is never set on the
data it was fitted on; content alone would want a higher one, paid for in speakers. Candidates nested in
another's content are left out: the first annotators seldom mark them, so their labels would teach the model
that second-hand statements are noise.

    nice -n 19 python training/train_scorer.py --data ../shared/data/polnear/train --cache /tmp/train.spacy
Writes src/counterpoint/extract/scorer.json (about 40 kB). --cache keeps the parse for re-runs.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from spacy.tokens import DocBin
from train_tagger import attributions  # beside this script: how PolNeAR's brat files are read

from counterpoint.extract import Extractor
from counterpoint.extract.scorer import WEIGHTS, Scorer, features
from counterpoint.extract.tagger import trim  # as PolNeAR's scorer trims a span


def collect(data: Path, cache: Path | None) -> tuple[list[list[str]], list[dict], dict[str, int]]:
    """Features of every top-level candidate, what scoring needs (article, content and speaker spans, whether
    each is exactly a gold one), and how many gold contents and sources there are."""
    paths = sorted((data / "text").glob("*.txt"))
    ex = Extractor(claims=False, scorer=Scorer({}), tagger=False)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(ex.nlp.vocab))
    else:
        docs = list(ex.nlp.pipe((p.read_text(encoding="utf-8") for p in paths), batch_size=32))
        if cache is not None:
            DocBin(docs=docs, store_user_data=False).to_disk(cache)
    feats, rows, golds = [], [], Counter()
    for n, (path, doc) in enumerate(zip(paths, docs, strict=True)):
        anns = sorted((data / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = doc.text
        gold = attributions(anns[0], text)
        contents, sources = gold["content"], gold["source"]
        golds["content"] += len(contents)
        golds["source"] += len(sources)
        for cand in ex.propose(doc):
            if cand.parent is not None:
                continue
            span = trim(text, *cand.content)
            speaker = trim(text, *cand.speaker) if cand.speaker else None
            feats.append(features(doc, cand))
            rows.append(
                {
                    "article": n,
                    "content": span,
                    "source": speaker,
                    "content_exact": span in contents,
                    "source_exact": speaker in sources,
                }
            )
    return feats, rows, golds


def best_threshold(prob: np.ndarray, rows: list[dict], golds: dict[str, int]) -> tuple[float, float]:
    """The threshold with the best mean of content and speaker exact F1, each span counted once per article
    as PolNeAR's scorer counts them."""
    best = (0.0, 0.0)
    for t in np.arange(0.0, 0.71, 0.02):
        f1s = []
        for role in ("content", "source"):
            seen, tp = set(), 0
            for p, row in zip(prob, rows, strict=True):
                key = (row["article"], row[role])
                if p >= t and row[role] is not None and key not in seen:
                    seen.add(key)
                    tp += row[f"{role}_exact"]
            precision, recall = tp / max(len(seen), 1), tp / golds[role]
            f1s.append(2 * precision * recall / (precision + recall) if tp else 0.0)
        if sum(f1s) / 2 > best[1]:
            best = (round(float(t), 2), sum(f1s) / 2)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="PolNeAR train: text/ and attributions/")
    ap.add_argument("--cache", type=Path, help="a .spacy file to keep the parse in between runs")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--c", type=float, default=0.1, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=10, help="drop features seen on fewer candidates")
    args = ap.parse_args()

    feats, rows, golds = collect(args.data, args.cache)
    counts = Counter(f for names in feats for f in names)
    kept = [{f: 1 for f in names if counts[f] >= args.min_count} for names in feats]
    y = np.array([r["content_exact"] for r in rows])
    groups = np.array([r["article"] for r in rows])
    print(f"{len(rows)} candidates, {y.mean():.3f} exact, gold {dict(golds)}, {len(counts)} features")

    prob = np.zeros(len(rows))
    for train, held in GroupKFold(n_splits=5).split(kept, y, groups):
        vec = DictVectorizer()
        x = vec.fit_transform([kept[i] for i in train])
        model = LogisticRegression(C=args.c, max_iter=2000).fit(x, y[train])
        prob[held] = model.predict_proba(vec.transform([kept[i] for i in held]))[:, 1]
    print(f"held-out AUC {roc_auc_score(y, prob):.3f}")
    threshold, f1 = best_threshold(prob, rows, golds)
    _, keep_all = best_threshold(np.ones(len(rows)), rows, golds)
    print(f"held-out mean of content and speaker exact F1: {keep_all:.3f} all, {f1:.3f} at {threshold}")

    vec = DictVectorizer()
    model = LogisticRegression(C=args.c, max_iter=2000).fit(vec.fit_transform(kept), y)
    weights = {
        name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
    }
    out = {
        "about": "candidate scorer: logistic weights over extract/scorer.py features, PolNeAR train",
        "c": args.c,
        "min_count": args.min_count,
        "heldout_mean_exact_f1": round(f1, 4),
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 4),
        "weights": {k: v for k, v in sorted(weights.items()) if abs(v) >= 1e-3},
    }
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1000:.1f} kB, {len(out['weights'])} weights)")


if __name__ == "__main__":
    main()
