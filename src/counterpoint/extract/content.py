"""Where a reported content starts and ends, once its cue and speaker are known.

The parse gives the complement clause; news style moves attributions into the middle or end of the
sentence ("The plan, he said, is dead."; "The plan is dead, Schiff said."), opens with datelines, and
trails non-restrictive relative clauses and participle clauses that belong to the writer, not the speaker
(PolNeAR keeps appositives: "…, the president's nominee, Merrick Garland").
These rules reshape the span to the words the speaker is reported to have said.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import SPEECH, verb_base
from .pipeline import doc_text, end_char, sentence

_ADJUNCT = frozenset(
    {"prep", "pobj", "npadvmod", "det", "compound", "punct", "amod", "nummod", "advmod", "poss", "case"}
)
# Openers the writer adds to a sentence ("Still,", "As it stands,"); a time or place ("In 2007,") is kept.
_INTRO_DEPS = frozenset({"advmod", "intj", "cc", "advcl"})
_DISCOURSE = frozenset({"in fact", "of course", "in addition", "for example", "after all", "in other words"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
_CLOSING = ('"', "\u201d", "''", "'", "\u2019")


def shape_content(cand: Candidate, tok: Token) -> None:
    """Adjust `cand.content` in place (see module doc)."""
    if cand.content is None:
        return
    doc = tok.doc
    text = doc_text(doc)
    r0, r1 = cand.region()
    s, e = cand.content
    sent = sentence(tok)
    before = text[sent.start_char : r0].rstrip()
    # "…, X said." / "…, X said, …": the speaker interrupts or ends the sentence.
    if (
        before.endswith(",")
        and len(before) > 20
        and (e <= r0 or (s >= r1 and not _has_subject(doc, s, e)))
        and not _subordinate(sent[0])
        and not any(c.dep_ in ("dobj", "oprd") for c in tok.children)
        and _has_verb(doc, sent.start_char, r0)
    ):
        s = sent.start_char
        e = sent.start_char + len(before) - 1 if _ends_sentence(cand, tok, r1) else sent.end_char
    if ";" in text[s:e] and not any(ch in text[s:e] for ch in '"\u201c\u201d'):
        e = s + text[s:e].index(";")  # a second independent clause is the writer's again
    if e <= r0:
        s = skip_intro(doc, s, e)
    elif s >= r1 and text[r1:s].strip() == "":
        s = _skip_date(doc, s, e)
    cand.content = _cut_trailing(doc, s, e, after_cue=s >= r1)


def _skip_date(doc: Doc, s: int, e: int) -> int:
    """Where a content right after its cue starts without the cue's date: wire copy's "said on Thursday it
    would cut 400 jobs" has no "that", and the parse hangs "on Thursday" on the cut, not on the saying."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) < 3 or span[0].dep_ not in ("prep", "npadvmod"):
        return s
    first = span[0]
    phrase = list(first.subtree)
    after = phrase[-1].i + 1
    dated = all(t.ent_type_ == "DATE" for t in phrase if t.i != first.i or first.dep_ == "npadvmod")
    if not dated or phrase[0].i != first.i or after >= span.end:
        return s
    subject = doc[after]
    return subject.idx if subject.dep_ in _SUBJECT_DEPS or subject.head.dep_ in _SUBJECT_DEPS else s


def skip_intro(doc: Doc, s: int, e: int) -> int:
    """Where a content before its attribution starts once the writer's opening adjuncts are dropped
    ("Still, …", "In fact, …", "Entering the final contests in June, …"): PolNeAR leaves them out."""
    span = doc.char_span(s, e, alignment_mode="expand")
    while span is not None and len(span) > 3:
        comma = next((t for t in span if t.text == ","), None)
        if comma is None or comma.i == span.start:
            break
        prefix = span[: comma.i - span.start]
        if prefix.text.lower() not in _DISCOURSE and not all(
            (t.head.i in range(prefix.start, prefix.end) and t.dep_ not in _SUBJECT_DEPS)
            or (t.dep_ in _INTRO_DEPS and t.head.i > comma.i)
            for t in prefix
        ):
            break
        span = doc[comma.i + 1 : span.end]
        s = span[0].idx if len(span) else s
    return s


def _ends_sentence(cand: Candidate, tok: Token, r1: int) -> bool:
    """Whether only the speaker's own words and adjuncts ("on Tuesday", "in a statement") follow."""
    own = {t.i for t in cand.speaker_token.subtree} if cand.speaker_token is not None else set()
    return all(
        t.i in own or t.is_space or t.dep_ in _ADJUNCT or t.ent_type_ == "DATE" or _in_advcl(t, tok)
        for t in tok.doc[tok.i + 1 : sentence(tok).end]
        if t.idx >= r1
    )


