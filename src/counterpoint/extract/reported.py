"""Attributions found from the dependency parse: a cue word, its subject (the speaker) and its complement.

Covers "X said (that) …", "X told reporters …", "X warned/vowed/denied …", "X made it clear that …",
"according to X, …" and belief verbs ("X believes …"). Quotes are attached afterwards (see direct.py).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .candidate import Candidate
from .cues import is_belief, verb_base

# Verbs whose direct object is the addressee rather than the content ("told reporters", "asked him").
ADDRESSEE_VERBS = frozenset(
    {
        "tell",
        "ask",
        "inform",
        "advise",
        "assure",
        "urge",
        "remind",
        "warn",
        "instruct",
        "order",
        "beg",
        "notify",
    }
)
# Verbs whose direct object (plus "as …"/predicate) can be the content ("denied the report", "called it 'bogus'").
DOBJ_CONTENT = frozenset(
    [
        "deny",
        "announce",
        "reject",
        "dismiss",
        "confirm",
        "acknowledge",
        "admit",
        "reveal",
        "disclose",
        "describe",
        "call",
        "praise",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "propose",
        "recommend",
        "support",
        "oppose",
        "endorse",
        "defend",
        "welcome",
        "cite",
        "question",
        "dispute",
        "challenge",
        "predict",
        "want",
        "know",
        "expect",
        "promise",
        "threaten",
        "demand",
        "reiterate",
        "condemn",
        "denounce",
        "decry",
        "mock",
        "hail",
        "applaud",
        "show",
        "find",
        "estimate",
        "label",
        "dub",
        "tout",
        "highlight",
        "mention",
        "accuse",
        "charge",
        "blame",
        "report",
        "claim",
        "suggest",
        "fear",
        "understand",
        "consider",
        "brand",
        "term",
        "characterize",
        "characterise",
        "ridicule",
        "explain",
        "concede",
        "forecast",
        "project",
        "calculate",
        "dispute",
        "protest",
    ]
)
# Verbs whose to-infinitive is the content ("vowed to fight", "wants to win", "urged them to vote").
XCOMP_CONTENT = frozenset(
    [
        "want",
        "plan",
        "intend",
        "hope",
        "expect",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "urge",
        "ask",
        "call",
        "agree",
        "decline",
        "refuse",
        "seek",
        "offer",
        "wish",
        "appear",
        "claim",
        "demand",
        "warn",
        "advise",
        "instruct",
        "order",
        "beg",
    ]
)
# Cue verbs too common in other senses to introduce an adjacent quote on their own.
QUOTE_SHY = frozenset(
    {
        "show",
        "find",
        "support",
        "oppose",
        "call",
        "cite",
        "know",
        "expect",
        "want",
        "consider",
        "project",
        "order",
        "charge",
        "post",
        "report",
        "question",
        "challenge",
        "signal",
    }
)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CONTENT_DEPS = ("ccomp",)
INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp", "dep")


def find_reported(doc: Doc) -> list[Candidate]:
    """Every cue in the parse with a content: one candidate per cue, speaker left to speakers.py."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = _according(doc, tok)
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            cand = _verb_cue(doc, tok)
        else:
            cand = None
        if cand is not None:
            out.append(cand)
    return out


def _verb_cue(doc: Doc, tok: Token) -> Candidate | None:
    base = verb_base(tok.lower_)
    if base is None and tok.lower_ in ("made", "make", "makes", "making"):
        return _made_clear(doc, tok)
    if base is None or tok.dep_ in ("amod", "compound", "nmod", "acomp"):
        return None
    content = _content(doc, tok, base)
    if content is None and (is_belief(base) or base in QUOTE_SHY):
        return None
    cue_toks = _cue_tokens(doc, tok)
    cand = Candidate(
        content=content,
        cue=(cue_toks[0].idx, _end(cue_toks[-1])),
        cue_token=tok,
        belief=is_belief(base),
        confidence=0.6 if is_belief(base) else 0.85,
    )
    _attach_speaker(cand, tok)
    return cand


def _made_clear(doc: Doc, tok: Token) -> Candidate | None:
    """ "X made it clear that …": the cue is the phrase, the content its clause."""
    clear = [
        c for c in tok.children if c.lower_ in ("clear", "plain") and c.dep_ in ("ccomp", "oprd", "acomp")
    ]
    if not clear:
        return None
    clause = [c for c in list(clear[0].children) + list(tok.children) if c.dep_ == "ccomp" and c != clear[0]]
    if not clause:
        return None
    content = _subtree_chars(clause[0])
    cand = Candidate(content=content, cue=(tok.idx, _end(clear[0])), cue_token=tok, confidence=0.85)
    _attach_speaker(cand, tok)
    return cand


