"""How, to whom and when something was said, and which statement reports which (nesting).

Read from the attribution clause only (the cue's own words outside the content), so a date or "in
private" inside what was said is not mistaken for when or how it was said.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, pairwise

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import (
    ADDRESSEE_DEPS,
    ADDRESSEE_VERBS,
    MEDIA,
    PRIVATE_ADDRESSEES,
    PRIVATE_MARKERS,
    PUBLIC_ADDRESSEES,
    PUBLIC_MARKERS,
    TO_THE_PRESS,
    told_passively,
    verb_base,
    words,
)
from .entities import EntityIndex
from .pipeline import doc_text
from .speakers import antecedent

_DATE_PREPS = frozenset({"in", "on", "at", "during", "last"})
# Works that are published when they are made: what one of them says is said in public.
_PUBLISHED = frozenset({"statement", "tweet", "speech", "post", "testimony", "op-ed", "column", "release"})
# Occasions that are public by nature: what is said at, in or during one is said in public ("At Monday's
# presidential debate, Clinton cited …", "during a Friday evening rally", "In his 2002 book")
_PUBLIC_OCCASIONS = _PUBLISHED | words(
    "tweets posts rally debate interview conference briefing forum hearing editorial broadcast podcast show"
    " program programme appearance book memoir remarks convention sermon lecture commencement"
)
# a time named by what happened then: "on the night of the referendum", "the first day of the hearings"
_OCCASIONS = frozenset(
    {"night", "day", "eve", "morning", "afternoon", "evening", "week", "weekend", "anniversary"}
)
_WHEN = ("DATE", "TIME")
# What one says now happens today or this week: an earlier date beside "says" is of the events it tells
_DAYS = re.compile(
    r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)
_WHERE_OR_WHEN = ("GPE", "LOC", "FAC", *_WHEN)
_HOW_LONG_PREPS = frozenset({"for", "within", "over", "throughout", "since"})
_ANCHORS = frozenset({"after", "before", "following"})
_MODIFIER = ("amod", "compound", "nummod", "nmod", "poss", "det")  # of a noun: "the 2014 vote"
_AGE = re.compile(r"^(?:under |over )?\d{1,3}$|years?[ -]old")  # "who is 70", "voters under 30"
# A length of time, not a point in it, unless a word after it makes it one ("two days ago", "days later")
_SPAN_OF_TIME = re.compile(
    r"^(?:(?:less|more) than |about |nearly |almost |over |some )?"
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several)"
    r"[ -](?:days?|weeks?|months?|years?|decades?)$",
    re.IGNORECASE,
)
_MAKES_IT_WHEN = frozenset({"ago", "earlier", "later", "before", "after", "since", "prior"})
# What a cue's object or "to" may name that is no one it was said to
_NOT_TOLD = words(
    "question questions story stories truth lie lies joke jokes tale tales cheers applause laughter boos"
    " extent"
)
# the pronouns that may stand for whom it was said to ("told them", "he was asked", "asking each")
_PERSONS = words(
    "me you him her us them whom i we he she they everyone everybody anyone someone those each"
    " myself yourself himself herself ourselves themselves"
)
# Verbs that say a thing was made known to all: what is announced is public
_MADE_PUBLIC = words("announce")
# Participles that say a work came out, and when: "a poll released Monday", "a report published Wednesday"
_PUT_OUT = words("released published issued aired posted broadcast unveiled")
# Verbs whose "to" is what they answer or point at, not whom they speak to ("pointed to a release", "the ad
# cuts to footage of …"), matched by their stem: most are in no lexicon of cues
_TO_WHAT = ("point", "refer", "allude", "respond", "react", "object", "agree", "return", "turn", "cut")
_DURATION = re.compile(r"(?:\S+\s+)?(?:[\w-]+[\s-])?(?:hours?|minutes?|seconds?)$", re.IGNORECASE)


def link_parents(cands: list[Candidate]) -> None:
    """Each candidate's parent is the innermost other candidate whose content holds its attribution
    (and not the other way round, which a headline "…, Kerry admitted - Lavrov" can suggest).

    Only a content that starts before the attribution and reaches past it can hold it, so each search runs
    back from the attribution through contents sorted by start, and stops where none reaches that far: a
    transcript with thousands of statements costs thousands of steps, not millions."""
    regions = [c.region() for c in cands]
    held = [j for j, p in enumerate(cands) if p.content is not None]
    order = sorted(held, key=lambda j: cands[j].content[0])
    starts = [cands[j].content[0] for j in order]
    reach = list(accumulate((cands[j].content[1] for j in order), max))
    for i, c in enumerate(cands):
        r0, r1 = regions[i]
        best: tuple[int, int] | None = None  # (width, index) of the innermost holder so far
        k = bisect_right(starts, r0) - 1
        while k >= 0 and reach[k] >= r1:
            j, k = order[k], k - 1
            p = cands[j]
            if j == i or p.content == c.content or c.reports(*regions[j]) or not p.reports(r0, r1):
                continue
            holder = (p.content[1] - p.content[0], j)
            if best is None or holder < best:
                best = holder
        c.parent = best[1] if best else None


def add_details(doc: Doc, cands: list[Candidate], index: EntityIndex, author: str | None = None) -> None:
    """Addressee, setting and said_at from each cue's clause; "told me" in no one's words was told to the
    byline's one `author`."""
    cues = [c.cue_token for c in cands if c.cue_token is not None]
    for cand in cands:
        tok = cand.cue_token
        if tok is None or tok.lower_ == "according":
            continue
        clause = _clause_tokens(tok, cand, cues)
        words = " ".join(t.lower_ for t in clause)
        addressee = _addressee(tok, cand)
        if addressee is not None:
            low = addressee.lower_
            cand.addressee = _noun_phrase(addressee)
            parent = cands[cand.parent] if cand.parent is not None else None
            if low in ("him", "her", "me", "us") and parent is not None and parent.speaker_name:
                cand.addressee = parent.speaker_name  # "A said that B told him …": him is A
            elif low == "me" and parent is None and author:
                cand.addressee = author
            elif low in ("him", "her"):
                gender = "m" if low == "him" else "f"
                ent = index.nearest_person(addressee.idx, exclude=cand.speaker_name, gender=gender)
                cand.addressee = ent.name if ent else cand.addressee
        cand.setting = _setting(words, addressee, cand.parent is None, _on_record(cand))
        cand.said_at = _said_at(doc, clause)
        borrowed = _occasion(tok)
        if borrowed and cand.setting is None:
            cand.setting = _setting(" ".join(t.lower_ for t in borrowed), None)
        if borrowed and cand.said_at is None:
            cand.said_at = _said_at(doc, borrowed)
        if cand.said_at is None and " at the time " in f" {words} ":
            cand.said_at = _the_time(doc, tok)
        if cand.setting is None and _in_published_work(tok):
            cand.setting = "public"
        if cand.setting is None and _in_private_mail(clause):
            cand.setting = "private"
        if cand.setting is None and (
            _at_public_occasion(clause)
            or _in_the_media(clause)
            or _published_by_media(cand)
            or verb_base(tok.lower_) in _MADE_PUBLIC
        ):
            cand.setting = "public"
        put_out = _put_out(cand)  # "a poll released Monday": said when it came out, to the public
        if put_out is not None:
            cand.said_at = cand.said_at or _said_at(doc, list(put_out.subtree))
            cand.setting = cand.setting or "public"
        if cand.said_at and tok.tag_ in ("VBZ", "VBP") and not _said_lately(cand.said_at):
            cand.said_at = None  # "Last September, when …, Babar says", "Adopted in 1981, he says"
    _same_occasion(doc, cands)


