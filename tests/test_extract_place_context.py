"""Places read from their clause and the article: a bearing from a town, an attacker's
possessive, the country an article names most. Invented sentences."""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _first(text: str) -> Claim:
    doc = Document(id="x1", text=text, published="2024-02-07", outlet="Example Wire")
    claims = [c for c in extract_document(doc) if c.kind != "omission"]
    assert claims, "no claim extracted"
    return claims[0]


BEARING = [
    # around the town, not in it: its province
    ("Gunmen killed 11 farmers in hamlets south of Khartoum on Monday, medics said.",
     (None, "Khartoum", "SD")),
    ("A car bomb killed six people at a checkpoint north-east of Baghdad on Monday.",
     (None, "Baghdad", "IQ")),
    # a distance makes the town a reference point, kept when nothing else places it
    ("A car bomb killed six people in a market 30 km north of Baghdad on Monday.",
     ("Baghdad", "Baghdad", "IQ")),
    # "the south of" the town is a part of it
    ("Shelling killed five people in the south of Khartoum on Monday, medics said.",
     ("Khartoum", "Khartoum", "SD")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BEARING)
def test_a_bearing_from_a_town_places_the_incident_in_its_province(
    text: str, expected: tuple[str | None, str, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1, claim.country) == expected


POSSESSIVE = [
    ("Israel's air raid on southern Lebanon killed four people on Monday, officials said.", "LB"),
    ("Russia's raids on a Ukrainian port killed two sailors on Monday, officials said.", "UA"),
    # a singular force: "France's counter-terrorism force"
    (
        "Six soldiers died in an ambush, as France's counter-terrorism force said an "
        "operation in Niger went on.",
        "NE",
    ),
]


@pytest.mark.parametrize(("text", "country"), POSSESSIVE)
def test_an_attackers_possessive_is_not_where_it_struck(text: str, country: str) -> None:
    assert _first(text).country == country


def test_a_lead_without_a_place_takes_the_country_the_article_names_most() -> None:
    text = (
        "A gunman shot dead three guards at Kenya's main army depot on Monday, officials said."
        "\n\nKenya's army said the gunman acted alone. Kenya's government ordered an inquiry."
        "\n\nThe guards had served in Somalia beside troops from Uganda and Burundi."
    )
    assert _first(text).country == "KE"


def _claims(text: str) -> list[Claim]:
    doc = Document(id="x2", text=text, published="2024-02-07", outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


def test_the_attack_after_a_paragraph_on_another_incident_is_that_one() -> None:
    text = (
        "Gunmen killed 6 policemen at a checkpoint in Kandahar province on Tuesday, officials "
        "said.\n\n"
        "In another attack, in the western Herat province, gunmen stormed a police post on "
        "Tuesday.\n\n"
        "A spokesman said 3 guards were killed in the attack."
    )
    by_low = {c.low: c for c in _claims(text)}
    assert (by_low[6].admin1, by_low[3].admin1) == ("Kandahar", "Herat")
    # a paragraph in between that is about the same incident keeps the lead's place
    same = text.replace("In another attack, in", "Police reinforcements came from")
    by_low = {c.low: c for c in _claims(same)}
    assert by_low[3].admin1 == "Kandahar"


LISTED_DIVISIONS = [
    ("Shelling killed 5 people in the Kharkiv, Sumy and Poltava regions on Monday.",
     (None, "Kharkiv")),
    ("Air strikes killed 8 civilians in Idlib and Hama provinces on Monday.", (None, "Idlib")),
    # a town before the list is still the town
    ("A bomb killed 3 people in Kharkiv, officials in the Sumy and Poltava regions said.",
     ("Kharkiv", "Kharkiv")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LISTED_DIVISIONS)
def test_names_in_a_list_of_divisions_are_divisions_not_their_capitals(
    text: str, expected: tuple[str | None, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1) == expected


def test_each_figure_takes_the_place_of_its_own_clause() -> None:
    text = (
        "Gunmen killed 4 farmers in Kandahar, and a bomb killed 7 policemen in Herat on "
        "Tuesday, police said."
    )
    by_low = {c.low: c for c in _claims(text)}
    assert (by_low[4].admin1, by_low[7].admin1) == ("Kandahar", "Herat")
    text = "Two soldiers in Mali and three civilians in Niger died in attacks on Tuesday."
    by_low = {c.low: c for c in _claims(text)}
    assert (by_low[2].country, by_low[3].country) == ("ML", "NE")


def test_a_figures_clause_naming_the_sentences_division_keeps_its_town() -> None:
    text = (
        "A car bomb hit a market in Kirkuk on Monday.\n\n"
        "Also 5 women died and scores were hurt in the northern province of Kirkuk, "
        "officials said."
    )
    by_low = {c.low: c for c in _claims(text)}
    assert by_low[5].location == "Kirkuk"


def test_a_country_named_now_and_then_as_an_actor_does_not_lead() -> None:
    text = (
        "US strikes killed 14 people overnight, rebel media said on Monday.\n\n"
        "The US military said it hit weapons stores. US officials gave no toll. A US "
        "envoy said US jets would strike again.\n\n"
        "The raids hit the port of Hodeidah in Yemen. The rebels vowed to respond."
    )
    assert _first(text).country == "YE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case dateline with a colon is where the report was filed
        ("Lagos: Gunmen on motorbikes raided a hamlet in northwest Nigeria's Katsina state, "
         "killing 9 farmers, officers said.", (None, "Katsina")),
        # ... and the filing city stays when the text also puts the scene there
        ("Kano: A bomb killed 4 people at a market in the city of Kano on Monday.",
         ("Kano", "Kano")),
    ],
)  # fmt: skip
def test_a_colon_dateline_is_where_the_report_was_filed(
    text: str, expected: tuple[str | None, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1) == expected


def test_an_army_of_a_country_is_not_the_scene() -> None:
    text = (
        "Shelling hit the Belgorod region overnight, the governor said.\n\n"
        "Two women died when the Armed Forces of Ukraine fired at a car in the village of "
        "Novaya Zarya."
    )
    claim = _first(text)
    assert (claim.admin1, claim.country) == ("Belgorod", "RU")


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # a country outside the article's main ones, named for one figure's own clause
        (
            "Three herders in Niger and two traders in Nigeria died in bandit raids on Sunday, "
            "a day after gunmen killed 14 soldiers in Cameroon, officials said.\n\n"
            "The herders were shot near a well in Niger, and the traders on a road in Nigeria.",
            {3: "NE", 2: "NG", 14: "CM"},
        ),
        # the same country named as an actor is no scene
        (
            "Three herders in Niger and two traders in Nigeria died in bandit raids on Sunday, "
            "officials said, as Cameroon sent 14 soldiers to the border.\n\n"
            "The herders were shot near a well in Niger, and the traders on a road in Nigeria.",
            {3: "NE", 2: "NG"},
        ),
    ],
)
def test_a_figures_own_country_outside_the_articles_main_ones_places_it(
    text: str, countries: dict[int, str]
) -> None:
    found = {c.low: c.country for c in _claims(text) if c.low in countries}
    assert found == countries


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("30 civilians were killed in strikes in Iraq and Syria last month.", True),
        ("30 civilians were killed in Homs, Hama and Idlib last month.", True),
        ("30 civilians were killed in Homs and the army said more died.", False),
        ("Two soldiers in Mali and three civilians in Niger died.", False),
    ],
)
def test_places_joined_by_and_are_one_figures_places(text: str, joined: bool) -> None:
    """The clause of a figure does not end at "and" between two places ("in Iraq and
    Syria"): the figure spans them, so neither alone is its place (the sentence's is)."""
    from casualty.extract.place_cues import FIGURE_CLAUSE_END, joins_places
    from casualty.geo import gazetteer
    from casualty.geo.mentions import find_places

    found = find_places(gazetteer(), text, [])
    stop = FIGURE_CLAUSE_END.search(text, 0)
    assert stop is not None
    assert joins_places(text, found, stop) is joined


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a compound compass point before a town: a part of its province, not the town
        (
            "Militants attacked two villages in southwest Kirkuk on Monday, killing 6 farmers.",
            (None, "Kirkuk", "IQ"),
        ),
        (
            "Shelling of farms in north-east Mosul killed 4 shepherds on Monday.",
            (None, "Nineveh", "IQ"),
        ),
        # "-ern" is a part of the town itself
        (
            "A car bomb in southwestern Kirkuk killed 6 people on Monday.",
            ("southwestern Kirkuk", "Kirkuk", "IQ"),
        ),
    ],
)
def test_a_compound_compass_point_before_a_town_is_its_province(
    text: str, where: tuple[str | None, str, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1, claim.country) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a district named after its town spreads beyond it: the province
        (
            "Air raids hit eight villages in Jisr al-Shughur district, Idlib province, on Monday, "
            "killing 11 people, rescuers said.",
            (None, "Idlib", "SY"),
        ),
        # a district of a city stays in the city
        (
            "A bomb killed 7 people in the Karrada district of Baghdad on Monday.",
            ("Karrada", "Baghdad", "IQ"),
        ),
        # the town itself
        (
            "Air raids hit a market in Saraqib, Idlib province, on Monday, killing 11 people.",
            ("Saraqib", "Idlib", "SY"),
        ),
    ],
)
def test_a_district_named_after_its_town_is_placed_in_the_province(
    text: str, where: tuple[str | None, str, str]
) -> None:
    claim = _first(text)
    assert (claim.location, claim.admin1, claim.country) == where
