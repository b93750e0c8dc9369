"""Patterns left over from the batch Z8 round of unseen articles (engineer Z8: Sudan, South
Sudan, Somalia, the Sahel, Nigeria, Cameroon, DRC, Ethiopia, Mozambique, Libya), as tables
of invented sentences. The sentences are written for these tests; none comes from a news
article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g19", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


SPEAKERS = [
    # one witness after a quote: "one" is no count, the witness speaks (was the outlet)
    (
        '"Seven people died when the roof fell in," one survivor added.',
        [("one survivor", "killed", 7)],
    ),
    ('"Nine bodies lay in the road," said one witness.', [("one witness", "killed", 9)]),
    # the relay between "quoted" and "as" (was the outlet's)
    (
        "Four farmers were killed in the shelling, the district relief committee was quoted "
        "by Reuters as saying.",
        [("the district relief committee", "killed", 4)],
    ),
    (
        "Two guards died in the raid, the governor was quoted by the state news agency as saying.",
        [("the governor", "killed", 2)],
    ),
    # where a place lies, apposed between the speaker and the verb (was the outlet's)
    (
        "Ali Warsame, the police chief of Dhurbo, 250 km (155 miles) west of the capital, "
        "told reporters that six people died when shots were fired at the market.",
        [("Ali Warsame, the police chief of Dhurbo", "killed", 6)],
    ),
    (
        "The mayor of Qaldo, some 40 miles north of the border, said eleven people were killed.",
        [("The mayor of Qaldo", "killed", 11)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speakers(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


PERSON_REFERRED_BACK = [
    # "the person" / "the man": the one just heard (was "people", a victim noun, as a party)
    (
        "Raiders hit Tumbeke at dawn, a resident said by phone. "
        '"Three men were shot dead near the well," the person said.',
        ("a resident", "killed", 3),
    ),
    (
        'A police officer, Amos Keni, said the road was closed. "Bandits shot dead five '
        'travellers," the man said.',
        ("A police officer, Amos Keni", "killed", 5),
    ),
]


@pytest.mark.parametrize(("text", "claim"), PERSON_REFERRED_BACK)
def test_person_referred_back(text: str, claim: tuple[str, str, int]) -> None:
    assert _tolls(text) == [claim]


def _omitters(text: str) -> list[str]:
    return [c.source for c in _claims(text) if c.kind == "omission"]


OMISSIONS = [
    # "can't say how many": a quotation's "I" is its speaker, named outside it
    (
        '"We are still digging. I can\'t say how many people have died," a '
        "volunteer with the relief committee told reporters.",
        ["a volunteer with the relief committee"],
    ),
    (
        "It is too early to tell how many people died, the district governor said.",
        ["the district governor"],
    ),
    (
        "A spokesman for the clinic said it was impossible to give the exact number of dead.",
        ["A spokesman for the clinic"],
    ),
    # "still being gathered": a toll not yet known
    (
        "The army spokesman said figures on the dead were still being gathered from the front.",
        ["The army spokesman"],
    ),
    # refusing two things, one of them the figure
    (
        "The provincial hospital has refused to share its records or give the ministry a count "
        "of the casualties, the minister said.",
        ["The provincial hospital"],
    ),
]


@pytest.mark.parametrize(("text", "omitters"), OMISSIONS)
def test_omissions(text: str, omitters: list[str]) -> None:
    assert _omitters(text) == omitters


NO_OMISSION = [
    # what cannot be said is not a toll; what is refused is not a figure
    '"We cannot say how many gunmen took part," the officer said.',
    "The farmers refused to leave or give up their fields, the mayor said.",
    "It was hard to say what had caused the fire, the chief said.",
]


@pytest.mark.parametrize("text", NO_OMISSION)
def test_no_omission(text: str) -> None:
    assert _omitters(text) == []


ANOTHER = [
    # a lone "another" whose outcome is reported ("reported missing", "remains missing")
    (
        "The ambush left eleven gendarmes dead, and another was reported missing.",
        [("Example Wire", "killed", 11), ("Example Wire", "missing", 1)],
    ),
    (
        "Three fishermen drowned when the boat was shot at and another remains missing, "
        "the police said.",
        [("the police", "killed", 3), ("the police", "missing", 1)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ANOTHER)
def test_another_reported(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert sorted(_tolls(text)) == sorted(expected)


def _countries(text: str) -> set[str | None]:
    return {c.country for c in _claims(text)}


BLAMED = [
    # who an attack is put down to is the aggressor, not the scene (the lead took NG)
    (
        "Chad: nine herders shot dead in a raid attributed to Nigeria's Boko Haram",
        {"TD"},
    ),
    ("Niger: 7 killed in raid blamed on Mali's jihadists", {"NE"}),
]


@pytest.mark.parametrize(("text", "countries"), BLAMED)
def test_blamed_party_is_no_scene(text: str, countries: set[str]) -> None:
    assert _countries(text) == countries


def test_south_sudan_army_is_no_rebel_antecedent() -> None:
    # "South Sudan's People's Defense Force" is South Sudan's army (it matched Myanmar's
    # resistance PDF), so "the rebels" after it stay the rebels
    text = (
        "South Sudan's People's Defense Force (SSPDF) said in a statement that its troops "
        "repelled the assault. The rebels, who claimed the attack, blamed the SSPDF for "
        "shelling their base, which left two of their fighters dead."
    )
    assert [(c.source, c.low) for c in _claims(text)] == [("The rebels", 2)]


def _kinds(text: str) -> list[tuple[str, int | None]]:
    return [(c.kind, c.low) for c in _claims(text) if c.kind != "omission"]


WAR_TOLLS = [
    # a war's toll in the past tense, and a span of days, are period totals (were claims)
    ("By most counts the war killed tens of thousands of people.", [("period_total", 20000)]),
    (
        "That insurgency, which the army fought for a decade in the hills, cost about "
        "90,000 lives.",
        [("period_total", 90000)],
    ),
    ("A rebellion from 1998-2003 left some 50,000 dead.", [("period_total", 50000)]),
    (
        "The UN mission counted 64 villagers killed in the district between March 3 and May 19.",
        [("period_total", 64)],
    ),
    (
        "At least 9,000 people have died at the movement's hands since it took up arms in 2011.",
        [("period_total", 9000)],
    ),
    # the war only named beside a day's toll: still that day's claim
    (
        "The war killed her brother years ago, and on Monday gunmen killed 14 herders.",
        [("claim", 14)],
    ),
]


@pytest.mark.parametrize(("text", "kinds"), WAR_TOLLS)
def test_war_tolls(text: str, kinds: list[tuple[str, int]]) -> None:
    assert _kinds(text) == kinds


FIGURES = [
    # "dead bodies of" before the figure (a later "how many wounded" took it as wounded)
    (
        '"We passed dead bodies of several people and did not ask how many wounded there '
        'were," said one driver, Ali Warsame.',
        [("one driver, Ali Warsame", "killed", 3)],
    ),
    (
        "Divers pulled the dead bodies of 17 fishermen from the lake.",
        [("Example Wire", "killed", 17)],
    ),
    # a hedge between a toll noun's verb and its figure; "number injured" is a toll noun
    (
        "According to the medic, the number injured is probably 60.",
        [("the medic", "wounded", 60)],
    ),
    ("The number of wounded was probably 35, police said.", [("police", "wounded", 35)]),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


def _locations(text: str) -> list[str | None]:
    return [c.location for c in _claims(text) if c.kind != "omission"]


CARE = [
    # where the wounded were conveyed or treated is not where they were hurt
    (
        "Gunmen stormed a market in Garissa on Friday. Eight traders were wounded; they were "
        "later conveyed to Nairobi by road.",
        ["Garissa"],
    ),
    (
        "Gunmen stormed a market in Garissa on Friday, killing two. Twelve injured people were "
        "rushed to the Teaching Hospital of Nairobi.",
        ["Garissa", "Garissa"],
    ),
]


@pytest.mark.parametrize(("text", "locations"), CARE)
def test_place_of_care(text: str, locations: list[str]) -> None:
    assert _locations(text) == locations


DATELINES = [
    # two cities and an agency's day ("Bamako/Gao, Mali, Feb. 3 (EFE). –"): where the
    # report was filed, not the scene (the first city placed the lead)
    (
        "Bamako/Gao, Mali, Feb. 3 (EFE). – Gunmen shot dead 14 civilians at a market in Gao "
        "on Thursday, a local official told EFE.",
        ("Gao", "2023-02-02"),
    ),
    (
        "Juba/Bor, South Sudan, Feb. 3 (EFE). – Nine herders were killed in a cattle raid on "
        "Thursday, the county commissioner told EFE.",
        (None, "2023-02-02"),
    ),
]


@pytest.mark.parametrize(("text", "where_when"), DATELINES)
def test_two_city_dateline(text: str, where_when: tuple[str | None, str]) -> None:
    claims = _claims(text, published="2023-02-03")
    assert [(c.location, c.date) for c in claims] == [where_when]


OUTLET_BACKGROUND = [
    # "That attack ..." opens the outlet's own background, not the last speaker's report
    (
        "The army spokesman said the crowd had come to remember a raid on Wukro in 1990. "
        "That raid, carried out by the old regime, killed hundreds of villagers.",
        [("Example Wire", "killed", 200)],
    ),
    (
        "Police said gunmen stormed the village overnight. That raid killed 12 farmers, the "
        "police chief added.",
        [("the police chief", "killed", 12)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OUTLET_BACKGROUND)
def test_demonstrative_event_is_no_continuation(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert _tolls(text) == expected


KIN = [
    # "have N children" and what befell them: a toll, no family's size
    (
        '"In this camp we have nine children who were abducted by the gunmen," the chief said.',
        [("the chief", "captured", 9)],
    ),
    (
        "The mayor said the town had 11 children that were abducted from the school.",
        [("The mayor", "captured", 11)],
    ),
    # a family's size stays none
    ("A teacher who had five children was among those abducted, police said.", []),
]


@pytest.mark.parametrize(("text", "expected"), KIN)
def test_children_who_went_missing(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


def test_victim_noun_is_no_party() -> None:
    # "militants" stand for the article's non-state party; "people", a victim noun named
    # most, is none (it gave "people" as the militants' group)
    text = (
        "Gunmen killed five people in the market and wounded eleven people. Troops later "
        "killed three militants, the army said."
    )
    militants = [c for c in _claims(text) if c.source == "the army"]
    assert [(c.low, c.victim, c.victim_category) for c in militants] == [(3, None, "combatants")]


def test_injuries_and_death_is_one_undivided_figure() -> None:
    # "N persons with (varying degrees of) injuries and death": the dead among them untold
    text = "The blast struck 25 persons with varying degrees of injuries and death, police said."
    assert _tolls(text) == [("police", "killed_or_wounded", 25)]
