"""Reports of one incident by several outlets, on a fresh unseen multi-outlet set: the rules
that let them meet. Each failed before its fix. Invented sentences.

- A place in held land is named with its holder's demonym ("the Israeli-occupied Golan
  Heights", "an Iranian-made rocket"): that demonym put the holder's or maker's country in
  the text's scope, so a small town the gazetteer files under another country read as a
  foreign namesake and was dropped; the reports were left unplaced and never met.
- A town the gazetteer lacks, written "the town of X" or "the city of X" (as "the village of
  X" already was): the reports were placed at their country only, and two of them on one
  day shared nothing but the date.
- "the blast" of a later paragraph took the date of the attack told just before, even one
  years old told as background ("the site of the 2017 truck bombing"): the president's toll
  of the day's bombing was dated to 2017 and left its incident.
- A dateline of a day and a dash ("NAIROBI, Feb 3 – Fifteen people were killed") read as the
  range "3 to 15", which the day then voided: the lead's toll was lost.
- An article's claims move together unless date or place part them: "Separately, a roadside
  bomb killed ...", "... killed in another strike on X" on the same day in the same town went
  with the article's own incident.
"""

from __future__ import annotations

import pytest

from casualty.cluster import cluster_claims
from casualty.extract import extract_document
from casualty.geo import gazetteer
from casualty.model import Claim, Document


def _claims(doc_id: str, text: str, published: str, outlet: str) -> list[Claim]:
    doc = Document(id=doc_id, text=text, published=published, outlet=outlet)
    return [c for c in extract_document(doc) if c.kind == "claim"]


def _countries(text: str) -> set[str]:
    return {p.country for _, _, p in gazetteer().find_places(text)}


# -- held land and makers' demonyms --------------------------------------------------------

_HELD = (
    "Two farmers were killed when a shell hit an orchard near Buq'ata in the "
    "Israeli-occupied Golan Heights on Tuesday, police said."
)
_MADE = "Four people died when an Iranian-made drone struck a bakery in Tall Tamr, a monitor said."


def test_a_named_region_says_its_country_whatever_the_holders_demonym() -> None:
    claims = _claims("a", _HELD, "2024-05-15", "Wire One")
    assert [(c.location, c.country) for c in claims] == [("Buqata", "SY")]


def test_a_makers_demonym_does_not_make_a_town_foreign() -> None:
    claims = _claims("a", _MADE, "2024-05-15", "Wire One")
    assert [(c.location, c.country) for c in claims] == [("Tall Tamr", "SY")]


def test_a_demonym_before_other_words_still_names_the_texts_country() -> None:
    # Guard: "Iranian officials" keep Iran the text's country, so a hamlet of another
    # country that the text supports by nothing else is still no place.
    assert _countries("Iranian officials said a bakery in Tall Tamr was hit") == set()
    assert _countries("Iranian-made drones hit a bakery in Tall Tamr") == {"SY"}


def test_reports_calling_a_golan_town_by_its_holder_meet() -> None:
    first = _claims(
        "a",
        "Three teenagers were killed on Sunday when a rocket hit a playground in Majdal "
        "Shams, a Druze town in the Israeli-held Golan Heights, the army said.",
        "2024-06-02",
        "Wire One",
    )
    second = _claims(
        "b",
        "A rocket killed three teenagers in Majdal Shams on Sunday, medics said, and the "
        "army blamed an Iranian-made launcher.",
        "2024-06-02",
        "Daily Two",
    )
    assert first and second
    assert {c.location for c in first + second} == {"Majdal Shams"}
    out = cluster_claims([*first, *second]).claims
    assert len({c.incident_id for c in out}) == 1


# -- towns the gazetteer lacks -------------------------------------------------------------

_TOWN = (
    "At least 40 people were killed when gunmen stormed the town of Tangouri in northern "
    "Burkina Faso on Sunday, a security source said."
)
_CITY = "Gunmen killed 52 villagers in the city of Tangouri, Burkina Faso, on Sunday, locals said."
_OTHER_TOWN = (
    "In Burkina Faso, attackers killed 12 soldiers near the town of Boulsani on Sunday, "
    "the army said."
)


def test_the_town_of_an_unknown_name_is_the_place() -> None:
    assert gazetteer().lookup("Tangouri") is None
    for text in (_TOWN, _CITY):
        claims = _claims("a", text, "2024-06-03", "Wire One")
        assert [(c.location, c.country) for c in claims] == [("Tangouri", "BF")]


def test_reports_of_one_unknown_town_meet_and_another_town_stays_apart() -> None:
    town = _claims("a", _TOWN, "2024-06-03", "Wire One")
    city = _claims("b", _CITY, "2024-06-03", "Daily Two")
    other = _claims("c", _OTHER_TOWN, "2024-06-03", "Radio Three")
    assert len(town) == len(city) == len(other) == 1
    out = cluster_claims([*town, *city, *other]).claims
    assert out[0].incident_id == out[1].incident_id
    assert out[2].incident_id != out[0].incident_id


# -- an attack referred back to ------------------------------------------------------------


