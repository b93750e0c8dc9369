"""Date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casualty.dates import DateRef, find_dates, incident_date
from casualty.io.documents import parse_published

SATURDAY = "2017-09-30"  # a Saturday
THURSDAY = "2017-09-28"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-09-30", "2017-09-30"),
        ("2017-9-3", "2017-09-03"),
        ("2017-09-30T08:15:00Z", "2017-09-30"),
        ("2017/03/04", "2017-03-04"),
        ("2017.09.30", "2017-09-30"),
        ("2017/13/01", None),
        ("Sept 30, 2017", "2017-09-30"),
        ("September 30 2017", "2017-09-30"),
        ("30 September 2017", "2017-09-30"),
        ("Sat, 30 Sep 2017", "2017-09-30"),
        ("30/09/2017", "2017-09-30"),
        ("09/30/2017", "2017-09-30"),
        ("03/04/2017", "2017-04-03"),  # day first when both readings are possible
        ("2017-02-31", None),
        ("31/02/2017", None),
        ("Feb 30, 2016", None),
        ("unknown", None),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_published(value: str, expected: str | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected", "phrase"),
    [
        ("Gunmen opened fire on Thursday, killing six.", SATURDAY, "2017-09-28", "Thursday"),
        ("Gunmen opened fire on Thursday, killing six.", THURSDAY, "2017-09-28", "Thursday"),
        (
            "Gunmen opened fire on Friday night, killing six.",
            THURSDAY,
            "2017-09-22",
            "Friday night",
        ),
        ("Four died in an air strike yesterday.", SATURDAY, "2017-09-29", "yesterday"),
        ("Four died in shelling last night.", SATURDAY, "2017-09-29", "last night"),
        # "Overnight" is the night that ended on the publication day.
        ("Overnight raids left nine dead.", SATURDAY, "2017-09-30", "Overnight"),
        (
            "Raids overnight into Thursday left nine dead.",
            SATURDAY,
            "2017-09-28",
            "overnight into Thursday",
        ),
        ("Raids overnight Thursday left nine dead.", SATURDAY, "2017-09-28", "overnight Thursday"),
        ("Nine people were buried today.", SATURDAY, "2017-09-30", "today"),
        ("The attack on Sept 28 killed 11.", SATURDAY, "2017-09-28", "Sept 28"),
        ("The attack on Sept. 28 killed 11.", SATURDAY, "2017-09-28", "Sept. 28"),
        ("The attack on 28 September killed 11.", SATURDAY, "2017-09-28", "28 September"),
        ("The raid of Sept 28, 2016 killed 11.", SATURDAY, "2016-09-28", "Sept 28, 2016"),
        ("The raid of 2016-09-28 killed 11.", SATURDAY, "2016-09-28", "2016-09-28"),
        ("The ambush on December 30 killed 4.", "2018-01-02", "2017-12-30", "December 30"),
        ("The ambush on the 3rd of March killed 4.", "2018-03-05", "2018-03-03", "3rd of March"),
        ("It was hit last Thursday.", THURSDAY, "2017-09-21", "last Thursday"),
        ("It was hit last Thursday.", SATURDAY, "2017-09-28", "last Thursday"),
        ("It was hit two days ago.", SATURDAY, "2017-09-28", "two days ago"),
        ("It was hit 3 days ago.", SATURDAY, "2017-09-27", "3 days ago"),
    ],
)
def test_incident_day(text: str, published: str, expected: str, phrase: str) -> None:
    ref = incident_date(text, published)
    assert ref is not None
    assert (ref.date, ref.precision, ref.period) == (expected, "day", False)
    assert text[ref.start : ref.end] == phrase


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("At least 50 died during August.", "2017-08-01", "2017-08-31", "month"),
        ("At least 50 died in August 2016.", "2016-08-01", "2016-08-31", "month"),
        ("At least 50 died during October.", "2016-10-01", "2016-10-31", "month"),
        ("The monitor counted 735 deaths since 2014.", "2014-01-01", SATURDAY, "year"),
        ("Some 300 were killed in 2015.", "2015-01-01", "2015-12-31", "year"),
        ("So far this year 200 civilians died.", "2017-01-01", SATURDAY, "year"),
        ("Forty soldiers were killed last month.", "2017-08-01", "2017-08-31", "month"),
        ("Twelve were killed this week.", "2017-09-25", SATURDAY, "week"),
        ("Thirty died earlier this month.", "2017-09-01", SATURDAY, "month"),
        ("Over 2,000 were killed since the war began.", SATURDAY, SATURDAY, "year"),
        ("Some 40 died between Sept 20 and 25.", "2017-09-20", "2017-09-25", "day"),
        ("Some 40 died between Aug 28 and Sept 3.", "2017-08-28", "2017-09-03", "day"),
        # "since" a day: from that day to publication (with or without the month's dot)
        ("Since Sept 3, at least 40 have died.", "2017-09-03", SATURDAY, "day"),
        ("At least 40 have died since Aug. 7, 2017.", "2017-08-07", SATURDAY, "day"),
        ("At least 40 have died since 7 August.", "2017-08-07", SATURDAY, "day"),
    ],
)
def test_periods(text: str, start: str, end: str, precision: str) -> None:
    refs = find_dates(text, SATURDAY)
    assert len(refs) == 1
    ref = refs[0]
    assert (ref.date, ref.date_end, ref.precision, ref.period) == (start, end, precision, True)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Clashes on Sept 28-29 left 30 dead.", "2017-09-28", "2017-09-29"),
        ("Clashes on 28-29 September left 30 dead.", "2017-09-28", "2017-09-29"),
        ("Clashes on 29–28 September left 30 dead.", "2017-09-29", None),
        ("Clashes last weekend left 30 dead.", "2017-09-23", "2017-09-24"),
        ("Clashes over the weekend left 30 dead.", "2017-09-23", "2017-09-24"),
    ],
)
def test_multi_day_spans(text: str, start: str, end: str | None) -> None:
    ref = incident_date(text, SATURDAY)
    assert ref is not None and (ref.date, ref.date_end, ref.period) == (start, end, False)


def test_a_month_with_a_dot_and_a_day_is_that_day() -> None:
    # the period's "no day after the month" guard also holds after "Aug." (was "in Aug")
    refs = find_dates("Forty died in Aug. 7 clashes.", SATURDAY)
    assert [(r.date, r.precision, r.period) for r in refs] == [("2017-08-07", "day", False)]


def test_a_day_wins_over_a_period() -> None:
    text = "Since 2014 the group has lost 900 men, including 20 on Tuesday."
    ref = incident_date(text, SATURDAY)
    assert ref is not None and ref.date == "2017-09-26" and not ref.period
    assert [r.period for r in find_dates(text, SATURDAY)] == [True, False]


def test_dates_after_publication_are_ignored() -> None:
    assert incident_date("The trial opens on 14 October 2017.", SATURDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the toll could rise.",
        "May God have mercy on them, he said.",  # "May" is not a date on its own
        "The march on the capital was halted.",
        "He was 30 years old.",
        "The army used 2017 rounds.",
    ],
)
def test_no_dates(text: str) -> None:
    assert find_dates(text, SATURDAY) == []
    assert incident_date(text, SATURDAY) is None


def test_relative_words_need_a_publication_date() -> None:
    assert find_dates("Six died on Thursday and yesterday.", None) == []
    assert find_dates("Six died on Sept 28, 2017.", None) == [
        DateRef("2017-09-28", None, "day", False, 12, 25)
    ]


def test_impossible_calendar_dates_are_rejected() -> None:
    assert find_dates("It happened on 2017-02-31 and on Feb 30.", SATURDAY) == []


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
def test_weekday_is_never_after_publication(published: date) -> None:
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        ref = incident_date(f"It happened on {name}.", published.isoformat())
        assert ref is not None
        day = date.fromisoformat(ref.date)
        assert published - timedelta(days=6) <= day <= published
        assert day.strftime("%A") == name


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On İstanbul's Sunday they met.", [("Sunday", "2017-09-24")]),  # "İ" lower-cases to 2
        (
            "Shelled on 3 ſept, again ſince 2016.",
            [("3 ſept", "2017-09-03"), ("ſince 2016", "2016-01-01")],
        ),
    ],
)
def test_case_folding(text: str, found: list[tuple[str, str]]) -> None:
    # Text whose lower-casing changes length or case rules takes the case-blind path, and the
    # words IGNORECASE matched ("ſept" for "sept") still resolve.
    assert [(text[r.start : r.end], r.date) for r in find_dates(text, SATURDAY)] == found


@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    for ref in find_dates(text, SATURDAY):
        assert 0 <= ref.start < ref.end <= len(text)