def _in_advcl(t: Token, cue: Token) -> bool:
    """Inside an adverbial clause of the cue (", as they bristled at …"): circumstance, not content."""
    return any(a.dep_ == "advcl" and a.head == cue for a in (t, *t.ancestors))


def _subordinate(first: Token) -> bool:
    """A sentence opening with "When …," or "As …," puts an adverbial clause, not the content, first."""
    return first.pos_ == "SCONJ" or first.dep_ in ("mark", "advmod") or first.lower_ in ("as", "when", "if")


def _has_subject(doc, s: int, e: int) -> bool:
    span = doc.char_span(s, e, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)


def _has_verb(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _cut_trailing(doc, s: int, e: int, after_cue: bool) -> tuple[int, int]:
    """Drop a final ", who is 70" or ", drawing boos from the crowd" (the writer's aside or the
    circumstance, not the content), the speaker's next cue after the cue ("… and added …"), and a
    dangling conjunction or punctuation mark."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return (s, e)
    for t in span:
        if _next_cue(t, span.start) and after_cue:
            e = doc[t.i - 1].idx  # the parse hung the speaker's next cue on the content
            break
        if t.right_edge.i >= span.end - 1 and t.left_edge.i > span.start and _aside(t):
            prev = doc[t.left_edge.i - 1]
            if prev.text == ",":
                e = prev.idx
                break
            if prev.text in _CLOSING and prev.i and doc[prev.i - 1].text == ",":  # '… crossed," according to'
                e = end_char(prev)
                break
    toks = [t for t in span if t.idx < e]
    while (
        toks
        and (toks[-1].is_punct or toks[-1].is_space or toks[-1].pos_ == "CCONJ")
        and toks[-1].text not in (")", *_CLOSING)
    ):
        toks = toks[:-1]
    return (s, end_char(toks[-1])) if toks else (s, e)


def _next_cue(t: Token, start: int) -> bool:
    """ "… and added", "… but insisted", "…, claiming …": a speech verb coordinated after the content's first
    word, or a participle of one with no subject of its own (the speaker goes on, and PolNeAR makes that
    a statement of its own)."""
    if t.i <= start + 1 or verb_base(t.lower_) not in SPEECH:
        return False
    return (t.dep_ == "conj" and t.doc[t.i - 1].dep_ == "cc" and not _same_clause(t)) or goes_on(t)


def _same_clause(t: Token) -> bool:
    """Whether a joined verb goes on with the reported clause (`continues`), whichever of the clause or its
    cue the parse hung it on."""
    if t.head.dep_ == "ccomp":
        return continues(t, t.head)
    return any(continues(t, c) for c in t.head.children if c.dep_ == "ccomp" and c.i < t.i)


def continues(verb: Token, clause: Token) -> bool:
    """ "said the governor respects the science but opposes …": a verb with no subject of its own, in the
    reported clause's tense and not its cue's, goes on with the clause's subject; in the cue's tense ("said
    the plan was doomed and added …") it would be the speaker going on."""
    return (
        not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
        and any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
        and verb.tag_ == clause.tag_
        and verb.tag_ != clause.head.tag_
    )


def goes_on(t: Token) -> bool:
    """ "…, calling the demands 'unaffordable'": a speech verb's participle set off by a comma, with no
    subject of its own, after what someone said: the speaker goes on."""
    return (
        t.i > 0
        and verb_base(t.lower_) in SPEECH
        and t.tag_ == "VBG"
        and t.dep_ in ("advcl", "conj")
        and t.doc[t.i - 1].text == ","
        and not any(c.dep_ in _SUBJECT_DEPS for c in t.children)
    )


def _aside(t: Token) -> bool:
    """A non-restrictive relative clause, a participle clause hung on a verb, a contrast the writer draws
    (", even as …"), or where the writer had it from ("Xi said the Taiwan question was a red line, according
    to a readout")."""
    if t.lower_ == "according" and t.dep_ == "prep":
        return True
    if t.dep_ == "relcl":
        return t.left_edge.lower_ in ("who", "which")
    first = t.left_edge
    if t.dep_ == "advcl" and first.lower_ == "even" and first.nbor().lower_ == "as":
        return True  # "…, even as Washington publicly denounced the vote": the writer's contrast
    return t.dep_ in ("advcl", "xcomp") and t.tag_ == "VBG" and t.left_edge.i == t.i and t.head.pos_ == "VERB"
