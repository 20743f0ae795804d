"""To whom, in what setting and when something was said, on PolNeAR dev statements labelled by hand.

    python benchmarks/attribution_details.py --texts ../shared/data/polnear/dev/text [--show]

PolNeAR marks sources, cues and contents, not addressees, settings or times, so these were labelled for this
benchmark. benchmarks/data/details_polnear.jsonl holds 450 statements that `extract` found in the 84 dev
articles: all 300 to which it then gave an addressee, a setting or a time (weight 1), and 150 drawn at random
(seed 7) from the 1,732 to which it gave none (weight 11.55, the share they stand for, so that recall counts
what the extractor misses across all of dev). A helper labelled each one from its paragraph, blind to what
`extract` had given: the addressee and the time as the words of the article (character offsets), the setting
as public, private or none, and whether the item is a statement at all (`ok`; 77 are not, and are left out).
Only file names, offsets and labels are kept: the repository carries none of the corpus's text.

benchmarks/data/details_polnear_train.jsonl is the same on PolNeAR train, to tune rules without reading
dev: 300 drawn (seed 7) from the 3,164 statements given a detail (weight 10.55) and 150 from the 15,433 given
none (weight 102.89), labelled the same way by another helper, blind, after reading the dev labels to follow
them (77 not statements). Run it with --texts ../shared/data/polnear/train/text --gold that file.

A statement is matched by its file, its cue and a content overlapping the labelled one by half. An addressee
or a time is right when its words are the labelled words (case, outer punctuation and a leading "the" aside);
one that holds them, or is held by them, is counted apart as partly right. An addressee labelled as a pronoun
("told him") is right when `extract` names anyone: whom it stands for is not labelled.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from counterpoint.extract import Extractor

HERE = Path(__file__).parent
FIELDS = ("addressee", "setting", "said_at")
PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, required=True, help="PolNeAR dev's text/ folder")
    ap.add_argument("--gold", type=Path, default=HERE / "data" / "details_polnear.jsonl")
    ap.add_argument("--show", action="store_true", help="print every detail given wrongly or missed")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {f: (args.texts / f).read_text(encoding="utf-8") for f in sorted({r["file"] for r in rows})}
    found: dict[str, list] = {}
    for res in Extractor(claims=False).extract_many((text, f, f) for f, text in texts.items()):
        found[res.article_id] = res.statements
    tally: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    missing = 0
    for r in rows:
        if not r["ok"]:
            continue
        ours = _match(found.get(r["file"], []), r)
        if ours is None:
            missing += 1
            continue
        text = texts[r["file"]]
        for field in FIELDS:
            gold = r[field] if field == "setting" or r[field] is None else text[slice(*r[field])]
            mine = getattr(ours, field)
            verdict = _judge(field, mine, gold)
            tally[field]["ours"] += r["weight"] * (mine is not None)
            tally[field]["gold"] += r["weight"] * (gold is not None)
            tally[field][verdict] += r["weight"]
            if args.show and verdict not in ("right", "none"):
                print(f"{verdict:8} {field:9} {r['file']}:{r['span'][0]} ours {mine!r}, labelled {gold!r}")
    print(f"{sum(r['ok'] for r in rows)} statements labelled, {missing} not found now")
    for field, t in tally.items():
        p = t["right"] / t["ours"] if t["ours"] else 0.0
        rec = t["right"] / t["gold"] if t["gold"] else 0.0
        f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
        part = f", partly right {t['partly']:.0f}" if field != "setting" else ""
        print(
            f"{field:9} precision {p:.3f} recall {rec:.3f} F1 {f1:.3f}"
            f" (weighted: given {t['ours']:.0f}, labelled {t['gold']:.0f}, right {t['right']:.0f}{part})"
        )


def _match(statements: list, row: dict):
    """The statement with the row's cue whose content overlaps the labelled one most, by half at least."""
    best, share = None, 0.5
    for s in statements:
        if (list(s.cue_span) if s.cue_span else None) != row["cue_span"]:
            continue
        (a, b), (c, d) = s.span, row["span"]
        overlap = max(0, min(b, d) - max(a, c)) / max(1, max(b, d) - min(a, c))
        if overlap >= share:
            best, share = s, overlap
    return best


def _judge(field: str, mine: str | None, gold: str | None) -> str:
    if mine is None and gold is None:
        return "none"
    if mine is None:
        return "missed"
    if gold is None:
        return "wrong"
    if field == "setting":
        return "right" if mine == gold else "wrong"
    if field == "addressee" and gold.lower() in PRONOUNS:
        return "right"
    ours, theirs = _words(mine), _words(gold)
    if ours == theirs:
        return "right"
    if ours and theirs and (ours in theirs or theirs in ours):
        return "partly"
    return "wrong"


def _words(text: str) -> str:
    text = re.sub(r"[\s\u00a0]+", " ", text).strip(" \t\"'\u201c\u201d\u2018\u2019,.:;").lower()
    return text.removeprefix("the ")


if __name__ == "__main__":
    main()
