"""Where a reported content starts and ends, once its cue and speaker are known.

The parse gives the complement clause; news style moves attributions into the middle or end of the
sentence ("The plan, he said, is dead."; "The plan is dead, Schiff said."), opens with datelines, and
trails appositives and non-restrictive relative clauses that belong to the writer, not the speaker.
These rules reshape the span to the words the speaker is reported to have said.
"""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Candidate
from .pipeline import doc_text, sentence

CUT_DEPS = ("appos", "relcl")
_ADJUNCT = frozenset(
    {"prep", "pobj", "npadvmod", "det", "compound", "punct", "amod", "nummod", "advmod", "poss", "case"}
)
_RELATIVE = frozenset({"which", "who", "that", "whom", "what"})


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
    elif s < r0 < e and text[s:r0].strip().lower() in _RELATIVE:
        s = r1  # "which he said were accompanied by …": the pronoun is the writer's
    if ";" in text[s:e] and not any(ch in text[s:e] for ch in '"\u201c\u201d'):
        e = s + text[s:e].index(";")  # a second independent clause is the writer's again
    cand.content = _cut_trailing(doc, s, e)


def _ends_sentence(cand: Candidate, tok: Token, r1: int) -> bool:
    """Whether only the speaker's own words and adjuncts ("on Tuesday", "in a statement") follow."""
    own = {t.i for t in cand.speaker_token.subtree} if cand.speaker_token is not None else set()
    return all(
        t.i in own or t.dep_ in _ADJUNCT or t.ent_type_ == "DATE" or _in_advcl(t, tok)
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


def _cut_trailing(doc, s: int, e: int) -> tuple[int, int]:
    """Drop a final ", the presumed favorite" or ", who is 70" (the writer's aside, not the content) and
    a dangling conjunction or punctuation mark."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return (s, e)
    for t in span:
        if t.dep_ in CUT_DEPS and t.right_edge.i >= span.end - 1 and t.left_edge.i > span.start:
            prev = doc[t.left_edge.i - 1]
            if prev.text == "," and (t.dep_ == "appos" or t.left_edge.lower_ in ("who", "which")):
                e = prev.idx
                break
    toks = [t for t in span if t.idx < e]
    while (
        toks
        and (toks[-1].is_punct or toks[-1].is_space or toks[-1].pos_ == "CCONJ")
        and toks[-1].text not in (")", '"', "\u201d", "''", "'", "\u2019")
    ):
        toks = toks[:-1]
    return (s, toks[-1].idx + len(toks[-1].text)) if toks else (s, e)
