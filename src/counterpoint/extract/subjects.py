"""Who a verb cue's speaker is: its subject, found through the clauses a parse hangs it on.

Reported speech puts the speaker anywhere: before the cue ("Kerry said"), after it ("said Kerry"), up a chain
of participles and conjunctions ("…, adding …", "began by saying …"), behind a passive ("was told by aides")
or behind a work ("issued a statement saying …"). These rules walk the parse to the subject and cut its
mention to what PolNeAR's annotators mark.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .candidate import Candidate
from .content import goes_on
from .cues import told_passively, verb_base, words
from .entities import WORKS
from .pipeline import SUBJECT_DEPS, end_char

INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp", "dep")
ADVERBIAL_PREPS = ("by", "in", "after", "before", "while", "upon", "since", "without")
_MAX_NAME_BEFORE = 8  # words of title and name ("Tulsa police Chief Chuck Jordan")

# Verbs that put out a work, whose subject is its author ("issued a statement", "sent a letter"): every form.
_ISSUING = words("""
issue issues issued issuing release releases released releasing publish publishes published publishing send
sends sent sending post posts posted posting write writes wrote written writing sign signs signed signing
deliver delivers delivered delivering give gives gave given giving make makes made making put puts putting
""")


def _issues(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lower_ in _ISSUING


def attach_speaker(cand: Candidate, tok: Token) -> None:
    """The cue's subject, or the subject it shares with the verb it hangs off ("…, adding …")."""
    name = _name_after(tok) or _name_before(tok)
    if name is not None:  # "'No deal would be a failure', says Hammond": a headline the parse breaks up
        cand.speaker, cand.speaker_token = (name.start_char, name.end_char), name.root
        return
    cur, hops = tok, 0
    if tok.dep_ == "acl" and tok.head.lower_ in WORKS and tok.head.dep_ == "dobj" and _issues(tok.head.head):
        cur = tok.head.head  # "Tom Reyes issued a statement saying …": who issued it, not the statement
    if goes_on(tok) and tok.head.dep_ == "ccomp" and verb_base(tok.head.head.lower_) is not None:
        cur = tok.head.head  # "Chen said the city had offered a raise, calling …": Chen goes on, not the city
    while hops < 3:
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            s = min(subj, key=lambda c: abs(c.i - cur.i))  # '"…campaign is …," said Wimes': Wimes
            # "was told by aides that …": the aides; "Officials were warned that …": unsaid; but "was asked
            # about it but would only say …": the one asked says what the active verb joined to it says
            if s.dep_ == "nsubjpass" and told_passively(cur) is not None and not _joined_active(tok, cur):
                agent = next((a for c in cur.children if c.dep_ == "agent" for a in c.children), None)
                if agent is not None:
                    toks = speaker_tokens(agent)
                    cand.speaker, cand.speaker_token = (toks[0].idx, end_char(toks[-1])), agent
                return
            if s.lower_ in ("it", "there") and cur.lower_ in ("is", "was", "appears"):
                return
            toks = speaker_tokens(s, asides=s.i < cur.i)
            # "A former assistant to property developer Gregory Hallworth told": one subject, not two
            run_on = next((c for c in subj if c.right_edge.i + 1 == s.left_edge.i and _ends_in_prep(c)), None)
            if run_on is not None and s.ent_type_ == "PERSON":
                toks, s = speaker_tokens(run_on) + toks, run_on
            inside = cand.content and cand.content[0] <= toks[0].idx < cand.content[1]
            if toks and not (inside and not cand.content[0] <= tok.idx < cand.content[1]):
                cand.speaker = (toks[0].idx, end_char(toks[-1]))
                cand.speaker_token = s
            return
        gov = cur.head.head if cur.dep_ == "pcomp" and cur.head.lower_ in ADVERBIAL_PREPS else None
        if cur.dep_ == "pcomp" and cur.head.lower_ == "as" and cur.head.head.lower_ == "quoted":
            gov = cur.head.head  # "Araqchi was quoted by state media as saying …": Araqchi said it
        if gov is not None and gov.dep_ in ("acomp", "attr"):
            gov = gov.head  # "is vocal in opposing …": the subject of "is"
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            # "began by saying …", "After blasting the report, Beck …": the subject of the verb the phrase
            # modifies ("for saying" is no cue: "criticised for saying" names who was criticised)
            cur = gov
            hops += 1
            continue
        if cur.dep_ in INHERIT_DEPS and cur.head != cur:
            if (
                cur.dep_ == "conj"
                and cur.head.dep_ == "ccomp"
                and verb_base(cur.head.head.lower_) is not None
            ):
                cur = cur.head  # "said that it was … and added …": the parse hung "added" on the content
            cur = cur.head
            hops += 1
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("PROPN", "NOUN"):
            toks = speaker_tokens(cur.head)
            cand.speaker = (toks[0].idx, end_char(toks[-1]))
            cand.speaker_token = cur.head
        return


def _joined_active(tok: Token, cur: Token) -> bool:
    """Whether the cue is an active verb conjoined to the passive `cur` whose subject it shares."""
    return tok != cur and tok.dep_ == "conj" and tok.head == cur and tok.tag_ != "VBN"


