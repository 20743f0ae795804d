"""Direct quotes joined to their attributions: adjacency to a cue, split and continued quotes, colon
speakers ("Name: …"), headline speakers ("… - Name").

The parser sees a quote as ordinary words, so which quote belongs to which cue is decided here on
character positions: a quote that ends right before "…," she said or starts right after "she said:"
is that cue's content, and a quote that follows an attributed one with nothing but punctuation or a
paragraph break between them continues it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .candidate import Candidate
from .cues import ADDRESSEE_DEPS
from .pipeline import doc_text, end_char, has_finite_verb, sentence
from .quotes import Quote
from .subjects import speaker_tokens

_GAP_BEFORE = re.compile(r"^[ \t\u00a0,;\u2014\u2013-]*$")  # quote … gap … "she said", same paragraph
_GAP_AFTER = re.compile(r"^[\s,:\u2014\u2013-]*(?:(?:but|and) )?$")  # "she said(, but) …" quote
_COLON_BREAK = re.compile(r"[ \t]*:[ \t\u00a0]*\n\s*")
_SENTENCE_BREAK = re.compile(r"\.[ \t\u00a0]+")  # "But Jones disagreed. " and the quote after it
_AFTER_SENTENCE = re.compile(r"\.[ \t\u00a0]+\Z")
_CONTINUE = re.compile(r"^[\s.,;:]*$")
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"'\u201c]|$)")  # not "Mr. "
_CLAUSE_END = re.compile(r"^[^\"\u201c\u201d\n]{0,80}[.!?]\s*$")  # "… in a statement. " before the next quote
# a paragraph may open with a quote mark, as a transcript quoted at length does
COLON_SPEAKER = re.compile(
    r"^[\"\u201c]?([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4}):[ \t]+(\S.*)$", re.M
)
_HEADLINE_COLON = re.compile(r"\A([A-Z][^:\n]{1,45}):[ \t]+(\S[^\n]*)$", re.M)  # "Clinton camp: Trump …"
_REPORTERS = frozenset(
    {"poll", "report", "newspaper", "editorial", "survey", "study", "insiders", "historians"}
)
_LABELS = frozenset(
    {"breaking", "revealed", "wow", "look", "watch", "exclusive", "update", "just", "paid", "video", "live"}
)
# what ends the label of a live page or a series ("Election night live:", "Ukraine war latest:")
_LABEL_ENDS = frozenset({"live", "latest", "updates", "recap", "explained", "timeline", "briefing"})
_NAME = r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4}"
_DASH_SIGNATURE = re.compile(
    r"[ \t\u00a0]*([\u2013\u2014\u2015-]{1,2})[ \t\u00a0]*(" + _NAME + r")[ \t\u00a0]*(?:\n|$)"
)
_HEADLINE_SPEAKER = re.compile(
    r"^(.{12,}?\S)\s+[\u2013\u2014-]{1,2}\s+([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})\s*$"
)


def attach_quotes(doc: Doc, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """Give cue candidates their adjacent quotes, continue quotes, and add colon/headline speakers."""
    text = doc_text(doc)
    doubles = [q for q in quotes if not q.single]
    # British headlines quote with single marks: "'We will not pay,' minister says"; so does a quote within a
    # quote ('"He said to me: 'Sergei, …,'" Lavrov told')
    spoken = sorted(doubles + [q for q in quotes if q.single and _spoken(text, q)], key=lambda q: q.start)
    used: set[int] = set()
    for cand in cands:
        if cand.cue_token is None or cand.cue_token.lower_ == "according":
            continue
        qs = _adjacent_quotes(text, spoken, cand)
        if qs and (cand.content is None or any(_overlaps(cand.content, q) for q in qs)):
            end = qs[-1].end
            if cand.content is not None and qs[-1].start >= cand.region()[1] and len(qs) == 1:
                end = max(end, cand.content[1])  # 'admitted "we need big wins" in the spring'
            r0 = cand.region()[0]
            outer = _quote_around(doubles, r0, r0 + 1)
            end = min(end, outer.end) if outer is not None else end  # a quote within a quote ends with it
            cand.content = (_lead_in(doc, qs[0], cand), end)
            cand.pieces = [p for q in qs for p in q.parts]
            used.update(id(q) for q in qs)
        elif cand.content is not None:
            _snap_to_quote(cand, doubles, used)
    for cand in cands:
        if cand.content is None and cand.cue_token is not None:
            cand.content = (
                _next_paragraph(text, cand)
                or _next_sentence(text, doubles, used, cand)
                or _quote_before(text, doubles, used, cand)
            )
    out = [c for c in cands if c.content is not None and not _inside_quote(c, doubles)]
    out += _colon_speakers(doc, out)
    out += _dash_speakers(doc, doubles, used)
    out += _manner_speakers(doc, doubles, used)
    out.sort(key=lambda c: c.content[0])
    _continue_quotes(text, doubles, used, out)
    for cand in out:
        cand.kind = _kind(text, cand, quotes)
    headline = _headline_speaker(doc)
    return ([headline] if headline else []) + out


def _spoken(text: str, q: Quote) -> bool:
    """A single-quoted stretch that ends in a comma, inside or just outside the mark ("'…,' she said",
    "'…', says Hammond"), is speech; one without is more often a scare quote or a title."""
    return text[q.end - 2] in ",?!" or text[q.end : q.end + 1] == ","


def _next_paragraph(text: str, cand: Candidate) -> tuple[int, int] | None:
    """ "The governor added:" ending its paragraph introduces the next paragraph, quoted or not."""
    m = _COLON_BREAK.match(text, cand.region()[1])
    if not m:
        return None
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    return (m.end(), end) if end > m.end() else None


def _next_sentence(
    text: str, doubles: list[Quote], used: set[int], cand: Candidate
) -> tuple[int, int] | None:
    """ "But Jones disagreed. 'That is nonsense.'": a cue that ends its sentence with nothing said is said by
    the quote that makes the next sentence, when no other attribution takes it."""
    tok = cand.cue_token
    m = _SENTENCE_BREAK.match(text, cand.region()[1])
    if not m or tok is None or tok.dep_ != "ROOT":  # not "…," Obama said, where Mrs. Clinton also spoke.
        return None
    if any(sentence(tok).start_char <= q.start < m.start() for q in doubles):
        return None  # a sentence with a quote of its own hands the next one on to that quote's speaker
    q = next((q for q in doubles if q.start == m.end()), None)
    if q is None or id(q) in used or not _ends_sentence(text, q):
        return None
    used.add(id(q))
    cand.pieces = list(q.parts)
    return (q.start, q.end)


def _adjacent_quotes(text: str, doubles: list[Quote], cand: Candidate) -> list[Quote]:
    """The quote just before the attribution and/or just after it: both for `"…," she said, "…"`."""
    r0, r1 = cand.region()
    found = []
    for q in doubles:
        if q.end <= r0 and _GAP_BEFORE.match(text[q.end : r0]) and _open_ended(text, q, r0):
            found.append(q)
        elif q.start >= r1 and _leads_into(text, cand, r1, q.start):
            found.append(q)
            break
    return found[-2:]


def _lead_in(doc: Doc, q: Quote, cand: Candidate) -> int:
    """Where the content starts when a quote ends in its attribution: at the start of the quote's
    sentence, so that 'Not paying taxes "makes me smart," he said' keeps its lead-in words."""
    if q.start >= cand.region()[0]:
        return q.start
    span = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if span is None:
        return q.start
    sent = sentence(span[0])
    start = sent.start_char
    lead = doc_text(doc)[start : q.start]
    ended = list(_SENTENCE_END.finditer(lead))
    if ended:  # the parser ran the previous sentence on into the quote
        start, lead = start + ended[-1].end(), lead[ended[-1].end() :]
    return (
        q.start if not lead.strip() or lead.rstrip().endswith(":") else start + len(lead) - len(lead.lstrip())
    )


def _open_ended(text: str, q: Quote, r0: int) -> bool:
    """A quote that hands over to its attribution ends in a comma, dash, ? or !, not a full stop."""
    last = text[q.start : q.end].rstrip("\"'\u201d\u2019 ")[-1:]
    return last in (",", "?", "!", "-", "\u2014", "\u2013") or "," in text[q.end : r0]


def _quote_before(text: str, doubles: list[Quote], used: set[int], cand: Candidate) -> tuple[int, int] | None:
    """'"…that are missing." Trump said.': a sentence that is nothing but its attribution says the quote just
    before it, though that ends in a full stop, when no other attribution took it."""
    r0, r1 = cand.region()
    if text[r1 : r1 + 1] != ".":
        return None
    q = next((q for q in doubles if q.end <= r0 and _GAP_BEFORE.fullmatch(text[q.end : r0])), None)
    if q is None or id(q) in used:
        return None
    used.add(id(q))
    cand.pieces = list(q.parts)
    return (q.start, q.end)


def _leads_into(text: str, cand: Candidate, r1: int, qstart: int) -> bool:
    """Whether the attribution leads straight into a following quote: only punctuation between, or the
    cue's own modifiers ending in a colon or comma ("said in a statement: …", "told reporters, …")."""
    gap = text[r1:qstart]
    if _GAP_AFTER.match(gap):
        return True
    if (
        not gap.rstrip().endswith((":", ","))
        or cand.cue_token is None
        or qstart > sentence(cand.cue_token).end_char + 2
    ):
        return False
    own = {t.i for t in cand.cue_token.subtree}
    toks = [t for t in sentence(cand.cue_token) if r1 <= t.idx < qstart and not t.is_punct]
    return len(toks) <= 8 and all(t.i in own and t.pos_ != "VERB" for t in toks)


