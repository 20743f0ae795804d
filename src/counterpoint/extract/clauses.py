"""The content clause of a cue verb: where, in the parse, what was said begins and ends.

"X said that …" has it as the verb's complement; "X urged them to vote" as its object and infinitive; "X
called for …" behind a preposition; "…, he said, …" around the verb; and "He said at the time that …" hung
on a noun the parse mistook for the clause's head. reported.py finds the cue and asks here for its content.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .content import continues
from .cues import ADDRESSEE_VERBS, is_belief, verb_base, words
from .entities import WORKS
from .pipeline import end_char, sentence
from .subjects import SUBJECT_DEPS

# Belief verbs whose direct object is the content ("wants a recount"); every speech verb's is
# ("denied the report", "called it 'bogus'").
BELIEF_OBJECTS = frozenset({"expect", "know", "understand", "want"})
# Cues whose noun object is never what was said: "added that …", but "would add drugs to its pipeline"
CLAUSE_ONLY = frozenset({"add"})
# Verbs whose to-infinitive is the content ("vowed to fight", "wants to win", "urged them to vote").
XCOMP_CONTENT = words(
    """
advise agree ask beg call claim decline demand expect hope instruct offer order plan
pledge promise refuse seek threaten urge vow want warn wish
"""
)
# Prepositions of the cue verb that say when or where, not what: "praised X at a press conference".
SETTING_PREPS = words("at during after before while")
SETTING_NOUNS = words(
    "interview statement speech op-ed email letter tweet post video ad conference call twitter facebook page "
    "show program rally debate appearance"
)
_SPANS_OF_TIME = words("years decades months weeks days hours ages long")
# Phrasal cues: the verb and the preposition that introduces the content.
PREP_CUES = {
    "call": ("for", "on"),
    "push": ("for",),
    "press": ("for",),
    "argue": ("for", "against"),
    "plead": ("for",),
    "warn": ("about", "of", "against"),
    "complain": ("about",),
    "speak": ("about", "of"),
    "talk": ("about",),
    "ask": ("about", "for"),
    "lash": ("at",),
    "joke": ("about",),
    "respond": ("to",),
    "point": ("to",),
    "worry": ("about",),
    "hope": ("for",),
    "refer": ("to",),
    "vote": ("for", "against"),
    "focus": ("on",),
}
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
CONTENT_DEPS = ("ccomp",)
_TALK = frozenset({"speak", "talk"})  # verbs of talking, which say that someone spoke, not what


def content_clause(doc: Doc, tok: Token, base: str) -> tuple[int, int] | None:
    """The content clause of a cue verb, or None when it has none the rules trust."""
    kids = list(tok.children)
    clauses = [c for c in kids if c.dep_ in CONTENT_DEPS and not _aside(c) and not _beyond_semicolon(c, tok)]
    if any(c.dep_ == "mark" and c.i < tok.i for c in kids):
        # "X continues to insist, …, that he really wants …": a cue opened by "that" is itself what was
        # said, and a clause the parse hung on it from before is the sentence that says it
        clauses = [c for c in clauses if c.i > tok.i]
    if clauses and anonymity(clauses[0]):
        return None
    if clauses:
        toks = [t for c in clauses for t in c.subtree]
        subj = [
            c for c in kids if c.dep_ in ("dobj", "nsubj") and c.right_edge.i + 1 == clauses[0].left_edge.i
        ]
        if subj and tok.i < subj[0].i and not any(c.dep_ in CLAUSE_SUBJECTS for c in clauses[0].children):
            toks += list(subj[0].subtree)  # "admitted the plan would fail": the parse took the subject
        toks += [t for c in _clause_conjuncts(tok, clauses[-1]) for t in c.subtree]
        return chars(trim_punct(toks))
    prep = cue_prep(tok, base)
    if prep is not None and prep.dep_ == "mark":
        return chars([t for t in prep.head.subtree if t.i > prep.i])
    if prep is not None:
        rest = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > prep.i]
        return chars([t for c in [*prep.children, *rest] if c.dep_ != "punct" for t in c.subtree])
    that = [
        t
        for t in tok.subtree
        if t.dep_ == "mark"
        and t.lower_ == "that"
        and t.i > tok.i
        and t.head.dep_ in ("ccomp", "acl", "advcl", "relcl")
        and base in ADDRESSEE_VERBS
        and _governed(t.head, tok)
    ]
    if that:
        return chars(trim_punct(list(that[0].head.subtree)))
    hung = _hung_on_setting(tok)
    if hung is not None:
        return chars(trim_punct(list(hung.subtree)))
    if base in XCOMP_CONTENT:
        x = [c for c in kids if c.dep_ == "xcomp"]
        if x and anonymity(x[0]):
            return None
        if x:
            objs = [c for c in kids if c.dep_ == "dobj" and c.i < x[0].i]
            return chars([t for c in objs + x for t in c.subtree])
    if (base in BELIEF_OBJECTS or not is_belief(base)) and base not in ADDRESSEE_VERBS | CLAUSE_ONLY:
        objs = [c for c in kids if c.dep_ in ("dobj", "oprd")]
        if objs:
            extra = [
                c
                for c in kids
                if (c.dep_ in ("xcomp", "ccomp") and not _beyond_semicolon(c, tok))
                or (c.dep_ == "prep" and c.i > objs[0].i and not _setting(c))
                or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > objs[0].i)
            ]
            return chars([t for c in objs + extra for t in c.subtree])
    if _aside(tok):  # the whole sentence it interrupts, with what the parse hung on the aside before it
        return chars(trim_punct(list(tok.head.subtree)))
    if tok.dep_ == "parataxis" or (
        as_clause(tok) and base not in _TALK  # "MPs shouted as she spoke": when, not whose words
    ):
        return rest_of_clause(tok)  # "…, he said, …" and "as experts have pointed out, …"
    if tok.dep_ == "ROOT" and tok.i > sentence(tok).start + 1 and base not in ("continue",):
        # "The plan is dead, he said." parsed with the clause as a sibling: the words before the subject.
        return _leading_clause(tok)
    return None


_SETTING_PREPS = frozenset({"at", "on", "in", "during", "to"})  # when, where, to whom; not "as evidence that"


def _hung_on_setting(tok: Token) -> Token | None:
    """ "He said at the time that nobody would recognise it", "yelling to the officers that her husband was
    unarmed": the clause the parse hung on "time" or "officers" as if it were a relative clause, though "that"
    fills no part of it (it has a subject of its own)."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _SETTING_PREPS):
        # not "in a statement that …", whose cue is "said in a statement" (nouns.py)
        for obj in (o for o in _objects(prep) if o.lower_ not in WORKS):
            for clause in (r for r in obj.children if r.dep_ in ("relcl", "acl") and r.i > obj.i):
                that = clause.left_edge
                opens = that.lower_ == "that" and that.dep_ in ("mark", "advmod") and that.i == obj.i + 1
                if opens and any(c.dep_ == "nsubj" and c != that for c in clause.children):
                    return clause
    return None