# What opens a clause whose time is not the saying's: "the lowest since records began in 1952".
_OTHER_TIME_MARKS = words("since until before after because if unless although though")
# A cue's words that make it another occasion than the one before ("later defended", "has long said")
_ANOTHER_TIME = words("later earlier previously once before since again often repeatedly long then afterward")


def _same_occasion(doc: Doc, cands: list[Candidate]) -> None:
    """What a speaker goes on to say in the same paragraph, with no statement between, was said where and
    when the paragraph's last statement of theirs was ("… said at a rally Tuesday. 'We will win,' he added"),
    unless its own words set it at another time ("Trump later defended …", "has long said", "Later in the
    summer, she revised her statement, explaining …")."""
    top = [c for c in cands if c.parent is None and c.cue_token is not None]
    top.sort(key=lambda c: c.region()[0])
    for before, cand in pairwise(top):
        tok = cand.cue_token
        if (
            not cand.speaker_name
            or cand.speaker_name != before.speaker_name
            or (cand.setting is not None and cand.said_at is not None)
            or "\n" in doc_text(doc)[before.region()[0] : cand.region()[1]]
            or tok.tag_ not in ("VBD", "VBG")
            or (tok.dep_ == "pcomp" and tok.head.lower_ in _OTHER_TIME_MARKS)  # "six months after promising"
            or any(_another_time(t, tok) for t in tok.sent)
        ):
            continue
        cand.setting = cand.setting or before.setting
        cand.said_at = cand.said_at or before.said_at


