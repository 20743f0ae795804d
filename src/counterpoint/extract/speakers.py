"""Speaker resolution: from the words that name a speaker to a canonical name and type.

Kinds of speaker: named people and organisations (via the article's EntityIndex), titles resolved to
the person holding them, relative pronouns to their antecedent, personal pronouns to the nearest
compatible person (or organisation for "it"/"they"), "I"/"we" inside a quote to whoever is quoted, and
anonymous sources ("a senior diplomat", "officials") kept as they are written.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from .candidate import Candidate
from .cues import ADDRESSEE_DEPS, words
from .entities import PARTICLES, PRONOUN_GENDERS, WORKS, EntityIndex, stated_gender
from .pipeline import SUBJECT_DEPS, inside_word

PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_POSSESSIVE = ("his", "her")
GROUP = frozenset({"they", "them", "it", "its", "their"})
PLURAL = frozenset({"they", "them", "their"})
FIRST = frozenset({"i", "we", "me", "us"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


def antecedent(tok: Token) -> Token | None:
    """What a relative pronoun stands for, where the parse hangs its clause there ("customers who were told",
    "the department, which said")."""
    return tok.head.head if tok.lower_ in RELATIVE and tok.head.dep_ in ("relcl", "acl") else None


ANONYMOUS = re.compile(
    r"\b(officials?|sources?|diplomats?|aides?|people familiar|insiders?|observers|analysts|critics|"
    r"supporters|advisers?|advisors?|spokes(?:man|woman|person)|someone|experts?|members?|lawmakers|"
    r"residents|witnesses|voters|officers?)\b",
    re.I,
)

# what wire copy calls a company it has just named ("Pfizer Inc said … The drugmaker, which …, said")
BUSINESSES = words("""
company firm drugmaker automaker carmaker utility retailer airline insurer manufacturer maker supplier
lender bank operator brewer chain
""")
# Bodies named by what they are ("the foreign ministry", "the regulator"), which an "it" just after refers to.
INSTITUTIONS = words("""
ministry department agency government council commission committee court regulator authority embassy
parliament cabinet administration office army military police force prosecutor prosecutors service board
""")
# Texts that say things ("the article read"), which an "it" just after refers to.
TEXTS = words("""
article report story editorial column statement letter memo post study analysis survey poll review filing
complaint ruling readout transcript document email ad lawsuit paper
""")
CORPORATE = words("""
inc corp co ltd llc plc se ag sa nv corporation company energy airlines airways motors pharmaceuticals
holdings technologies industries
""")
COMPANY_REACH = 600  # characters: the company that spoke in this paragraph or the one before

PEOPLE = re.compile(
    r"^(leader|owner|lawyer|attorney|father|mother|wife|husband|son|daughter|brother|sister|friend|"
    r"neighbou?r|resident|councill?or|manager|executive|director|founder|chair(?:man|woman)?|candidate|"
    r"senator|minister|professor|researcher|doctor|nurse|teacher|student|worker|farmer|veteran|survivor)$",
    re.I,
)


def resolve_speakers(doc: Doc, cands: list[Candidate], index: EntityIndex, author: str | None = None) -> None:
    """Fill speaker_name/type/entity for each candidate in text order, parents before their children.

    A pronoun with no one to resolve it to gets no name: it is no one's name, and `who` and the same-speaker
    search would pool every unresolved "he" as one person. Its mention stays. "I" in no one's words is the
    `author` when the byline names one ("I have argued for years that …" in a column)."""
    last: Candidate | None = None  # the last singular speaker, for a pronoun with no named antecedent
    speakers: dict[int, Candidate] = {}  # one person's speakers (named or described), by head token
    described: dict[str, Candidate] = {}  # the last speaker described at length, by head noun
    company: Candidate | None = None  # the last company that spoke, for "the company", "the drugmaker"
    body: Candidate | None = None  # the last organisation that spoke, for "it said" just after
    several: Candidate | None = None  # the last speaker who is many people ("the people", "officials")
    previous: Candidate | None = None  # the last statement with a speaker, not inside another's words
    for cand in _parents_first(cands):
        if cand.speaker is None:
            continue
        said_before = previous
        previous = cand if cand.parent is None else previous
        span = doc.char_span(*cand.speaker, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = cand.speaker_token if cand.speaker_token is not None else span.root
        low = head.lower_
        prior = doc[head.i - 1] if head.i else head  # "which" after a noun, "who" after a name
        misparsed = (low == "which" and prior.pos_ in ("NOUN", "PROPN")) or (
            low == "who" and prior.ent_type_ == "PERSON"
        )
        ant = antecedent(head)
        if ant is None and misparsed:
            ant = prior  # "turned to the Chicago Police Department which reported …", its verb the sentence's
        if ant is not None:
            # "her son, David Marsh, who said …": the name given beside a description
            ant = next(
                (c for c in ant.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i < head.i),
                ant,
            )
            span = doc[ant.left_edge.i : ant.i + 1]
            low = ant.lower_
        owner = _whose_work(head)
        if owner is not None:
            span, head, low = owner, owner.root, owner.root.lower_
        ent = None
        parent = cands[cand.parent] if cand.parent is not None else None
        if low in PERSONAL and len(span) == 1:
            gender = PRONOUN_GENDERS[low]
            # '"Trump is a disaster," he said': he is whoever was named before the quote, not a name in it
            before = min(cand.speaker[0], cand.content[0]) if cand.content else cand.speaker[0]
            # '"He made it clear to me …," Paul said': the one quoted would say "I", so he is someone else
            # and in "Bradley said she had told him …", him is Bradley, so she is someone else
            told = parent is not None and (parent.kind == "direct" or _told_back(cand))
            quoted = parent.speaker_name if told else None
            actor = _actor(doc, before, speakers)
            if actor is not None and actor.ent_type_ != "PERSON":  # "He added …. '…,' he said": the same he
                # but not "Mr Achterberg …. The barrister also asked …. She said …": not the barrister
                if actor.lower_ in PERSONAL:
                    same = PRONOUN_GENDERS[actor.lower_] == gender
                else:
                    same = index.gender(speakers[actor.i].speaker_entity) in (None, gender)
                if same and speakers[actor.i].speaker_name != quoted:
                    _speaks_as(cand, speakers[actor.i])
                    speakers[head.i] = last = cand
                    continue
            elif actor is not None:
                ent = index.lookup(next(e for e in doc.ents if e.start <= actor.i < e.end))
                if ent is not None and (ent.type != "person" or ent.gender not in (None, gender)):
                    ent = None
                if ent is not None and quoted is not None and ent.name == quoted:
                    ent = None
                # "Albright said …. '…,' he said": he who spoke just before, so Albright is a man
                if ent is not None and actor.i in speakers and _says(cand, head):
                    index.referred_to(ent, gender)
            if ent is None and _spoke_last(last, index, before, quoted, gender):
                _speaks_as(cand, last)  # "Schiff called on …" with a "Schiff" the NER did not tag
                speakers[head.i] = last = cand
                continue
            ent = ent or index.nearest_person(before, exclude=quoted, gender=gender)
            if ent is None:  # with no one named before it, "he" stays unresolved rather than a name "He"
                if last is not None and last.speaker_name != quoted:
                    cand.speaker_name, cand.speaker_type = last.speaker_name, last.speaker_type
                continue
        elif low in GROUP and len(span) == 1:
            if parent is not None and _same_body(doc, parent, low):  # "the council said it could not …"
                _speaks_as(cand, parent)
                continue
            if low == "it" and body is not None and (_just_before(doc, body, head) or said_before is body):
                _speaks_as(cand, body)  # "The company said …. '…,' it said": not the city named before
                continue
            text = _text_before(head) if low == "it" else None
            if text is not None:  # "The email includes a photo of Cruz …. At the bottom it reads …"
                cand.speaker_name, cand.speaker_type = _plain(text), "role"
                continue
            # "…, the people said. The talks could still fall apart, they cautioned": unless an organisation
            # has been named since, "they" are the people who last spoke: in this sentence or the one before,
            # with "they" the main clause's subject (not "Romney released his returns, though they exposed …")
            main = cand.cue_token is not None and cand.cue_token.dep_ in ("ROOT", "parataxis")
            latest = several is not None and low in PLURAL and main and _just_before(doc, several, head)
            since = several.speaker[0] if latest else -1
            people = _people_before(head) if low in PLURAL and main and not latest else None
            if people is not None:  # "The researchers followed 495,000 adults. They found …"
                cand.speaker_name, cand.speaker_type = _plain(people), "anonymous"
                continue
            ent = index.nearest_org(cand.speaker[0], since)
            if ent is None and since >= 0:
                _speaks_as(cand, several)
                continue
            if ent is None:  # "they" or "its" with no organisation named before it: no one we can name
                continue
        elif low in FIRST and len(span) == 1:
            if parent is not None and parent.speaker_name:
                _speaks_as(cand, parent)
            elif parent is None and author and low in ("i", "me"):
                cand.speaker_name, cand.speaker_type = author, "person"
            continue
        elif _joint(span, head):  # "Lavrov and Kerry had agreed …" is neither one alone, in `who` or anywhere
            words = span[1:] if span[0].lower_ in ("the", "a", "an") else span
            cand.speaker_name, cand.speaker_type = words.text, "group"
            continue
        else:
            owner = _its_owner(head)
            if owner is not None:  # "The Russian foreign ministry gave a different emphasis. Its statement …"
                span, head = owner, owner.root
            ent = index.lookup(span)
            earlier = described.get(head.lower_) if _bare(span, head) else None
            # "Tupou, Tonga's negotiator, …. Then one Dutch negotiator said …. The negotiator …": the Dutch
            if ent and earlier and index.last_mention(ent, span.start_char) < earlier.speaker[0]:
                ent = None
            if ent is None and earlier is None and company and _the_business(span, head):
                earlier = company if cand.speaker[0] - company.speaker[0] < COMPANY_REACH else None
            if ent is None and earlier is not None:  # "Iran's mission to the UN denied … the mission said"
                _speaks_as(cand, earlier)
                several = cand if head.tag_ == "NNS" else several  # "the people said"
                body = cand if _the_business(span, head) or _a_text(span, head) else body
                continue
        if ent is not None:
            cand.speaker_name, cand.speaker_type, cand.speaker_entity = ent.name, ent.type, ent.id
        else:
            cand.speaker_name = _plain(span)
            cand.speaker_type = "anonymous" if ANONYMOUS.search(span.text) or head.tag_ == "NNS" else "role"
            if (
                head.pos_ == "NOUN"
                and not _bare(span, head)
                and not any(c.dep_ == "case" for c in head.children)
            ):
                described[head.lower_] = cand  # not "the woman's": she is not her own enthusiasm
        # "Pfizer Inc", "Duke Energy": a name that says it is a company's; "The manufacturer, Brightvale
        # Nutrition": a company's kind with its name
        named_kind = head.lower_ in BUSINESSES and len(span) > 2 and span[0].lower_ == "the"
        if cand.speaker_type != "person" and (span[-1].lower_.rstrip(".") in CORPORATE or named_kind):
            company = cand
        if cand.speaker_type == "org" or any(f(span, head) for f in (_the_business, _institution, _a_text)):
            body = cand if head.tag_ not in ("NNS", "NNPS") else body
        if cand.speaker_type in ("person", "role"):
            last = cand
        elif cand.speaker_type == "anonymous" and head.tag_ == "NNS":
            several = cand
        if cand.speaker_type == "person" or _someone(span, head):
            speakers[head.i] = cand


# The fewest words a quote must repeat to be taken as the same words said again.
_REPEATED = 5
_WORD = re.compile(r"[\w'\u2019]+")


def repeated_speakers(text: str, cands: list[Candidate]) -> None:
    """A quote with no speaker is whoever the article has saying the same words: a fact check's "Claim: '…'"
    that the story then attributes ('"…," Halvorsen said in the video'). Five words or more, in the same
    order; the speaker's name and entity, not a mention (there is none). Quotes are matched through their
    five-word runs, so a transcript of thousands of quotes costs their words, not their pairs."""
    runs: dict[tuple[str, ...], list[tuple[tuple[str, ...], Candidate]]] = {}
    for c in cands:
        if c.speaker_name and c.content and c.kind in ("direct", "mixed"):
            ws = _words(text, c)
            for k in range(len(ws) - _REPEATED + 1):
                runs.setdefault(ws[k : k + _REPEATED], []).append((ws, c))
    for cand in cands:
        if cand.speaker_name or cand.speaker is not None or cand.kind not in ("direct", "mixed"):
            continue
        mine = _words(text, cand)
        if len(mine) < _REPEATED:
            continue
        near = (o for k in range(len(mine) - _REPEATED + 1) for o in runs.get(mine[k : k + _REPEATED], ()))
        source = next(
            (
                c
                for ws, c in near
                if (_within(mine, ws) or _within(ws, mine))
                and not (c.content[0] < cand.content[1] and cand.content[0] < c.content[1])  # said again
            ),
            None,
        )
        if source is not None:
            _speaks_as(cand, source)


def _words(text: str, cand: Candidate) -> tuple[str, ...]:
    pieces = cand.pieces or [cand.content]
    return tuple(w.lower() for a, b in pieces for w in _WORD.findall(text[a:b]))


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def sole_author(byline: str | None) -> str | None:
    """The one person a byline names ("Rachel Okafor", "Daniel Reyes, contributing columnist"), else None:
    with two authors, or an agency or a desk, "I" is no one we can name."""
    name = (byline or "").removeprefix("By ").split(",")[0].strip()
    names = name.split()
    if not 2 <= len(names) <= 4 or any(w.lower() in ("and", "&", "|", "staff", "desk") for w in names):
        return None
    return name if all(w[:1].isupper() or w in PARTICLES for w in names) else None


def _bare(span: Span, head: Token) -> bool:
    """ "the mission", "the diplomat": a head noun and its article, pointing back to a fuller description."""
    return len(span) == 2 and span[0].lower_ == "the" and span[1] == head


def _the_business(span: Span, head: Token) -> bool:
    """ "The drugmaker, which is developing …": a company's kind, with nothing to tell it from the last."""
    return head.lower_ in BUSINESSES and _bare(span[:2], head)


