"""Who a pronoun speaker is, on PolNeAR dev statements labelled by hand.

    python benchmarks/pronoun_speakers.py --texts ../shared/data/polnear/dev/text [--show]

PolNeAR marks the pronoun ("he") as the source, so its scorer cannot say whether "he" went to the right
person. benchmarks/data/pronouns_polnear.jsonl holds, for 119 statements whose speaker is a pronoun, the text
file, the statement's first character and the person the pronoun refers to, read by hand: 84 statements whose
speaker changed when pronouns began to go to the subject before them, and 35 of 40 drawn at random (seed 11)
from those that did not change; the other 7 were left out where the article does not make the person clear.
Only file names, offsets and our own labels are kept: the repository carries none of the corpus's text.

A name matches when its last word is the labelled surname and, where both have two words or more, its first
word is the labelled first name ("Donald J. Trump" is "Donald Trump"; "Obama" is "Barack Obama").
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from counterpoint.extract import Extractor

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, required=True, help="PolNeAR dev's text/ folder")
    ap.add_argument("--gold", type=Path, default=HERE / "data" / "pronouns_polnear.jsonl")
    ap.add_argument("--show", action="store_true", help="print every statement resolved wrongly or not found")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    files = sorted({r["file"] for r in rows})
    ex = Extractor(claims=False)
    items = (((args.texts / f).read_text(encoding="utf-8"), f, f) for f in files)
    found = {(res.article_id, s.span[0]): s.speaker for res in ex.extract_many(items) for s in res.statements}
    right = missing = 0
    for r in rows:
        key = (r["file"], r["start"])
        if key not in found:
            missing += 1
            if args.show:
                print(f"not found  {r['file']}:{r['start']} (gold {r['speaker']})")
            continue
        if same_person(found[key], r["speaker"]):
            right += 1
        elif args.show:
            print(f"wrong      {r['file']}:{r['start']} {found[key]!r} (gold {r['speaker']})")
    share = right / len(rows)
    print(f"{len(rows)} pronoun speakers: {right} right ({share:.3f}), {missing} statements not found")


def same_person(name: str | None, gold: str) -> bool:
    if not name:
        return False
    ours, theirs = name.lower().split(), gold.lower().split()
    if ours[-1] != theirs[-1]:
        return False
    return len(ours) < 2 or len(theirs) < 2 or ours[0] == theirs[0]


if __name__ == "__main__":
    main()