def _another_time(word: Token, cue: Token) -> bool:
    """A word on the cue's verb, or a verb it hangs on, that moves it in time ("later", "has said"); not
    part of a date, which would be the cue's own time ("Five years earlier")."""
    if word.ent_type_ in _WHEN or not (word.head == cue or word.head.is_ancestor(cue)):
        return False
    if word.dep_ == "aux":
        return word.head == cue and word.lower_ in ("has", "have", "had")
    return word.dep_ in ("advmod", "npadvmod") and word.lower_ in _ANOTHER_TIME


def _said_lately(when: str) -> bool:
    """Whether a time beside a cue in the present tense can be when it was said: today or a day of this
    week ("He says tonight"), or an occasion of saying it ("continues to insist, most recently in a Labor Day
    interview"); other times there are those of the events the words tell."""
    named = set(when.lower().split())
    if _DAYS.search(when):
        return True
    return not named.isdisjoint(_PUBLIC_OCCASIONS) or not named.isdisjoint(_TALKS_WITH)


def _on_record(cand: Candidate) -> bool:
    """Whether a "told me" in the writer's voice is an interview for the article: the speaker is someone it
    names ("Mr. King, 82, told me"), not one of the writer's own circle ("my colleague Dan Hughes put it to
    me") or someone unnamed ("a colleague told me she had never been more exhausted")."""
    who = cand.speaker_token
    return cand.speaker_entity is not None and who is not None and all(t.lower_ != "my" for t in who.subtree)


def _setting(
    words: str, addressee: Token | None, writer: bool = False, on_record: bool = False
) -> str | None:
    """public or private, from the words around a cue (joined, lowercased) and whom it was said to. "Told us"
    in the `writer`'s own voice was said to the outlet, on the record (in someone's words, to a few), and so
    was a "told me" there said `on_record`, in an interview for the article."""
    words = f" {words} "  # markers are whole words: "on x" is the platform, not "on xinjiang"
    if any(f" {m} " in words for m in TO_THE_PRESS) or (
        writer and addressee is not None and addressee.lower_ == "us"
    ):
        return "public"
    if any(f" {m} " in words for m in PRIVATE_MARKERS):
        return "private"
    if addressee is not None and addressee.lower_ in PRIVATE_ADDRESSEES:
        return "public" if writer and on_record and addressee.lower_ == "me" else "private"
    if any(f" {m} " in words for m in PUBLIC_MARKERS) or (
        addressee is not None
        and (addressee.lower_ in PUBLIC_ADDRESSEES or any(t.lower_ in MEDIA for t in addressee.subtree))
    ):
        return "public"
    return None


def _at_public_occasion(clause: list[Token]) -> bool:
    return any(
        t.dep_ == "pobj" and t.lower_ in _PUBLIC_OCCASIONS and t.head.lower_ in ("at", "in", "during", "on")
        for t in clause
    )


