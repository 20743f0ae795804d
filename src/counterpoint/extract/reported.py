"""Attributions found from the dependency parse: a cue word, its subject (the speaker) and its complement.

Covers "X said (that) …", "X told reporters …", "X warned/vowed/denied …", "X made it clear that …",
"according to X, …", belief verbs ("X believes …"), passives with their agent ("was reported by X") and
the question in "Asked whether …". Quotes are attached afterwards (see direct.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .clauses import (
    CONTENT_DEPS,
    anonymity,
    as_clause,
    chars,
    content_clause,
    cue_prep,
    rest_of_clause,
    trim_punct,
)
from .content import continues, shape_content, skip_intro
from .cues import PREP_ONLY, RAISING, SPEECH, is_belief, verb_base, words
from .pipeline import end_char, sentence
from .speakers import ANONYMOUS, PEOPLE
from .subjects import SUBJECT_DEPS, attach_speaker, speaker_tokens

# Verbs that, in the passive with a complement, report a view without its holder: the whole clause is
# the content ("Trump is expected to win", "Clinton is seen as more capable", "Roof is accused of …").
PASSIVE_VIEWS = words(
    "expect see know consider view believe think deem regard say report declare announce accuse criticize "
    "blame"
)
_SEEMING_COMPLEMENTS = ("xcomp", "acomp", "oprd")
# Cue verbs too common in other senses to introduce an adjacent quote on their own.
QUOTE_SHY = words(
    "show find support oppose call cite know expect want order charge post report question signal"
)


# What a source may or may not do ("not authorized to speak publicly"): never something said.
_LEAVE = frozenset({"authorized", "authorised", "permitted", "allowed", "cleared", "empowered"})
_TURNS = frozenset(
    {
        "that said",
        "this said",
        "that being said",
        "that having been said",
        "having said that",
        "having said this",
        "with that said",
        "all that said",
        "all that being said",
    }
)
# Events: what "the referendum expressed" or "the vote showed" is what they were, not what anyone said.
_EVENTS = frozenset(
    {"referendum", "referendums", "vote", "votes", "election", "elections", "ballot", "plebiscite"}
)


def find_reported(doc: Doc) -> list[Candidate]:
    """Every cue in the parse with a content: one candidate per cue, speaker left to speakers.py."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = _according(doc, tok)
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or _participle(tok):
            cand = _verb_cue(doc, tok)
        else:
            cand = None
        if cand is not None:
            out.append(cand)
    return out


def _turn(tok: Token) -> bool:
    """ "That said, …", "Having said that, …": the writer turning an argument, no one's words (on PolNeAR
    train, each made "That" a speaker or "that" a statement)."""
    if tok.lower_ != "said":  # the one verb of every turn
        return False
    sent = sentence(tok)
    words = [t for t in sent if not (t.is_punct and t.text != ",")]
    comma = next((i for i, t in enumerate(words) if t.text == ","), None)
    return comma is not None and tok in words[:comma] and " ".join(t.lower_ for t in words[:comma]) in _TURNS


def _participle(tok: Token) -> bool:
    """ "published a report on Monday warning that …": a participle the tagger calls a noun, though the parse
    gives it a verb's place."""
    return tok.lower_.endswith("ing") and tok.dep_ in ("advcl", "acl")


