"""A speaker an article gives by title alone, named from the titles other articles in the store give people.

"Former aides to John Kerry have rejected a claim … that the then US secretary of state privately told him
…": that article never calls Kerry secretary of state, so its extraction leaves the speaker a description, and
`who "John Kerry"` missed the remark. The 2014 reports in the store call him "US Secretary of State". A
description is a person when the article names that person, the store's titles for them hold the
description's title and every other word of it, and no one else the article names fits. It is run over the
whole store after each ingest, so the order in which articles arrive does not matter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .entities import LINKS, head_word
from .pipeline import OFFICES, TITLES

# How titles are spelt short, and which of their words say when rather than what.
_SPELLINGS = {
    "u.s.": "us",
    "u.s": "us",
    "gop": "republican",
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "dem.": "democratic",
    "gen.": "general",
    "amb.": "ambassador",
    "sec.": "secretary",
    "pres.": "president",
}
_WHEN = frozenset(
    {"the", "then", "former", "current", "now", "late", "outgoing", "incoming", "ex", "one-time"}
)
_WORD = re.compile(r"[a-z][a-z.]*(?:-[a-z]+)*")
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my"})


def title_words(text: str) -> list[str]:
    """A title's words, lower case and spelt in full: "Former U.S. Sen." → ["us", "senator"]."""
    out = []
    for w in _WORD.findall(text.lower().replace("\u2019", "'").replace("'s", "")):
        w = _SPELLINGS.get(w, w.rstrip("."))
        if w and w not in _WHEN:
            out.append(w)
    return out


def _head(words: list[str]) -> str:
    """The noun a title is built on: "secretary" in "us secretary of state"."""
    return head_word(" ".join(words))


def _like(word: str, other: str) -> bool:
    """One word, or one with an ending added: "russia" and "russian", "state" and "states"."""
    if word == other:
        return True
    short, long = sorted((word, other), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def describes(description: str, roles: Iterable[str]) -> bool:
    """Whether a description fits a person with these titles: its head is one title's head, and every other
    word is in one of the titles ("the GOP nominee" fits "Republican presidential nominee", not "Democratic
    nominee"; "the former secretary of state and current Democratic presidential nominee" needs both)."""
    words = title_words(description)
    head = _head(words)
    if head not in TITLES | OFFICES:  # a person's title, one person's: not "the book", "the candidates"
        return False
    titles = [title_words(r) for r in roles]
    if not any(_head(t) == head for t in titles):
        return False
    known = {w for t in titles for w in t}
    rest = [w for w in words if w not in LINKS and w != "and" and w != head]
    return all(any(_like(w, k) for k in known) for w in rest)


@dataclass(frozen=True)
class Named:
    """A person the store knows by name, with every title it has for them."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]

    def named_in(self, text: str) -> bool:
        """Whether the text names them, by any name the store has for them or their surname: "Clinton's
        aides" makes Hillary Clinton a candidate for "the secretary of state" beside John Kerry."""
        names = {self.name, self.name.split()[-1], *self.aliases}
        names = {n for n in names if n[:1].isupper() and len(n) > 2}
        return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)


def _definite(mention: str | None) -> bool:
    return (mention or "").lower().startswith("the ")


def described(
    statements: Iterable[dict], people: Iterable[Named], text_of: Callable[[str], str]
) -> Iterator[tuple[str, Named]]:
    """(statement id, person) for each statement whose speaker is a description that one person fits.

    A speaker is taken article by article, with every statement given to it: all its mentions must be "the
    …" or a pronoun ("A senior official …, the official said" is someone the writer does not name)."""
    by_head: dict[str, list[Named]] = defaultdict(list)
    for person in people:
        for head in {_head(title_words(r)) for r in person.roles} - {""}:
            by_head[head].append(person)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for s in statements:
        groups[(s["article_id"], s["speaker"])].append(s)
    for (article_id, speaker), group in groups.items():
        mentions = [s["speaker_mention"] for s in group]
        if not any(_definite(m) for m in mentions) or not all(
            _definite(m) or (m or "").lower() in _PRONOUNS for m in mentions
        ):
            continue
        fits = [p for p in by_head.get(_head(title_words(speaker)), ()) if describes(speaker, p.roles)]
        if fits:
            text = text_of(article_id)
            fits = [p for p in fits if p.named_in(text)]
        if len(fits) == 1:
            for s in group:
                yield s["id"], fits[0]
