"""Patterns left over from the batch V round of unseen articles (engineer U2), as tables of
invented sentences: a thing noun that only qualifies the people counted ("village guards"),
and the claimant and omission patterns that follow. The sentences are written for these
tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.extract.count_context import is_non_casualty_number
from casualty.extract.counts import find_counts
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g7", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _figures(text: str) -> list[tuple[str, int | None, int | None]]:
    return sorted((c.outcome, c.low, c.high) for c in _claims(text) if c.kind != "omission")


NOUNS = [
    # a singular thing noun before a person noun qualifies it: the people are counted ...
    ("Four village guards were shot dead.", "Four", False),
    ("Two checkpoint police were hurt.", "Two", False),
    ("Six market traders died.", "Six", False),
    # ... a capitalised one opening a name too
    ("Three Village Watch Committee volunteers died.", "Three", False),
    ("Five Border Patrol Unit members were hurt.", "Five", False),
    # ... but the thing itself is still counted when no person noun follows
    ("Rebels burned four village huts.", "four", True),
    ("Rebels seized three villages and two towns.", "three", True),
    ("Militants hit two checkpoints overnight.", "two", True),
    ("Raiders torched seven village houses.", "seven", True),
    # ... and a capitalised plural is the thing, also before a capitalised word (a headline)
    ("Three Drones Shot Down Over Border Town", "Three", True),
    ("Four Houses Burned In Overnight Raid", "Four", True),
]


@pytest.mark.parametrize(("text", "figure", "thing"), NOUNS)
def test_thing_noun_qualifying_people(text: str, figure: str, thing: bool) -> None:
    (count,) = [c for c in find_counts(text) if c.qualifier == figure]
    assert is_non_casualty_number(text, count) is thing


FIGURES = [
    (
        "At least four village guards were gunned down overnight, the district police said.",
        [("killed", 4, None)],
    ),
    (
        "Five Village Watch Committee (VWC) members were shot dead at a roadblock on Monday.",
        [("killed", 5, 5)],
    ),
    ("Two checkpoint police were wounded in the blast, officials said.", [("wounded", 2, 2)]),
    ("Gunmen burned three village houses but nobody was hurt.", [("wounded", 0, 0)]),
]


@pytest.mark.parametrize(("text", "want"), FIGURES)
def test_figures(text: str, want: list[tuple[str, int | None, int | None]]) -> None:
    assert _figures(text) == want


def _one(text: str, published: str = "2023-03-14") -> Claim:
    (claim,) = [c for c in _claims(text, published) if c.kind != "omission"]
    return claim


BODIES = [
    # "N bodies of X": the figure counts the dead, its victims follow "of"
    ("Four bodies of rebels were recovered from the river.", 4, "combatants"),
    ("We have found 12 bodies of civilians so far, the mayor said.", 12, "civilians"),
    ("The bodies of six herders were found near the well.", 6, "civilians"),
]


@pytest.mark.parametrize(("text", "low", "category"), BODIES)
def test_bodies_of(text: str, low: int, category: str) -> None:
    claim = _one(text)
    assert (claim.outcome, claim.low, claim.victim_category) == ("killed", low, category)


MISTURNED = [
    # an opening mark typed where the quotation closes, glued to "said": the quote ends there
    "“The search went on all night. At dawn five bodies were found, “said Captain Ravi Menon.",
    "At dawn five bodies were found, “said Captain Ravi Menon.",
]


@pytest.mark.parametrize("text", MISTURNED)
def test_misturned_closing_quote(text: str) -> None:
    claim = _one(text)
    assert (claim.source, claim.low) == ("Captain Ravi Menon", 5)


def test_misturned_quote_leaves_the_next_paragraph_to_the_outlet() -> None:
    text = (
        "“The search went on all night. At dawn five bodies were found, “said Captain Ravi"
        " Menon.\n\nThe captain added that the search would go on.\n\nIn a separate ambush,"
        " two guards were killed near the river."
    )
    sources = [(c.source, c.low) for c in _claims(text) if c.kind != "omission"]
    assert sources == [("Captain Ravi Menon", 5), ("Example Wire", 2)]


MONTH_PARTS = [
    # a part of last month dates one incident: a claim in that month, not a monthly total
    ("Late last month, three guards were killed in an ambush on the road.", "claim"),
    ("Early last month, a ministry said three guards were killed in an ambush.", "claim"),
    # ... but last month as a whole is still a span
    ("Last month, 40 people were killed in the province.", "period_total"),
]


@pytest.mark.parametrize(("text", "kind"), MONTH_PARTS)
def test_part_of_last_month(text: str, kind: str) -> None:
    claim = _one(text)
    assert (claim.kind, claim.date, claim.date_end) == (kind, "2023-02-01", "2023-02-28")


CARRIED = [
    # "Several other X were hurt" adds to the toll of the sentence before it ...
    (
        "Two guards were killed, the district police said. Several other guards were hurt.",
        ["the district police", "the district police"],
    ),
    # ... not to a speaker who gave none: then it is the outlet's own figure
    (
        "Troops are still hunting the attackers, according to the district police.\n\n"
        "Several other guards were hurt in the clash.",
        ["Example Wire"],
    ),
]


@pytest.mark.parametrize(("text", "sources"), CARRIED)
def test_more_victims_carry_only_a_toll(text: str, sources: list[str]) -> None:
    assert [c.source for c in _claims(text) if c.kind != "omission"] == sources


OMITTED = [
    # "without mentioning/revealing the number of <casualties>" is an omission ...
    (
        "The colonel said the camp was calm. Without mentioning the number of injured guards, she"
        " said they were recovering.",
        True,
    ),
    ("The army confirmed the raid without revealing the number of soldiers killed.", True),
    ("The ministry confirmed the blast without stating the number of dead.", True),
    # ... a number of something else is not
    ("The spokesman spoke without revealing the number of gunmen who took part.", False),
    ("The army confirmed the raid without mentioning the number of vehicles seized.", False),
]


@pytest.mark.parametrize(("text", "omission"), OMITTED)
def test_without_mentioning_the_number(text: str, omission: bool) -> None:
    assert any(c.kind == "omission" for c in _claims(text)) is omission


WAR_START = [
    # a war's start before its toll makes the toll cumulative ...
    ("The rebels began their insurgency in the north in 2012, killing at least 9,000.", True),
    ("The conflict, which erupted in the east in 2014, has left more than 13,000 dead.", True),
    ("Ever since the militia launched its rebellion, at least 800 villagers have died.", True),
    # ... an attack that began a war, or a new offensive, is still one incident
    ("The war began with a raid on the border town that killed 40 guards.", False),
    ("The rebels launched a new offensive on Monday, killing 12 soldiers.", False),
    # ... as is a day's toll beside a war's start told as background
    ("The militia, which began its insurgency in 2011, killed 12 farmers on Monday.", False),
    ("A drone killed 20 people on Monday, two years after the rebels launched their war.", False),
]


@pytest.mark.parametrize(("text", "total"), WAR_START)
def test_war_start_makes_a_period_total(text: str, total: bool) -> None:
    assert (_one(text).kind == "period_total") is total


AND_CLAUSE = [
    # "N and wounded are ...": the outcome word heads a new clause, it does not count N
    ("The toll may pass 60 and wounded are being flown out, the governor said.", []),
    ("We buried 25 and wounded are still arriving, the chief said.", []),
    # ... an outcome after its victims, or before the next figure, still counts
    ("Six soldiers and two police were wounded.", [("wounded", 2, 2), ("wounded", 6, 6)]),
    ("Gunmen killed 12 and wounded 30.", [("killed", 12, 12), ("wounded", 30, 30)]),
]


@pytest.mark.parametrize(("text", "want"), AND_CLAUSE)
def test_and_before_outcome_word(text: str, want: list[tuple[str, int | None, int | None]]) -> None:
    assert _figures(text) == want


NEIGHBOURS = [
    # a country named as a neighbour or a group's seat is not where the figure happened: the
    # claim stays in the article's country
    (
        "Nine soldiers were killed in northern Benin on Monday. In May, 28 soldiers were"
        " killed in a similar raid near the border area with Togo and Niger.",
        ["BJ", "BJ"],
    ),
    (
        "Nine soldiers were killed in an ambush in Chad on Monday. Eight more were killed on"
        " Tuesday on islands near Nigeria, the army said.",
        ["TD", "TD"],
    ),
    (
        "Gunmen killed 30 soldiers in northern Benin on Monday. An armed group based in Mali"
        " later said it had killed 40.",
        ["BJ", "BJ"],
    ),
    # ... a country of the scene itself still places it
    (
        "Gunmen killed 30 soldiers in northern Benin on Monday. Troops based in Niger were"
        " attacked on Tuesday and 12 were killed.",
        ["BJ", "NE"],
    ),
    ("Gunmen killed 12 people in Nigeria and Niger, officials said.", ["NG"]),
    # ... as does a town's country after it, also after "near" (a place, no neighbour list)
    ("Gunmen killed 10 soldiers near Kwarbolo, Niger, on Monday.", ["NE"]),
    ("Gunmen killed 10 soldiers near the village of Kwarbolo, Niger, on Monday.", ["NE"]),
    ("Gunmen killed 10 soldiers near a camp outside Niamey, Niger, on Monday.", ["NE"]),
]


@pytest.mark.parametrize(("text", "countries"), NEIGHBOURS)
def test_neighbour_and_seat_countries(text: str, countries: list[str]) -> None:
    assert [c.country for c in _claims(text) if c.kind != "omission"] == countries


LISTED = [
    # "killed three X and four Y": a number word after "and" opens the next figure, it is not
    # more of the first figure's victims
    (
        "The blast killed three soldiers and four children, officials said.",
        [("killed", 3, 3, "combatants"), ("killed", 4, 4, "civilians")],
    ),
    (
        "The raid claimed the lives of two guards and two farmers.",
        [("killed", 2, 2, "civilians"), ("killed", 2, 2, "combatants")],
    ),
    (
        "Gunmen killed five herders and dozens of bandits.",
        [("killed", 5, 5, "civilians"), ("killed", 24, 99, "combatants")],
    ),
    # ... other words after "and" still continue the noun phrase
    ("Shelling killed seven women and children.", [("killed", 7, 7, "civilians")]),
]


@pytest.mark.parametrize(("text", "want"), LISTED)
def test_number_word_after_and(text: str, want: list[tuple[str, int, int, str]]) -> None:
    got = [(c.outcome, c.low, c.high, c.victim_category) for c in _claims(text)]
    assert sorted(got, key=str) == sorted(want, key=str)


CARE = [
    # where the wounded were flown or taken for care is not where they were hurt
    "Rebels attacked a border post in Garissa on Friday. Four guards were injured and have"
    " since been airlifted to Nairobi.",
    "Rebels attacked a border post in Garissa on Friday. Four guards were injured and taken to"
    " a hospital in Nairobi.",
    "Rebels attacked a border post in Garissa on Friday. Four injured guards were evacuated to"
    " Nairobi by helicopter.",
]


@pytest.mark.parametrize("text", CARE)
def test_place_of_care_is_not_the_scene(text: str) -> None:
    claim = _one(text)
    assert (claim.outcome, claim.location) == ("wounded", "Garissa")


def test_a_hospital_struck_is_the_scene() -> None:
    claim = _one("Six people were killed in a strike on a hospital in Nairobi on Friday.")
    assert claim.location == "Nairobi"


POSTS = [
    # an embedded post signed ": <who> #tag — <account> (@handle) <date>" is <who>'s
    (
        "3 guards have died in action and 5-6 rebels have been neutralised in the forest."
        " Search is on: District Police Chief Ram Das #Bastar — NewsWire (@NewsWire) March 26,"
        " 2023",
        ["District Police Chief Ram Das", "District Police Chief Ram Das"],
    ),
    # ... a colon without a post's signature gives no speaker
    (
        "3 guards have died in action and 5-6 rebels have been neutralised in the forest."
        " Search is on: District Police Chief Ram Das has gone there.",
        ["Example Wire", "Example Wire"],
    ),
]


@pytest.mark.parametrize(("text", "sources"), POSTS)
def test_embedded_post_signature(text: str, sources: list[str]) -> None:
    assert [c.source for c in _claims(text) if c.kind != "omission"] == sources


CIVIL_SOCIETY = [
    # civil-society speakers are claimants (monitors), not the outlet
    "a civil society member",
    "a civil society leader in the town",
    "a member of civil society",
]


@pytest.mark.parametrize("who", CIVIL_SOCIETY)
def test_civil_society_speaker(who: str) -> None:
    claim = _one(f"“At least 20 people were killed here yesterday,” said {who}.")
    assert (claim.source_type, claim.source.startswith(who.split(" in ")[0])) == ("monitor", True)


WHO_ASIDE = [
    # a "who" aside after a named speaker is not part of the name ...
    ("Jane Roe, who visited the scene on Tuesday, said three women were killed.", "Jane Roe"),
    (
        "The police spokesperson, Jane Roe, who confirmed the attack on Tuesday, said three"
        " women were killed.",
        "The police spokesperson, Jane Roe",
    ),
    # ... after an unnamed one it is how the text names the source
    (
        "Two local officials, who asked not to be named, said three women were killed.",
        "Two local officials, who asked not to be named",
    ),
    (
        "Two Malian army officers, who asked not to be named, said three women were killed.",
        "Two Malian army officers, who asked not to be named",
    ),
    (
        "A senior Defence Ministry official, who declined to be identified, said three women"
        " were killed.",
        "A senior Defence Ministry official, who declined to be identified",
    ),
]


@pytest.mark.parametrize(("text", "source"), WHO_ASIDE)
def test_who_aside_after_a_name(text: str, source: str) -> None:
    assert _one(text).source == source


@pytest.mark.parametrize("state", ["Benue", "Plateau", "Katsina"])
def test_state_police_command_is_the_police(state: str) -> None:
    text = f"The {state} State Police Command said nine villagers were killed by bandits."
    assert _one(text).source == "Nigeria Police Force"


HAVING = [
    # a participial aside between victims and outcome ("..., having fought bravely, ...")
    ("Six brave soldiers, having fought gallantly, embraced martyrdom, the army said.", 6),
    ("Four guards, having held the post all night, were killed at dawn.", 4),
]


@pytest.mark.parametrize(("text", "low"), HAVING)
def test_having_aside(text: str, low: int) -> None:
    claim = _one(text)
    assert (claim.outcome, claim.low) == ("killed", low)


def test_drowned_is_killed() -> None:
    text = "Officials said 12 villagers were shot dead and four children were drowned as they fled."
    got = sorted((c.outcome, c.low) for c in _claims(text))
    assert got == [("killed", 4), ("killed", 12)]
