"""Interviews printed as questions and answers: each answer is the interviewee's own words.

An interview names its subject once, before the first question, and then prints answers with no attribution
("A: It's a big mistake.", or a question paragraph with the answer below it), so the rules, which look for a
cue near a speaker, find nothing to attribute. An answer is attributed only where the article says it is an
interview (labels, or words such as "interview" and "we asked her" before the questions) and its opening
names the subject; otherwise the answers keep no speaker, as nothing else in the text says whose they are.
An answer labelled with its speaker's name ("Ebrard: No.") is the colon rule's (direct.py); here it only
counts as an answer, and the paragraphs that go on with it are that speaker's.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .candidate import Candidate
from .direct import COLON_SPEAKER
from .pipeline import doc_text
from .quotes import QUOTE_MARKS

_LABEL = re.compile(r"[\"\u201c]?(Q|A|Question|Answer)[:.][ \t]+")
_INTERVIEW = re.compile(
    r"\b(interview|Q ?& ?A|asked (?:him|her|them)|spoke (?:with|to)|talked (?:with|to)|sat down with|"
    r"conversation with|edited for)\b",
    re.I,
)
_MAX_QUESTION_WORDS = 40
_REPORTS = re.compile(r"\b(?:said|says|told)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|We|our|Our|us)\b")
# verb forms, as the pipeline runs without its lemmatizer
_ASKING = frozenset({"ask", "asked", "asks", "interview", "interviewed", "interviews", "questioned"})
_TALKING = frozenset(
    {"speak", "spoke", "speaks", "talked", "talks", "sat", "sits", "met", "meets", "chatted"}
)


def find_answers(doc: Doc) -> list[Candidate]:
    """One direct statement per answer paragraph, by the interviewee named before the first question."""
    text = doc_text(doc)
    paragraphs = _paragraphs(text)
    roles = [_role(text, a, b) for a, b in paragraphs]
    labelled = roles.count("Q") >= 2 and roles.count("A") + roles.count("N") >= 2
    if not labelled:
        roles = ["q" if _asks(text[a:b]) else None for a, b in paragraphs]
        if sum(1 for i, r in enumerate(roles[:-1]) if r == "q" and roles[i + 1] is None) < 2:
            return []
    first = next(i for i, r in enumerate(roles) if r in ("Q", "q"))
    opening = paragraphs[first][0]
    if not labelled and not _INTERVIEW.search(text, 0, opening):
        return []
    subject = _subject(doc, opening)
    out = []
    answered = closed = False  # the last question has had an answer; the writer has spoken since
    speaker = subject  # who is answering: the interviewee, or the one an answer's label names
    for (a, b), role in zip(paragraphs[first:], roles[first:], strict=True):
        if role in ("Q", "q"):  # every other paragraph after the first question answers the last one
            answered = closed = False
            continue
        if role == "N":
            answered, closed = True, False
            label = COLON_SPEAKER.match(text, a)
            speaker = doc.char_span(label.start(1), label.end(1), alignment_mode="expand") if label else None
            continue
        surname = speaker[-1].text if speaker is not None else None
        if role is None and answered and (closed or _signs_off(text[a:b], surname)):
            closed = True
            continue
        if role == "A":
            speaker = subject
        answered, closed = True, False
        label = _LABEL.match(text, a) if role == "A" else None
        start = label.end() if label else a
        out.append(
            Candidate(
                content=(start, b),
                cue=(label.start(1), label.end(1) + 1) if label else None,
                kind="direct",
                confidence=0.9 if labelled else 0.7,
                # the speaker's words are the interviewee's name in the opening (or the answer's label):
                # provenance, and the entity the article's other mentions of them resolve to (speakers.py)
                speaker=(speaker.start_char, speaker.end_char) if speaker is not None else None,
                speaker_token=speaker.root if speaker is not None else None,
            )
        )
    return out


def _signs_off(paragraph: str, surname: str | None) -> bool:
    """A paragraph after an answer that is the writer's again: a note on the interview ("This interview has
    been edited"), a line set off by a dash or brackets, one naming the interviewee in the third person, or
    one reporting what someone said with no "I" or "we" of the speaker's ("After the briefing, a spokesman
    for the railroad said …")."""
    return (
        paragraph[0] in "\u2014\u2013-*([_"
        or _INTERVIEW.search(paragraph) is not None
        or (surname is not None and re.search(rf"\b{re.escape(surname)}\b", paragraph) is not None)
        or (_REPORTS.search(paragraph) is not None and _FIRST_PERSON.search(paragraph) is None)
    )


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def _role(text: str, start: int, end: int) -> str | None:
    """Q or A for a paragraph so labelled, N for one labelled with a name ("Ebrard: …"), else None."""
    m = _LABEL.match(text, start, end)
    if m is not None:
        return m.group(1)[0]
    return "N" if COLON_SPEAKER.match(text[start:end]) else None


def _asks(paragraph: str) -> bool:
    """A paragraph that is one short question in the writer's voice, as an interviewer's is: not a question
    quoted from a speech ("Who's going to pay for it?")."""
    body = paragraph.rstrip()
    return (
        body.endswith("?")
        and body[0] not in QUOTE_MARKS
        and len(body.split()) <= _MAX_QUESTION_WORDS
        and body.count("?") == 1
    )


def _subject(doc: Doc, before: int) -> Span | None:
    """The interviewee, named before the questions: the one spoken with, asked or met ("Q&A with Vice
    President Joe Biden", "our reporter asked Laura Bush"), else the first person who is a sentence's subject
    ("Sofia Marchetti has spent thirty years …") and not the one asking ("Anna Price spoke with …"), unless
    the one spoken to is the writer ("Marcelo Ebrard spoke to us")."""
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
    for ent in people:
        root = ent.root
        spoken_to = root.head.lower_ == "to" and root.head.head.lower_ in _TALKING
        if (root.dep_ == "pobj" and (root.head.lower_ == "with" or spoken_to)) or (
            root.dep_ == "dobj" and root.head.lower_ in _ASKING | _TALKING
        ):
            verb = root.head.head if root.dep_ == "pobj" else root.head
            talker = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")), None)
            # "Abena Kowalczyk runs the trust. She spoke to Sam Hartley": she, not the reporter, is asked
            return ent if talker is None else _named_before(doc, talker)
        if root.dep_ == "nsubj" and root.head.lower_ in _TALKING and _to_us(root.head):
            return ent
    for ent in people:
        if ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.lower_ not in _ASKING | _TALKING:
            return ent
    return None


def _named_before(doc: Doc, pronoun: Token) -> Span | None:
    """Who a "he" or "she" refers to: the last name that is a sentence's subject before it, as far as the
    parse holds it together (the NER may not know the name: "Abena Kowalczyk became chief executive …")."""
    subject = next((t for t in reversed(doc[: pronoun.i]) if t.dep_ == "nsubj" and t.pos_ == "PROPN"), None)
    if subject is None:
        return None
    start = subject.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == subject:
        start -= 1
    return doc[start : subject.i + 1]


def _to_us(verb: Token) -> bool:
    return any(
        prep.lower_ in ("to", "with") and any(o.lower_ in ("us", "me") for o in prep.children)
        for prep in verb.children
    )