def _institution(span: Span, head: Token) -> bool:
    """ "The foreign ministry posted a statement. It said …": a body named by what it is."""
    return head.lower_ in INSTITUTIONS and span[0].lower_ == "the"


def _a_text(span: Span, head: Token) -> bool:
    """'"…," the article read. "…," it added': a text that says things, which an "it" after it is."""
    return head.lower_ in TEXTS and span[0].lower_ == "the"


def _text_before(it: Token) -> Span | None:
    """A text that the main clause before an "it" is about, in its sentence or the one before, when no
    statement of its own made it a speaker ("the paper notes …, it lists …")."""
    doc, sent = it.doc, it.sent
    for s in (sent, doc[sent.start - 1].sent) if sent.start else (sent,):
        subject = next((c for c in s.root.children if c.dep_ in SUBJECT_DEPS and c.i < it.i), None)
        words = doc[subject.left_edge.i : subject.i + 1] if subject is not None else None
        if words is not None and subject.tag_ == "NN" and _a_text(words, subject):
            return words
    return None


def _just_before(doc: Doc, cand: Candidate, tok: Token) -> bool:
    """Whether a candidate's speaker is in the sentence of `tok` or the one before it."""
    at = doc.char_span(*cand.speaker, alignment_mode="expand")
    sent = tok.sent
    return at is not None and (
        at.start >= sent.start or (sent.start > 0 and at.start >= doc[sent.start - 1].sent.start)
    )


