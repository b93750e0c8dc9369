"""Namesakes: a town name the gazetteer resolved abroad or in another province than the
article means (`casualty.extract.namesakes`). Invented sentences."""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.extract.namesakes import rehomed
from casualty.geo import gazetteer
from casualty.model import Claim, Document


def _first(text: str) -> Claim:
    doc = Document(id="n1", text=text, published="2023-03-02", outlet="Example Wire")
    claims = [c for c in extract_document(doc) if c.kind != "omission"]
    assert claims, "no claim extracted"
    return claims[0]


ABROAD = [
    # a former name of a bigger Russian city; the article is about Ukraine
    (
        "Russian missiles hit a market in Pokrovsk on Tuesday, killing six people, officials "
        "said. Rescuers were also at work in Kramatorsk and Kharkiv after strikes there.",
        ("Pokrovsk", "UA"),
    ),
    # the demonym right before the name says which country
    (
        "Russian shelling killed three civilians in the eastern Ukrainian town of Pokrovsk "
        "overnight, officials said.",
        ("Pokrovsk", "UA"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ABROAD)
def test_a_name_hit_abroad_gives_way_to_the_place_called_so_in_the_articles_country(
    text: str, expected: tuple[str, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.country) == expected


def test_a_name_hit_abroad_stays_when_the_article_is_about_that_country() -> None:
    text = "A blast at a depot in Pokrovsk near Saratov killed two workers, Russian media said."
    gaz = gazetteer()
    found = sorted(gaz.find_places(text), key=lambda f: f[0])
    assert [p.country for _, _, p in rehomed(text, found)] == [p.country for _, _, p in found]


DIVISION = [
    # a village of the same name near Yangon is not the one in Sagaing
    (
        "Jets bombed Nyaung Kone village in the northern Sagaing region on Monday, killing "
        "seven villagers, a resident said.",
        (None, "Sagaing", "MM"),
    ),
    # a town of the named province's own stays the town
    (
        "A bomb killed four people in Damboa, Borno State, on Monday, police said.",
        ("Damboa", "Borno", "NG"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIVISION)
def test_a_town_written_with_its_division_lies_in_that_division(
    text: str, expected: tuple[str | None, str, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1, claim.country) == expected


def test_a_town_in_another_division_than_the_one_named_after_it_is_no_longer_placed_there() -> None:
    text = "Nyaung Kone village in the Sagaing region was bombed."
    gaz = gazetteer()
    found = sorted(gaz.find_places(text), key=lambda f: f[0])
    assert found[0][2].admin1 != "Sagaing"  # the gazetteer's pick
    assert rehomed(text, found)[0][2].admin1 == "Sagaing"


def test_a_far_bigger_place_named_by_another_name_stays() -> None:
    text = (
        "A fire in Bombay killed 9 people, officials in Wellington and Auckland said, as New "
        "Zealand sent condolences from Christchurch."
    )
    gaz = gazetteer()
    found = sorted(gaz.find_places(text), key=lambda f: f[0])
    bombay = [p for s, e, p in rehomed(text, found) if text[s:e] == "Bombay"]
    assert [p.country for p in bombay] == ["IN"]


CONSISTENT = [
    # a province of another country than the one the sentence puts the scene in
    ("Jihadists killed 12 soldiers in Mali in the Sahel on Tuesday, officials said.", "ML"),
    # a town of another country gives way to its namesake there
    ("A bomb in Lebanon killed 5 people in Tripoli on Monday, officials said.", "LB"),
    # a country as the actor does not move the scene
    ("Israel launched strikes on Tuesday that killed 9 people in the Gaza Strip.", "PS"),
]


@pytest.mark.parametrize(("text", "country"), CONSISTENT)
def test_a_sentences_places_agree_with_the_country_it_puts_the_scene_in(
    text: str, country: str
) -> None:
    assert _first(text).country == country


TERRITORY = [
    # the name alone, with a part or a spread of the territory: the Strip, not the city
    ("An air strike on a school in southern Gaza killed 14 people, medics said.", None),
    ("Shelling across Gaza overnight killed 22 people, the health ministry said.", None),
    ("Officials in Gaza said nine people were killed when a shell hit a tent camp.", None),
    # a town of the Strip named in the same clause is more specific than the territory
    ("In Gaza, an Israeli strike killed seven people in Khan Younis on Friday.", "Khan Yunis"),
    # the city written as such stays the city
    ("A missile struck a flat in Gaza City, killing five people, rescuers said.", "Gaza"),
    ("A blast in the city of Gaza killed four people, police said.", "Gaza"),
]


@pytest.mark.parametrize(("text", "location"), TERRITORY)
def test_a_town_named_like_its_territory_is_the_territory_when_written_alone(
    text: str, location: str | None
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1, claim.country) == (location, "Gaza Strip", "PS")


def test_the_city_written_again_after_the_territory_stays_the_city() -> None:
    text = "Strikes across Gaza killed 30 people. One hit a house in Gaza City."
    found = rehomed(text, sorted(gazetteer().find_places(text), key=lambda f: f[0]))
    assert [(p.name, p.kind) for _, _, p in found] == [("Gaza Strip", "admin1"), ("Gaza", "city")]
