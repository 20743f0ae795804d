"""Canonical people and organisations of one article, with their aliases and roles.

A surname alone ("Lavrov") resolves to the fullest name the article uses for it ("Sergei Lavrov"), and
a title ("Russia's foreign minister") to the person the article gave that title. Entity ids hash the
type and normalized canonical name, so the same full name in two articles is the same entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from counterpoint.records import Entity, normalize_text, stable_id

HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "president",
        "sir",
        "lord",
        "lady",
        "prof",
        "rev",
        "judge",
        "justice",
        "senator",
        "governor",
        "mayor",
        "secretary",
    }
)
ORG_LABELS = ("ORG", "GPE", "NORP")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_ROLE_STOP_POS = ("DET", "PUNCT", "VERB", "AUX", "PRON", "PART", "CCONJ", "SCONJ", "NUM", "SPACE")


@dataclass
class _Ent:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return stable_id("e", self.type, normalize_text(self.name))


def clean_name(text: str) -> str:
    """A name without possessive ending, honorific or surrounding punctuation."""
    text = _POSSESSIVE.sub("", text.strip(" \t\n,.;:\"'\u201c\u201d\u2018\u2019"))
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


class EntityIndex:
    """The article's entities and every mention's position, for speaker and pronoun resolution."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._by_key: dict[tuple[str, str], _Ent] = {}
        self._surnames: dict[str, _Ent] = {}
        self.mentions: list[tuple[int, _Ent, Token]] = []  # (char start, entity, head token)
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        # Fullest names first, so "Lavrov" later finds "Sergei Lavrov".
        for ent in sorted(persons, key=lambda e: -len(clean_name(e.text).split())):
            self._person(ent)
        for ent in doc.ents:
            if ent.label_ in ORG_LABELS:
                self._org(ent)
        self.mentions.sort(key=lambda m: m[0])
        self._used: set[int] = set()

    def _person(self, ent: Span) -> _Ent | None:
        name = clean_name(ent.text)
        if not name or not name[0].isupper():
            return None
        words = name.split()
        known = self._surnames.get(words[-1].lower())
        if known is not None and (len(words) == 1 or known.name.split()[0][0] == words[0][0]):
            e = known
        else:
            e = self._by_key.setdefault(("person", name.lower()), _Ent(name, "person"))
            self._surnames.setdefault(words[-1].lower(), e)
        if ent.text not in e.aliases:
            e.aliases.append(ent.text)
        for role in _roles(ent):
            if role not in e.roles:
                e.roles.append(role)
        self.mentions.append((ent.start_char, e, ent.root))
        return e

    def _org(self, ent: Span) -> _Ent:
        name = clean_name(ent.text)
        if name.lower().startswith("the "):
            name = name[4:]
        e = self._by_key.setdefault(("org", name.lower()), _Ent(name, "org"))
        if ent.text not in e.aliases:
            e.aliases.append(ent.text)
        self.mentions.append((ent.start_char, e, ent.root))
        return e

    def lookup(self, span: Span) -> _Ent | None:
        """The entity a mention names: a person inside it first, then an organisation, then a role."""
        ents = [e for e in span.ents if e.label_ == "PERSON"] or [
            e for e in span.ents if e.label_ in ORG_LABELS
        ]
        for ent in ents:
            name = clean_name(ent.text)
            if not name:
                continue
            key = ("person" if ent.label_ == "PERSON" else "org", name.lower().removeprefix("the "))
            hit = self._by_key.get(key) or (
                self._surnames.get(name.split()[-1].lower()) if ent.label_ == "PERSON" else None
            )
            if hit:
                self._used.add(id(hit))
                return hit
        return self.by_role(span)

    def by_role(self, span: Span) -> _Ent | None:
        """A title-only mention ("the foreign minister") → the person most recently given that title."""
        head = span.root.lower_
        if span.root.pos_ not in ("NOUN", "PROPN") or span.ents:
            if not (
                span.ents and all(e.label_ in ("GPE", "NORP") for e in span.ents) and span.root.pos_ == "NOUN"
            ):
                return None
        best = None
        for start, e, _ in self.mentions:
            if start > span.start_char:
                break
            if e.type == "person" and any(head in r.lower().split() for r in e.roles):
                best = e
        if best:
            self._used.add(id(best))
        return best

    def nearest_person(self, before: int, exclude: str | None = None) -> _Ent | None:
        """The last person named before a character offset (pronoun antecedent), skipping `exclude`."""
        for start, e, _ in reversed(self.mentions):
            if start < before and e.type == "person" and e.name != exclude:
                self._used.add(id(e))
                return e
        return None

    def nearest_org(self, before: int) -> _Ent | None:
        for start, e, _ in reversed(self.mentions):
            if start < before and e.type == "org":
                self._used.add(id(e))
                return e
        return None

    def entities(self) -> list[Entity]:
        """People and organisations of the article, speakers' first."""
        ents = sorted(self._by_key.values(), key=lambda e: (id(e) not in self._used, e.name))
        return [
            Entity(id=e.id, name=e.name, type=e.type, aliases=tuple(e.aliases), roles=tuple(e.roles))
            for e in ents
        ]


def _roles(ent: Span) -> list[str]:
    """Titles given with a name: "Russian Foreign Minister Sergei Lavrov", "Lavrov, Russia's foreign minister"."""
    doc = ent.doc
    out = []
    i = ent.start - 1
    while (
        i >= 0 and doc[i].pos_ not in _ROLE_STOP_POS and doc[i].ent_type_ != "PERSON" and not doc[i].is_punct
    ):
        i -= 1
    if i + 1 < ent.start and doc[ent.start - 1].pos_ in ("NOUN", "PROPN"):
        out.append(doc[i + 1 : ent.start].text)
    for child in ent.root.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            toks = [t for t in child.subtree if not (t.dep_ == "det" and t.head == child)]
            toks = [t for t in toks if not t.is_punct or t.i not in (toks[0].i, toks[-1].i)]
            if 0 < len(toks) <= 10:
                out.append(doc[toks[0].i : toks[-1].i + 1].text)
    return out