def _parents_first(cands: list[Candidate]) -> list[Candidate]:
    """Text order, but a direct quote's speaker before the words nested in it: in '"I told him …," Paul
    said' the speaker comes after them, and "I" is whoever the quote is by."""
    order: list[Candidate] = []
    seen: set[int] = set()

    def visit(i: int) -> None:
        if i in seen:
            return
        seen.add(i)
        parent = cands[i].parent
        if parent is not None and cands[parent].kind == "direct":
            visit(parent)
        order.append(cands[i])

    for i in sorted(range(len(cands)), key=lambda i: cands[i].region()[0]):
        visit(i)
    return order


def _speaks_as(cand: Candidate, other: Candidate) -> None:
    """`cand` is said by whoever `other` was resolved to: its name, kind and entity."""
    cand.speaker_name, cand.speaker_type = other.speaker_name, other.speaker_type
    cand.speaker_entity = other.speaker_entity


def _someone(span: Span, head: Token) -> bool:
    """One person the article introduces without a name ("a Crimean Tatar community leader", "Pagliano's
    lawyer", "my father"), who may go on speaking as "he" or "she". A definite description ("the
    Republican nominee") is more often someone already named."""
    first = span[0]
    introduced = first.lower_ in ("a", "an", "another") or first.dep_ == "poss"
    return introduced and head.tag_ == "NN" and bool(ANONYMOUS.search(head.text) or PEOPLE.search(head.text))


