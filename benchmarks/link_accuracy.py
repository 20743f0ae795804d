"""How often `link`'s verdicts are right on statement pairs from the samples, hand-labelled.

    python benchmarks/link_accuracy.py [--gold benchmarks/data/link_pairs.jsonl] [--relation-model PATH]
    python benchmarks/link_accuracy.py --gold benchmarks/data/link_pairs_polnear.jsonl \
        --texts ../shared/data/polnear/dev/text

FNC-1 and SNLI measure the model on headlines against bodies and on scene descriptions; this measures it where
`link` uses it: one extracted statement against another on the same story (benchmarks/data/link_pairs.md says
how the pairs were chosen and labelled). Verdicts go through the same rules as `link` (hedges.settle).

A statement is given as its text, or as {"file", "span"} into a text under --texts: the PolNeAR pairs are
kept that way because the repository must not carry the corpus's text.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from counterpoint.link.hedges import settle
from counterpoint.link.relation import RELATIONS, Relater

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=HERE / "data" / "link_pairs.jsonl")
    ap.add_argument("--relation-model", type=Path)
    ap.add_argument("--texts", type=Path, help="the folder that {file, span} statements point into")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [(_text(r["a"], args.texts), _text(r["b"], args.texts)) for r in rows]
    relater = Relater(args.relation_model)
    found = relater.relate(pairs, statements=True)
    verdicts = [settle(v, a, b) for (a, b), v in zip(pairs, found, strict=True)]
    gold = [r["label"] for r in rows]
    pred = [v.relation for v in verdicts]
    confusion = Counter(zip(gold, pred, strict=True))
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    print(f"{len(rows)} pairs, accuracy {right / len(rows):.3f} ({relater.name})")
    print("gold / predicted   " + " ".join(f"{r:>10}" for r in RELATIONS))
    for g in RELATIONS:
        print(f"{g:>18} " + " ".join(f"{confusion[g, p]:>10}" for p in RELATIONS))
    for label in RELATIONS:
        tp = confusion[label, label]
        predicted, actual = sum(p == label for p in pred), sum(g == label for g in gold)
        precision, recall = tp / max(predicted, 1), tp / max(actual, 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{label:>10}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} (gold {actual})")


def _text(statement: str | dict, texts: Path | None) -> str:
    if isinstance(statement, str):
        return statement
    if texts is None:
        raise SystemExit("these pairs point into texts: give the folder with --texts")
    start, end = statement["span"]
    return (texts / statement["file"]).read_text(encoding="utf-8")[start:end]


if __name__ == "__main__":
    main()
