"""Stated dates: what a string says, in ISO 8601, and nothing it does not say."""

from __future__ import annotations

import pytest

from counterpoint.ingest.dates import parse_stated_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Published 6-06-2019, 09:29", "2019-06-06T09:29:00"),
        ("June 6, 2019", "2019-06-06"),
        ("6 June 2019", "2019-06-06"),
        ("6th of June, 2019", "2019-06-06"),
        ("Sept. 3rd, 2014 at 10:15 a.m. EDT", "2014-09-03T10:15:00-04:00"),
        ("2019-06-06T09:29:00Z", "2019-06-06T09:29:00+00:00"),
        ("2019-06-06T09:29:00.123+0300", "2019-06-06T09:29:00+03:00"),
        ("2019-06-06 09:29", "2019-06-06T09:29:00"),
        ("2019/06/06", "2019-06-06"),
        ("06.06.2019", "2019-06-06"),
        ("Thu, 06 Jun 2019 09:29:00 GMT", "2019-06-06T09:29:00+00:00"),
        ("Thu, 06 Jun 2019 09:29:00 +0000", "2019-06-06T09:29:00+00:00"),
        ("Monday 17 March 2014 16.02 GMT", "2014-03-17T16:02:00+00:00"),
        ("Posted on 17.03.2014 at 17:02 UTC+4", "2014-03-17T17:02:00+04:00"),
        ("12:30 AM March 18, 2014", "2014-03-18T00:30:00"),
        ("Published time: 21 Mar, 2014 10:53", "2014-03-21T10:53:00"),
    ],
)
def test_stated_dates(value: str, expected: str) -> None:
    assert parse_stated_date(value) == expected


def test_named_zones_use_the_offset_in_force_on_that_day() -> None:
    # US Eastern was on daylight time on 17 March 2014, standard time on 17 January.
    assert parse_stated_date("Updated: March 17, 2014 5:02 PM ET") == "2014-03-17T17:02:00-04:00"
    assert parse_stated_date("January 17, 2014 5:02 PM ET") == "2014-01-17T17:02:00-05:00"
    # Moscow was UTC+4 in March 2014 and UTC+3 from October 2014.
    assert parse_stated_date("17 March 2014 15:02 MSK") == "2014-03-17T15:02:00+04:00"
    assert parse_stated_date("17 June 2019 15:02 MSK") == "2019-06-17T15:02:00+03:00"


@pytest.mark.parametrize(
    "value",
    [
        "on Friday",
        "yesterday",
        "3 hours ago",
        "Updated 5 minutes ago",
        "today, 09:29",
        "last week",
        "March 16",  # no year: never guessed
        "Friday, March 14 at 5 pm",
        "6/6/19",  # a two-digit year leaves the century unstated
        "Comments: 0",
        "",
        "   ",
        "garbage 12 34 5678",
    ],
)
def test_relative_or_yearless_dates_are_refused(value: str) -> None:
    assert parse_stated_date(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "31-02-2019",
        "February 30, 2014",
        "2014-13-01",
        "March 17, 2014 25:00",
        "13/13/2014",
        "Wed, 06 Jun 2019",  # 6 June 2019 was a Thursday: the string contradicts itself
    ],
)
def test_impossible_dates_are_refused(value: str) -> None:
    assert parse_stated_date(value) is None


def test_two_different_dates_are_ambiguous() -> None:
    assert parse_stated_date("March 17, 2014 - March 18, 2014") is None
    assert parse_stated_date("Published 17.03.2014, updated 18.03.2014") is None


def test_numeric_order_defaults_to_day_first_unless_hinted() -> None:
    assert parse_stated_date("05-06-2019") == "2019-06-05"
    assert parse_stated_date("05-06-2019", day_first=False) == "2019-05-06"
    # A part above 12 settles the order whatever the hint says.
    assert parse_stated_date("06/25/2019") == "2019-06-25"
    assert parse_stated_date("25/06/2019", day_first=False) == "2019-06-25"
    # So does a stated weekday: 5 June 2019 was a Wednesday, 6 May 2019 a Monday.
    assert parse_stated_date("Mon, 05-06-2019") == "2019-05-06"
    assert parse_stated_date("Wed, 05-06-2019", day_first=False) == "2019-06-05"


def test_only_stated_parts_are_returned() -> None:
    assert parse_stated_date("June 6, 2019") == "2019-06-06"  # no midnight added
    assert parse_stated_date("June 6, 2019 09:29") == "2019-06-06T09:29:00"  # no zone added
    assert parse_stated_date("June 6, 2019 09:29 XYZT") == "2019-06-06T09:29:00"  # unknown zone dropped


def test_sentences_that_mention_a_date_are_not_date_fields() -> None:
    sentence = (
        "The referendum that took place on March 16, 2014 was declared invalid by the UN General "
        "Assembly in a vote held later that month."
    )
    assert parse_stated_date(sentence) is None