def _same_body(doc: Doc, parent: Candidate, pronoun: str) -> bool:
    """Whether "it" or "they" in what an organisation or a group said is that speaker itself: "the council
    said it could not yet confirm …", "officials said they would …". Not a person (he or she would be), "it"
    not a plural ("officials said it would …" is something else), "they" not a text ("the statement noted
    they had …" is whoever the statement is about)."""
    if not parent.speaker_name or parent.speaker_type == "person" or parent.speaker is None:
        return False
    said_by = doc.char_span(*parent.speaker, alignment_mode="expand")
    if said_by is None:
        return False
    if pronoun in ("it", "its"):
        return said_by.root.tag_ not in ("NNS", "NNPS")
    return said_by.root.lower_ not in WORKS


def _whose_work(head: Token) -> Span | None:
    """Whose a statement, remarks or an account given by "his" or "her" is: the person the sentence goes on
    to name as its subject ("In her statement condemning the test, Hillary Clinton defended …"), else the
    pronoun, to resolve as a "she" there would be ("According to her account, …")."""
    if head.lower_ not in WORKS:
        return None
    mine = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE), None)
    if mine is None:
        return None
    doc, root = head.doc, head.sent.root
    # the subject of its own clause: "When Mr. Trump tried to defend his remarks …, Kasich said" is Trump's,
    # "the former president, who spent much of his 30-minute speech …" the former president's
    own = next((c for a in head.ancestors if a != root for c in a.children if c.dep_ in SUBJECT_DEPS), None)
    if own is not None and own.i < head.i:
        if own.lower_ == "who" and own.head.dep_ == "relcl" and own.head.head.pos_ in ("NOUN", "PROPN"):
            return doc[own.head.head.left_edge.i : own.head.head.i + 1]
        if own.ent_type_ == "PERSON":
            return doc[own.left_edge.i : own.i + 1]
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i > head.i), None)
    if (
        subject is not None
        and subject.ent_type_ == "PERSON"
        and own is None
        and not head.is_ancestor(subject)
    ):
        return doc[subject.left_edge.i : subject.i + 1]
    return doc[mine.i : mine.i + 1]


