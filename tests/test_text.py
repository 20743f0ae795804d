"""Plain-text scrapes: exact clean bodies and header metadata, and a conservative `clean_body`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterpoint.errors import InputError
from counterpoint.ingest.text import clean_body, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "scrapes"
NAMES = sorted(p.name[: -len(".txt")] for p in FIXTURES.glob("*.txt") if not p.name.endswith(".body.txt"))

LEDE = (
    "Crimea's parliament voted on Tuesday to declare the peninsula independent of Ukraine if residents "
    "back joining Russia in Sunday's referendum, a move Kiev denounced as illegal."
)
SECOND = "Western governments warned Moscow of sanctions if the vote went ahead and would not recognise it."
THIRD = "Pro-Russian forces have controlled the peninsula since late February, surrounding Ukrainian bases."


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", NAMES)
def test_fixture_body_is_exact(name: str) -> None:
    article = parse((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt")
    assert article.text == (FIXTURES / f"{name}.body.txt").read_text(encoding="utf-8").strip()
    assert article.format == "text"


@pytest.mark.parametrize("name", NAMES)
def test_fixture_metadata(name: str) -> None:
    article = parse((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), f"{name}.txt")
    expected = json.loads((FIXTURES / f"{name}.meta.json").read_text(encoding="utf-8"))
    for field in ("title", "byline", "published", "published_source", "credit"):
        assert getattr(article, field) == expected[field], field
    for key, value in expected["meta"].items():
        assert article.meta.get(key) == value, key


def test_paragraphs_are_separated_by_one_blank_line_and_spaces_collapsed() -> None:
    article = parse(page("  " + LEDE.replace(" ", "  \t", 3), "", "", SECOND, THIRD), "s")
    assert article.text == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    assert article.text.index(SECOND) == len(LEDE) + 2  # offsets later stages rely on


@pytest.mark.parametrize("data", ["", "   \n\n\t", "\ufeff"])
def test_empty_input_is_an_input_error(data: str) -> None:
    with pytest.raises(InputError, match="empty"):
        parse(data, "empty.txt")


def test_input_that_is_all_chrome_is_an_input_error() -> None:
    chrome = page(
        "Home", "World", "Sign up for our weekly newsletter", "Advertisement", "Facebook Twitter Email"
    )
    with pytest.raises(InputError, match="empty after cleaning"):
        parse(chrome, "chrome.txt")


def test_relative_or_yearless_header_dates_leave_published_empty() -> None:
    for header in ("Published: yesterday", "Published 3 hours ago", "Posted on Friday", "March 16 | 09:29"):
        article = parse(page("Crimea declares independence", header, LEDE, SECOND), "s")
        assert article.published is None, header
        assert LEDE in article.text


def test_an_updated_date_is_not_taken_as_the_publication_date() -> None:
    article = parse(page("Crimea declares independence", "Updated: March 17, 2014 5:02 PM ET", LEDE), "s")
    assert article.published is None
    assert article.meta["updated"] == "2014-03-17T17:02:00-04:00"


def test_a_date_in_running_text_is_never_the_publication_date() -> None:
    article = parse(
        page("Crimea votes", "On March 16, 2014, Crimeans voted in a referendum on joining Russia.", LEDE),
        "s",
    )
    assert article.published is None


def test_labelled_published_date_beats_a_bare_date_line() -> None:
    article = parse(
        page(
            "Putin signs Crimea treaty",
            "Tuesday 18 March 2014 13.15 GMT",
            "First published on 18 March 2014 09.40 GMT",
            LEDE,
        ),
        "s",
    )
    assert (article.published, article.published_source) == (
        "2014-03-18T09:40:00+00:00",
        "header:First published",
    )


def test_header_fields_go_to_metadata_not_body() -> None:
    article = parse(
        page(
            "Lavrov rejects sanctions threat",
            "By Irina Volkova and Pavel Orlov",
            "Published 6-06-2019, 09:29 | Comments: 12 | Views: 1,204",
            "Tags: Lavrov, sanctions",
            LEDE,
            SECOND,
        ),
        "s",
    )
    assert article.title == "Lavrov rejects sanctions threat"
    assert article.byline == "Irina Volkova and Pavel Orlov"
    assert (article.published, article.published_source) == ("2019-06-06T09:29:00", "header:Published")
    assert article.meta["comments"] == 12 and article.meta["views"] == 1204
    assert article.meta["tags"] == ["Lavrov", "sanctions"]
    assert article.text == f"{LEDE}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Al Jazeera and wire services", "Al Jazeera and wire services"),
        ("Source: Reuters", "Reuters"),
        ("With reporting by AFP", "With reporting by AFP"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "Reporting by Jane Doe; Editing by John Roe"),
        (
            "This article originally appeared on Example Review.",
            "This article originally appeared on Example Review",
        ),
        (
            "The Associated Press contributed to this report.",
            "The Associated Press contributed to this report",
        ),
        ("(Reuters)", "Reuters"),
    ],
)
def test_credit_lines_become_metadata(line: str, credit: str) -> None:
    article = parse(page("Crimea declares independence", LEDE, SECOND, line), "s")
    assert article.credit == credit
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_agency_at_the_end_of_the_last_paragraph_is_a_credit() -> None:
    article = parse(page("Crimea declares independence", LEDE, SECOND + " (Reuters)"), "s")
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert article.credit == "Reuters"


def test_wire_dateline_stays_in_body_and_is_noted() -> None:
    lede = "MOSCOW, March 17 (Reuters) - " + LEDE
    article = parse(page("Crimea declares independence", lede, SECOND), "s")
    assert article.text.startswith("MOSCOW, March 17 (Reuters) - ")
    assert article.meta["dateline"] == "MOSCOW" and article.meta["agency"] == "Reuters"
    assert article.published is None  # the dateline states no year


@pytest.mark.parametrize(
    ("dateline", "place", "agency", "published"),
    [
        ("HOUSTON, Oct. 24, 2023 /PRNewswire/ -- ", "HOUSTON", "PRNewswire", "2023-10-24"),
        ("NEW YORK, Oct. 24, 2023 (GLOBE NEWSWIRE) -- ", "NEW YORK", "GLOBE NEWSWIRE", "2023-10-24"),
        ("SAN FRANCISCO--(BUSINESS WIRE)--", "SAN FRANCISCO", "BUSINESS WIRE", None),
    ],
)
def test_a_press_release_wires_dateline_is_noted_with_its_date(
    dateline: str, place: str, agency: str, published: str | None
) -> None:
    """A press release states its date in the dateline; with a year, that is when it was published."""
    article = parse(page("Northwind reports record profit", dateline + LEDE, SECOND), "s")
    assert (article.meta["dateline"], article.meta["agency"], article.published) == (place, agency, published)


def test_a_press_releases_boilerplate_tail_is_dropped() -> None:
    """What the company says of itself, the lawyers' caveat and whom to call are no part of the news: the
    caveat was extracted as a claim."""
    article = parse(
        page(
            "Northwind reports record profit",
            LEDE,
            SECOND,
            "About Northwind Energy",
            "Northwind Energy is a leading developer of offshore wind projects across North America.",
            "Forward-Looking Statements",
            "This press release contains forward-looking statements. Actual results may differ materially.",
            "Media Contact:",
            "Jordan Lee",
        ),
        "s",
    )
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_interleaved_chrome_captions_and_pull_quotes_are_dropped() -> None:
    quote = '"Crimea was, is and will be Ukrainian land. No vote under occupation changes that," he said.'
    article = parse(
        page(
            "Rada rejects Crimea vote",
            LEDE,
            "Advertisement",
            "Pro-Russian troops outside the parliament in Simferopol. (AP Photo/Jane Doe)",
            quote,
            "Image caption",
            "Crowds in Lenin Square on Sunday",
            '"Crimea was, is and will be Ukrainian land."',
            "READ MORE: EU readies sanctions list",
            SECOND,
            "Click here for more coverage of the crisis",
            THIRD,
        ),
        "s",
    )
    assert article.text == "\n\n".join([LEDE, quote, SECOND, THIRD])


def test_teaser_list_after_the_body_is_dropped_even_without_a_heading() -> None:
    article = parse(
        page(
            "Crimea declares independence",
            LEDE,
            SECOND,
            "Kerry and Lavrov to meet in London",
            "The two will try to find a way out of the crisis.",
            "Ukraine calls up reservists",
            "Kiev says 40,000 will be mobilised.",
            "NATO suspends cooperation with Russia",
        ),
        "s",
    )
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_subheadings_and_bullets_inside_the_body_are_kept() -> None:
    article = parse(
        page(
            "EU agrees sanctions",
            LEDE,
            "What the sanctions cover",
            SECOND,
            "- Travel bans on 21 Russian and Crimean officials",
            "- Asset freezes on the same list of people",
            THIRD,
        ),
        "s",
    )
    assert article.text == "\n\n".join(
        [
            LEDE,
            "What the sanctions cover",
            SECOND,
            "- Travel bans on 21 Russian and Crimean officials",
            "- Asset freezes on the same list of people",
            THIRD,
        ]
    )


def test_prose_that_starts_like_a_field_stays_body() -> None:
    lines = [
        "By the time polls closed at 8pm, turnout had reached 83 percent, officials in Simferopol said.",
        "Sources said the count would finish overnight.",
        "Published reports suggested the result had been agreed in advance.",
    ]
    article = parse(page("Crimea votes", LEDE, *lines), "s")
    assert article.text == "\n\n".join([LEDE, *lines])
    assert article.byline is None and article.credit is None


def test_title_with_site_suffix_and_repeated_title() -> None:
    article = parse(
        page("Crimea declares independence | Example News", "Crimea declares independence", LEDE), "s"
    )
    assert (article.title, article.outlet) == ("Crimea declares independence", "Example News")
    assert article.text == LEDE


def test_title_repeated_as_first_body_line_is_not_body() -> None:
    article = parse(
        page("Crimea declares independence", "By Jane Doe", "Crimea declares independence", LEDE), "s"
    )
    assert article.title == "Crimea declares independence"
    assert article.text == LEDE


def test_standfirst_before_the_byline_is_a_summary_not_body() -> None:
    dek = "The parliament's move comes five days before a referendum that Kiev and the West call illegal."
    article = parse(
        page("Crimea declares independence", dek, "Jan de Vries", "11 March 2014", LEDE, SECOND), "s"
    )
    assert article.title == "Crimea declares independence"
    assert article.meta["summary"] == dek
    assert article.byline == "Jan de Vries"
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_closing_author_bio_is_not_body() -> None:
    article = parse(
        page(
            "Sanctions are too little",
            "By Daniel Kerr",
            LEDE,
            SECOND,
            "Daniel Kerr is a senior fellow at an institute.",
        ),
        "s",
    )
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert article.meta["author_bio"].startswith("Daniel Kerr is")


def test_clean_body_keeps_a_normal_body_unchanged() -> None:
    body = "\n\n".join(
        [
            LEDE,
            '"We will never accept the annexation of Crimea," Ukraine\'s acting president said.',
            "Ukraine hopes to become a member of the European Union within a decade, officials said.",
            "The opposition described the measures [imposed by the party] as too weak.",
            "Related talks will continue in Geneva next week.",
            "Sources close to the talks said no date had been set.",
            "Subscribers to the party newsletter received an email urging them to vote.",
            "The fund will support independent journalism in Crimea, its director said.",
            "Short line",
            SECOND,
        ]
    )
    assert clean_body(body) == (body, None)


def test_clean_body_drops_only_clear_chrome_and_returns_the_credit() -> None:
    text = "\n".join(
        [
            LEDE,
            "Advertisement",
            "Share this article",
            "Protesters in Simferopol. Photo: Reuters",
            SECOND,
            "Al Jazeera and news agencies",
            "Related",
            "Kerry and Lavrov to meet in London",
            "Ukraine calls up reservists",
        ]
    )
    assert clean_body(text) == (f"{LEDE}\n\n{SECOND}", "Al Jazeera and news agencies")


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    wrapped = page(
        "Crimea declares independence",
        "",
        "Crimea's parliament voted on Tuesday to declare the peninsula",
        "independent of Ukraine if residents back joining Russia in Sunday's",
        "referendum, a move Kiev denounced as illegal in a statement issued",
        "late on Tuesday.",
        "",
        "Western governments warned Moscow of sanctions if the vote went",
        "ahead, and said they would not recognise its result in any case.",
    )
    article = parse(wrapped, "s")
    assert article.text.split("\n\n") == [
        "Crimea's parliament voted on Tuesday to declare the peninsula independent of Ukraine if residents "
        "back joining Russia in Sunday's referendum, a move Kiev denounced as illegal in a statement issued "
        "late on Tuesday.",
        "Western governments warned Moscow of sanctions if the vote went ahead, and said they would not "
        "recognise its result in any case.",
    ]


def test_combined_header_line_with_time_and_comment_count() -> None:
    article = parse(page("Putin recognises Crimea", "Mon Mar 17, 2014 5:49pm EDT | 0 Comments", LEDE), "s")
    assert (article.published, article.published_source) == ("2014-03-17T17:49:00-04:00", "header:date")
    assert article.meta["comments"] == 0


def test_headline_ending_in_a_quotation_is_still_the_title() -> None:
    title = 'EU calls Crimea vote "illegal and illegitimate"'
    article = parse(page("Europe", title, "Date 17.03.2014", LEDE, SECOND), "s")
    assert article.title == title
    assert article.published == "2014-03-17"


def test_recommendation_widget_and_editors_note_are_not_body() -> None:
    article = parse(
        page(
            "Crimea declares independence",
            LEDE,
            SECOND,
            "Editor's Note: This article has been updated to correct a name.",
            "DW recommends",
            "EU sanctions: Who is on the list?",
            "The first names are expected to be made public on Monday afternoon.",
        ),
        "s",
    )
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_credit_line_below_the_teaser_lists_is_still_the_credit() -> None:
    article = parse(
        page(
            "Crimea declares independence",
            LEDE,
            SECOND,
            "Related News",
            "EU leaders expected to extend Russia sanctions",
            "Sign up for our weekly newsletter",
            "Gulf Monitor and wire services",
        ),
        "s",
    )
    assert article.credit == "Gulf Monitor and wire services"
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_header_line_with_section_and_dash_byline() -> None:
    article = parse(
        page(
            "Rada dismisses defence minister",
            "Mar. 25, 2014, 10:47 p.m. | Ukraine — by Oksana Grytsenko",
            LEDE,
        ),
        "s",
    )
    assert (article.byline, article.published) == ("Oksana Grytsenko", "2014-03-25T22:47:00")
    assert article.meta["section"] == "Ukraine"
    assert article.text == LEDE


@pytest.mark.parametrize("name", NAMES)
def test_clean_body_leaves_every_clean_fixture_body_alone(name: str) -> None:
    body = (FIXTURES / f"{name}.body.txt").read_text(encoding="utf-8").strip()
    assert clean_body(body) == (body, None)


def test_source_field_in_the_header_is_the_credit() -> None:
    article = parse(
        page("Belgrade will not join sanctions", "Author: Vesna Petrovic", "Source: Beta", LEDE), "s"
    )
    assert (article.byline, article.credit) == ("Vesna Petrovic", "Beta")
    assert article.text == LEDE


def test_byline_run_together_with_the_date() -> None:
    article = parse(
        page("Crimeans vote to secede", "By Will Hartley and Kathy Lemon March 16, 2014", LEDE), "s"
    )
    assert (article.byline, article.published) == ("Will Hartley and Kathy Lemon", "2014-03-16")


def test_an_interviews_byline_and_date() -> None:
    article = parse(
        page("'We will not pay for a wall'", "Interview by Daniel Brooks, 14 March 2019", LEDE), "s"
    )
    assert (article.byline, article.published, article.text) == ("Daniel Brooks", "2019-03-14", LEDE)


def test_a_desk_between_byline_and_date_in_one_header_line() -> None:
    article = parse(
        page("Fact check: Is the rate a record?", "By Priya Natarajan | Fact desk | June 3, 2024", LEDE), "s"
    )
    assert (article.byline, article.published, article.meta["section"]) == (
        "Priya Natarajan",
        "2024-06-03",
        "Fact desk",
    )
    assert article.text == LEDE


def test_an_opinion_label_before_the_byline_is_the_headline_not_a_teaser() -> None:
    title = "Opinion: The four-day week is not a fantasy. It is a business decision."
    article = parse(
        page(title, "By Rachel Okafor", LEDE, SECOND, "Opinion: Why the referendum was a sham"), "s"
    )
    assert (article.title, article.byline, article.text) == (title, "Rachel Okafor", f"{LEDE}\n\n{SECOND}")


def test_a_short_line_introducing_a_quote_is_kept() -> None:
    # "He said:" is two words, the length of a menu item; without it the quote below has no speaker
    data = page(
        "Trump doubles down",
        "",
        LEDE,
        "",
        "He said:",
        "",
        '"We have to bring back law and order."',
        "",
        SECOND,
    )
    body = parse(data, "x.txt").text
    assert 'He said:\n\n"We have to bring back law and order."' in body
    assert (
        "Share this:"
        not in parse(page("Trump doubles down", "", LEDE, "", "Share this:", "", SECOND), "x").text
    )
