"""Where a claim's incident happened: invented articles, one rule per case.

Each case is an article (paragraphs split by blank lines) and the place its first claim
should carry: (location, admin1 or None to skip, country).
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.extract.district_names import districts
from casualty.extract.where import role_excluded, weak
from casualty.model import Claim, Document


def _first(text: str, published: str = "2022-05-10") -> Claim:
    doc = Document(id="p1", text=text, published=published, outlet="Example Wire")
    claims = [c for c in extract_document(doc) if c.kind != "omission"]
    assert claims, "no claim extracted"
    return claims[0]


def _where(claim: Claim) -> tuple[str | None, str | None, str | None]:
    return claim.location, claim.admin1, claim.country


# --- speech acts, institutions, governments: not where it happened -----------------------------

SPEAKER_SEAT = [
    # the city where a statement was made
    (
        "Shelling hit a market in Kharkiv on Monday.\n\n"
        "The strike killed 9 people, the ministry said in Moscow.",
        ("Kharkiv", "UA"),
    ),
    (
        "A drone struck a school in Odesa on Sunday. Eleven people were killed, an official "
        "told reporters in Washington.",
        ("Odesa", "UA"),
    ),
    (
        "Gunmen stormed a bus station in Maiduguri on Friday. Twenty passengers died, according "
        "to a statement from Geneva.",
        ("Maiduguri", "NG"),
    ),
    # a capital standing for its government
    (
        "A missile hit the railway yard in Kramatorsk on Tuesday.\n\n"
        "The attack, which Moscow blamed on saboteurs, killed 14 people.",
        ("Kramatorsk", "UA"),
    ),
    (
        "Air strikes hit the port of Hodeidah on Thursday, killing 31 people, the deadliest "
        "raid of Washington's long campaign against the rebels.",
        ("Hodeidah", "YE"),
    ),
    # an institution named by its seat
    (
        "Shells fell on Horlivka overnight. The head of the Donetsk regional administration "
        "said 8 civilians were killed.",
        ("Horlivka", "UA"),
    ),
    (
        "A car bomb exploded in Mosul on Monday. A London-based monitor said 17 people were "
        "killed.",
        ("Mosul", "IQ"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_SEAT)
def test_a_speakers_seat_is_not_the_incident_place(text: str, expected: tuple[str, str]) -> None:
    claim = _first(text)
    assert (claim.location, claim.country) == expected


# --- neighbouring countries -------------------------------------------------------------------

BORDER = [
    (
        "Militants raided an army post in Borno state on Saturday.\n\n"
        "In a second raid near the Chad border, insurgents killed 7 soldiers.",
        "NG",
    ),
    (
        "Jihadists killed 6 soldiers at a base in Borno state near the border with Cameroon.",
        "NG",
    ),
]


@pytest.mark.parametrize(("text", "country"), BORDER)
def test_a_border_country_is_not_the_incident_country(text: str, country: str) -> None:
    assert _first(text).country == country


# --- districts of a city ----------------------------------------------------------------------

DISTRICTS = [
    (
        "A suicide bomber struck a market in the Zayouna district of Baghdad, killing 23 people.",
        ("Zayouna", "Baghdad", "IQ"),
    ),
    (
        "Elsewhere in Baghdad, a roadside bomb in the mostly Sunni Adhamiyah neighbourhood "
        "killed four people.",
        ("Adhamiyah", "Baghdad", "IQ"),
    ),
    (
        "Six soldiers died when insurgents overran a post in Ngamdu village in the Gubio "
        "district of Borno State.",
        ("Ngamdu", "Borno", "NG"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DISTRICTS)
def test_a_district_is_more_specific_than_its_city(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _where(_first(text)) == expected


def test_a_district_takes_its_parents_coordinates() -> None:
    district = _first("A bomb in the Zayouna district of Baghdad killed 23 people.")
    city = _first("A bomb in Baghdad killed 23 people.")
    assert (district.lat, district.lon) == (city.lat, city.lon)
    assert district.lat is not None


def test_two_districts_of_one_city_stay_apart() -> None:
    text = (
        "A car bomb tore through the Zayouna district of Baghdad on Sunday, killing 40 people.\n\n"
        "Elsewhere in Baghdad, a roadside bomb went off in the Adhamiyah neighbourhood, "
        "killing 3 people."
    )
    doc = Document(id="p2", text=text, published="2016-07-04", outlet="Example Wire")
    places = {c.low: c.location for c in extract_document(doc) if c.kind != "omission"}
    assert places == {40: "Zayouna", 3: "Adhamiyah"}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("a blast in the Houthi-controlled area of the port", []),
        ("fighting near the Rapid Support Forces camp", []),
        ("clashes in the village of Kafr Hamra", ["Kafr Hamra"]),
        ("The Shiite Qasr district was shelled", ["Qasr"]),
        ("strikes on the Ras Hilal Oil Port killed", ["Ras Hilal"]),
        ("strikes on the port of Ras Hilal killed", ["Ras Hilal"]),
    ],
)
def test_district_names(sentence: str, names: list[str]) -> None:
    stop = frozenset({"The", "Shiite", "Rapid", "Support", "Forces", "Ras"})
    assert [d[2] for d in districts(sentence, [], stop)] == names


# --- the sentence, then its paragraph, then the lead -------------------------------------------

FALLBACK = [
    # a sentence without a place takes its paragraph's
    (
        "Officials met in the capital on Monday.\n\n"
        "Rockets struck Horlivka on Tuesday. At least 5 people were killed, officials said.",
        ("Horlivka", "UA"),
    ),
    # a sentence naming only the country takes its paragraph's town in that country
    (
        "Gunmen attacked a checkpoint in Bannu on Sunday. Four policemen were killed in "
        "Pakistan's worst attack this month, police said.",
        ("Bannu", "PK"),
    ),
    # ... but not a town of another paragraph
    (
        "Gunmen attacked a checkpoint in Bannu on Sunday.\n\n"
        "Four policemen were killed in Pakistan's worst attack this month, police said.",
        (None, "PK"),
    ),
    # a sentence naming no place takes the lead's
    (
        "Gunmen attacked a checkpoint in Bannu on Sunday.\n\n"
        "Four policemen were killed, police said.",
        ("Bannu", "PK"),
    ),
    # a demonym before a place noun names the country ("a Yemeni port")
    (
        "Missiles hit the capital on Monday.\n\n"
        "Officials said nine dock workers died when US jets bombed a Yemeni port.",
        (None, "YE"),
    ),
    # ... for any country with a demonym: "the Chadian capital", "a Nigerien army base"
    (
        "A bomb exploded in the Chadian capital on Monday, killing 14 people.",
        ("N'Djamena", "TD"),
    ),
    (
        "Gunmen killed 9 soldiers at a Nigerien army base near the border.",
        (None, "NE"),
    ),
    # a facility named after its site
    (
        "Jets struck the Ras Hilal oil terminal near Hodeidah, killing 9 workers.",
        ("Ras Hilal", "YE"),
    ),
    # "the city" is the city named last, even in an earlier paragraph (here outside it)
    (
        "Insurgents stormed government offices in Kirkuk on Friday.\n\n"
        "Also, a rocket hit a mosque outside the city, killing at least 15 worshippers.",
        ("outside Kirkuk", "IQ"),
    ),
    # a town named by a distance from a city is the place, not the city
    (
        "Gunmen stormed Tikrit, about 40 km north of Samarra, killing 12 workers.",
        ("Tikrit", "IQ"),
    ),
    # a local official's town places a sentence that names no other
    (
        "Car bombs exploded in Kirkuk on Friday.\n\n"
        "Nine guards were killed at the plant, the Tikrit mayor said.",
        ("Tikrit", "IQ"),
    ),
    # "the Iraqi capital" is Baghdad
    (
        "A bomb exploded in the Iraqi capital on Sunday, killing 31 people.",
        ("Baghdad", "IQ"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FALLBACK)
def test_place_fallbacks(text: str, expected: tuple[str | None, str]) -> None:
    claim = _first(text)
    assert (claim.location, claim.country) == expected


def test_an_other_incident_does_not_borrow_its_paragraphs_town() -> None:
    text = (
        "Shelling hit Kharkiv on Tuesday, killing 4 people.\n\n"
        "Rockets struck Odesa on Monday. In a separate attack, 6 people were killed."
    )
    doc = Document(id="p3", text=text, published="2022-05-10", outlet="Example Wire")
    places = {c.low: c.location for c in extract_document(doc) if c.kind != "omission"}
    assert places[4] == "Kharkiv"
    assert places[6] != "Odesa"


# --- the role tests on their own --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind", "excluded"),
    [
        ("the minister said in Ankara that", "Ankara", "city", True),
        ("speaking at a news conference in Doha", "Doha", "city", True),
        ("a Beirut-based monitor said", "Beirut", "city", True),
        ("the Kyiv government said", "Kyiv", "city", True),
        ("Tehran denied any role", "Tehran", "city", True),
        ("one of Kurdistan's main parties", "Kurdistan", "admin1", True),
        ("near the Niger border", "Niger", "country", True),
        ("US strikes on the port", "US", "country", True),
        ("two US aircraft carriers", "US", "country", True),
        ("strikes in Syria killed soldiers", "Syria", "country", False),
        ("fled to neighbouring Chad", "Chad", "country", True),
        ("the minister accused Israel of a massacre", "Israel", "country", True),
        ("killed in Israel's bombardment of the city", "Israel", "country", True),
        ("the US Central Command said", "US", "country", True),
        ("a strike on the Mosul army base", "Mosul", "city", False),
        ("clashes in Syria killed 5 army officers", "Syria", "country", False),
        ("clashes in Syria killed many army officers", "Syria", "country", False),
        ("the Gaza Health Ministry said", "Gaza", "city", True),
        ("the Kharkiv regional military administration said", "Kharkiv", "city", True),
        ("a strike in Ankara killed", "Ankara", "city", False),
        ("Tehran was hit by a drone", "Tehran", "city", False),
        ("fighting in Niger killed", "Niger", "country", False),
        ("the army said in a strike on Raqqa", "Raqqa", "city", False),
        # an institution's seat, as "the Gaza Health Ministry" is
        ("citing health authorities in the rebel-held Marib province", "Marib", "admin1", True),
        ("according to local authorities in Homs, five died", "Homs", "city", True),
        ("a bomb at the ministry in Kabul", "Kabul", "city", False),
        # the ends of a route
        ("an ambush on the road between Homs and Palmyra", "Homs", "city", True),
        ("an ambush on the road between Homs and Palmyra", "Palmyra", "city", True),
        ("an ambush on the road to Palmyra", "Palmyra", "city", False),
        # an aggressor
        ("victims of the Russian aggression and of the US aggression", "US", "country", True),
    ],
)
def test_role_excluded(text: str, name: str, kind: str, excluded: bool) -> None:
    start = text.index(name)
    assert role_excluded(text, start, start + len(name), kind) is excluded


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Dibis, 40 km north of Kirkuk", "Kirkuk", True),
        ("about 95 miles south of Mosul", "Mosul", True),
        ("the Aleppo police chief said", "Aleppo", True),
        # the speakers' town, as "the Aleppo police chief" is (no longer read as a government
        # speaking, "Moscow said", and left out)
        ("police in Aleppo said", "Aleppo", True),
        ("north of Mosul", "Mosul", False),
    ],
)
def test_weak_places(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert weak(text, start, start + len(name)) is expected


# --- a total over several places; a lead without a place -------------------------------------


def test_a_total_whose_breakdown_names_two_places_is_at_neither() -> None:
    text = (
        "Gunmen stormed Kirkuk on Friday morning.\n\n"
        "At least 30 attackers are dead, including four who blew themselves up at a depot in "
        "Dibis, north of Kirkuk, and nine shot dead inside the city."
    )
    claims = _claims(text)
    assert claims
    assert all(c.location == "Kirkuk" for c in claims)


def test_a_breakdown_at_one_place_still_places_the_total() -> None:
    claim = _first(
        "Gunmen stormed Kirkuk on Friday morning.\n\n"
        "The raid killed 12 people, including four at a depot in Dibis."
    )
    assert claim.location == "Dibis"


def test_a_lead_without_a_place_takes_the_country_of_the_first_place_named_later() -> None:
    text = (
        "Militants killed at least 40 government soldiers on Thursday, a monitor said.\n\n"
        "The fighters released a video of the assault. It could not be verified.\n\n"
        "The attacks hit checkpoints around Palmyra and along the road to Homs."
    )
    claim = _first(text)
    assert (claim.location, claim.country) == (None, "SY")


def _claims(text: str) -> list[Claim]:
    doc = Document(id="p4", text=text, published="2022-05-10", outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("A car bomb exploded outside Mosul on Monday, killing 12 people.", "outside Mosul"),
        (
            "Rebels shelled Mosul on Monday.\n\n"
            "Also, a strike on a mosque outside the city killed 12 people.",
            "outside Mosul",
        ),
        ("A bomb on the outskirts of Mosul on Monday killed 12 people.", "outside Mosul"),
        ("A bomb killed 12 people in Mosul on Monday.", "Mosul"),
        # outside a building of the town is in the town
        ("A bomb outside Mosul's main hospital killed 12 people on Monday.", "Mosul"),
        (
            "Rebels shelled Mosul on Monday.\n\n"
            "Also, a bomb outside the city's main mosque killed 12 people.",
            "Mosul",
        ),
    ],
)
def test_outside_the_town_is_not_the_town(text: str, location: str) -> None:
    assert _first(text).location == location


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck a funeral in the province of Idlib on Monday, killing 12 people.", None),
        ("Jets struck a funeral in Idlib province on Monday, killing 12 people.", None),
        ("Jets struck a funeral in Idlib on Monday, killing 12 people.", "Idlib"),
    ],
)
def test_a_province_is_its_admin_area_not_its_capital(text: str, expected: str | None) -> None:
    assert _where(_first(text)) == (expected, "Idlib", "SY")