def _according(doc: Doc, tok: Token) -> Candidate | None:
    to = doc[tok.i + 1]
    pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    phrase = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree)
    sent = tok.sent
    head = tok.head if tok.head.i not in phrase else sent.root
    pool = [t for t in head.subtree if t.i not in phrase and sent.start <= t.i < sent.end]
    pool = _trim_punct(pool)
    if not pool:
        return None
    src = _speaker_tokens(pobj[0])
    cand = Candidate(
        content=(pool[0].idx, _end(pool[-1])),
        cue=(tok.idx, _end(to)),
        cue_token=tok,
        speaker=(src[0].idx, _end(src[-1])),
        speaker_token=pobj[0],
        confidence=0.85,
    )
    return cand


def _content(doc: Doc, tok: Token, base: str) -> tuple[int, int] | None:
    """The content clause of a cue verb, or None when it has none the rules trust."""
    kids = list(tok.children)
    clauses = [c for c in kids if c.dep_ in CONTENT_DEPS]
    if clauses:
        toks = [t for c in clauses for t in c.subtree]
        return _chars(toks)
    if base in XCOMP_CONTENT:
        x = [c for c in kids if c.dep_ == "xcomp"]
        if x:
            objs = [c for c in kids if c.dep_ == "dobj" and c.i < x[0].i]
            return _chars([t for c in objs + x for t in c.subtree])
    if base in DOBJ_CONTENT and base not in ADDRESSEE_VERBS:
        objs = [c for c in kids if c.dep_ in ("dobj", "oprd")]
        if objs:
            extra = [
                c
                for c in kids
                if c.dep_ in ("xcomp", "ccomp")
                or (c.dep_ == "prep" and c.lower_ in ("as", "of") and c.i > objs[0].i)
            ]
            return _chars([t for c in objs + extra for t in c.subtree])
    if tok.dep_ in ("parataxis",) and tok.head.i != tok.i:
        return _rest_of_clause(tok)
    if tok.dep_ == "ROOT" and tok.i > tok.sent.start + 1 and base not in ("continue",):
        # "The plan is dead, he said." parsed with the clause as a sibling: the words before the subject.
        return _leading_clause(tok)
    return None


def _rest_of_clause(tok: Token) -> tuple[int, int] | None:
    own = set(t.i for t in tok.subtree)
    pool = _trim_punct([t for t in tok.head.subtree if t.i not in own])
    return _chars(pool) if pool else None


def _leading_clause(tok: Token) -> tuple[int, int] | None:
    """Content before "…, X said." when the parser hung the clause's verb elsewhere."""
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    first = min([tok.i] + [t.i for s in subj for t in s.subtree])
    sent = tok.sent
    pool = _trim_punct([t for t in sent if t.i < first])
    if len(pool) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in pool):
        return None
    if doc_punct_before(tok.doc, first) not in (",", "\u201d", '"', "''", "--", "\u2014"):
        return None
    return _chars(pool)


def doc_punct_before(doc: Doc, i: int) -> str:
    return doc[i - 1].text if i > 0 else ""


def _cue_tokens(doc: Doc, tok: Token) -> list[Token]:
    """The cue verb with its auxiliaries and negation when they directly precede it ("has not said")."""
    toks = [tok]
    j = tok.i - 1
    while j >= tok.sent.start and doc[j].head == tok and doc[j].dep_ in ("aux", "auxpass", "neg"):
        toks.insert(0, doc[j])
        j -= 1
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            toks.append(c)
    return toks


def _attach_speaker(cand: Candidate, tok: Token) -> None:
    """The cue's subject, or the subject it shares with the verb it hangs off ("…, adding …")."""
    cur, hops = tok, 0
    while hops < 3:
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            s = subj[0]
            if s.lower_ in ("it", "there") and cur.lower_ in ("is", "was", "appears"):
                return
            toks = _speaker_tokens(s)
            if toks and not (cand.content and cand.content[0] <= toks[0].idx < cand.content[1]):
                cand.speaker = (toks[0].idx, _end(toks[-1]))
                cand.speaker_token = s
            return
        if cur.dep_ in INHERIT_DEPS and cur.head != cur:
            cur = cur.head
            hops += 1
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("PROPN", "NOUN"):
            toks = _speaker_tokens(cur.head)
            cand.speaker = (toks[0].idx, _end(toks[-1]))
            cand.speaker_token = cur.head
        return


def _speaker_tokens(head: Token) -> list[Token]:
    """The speaker mention: the subject's subtree without relative clauses, as one contiguous run."""
    drop: set[int] = set()
    for t in head.subtree:
        if t.dep_ in ("relcl", "acl") and t != head:
            drop |= {x.i for x in t.subtree}
    keep = {t.i for t in head.subtree} - drop
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    toks = _trim_punct([head.doc[i] for i in range(lo, hi + 1)])
    return toks or [head]


def _trim_punct(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in ("and", "but")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def _chars(toks: list[Token]) -> tuple[int, int]:
    return (min(t.idx for t in toks), max(_end(t) for t in toks))


def _subtree_chars(tok: Token) -> tuple[int, int]:
    return _chars(list(tok.subtree))


def _end(tok: Token | Span) -> int:
    return tok.idx + len(tok.text) if isinstance(tok, Token) else tok.end_char
