"""Score `counterpoint relate` on the development splits with the official scorer, and time it.

    python benchmarks/relation_eval.py fnc1-dev   # bodies listed in ../shared/data/fnc1/dev_body_ids.txt
    python benchmarks/relation_eval.py snli-dev --limit 2000
Writes pairs, gold labels and predictions under --out, runs `counterpoint relate --format jsonl` on the pairs
(timed: pairs/s on this machine, model loading included) and then ../shared/eval/relation_score.py.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ("fnc1-dev", "snli-dev", "cad-dev", "sick-dev")


def fnc1_dev(data: Path) -> list[tuple[str, str, str]]:
    """(headline, whole body, stance) for every pair whose body is listed in dev_body_ids.txt."""
    dev = set((data / "fnc1" / "dev_body_ids.txt").read_text().split())
    with (data / "fnc1" / "train_bodies.csv").open(encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    with (data / "fnc1" / "train_stances.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Body ID"] in dev]
    return [(r["Headline"], bodies[r["Body ID"]], r["Stance"]) for r in rows]


def nli_dev(path: Path) -> list[tuple[str, str, str]]:
    """(hypothesis as the claim, premise as the text, label); SNLI rows without a gold label are skipped."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    keep = ("entailment", "neutral", "contradiction")
    return [(r["hypothesis"], r["premise"], r["label"]) for r in rows if r["label"] in keep]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=SETS)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "relation_score.py")
    ap.add_argument("--out", type=Path, default=Path("/tmp/counterpoint-bench"))
    ap.add_argument("--limit", type=int, help="score a seeded random sample of this many pairs")
    ap.add_argument("--relation-model", help="passed on to counterpoint relate")
    args = ap.parse_args()

    name, split = args.set.split("-")
    rows = fnc1_dev(args.data) if name == "fnc1" else nli_dev(args.data / name / f"{split}.tsv.gz")
    if args.limit and args.limit < len(rows):
        rows = random.Random(2017).sample(rows, args.limit)
    args.out.mkdir(parents=True, exist_ok=True)
    pairs, gold, pred = (
        args.out / f"{args.set}.{kind}" for kind in ("pairs.jsonl", "gold.txt", "pred.jsonl")
    )
    pairs.write_text("".join(json.dumps({"a": a, "b": b}) + "\n" for a, b, _ in rows), encoding="utf-8")
    gold.write_text("".join(label + "\n" for *_, label in rows), encoding="utf-8")
    command = [sys.executable, "-m", "counterpoint", "relate", "--input", str(pairs), "--format", "jsonl"]
    if args.relation_model:
        command += ["--relation-model", args.relation_model]
    started = time.perf_counter()
    with pred.open("w", encoding="utf-8") as sink:
        subprocess.run(command, stdout=sink, check=True)
    seconds = time.perf_counter() - started
    score = subprocess.run(
        [sys.executable, str(args.eval), str(pred), str(gold)], capture_output=True, text=True
    )
    print(f"{args.set}: {len(rows)} pairs in {seconds:.1f} s ({len(rows) / seconds:.1f} pairs/s)")
    print(score.stdout.strip() or score.stderr.strip())


if __name__ == "__main__":
    main()
