"""What headlines say, on PolNeAR: a title read as `ingest` reads it, against a raw file read by `extract`.

usage: python benchmarks/headlines.py --data /work/shared/data/polnear/dev [--limit N] [--scorer PATH]

Each PolNeAR text opens with its headline on a line of its own. `extract` reads the file as it is; `ingest`
stores the headline as the article's title and the rest as its text, and reads the title as a first paragraph
whose statements must have a headline's shape (extract/headline.py). This runs both on the same texts, maps
the stored article's offsets back to the file's, and scores:
- the whole texts with the official scorer (top-level statements), so the split costs nothing elsewhere;
- the headlines alone: attributions whose content lies in the first line, exact and overlap (half or more)
  content matches, and the speaker span on the exact ones.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from counterpoint.extract import Extractor
from counterpoint.records import Statement

SCORER = "/work/shared/eval/polnear_score.py"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="a PolNeAR split: a folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts (sorted by name)")
    ap.add_argument("--scorer", default=SCORER)
    ap.add_argument("--show", action="store_true", help="print each headline with what both readings find")
    args = ap.parse_args()
    scorer = _module(args.scorer)
    gold = scorer.load_gold(args.data)
    paths = sorted(Path(args.data, "text").glob("*.txt"))[: args.limit or None]
    texts = {p.name: p.read_text(encoding="utf-8") for p in paths}
    split = {name: _split(text) for name, text in texts.items()}

    ex = Extractor(claims=False)
    raw = {
        res.source: [_row(s, 0) for s in res.statements if not s.parent_id]
        for res in ex.extract_many((t, Path(n).stem, n) for n, t in texts.items())
    }
    stored = (
        (texts[n][body:], Path(n).stem, n, None, texts[n][:title]) for n, (title, body) in split.items()
    )
    titled = {
        res.source: [_row(s, body) for s in res.statements if not s.parent_id]
        for res, (_, body) in zip(ex.extract_many(stored), split.values(), strict=True)
    }
    for label, found in (("raw file (extract)", raw), ("title and text (ingest)", titled)):
        print(f"== {label}")
        _whole(args, found)
        _headlines(scorer, gold, texts, split, found)
    if args.show:
        for name, (title, _) in split.items():
            line = texts[name][:title]
            marked = [a for a in gold.get(name, ("", []))[1] if a["content"][1] <= title]
            print(
                f"\n{line}\n  gold: {[(_text(line, a['content']), _text(line, a['source'])) for a in marked]}"
            )
            for found, tag in ((raw, "raw"), (titled, "ingest")):
                print(f"  {tag}: {[(r['text'], r['speaker']) for r in found[name] if r['span'][1] <= title]}")


def _module(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("polnear_score", path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _split(text: str) -> tuple[int, int]:
    """Where the first line ends, and where the text after it (and the blank lines after it) starts."""
    title = text.find("\n")
    if title < 0:
        return 0, 0
    body = title
    while body < len(text) and text[body] in "\n\r \t":
        body += 1
    return title, body


def _row(s: Statement, body: int) -> dict[str, Any]:
    """A statement in the file's offsets: a stored article's title opens the file, its text starts at
    `body`; a raw file's statements are in its offsets already (`body` 0)."""
    shift = 0 if s.part == "title" else body

    def moved(span: tuple[int, int] | None) -> list[int] | None:
        return [span[0] + shift, span[1] + shift] if span else None

    return {
        "source": s.source,
        "span": moved(s.span),
        "speaker_span": moved(s.speaker_span),
        "cue_span": moved(s.cue_span),
        "text": s.text,
        "speaker": s.speaker,
    }


def _whole(args: argparse.Namespace, found: dict[str, list[dict[str, Any]]]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for rows in found.values():
            fh.writelines(json.dumps(r) + "\n" for r in rows)
    res = subprocess.run([sys.executable, args.scorer, fh.name, args.data], capture_output=True, text=True)
    print("  whole texts:", res.stdout.strip() or res.stderr.strip())


def _headlines(
    scorer: ModuleType,
    gold: dict[str, Any],
    texts: dict[str, str],
    split: dict[str, tuple[int, int]],
    found: dict[str, list[dict[str, Any]]],
) -> None:
    count: Counter[str] = Counter()
    for name, (title, _) in split.items():
        text = texts[name]
        heads = [a for a in gold.get(name, ("", []))[1] if a["content"][1] <= title]
        mine = [
            (
                scorer.trim(text, *r["span"]),
                scorer.trim(text, *r["speaker_span"]) if r["speaker_span"] else None,
            )
            for r in found.get(name, [])
            if r["span"][1] <= title
        ]
        count["gold"] += len(heads)
        count["pred"] += len(mine)
        for content, speaker in mine:
            exact = [a for a in heads if a["content"] == content]
            count["exact"] += bool(exact)
            count["overlap"] += any(scorer.overlap(content, a["content"]) >= 0.5 for a in heads)
            count["speaker"] += any(a["source"] == speaker for a in exact)
        count["texts with one"] += bool(heads)
    p = count["exact"] / count["pred"] if count["pred"] else 0.0
    r = count["exact"] / count["gold"] if count["gold"] else 0.0
    po = count["overlap"] / count["pred"] if count["pred"] else 0.0
    print(
        f"  headlines: {count['gold']} annotated in {count['texts with one']} of {len(split)}, "
        f"{count['pred']} found; "
        f"content exact precision {p:.3f} recall {r:.3f}, overlap precision {po:.3f}; "
        f"speaker exact on exact contents {count['speaker']}/{count['exact']}"
    )


def _text(line: str, span: tuple[int, int] | None) -> str:
    return line[span[0] : span[1]] if span else "-"


if __name__ == "__main__":
    main()