def _verb_cue(doc: Doc, tok: Token) -> Candidate | None:
    base = verb_base(tok.lower_)
    if base is None and tok.lower_ in ("made", "make", "makes", "making"):
        return _made_clear(doc, tok)
    if base is None and tok.lower_ in ("put", "puts"):
        return _put_it(tok)
    if tok.dep_ == "conj" and any(continues(tok, c) for c in tok.head.children if c.dep_ in CONTENT_DEPS):
        return None  # more of what the cue it hangs on reports, not a cue of its own
    if base is None or tok.dep_ in ("amod", "compound", "nmod", "acomp") or supposing(tok) or _turn(tok):
        return None
    clause = _seeming_clause(tok, base)
    if clause is not None:
        cue_toks = _cue_tokens(doc, tok)
        return Candidate(
            content=clause,
            cue=(cue_toks[0].idx, end_char(cue_toks[-1])),
            cue_token=tok,
            belief=True,
            confidence=0.5,
        )
    if base in RAISING or (base in PREP_ONLY and cue_prep(tok, base) is None):
        return None
    if base in ("respond", "reply") and any(c.dep_ == "neg" for c in tok.children):
        return None  # "did not respond to a request for comment": nothing was said
    as_saying = any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)  # "quoted X as saying …"
    if base == "quote" and not as_saying and any(_whom(c) for c in tok.children if c.dep_ == "dobj"):
        return None  # "state television, quoting a military source, reported …": whose words, not words
    if tok.dep_ == "xcomp" and tok.head.lower_ in _LEAVE:
        return None  # "was not authorised to discuss the talks": the terms of anonymity, not words
    if any(c.dep_ == "nsubj" and c.lower_ in _EVENTS and not _named_beside(c) for c in tok.children):
        return None  # "the referendum expressed the will of its residents": an event speaks for no one
    passive = _passive_agent(doc, tok) if tok.lower_ != "asked" else _asked(doc, tok)
    if passive is not None:
        return passive
    inverted = _inverted(tok)
    if inverted is not None:
        return inverted
    content = content_clause(doc, tok, base)
    if content is None and (is_belief(base) or base in QUOTE_SHY):
        return None
    if content is None and (anonymity(tok) or any(c.dep_ == "xcomp" and anonymity(c) for c in tok.children)):
        return None  # '"…," the official said, asking not to be named': no cue for the quote beside it
    cue_toks = _cue_tokens(doc, tok)
    cand = Candidate(
        content=content,
        cue=(cue_toks[0].idx, end_char(cue_toks[-1])),
        cue_token=tok,
        belief=is_belief(base),
        confidence=0.6 if is_belief(base) else 0.85,
    )
    attach_speaker(cand, tok)
    shape_content(cand, tok)
    return cand


def _whom(obj: Token) -> bool:
    """Whether an object names a speaker ("an unnamed military source", "the minister", "Reuters") and not
    what they said ("Frank quotes Alfred Kahn: '…'")."""
    doc, after = obj.doc, obj.right_edge.i + 1
    if after < len(doc) and doc[after].text == ":":
        return False
    return obj.ent_type_ in ("PERSON", "ORG") or bool(ANONYMOUS.search(obj.text) or PEOPLE.search(obj.text))


def _named_beside(tok: Token) -> bool:
    """ "With 50 days until the election, Minyon Moore, a senior adviser, called …": the parse may make the
    event the subject and the person beside it its apposition."""
    return any(c.dep_ == "appos" for c in tok.children)


def supposing(tok: Token) -> bool:
    """ "Let's say you think …", "let us suppose …": a case the writer puts, which no one said or thinks."""
    us = ("'s", "\u2019s", "us")
    return any(
        verb.head.lower_ == "let" and any(c.lower_ in us for c in (*verb.children, *verb.head.children))
        for verb in (tok, *tok.ancestors)
    )


def _seeming_clause(tok: Token, base: str) -> tuple[int, int] | None:
    """ "X seems to …", "X appears ready", "X is expected to …": the subject, the cue and its complement
    together, since the writer reports an impression that no one in the sentence holds."""
    kids = list(tok.children)
    if base in RAISING:
        subj = [c for c in kids if c.dep_ == "nsubj"]
        comp = [
            c for c in kids if c.dep_ in _SEEMING_COMPLEMENTS or (c.dep_ == "prep" and c.lower_ == "like")
        ]
    elif base in PASSIVE_VIEWS and tok.tag_ == "VBN":
        subj = [c for c in kids if c.dep_ == "nsubjpass"]
        comp = [
            c
            for c in kids
            if c.dep_ in ("xcomp", "oprd", "dobj") or (c.dep_ == "prep" and c.lower_ in ("as", "of", "for"))
        ]
    else:
        return None
    if not subj or not comp or subj[0].lower_ == "it" or subj[0].i > tok.i:
        return None
    if comp[0].dep_ == "xcomp" and any(c.dep_ == "ccomp" for c in comp[0].children):
        return None  # "seems to show that …": the inner cue has the content
    end = max(c.right_edge.i for c in comp)  # not a trailing ", although …" of the writer's
    toks = trim_punct([t for t in tok.subtree if subj[0].left_edge.i <= t.i <= end])
    return chars(toks) if toks else None


