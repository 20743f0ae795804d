"""Attributions carried by a noun: "Trump's claim that …", "his promise to …", "a warning from X that …".

The noun is the cue, its that- or to-clause the content, and its possessor (or the "from"/"by" phrase,
or the subject of the verb it is the object of) the speaker. Only nouns whose clause is marked by "that"
or "to" count, so "the claim" alone does not; a few nouns carry the content in their own preposition
instead ("attacks on her record"), and some introduce it through "is" ("His view is that …").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import verb_base, words
from .pipeline import end_char

CUE_NOUNS = words("""
claim claims promise promises pledge pledges plan plans warning warnings call calls denial denials statement
assertion assertions suggestion allegation allegations accusation accusations argument insistence vow vows
threat threats demand demands proposal belief beliefs fear fears hope hopes admission announcement
prediction predictions contention
""")
# Cue nouns that report words, not plans, hopes or fears: "rejected a claim by Lavrov that Kerry told him …"
# holds Lavrov's claim, nested in the rejection.
SAYING_NOUNS = words("""
claim claims assertion assertions allegation allegations accusation accusations statement denial denials
admission suggestion contention insistence warning warnings
""")
# Nouns whose prepositional object is what is said or held ("attacks on her record", "support for the bill");
# the cue is the noun with its preposition, as PolNeAR marks it.
PREP_NOUNS = {
    "attacks": ("on", "against"),
    "criticism": ("of",),
    "critique": ("of",),
    "questions": ("about",),
    "concerns": ("about",),
    "doubts": ("about",),
    "opposition": ("to",),
    "mention": ("of",),
    "announcement": ("of",),
    "call": ("for",),
    "calls": ("for",),
    "praise": ("of", "for"),
    "comments": ("on", "about"),
    "remarks": ("on", "about"),
    "acknowledgement": ("of",),
    "acknowledgment": ("of",),
    "declarations": ("of",),
    "denial": ("of",),
    "defense": ("of",),
    "condemnation": ("of",),
    "complaints": ("about",),
    "warnings": ("about", "of"),
    "demands": ("for",),
}
# Nouns that, as the subject of "is"/"was", introduce what is held or said: "His view is that …".
COPULA_NOUNS = words("""
view views position argument question hope belief fear concern worry message point answer claim
assumption expectation consensus slogan phrase refrain line theory conclusion sense feeling response reply
explanation assessment complaint contention premise verdict takeaway
""")
_BE = words("is was are were be been 's")
_SPEAKER_PREPS = ("from", "by")


def find_noun_cues(doc: Doc) -> list[Candidate]:
    """One candidate per cue noun with a "that …"/"to …" clause, or a preposition (PREP_NOUNS), of its own."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN":
            continue
        cand = _prep_noun(tok) if tok.lower_ in PREP_NOUNS else None
        if cand is None and tok.lower_ in COPULA_NOUNS and tok.dep_ == "nsubj":
            cand = _copula_noun(tok)
        if cand is not None:
            out.append(cand)
            continue
        if tok.lower_ not in CUE_NOUNS:
            continue
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and _marked(c)), None)
        if clause is None or clause.i < tok.i or any(c.lower_ == "no" for c in tok.children):
            continue  # "has no plans to legislate": a plan denied, not one announced
        toks = list(clause.subtree)
        cand = Candidate(
            content=(toks[0].idx, end_char(toks[-1])),
            cue=(tok.idx, end_char(tok)),
            cue_token=tok,
            confidence=0.6,
        )
        verb = tok.head.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and verb_base(verb.lower_) is not None:
            _said_in(cand, tok, verb)  # "says in a statement that …": the parse gave the clause to the noun
        else:
            _set_speaker(cand, tok)
        out.append(cand)
    return out


def _said_in(cand: Candidate, noun: Token, verb: Token) -> None:
    """The verb with its "in a statement" is the cue, and the verb's subject the speaker."""
    cand.cue = (
        verb.idx,
        end_char(noun) if noun.head.i == verb.i + 1 else end_char(verb),
    )
    cand.cue_token, cand.confidence = verb, 0.85
    _set_speaker(cand, verb)


def _prep_noun(tok: Token) -> Candidate | None:
    """ "Sanders's attacks on her record": the object of the noun's own preposition is the content."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in PREP_NOUNS[tok.lower_]), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or prep.i != tok.i + 1:
        return None
    toks = list(obj.subtree)
    cand = Candidate(
        content=(toks[0].idx, end_char(toks[-1])),
        cue=(tok.idx, end_char(prep)),
        cue_token=tok,
        confidence=0.5,
    )
    _set_speaker(cand, tok)
    return cand


def _copula_noun(tok: Token) -> Candidate | None:
    """ "One view is that …", "The key question is whether …": the noun phrase up to the verb "be" is the
    cue, the clause after it the content, a possessor ("Rubio's catch phrase was …") the speaker."""
    be = tok.head
    if be.lower_ not in _BE and not any(c.dep_ == "aux" and c.lower_ in _BE for c in be.children):
        return None
    clause = next((c for c in be.children if c.dep_ in ("ccomp", "attr") and c.i > be.i), None)
    if clause is None or clause.doc[clause.left_edge.i].lower_ not in ("that", "whether", "if"):
        return None
    poss = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
    first = min(t.i for t in tok.subtree if t.i not in poss)
    toks = list(clause.subtree)
    cand = Candidate(
        content=(toks[0].idx, end_char(toks[-1])),
        cue=(tok.doc[first].idx, end_char(be)),
        cue_token=tok,
        confidence=0.5,
    )
    _set_speaker(cand, tok)
    return cand


def _set_speaker(cand: Candidate, noun: Token) -> None:
    speaker = _speaker(noun)
    if speaker is not None:
        sub = [t for t in speaker.subtree if not t.is_punct and t.dep_ != "case"]
        cand.speaker = (sub[0].idx, end_char(sub[-1]))
        cand.speaker_token = speaker


def says_that(noun: Token) -> bool:
    """Whether a noun reports words with a "that" clause of its own and someone to have said them ("a claim by
    Russia's foreign minister that …", "his assertion that …")."""
    return (
        noun.lower_ in SAYING_NOUNS
        and _speaker(noun) is not None
        and any(c.dep_ in ("acl", "ccomp") and c.doc[c.left_edge.i].lower_ == "that" for c in noun.children)
    )


def _marked(clause: Token) -> bool:
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in ("that", "to") and first.i < clause.i


def _speaker(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG") and c.i == noun.i - 1:
            return c  # "the Trump claim that …", and "Trump claims that …" parsed as one noun
        if c.dep_ in ("prep", "agent") and c.lower_ in _SPEAKER_PREPS:
            return next((x for x in c.children if x.dep_ == "pobj"), None)
    if noun.dep_ == "dobj":  # "The senator made a promise to …", "… launched attacks on …"
        return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if noun.pos_ == "VERB" or noun.dep_ == "ROOT":  # a verb the tagger took for a noun ("Trump claims")
        return next((c for c in noun.children if c.dep_ == "nsubj"), None)
    return None
