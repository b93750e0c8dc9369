"""Patterns left over from the batch Z4 round of unseen articles (engineer Z4: Syria and
Iraq, 2016-2018), as tables of invented sentences: a figure inside a dash aside between a
toll's subject and its verb ("at least 14 people – including three children – were
killed"); a weekday after a bare figure ("wounded five late Sunday night": no count of
nights); a plural subject's present-tense "report" ("hospital officials report 40 deaths")
beside the noun "a report"; the name of a military operation ("Operation Olive Branch")
read as a town abroad; "better known as" between a body and its verb; "tens more injured";
a spokesman "for A and B" as one speaker; places in a group's name and a country that gave no
comment as scenes; "25.000" with a dot for thousands; a goal of "zero casualties". The
sentences are written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g15", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


DASH_ASIDE = [
    # the aside's own figure used to block the toll's subject from reaching its verb
    (
        "The monitor said at least 14 people – including three children – were killed.",
        ("The monitor", "killed", 14),
    ),
    (
        "Nine fighters — among them two commanders — were captured, the army said.",
        ("the army", "captured", 9),
    ),
]


@pytest.mark.parametrize(("text", "claim"), DASH_ASIDE)
def test_figure_inside_a_dash_aside(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


WEEKDAY_AFTER = [
    # a day (and "last") after a bare figure ends its noun phrase: "night" counts nothing
    (
        "A roadside bomb killed three soldiers and wounded five late Sunday night, "
        "according to army officials.",
        ("army officials", "wounded", 5),
    ),
    ("Gunmen killed four Tuesday night in the market, police said.", ("police", "killed", 4)),
    ("Gunmen killed two last night near the border, police said.", ("police", "killed", 2)),
]


@pytest.mark.parametrize(("text", "claim"), WEEKDAY_AFTER)
def test_weekday_after_a_bare_figure(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


def test_nights_are_still_a_duration() -> None:
    assert _tolls("The clashes went on for five nights, residents said.") == []


REPORT_VERB = [
    # a plural subject's present-tense "report" speaks ...
    (
        "Local hospital officials report at least 40 civilian deaths in the town.",
        "Local hospital officials",
    ),
    ("Residents report that 12 people died in the shelling.", "Residents"),
    # ... the noun "report" after a determiner or a possessive does not
    ("The report, released on Monday, said 40 people died.", "Example Wire"),
    ("Their report gave 40 dead in the shelling.", "Example Wire"),
    ("The group's report on the raid listed 40 dead.", "Example Wire"),
    ("The annual report found that 40 civilians had died.", "Example Wire"),
]


@pytest.mark.parametrize(("text", "source"), REPORT_VERB)
def test_report_as_a_speech_verb(text: str, source: str) -> None:
    assert [c[0] for c in _tolls(text)] == [source]


OPERATIONS = [
    # an operation's name is no town abroad, where it is given and where it recurs
    "Turkey launched Operation Olive Branch in January. The monitor said 40 fighters of the "
    "Olive Branch forces had been killed.",
    "The monitor said 40 fighters were killed during Operation Olive Branch.",
]


@pytest.mark.parametrize("text", OPERATIONS)
def test_operation_name_is_no_place(text: str) -> None:
    assert [c.country for c in _claims(text)] == [None]


def test_place_after_an_operation_still_placed() -> None:
    text = "The monitor said 40 fighters were killed in Operation Olive Branch near Afrin."
    assert [(c.location, c.country) for c in _claims(text)] == [("Afrin", "SY")]


BETTER_KNOWN = [
    # another name of the body between it and its verb, however introduced
    (
        "The Relief Corps, better known as the Blue Vests, said shelling killed nine people.",
        "The Relief Corps",
    ),
    (
        "The Relief Corps, widely known as the Blue Vests, said shelling killed nine people.",
        "The Relief Corps",
    ),
]


@pytest.mark.parametrize(("text", "source"), BETTER_KNOWN)
def test_better_known_as_aside(text: str, source: str) -> None:
    assert [c[0] for c in _tolls(text)] == [source]


def test_tens_more_is_a_vague_figure() -> None:
    got = _tolls("The monitor counted at least 20 civilian deaths and tens more injured.")
    assert ("The monitor", "wounded", 20) in got


def test_tens_alone_stays_no_figure() -> None:
    assert _tolls("Prices rose by tens in the market after five people died.") == [
        ("Example Wire", "killed", 5)
    ]


ROLE_FOR_BOTH = [
    # a spokesman for two bodies is one speaker, not the second body as another claimant
    "Jo Roe, a spokesman for the Defence Ministry and the army, told reporters that three "
    "soldiers were killed.",
    "Jo Roe, the spokeswoman of the police and the army, said three guards died.",
]


@pytest.mark.parametrize("text", ROLE_FOR_BOTH)
def test_spokesman_for_two_bodies_is_one_claimant(text: str) -> None:
    assert len(_tolls(text)) == 1


def test_two_bodies_still_two_claimants() -> None:
    got = _tolls("The mayor and a spokesman for the army said three soldiers were killed.")
    assert len(got) == 2


def test_places_in_a_group_name_set_no_scene() -> None:
    text = (
        "Strikes killed 30 civilians in Raqqa this week, a monitor said. The coalition against "
        "the Islamic State in Iraq and Syria (ISIS) said it reviews every report. The monitor "
        "said 12 people were killed on Monday."
    )
    assert [c.country for c in _claims(text)] == ["SY", "SY"]


SILENT_COUNTRY = [
    # a country that gave no comment is a party asked, not the scene of the next claim
    "Strikes killed four soldiers in Syria, state media said. Israel declined to comment. "
    "A war monitor said seven fighters were killed.",
    "Air raids killed 19 civilians in Idlib, a monitor said. There was no comment from the "
    "army or Russia. The monitor said 25 others were injured.",
]


@pytest.mark.parametrize("text", SILENT_COUNTRY)
def test_silent_country_is_no_scene(text: str) -> None:
    assert {c.country for c in _claims(text)} == {"SY"}


DOT_THOUSANDS = [
    # a dot before three digits groups thousands in a count of people ...
    ("The army said the rebels had lost more than 12.000 of their fighters.", 12001),
    ("The ministry said 1.500 militants were killed in the campaign.", 1500),
]


@pytest.mark.parametrize(("text", "low"), DOT_THOUSANDS)
def test_dot_groups_thousands(text: str, low: int) -> None:
    assert [c.low for c in _claims(text)] == [low]


def test_decimals_stay_no_count() -> None:
    # ... a decimal with fewer digits after the dot is still no count of people
    assert _claims("The ministry said 1.50 militants were killed in the campaign.") == []


GOAL_OF_ZERO = [
    # a goal of zero casualties is an aim, not a denial of any
    "Our aim is always zero civilian casualties, the ministry said.",
    "We strive for zero casualties in every operation, the army said.",
]


@pytest.mark.parametrize("text", GOAL_OF_ZERO)
def test_goal_of_zero_is_no_claim(text: str) -> None:
    assert _claims(text) == []


def test_zero_killed_stays_a_denial() -> None:
    assert [c.low for c in _claims("The army said zero civilians died in the raid.")] == [0]


def test_uk_based_organization_is_the_observatory() -> None:
    text = (
        "The Syrian Observatory for Human Rights said five people died in the raid. "
        "The UK-based organization also documented seven injured."
    )
    assert {c.source for c in _claims(text)} == {"Syrian Observatory for Human Rights"}


PERIODS = [
    # "in the past week" and a span between two dated ends are periods ...
    "Over 90 villagers have been killed by shelling of the town in the past week, a "
    "monitor said.",
    "Strikes killed at least 1,200 civilians in both countries between August 2014 and July "
    "2017, a monitoring group estimates.",
]


@pytest.mark.parametrize("text", PERIODS)
def test_week_and_dated_span_are_periods(text: str) -> None:
    assert [c.kind for c in _claims(text)] == ["period_total"]


NOT_PERIODS = [
    # ... not a week of a month, nor a range of people
    "Three soldiers were killed in the last week of May, the army said.",
    "Between 1900 and 2000 people were killed in the siege, the monitor said.",
]


@pytest.mark.parametrize("text", NOT_PERIODS)
def test_week_of_a_month_and_people_range_are_no_periods(text: str) -> None:
    assert [c.kind for c in _claims(text)] == ["claim"]


def test_year_span_is_no_count() -> None:
    text = "Two soldiers died on Monday, bringing to 40 the troops killed between 2015 and 2018."
    assert sorted(c.low or 0 for c in _claims(text)) == [2, 40]