def _objects(prep: Token, depth: int = 3) -> Iterator[Token]:
    """A preposition's objects, and theirs in turn: "in the days after the March 2014 vote"."""
    for obj in (o for o in prep.children if o.dep_ == "pobj"):
        yield obj
        if depth > 1:
            for inner in (c for c in obj.children if c.dep_ == "prep" and c.i > obj.i):
                yield from _objects(inner, depth - 1)


def anonymity(verb: Token) -> bool:
    """ "asked not to be named", "declined to be identified", "asked that her name not be used": the terms a
    source spoke on, not words."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    named = any(c.dep_ == "nsubjpass" and c.lower_ in ("name", "names") for c in verb.children)
    return verb.lower_ in ("named", "identified", "quoted") or (
        named and verb.lower_ in ("used", "published")
    )


def _beyond_semicolon(clause: Token, cue: Token) -> bool:
    """ "Ukraine says drone strike hit fuel depot; Russia denies losses": the parse may hang the clause
    before a semicolon on the cue after it, but a semicolon parts two sentences."""
    first, last = (clause.right_edge.i, cue.i) if clause.i < cue.i else (cue.i, clause.left_edge.i)
    return any(t.text == ";" for t in cue.doc[first + 1 : last])


def _clause_conjuncts(tok: Token, clause: Token) -> list[Token]:
    """ "said that X tried …, but a judge refused …": the parse hangs a second clause, with its own
    subject, on the cue; PolNeAR reads it as more of what was said unless it has a cue of its own."""
    return [
        c
        for c in tok.children
        if c.dep_ == "conj"
        and c.i > clause.right_edge.i
        and (
            (verb_base(c.lower_) is None and any(s.dep_ in SUBJECT_DEPS for s in c.children))
            or continues(c, clause)
        )
    ]


def _setting(prep: Token) -> bool:
    """A preposition of the cue verb that says when or where ("at a rally", "in an interview", "on May 2")."""
    if prep.lower_ in SETTING_PREPS:
        return True
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        prep.lower_ in ("in", "on")
        and obj is not None
        and (obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in SETTING_NOUNS)
    )


def _governed(clause: Token, cue: Token) -> bool:
    """Whether no other cue verb stands between a clause and the cue ("urged …, saying that …"); a noun
    spelled like one does not ("told him after the vote that …")."""
    cur = clause.head
    while cur != cue:
        if cur.pos_ in ("VERB", "AUX") and verb_base(cur.lower_) is not None:
            return False
        cur = cur.head
    return True


def _aside(tok: Token) -> bool:
    """ "In 2021, she recalled, the minister had told her …": a cue set off by commas inside the sentence it
    reports, which the parse may hang on that sentence's verb as a clause of its own."""
    doc = tok.doc
    subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i), None)
    return (
        tok.dep_ in ("ccomp", "parataxis")
        and tok.i < tok.head.i
        and subject is not None
        and verb_base(tok.lower_) is not None
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == ","
        and subject.left_edge.i > 0
        and doc[subject.left_edge.i - 1].text == ","
    )