def _overlaps(content: tuple[int, int], q: Quote) -> bool:
    return content[0] < q.end and q.start < content[1]


def _snap_to_quote(cand: Candidate, doubles: list[Quote], used: set[int]) -> None:
    """A parsed content that lies inside a quote, or cuts one, becomes the whole quote."""
    s, e = cand.content
    for q in doubles:
        if q.start <= s < q.end or q.start < e <= q.end:
            if s >= q.start and e <= q.end:
                cue = cand.cue or (0, 0)
                if q.start <= cue[0] < q.end:
                    return  # a cue inside the quote: a statement nested in the quoted words
                cand.content, cand.pieces = (q.start, q.end), list(q.parts)
                used.add(id(q))
                return
            cand.content = (min(s, q.start), max(e, q.end))
            s, e = cand.content


def _continue_quotes(text: str, doubles: list[Quote], used: set[int], cands: list[Candidate]) -> None:
    """A free quote right after an attributed one (split around the attribution, or the next paragraph)
    continues the same statement: only punctuation, or the rest of the attribution's sentence, between."""
    for q in doubles:
        if id(q) in used:
            continue
        prev = [
            c
            for c in cands
            if c.cue_token is not None
            and c.content[1] <= q.start
            and (c.pieces or c.content[1] <= c.region()[0])
            and _quote_around(doubles, *c.content) is None
        ]  # a quote within a quote goes on in the outer one, whose speaker is someone else
        if not prev:
            continue
        p = max(prev, key=lambda c: c.content[1])
        end = max(p.region()[1], p.content[1])
        if p.cue_token is not None and p.region()[0] >= p.content[1]:
            sent_end = sentence(p.cue_token).end_char
            if sent_end > q.start and _CLAUSE_END.match(text[end : q.start]):
                sent_end = q.start  # the parser ran the sentence on into the next quote's opening mark
            end = max(end, sent_end)
        if (
            end <= q.start
            and _CONTINUE.match(text[end : q.start])
            and not any(end <= c.region()[0] < q.start for c in cands)
        ):
            p.pieces = (p.pieces or [p.content]) + q.parts
            p.content = (p.content[0], q.end)
            used.add(id(q))


