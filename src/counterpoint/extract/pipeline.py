"""Loading the spaCy pipeline once, with only the components the rules read."""

from __future__ import annotations

import re
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .cues import words

SUBJECT_DEPS = ("nsubj", "nsubjpass")  # who does what: the subject of a verb, active or passive

# The rules match cue words on their forms (cues.py), so the lemmatizer's time is saved.
UNUSED_PIPES = ["lemmatizer"]
_DATELINE = re.compile(  # also a press-release wire's: "HOUSTON, Oct. 24, 2023 /PRNewswire/ -- "
    r"(?m)^[A-Z][A-Z .'-]{2,30}(?:,[\w ,.]{0,30})?"
    r"(?:(?: [(/][\w .-]+[)/])? [\u2013\u2014\u2015-]{1,2} |--\([\w .-]+\)--)"
)
_HEADLINE_TAIL = re.compile(r"[\u2013\u2014\u2015-]{1,2} [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\s*$")


@Language.component("counterpoint_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence, and so do a dateline ("MOSCOW, June 18 (Wire) -") and a
    headline's closing "- Name": the parser would otherwise read them as the subject of the sentence."""
    text = doc.text
    for tok in doc[:-1]:
        if "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    for m in _DATELINE.finditer(text):
        _start_sentence_at(doc, m.end())
    m = _HEADLINE_TAIL.search(text.split("\n", 1)[0])
    if m:
        _start_sentence_at(doc, m.start())
    return doc


# Offices and relations a name is given with: "the US ambassador to the UN, Samantha Power", "moderator
# Lester Holt", "Ivanka Trump, the nominee's eldest daughter".
TITLES = words("""
ambassador envoy minister secretary president spokesman spokeswoman spokesperson senator governor mayor
chancellor premier leader chief director chairman chairwoman adviser advisor aide official diplomat lawyer
attorney judge general commander professor researcher economist analyst author reporter correspondent editor
columnist candidate nominee founder executive campaigner activist councillor councilor congressman
congresswoman lawmaker moderator anchor host strategist daughter son wife husband opponent rival challenger
deputy successor predecessor
""")
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
# offices and positions given before a name that are no first name ("Speaker Paul Ryan", "Commissioner James
# O'Neill", "Striker Tomas Varga", which the NER takes in whole)
OFFICES = words("""
speaker commissioner chief sheriff detective officer captain sergeant lieutenant colonel admiral bishop
cardinal pope coach rabbi reverend pastor striker defender midfielder goalkeeper winger quarterback pitcher
skipper manager inspector constable superintendent prosecutor treasurer comptroller auditor organiser
organizer campaigner activist chairman chairwoman founder director editor councillor councilor councilman
councilwoman alderman alderwoman assemblyman assemblywoman congressman congresswoman ambassador envoy
chancellor premier minister trustee councilmember councilperson selectman selectwoman supervisor
""")
_NOT_FIRST_NAMES = TITLES | HONORIFICS | OFFICES
_ORG_WORDS = words("""
inc corp co ltd llc party department ministry council news times post group committee university institute
foundation association company bank agency commission court house office network league union fund
""")


@Language.component("counterpoint_people")
def people(doc: Doc) -> Doc:
    """A name the small model's NER calls an organisation or a product ("Samantha Power", "Ivanka Trump")
    is a person's when the text gives it with an office or a relation, or it ends in the surname of someone
    the text names in full; two or three capitalised words, none an organisation's word ("Party",
    "Ministry"). A first name the NER left out of a person's name is put back ("Cicely Simpson")."""
    ents, changed = list(doc.ents), False
    surnames = {e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) >= 2}
    for k, ent in enumerate(ents):
        if ent.label_ == "PERSON" and ent.start and _first_name(doc[ent.start - 1], ent):
            ents[k], changed = Span(doc, ent.start - 1, ent.end, label="PERSON"), True
            continue
        if ent.label_ not in ("ORG", "PRODUCT", "WORK_OF_ART", "FAC"):
            continue
        if len(ent) > 2 and ent[0].lower_ in TITLES and _person_shaped(ent[1:]):
            # '"…," Mayor Elena Vasquez said': the title is no part of the work of art the NER saw
            ents[k], changed = Span(doc, ent.start + 1, ent.end, label="PERSON"), True
            continue
        if not _person_shaped(ent):
            continue
        root, before = ent.root, doc[ent.start - 1] if ent.start else None
        if (
            ent[-1].lower_ in surnames
            or (root.dep_ == "appos" and root.head.lower_ in TITLES)
            or any(c.dep_ == "appos" and c.lower_ in TITLES for c in root.children)
            or (before is not None and before.lower_ in TITLES and before.dep_ == "compound")
        ):
            ents[k], changed = Span(doc, ent.start, ent.end, label="PERSON"), True
    if changed:
        doc.ents = ents
    return doc


def _first_name(tok: Token, ent: Span) -> bool:
    return (
        tok.dep_ == "compound"
        and tok.head.i in range(ent.start, ent.end)
        and not tok.ent_type_
        and tok.is_alpha
        and _name_word(tok)
        and tok.lower_ not in _NOT_FIRST_NAMES
    )


def _name_word(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() and t.lower_ not in _ORG_WORDS


def _person_shaped(ent: Span) -> bool:
    return 2 <= len(ent) <= 3 and all(_name_word(t) for t in ent)


def _start_sentence_at(doc: Doc, char: int) -> None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and span.start > 0:
        span[0].is_sent_start = True


def load_pipeline(model: str) -> Language:
    """An installed pipeline by name or path, without the components extraction does not use."""
    nlp = spacy.load(model, exclude=UNUSED_PIPES)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("counterpoint_paragraphs", before="parser")
    if "ner" in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("counterpoint_people", after="ner")
    return nlp


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def inside_word(tok: Token) -> bool:
    """A hyphen joining two words ("Rees-Mogg"), with no space on either side."""
    return (
        tok.text in ("-", "\u2010")
        and tok.i > 0
        and not tok.whitespace_
        and not tok.doc[tok.i - 1].whitespace_
    )


def end_char(tok: Token) -> int:
    """Where a token's text ends, as a character offset."""
    return tok.idx + len(tok.text)


def has_finite_verb(toks: Iterable[Token]) -> bool:
    """Whether the words hold a verb with tense (or a modal): "the vote was illegal", not "to ban it"."""
    return any(t.tag_ in FINITE for t in toks)


def sentence(tok: Token) -> Span:
    """`tok.sent` without its cost: spaCy's Token.sent walks the Doc on every call, and the rules ask
    for sentences thousands of times per article, so the sentence of each token is indexed once."""
    doc = tok.doc
    cache = doc.user_data.get("counterpoint_sents")
    if cache is None:
        sents = list(doc.sents)
        index = [0] * len(doc)
        for k, sent in enumerate(sents):
            index[sent.start : sent.end] = [k] * len(sent)
        cache = doc.user_data["counterpoint_sents"] = (sents, index)
    return cache[0][cache[1][tok.i]]


def doc_text(doc: Doc) -> str:
    """`doc.text` without its cost: spaCy joins every token again on each access."""
    text = doc.user_data.get("counterpoint_text")
    if text is None:
        text = doc.user_data["counterpoint_text"] = doc.text
    return text