def _passive_agent(doc: Doc, tok: Token) -> Candidate | None:
    """ "The meeting was first reported by Politico": the "by" phrase is the speaker and the passive
    subject the content (what was reported, endorsed or rejected)."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if tok.lower_ == "quoted":  # who "was quoted by" an outlet is a speaker, not what was said
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in tok.children):
        return None  # "was asked by X whether …": the clause is the content
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or subj is None or subj.tag_ in ("WDT", "WP", "PRP") or subj.lower_ == "that":
        return None
    cue_toks = _cue_tokens(doc, tok)
    if agent.i == cue_toks[-1].i + 1:
        cue_toks.append(agent)
    src = speaker_tokens(pobj)
    return Candidate(
        content=chars(trim_punct(list(subj.subtree))),
        cue=(cue_toks[0].idx, end_char(cue_toks[-1])),
        cue_token=tok,
        speaker=(src[0].idx, end_char(src[-1])),
        speaker_token=pobj,
        confidence=0.6,
    )


def _asked(doc: Doc, tok: Token) -> Candidate | None:
    """ "Asked if he was bullied, Trump said …", "Sanders was asked about the emails": the question is the
    content, and PolNeAR gives it no source, since the one who answers did not ask it. "Asked by a reporter
    whether …" is the reporter's question."""
    # "Last week, asked about the tax, she …": the parser may call a reduced passive a past tense
    reduced = tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.dep_ in ("advcl", "acl"))
    if not reduced or any(c.dep_ == "nsubj" for c in tok.children):
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if agent is not None and asker is None:
        return None
    cue_toks = _cue_tokens(doc, tok)
    about = next(
        (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "about" and c.i == tok.i + 1), None
    )
    if about is not None:
        content = [c for c in about.children if c.dep_ in ("pobj", "pcomp")]
        cue_toks.append(about)
    else:
        content = [
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "advcl")
            and c.i > tok.i
            and (doc[c.left_edge.i].lower_ in ("if", "whether") or doc[c.left_edge.i].tag_.startswith("W"))
        ][:1]
    if not content:
        return None
    cand = Candidate(
        content=chars(trim_punct(list(content[0].subtree))),
        cue=(cue_toks[0].idx, end_char(cue_toks[-1])),
        cue_token=tok,
        confidence=0.5,
    )
    if asker is not None:
        src = speaker_tokens(asker)
        cand.speaker, cand.speaker_token = (src[0].idx, end_char(src[-1])), asker
    shape_content(cand, tok)
    return cand


def _inverted(tok: Token) -> Candidate | None:
    """ "The contrast, said Doyle, would be clear": the parse takes the sentence's subject for the speaker
    and the speaker for the subject of the rest. The content is the whole sentence around the cue."""
    doc = tok.doc
    subj = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    comp = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
    if not subj or not comp or doc[tok.i - 1].text != ",":
        return None
    if any(c.dep_ in ("appos", "relcl", "acl") for c in subj[0].children):
        return None  # "Sexton, a professor, said he …": the comma closes the speaker's description
    inner = [c for c in comp[0].children if c.dep_ in SUBJECT_DEPS and c.left_edge.i == tok.i + 1]
    if not inner or "," not in (doc[inner[0].right_edge.i].text, doc[inner[0].right_edge.i + 1].text):
        return None  # the speaker is set off by commas on both sides
    src = speaker_tokens(inner[0])
    return Candidate(
        content=chars(trim_punct(list(doc[subj[0].left_edge.i : comp[0].right_edge.i + 1]))),
        cue=(tok.idx, end_char(tok)),
        cue_token=tok,
        speaker=(src[0].idx, end_char(src[-1])),
        speaker_token=inner[0],
        confidence=0.85,
    )