def _in_published_work(tok: Token) -> bool:
    """A participle on a published work, or on the verb that put one out: "a tweet calling …", "issued a
    statement Thursday, saying …"."""
    if tok.dep_ == "acl":
        return tok.head.lower_ in _PUBLISHED
    return tok.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "dobj" and c.lower_ in _PUBLISHED for c in tok.head.children
    )


def _in_private_mail(clause: list[Token]) -> bool:
    """Written in an email exchange, or in an email to others than the press ("In his email to members",
    "in an email Saturday to his panel"); an email alone may be the speaker's answer to the reporter."""
    for t in clause:
        if t.dep_ != "pobj" or t.lower_ not in ("email", "e-mail", "exchange") or t.head.lower_ != "in":
            continue
        if t.lower_ == "exchange":
            if any(c.lower_ in ("email", "e-mail") for c in t.children):
                return True
            continue
        to = [p for p in (*t.children, *t.head.head.children) if p.dep_ == "prep" and p.lower_ == "to"]
        whom = [w for p in to for w in p.subtree if w.dep_ == "pobj"]
        if whom and not any(w.lower_ in MEDIA or w.lower_ in PUBLIC_ADDRESSEES for w in whom):
            return True
    return False


def _in_the_media(clause: list[Token]) -> bool:
    """Said in or on an outlet: "wrote in The Washington Times", "said on MSNBC's 'Morning Joe'"."""
    return any(
        t.dep_ == "pobj" and t.head.lower_ in ("in", "on") and any(w.lower_ in MEDIA for w in t.subtree)
        for t in clause
    )


def _published_by_media(cand: Candidate) -> bool:
    """An outlet's own report is published ("The New York Times reported", "a CNN poll found")."""
    who = cand.speaker_token
    return who is not None and any(t.lower_ in MEDIA for t in who.subtree if t.i <= who.i)


def _put_out(cand: Candidate) -> Token | None:
    """The participle that says a speaking work came out ("New polls released Sunday", "A news report
    published Wednesday"), if the speaker has one."""
    who = cand.speaker_token
    return next((c for c in who.children if c.dep_ == "acl" and c.lower_ in _PUT_OUT), None) if who else None


def _occasion(tok: Token) -> list[Token]:
    """Where and when the verb a participle cue hangs on happened ("went further in a speech in March,
    calling …", "pleaded guilty Wednesday, admitting …"), which the participle's own words may not say; not
    across a "while" or "after", which makes it another occasion ("made the remark in a call, while publicly
    insisting …")."""
    if tok.dep_ not in ("advcl", "xcomp") or tok.tag_ != "VBG" or any(c.dep_ == "mark" for c in tok.children):
        return []
    return [
        t
        for c in tok.head.children
        if c.i < tok.i and (c.dep_ == "prep" or (c.dep_ == "npadvmod" and c.ent_type_ in _WHEN))
        for t in c.subtree
    ]


