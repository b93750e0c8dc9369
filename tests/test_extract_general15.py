"""Patterns left over from the batch Z4 round of unseen articles (engineer Z4: Syria and
Iraq, 2016-2018), as tables of invented sentences: a figure inside a dash aside between a
toll's subject and its verb ("14 patients – including three infants – died"); a weekday
after a bare figure ("wounded five late Tuesday night": no count of nights); a plural
subject's present-tense "report" ("village elders report 40 dead") beside the noun "a
report"; the name of a military operation read as a town abroad; "better known as" between
a body and its verb; "tens more injured"; a spokesman "for A and B" as one speaker; places
in a group's name and a country that gave no comment as scenes; "12.000" with a dot for
thousands; a goal of "zero deaths"; "in the past week" and a span between two dates as
periods; "non-combatants" as civilians. The sentences are written for these tests; none
comes from a news article.
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
        "Nurses said 14 patients – including three infants – died in the fire.",
        ("Nurses", "killed", 14),
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
        "Mortar fire hit the square and wounded five late Tuesday night, medics said.",
        ("medics", "wounded", 5),
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
        "Village elders report 40 dead after the floods of gunfire.",
        "Village elders",
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
    "Olive Branch troops had been killed.",
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
        "The Harbour League, better known as the Gulls, said nine people drowned in the raid.",
        "The Harbour League",
    ),
    (
        "The Harbour League, widely known as the Gulls, said nine people drowned in the raid.",
        "The Harbour League",
    ),
]


@pytest.mark.parametrize(("text", "source"), BETTER_KNOWN)
def test_better_known_as_aside(text: str, source: str) -> None:
    assert [c[0] for c in _tolls(text)] == [source]


def test_tens_more_is_a_vague_figure() -> None:
    got = _tolls("Two guards were shot dead and tens more injured, the governor said.")
    assert ("the governor", "wounded", 20) in got


def test_tens_alone_stays_no_figure() -> None:
    assert _tolls("Prices rose by tens in the market after five people died.") == [
        ("Example Wire", "killed", 5)
    ]


ROLE_FOR_BOTH = [
    # a spokesman for two bodies is one speaker, not the second body as another claimant
    "Max Poe, a spokesman for the port authority and the navy, said two sailors drowned.",
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
        "Shelling killed 30 people in Raqqa on Friday, medics said. Fighters of the Islamic "
        "State of Iraq and the Levant had held the town until May. Medics said 12 more died "
        "on Saturday."
    )
    assert [c.country for c in _claims(text)] == ["SY", "SY"]


SILENT_COUNTRY = [
    # a country that gave no comment is a party asked, not the scene of the next claim
    "Strikes killed four soldiers in Syria, state media said. Israel declined to comment. "
    "A war monitor said seven fighters were killed.",
    "Gunfire killed six herders near Homs, villagers said. There was no word from the militia "
    "or Russia. Villagers said eight were hurt.",
]


@pytest.mark.parametrize("text", SILENT_COUNTRY)
def test_silent_country_is_no_scene(text: str) -> None:
    assert {c.country for c in _claims(text)} == {"SY"}


DOT_THOUSANDS = [
    # a dot before three digits groups thousands in a count of people ...
    ("Police counted 12.000 dead in the decade of raids.", 12000),
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
    "The target was zero deaths among bystanders, the ministry said.",
    "We strive for zero casualties in every operation, the army said.",
]


@pytest.mark.parametrize("text", GOAL_OF_ZERO)
def test_goal_of_zero_is_no_claim(text: str) -> None:
    assert _claims(text) == []


def test_zero_killed_stays_a_denial() -> None:
    assert [c.low for c in _claims("The army said zero civilians died in the raid.")] == [0]


def test_uk_based_organization_is_the_observatory() -> None:
    text = (
        "Three farmers died, the Syrian Observatory for Human Rights said. The UK-based "
        "organisation counted four wounded."
    )
    assert {c.source for c in _claims(text)} == {"Syrian Observatory for Human Rights"}


PERIODS = [
    # "in the past week" and a span between two dated ends are periods ...
    "Over 90 villagers have been killed by shelling of the town in the past week, a monitor said.",
    "Doctors recorded 640 dead from the fever of shelling between March 2011 and June 2013, "
    "the clinic said.",
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


def test_non_combatant_civilians_are_civilians() -> None:
    text = "A monitor said 300 non-combatants lay dead after the siege."
    assert [c.victim_category for c in _claims(text)] == ["civilians"]


def test_said_the_website_is_its_own_claimant() -> None:
    # an unresolved inverted speaker used to fall back to a body named in the victims
    claims = _claims("The gunman shot four JOC officers dead, said the website.")
    assert [(c.source, c.source_type) for c in claims] == [("the website", "media")]


APPOSED_BODY = [
    # a body described by an indefinite apposition of its own kind speaks, not the apposition
    ("Kano's civil defence, a rescue service, said six people died.", "Kano's civil defence"),
    (
        "The port's civil defence, a volunteer rescue service, said four sailors drowned.",
        "The port's civil defence",
    ),
]


@pytest.mark.parametrize(("text", "source"), APPOSED_BODY)
def test_body_before_its_apposition_speaks(text: str, source: str) -> None:
    assert [c.source for c in _claims(text)] == [source]


def test_name_before_a_role_apposition_still_speaks() -> None:
    assert [c.source for c in _claims("Jo Li, a farmer, said two guards were shot dead.")] == [
        "Jo Li"
    ]


PARTITIVE = [
    # "N of the X": the X are the victims
    ("Four of the rebels were killed in the ambush, the army said.", "combatants"),
    ("Two of their soldiers were killed, the ministry said.", "combatants"),
]


@pytest.mark.parametrize(("text", "category"), PARTITIVE)
def test_part_of_a_group_names_its_victims(text: str, category: str) -> None:
    assert [c.victim_category for c in _claims(text)] == [category]