def clear_word(tok: Token) -> Token | None:
    """The "clear" (or "plain") that makes "made" a cue in "X made it clear that …"."""
    return next(
        (c for c in tok.children if c.lower_ in ("clear", "plain") and c.dep_ in ("ccomp", "oprd", "acomp")),
        None,
    )


def _made_clear(doc: Doc, tok: Token) -> Candidate | None:
    """ "X made it clear that …": the cue is the phrase, the content its clause."""
    clear = clear_word(tok)
    if clear is None:
        return None
    clause = [
        c
        for c in list(clear.children) + list(tok.children)
        if c.dep_ in ("ccomp", "advcl") and c != clear and any(m.dep_ == "mark" for m in c.children)
    ]
    if not clause:
        return None
    content = _subtree_chars(clause[0])
    cand = Candidate(content=content, cue=(tok.idx, end_char(clear)), cue_token=tok, confidence=0.85)
    attach_speaker(cand, tok)
    return cand


def _put_it(tok: Token) -> Candidate | None:
    """ "As Tom Ridge put it: '…'", "as he puts it, …": the words of the one who put it so, which the clause
    the "as" qualifies holds."""
    it = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if it is None or not as_clause(tok):
        return None
    if tok.head.i < tok.i and verb_base(tok.head.lower_) is not None:
        return None  # 'pledges to "make sure …," as she put it': the cue it qualifies already says whose
    cand = Candidate(content=rest_of_clause(tok), cue=(tok.idx, end_char(it)), cue_token=tok, confidence=0.85)
    attach_speaker(cand, tok)
    shape_content(cand, tok)
    return cand


def _according(doc: Doc, tok: Token) -> Candidate | None:
    to = doc[tok.i + 1]
    pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    sent = sentence(tok)
    head = tok.head if tok.head.i not in phrase else sent.root
    while head.dep_ == "conj" or (head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT"):
        head = head.head  # "… stood at 200,000 and has since exploded, according to X": the whole clause
    last = trim_punct(list(sent))[-1]
    # "Xi said the question was a red line, according to a readout": the readout reports Xi's words
    if head.dep_ == "ccomp" and verb_base(head.head.lower_) in SPEECH and to.right_edge == last:
        head = head.head
    while head.dep_ == "advcl" and to.right_edge == last:
        head = head.head  # "X was awarded …, even though engineers had warned …, according to documents"
    pool = [t for t in head.subtree if t.i not in phrase and sent.start <= t.i < sent.end]
    before = [t for t in pool if t.i < tok.i]
    if len(trim_punct(before)) > 2:
        pool = before  # "…, according to X(, more than twice …)": the claim is what precedes the phrase
    pool = trim_punct(pool)
    if not pool:
        return None
    src = speaker_tokens(pobj[0])
    start = pool[0].idx if pool[-1].i > tok.i else skip_intro(doc, pool[0].idx, end_char(pool[-1]))
    cand = Candidate(
        content=(start, end_char(pool[-1])),
        cue=(tok.idx, end_char(to)),
        cue_token=tok,
        speaker=(src[0].idx, end_char(src[-1])),
        speaker_token=pobj[0],
        confidence=0.85,
    )
    return cand


def _cue_tokens(doc: Doc, tok: Token) -> list[Token]:
    """The cue verb with the auxiliaries, negation and adverbs that directly precede it ("has also said",
    "has sharply criticized")."""
    toks = [tok]
    j = tok.i - 1
    while (
        j >= sentence(tok).start
        and doc[j].head == tok
        and (doc[j].dep_ in ("aux", "auxpass", "neg") or (doc[j].dep_ == "advmod" and doc[j].pos_ == "ADV"))
    ):
        toks.insert(0, doc[j])
        j -= 1
    if toks[0].dep_ == "advmod":  # "no longer supported": the words that make the adverb
        toks[:0] = list(doc[toks[0].left_edge.i : toks[0].i])
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            toks.append(c)
    base = verb_base(tok.lower_)
    prep = cue_prep(tok, base) if base else None
    if prep is not None and prep.i == toks[-1].i + 1:
        toks.append(prep)
    return toks


def _subtree_chars(tok: Token) -> tuple[int, int]:
    return chars(list(tok.subtree))