def _its_owner(head: Token) -> Span | None:
    """Whose "its" a text is that opens a sentence: the body the sentence before is about ("The Russian
    foreign ministry gave a different emphasis. Its statement said …"), not a person nor many."""
    if head.lower_ not in WORKS or head.dep_ not in SUBJECT_DEPS or head.sent.start == 0:
        return None
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
        return None
    before = head.doc[head.sent.start - 1].sent
    subj = next((c for c in before.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.tag_ not in ("NN", "NNP") or subj.ent_type_ == "PERSON" or subj.lower_ in WORKS:
        return None
    if ANONYMOUS.search(subj.text) or PEOPLE.search(subj.text):
        return None
    return head.doc[subj.left_edge.i : subj.i + 1]


def _joint(span: Span, head: Token) -> bool:
    """Whether a speaker is two or more joined by "and" ("Mr. Grassley and Mr. Leahy", "Cruz and his aides"),
    not one described at length ("China, Pyongyang's only ally and its lifeline", which the parser may read
    as a list)."""
    after = head.nbor() if head.i + 1 < len(head.doc) else None
    listed = any(c.dep_ == "conj" and c.i < span.end for c in head.children)
    return listed and after is not None and not after.is_punct


def _told_back(cand: Candidate) -> bool:
    """Whether a nested statement's cue is told to a "him" or "her", most likely the one reporting it."""
    cue = cand.cue_token
    return cue is not None and any(
        c.dep_ in ADDRESSEE_DEPS and c.lower_ in ("him", "her") for c in cue.children
    )


def _says(cand: Candidate, pronoun: Token) -> bool:
    """Whether the pronoun is the subject of a finite cue ("he said"), the surest place to resolve one."""
    cue = cand.cue_token
    return (
        cue is not None
        and cue.tag_ in ("VBD", "VBZ", "VBP")
        and pronoun.dep_ == "nsubj"
        and pronoun.head == cue
    )


def _people_before(they: Token) -> Span | None:
    """ "The researchers, from two universities, followed 495,000 adults. They found …": "they" opening a
    sentence are the plural common noun that was the subject of the sentence before, whether or not it
    spoke. An organisation or a name there ("The council …", "Democrats …") is left to the rules above."""
    doc = they.doc
    sent = they.sent
    if they.i != sent.start or sent.start == 0:
        return None
    root = doc[sent.start - 1].sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ != "NNS" or subj.ent_type_:
        return None
    return doc[subj.left_edge.i : subj.i + 1]


def _spoke_last(
    last: Candidate | None, index: EntityIndex, before: int, quoted: str | None, gender: str
) -> bool:
    """Whether the person who spoke last was named after anyone else before a pronoun: a speaker's mention
    names them even where the NER tagged no one ("That could include …. '…,' he said" after "Schiff called
    on …", where the last name it tagged was Vladimir Putin's)."""
    if last is None or last.speaker_type != "person" or last.speaker is None or last.speaker_name == quoted:
        return False
    if last.speaker[0] >= before or index.gender(last.speaker_entity) not in (None, gender):
        return False
    mention = index.doc.char_span(*last.speaker, alignment_mode="expand")
    if mention is None or stated_gender(mention) not in (None, gender):  # "Mrs. Clinton said" is no "he"
        return False
    if index.doc.text[last.speaker[0] : before].count("\n\n") > 1:  # this paragraph or the one before
        return False
    near = index.nearest_person(before, exclude=quoted, gender=gender)
    return near is not None and index.last_mention(near, before) < last.speaker[0]


def _actor(doc: Doc, before: int, speakers: dict[int, Candidate]) -> Token | None:
    """Who was acting just before a pronoun's statement: the last person who is a subject in its own
    sentence up to `before` ("Palmieri said Trump is reduced to insults because he …"), else the last who is
    the subject of a main clause in the sentence before ("Kerry told reporters he had spoken to Lavrov.
    '…,' he said" is Kerry's, not Lavrov's), else the last subject there. Another statement's speaker counts
    as whoever it was resolved to, a pronoun or a description ("a senior diplomat") as much as a name."""
    at = doc.char_span(before, before, alignment_mode="expand")
    if at is None or not len(doc):
        return None
    i = min(at.start, len(doc) - 1)
    sent = doc[i].sent
    own = _subjects(doc[sent.start : i], speakers)
    if own or sent.start == 0:
        return own[-1][1] if own else None
    prior = doc[doc[sent.start - 1].sent.start : sent.start]
    previous = _subjects(prior, speakers)
    mains = [t for main, t in previous if main]
    if mains:
        return mains[-1]
    # "… something that concerns Henry Crespo, president of the caucus. '…,' he said": someone introduced
    # with a title at the end of the sentence before is who speaks next
    last = max((t.i for _, t in previous), default=prior.start - 1)
    introduced = [
        e.root
        for e in prior.ents
        if e.label_ == "PERSON" and e.root.i > last and any(c.dep_ == "appos" for c in e.root.children)
    ]
    return (introduced or [t for _, t in previous] or [None])[-1]


def _subjects(words: Span, speakers: dict[int, Candidate]) -> list[tuple[bool, Token]]:
    """People who are subjects in these words (named, or speakers already), each with whether theirs is a
    main clause."""
    out = []
    for tok in words:
        role_of = tok.head if tok.dep_ == "appos" else tok  # "the secretary of state, John Kerry,"
        if role_of.dep_ not in SUBJECT_DEPS or not (tok.ent_type_ == "PERSON" or tok.i in speakers):
            continue
        if _in_question(role_of.head):
            continue  # "Asked whether Kerry had used those words, he replied": he is the one asked
        verb = role_of.head
        out.append((verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"), tok))
    return out


def _in_question(verb: Token) -> bool:
    """Whether a verb lies in the question of a reduced "Asked whether …", which is put to the sentence's
    subject and so names someone else."""
    while verb.dep_ not in ("ROOT", "advcl"):
        if verb.head is verb:
            return False
        verb = verb.head
    return verb.dep_ == "advcl" and verb.lower_ == "asked" and verb.i < verb.head.i


def _plain(span: Span) -> str:
    """A mention with no entity behind it, as a name: its core noun phrase, without a leading article
    or the descriptions and clauses that follow ("a senior diplomat, speaking on condition …")."""
    root = span.root
    named = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if root.pos_ == "NOUN" and named is not None and span.start < named.left_edge.i and named.i < span.end:
        doc, first = span.doc, named.i
        while first > span.start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
            first -= 1
        # "the business daily Kommersant": a name that the description runs into is the name; so is one
        # set off after it ("Her campaign manager, Eli Strand,") that the tagger of names took for a body
        comma = doc[named.left_edge.i - 1].text == ","
        if named.i == span.end - 1 and not comma:
            return doc[first : named.i + 1].text
        if comma and first == named.left_edge.i:  # with what the name runs on to ("Partnership for …")
            end = min(named.right_edge.i + 1, span.end)
            return doc[first:end].text.rstrip(" ,")
    drop = {
        x.i
        for c in root.children
        if c.dep_ in ("relcl", "acl", "appos", "punct") and not inside_word(c)  # keep "Rees-Mogg"
        for x in c.subtree
    }
    toks = [t for t in root.subtree if t.i not in drop and span.start <= t.i < span.end]
    if toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    # a word dropped between two kept ones leaves a space ("others, including …" is not "othersincluding")
    words = [t.text + (t.whitespace_ or (" " if after.i > t.i + 1 else "")) for t, after in pairwise(toks)]
    return ("".join(words) + (toks[-1].text if toks else "")).strip() or span.text