def rest_of_clause(tok: Token) -> tuple[int, int] | None:
    head = tok.head
    # "Though the move was smooth, he said, replacing her would be bitter": the parse may hang the aside on
    # the clause before it, but it reports the whole sentence it interrupts
    aside = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","
    while aside and head.dep_ == "advcl" and head.head.i > tok.i:
        head = head.head
    own = set(t.i for t in tok.subtree)
    pool = trim_punct([t for t in head.subtree if t.i not in own])
    return chars(pool) if pool else None


def _leading_clause(tok: Token) -> tuple[int, int] | None:
    """Content before "…, X said." when the parser hung the clause's verb elsewhere."""
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    first = min([tok.i] + [t.i for s in subj for t in s.subtree])
    sent = sentence(tok)
    pool = trim_punct([t for t in sent if t.i < first])
    if len(pool) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in pool):
        return None
    if first == 0 or tok.doc[first - 1].text not in (",", "\u201d", '"', "''", "--", "\u2014"):
        return None
    return chars(pool)


def cue_prep(tok: Token, base: str) -> Token | None:
    """The preposition that completes a phrasal cue ("called for", "warned about", "called on"), or the
    "for" that the parse makes the marker of the clause in "called for Trump to drop out"."""
    for c in tok.children:
        if c.dep_ == "advcl":
            mark = next((m for m in c.children if m.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in PREP_CUES.get(base, ()) and mark.i <= tok.i + 2:
                return mark
        if (
            c.dep_ == "prep"
            and c.lower_ in PREP_CUES.get(base, ())
            and tok.i < c.i <= tok.i + 2  # not "On Twitter, Bush called Trump 'unhinged'"
            and any(x.dep_ in ("pobj", "pcomp") for x in c.children)
            and not _how_long(c)
        ):
            return c
    return None


def _how_long(prep: Token) -> bool:
    """ "argued for two decades that …": a length of time, not what was argued for."""
    return any(
        x.dep_ == "pobj" and (x.ent_type_ in ("DATE", "TIME") or x.lower_ in _SPANS_OF_TIME)
        for x in prep.children
    )


def as_clause(tok: Token) -> bool:
    """ "as experts have pointed out, …", "As Tom Ridge put it: …": a clause opened by "as" that qualifies the
    sentence it is in."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def trim_punct(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in ("and", "but")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def chars(toks: list[Token]) -> tuple[int, int]:
    return (min(t.idx for t in toks), max(end_char(t) for t in toks))
