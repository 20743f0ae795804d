"""Canonical people and organisations of one article, with their aliases and roles.

A surname alone ("Lavrov") resolves to the fullest name the article uses for it ("Sergei Lavrov"), and
a title ("Russia's foreign minister") to the person the article gave that title. Entity ids hash the
type and normalized canonical name, so the same full name in two articles is the same entity; a person's name
is also folded over common transliteration variants, so "Sergey Lavrov" in one outlet and "Sergei Lavrov" in
another are one entity too (each spelling kept as an alias).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from counterpoint.records import Entity, name_key, normalize_text, stable_id

from .cues import words
from .first_names import given_name_gender
from .pipeline import HONORIFICS, OFFICES, SUBJECT_DEPS, TITLES, inside_word

_FEMALE = frozenset(
    {
        "mrs",
        "ms",
        "miss",
        "madam",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "actress",
        "queen",
        "princess",
        "lady",
        "wife",
        "mother",
        "daughter",
        "sister",
        "widow",
    }
)
_MALE = frozenset(
    {
        "mr",
        "sir",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "actor",
        "king",
        "prince",
        "lord",
        "husband",
        "father",
        "son",
        "brother",
        "widower",
    }
)
# what a pronoun says of the person it stands for
PRONOUN_GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
ORG_LABELS = ("ORG", "GPE", "NORP")
_OTHER = {"f": "m", "m": "f"}
PARTICLES = frozenset(
    {"van", "von", "de", "da", "del", "della", "di", "du", "der", "bin", "ibn", "al", "el", "la", "le"}
)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
LINKS = frozenset({"of", "for", "from", "to", "at", "in", "on", "with"})  # what follows a title's noun
# a mention that introduces someone not named before
_SOMEONE_NEW = frozenset({"a", "an", "another", "one", "some", "several"})
# what a person wrote or said: its owner or author is the speaker
WORKS = words("""
statement statements tweet tweets speech speeches remarks comments letter memo brief essay op-ed post posts
testimony analysis study book interview plan proposal words account
""")
_ROLE_STOP_POS = ("DET", "PUNCT", "VERB", "AUX", "PRON", "PART", "CCONJ", "SCONJ", "NUM", "SPACE")


@dataclass
class _Ent:
    name: str
    type: str
    label: str = "PERSON"
    gender: str | None = None  # "f" | "m": honorific, gendered title, pronouns, or a first name one sex bears
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        key = name_key(self.name) if self.type == "person" else org_key(self.name)
        return stable_id("e", self.type, key)


# A company's legal form, which one mention gives and the next leaves out ("Northwind Energy Plc" … "Northwind
# Energy"): not part of whom a name means.
_LEGAL_FORMS = frozenset({"plc", "inc", "corp", "ltd", "llc", "co", "lp", "sa", "ag", "nv", "se", "gmbh"})


def org_key(name: str) -> str:
    """An organisation's name case- and space-folded, without "the" or a trailing legal form."""
    words = normalize_text(name).removeprefix("the ").split()
    while len(words) > 1 and words[-1].strip(".,") in _LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words).rstrip(",.")  # "U.N." and "U.N" are one body


_EDGES = " \t\n,;:\"'\u201c\u201d\u2018\u2019"  # what surrounds a name and is no part of it
# a name whose last full stop is its own: "U.N.", "U.S.", "Martin Luther King Jr."
_ABBREVIATED = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros)\.)$")


def clean_name(text: str) -> str:
    """A name without possessive ending, honorific, office or surrounding punctuation ("Speaker Paul Ryan" and
    "Striker Tomas Varga" are Paul Ryan and Tomas Varga)."""
    text = text.strip(_EDGES)
    text = text.lstrip(".") if _ABBREVIATED.search(text) else text.strip(".")
    words = _POSSESSIVE.sub("", text.strip(_EDGES)).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS | OFFICES:
        words = words[1:]
    return " ".join(words)