def _name_after(tok: Token) -> Span | None:
    """The name after an inverted cue at the end of its line, which the parse left without a subject."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != "," or tok.tag_ not in ("VBZ", "VBD", "VBP"):
        return None  # "…, echoing Mr. Putin": a participle is not inverted
    end = tok.i + 1
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].ent_type_ not in ("DATE", "TIME")
    ):
        end += 1
    line_ends = end == len(doc) or "\n" in doc[end].text or doc[end].text == "."
    return doc[tok.i + 1 : end] if end > tok.i + 1 and line_ends else None


def _name_before(tok: Token) -> Span | None:
    """'"…," Tulsa police Chief Chuck Jordan said': the words between a closing quote and a cue with no
    subject, ending in a name, which the parse broke up (it took "Tulsa" for a verb); or a titled name after
    the comma that ends an opening phrase ("In an email seen by The Ledger, Chief Executive Dana Whitcombe
    wrote", parsed as more of the phrase)."""
    doc = tok.doc
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not _quoted_after(c, tok)]
    if tok.tag_ not in ("VBZ", "VBD") or subjects:
        return None
    end = tok.i - 3 if tok.i > 3 and _age(doc[tok.i - 3 : tok.i]) else _aside_start(doc, tok.i)
    start = end
    while start > 0 and end - start < _MAX_NAME_BEFORE and doc[start - 1].is_alpha:
        start -= 1
    # a closing mark hugs the word before it, unlike the opening one of "publish ''Trump Revealed''"
    closing = start > 1 and doc[start - 1].tag_ == "''" and not doc[start - 2].whitespace_
    titled = start > 0 and doc[start - 1].text == "," and doc[end - 1].ent_type_ == "PERSON"
    titled = titled and all(t.pos_ in ("PROPN", "NOUN", "ADJ") for t in doc[start:end])
    if start == end or not (closing or titled) or doc[end - 1].pos_ != "PROPN":
        return None
    named = any(t.ent_type_ in ("PERSON", "ORG") for t in doc[start:end])
    return doc[start : tok.i - 1 if end < tok.i else end] if named else None  # the age kept, as annotators do


def _ends_in_prep(subj: Token) -> bool:
    """Whether a subject's words end in a phrase of its own preposition ("an assistant to the developer")."""
    return any(
        c.dep_ == "prep" and c.right_edge == subj.right_edge and not c.right_edge.is_punct
        for c in subj.children
    )


def _quoted_after(subj: Token, cue: Token) -> bool:
    """A "subject" after its cue inside quote marks is a title the parse misread: '…," Flynn, a top Trump
    surrogate, said Thursday on Fox News's "Fox and Friends."'."""
    return subj.i > cue.i and any(t.tag_ == "``" for t in subj.doc[cue.i : subj.left_edge.i])


def _aside_start(doc: Doc, cue: int) -> int:
    """Where a name's aside between commas starts, when one ends just before the cue ('"…," Flynn, a top
    Trump surrogate, said'); else the cue: what `_name_before` reads back from."""
    if cue < 2 or doc[cue - 1].text != ",":
        return cue
    start = cue - 1
    while start > 0 and doc[start - 1].text not in (",", "\n") and cue - start < _MAX_NAME_BEFORE:
        start -= 1
    named = start > 1 and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "PERSON"
    return start - 1 if named else cue


def _age(toks: Span) -> bool:
    """ ", 58," after a name."""
    return (
        len(toks) == 3
        and toks[0].text == toks[2].text == ","
        and toks[1].text.isdigit()
        and len(toks[1]) <= 3
    )


def speaker_tokens(head: Token, asides: bool = False) -> list[Token]:
    """The speaker mention: the subject's whole subtree, descriptions and relative clauses included
    ("Derek Mitchell, who served as ambassador,") but not participle clauses or a leading "even", with a
    parenthesis kept only when it closes and a final "%" ("31%") kept. With `asides` (a subject before
    its cue), a relative clause set off after the name is left out (it scores better on PolNeAR train)."""
    drop = {t.i for c in head.children if c.dep_ == "acl" and c.i > head.i for t in c.subtree}
    # '"That's a concern," Sarandon, 69, told MSNBC': the parse may hang the quote on the name after it
    drop |= {
        t.i for c in head.children if c.dep_ in ("ccomp", "parataxis") and c.i < head.i for t in c.subtree
    }
    if asides:
        drop |= {
            t.i
            for c in head.children
            if _trailing_aside(c)
            for t in head.doc[c.left_edge.i : head.right_edge.i + 1]
        }
    toks = [t for t in head.subtree if t.i not in drop]
    opened = next((i for i, t in enumerate(toks) if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in toks[opened:]):
        toks = toks[:opened]
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ == "even"):
        toks = toks[1:]
    while toks and toks[-1].text not in (")", "%") and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks or [head]


def _trailing_aside(c: Token) -> bool:
    """ "Barkley, who said he votes Democratic,": a relative clause after the name, which PolNeAR leaves
    out of the source about as often as it keeps it. A title in apposition stays, and so does an age
    ("Jim Bennett, 57,"): annotators kept it 39 times in 46 on train."""
    if c.i <= c.head.i or c.doc[c.left_edge.i - 1].text != ",":
        return False
    return c.dep_ == "relcl" and c.doc[c.left_edge.i].lower_ in ("who", "which")