def _quote_around(doubles: list[Quote], start: int, end: int) -> Quote | None:
    """The double quote a character range lies inside, its opening mark excluded."""
    return next((q for q in doubles if q.start < start and end <= q.end), None)


def _inside_quote(cand: Candidate, doubles: list[Quote]) -> bool:
    """A cue inside someone's quoted words ("I think …") is part of that quote, not a statement of its
    own, unless it reports a third party's words ("Kerry told me …", "He made it clear to me …", "The mayor
    told us …": said to the one quoted, who is "me"): that one is kept and nested."""
    if cand.cue is None or _quote_around(doubles, cand.cue[0], cand.cue[0] + 1) is None:
        return False
    spk = cand.speaker_token
    if spk is not None and cand.cue_token is not None and (spk.lower_ in ("he", "she") or spk.pos_ == "NOUN"):
        # "The mayor told us privately …": someone the quoted speaker names by role, said to them
        return cand.belief or not _to_me(cand.cue_token)
    return cand.belief or spk is None or spk.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")


def _to_me(cue: Token) -> bool:
    """Whether a cue is said to "me" or "us": "told me", "said to us", "made it clear to me"."""
    heads = [cue, *(c for c in cue.children if c.lower_ in ("clear", "plain"))]
    kids = [c for h in heads for c in h.children]
    objs = [c for c in kids if c.dep_ in ADDRESSEE_DEPS]
    objs += [o for c in kids if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return any(o.lower_ in ("me", "us") for o in objs)


def _colon_speakers(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Transcript and interview style: a paragraph "Name: what they said"; and a headline "Who: what", where
    the one before the colon need not be a name ("Clinton camp: …"). A transcript's labels are often in
    capitals ("WALLACE: …"), which the tagger of names misses, so a label in capitals counts as a name where
    two paragraphs or more open with one; so does one whose last word is the surname of a person the text
    names ("Ebrard:" after "Marcelo Ebrard"), as the tagger of names may not see a name alone on a line."""
    out = []
    taken = [c.content for c in cands]
    text = doc_text(doc)
    headline = _HEADLINE_COLON.match(text)
    if headline is not None and not _headline_source(doc, headline.start(1), headline.end(1)):
        headline = None
    labels = list(COLON_SPEAKER.finditer(text))
    transcript = sum(1 for m in labels if _capitals(m.group(1))) >= 2
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    for m in ([headline] if headline is not None else []) + labels:
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        s, e = m.start(2), m.end(2)
        named = m is headline or (span is not None and any(t.ent_type_ in ("PERSON", "ORG") for t in span))
        named = named or (transcript and _capitals(m.group(1)))
        named = named or m.group(1).split()[-1].lower() in surnames  # "Ebrard:", named in full before
        if span is None or not (named or (all(t.pos_ == "PROPN" for t in span) and text[s] in '"\u201c')):
            continue
        if any(a <= s < b for a, b in taken) or not any(ch.isalpha() for ch in text[s:e]):
            continue  # taken, or a tally with no words ("Clinton: 547.")
        out.append(
            Candidate(
                content=(s, e),
                cue=(m.end(1), m.end(1) + 1),
                speaker=(m.start(1), m.end(1)),
                speaker_token=span.root,
                kind="indirect" if m is headline else "direct",  # a transcript's words are as spoken
                confidence=0.7,
            )
        )
    return out


def _capitals(label: str) -> bool:
    """A speaker's label in capitals ("WALLACE", "SEN. KAINE"), not a section's ("UPDATE", "WATCH")."""
    return label.isupper() and len(label) > 2 and label.lower() not in _LABELS


def _headline_source(doc: Doc, start: int, end: int) -> bool:
    """Whether a headline's words before its colon name a source: a name, or a poll or report, but not a
    label ("Breaking:", "The Latest:", "WOW:")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > 6 or span.text.isupper() or span.text.startswith("The Latest"):
        return False
    if span[0].lower_ in _LABELS or span[-1].lower_ in _LABEL_ENDS:
        return False
    if has_finite_verb(span):  # "Kerry is wrong: …" is no one's label
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in span) or span[-1].lower_ in _REPORTERS


def _dash_speakers(doc: Doc, doubles: list[Quote], used: set[int]) -> list[Candidate]:
    """A quote signed after a dash, as in pull quotes and readers' voices: '"…" - Krystal Correa'."""
    text = doc_text(doc)
    out = []
    for q in doubles:
        m = _DASH_SIGNATURE.match(text, q.end)
        if id(q) in used or not m:
            continue
        span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if span is not None and len(span) > 1 and span[-1].text == ".":  # "― Carla Sanchez."
            span = span[:-1]
        if span is None or not all(t.pos_ == "PROPN" or t.ent_type_ for t in span):
            continue
        used.add(id(q))
        cue = (m.start(1), m.end(1))
        out.append(
            Candidate(
                content=(q.start, q.end),
                cue=cue,
                speaker=(span.start_char, span.end_char),
                speaker_token=span.root,
                pieces=list(q.parts),
                confidence=0.7,
            )
        )
    return out


def _manner_speakers(doc: Doc, doubles: list[Quote], used: set[int]) -> list[Candidate]:
    """ "Her deputy, Tom Berg, was more blunt. 'The worst is behind us.'": a sentence that says only how a
    person spoke, followed by a quote standing alone, introduces that quote as a cue would."""
    text = doc_text(doc)
    out = []
    for q in doubles:
        dot = _full_stop_before(text, q)
        if id(q) in used or dot is None:
            continue
        at = doc.char_span(dot, dot + 1, alignment_mode="expand")
        if at is None or not len(at):
            continue
        before = sentence(at[0])
        root = before.root
        if not before.text.rstrip().endswith(".") or root.lemma_ != "be" or len(before) > 12:
            continue
        manner = next((c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if manner is None or subj is None or not _personal(subj):
            continue
        if any(before.start_char <= o.start < before.end_char for o in doubles):
            continue
        toks = speaker_tokens(subj)
        used.add(id(q))
        out.append(
            Candidate(
                content=(q.start, q.end),
                cue=(manner.idx, end_char(manner)),
                speaker=(toks[0].idx, end_char(toks[-1])),
                speaker_token=subj,
                pieces=list(q.parts),
                confidence=0.7,
            )
        )
    return out


def _full_stop_before(text: str, q: Quote) -> int | None:
    """For a quote that is a whole sentence of its own, after a sentence of the same paragraph: where that
    sentence ends, whatever spaces follow it."""
    m = _AFTER_SENTENCE.search(text, max(0, q.start - 4), q.start)
    return m.start() if m and _ends_sentence(text, q) else None


def _ends_sentence(text: str, q: Quote) -> bool:
    """The quote closes its sentence: '"That is nonsense."' then a space, a line break or the end."""
    if text[q.end - 2 : q.end - 1] not in (".", "?", "!"):
        return False
    return text[q.end : q.end + 1] in ("", "\n") or text[q.end : q.end + 2].startswith(" ")


def _personal(tok: Token) -> bool:
    """A subject that can speak: a person's name or a personal pronoun, not "the mood" or "it"."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "i", "we")
    named = [tok, *(c for c in tok.children if c.dep_ == "appos")]  # "Her deputy, Tom Berg,"
    return any(t.ent_type_ == "PERSON" for t in named)


def _headline_speaker(doc: Doc) -> Candidate | None:
    """A first line "Russia will respond - Lavrov": the name after the dash said the rest."""
    line = doc.text.split("\n", 1)[0]
    m = _HEADLINE_SPEAKER.match(line)
    if not m:
        return None
    span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if span is None or not all(t.pos_ == "PROPN" or t.ent_type_ for t in span):
        return None
    return Candidate(
        content=(m.start(1), m.end(1)),
        cue=(m.start(2) - len(line[m.end(1) : m.start(2)].lstrip()), m.start(2) - 1),
        speaker=(m.start(2), m.end(2)),
        speaker_token=span.root,
        kind="direct",
        confidence=0.6,
    )


def _kind(text: str, cand: Candidate, quotes: list[Quote]) -> str:
    """direct: the content is quoted words only, or a transcript's line; mixed: paraphrase with quoted
    words in it."""
    if cand.kind == "direct":
        return "direct"
    s, e = cand.content
    inner = [q for q in quotes if s <= q.start and q.end <= e]
    if cand.pieces and cand.pieces[0][0] <= s + 1 and cand.pieces[-1][1] >= e - 1:
        return "direct"
    if any(q.start <= s + 1 and q.end >= e - 1 for q in inner):
        return "direct"
    return "mixed" if inner else "indirect"
