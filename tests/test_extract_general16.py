"""Patterns left over from the batch Z5 round of unseen articles (engineer Z5: one article
per conflict), as tables of invented sentences: the household people came from ("nine
children from one family") is no count of victims; a time phrase after the counted noun
("killed 800 people last year", "20 people this week") ends the noun phrase, so its time
unit does not make the figure a count of years. The sentences are written for these tests;
none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g16", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


HOUSEHOLD = [
    # the household's "one" took the toll, or came out as a claim of its own
    (
        "Four members of one family were killed when the shell hit their home, police said.",
        [("police", "killed", 4)],
    ),
    (
        "Paramedics said six children from one family were among the dead in the raid.",
        [("Paramedics", "killed", 6)],
    ),
    ("The mayor said 13 members of two families were wounded.", [("The mayor", "wounded", 13)]),
    (
        "Three people from one household were abducted overnight, villagers said.",
        [("villagers", "captured", 3)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HOUSEHOLD)
def test_household_is_no_count(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


HOUSEHOLD_KEPT = [
    # the household itself counted, or a family's size, is still read as before
    ("The strike killed a family of seven, medics said.", ("medics", "killed", 7)),
    ("Gunmen killed two families in the village, police said.", ("police", "killed", 2)),
]


@pytest.mark.parametrize(("text", "claim"), HOUSEHOLD_KEPT)
def test_household_counts_kept(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


TIME_AFTER_NOUN = [
    # "year"/"week"/"month" after "last"/"this"/"past" made the figure a count of time units
    (
        "The militia stepped up its raids, killing more than 700 people last year, "
        "the monitor said.",
        ("the monitor", "killed", 701),
    ),
    ("Police said bandits had killed 23 people this week.", ("Police", "killed", 23)),
    (
        "The governor said air strikes wounded 56 civilians over the past month.",
        ("The governor", "wounded", 56),
    ),
    (
        "Rebels abducted 40 villagers earlier this year, a local official said.",
        ("a local official", "captured", 40),
    ),
]


@pytest.mark.parametrize(("text", "claim"), TIME_AFTER_NOUN)
def test_time_phrase_after_the_counted_noun(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


TIME_COUNTED = [
    # a count of time units is still no casualty figure
    "Residents said 12 days of curfew had followed the killing of the chief.",
    "Three years of fighting have displaced thousands, the agency said.",
]


@pytest.mark.parametrize("text", TIME_COUNTED)
def test_time_units_still_no_figure(text: str) -> None:
    assert all(low not in (12, 3) for _, _, low in _tolls(text))


RELATIVE_AUX_SPEAKER = [
    # a relative clause's speaker after an auxiliary ("which the army has said ...") speaks
    # of the clause, not of the figure before it: the figure stays the outlet's
    (
        "Scores of villagers have reportedly been killed in recent weeks by an offensive in "
        "the hills, which the army has said targets rebel camps.",
        ("Example Wire", "killed", 40),
    ),
    (
        "Dozens of people were wounded in the raids, which the ministry had said were aimed "
        "at arms depots.",
        ("Example Wire", "wounded", 24),
    ),
]


@pytest.mark.parametrize(("text", "claim"), RELATIVE_AUX_SPEAKER)
def test_relative_clause_speaker_after_an_auxiliary(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


def test_relative_clause_on_the_victims_still_speaks() -> None:
    text = "Eleven guards, who the ministry has said were killed in the ambush, were buried."
    assert ("the ministry", "killed", 11) in _tolls(text)


STATEMENT_BODY = [
    # "an army statement said": the body the statement names speaks (it went to the outlet,
    # or to whoever spoke last)
    ("An army statement said six insurgents were killed in the clash.", "An army statement"),
    (
        "A police officer said two attackers fled. A defence statement said three cadres were "
        "neutralised in the firefight.",
        "A defence statement",
    ),
]


@pytest.mark.parametrize(("text", "source"), STATEMENT_BODY)
def test_indefinite_statement_names_its_body(text: str, source: str) -> None:
    assert source in [s for s, _, _ in _tolls(text)]


def test_statement_of_the_body_told_before() -> None:
    text = (
        "The interior ministry said the convoy was ambushed. According to a ministry "
        "statement, nine guards are missing."
    )
    assert _tolls(text) == [("The interior ministry", "missing", 9)]


WITH_AND_PARTICIPLE = [
    # "with X verb-ing A and Y saying B": B is Y's, not X's (nor a garbled "..., with X")
    (
        "Rockets struck the port, with the navy announcing three dead sailors and the harbour "
        "hospital saying seven dockers were killed.",
        [("the navy", "killed", 3), ("the harbour hospital", "killed", 7)],
    ),
    (
        "Drones struck the depot, with the rebels saying 12 fighters died and the army "
        "claiming 40 were killed.",
        [("the rebels", "killed", 12), ("the army", "killed", 40)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WITH_AND_PARTICIPLE)
def test_second_participle_of_a_with_phrase(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert sorted(_tolls(text)) == sorted(expected)


def test_joint_subject_of_one_participle_kept() -> None:
    text = "Clashes erupted, with the defence ministry and the army saying nine soldiers died."
    assert {s for s, _, _ in _tolls(text)} == {"the defence ministry", "the army"}


def _omitters(text: str) -> list[str]:
    return [c.source for c in _claims(text) if c.kind == "omission"]


OPEN_QUESTION = [
    # a source saying it is not (yet) clear whether / how many ... died gives no figure
    (
        "It was not immediately clear whether the raiders also suffered casualties, the "
        "district police chief said.",
        ["the district police chief"],
    ),
    (
        "The governor said it was not yet clear how many soldiers had died in the ambush.",
        ["The governor"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OPEN_QUESTION)
def test_not_clear_whether_is_an_omission(text: str, expected: list[str]) -> None:
    assert _omitters(text) == expected


OPEN_QUESTION_NO_TOLL = [
    # a question other than a toll, or one nobody in the sentence asks, is no omission
    "It was not immediately clear if the convoy had been warned of the attack, police said.",
    "It is unclear how many fighters the group still has in the hills.",
    "Officials said it was unclear whether the bridge would reopen.",
]


@pytest.mark.parametrize("text", OPEN_QUESTION_NO_TOLL)
def test_not_clear_without_a_toll(text: str) -> None:
    assert _omitters(text) == []


SOURCE_LINE = [
    # a "Source:" line naming an official: the item's unattributed figures are theirs
    (
        "Shelling of a village kills two\n\nTwo people were killed and four injured when a "
        "village came under artillery fire.\nSource: Petro Savchuk, head of the district "
        "military administration, on Telegram\n",
        "Petro Savchuk, head of the district military administration",
    ),
    (
        "A drone hit a bus stop, wounding three people.\nSource: the regional police\n",
        "the regional police",
    ),
]


@pytest.mark.parametrize(("text", "source"), SOURCE_LINE)
def test_source_line_names_the_claimant(text: str, source: str) -> None:
    assert {s for s, _, _ in _tolls(text)} == {source}


def test_wire_credit_line_is_no_claimant() -> None:
    text = "Gunmen killed five farmers near the river, the mayor said.\nSource: AFP\n"
    assert _tolls(text) == [("the mayor", "killed", 5)]


def test_came_days_after_dates_the_earlier_event() -> None:
    text = (
        "Gunmen killed four guards at a checkpoint on Thursday, police said. The attack came "
        "just days after a bomb in the city killed three soldiers."
    )
    dated = {c.low: (c.date, c.date_end) for c in _claims(text, "2023-03-16")}
    assert dated[4] == ("2023-03-16", None)
    assert dated[3] == ("2023-03-06", "2023-03-14")  # before the story, not its day


ONE_EVENT_LAST_MONTH = [
    # "last month"/"last year" only dates a toll whose own event follows it: no period total
    ("Last month, 30 people were killed when gunmen raided a market in the north.", 30),
    ("Last year, 40 people died when a bomb exploded at a bus station, police said.", 40),
]


@pytest.mark.parametrize(("text", "low"), ONE_EVENT_LAST_MONTH)
def test_one_event_of_last_month_is_a_claim(text: str, low: int) -> None:
    kinds = {c.low: c.kind for c in _claims(text)}
    assert kinds[low] == "claim"


def test_tolls_of_last_month_still_a_period() -> None:
    text = "More than 300 people were killed last month in attacks across the region."
    assert [c.kind for c in _claims(text)] == ["period_total"]