def _article(*paragraphs: str, published: str) -> list[Claim]:
    return _claims("a", "\n\n".join(paragraphs), published, "Wire One")


def test_the_blast_is_the_articles_own_when_the_one_told_before_is_years_old() -> None:
    claims = _article(
        "Two car bombs killed at least 60 people near the port of Kismayo on Saturday, "
        "police said.",
        "The explosions went off minutes apart outside the harbour gate.",
        "The gate was the scene of the March 3, 2019, truck bombing that killed 40 people.",
        '"So far, 60 have died and 150 are hurt," the mayor said after visiting the site '
        "of the blast.",
        published="2023-06-11",
    )
    dates = {(c.low, c.outcome): c.date for c in claims}
    assert dates[(60, "killed")] == "2023-06-10"
    assert dates[(40, "killed")] == "2019-03-03"
    assert dates[(150, "wounded")] == "2023-06-10"
    out = cluster_claims(claims).claims
    own = {c.incident_id for c in out if c.date == "2023-06-10"}
    assert len(own) == 1
    assert own.isdisjoint(c.incident_id for c in out if c.date == "2019-03-03")


def test_the_attack_told_last_week_is_still_the_one_referred_to() -> None:
    # Guard: an antecedent within a month keeps its date ("That attack" of last week).
    claims = _article(
        "Gunmen killed eight soldiers near Kismayo on Saturday, the army said.",
        "The area lies near Jamaame, where last week gunmen stormed a police post.",
        "That attack killed five officers.",
        published="2023-06-11",
    )
    five = [c for c in claims if c.low == 5]
    assert five and five[0].date_precision == "week" and five[0].date < "2023-06-05"


# -- a dateline's day before a toll --------------------------------------------------------


@pytest.mark.parametrize(
    "head", ["KAMPALA, Uganda, Mar 9 – ", "Mar 9 – ", "Mar. 9 — ", "KAMPALA, March 9 - "]
)
def test_a_datelines_day_and_dash_do_not_swallow_the_toll(head: str) -> None:
    text = head + "Eleven people were killed when a bus hit a mine near Kasese."
    claims = _claims("a", text, "2024-03-09", "W")
    assert [(c.low, c.high) for c in claims] == [(11, 11)]


def test_a_range_after_a_dash_is_still_a_range() -> None:
    # Guard: no month before the first figure.
    claims = _claims("a", "Police said 3 – 11 people were killed near Kasese.", "2024-03-09", "W")
    assert [(c.low, c.high) for c in claims] == [(3, 11)]


# -- another attack told beside the article's own ------------------------------------------

_LEAD = "A car bomb killed 12 people at a market in Kirkuk on Monday, police said."


def _incidents(*paragraphs: str) -> dict[int, str]:
    claims = _article(*paragraphs, published="2024-04-16")
    return {c.low or 0: c.incident_id for c in cluster_claims(claims).claims}


@pytest.mark.parametrize(
    "other",
    [
        "Separately, a roadside bomb killed 3 soldiers in Kirkuk on Monday, the army said.",
        "In another attack, gunmen killed 3 guards at a checkpoint in Kirkuk on Monday.",
        "Elsewhere in the city, 3 policemen died when a bomb hit their patrol on Monday.",
        "Police said 3 more people were killed in a separate bombing in Kirkuk on Monday.",
    ],
)
def test_another_attack_told_beside_the_articles_own_is_its_own_incident(other: str) -> None:
    ids = _incidents(_LEAD, "The blast went off as shoppers crowded the stalls.", other)
    assert set(ids) == {12, 3}
    assert ids[12] != ids[3]


@pytest.mark.parametrize(
    "more",
    [
        "Another 30 people were wounded in the blast, a doctor said.",
        "In yet another attack on the city's markets, 30 people were wounded, police said.",
        "The bomb also wounded 30 people and another man died later.",
    ],
)
def test_more_victims_of_the_articles_own_attack_stay_with_it(more: str) -> None:
    # Guards: "another 30", "yet another attack" (this one), "another man" are no other attack.
    ids = _incidents(_LEAD, more)
    assert ids[12] == ids[30]


def test_the_other_attack_meets_its_own_report_from_another_outlet() -> None:
    first = _article(
        _LEAD,
        "Separately, a roadside bomb killed 3 soldiers near Kirkuk on Monday, the army said.",
        published="2024-04-16",
    )
    second = _claims(
        "b",
        "A roadside bomb killed 3 soldiers on a patrol near Kirkuk on Monday, the army said.",
        "2024-04-16",
        "Daily Two",
    )
    out = cluster_claims([*first, *second]).claims
    ids = {(c.doc, c.low): c.incident_id for c in out}
    assert ids[("a", 3)] == ids[("b", 3)] != ids[("a", 12)]


def test_which_words_tell_another_attack() -> None:
    from casualty.cluster.other_attack import tells_other

    assert tells_other("Separately, two soldiers died.")
    assert tells_other("Four died in a previous strike on the town.")
    assert not tells_other("Two died in separate strikes on the town.")  # a lead's sum
    assert not tells_other("In yet another assault on the base, two died.")
    assert not tells_other("Another 14 people were hurt.")
