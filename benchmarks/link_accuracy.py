"""How often `link`'s verdicts are right on statement pairs from the samples, hand-labelled.

    python benchmarks/link_accuracy.py [--gold benchmarks/data/link_pairs.jsonl] [--relation-model PATH]
        [--stories --store samples.db]
    python benchmarks/link_accuracy.py --gold benchmarks/data/link_pairs_polnear.jsonl \
        --texts ../shared/data/polnear/dev/text [--stories]

FNC-1 and SNLI measure the model on headlines against bodies and on scene descriptions; this measures it where
`link` uses it: one extracted statement against another on the same story (benchmarks/data/link_pairs.md says
how the pairs were chosen and labelled). Verdicts go through the same rules as `link` (verdicts.decide), with
the speakers as labelled (the samples) or as `counterpoint extract` names them (pairs given by file and span).

A statement is given as its text, or as {"file", "span"} into a text under --texts: the PolNeAR pairs are
kept that way because the repository must not carry the corpus's text. With --stories, a pair is counted
as `unrelated` where `link` would not compare it: different speakers in articles that do not tell one story
(link/candidates.py, STORY). Articles and speakers come from the files under --texts (speakers as
`counterpoint extract` names them), or, for statements given as text, from the --store they were linked in
(the samples: the store of the README's first command).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from counterpoint.extract import Extractor
from counterpoint.link.candidates import STORY, story_text
from counterpoint.link.crosscheck import speaker_keys, speaker_of
from counterpoint.link.encoder import embed
from counterpoint.link.relation import RELATIONS, Relater
from counterpoint.link.verdicts import Pair, decide, load_judge
from counterpoint.store import Store

HERE = Path(__file__).parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=HERE / "data" / "link_pairs.jsonl")
    ap.add_argument("--relation-model", type=Path)
    ap.add_argument("--texts", type=Path, help="the folder that {file, span} statements point into")
    ap.add_argument("--stories", action="store_true", help="leave out pairs `link` would not compare")
    ap.add_argument("--store", type=Path, help="with --stories: the store pairs given as text were linked in")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [(_text(r["a"], args.texts), _text(r["b"], args.texts)) for r in rows]
    texts = sorted({t for pair in pairs for t in pair})
    vectors = dict(zip(texts, embed(texts), strict=True))
    relater = Relater(args.relation_model)
    relater.known_vectors = vectors  # as `link` does: the gate reuses them
    found = relater.relate(pairs, statements=True)
    judge = load_judge(args.relation_model)
    where = _where(rows, args.texts)
    same = [_same_speaker(r, where) for r in rows]
    verdicts = [
        decide(v, Pair(a, b, float(vectors[a] @ vectors[b]), s), judge)
        for (a, b), v, s in zip(pairs, found, same, strict=True)
    ]
    gold = [r["label"] for r in rows]
    pred = [v.relation for v in verdicts]
    if args.stories:
        compared = _compared(rows, where, args.texts, args.store)
        print(f"{compared.count(False)} pairs left out: different speakers, different stories")
        pred = [p if c else "unrelated" for p, c in zip(pred, compared, strict=True)]
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


def _where(rows: list[dict], texts: Path | None) -> dict[str, tuple[str, str]]:
    """Statement key (file:start:end) -> (file, speaker as `counterpoint extract` names it), for the
    statements given as a file and span."""
    files = sorted({r[k]["file"] for r in rows for k in "ab" if isinstance(r[k], dict)})
    if not files:
        return {}
    if texts is None:
        raise SystemExit("these pairs point into texts: give the folder with --texts")
    bodies = [(texts / f).read_text(encoding="utf-8") for f in files]
    where = {}
    for res in Extractor().extract_many(zip(bodies, files, files, strict=True)):
        for s in res.statements:
            where[f"{res.source}:{s.span[0]}:{s.span[1]}"] = (res.source, (s.speaker or "").casefold())
    return where


def _locate(s: dict, where: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The extracted statement that overlaps a {file, span} most: its file and speaker."""
    start, end = s["span"]
    spans = [k.rsplit(":", 2) for k in where if k.startswith(s["file"] + ":")]
    best = max(spans, key=lambda x: min(end, int(x[2])) - max(start, int(x[1])), default=None)
    return where[":".join(best)] if best else (s["file"], "")


def _same_speaker(row: dict, where: dict[str, tuple[str, str]]) -> bool:
    """One speaker on both sides: the labelled speakers where the file has them, else `extract`'s."""
    if "speaker_a" in row:
        a, b = (row["speaker_a"] or "").casefold(), (row["speaker_b"] or "").casefold()
    else:
        a, b = (_locate(row[k], where)[1] if isinstance(row[k], dict) else "" for k in "ab")
    return bool(a) and a == b


def _compared(
    rows: list[dict], where: dict[str, tuple[str, str]], texts: Path | None, store: Path | None
) -> list[bool]:
    """Whether `link` would compare each pair: one speaker, or articles telling one story. A statement given
    as a file and span gets its article from the file and its speaker from `extract`; one given as text,
    both from the store it was linked in."""
    where = dict(where)
    files = sorted({r[k]["file"] for r in rows for k in "ab" if isinstance(r[k], dict)})
    stories = {f: story_text(None, (texts / f).read_text(encoding="utf-8")) for f in files if texts}
    if any(isinstance(r[k], str) for r in rows for k in "ab"):
        if store is None:
            raise SystemExit("--stories on pairs given as text needs the --store they were linked in")
        with Store(store) as db:
            people = speaker_keys(db)
            for s in db.statements():
                where[s["text"]] = (s["article_id"], speaker_of(s, people) or "")
            for a in db.articles():
                stories[a["id"]] = story_text(a["title"], a["text"])
    keys = list(stories)
    vectors = dict(zip(keys, embed([stories[k] for k in keys]), strict=True))

    def locate(s: str | dict) -> tuple[str, str] | None:
        if isinstance(s, str):
            return where.get(s)  # None: extraction has changed since the pair was labelled
        return _locate(s, where)

    out, lost = [], 0
    for r in rows:
        a, b = locate(r["a"]), locate(r["b"])
        if a is None or b is None:  # counted as compared: the gate cannot be judged without its article
            lost += 1
            out.append(True)
            continue
        same = bool(a[1]) and a[1] == b[1]
        out.append(same or float(vectors[a[0]] @ vectors[b[0]]) >= STORY)
    if lost:
        print(f"{lost} pairs hold a statement the store no longer has: counted as compared")
    return out


def _text(statement: str | dict, texts: Path | None) -> str:
    if isinstance(statement, str):
        return statement
    if texts is None:
        raise SystemExit("these pairs point into texts: give the folder with --texts")
    start, end = statement["span"]
    return (texts / statement["file"]).read_text(encoding="utf-8")[start:end]


if __name__ == "__main__":
    main()