def _clause_tokens(tok: Token, cand: Candidate, cues: list[Token]) -> list[Token]:
    """The cue's own words: its subtree without the content, the speaker's description, a verb joined to
    it ("told CNN …, but cautioned that … before April": April is not when he told CNN), a clause on a noun
    with a cue of its own ("pointed to a release, which said the rate fell in April"), or another speaker's
    clause hung on it ("…, though officials privately conceded …")."""
    own = {t.i for t in cand.speaker_token.subtree} if cand.speaker_token is not None else set()
    own |= {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    own |= {t.i for c in cues if c.dep_ in ("relcl", "acl") and tok.is_ancestor(c) for t in c.subtree}
    # "said the bloc would respond, though officials privately conceded …": others speaking, in their setting
    own |= {
        t.i
        for c in cues
        if c.dep_ == "advcl"
        and tok.is_ancestor(c)
        and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        for t in c.subtree
    }
    # "said levels stood at 31 percent, the lowest since records began in 1952": another clause's time
    own |= {
        t.i
        for c in tok.subtree
        if c != tok and any(m.dep_ == "mark" and m.lower_ in _OTHER_TIME_MARKS for m in c.children)
        for t in c.subtree
    }
    return [t for t in tok.subtree if not cand.reports(t.idx, t.idx + 1) and t.i not in own]


def _addressee(tok: Token, cand: Candidate) -> Token | None:
    told = told_passively(tok)  # "Officials were warned that …": the officials
    if told is not None:
        return _someone(told)
    clear = [c for c in tok.children if c.lower_ in ("clear", "plain")]  # "made it clear to me"
    for c in [*tok.children, *(clear[0].children if clear else ())]:
        if cand.reports(c.idx, c.idx + 1):
            continue
        if c.dep_ in ADDRESSEE_DEPS and verb_base(tok.lower_) in ADDRESSEE_VERBS:
            return _someone(c)
        if c.dep_ == "prep" and c.lower_ == "to" and not tok.lower_.startswith(_TO_WHAT):
            objs = [x for x in c.children if x.dep_ == "pobj"]  # not "pointed to a release", the content
            if (
                objs
                and objs[0].pos_ in ("PRON", "PROPN", "NOUN")
                and not cand.reports(objs[0].idx, objs[0].idx + 1)
            ):
                return _someone(objs[0])
    return _opener_addressee(tok) or _met_with(tok, cand)


# Occasions that name whom they were with or to: "in an interview with CNN's Wolf Blitzer", "at a breakfast
# with the Texas delegation", "in a statement to my colleague", "in a letter to the committee"
_TALKS_WITH = words("interview conversation meeting call breakfast lunch dinner chat discussion session")
_WORDS_TO = words("statement letter email message note memo speech remarks address testimony")


def _met_with(tok: Token, cand: Candidate) -> Token | None:
    """Whom the occasion of a cue names: the verb's own words do not always ("In an interview with CNN's
    Wolf Blitzer, Axelrod said")."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "during")):
        for noun in (x for x in prep.children if x.dep_ == "pobj" and not cand.reports(x.idx, x.idx + 1)):
            via = "with" if noun.lower_ in _TALKS_WITH else "to" if noun.lower_ in _WORDS_TO else None
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == via:
                    obj = next((x for x in c.children if x.dep_ == "pobj"), None)
                    return _someone(obj) if obj is not None else None
    return None


def _someone(tok: Token) -> Token | None:
    """Whom a cue's object or "to" names, if anyone: not what was asked or told ("asked a question", "tell
    stories"), nor what was answered ("To that, Kasich joked", "said to cheers"); a relative pronoun is the
    one it stands for ("customers who were told", "Jeff Davis, who was asked")."""
    if tok.lower_ in _NOT_TOLD and tok.pos_ != "PROPN":  # but "told The Story Exchange"
        return None
    ant = antecedent(tok)
    if ant is not None:
        return ant
    return tok if tok.pos_ != "PRON" or tok.lower_ in _PERSONS else None


def _noun_phrase(tok: Token) -> str:
    """The words that name whom something was told, without a place or topic the parse hangs on them ("told
    reporters about the vote", "speaking to supporters at a union hall"; but "officials at the Transport
    Ministry", "members of the committee"), or a clause on them ("customers who were told", "a letter to
    Senate colleagues released Monday"); a name in apposition stays ("my colleague Michael M. Grynbaum")."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ != "of"]
    # where or when they were is no part of who they are ("supporters in Columbus, Ohio", "a hearing on
    # Thursday"); an organisation is ("officials at the Transport Ministry")
    after = [
        c.left_edge.i
        for c in preps
        if not any(o.pos_ == "PROPN" and o.ent_type_ not in _WHERE_OR_WHEN for o in c.children)
    ]
    after += [c.left_edge.i for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    end = min(after, default=tok.right_edge.i + 1)
    words = tok.doc[tok.left_edge.i : end].text.rstrip(" ,")
    return re.sub(r"\s*\([^()]*\)$", "", words)  # "the Associated Press (AP)"


# The opening phrases that say whom the speaker talked to, and through which of their words.
_OPENERS = {"speaking": ("prep", "to"), "talking": ("prep", "to"), "asked": ("agent", "by")}


def _opener_addressee(tok: Token) -> Token | None:
    """ "Speaking to supporters at a union hall, Brennan said …", "Asked by reporters about the vote, Trump
    said …": whom the phrase that opens the sentence has the speaker talking to."""
    for opener in (c for c in tok.children if c.dep_ == "advcl" and c.i < tok.i):
        prep = _OPENERS.get(opener.lower_)
        via = next((c for c in opener.children if prep and (c.dep_, c.lower_) == prep), None)
        obj = next((x for x in via.children if x.dep_ == "pobj"), None) if via is not None else None
        if obj is not None:
            return obj
    return None


def _the_time(doc: Doc, cue: Token) -> str | None:
    """ "During a debate in October 2018, Brennan took the opposite view. '…,' she said at the time": the date
    the sentence before states, in the same paragraph (none when it states none)."""
    sent = cue.sent
    if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
        return None
    return _said_at(doc, list(doc[sent.start - 1].sent))


def _said_at(doc: Doc, clause: list[Token]) -> str | None:
    """The first date in the attribution clause, with its preposition ("in March 2014"); a length of time
    ("after six-hour talks", "within hours", "for two decades") says how long, not when: passed over."""
    ids = {t.i for t in clause}
    for tok in sorted(clause, key=lambda t: t.i):
        if tok.ent_type_ in _WHEN and tok.ent_iob_ == "B":
            start, end = tok.i, _entity_end(doc, tok.i)
            # "Thursday morning", "late Tuesday evening": the parse hangs the day on the part of the day, and
            # NER makes them two entities; alone, "morning" would lose the day
            while end < len(doc) and doc[end].ent_type_ in _WHEN and doc[end].ent_iob_ == "B":
                after, last = _entity_end(doc, end), doc[end - 1]
                if last.dep_ not in ("amod", "compound") or not end <= last.head.i < after:
                    break
                end = after
            prev = doc[start - 1] if start else None
            root = doc[start:end].root
            if _DURATION.match(doc[start:end].text) or _AGE.search(doc[start:end].text):
                continue  # "after six-hour talks", "who is 70", "a 30-year-old"
            if _SPAN_OF_TIME.match(doc[start:end].text) and (
                end == len(doc) or doc[end].lower_ not in _MAKES_IT_WHEN
            ):
                continue  # "in 10 days", "the first in 24 years"
            if root.dep_ in _MODIFIER:  # "In a 2013 memo", "At Monday's debate"; not "the 1999 shooting"
                occasion = _dated_occasion(root.head, ids)
                if occasion is not None:
                    return doc[occasion[0] : occasion[1]].text
                continue
            if prev is not None and prev.lower_ in _HOW_LONG_PREPS:  # "argued for two decades"
                continue
            if any(
                a.dep_ == "prep" and a.lower_ in ("of", "about") and a.head.pos_ == "VERB"
                for a in tok.ancestors
            ):
                continue  # "he said of his first start since January": what it was said of, not when
            if prev is not None and prev.i in ids and prev.dep_ == "prep" and prev.lower_ in _DATE_PREPS:
                start -= 1
            of = doc[end] if end < len(doc) else None
            # "the night of the referendum", "the days after the March 2014 vote": when, by what happened then
            if of is not None and (
                of.lower_ in _ANCHORS or (of.lower_ == "of" and doc[end - 1].lower_ in _OCCASIONS)
            ):
                last = max(t.i for t in of.subtree if t.i in ids or t == of)
                end = last + 1 if last - of.i <= 6 else end
            return doc[start:end].text
    return None


def _dated_occasion(noun: Token, clause: set[int]) -> tuple[int, int] | None:
    """The phrase a date on a noun makes a time of saying: the work or event the cue's verb happened in or
    after ("In a March 2016 meeting", "in a Labor Day interview"). Elsewhere the date is of something
    else: "her work after the Sept. 11 attacks", "to leave a Sept. 11 memorial event"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.i not in clause or prep.lower_ not in _DATE_PREPS | _ANCHORS:
        return None
    return (prep.i, noun.i + 1) if prep.head.pos_ in ("VERB", "AUX") else None


def _entity_end(doc: Doc, start: int) -> int:
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end
