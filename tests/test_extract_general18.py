"""Patterns left over from the batch Z7 round of unseen articles (engineer Z7: Ukraine and
Russia, Gaza and the West Bank, Yemen, Iran and Israel), as tables of invented sentences: a
part of the toll set off by dashes or brackets ("12 people – five of them children – were
killed"); a headline line that names its source after a dash or a colon ("... - governor");
the ages set off after victims' names ("Jo Roe, 41, and Ann Li, 27 - were killed"); a
fraction ("a fifth of them are dead"); "The death toll in X from Y since May 3 is 25"; an
outcome word of another noun ("two men carried a dead body"); a question on the victims'
status ("did not say whether they were civilians or fighters"); fire "from" a country; "N of
whom" figures; "have since been killed"; "another (was) critically wounded"; "it" after an
unnamed body ("the civil defence agency"); "no information about victims"; a next sentence
"In addition, ..., X said" naming the speaker; a second verb's bare figure sharing the first
object's victims; "cited X as saying". The sentences are written for these tests; none comes
from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document

OUTLET = "Example Wire"


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g18", text=text, published=published, outlet=OUTLET)
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


DASHED_PART = [
    # the part between dashes or brackets held no "most"/"including": the toll was lost
    (
        "At least 12 people – five of them children – were killed in the shelling, local "
        "officials said.",
        ("local officials", "killed", 12),
    ),
    (
        "Nine people — three of whom were women — died when the market was hit, the governor said.",
        ("the governor", "killed", 9),
    ),
    (
        "At least 14 people (six of them children) were wounded in the blast, medics said.",
        ("medics", "wounded", 14),
    ),
]


@pytest.mark.parametrize(("text", "claim"), DASHED_PART)
def test_part_set_off_by_dashes_keeps_the_toll(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


HEADLINE_TAGS = [
    # a wire headline line names its source after a dash or a colon: not the outlet's claim
    (
        "Shelling kills 9 in border town – health officials\n"
        "Shelling killed at least nine people in a border town on Monday, health officials said.",
        "health officials",
    ),
    (
        "Drone strike kills two near the front - governor\n"
        "A drone strike killed two men near the front line, the governor said on Telegram.",
        "governor",
    ),
    (
        "Rocket fire leaves four dead: health ministry\n"
        "Rocket fire killed four people overnight, the health ministry said.",
        "health ministry",
    ),
]


@pytest.mark.parametrize(("text", "source"), HEADLINE_TAGS)
def test_headline_tag_names_the_claimant(text: str, source: str) -> None:
    headline = [c for c in _claims(text) if c.span[1] <= text.index("\n")]
    assert headline
    assert {c.source for c in headline} == {source}


HEADLINE_KEPT = [
    # a newsroom's credit, a word that names no source, or a full sentence: the outlet's voice
    "Shelling kills 9 in border town - REUTERS\nThe town was hit at dawn.",
    "Shelling kills 9 in border town: live updates\nThe town was hit at dawn.",
    "Shelling killed 9 in the town - a grim toll.\nThe town was hit at dawn.",
]


@pytest.mark.parametrize("text", HEADLINE_KEPT)
def test_headline_without_a_source_tag_is_the_outlets(text: str) -> None:
    assert (OUTLET, "killed", 9) in _tolls(text)


NAMED_AGES = [
    # the ages after each name were read as two more tolls
    (
        "Two men - Omar Saleh Nasser, 41, and Samir Haddad, 27 - were among those killed, "
        "the ministry said.",
        [41, 27],
    ),
    (
        "Three people - Lina Haddad, 34, Sami Odeh, 52, and Rami Nasser, 19 - were killed, "
        "the ministry said.",
        [34, 52, 19],
    ),
]


@pytest.mark.parametrize(("text", "ages"), NAMED_AGES)
def test_ages_after_names_are_no_tolls(text: str, ages: list[int]) -> None:
    assert not {low for _, _, low in _tolls(text)} & set(ages)


def test_figure_after_a_place_name_is_kept() -> None:
    text = "In Gaza City, 12, including children, were killed overnight, medics said."
    assert ("medics", "killed", 12) in _tolls(text)


FRACTIONS = [
    # "a third" counts one person only as an ordinal ("a third soldier"), not before "of"
    "About 40 are still held in the hills, but officials fear a fifth of them are dead.",
    "Some 40 were taken, and around a third of those were later killed, villagers said.",
]


@pytest.mark.parametrize("text", FRACTIONS)
def test_fraction_is_no_single_victim(text: str) -> None:
    assert all(low != 1 for _, _, low in _tolls(text))


def test_ordinal_victim_still_counts_one() -> None:
    assert ("police", "wounded", 1) in _tolls(
        "A third soldier was wounded in the blast, police said."
    )


TOLL_IS = [
    # a death toll put at its figure by "is"/"was" after a long noun phrase was lost
    (
        "The death toll in the province from the rocket attacks since March 2 is 31 people, "
        "according to officials.",
        ("officials", "killed", 31),
    ),
    (
        "The death toll from last week's raids on the villages in the north of the district "
        "was 17, the governor said.",
        ("the governor", "killed", 17),
    ),
]


@pytest.mark.parametrize(("text", "claim"), TOLL_IS)
def test_death_toll_is_figure(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


def test_copula_after_another_number_is_no_toll() -> None:
    text = (
        "The number of displaced families in the camps near the border where shelling "
        "killed civilians is 400, officials said."
    )
    assert _tolls(text) == []


ANOTHER_NOUN = [
    # "a dead body", "a wounded boy": the outcome word belongs to a noun of its own
    "A nurse pushed a wounded girl to the gate while two men carried a dead body out of the house.",
    "Three men dragged a wounded soldier to the truck, a witness said.",
]


@pytest.mark.parametrize("text", ANOTHER_NOUN)
def test_outcome_of_another_noun_is_no_toll(text: str) -> None:
    assert all(low not in (2, 3) for _, _, low in _tolls(text))


def test_victims_status_question_is_no_omission() -> None:
    text = "Officials did not say whether the men killed in the strike were civilians or fighters."
    assert [c for c in _claims(text) if c.kind == "omission"] == []


def test_toll_question_is_still_an_omission() -> None:
    text = "The army did not say whether any of its soldiers were killed in the ambush."
    assert [c.source for c in _claims(text) if c.kind == "omission"] == ["The army"]


def test_fire_from_a_country_is_not_the_scene() -> None:
    text = "Medics said two people were wounded in a missile barrage from Iran on Tuesday."
    assert [c.country for c in _claims(text)] == [None]


PARTITIVE_WHOM = [
    # "N of whom" after a noun without a figure: the figure's own clause, once lost
    ("Troops fired on the protesters, three of whom were killed, witnesses said.", "killed", 3),
    ("The guards, two of whom were wounded, returned fire, the army said.", "wounded", 2),
    # a "N of whom were X" aside between the toll and its verb no longer cuts the toll off
    ("At least 20 people, three of whom were children, were killed, medics said.", "killed", 20),
]


@pytest.mark.parametrize(("text", "outcome", "low"), PARTITIVE_WHOM)
def test_of_whom_figures(text: str, outcome: str, low: int) -> None:
    assert (outcome, low) in {(o, n) for _, o, n in _tolls(text)}


def test_have_since_been_killed() -> None:
    text = (
        "At least 610 people have since been killed and nearly 4,000 others wounded in the "
        "region, according to the ministry."
    )
    assert ("the ministry", "killed", 610) in _tolls(text)


ANOTHER_WITH_ADVERB = [
    "The ministry said that one man was killed and another critically wounded in the village.",
    "One guard was killed and another was seriously wounded, the ministry said.",
]


@pytest.mark.parametrize("text", ANOTHER_WITH_ADVERB)
def test_another_with_an_adverb_is_one_more(text: str) -> None:
    assert ("wounded", 1) in {(o, n) for _, o, n in _tolls(text)}


def test_it_after_an_unnamed_body_is_that_body() -> None:
    text = (
        "The Ukrainian air force said it had downed most of the drones. A further 23 people "
        "died in two drone strikes on the villages, according to the emergency services "
        "agency.\nSeven of them died when a shelter near the river was struck, it said."
    )
    assert ("the emergency services agency", "killed", 7) in _tolls(text)


NO_INFORMATION = [
    # "no information about victims": a speaker gives no toll, as "no information on casualties"
    (
        "The market was shelled at noon. There was no information about victims, police said.",
        "police",
    ),
    ("No information on deaths was available, the governor said.", "the governor"),
]


@pytest.mark.parametrize(("text", "source"), NO_INFORMATION)
def test_no_information_about_victims_is_an_omission(text: str, source: str) -> None:
    assert [c.source for c in _claims(text) if c.kind == "omission"] == [source]


def test_no_information_on_victims_identities_is_no_omission() -> None:
    text = "There was no information on the victims' identities, police said."
    assert [c for c in _claims(text) if c.kind == "omission"] == []


def test_sentence_adding_to_a_toll_names_its_speaker() -> None:
    text = (
        "Rockets hit the port on Friday. One dock worker died and three passers-by were hurt. "
        "In addition, a driver was treated for cuts, Mayor Ana Petrova said in a video."
    )
    assert ("Mayor Ana Petrova", "wounded", 3) in _tolls(text)


def test_sentence_adding_with_its_speaker_first_is_no_forward_speaker() -> None:
    text = "Two people were injured in the blast. In addition, the army said it struck 10 targets."
    assert _tolls(text) == [(OUTLET, "wounded", 2)]


SHARED_VICTIMS = [
    # a bare figure of a second verb took a party named before as its victims
    "Russian attacks against Ukraine killed four people and wounded six, officials said.",
    "Shelling by the RSF on the market killed 12 people and wounded 40, activists said.",
]


@pytest.mark.parametrize("text", SHARED_VICTIMS)
def test_second_verbs_bare_figure_shares_the_first_objects_victims(text: str) -> None:
    wounded = [c for c in _claims(text) if c.outcome == "wounded"]
    assert [(c.victim, c.victim_category) for c in wounded] == [("people", "unspecified")]


CITED_AS_SAYING = [
    # "cited X as saying" is "quoted X as saying": X speaks, the one citing relays
    ("State TV cited a police officer as saying 12 people died.", "a police officer"),
    (
        "The agency cited two security sources as saying 14 soldiers were killed.",
        "two security sources",
    ),
]


@pytest.mark.parametrize(("text", "source"), CITED_AS_SAYING)
def test_cited_as_saying_is_the_cited_ones(text: str, source: str) -> None:
    assert {c.source for c in _claims(text)} == {source}
