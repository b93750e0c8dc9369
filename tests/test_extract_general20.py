"""Patterns left over from the batch Z9 round of unseen articles (engineer Z9: Afghanistan,
Pakistan, Kashmir, Myanmar, the Philippines, Colombia, Mexico, Haiti), as tables of invented
sentences: a lone "a soldier" first in a list with a figure ("An army captain and two rebels
died") is one victim, as it already was after the figure. The sentences are written for these
tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g20", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


LONE_FIRST = [
    # "a"/"an" and its noun, then "and" and a figure: the one was lost (only the reverse
    # order, "17 rebels and a soldier", counted it)
    (
        "A border guard captain and a dozen smugglers were killed in the shootout, the "
        "ministry said.",
        [("the ministry", "killed", 1), ("the ministry", "killed", 12)],
    ),
    (
        "A traffic policeman and three bystanders were wounded when the grenade went off, "
        "police said.",
        [("police", "wounded", 1), ("police", "wounded", 3)],
    ),
    (
        "Villagers said a teacher and at least 14 pupils were abducted from the school.",
        [("Villagers", "captured", 1), ("Villagers", "captured", 14)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONE_FIRST)
def test_lone_victim_before_a_figure(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert sorted(_tolls(text)) == sorted(expected)


LONE_STILL_ALONE = [
    # a lone victim with a verb of its own, or a thing in the list, stays figure-less
    (
        "A sergeant was killed and two others were hurt in the blast, the army said.",
        [("the army", "wounded", 2)],
    ),
    (
        "A truck and two cars were set ablaze and nine people were killed, officials said.",
        [("officials", "killed", 9)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONE_STILL_ALONE)
def test_lone_victim_with_its_own_verb(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


DEATH_PHRASES = [
    # "shot to death" / "beaten to death" are deaths, as "stabbed to death" already was
    (
        "Two guards were shot to death at the gate and a driver was hurt, police said.",
        ("police", "killed", 2),
    ),
    (
        "Villagers said four suspected thieves were beaten to death by a mob.",
        ("Villagers", "killed", 4),
    ),
]


@pytest.mark.parametrize(("text", "claim"), DEATH_PHRASES)
def test_to_death_phrases(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


WOUNDED_THEN_DIED = [
    # a relative clause calls them wounded, the main clause says they died: a toll of the dead
    (
        "The colonel said the three cadets who were badly hurt had succumbed to their wounds "
        "overnight.",
        ("The colonel", "killed", 3),
    ),
    (
        "Medics said two of the people who were injured in the blast later died.",
        ("Medics", "killed", 2),
    ),
    (
        "Six porters who were wounded in the ambush died on Friday, the district chief said.",
        ("the district chief", "killed", 6),
    ),
]


@pytest.mark.parametrize(("text", "claim"), WOUNDED_THEN_DIED)
def test_wounded_who_later_died(text: str, claim: tuple[str, str, int]) -> None:
    assert _tolls(text) == [claim]


def test_wounded_still_in_hospital_stay_wounded() -> None:
    text = "The two guards who were injured are still in hospital, the army said."
    assert _tolls(text) == [("the army", "wounded", 2)]


OFFICE_AND_AID_HEADS = [
    # an office speaks as an official body (it fell back to the outlet); a relief or aid group
    # is no armed group; a Red Crescent office is no government office
    (
        "Nine miners were killed in the attack, the provincial intelligence office said.",
        ("the provincial intelligence office", "official"),
    ),
    (
        "Eleven displaced people died in the shelling, a local relief group said.",
        ("a local relief group", "monitor"),
    ),
    (
        "Seven civilians were wounded, the district office of the Red Crescent said.",
        ("the district office of the Red Crescent", "international"),
    ),
]


@pytest.mark.parametrize(("text", "source"), OFFICE_AND_AID_HEADS)
def test_office_and_aid_group_heads(text: str, source: tuple[str, str]) -> None:
    assert [(c.source, c.source_type) for c in _claims(text)] == [source]


SECOND_OBJECT_ADJUNCT = [
    # "killed N on <day> and M on <day> using ...": a manner phrase after the second figure's
    # day is no verb of its own (the second figure was lost), and the second figure's victims
    # are the first one's (civilians), not the killers before the verb (combatants)
    (
        "Raiders killed at least 30 herders on Monday and 12 on Tuesday using machetes, the "
        "governor said.",
        [("the governor", "killed", 30, "civilians"), ("the governor", "killed", 12, "civilians")],
    ),
    (
        "Gunmen killed 20 villagers in Kora and 9 in Tamba wielding rifles, a council member said.",
        [
            ("a council member", "killed", 20, "civilians"),
            ("a council member", "killed", 9, "civilians"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_OBJECT_ADJUNCT)
def test_second_object_before_an_adjunct(
    text: str, expected: list[tuple[str, str, int, str]]
) -> None:
    got = [(c.source, c.outcome, c.low, c.victim_category) for c in _claims(text)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_second_figure_with_a_verb_of_its_own() -> None:
    text = "Gunmen killed 12 people in Arbo and 40 in Dalo were hurt, police said."
    assert sorted(_tolls(text)) == [("police", "killed", 12), ("police", "wounded", 40)]


CRIME_TOLL_NOUNS = [
    # "murders" / "killings" / "homicides" after a figure are deaths, as "deaths" already was
    ("The province recorded 35 murders in May, the governor said.", ("the governor", "killed", 35)),
    (
        "Officials said there had been 18 killings in the district since the truce.",
        ("Officials", "killed", 18),
    ),
]


@pytest.mark.parametrize(("text", "claim"), CRIME_TOLL_NOUNS)
def test_crime_toll_nouns(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


def test_a_wave_of_killings_is_no_toll() -> None:
    # a qualitative quantifier before "killings" counts incidents, not the dead
    text = "The capital has seen a wave of unclaimed targeted killings of judges and clerics."
    assert _tolls(text) == []


def test_data_shown_by_names_its_source() -> None:
    # an irregular participle ("shown", "given") between "data" and "by" as a regular one
    text = "At least 27 people were killed, according to data shown by the security minister."
    assert _tolls(text) == [("the security minister", "killed", 27)]


def test_quotation_ending_its_own_sentence_has_no_tag() -> None:
    # the quotation's second sentence ended with its full stop: the next sentence's subject
    # ("The militia's leader claimed ...") is no speech tag of it; the quoted speaker is the
    # witness quoted just before
    text = (
        '"The truck blew up at the gate," a witness said. "I pulled out two bodies. Five men '
        "were also hurt.\" The militia's leader claimed the attack."
    )
    assert sorted(_tolls(text)) == [("a witness", "killed", 2), ("a witness", "wounded", 5)]


RESCUED = [
    # people rescued, freed or released are no toll (the corpus README's distractors): a
    # captives noun after the figure made them a capture
    "Commandos rescued 12 hostages from the compound, the army said.",
    "Troops pressed on to free several captives held in the hills, the general said.",
    "The rebels released 20 prisoners on Monday, mediators said.",
]


@pytest.mark.parametrize("text", RESCUED)
def test_rescued_people_are_no_toll(text: str) -> None:
    assert _tolls(text) == []


def test_hostages_held_are_still_captives() -> None:
    text = "The gunmen were holding 30 hostages inside the hotel, police said."
    assert _tolls(text) == [("police", "captured", 30)]


REMAINS = [
    # "remains of" as "bodies of": the dead found or handed over
    (
        "Searchers recovered the remains of 14 miners from the pit, police said.",
        ("police", "killed", 14),
    ),
    (
        "The patrol found four remains of fighters in a shallow grave, the army said.",
        ("the army", "killed", 4),
    ),
]


@pytest.mark.parametrize(("text", "claim"), REMAINS)
def test_remains_are_the_dead(text: str, claim: tuple[str, str, int]) -> None:
    assert _tolls(text) == [claim]


def test_each_figure_takes_the_day_written_after_it() -> None:
    # "N on <day> and M on <day>": the second figure took the first day
    text = "Raiders killed 14 villagers on Monday and nine on Wednesday, the governor said."
    days = sorted((c.low, c.date) for c in _claims(text, published="2023-03-17"))
    assert days == [(9, "2023-03-15"), (14, "2023-03-13")]


APPOINTED = [
    # "X-appointed" / "X-installed" qualifies an official as "X-run" does a ministry: the
    # armed group named as the adjective is no speaker (it typed the official belligerent)
    (
        "Six people died in the blast, a Taliban-appointed spokesman for the provincial police "
        "said.",
        "official",
    ),
    (
        "Two guards were wounded, according to Jo Li, a Houthi-installed district governor.",
        "official",
    ),
]


@pytest.mark.parametrize(("text", "kind"), APPOINTED)
def test_appointed_official_is_an_official(text: str, kind: str) -> None:
    assert {c.source_type for c in _claims(text)} == {kind}


def test_task_force_is_a_military_body() -> None:
    # "task force" heads a military unit (it was a body of unknown type)
    text = "Three marines were killed in the ambush, the Northern Joint Task Force said."
    assert [(c.source, c.source_type) for c in _claims(text)] == [
        ("the Northern Joint Task Force", "belligerent")
    ]