class EntityIndex:
    """The article's entities and every mention's position, for speaker and pronoun resolution."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._by_key: dict[tuple[str, str], _Ent] = {}
        self._surnames: dict[str, _Ent] = {}
        self._namesakes: dict[str, list[_Ent]] = {}  # everyone named in full with a surname, in order
        self._at: dict[int, _Ent] = {}  # the person each PERSON mention was taken for, by its start
        self._first_at: dict[int, int] = {}  # where each person is first named, by id(entity)
        self._after: dict[int, Counter[str]] = {}  # the pronouns after a person's full names, by id(entity)
        self.mentions: list[tuple[int, _Ent, Token]] = []  # (char start, entity, head token)
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self._full_names = {n for n in (clean_name(e.text) for e in persons) if len(n.split()) >= 2}
        # the gender the article's honorifics give a surname alone most ("Mr. Obama" fifteen times)
        said = Counter((clean_name(e.text).lower(), g) for e in persons if (g := stated_gender(e)))
        self._usual = {name: g for (name, g), n in said.items() if n > said[(name, _OTHER[g])]}
        # Fullest names first, so "Lavrov" later finds "Sergei Lavrov"; a surname alone with an honorific
        # before one without, so "President Obama" finds the Mr. Obama who is not the first lady
        persons.sort(key=lambda e: (-len(clean_name(e.text).split()), _alone(e)))
        full = [e for e in persons if len(clean_name(e.text).split()) > 1]
        for ent in full:
            self._person(ent)
        for surname, same in self._namesakes.items():  # "Sanders" is Bernie, not "New Hampshire Sanders"
            self._surnames[surname] = min(same, key=lambda e: self._first_at[id(e)])
        self._pronoun_genders(full)  # before a surname alone picks among namesakes by gender
        self._given_name_genders(full)
        for ent in persons[len(full) :]:
            self._person(ent)
        for ent in doc.ents:
            if ent.label_ in ORG_LABELS:
                self._org(ent)
        self.mentions.sort(key=lambda m: m[0])
        self._used: set[int] = set()

    def _person(self, ent: Span) -> _Ent | None:
        name = _within(clean_name(ent.text), self._full_names)
        if not name or not name[0].isupper() or any(c.isdigit() for c in name):  # not "#Trump2016"
            return None
        words = name.split()
        surname = words[-1].lower()
        known = self._namesake(name, stated_gender(ent)) if len(words) == 1 else self._surnames.get(surname)
        if len(words) == 1 and known is None and surname not in self._namesakes:  # a first name alone
            known = self._first_named(name)
            if known is not None:
                self._by_key[("person", name.lower())] = known
        if known is not None and (len(words) == 1 or known.name.split()[0][0] == words[0][0]):
            e = known
        else:
            e = self._by_key.setdefault(("person", name.lower()), _Ent(name, "person"))
            self._surnames.setdefault(surname, e)
            if len(words) > 1 and e not in self._namesakes.setdefault(surname, []):
                self._namesakes[surname].append(e)
        if ent.text not in e.aliases:
            e.aliases.append(ent.text)
        for role in _roles(ent):
            if role not in e.roles:
                e.roles.append(role)
        e.gender = e.gender or stated_gender(ent)
        self.mentions.append((ent.start_char, e, ent.root))
        self._at[ent.start_char] = e
        self._first_at[id(e)] = min(ent.start_char, self._first_at.get(id(e), ent.start_char))
        return e

    def _pronoun_genders(self, named: list[Span]) -> None:
        """What the pronouns after a person's full names say of their gender where no honorific or title
        does: the first gendered subject or possessive pronoun in the writer's words, in the name's sentence
        or the next, with no other person named between ("Hillary Clinton said …. She added"). A pronoun
        may still point further back, so each counts only as a clear majority: after two names or more in
        subject position it is the person's gender; after any one name it only picks between namesakes
        (Bill and Hillary Clinton: "Mrs. Clinton" is the one a "she" followed)."""
        doc = self.doc
        starts = sorted(e.start for e in doc.ents if e.label_ == "PERSON")
        subjects = {e.start for e in doc.ents if e.label_ == "PERSON" and e.root.dep_ in SUBJECT_DEPS}
        subject: dict[int, Counter[str]] = {}
        people: dict[int, _Ent] = {}
        for ent in named:
            e = self._at.get(ent.start_char)
            sent = ent.sent
            if e is None or e.gender or any(sent.start <= s < ent.start for s in subjects):
                continue  # "When Kashiya Nwanguma learned that Donald J. Trump would come to where she …"
            stop = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
            stop = min(stop, next((s for s in starts if s >= ent.end), stop))
            g = next((PRONOUN_GENDERS[t.lower_] for t in doc[ent.end : stop] if _writers(ent, t)), None)
            if g:
                people[id(e)] = e
                self._after.setdefault(id(e), Counter())[g] += 1
                if ent.root.dep_ in SUBJECT_DEPS:
                    subject.setdefault(id(e), Counter())[g] += 1
        for key, e in people.items():
            e.gender = _majority(subject.get(key, Counter()), 2)

    def _given_name_genders(self, named: list[Span]) -> None:
        """Where neither an honorific nor the pronouns settle a person's gender, a first name one sex bears
        almost alone does; not where two pronouns after the name say otherwise ("Kim Jong Un said that his
        …"), nor where the article's honorifics give a name only this person bears the other gender ("Mr.
        Graham" for Lindsey Graham, "Mr. Lou" for Lou Jiwei, whose family name comes first). One pronoun is
        too little: it is often the next person's ("… an ally in Hillary Clinton. He thinks she …")."""
        bearers = Counter(w for name in self._full_names for w in set(name.lower().split()))
        for ent in named:
            e = self._at.get(ent.start_char)
            if e is None or e.gender or not (g := given_name_gender(e.name)):
                continue
            titled = {self._usual.get(w) for w in e.name.lower().split() if bearers[w] == 1}
            if self._leaning(e, 2) in (None, g) and _OTHER[g] not in titled:
                e.gender = g

    def _namesake(self, surname: str, gender: str | None) -> _Ent | None:
        """Who a surname alone is: the first named in full with it (or a surname alone the text already set
        apart) who is not of another gender than an honorific or title gives it ("Mr. Obama" is not "the
        first lady, Michelle Obama"), or than the article's honorifics give that surname most. One of no known
        gender whom the pronouns after their full names lean to the other gender comes last."""
        same = sorted(self._namesakes.get(surname.lower(), []), key=lambda e: self._first_at[id(e)])
        alone = self._by_key.get(("person", surname.lower()))
        same += [alone] if alone is not None and alone not in same else []
        gender = gender or self._usual.get(surname.lower())
        if gender:  # those the pronouns lean to the other gender last
            same = [e for e in same if e.gender in (None, gender)]
            same.sort(key=lambda e: e.gender is None and self._leaning(e) not in (None, gender))
        return same[0] if same else None

    def _leaning(self, e: _Ent, least: int = 1) -> str | None:
        """The gender at least `least` of the pronouns after a person's full names suggest, if any."""
        return _majority(self._after.get(id(e), Counter()), least)

    def _first_named(self, name: str) -> _Ent | None:
        """ "Bernie" alone is Bernie Sanders when the article names no one else Bernie and names him by his
        surname alone too; "Xi" is Xi Jinping when the article says "Mr. Xi" (a family name first). The full
        name must stand in the body: a headline's title case makes names ("Obama Says")."""
        full = [n for n in self._full_names if n.split()[0] == name]
        if len(full) != 1:
            return None
        body = self.doc.text.find("\n")
        if not any(
            e.label_ == "PERSON" and e.start_char > body and clean_name(e.text) == full[0]
            for e in self.doc.ents
        ):
            return None
        surname = full[0].split()[-1]
        family_first = any(
            t.text == name and t.i and t.nbor(-1).lower_.rstrip(".") in HONORIFICS for t in self.doc
        )
        if not family_first and sum(t.text == surname for t in self.doc) < 2:
            return None
        return self._by_key.get(("person", full[0].lower()))

    def _org(self, ent: Span) -> _Ent:
        end = ent.end  # the tagger's "the ministry on" (Monday): no name ends in a preposition
        while end > ent.start + 1 and ent.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
            end -= 1
        ent = ent.doc[ent.start : end]
        name = clean_name(ent.text)
        if name.lower().startswith("the "):
            name = name[4:]
        person = self._surnames.get(name.lower()) if " " not in name else None
        if person is not None:  # the tagger's "ORG" for a bare surname it already knows as a person
            self.mentions.append((ent.start_char, person, ent.root))
            return person
        e = self._by_key.setdefault(("org", org_key(name)), _Ent(name, "org", label=ent.label_))
        if e.name.isupper() and not name.isupper():
            e.name = name  # "MOSCOW" in a dateline, "Moscow" in the text
        if ent.text not in e.aliases:
            e.aliases.append(ent.text)
        self.mentions.append((ent.start_char, e, ent.root))
        return e

    def lookup(self, span: Span) -> _Ent | None:
        """The entity a mention names: the person it is about first (not one it names on the way: "former
        aides to John Kerry" are not Kerry), then the organisation that heads it ("Russia's Defense
        Ministry", not "Russia"; but not "Russian officials", who are not Russia), then a surname alone,
        then a role."""
        persons = [
            e for e in span.ents if e.label_ == "PERSON" and (_names(e, span.root) or _named_last(e, span))
        ]
        for ent in persons:
            name = clean_name(ent.text)
            hit = (
                self._at.get(ent.start_char)
                or self._by_key.get(("person", name.lower()))
                or self._surnames.get(name.split()[-1].lower())
            )
            if hit:
                return self._use(hit)
        root = span.root
        # no first name, and not one of several ("Rubio, Cruz and Kasich")
        bare = root.pos_ == "PROPN" and not any(c.dep_ in ("compound", "conj") for c in root.children)
        if bare and root.ent_type_ in ("", "PERSON") and root.lower_ in self._surnames:
            return self._use(self._surnames[root.lower_])  # "Schiff, 56, who has served on the … Committee"
        orgs = [e for e in span.ents if e.label_ in ORG_LABELS]
        head = next((e for e in orgs if e.start <= span.root.i < e.end), None)
        if head is None and span.root.lower_ in WORKS:  # "the State Department's statement": its author
            head = next((e for e in orgs if e.root.dep_ == "poss" and e.root.head == span.root), None)
        if head is None and span.root.pos_ == "NOUN":
            orgs = []  # "pro-Russian authorities", "officials in Simferopol": people, not the place
        elif head is None:  # "The Russian foreign ministry" (the parser may call it a name) is not "Russian"
            orgs = [e for e in orgs if e.label_ != "NORP"]
        if orgs:
            if head is not None and head != orgs[0] and orgs[0].end <= head.start:
                return self._use(self._compound_org(span.doc[orgs[0].start : head.end]))
            ent = head or orgs[-1]
            name = clean_name(ent.text).lower().removeprefix("the ")
            hit = self._by_key.get(("org", org_key(name)))
            if hit is None and ent is head and " " not in name:  # "Rendell, a Clinton surrogate", tagged ORG
                hit = self._surnames.get(name)
            if hit:
                return self._use(hit)
        words = [t for t in span if t.text != "."]  # "MS. ALVAREZ:", a transcript's label
        if any(t.pos_ == "PROPN" for t in words) and all(t.pos_ == "PROPN" or inside_word(t) for t in words):
            surname = clean_name(span.text).split()[-1].lower()  # "Mr Rees-Mogg": "rees-mogg"
            if surname in self._surnames:
                return self._use(self._surnames[surname])
        known = self._surnames.get(span.text.lower()) if len(span) == 1 else None
        if known is not None and known.name.split()[-1] == span.text:  # "Sanders countered", parsed as plural
            return self._use(known)
        return self.by_role(span)

    def _compound_org(self, span: Span) -> _Ent:
        name = span.text
        e = self._by_key.setdefault(("org", org_key(name)), _Ent(name, "org", label="ORG"))
        if name not in e.aliases:
            e.aliases.append(name)
        return e

    def _use(self, e: _Ent) -> _Ent:
        self._used.add(id(e))
        return e

    def by_role(self, span: Span) -> _Ent | None:
        """A title-only mention ("the foreign minister") → the person most recently given that title; "the
        union" → the organisation most recently named on that noun ("the Transit Workers Union")."""
        places_only = span.ents and all(e.label_ in ("GPE", "NORP") for e in span.ents)  # "Russia's minister"
        if span.root.tag_ not in ("NN", "NNP") or (
            span.ents and not (places_only and span.root.pos_ == "NOUN")
        ):
            return None
        if span[0].lower_ in _SOMEONE_NEW:  # "a Crimean Tatar community leader" is not the Crimean leader
            return None
        best = None
        for start, e, _ in self.mentions:
            if start > span.start_char:
                break
            if _described(e, span):
                best = e
        if best is None and span.root.lower_ in TITLES and "\n" not in self.doc.text[: span.start_char]:
            # a headline's "U.S. senator says" is the senator the story then names ("Senator Rand Paul")
            best = next(
                (e for start, e, _ in self.mentions if start > span.end_char and _described(e, span)), None
            )
        return self._use(best) if best else None

    def nearest_person(
        self, before: int, exclude: str | None = None, gender: str | None = None
    ) -> _Ent | None:
        """The last person named before a character offset (pronoun antecedent), skipping `exclude` and
        anyone the text has shown to be of the other gender."""
        for start, e, _ in reversed(self.mentions):
            if (
                start < before
                and e.type == "person"
                and e.name != exclude
                and not (gender and e.gender not in (None, gender))
            ):
                return self._use(e)
        return None

    def last_mention(self, e: _Ent, before: int) -> int:
        """Where the entity was last mentioned before a character offset (-1: not before it)."""
        return max((start for start, m, _ in self.mentions if m is e and start < before), default=-1)

    def gender(self, entity_id: str | None) -> str | None:
        """The gender the text has shown for the entity with this id, if any."""
        found = (e for e in self._by_key.values() if entity_id and e.id == entity_id)
        return next((e.gender for e in found), None)

    def referred_to(self, e: _Ent, gender: str) -> None:
        """A pronoun resolved to the person who spoke just before shows their gender, so a later "she" skips a
        man the text called "he" ("Former Gov. Tom Albright said …. '…,' he said. She once said …": not
        Albright). Only that resolution, the surest: a wrong guess here would misname every later pronoun."""
        e.gender = e.gender or gender

    def nearest_org(self, before: int, since: int = -1) -> _Ent | None:
        """The last organisation named before a character offset (and after `since`)."""
        for start, e, _ in reversed(self.mentions):
            if since < start < before and e.type == "org":
                return self._use(e)
        return None

    def entities(self) -> list[Entity]:
        """People and organisations of the article, speakers first; places and nationalities only
        where they speak ("Moscow dismissed the idea")."""
        unique = {id(e): e for e in self._by_key.values()}.values()  # "Xi" is a key of Xi Jinping's too
        ents = [e for e in unique if e.label in ("PERSON", "ORG") or id(e) in self._used]
        ents.sort(key=lambda e: (id(e) not in self._used, e.name))
        return [
            Entity(id=e.id, name=e.name, type=e.type, aliases=tuple(e.aliases), roles=tuple(e.roles))
            for e in ents
        ]


# What a body is called by another word ("North Yorkshire Police said …. the force said")
_CALLED = {"force": ("police", "constabulary", "service")}


def _majority(votes: Counter[str], least: int) -> str | None:
    """The gender at least `least` pronouns gave and three times as many as gave the other, if any."""
    g = max(votes, key=lambda k: votes[k], default=None)
    return g if g and votes[g] >= least and votes[g] >= 3 * votes[_OTHER[g]] else None


def _writers(ent: Span, t: Token) -> bool:
    """A gendered subject or possessive pronoun in the writer's words after a name: one inside a quote is the
    speaker's own, and an object is seldom the subject just named ("McCaskill scolded him")."""
    between = ent.doc.text[ent.end_char : t.idx]
    quoted = sum(between.count(q) for q in '"\u201c\u201d') % 2
    return t.dep_ in (*SUBJECT_DEPS, "poss") and t.lower_ in PRONOUN_GENDERS and not quoted


def _alone(ent: Span) -> bool:
    """A surname alone with no honorific or gendered title: resolved after those that have one."""
    return len(clean_name(ent.text).split()) == 1 and stated_gender(ent) is None


def _described(e: _Ent, span: Span) -> bool:
    """Whether a description is this entity: a person given its head as a title, or, said with "the", a body
    whose name is built on its head and holds its other words ("the appeals court" is no Supreme Court). A
    one-word name ("Council" of "Council leader") would add nothing to the description."""
    head = span.root.lower_
    if len(span) == 2 and span[0].lower_ == "the" and head_word(e.name) in _CALLED.get(head, ()):
        return True  # whatever the NER took "North Yorkshire Police" for
    if e.type == "person":
        return any(_titled(head, r) for r in e.roles)
    name = e.name.lower().split()
    words = {t.lower_ for t in span[1:]}
    return span[0].lower_ == "the" and len(name) > 1 and head_word(e.name) == head and words <= set(name)


def _titled(head: str, role: str) -> bool:
    """Whether a role's title is this word: "minister" in "foreign minister", "secretary" in "Secretary of
    State"; not a word describing the title ("council" in "Council leader"), nor the body it serves ("union"
    in "president of the Transit Workers Union": "the union" is not its president). A title before a name
    may be caught with words before it ("endorsement of Senator"): there an office ends it."""
    words = role.lower().split()
    return head_word(role) == head or (bool(words) and words[-1] == head and head in TITLES)


def head_word(name: str) -> str:
    """The noun a title or a body's name is built on: "ambassador" in "ambassador to the UN", "fund" in
    "International Monetary Fund", "institute" in "Potsdam Institute for Climate Impact Research"."""
    words = name.lower().split()
    cut = next((i for i, w in enumerate(words) if w in LINKS and i), len(words))
    return words[cut - 1] if words else ""


def _names(person: Span, root: Token) -> bool:
    """Whether a person's name inside a mention is who the mention is: its head ("Clinton spokeswoman
    Jennifer Palmieri"), in apposition to its head ("Ukraine's foreign minister, Andriy Deshchytsia") or to
    the end of its head's phrase ("an attorney for Pagliano, Mark MacDougall"), a title's holder the parse
    hung on "of" ("Chairman of the Joint Chiefs Gen. Joseph Dunford"), or the author of words ("Ivanka
    Trump's statement"); not a name in a modifier ("aides to John Kerry", "an official who worked for
    Kerry", "a friend of Trump", "the Clinton campaign")."""
    head = person.root
    if person.start <= root.i < person.end or (head.dep_ == "appos" and head.head == root):
        return True
    if head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.head == root:
        return True  # "an attorney for Pagliano, Mark MacDougall": the parse hangs the name on Pagliano
    if root.dep_ == "appos" and person.start <= root.head.i < person.end:
        return True
    if root.lower_ in WORKS:  # "Ivanka Trump's statement", "a Trump tweet", "a study by Justin Levitt"
        owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("by", "from") else head.head
        if owner == root and head.dep_ in ("poss", "compound", "pobj"):
            return True
    titled = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head == root
    return titled and head.left_edge.i < person.start


def _named_last(person: Span, mention: Span) -> bool:
    """Whether a name ending a mention is who it is after a title the parse broke up: "Tulsa police Chief
    Chuck Jordan", which it reads as a verb "Tulsa" with a title hung on it. Not after a preposition or a
    comma ("aides to John Kerry", "the spokesman for Mr. Obama")."""
    before = mention[: person.start - mention.start]
    words = all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or t.is_title for t in before)
    return person.end == mention.end and words and not any(t.is_punct or t.pos_ == "ADP" for t in before)


