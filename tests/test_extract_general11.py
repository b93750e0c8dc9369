"""Patterns left over from the batch Z round of unseen articles (engineer Z1), as tables of
invented sentences: omissions worded "has not immediately commented", "has not issued an
official comment", "without mentioning casualties" and the stock refusal to comment on
foreign reports; an aside on why a source goes unnamed ("speaking on condition of
anonymity", "not authorised to speak to the media") between the source and its verb;
hard-wrapped lines; "according to both X and Y"; a second object of a verb after a place
("killed 37 civilians in A and nine soldiers in B"); a quoted paragraph whose own speech
verb has no speaker ("The inquiry indicated that ..."); "since early/late/mid" a date as a
period; an inverted '"...," read a statement from X'; "the Kurdish-led force"; a definite
head noun naming a body heard before by its registry name ("the cell"); Iraq's Salah ad Din
province by its news spellings and the Garmiyan area; "the Syrian desert" in lower case;
"the fighting has killed" as a cumulative toll; Baghdad's operations command as a source; a
country that "carried out" an attack is the attacker, not the scene. The sentences are
written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g11", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _omissions(text: str) -> list[tuple[str, str]]:
    return [(c.source, c.outcome) for c in _claims(text) if c.kind == "omission"]


OMITTED = [
    # a perfect "has not (immediately) commented / responded" is the same silence as the
    # past "did not immediately comment" ...
    ("The ministry has not immediately commented on the raid.", "The ministry"),
    ("The rebels have not responded to questions about the ambush.", "The rebels"),
    # ... "an official comment" as "a statement" ...
    ("The militia has not issued an official comment on the bombing.", "The militia"),
    # ... a statement that confirmed the event "without mentioning casualties" ...
    ("The army confirmed the clash in a statement, without mentioning casualties.", "The army"),
    ("The group claimed the raid without mentioning its losses.", "The group"),
    # ... and the stock refusal to comment on foreign reports of a strike
    ('The navy told reporters: "We do not comment on foreign reports."', "The navy"),
    ('A spokesman said: "We do not comment on reports by the foreign press."', "A spokesman"),
]


@pytest.mark.parametrize(("text", "source"), OMITTED)
def test_no_comment_forms_are_omissions(text: str, source: str) -> None:
    assert _omissions(text) == [(source, "killed")]


NOT_OMITTED = [
    # a comment withheld on something other than the event or its toll stays no omission
    "The ministry has not commented on reports that the minister resigned.",
    'A spokesman said: "We do not comment on reports about the budget."',
    # leaving out something other than a toll is no omission
    "The army confirmed the clash in a statement, without mentioning the date.",
]


@pytest.mark.parametrize("text", NOT_OMITTED)
def test_other_silences_are_not_omissions(text: str) -> None:
    assert _omissions(text) == []


ANONYMOUS = [
    # an aside on the source's anonymity between it and its verb is not the speaker ...
    ("A doctor, speaking on condition of anonymity, said 14 people were wounded.", "A doctor"),
    ("A nurse speaking on condition of anonymity said three people were killed.", "A nurse"),
    (
        "The police source, requesting anonymity as he was not authorised to speak to the press,"
        " said that six guards died.",
        "The police source",
    ),
    (
        "A local official who requested anonymity, not being allowed to talk to reporters,"
        " confirmed the deaths of nine villagers.",
        "A local official",
    ),
    ("A medic who asked not to be named said 12 people were wounded.", "A medic"),
]


@pytest.mark.parametrize(("text", "source"), ANONYMOUS)
def test_anonymity_aside_is_not_the_speaker(text: str, source: str) -> None:
    assert [c.source for c in _claims(text) if c.kind != "omission"] == [source]


def test_aside_without_anonymity_keeps_its_speaker() -> None:
    # an apposition that names the source is no anonymity aside: it stays in the claimant
    text = "The army spokesman, Jo Li, said four soldiers were killed."
    assert [c.source for c in _claims(text)] == ["The army spokesman, Jo Li"]


def test_hard_wrapped_lines_are_one_sentence() -> None:
    # copy wrapped at a fixed width: a line break between lower-case words ends no sentence
    text = (
        "A drone strike killed five\ncivilians on Monday, according to local\nofficials.\n"
        "The raid was near the border."
    )
    (claim,) = _claims(text)
    assert (claim.source, claim.low, claim.victim_category) == ("local officials", 5, "civilians")


def test_line_breaks_between_sentences_still_split() -> None:
    text = "Militants said\nFour guards were killed, police said."
    assert [c.source for c in _claims(text)] == ["police"]


BOTH = [
    # "both X and Y" names two claimants, neither of them "both X"
    (
        "Four guards were killed, according to both the police and residents.",
        ["the police", "residents"],
    ),
    ("Both the army and the rebels said six fighters were killed.", ["the army", "the rebels"]),
]


@pytest.mark.parametrize(("text", "sources"), BOTH)
def test_both_opens_two_claimants(text: str, sources: list[str]) -> None:
    assert sorted(c.source for c in _claims(text)) == sorted(sources)


PLACED_OBJECTS = [
    # a second object of an active verb after a place or a day phrase keeps the verb
    ("The shelling killed 37 civilians in Rafah and nine soldiers in Sderot.", [37, 9]),
    ("Troops killed five rebels on Monday and two on Tuesday.", [5, 2]),
    ("The clashes killed 12 fighters in the north and at least four civilians.", [12, 4]),
]


@pytest.mark.parametrize(("text", "lows"), PLACED_OBJECTS)
def test_second_object_after_a_place(text: str, lows: list[int]) -> None:
    assert sorted(c.low or 0 for c in _claims(text)) == sorted(lows)


def test_second_figure_with_its_own_verb_is_no_object() -> None:
    text = "Gunmen killed five people in the village and 300 residents fled."
    assert [(c.outcome, c.low) for c in _claims(text)] == [("killed", 5)]


def test_quoted_finding_is_the_quoted_speakers() -> None:
    # a quotation carried on in its own paragraph, whose verb has a finding as its subject
    # ("The inquiry indicated that ..."), is still the words of the speaker quoted before
    text = (
        '"Gunmen attacked the post at dawn," a police officer said.\n\n'
        '"The inquiry indicated that six guards were killed and two wounded."'
    )
    assert {c.source for c in _claims(text)} == {"a police officer"}


def test_unquoted_finding_stays_the_outlets() -> None:
    text = "A police officer said the post was attacked.\n\nThe inquiry indicated that six died."
    assert [c.source for c in _claims(text)] == ["Example Wire"]


SINCE = [
    # "since early/late/mid <date>" opens a period as "since <date>" does
    "The unrest since early October has killed at least 210 people, according to a tally.",
    "Raids since late March have killed 30 herders, police said.",
    "Clashes since mid-2022 have killed 40 guards, the army said.",
]


@pytest.mark.parametrize("text", SINCE)
def test_since_early_a_date_is_a_period(text: str) -> None:
    assert [c.kind for c in _claims(text, "2023-05-10")] == ["period_total"]


READ_STATEMENT = [
    # an inverted "read" after a quotation has the statement's author as speaker
    (
        '"Gunmen stormed the post, killing six guards," read a statement from the council.',
        "council",
    ),
    (
        '"Rebels killed nine farmers," read an earlier statement from the governor\'s office.',
        "governor",
    ),
]


@pytest.mark.parametrize(("text", "author"), READ_STATEMENT)
def test_read_a_statement_from(text: str, author: str) -> None:
    (claim,) = _claims(text)
    assert author in claim.source


def test_read_without_a_text_is_no_speech() -> None:
    (claim,) = _claims("The sign at the gate read that five guards died.")
    assert claim.source == "Example Wire"


def test_kurdish_led_force_is_the_sdf() -> None:
    text = "Drone strikes killed three fighters near Kobani, the Kurdish-led force said."
    (claim,) = _claims(text)
    assert (claim.source, claim.source_type) == ("Syrian Democratic Forces", "belligerent")


def test_the_head_noun_of_a_body_heard_before() -> None:
    # "the cell" after the Security Media Cell spoke (its registry name is another)
    text = (
        "The Security Media Cell said four soldiers were wounded in the raid. "
        "The cell later issued a statement, saying two more soldiers had died."
    )
    assert {c.source for c in _claims(text)} == {"Iraqi Joint Operations Command"}


def test_a_head_noun_heard_of_no_source_stays_unresolved() -> None:
    text = (
        "The Security Media Cell said four soldiers were wounded in the raid. "
        "The unit later issued a statement, saying two more soldiers had died."
    )
    assert [c.source for c in _claims(text)].count("Iraqi Joint Operations Command") == 1


SALAH_AD_DIN = [
    "Militants killed four guards in Salaheddin province, police said.",
    "Militants killed four guards in Saladin province, police said.",
    "Militants killed four guards in Salahuddin province north of Baghdad, police said.",
]


@pytest.mark.parametrize("text", SALAH_AD_DIN)
def test_salah_ad_din_spellings(text: str) -> None:
    (claim,) = _claims(text)
    assert (claim.admin1, claim.country) == ("Salah ad Din", "IQ")


def test_garmiyan_is_a_place_of_its_own() -> None:
    (claim,) = _claims("Militants killed two Peshmerga fighters in the Garmian area, police said.")
    assert (claim.location, claim.country) == ("Garmiyan", "IQ")


def test_a_demonym_and_a_geographic_noun_name_a_region() -> None:
    # "the Syrian desert" is the Badia as "the Syrian Desert" is
    (claim,) = _claims("Twelve soldiers died in an ambush in the Syrian desert, a monitor said.")
    assert (claim.location, claim.country) == ("Badia", "SY")


def test_a_demonym_alone_is_no_place() -> None:
    (claim,) = _claims("Twelve soldiers died in an ambush, the Syrian army said.")
    assert claim.location is None


FIGHTING = [
    # "the fighting / hostilities has killed" is a conflict's toll, as "the war has killed"
    "The fighting has killed about 4,000 fighters on both sides, the agency said.",
    "Hostilities have killed 90 soldiers on each side, officials said.",
]


@pytest.mark.parametrize("text", FIGHTING)
def test_the_fighting_has_killed_is_a_period(text: str) -> None:
    assert [c.kind for c in _claims(text)] == ["period_total"]


def test_fighting_on_a_day_stays_an_incident() -> None:
    (claim,) = _claims("The fighting on Monday killed 12 villagers, police said.")
    assert claim.kind == "claim"


def test_baghdad_operations_command_is_a_source() -> None:
    text = "The Baghdad Operations Center said two guards were wounded in the blast."
    (claim,) = _claims(text)
    assert (claim.source, claim.source_type) == ("Baghdad Operations Command", "belligerent")


ATTACKER = [
    # a country as the subject of "carried out / conducted" an attack is the attacker
    ("Iran carried out a drone strike in northern Iraq, killing four fighters.", "IQ"),
    (
        "Turkey conducted air strikes in northeast Syria, killing six fighters, a monitor said.",
        "SY",
    ),
    # a country as the scene stays the scene
    ("Six soldiers were killed in Turkey, officials said.", "TR"),
]


@pytest.mark.parametrize(("text", "country"), ATTACKER)
def test_country_that_carried_out_an_attack_is_the_attacker(text: str, country: str) -> None:
    (claim,) = _claims(text)
    assert claim.country == country
