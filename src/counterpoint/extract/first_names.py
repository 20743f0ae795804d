"""A given name borne almost only by one sex, for the pronouns a text leaves open.

An article seldom says that Chris Christie is a man; it says "she" of the woman he attacked, and a reader
knows which of them that is. `first_names.json` holds the US census's names that one sex bears at least four
times as often as the other, and at least one in 20,000 of that sex (`training/first_names.py`); a name in
neither list says nothing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


@cache
def _genders() -> dict[str, str]:
    data = json.loads((Path(__file__).parent / "first_names.json").read_text())
    return {name: g for g in ("f", "m") for name in data[g]}


def given_name_gender(name: str) -> str | None:
    """ "f" or "m" for a full name whose first word is such a name ("Chris Christie": "m"), else None."""
    words = name.split()
    return _genders().get(words[0].lower().rstrip(".")) if len(words) > 1 else None