def _within(name: str, full_names: Iterable[str]) -> str:
    """The article's own full name inside a longer one that a headline's title case or an epithet made:
    "Crooked Hillary Clinton" and "Hillary Clinton Slams" are Hillary Clinton when the article also names her
    plainly. A generational suffix stays ("Donald Trump Jr." is not his father), and so does a first name
    before a surname with a particle ("Chandler Van Voorhis" is not just "Van Voorhis")."""
    words = name.split()
    if len(words) < 3 or words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv"):
        return name
    inner = [
        n
        for n in full_names
        if len(n.split()) < len(words) and f" {n} " in f" {name} " and n.split()[0].lower() not in PARTICLES
    ]
    # the longest; of two as long ("Crooked Hillary", "Hillary Clinton"), the one that ends as the name does
    return max(inner, key=lambda n: (len(n.split()), n.split()[-1] == words[-1], n)) if inner else name


def _roles(ent: Span) -> list[str]:
    """Titles given with a name: "Foreign Minister Sergei Lavrov", "Lavrov, Russia's foreign minister"."""
    doc = ent.doc
    out = []
    i = ent.start - 1
    while (
        i >= 0 and doc[i].pos_ not in _ROLE_STOP_POS and doc[i].ent_type_ != "PERSON" and not doc[i].is_punct
    ):
        i -= 1
    # not the words leading up to the title ("by telephone with Russian Foreign Minister …", "clear to …")
    i = max([i, *(t.i for t in doc[i + 1 : ent.start] if t.pos_ == "ADP" and t.lower_ != "of")])
    if i + 1 < ent.start and doc[ent.start - 1].pos_ in ("NOUN", "PROPN"):
        out.append(doc[i + 1 : ent.start].text)
    # a date beside a name is when, not who ("— Mayor Elena Vasquez (@MayorVasquez) March 14, 2023")
    titles = [c for c in ent.root.children if c.dep_ == "appos" and c.ent_type_ not in ("PERSON", "DATE")]
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.pos_ == "NOUN" and head.ent_type_ != "PERSON":
        titles.append(head)  # "Mexico's foreign minister, Marcelo Ebrard, ..."
    for title in titles:
        toks = [t for t in title.subtree if not (t.dep_ == "det" and t.head == title) and not t.is_space]
        if title is head:  # the title's words before the name, not the name or what follows it
            toks = [t for t in toks if t.i < ent.start]
        while toks and toks[-1].is_punct:
            toks.pop()
        while toks and toks[0].dep_ in ("det", "poss") and toks[0].pos_ in ("DET", "PRON"):
            toks.pop(0)  # "The state's attorney general", "Your predecessor"
        toks = [t for t in toks if not t.is_punct or t.i not in (toks[0].i, toks[-1].i)]
        if 0 < len(toks) <= 10 and any(t.is_alpha for t in toks):  # not an age ("Kessler, 71,")
            out.append(doc[toks[0].i : toks[-1].i + 1].text)
    return out


def stated_gender(ent: Span) -> str | None:
    """Gender as the text states it: an honorific before the name or a gendered title given with it."""
    doc = ent.doc
    words = [doc[ent.start - 1].lower_.rstrip(".")] if ent.start else []
    words += [w.lower().rstrip(".") for w in ent.text.split()[:1]]
    for role in _roles(ent):
        words += role.lower().split()
    for w in words:
        if w in _FEMALE:
            return "f"
        if w in _MALE:
            return "m"
    return None
