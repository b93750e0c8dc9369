"""Rules that keep the reports of one incident together (and two incidents apart) on real
articles: who the sentence blames, which places are not the scene, a breakdown over several
places, an article whose lead names no place. Invented sentences, one rule per case.
"""

from __future__ import annotations

import pytest

from casualty.cluster import cluster_claims
from casualty.cluster.places import SECTORS, resolve
from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2024-03-09") -> list[Claim]:
    doc = Document(id="r1", text=text, published=published, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


def _first(text: str, published: str = "2024-03-09") -> Claim:
    claims = _claims(text, published)
    assert claims, "no claim extracted"
    return claims[0]


# --- the perpetrator: not the speaker, not a controller ----------------------------------------

PERPETRATOR = [
    # the actor who reports the toll did not strike
    (
        "The Houthi rebels said US airstrikes on a fuel depot killed 17 people on Friday.",
        "US forces",
    ),
    # a place or body "held by" / "run by" an actor: that actor controls, it did not strike
    (
        "US airstrikes hit a depot held by the Houthi rebels on Friday, killing 17 people.",
        "US forces",
    ),
    (
        "The health office, which is run by the Houthi movement, said 17 people died in "
        "United States strikes on Friday.",
        "US forces",
    ),
]


@pytest.mark.parametrize(("text", "perpetrator"), PERPETRATOR)
def test_a_speaker_or_controller_is_not_the_perpetrator(text: str, perpetrator: str) -> None:
    assert _first(text).perpetrator == perpetrator


def test_an_actor_claiming_the_attack_is_the_perpetrator() -> None:
    claim = _first(
        "A car bomb killed 23 shoppers on Friday; the Islamic State group claimed "
        "responsibility for it."
    )
    assert claim.perpetrator == "Islamic State"


def test_an_actors_run_ministry_blames_nobody() -> None:
    claim = _first("The Houthi-run health office says at least 17 people died on Friday.")
    assert claim.perpetrator is None


def test_the_operator_of_the_jets_is_the_perpetrator() -> None:
    claim = _first(
        "Nine mourners were killed when jets operated by the Saudi-led coalition struck a "
        "funeral on Friday."
    )
    assert claim.perpetrator == "Saudi-led coalition"


def test_people_are_never_the_perpetrator() -> None:
    # the wounded figure's victim phrase does not cover "people" of the killed figure
    claim = _claims(
        "About 12 people were killed and over 30 injured in the United States strikes on a "
        "depot on Friday."
    )
    assert {c.perpetrator for c in claim} == {"US forces"}


def test_the_perpetrator_after_by_is_still_read() -> None:
    claim = _first("Seventeen people were killed by the Houthi rebels in an attack on Friday.")
    assert claim.perpetrator == "Houthis"


# --- a part of a town: "central X", "the eastern part of the city" -----------------------------


def test_a_sentence_naming_a_part_of_the_town_places_the_claim_there() -> None:
    text = (
        "A car bomb hit a bus station in central Mosul on Monday, killing 22 people, police "
        "said.\n\n"
        "In a second blast, a bomb went off in the western part of the city, killing 4 people."
    )
    places = {c.low: c.location for c in _claims(text)}
    assert places == {22: "central Mosul", 4: "western Mosul"}


def test_a_town_without_a_part_stays_the_town() -> None:
    claim = _first("A car bomb hit a bus station in Mosul on Monday, killing 22 people.")
    assert claim.location == "Mosul"


@pytest.mark.parametrize(
    ("location", "country", "sector"),
    [
        ("central Baghdad", "IQ", SECTORS["central"]),
        ("north-eastern Mosul", "IQ", SECTORS["northeastern"]),
        ("east of Baghdad", "IQ", 0),  # around the town, not a part of it
        ("Baghdad", "IQ", 0),
        ("Northern State", "SD", 0),  # a division named by a direction
        ("eastern Ukraine", None, 0),  # a part of a country is no town's part
    ],
)
def test_sector_of_a_location(location: str, country: str | None, sector: int) -> None:
    assert resolve(location, None, country).sector == sector


def _report(doc: str, location: str, low: int) -> Claim:
    return Claim(
        source="Police",
        outcome="killed",
        claim_id=f"{doc}-{low}",
        doc=doc,
        date="2016-05-02",
        date_precision="day",
        location=location,
        country="IQ",
        low=low,
        high=low,
    )


def test_one_article_naming_two_parts_of_a_town_reports_two_incidents() -> None:
    claims = [_report("a", "central Baghdad", 22), _report("a", "eastern Baghdad", 4)]
    incidents = {c.claim_id: c.incident_id for c in cluster_claims(claims).claims}
    assert incidents["a-22"] != incidents["a-4"]


def test_two_articles_naming_two_parts_of_a_town_may_report_one_incident() -> None:
    claims = [
        _report("a", "central Baghdad", 22),
        _report("b", "eastern Baghdad", 22),
        _report("c", "Baghdad", 22),
    ]
    assert len({c.incident_id for c in cluster_claims(claims).claims}) == 1


def test_a_part_and_its_whole_town_in_one_article_stay_one_incident() -> None:
    claims = [_report("a", "central Baghdad", 22), _report("a", "Baghdad", 30)]
    assert len({c.incident_id for c in cluster_claims(claims).claims}) == 1
