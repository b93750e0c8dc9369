"""Patterns left over from the batch Z3 round of unseen articles (engineer Z3), as tables of
invented sentences: a source saying a toll is not yet known. The sentences are written for
these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-05-09") -> list[Claim]:
    doc = Document(id="g13", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


UNKNOWN_TOLL = [
    # a toll noun said to be unknown or unclear is an omission of its speaker ...
    (
        "Two depots were shelled, the navy said, adding that losses on the rebel side were "
        "not yet known.",
        "the navy",
        "killed",
    ),
    ("The death toll remains unclear, a district chief said.", "a district chief", "killed"),
    ("Casualties were not immediately known, the governor said.", "the governor", "killed"),
    (
        "The mayor said four guards died, adding that the number of wounded was unclear.",
        "The mayor",
        "wounded",
    ),
]


@pytest.mark.parametrize(("text", "source", "outcome"), UNKNOWN_TOLL)
def test_unknown_toll_is_an_omission(text: str, source: str, outcome: str) -> None:
    omitted = [(c.source, c.outcome) for c in _claims(text) if c.kind == "omission"]
    assert omitted == [(source, outcome)]


NOT_AN_UNKNOWN_TOLL = [
    # ... not when the toll noun only qualifies what is unknown, or a comma parts them
    "The cause of the deaths was not immediately known, the police said.",
    "Despite the high toll, the reason for the raid remains unclear, a chief said.",
    # nor in the outlet's own voice: no source left anything out
    "Casualties were not immediately known.",
]


@pytest.mark.parametrize("text", NOT_AN_UNKNOWN_TOLL)
def test_other_unknowns_are_no_omission(text: str) -> None:
    assert [c for c in _claims(text) if c.kind == "omission"] == []


SPEAKER_ASIDES = [
    # an "including ..." list after the speaker names some of them, not the speaker ...
    (
        "Village elders, including chief Tomas Berg, said at least 17 herders were killed.",
        "Village elders",
    ),
    # ... a "based in X" aside says where the speaker works ...
    (
        "Mara Lind, head of the Kato Rights Watch, based in Tarn, said 25 civilians had been "
        "killed.",
        "Mara Lind, head of the Kato Rights Watch",
    ),
    # ... and "known as / by its acronym X" renames a body: the speaker stays whole
    (
        "Mara Lind, head of a local rights group known by its acronym KRW, based in Kato, "
        "said 25 civilians had been killed.",
        "Mara Lind, head of a local rights group",
    ),
    (
        "The Tarn Rescue Service, also known as the Blue Vests, said 10 people were killed.",
        "The Tarn Rescue Service",
    ),
]


@pytest.mark.parametrize(("text", "source"), SPEAKER_ASIDES)
def test_aside_after_the_speaker_is_skipped(text: str, source: str) -> None:
    assert {c.source for c in _claims(text)} == {source}


TOLL_BELIEVED = [
    # a toll "believed / thought / estimated to be" a figure is that figure, hedged as written
    ("The death toll is believed to be between 40 and 45.", 40, 45),
    ("The final toll is thought to be at least 60, a nurse said.", 60, None),
    ("The number of dead is estimated to be around 30.", 30, 30),
]


@pytest.mark.parametrize(("text", "low", "high"), TOLL_BELIEVED)
def test_toll_believed_to_be_a_figure(text: str, low: int, high: int | None) -> None:
    found = [(c.outcome, c.low, c.high) for c in _claims(text)]
    assert found == [("killed", low, high)]


def test_toll_to_be_told_later_is_no_figure() -> None:
    text = "The death toll is expected to be announced on 12 May."
    assert _claims(text) == []


PLACE_BEFORE_INVERTED_SPEAKER = [
    # a town named just before ", says X" / ", said X" is the scene: only "Kato said" (no
    # comma) makes a town's name a speaker's
    ("Five people were killed when shells hit a market in el-Geneina, says a local monitor.",),
    ("Four farmers were shot dead near al-Qadarif, said a local chief.",),
]


@pytest.mark.parametrize(("text",), PLACE_BEFORE_INVERTED_SPEAKER)
def test_place_before_inverted_speaker_is_placed(text: str) -> None:
    (claim,) = _claims(text)
    assert (claim.country, claim.location is not None) == ("SD", True)


VAGUE_OF_VICTIMS = [
    # "dozens of X were killed": X are the victims, as in "killed dozens of X"
    ("Dozens of herders were killed in the raid, a chief said.", "civilians"),
    ("Scores of soldiers died when the base was overrun, a medic said.", "combatants"),
    ("Hundreds of fighters were wounded in the battle, the ministry said.", "combatants"),
]


@pytest.mark.parametrize(("text", "category"), VAGUE_OF_VICTIMS)
def test_vague_figure_of_a_noun_keeps_its_victims(text: str, category: str) -> None:
    (claim,) = _claims(text)
    assert claim.victim_category == category


ATTACK_SUBJECT = [
    # the subject of an active "killed N" is the attack: its attacker is no victim
    "A shelling attack by the rebels on a market killed at least 9, medics said.",
    "An army drone strike on the village has killed dozens, witnesses said.",
]


@pytest.mark.parametrize("text", ATTACK_SUBJECT)
def test_attackers_of_an_attack_subject_are_no_victims(text: str) -> None:
    assert {(c.victim, c.victim_category) for c in _claims(text)} == {(None, "unspecified")}


def test_victims_told_before_a_second_figure_are_kept() -> None:
    # "killed three guards and wounded 10": the ten are read with the guards, as before
    text = "A raid on the depot killed three guards and wounded 10, the police said."
    assert {c.victim_category for c in _claims(text)} == {"combatants"}


DECADES = [
    # a toll over decades is a period total, as one over "the past three years" is
    "The militia has operated over the past two decades, killing thousands of farmers.",
    "Over the three decades of its revolt the group has killed hundreds of villagers.",
]


@pytest.mark.parametrize("text", DECADES)
def test_toll_over_decades_is_a_period_total(text: str) -> None:
    assert [c.kind for c in _claims(text)] == ["period_total"]


def test_first_attack_in_decades_stays_an_incident() -> None:
    text = "Raiders killed 12 villagers on Monday, the first such attack in decades."
    assert [c.kind for c in _claims(text)] == ["claim"]


ATTACKERS_TELL_THE_PLACE = [
    # a lead naming only its country takes the town the next sentence's attackers reached,
    # as it takes the one after "The attack ..."
    (
        "Gunmen killed 19 villagers in a remote part of central Nigeria, officials said. "
        "The gunmen stormed Yelwata village in Benue state on Saturday night.",
        "Benue",
    ),
    (
        "Militants killed four guards at a border post in northwest Pakistan, police said. "
        "The attackers opened fire on the post in the Karak district of Khyber Pakhtunkhwa.",
        "Khyber Pakhtunkhwa",
    ),
]


@pytest.mark.parametrize(("text", "admin1"), ATTACKERS_TELL_THE_PLACE)
def test_attackers_sentence_places_the_lead(text: str, admin1: str) -> None:
    (claim,) = _claims(text)
    assert claim.admin1 == admin1


SEPARATE_INCIDENT = (
    "Raiders killed at least 20 villagers in Kassala early on Sunday, a rights group said.\n\n"
    "In a separate incident, officials said gunmen attacked a market in Kosti on Saturday "
    "night, burning stalls.\n\n"
    "A local administrator said two guards were killed during the army's response."
)


def test_paragraph_after_a_separate_incident_goes_on_with_it() -> None:
    # the undated, unplaced toll after "In a separate incident, ... on Saturday night" is
    # that incident's (Saturday, Kosti), not the lead's (Sunday, Kassala)
    claims = _claims(SEPARATE_INCIDENT, published="2023-05-08")
    guards = next(c for c in claims if c.low == 2)
    assert (guards.date, guards.location) == ("2023-05-06", "Kosti")
    lead = next(c for c in claims if c.low == 20)
    assert (lead.date, lead.location) == ("2023-05-07", "Kassala")
