"""Patterns left over from the batch W round of unseen articles (engineer U3), as tables of
invented sentences: a weekday in a dateline-led lead, a state noun with a nationality. The
sentences are written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.extract.when import dateline_end, reference_day
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g8", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _one(text: str, published: str = "2023-03-14") -> Claim:
    (claim,) = [c for c in _claims(text, published) if c.kind != "omission"]
    return claim


DATELINES = [
    # a weekday after the lead's clause has begun dates the incident, not the dateline ...
    ("HOMS, Syria (AP) - Masked men shot dead six guards on Monday near a depot.", 0),
    ("KANO, Nigeria - Bandits killed 14 villagers late Sunday, police said.", 0),
    # ... a date inside the dateline's head is still the dateline's
    ("BAKU, March 13 (Reuters) - Shelling killed two herders.", len("BAKU, March 13")),
    ("MOSUL, Iraq, March 12, 2023 - A bomb killed four.", len("MOSUL, Iraq, March 12, 2023")),
]


@pytest.mark.parametrize(("text", "end"), DATELINES)
def test_dateline_date_ends_before_the_clause(text: str, end: int) -> None:
    assert dateline_end(text, "2023-03-14") == end


def test_lead_weekday_dates_the_incident_despite_a_later_week() -> None:
    text = (
        "HOMS, Syria (AP) - Masked men shot dead six Syrian guards on Monday near a depot, "
        "state media said.\n"
        "Similar raids have hit the region in recent weeks, the most recent a week ago, when "
        "state media said rockets hit a market near the capital, killing two shoppers."
    )
    lead = next(c for c in _claims(text, "2023-03-13") if c.low == 6)
    assert (lead.date, lead.date_precision) == ("2023-03-13", "day")
    assert reference_day(text, "2023-03-13") == "2023-03-13"


NATIONALITY = [
    # a state noun with a nationality is that state's forces, not the article's most-named
    # state (here Israel, named in the background) ...
    ("nine Syrian policemen", "Syrian government forces"),
    ("two Iraqi police officers", "Iraqi security forces"),
    ("four Pakistani policemen", "Pakistani security forces"),
]


@pytest.mark.parametrize(("victims", "party"), NATIONALITY)
def test_state_noun_with_nationality(victims: str, party: str) -> None:
    text = (
        f"Gunmen killed {victims} at a checkpoint on Monday, officials said.\n"
        "Israeli jets struck a depot last month. Israeli officials declined to comment, and "
        "Israeli media gave no details about the Israeli raid."
    )
    claim = next(c for c in _claims(text) if c.kind != "omission" and c.low in (2, 4, 9))
    assert claim.victim == party


def test_state_noun_without_nationality_is_the_article_state() -> None:
    text = (
        "Militants killed nine policemen at a checkpoint on Monday, officials said.\n"
        "The Nigerian army later said troops had pursued the attackers; the Nigerian army "
        "gave no toll of its own."
    )
    assert _one(text).victim == "Nigerian military"


LONE_ABROAD = [
    # a name the gazetteer knows only abroad (an old name of a Chinese city) is not placed
    # there when the article writes a province and a town in it elsewhere ...
    (
        "Air strikes hit the Gaza Strip overnight, medics said. In Khan Yunis, three people "
        "died. A strike on a home in the Zeitun neighbourhood killed five people.",
        "PS",
    ),
    # ... but with nothing else to go on, the gazetteer's choice stands
    ("A strike on a home in the Zeitun neighbourhood killed five people.", "CN"),
]


@pytest.mark.parametrize(("text", "country"), LONE_ABROAD)
def test_lone_name_abroad_gives_way_to_a_written_province(text: str, country: str) -> None:
    claim = next(c for c in _claims(text, "2024-05-02") if c.low == 5)
    assert claim.country == country


OWNERS = [
    # "it"/"they" after a group that owned the attack in the same sentence is that group,
    # not the last speaker quoted before
    "Al Shabaab claimed responsibility for the ambush in a short statement, in which they said "
    "they had killed 30 soldiers.",
    "Al Shabaab later claimed responsibility in a post in which it said it had killed 30 soldiers.",
]


@pytest.mark.parametrize("sentence", OWNERS)
def test_pronoun_after_the_group_that_owned_the_attack(sentence: str) -> None:
    text = "“The truck was hit twice,” said Ali Warsame, a police officer.\n" + sentence
    claim = next(c for c in _claims(text) if c.low == 30)
    assert (claim.source, claim.source_type) == ("al-Shabaab", "belligerent")


def test_pronoun_without_an_owner_is_the_last_speaker() -> None:
    text = (
        "“The truck was hit twice,” said Ali Warsame, a police officer.\n"
        "Militants attacked the base at dawn, and he said they had killed 30 soldiers."
    )
    claim = next(c for c in _claims(text) if c.low == 30)
    assert claim.source == "Ali Warsame"


def test_same_figure_in_another_province_is_another_claim() -> None:
    text = (
        "Five civilians were killed on Monday in rocket fire on a village in Hama province.\n"
        "Meanwhile, five civilians were killed in shelling on a district of Aleppo."
    )
    figures = sorted((c.low, c.admin1) for c in _claims(text) if c.kind != "omission")
    assert figures == [(5, "Aleppo"), (5, "Hama")]


def test_same_figure_restated_in_the_same_province_stays_one() -> None:
    text = (
        "Five civilians were killed on Monday in rocket fire on a village in Hama province.\n"
        "The five civilians were killed as they drove home to a village of Hama province."
    )
    # (one source: a second source's same figure is never a restatement of the first's)
    figures = [(c.source, c.low, c.admin1) for c in _claims(text) if c.kind != "omission"]
    assert figures == [("Example Wire", 5, "Hama")]


OMISSIONS = [
    # a source that says it has no count is an explicit omission ...
    ("A colonel said the battalion does not have a clear idea of its own losses.", True),
    ("The ministry has no precise count of the dead, a spokesman said.", True),
    ("Police said they do not yet know how many people died in the blaze.", True),
    # ... not so a missing idea or count of something else
    ("The officer said he had no clear idea of the route the convoy took.", False),
    ("Police do not know how the fire started.", False),
]


@pytest.mark.parametrize(("text", "omission"), OMISSIONS)
def test_no_count_omission(text: str, omission: bool) -> None:
    assert any(c.kind == "omission" for c in _claims(text)) is omission


INFLICTED = [
    ("Shells fell on the market, inflicting wounds on six shoppers.", [("wounded", 6, 6)]),
    (
        "Rockets hit the suburb, inflicting injuries of varying severity on three children.",
        [("wounded", 3, 3)],
    ),
]


@pytest.mark.parametrize(("text", "want"), INFLICTED)
def test_inflicting_wounds_on(text: str, want: list[tuple[str, int, int]]) -> None:
    got = sorted((c.outcome, c.low, c.high) for c in _claims(text) if c.kind != "omission")
    assert got == want


GREATER = [
    (
        "The mayor said the real toll is surely greater than the 15 deaths reported so far.",
        (16, None),
    ),
    ("The mayor said the toll was higher than 15 deaths.", (16, None)),
    # a figure a comparison does not bound keeps its own value
    ("Fifteen people were killed, the mayor said.", (15, 15)),
]


@pytest.mark.parametrize(("text", "bounds"), GREATER)
def test_greater_than_bounds_the_figure(text: str, bounds: tuple[int, int | None]) -> None:
    claim = _one(text)
    assert (claim.low, claim.high) == bounds


PARTS_PLACES = [
    # a breakdown cue before the scene: a town and its country (by a demonym) are one place
    (
        "Six people, among them two children, were killed on Sunday when a drone hit a car in "
        "the southern Lebanese town of Bint Jbeil.",
        "LB",
        "Nabatiye",
    ),
    # parts in two towns still place nothing below the country
    ("Strikes killed 12 people, including five in Khan Yunis and seven in Rafah.", "PS", None),
]


@pytest.mark.parametrize(("text", "country", "admin1"), PARTS_PLACES)
def test_breakdown_before_a_town_in_its_country(
    text: str, country: str, admin1: str | None
) -> None:
    claim = next(c for c in _claims(text) if c.kind != "omission")
    assert (claim.country, claim.admin1) == (country, admin1)


TOLD_NEXT = [
    # a lead naming only its country takes the town the next sentence, opening on the same
    # incident, names at once ...
    (
        "Seven police officers were killed on Tuesday when a mine exploded under their convoy "
        "in Nigeria, officials said.\n"
        "The blast hit the lead truck on a dirt road just outside Damboa, a town in the "
        "northeast of Nigeria.",
        "Borno",
    ),
    # ... not a town of another incident ("elsewhere") ...
    (
        "Seven police officers were killed on Tuesday when a mine exploded under their convoy "
        "in Nigeria, officials said.\n"
        "The blast came as clashes went on elsewhere, around Damboa.",
        None,
    ),
    # ... nor one named only in a later aside of that sentence
    (
        "Seven police officers were killed on Tuesday when a mine exploded under their convoy "
        "in Nigeria, officials said.\n"
        "The blast hit the lead truck on a dirt road while it was bringing food to a camp, a "
        "spokesman of the state government in Damboa said.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "admin1"), TOLD_NEXT)
def test_lead_takes_the_town_told_next(text: str, admin1: str | None) -> None:
    lead = next(c for c in _claims(text) if c.low == 7)
    assert (lead.country, lead.admin1) == ("NG", admin1)


def test_place_after_a_capitalised_opening_preposition() -> None:
    from casualty.geo import gazetteer

    text = "In Harasta, four women were wounded by sniper fire."
    assert [p.name for _, _, p in gazetteer().find_places(text)] == ["Harasta"]


def test_place_fronted_before_each_figure() -> None:
    text = (
        "In Douma near Damascus, five people died when a shell hit a school, and in Harasta, "
        "four women were killed by sniper fire, rescuers said."
    )
    places = sorted((c.low, c.location) for c in _claims(text) if c.kind != "omission")
    assert places == [(4, "Harasta"), (5, "Duma")]


POSITIONED = [
    # where the attackers sit is where the fire came from, not the scene ...
    (
        "Rebels entrenched in the town of Saraqib in Idlib province fired mortars at houses in "
        "a village in Hama province, wounding five farmers, a monitor said.",
        "Hama",
    ),
    (
        "Gunmen positioned in the outskirts of Kirkuk fired at a patrol near Tuz Khurmatu, "
        "killing two soldiers, police said.",
        "Salah ad Din",
    ),
    # ... but a place told only as a reference point for them stays
    (
        "Militants positioned in a farm area to the west of Kirkuk shelled a market there, "
        "killing two people, police said.",
        "Kirkuk",
    ),
    # ... and troops stationed somewhere are its victims, not attackers
    ("Two soldiers stationed in Kirkuk were killed by a bomb, police said.", "Kirkuk"),
]


@pytest.mark.parametrize(("text", "admin1"), POSITIONED)
def test_attackers_position_is_not_the_scene(text: str, admin1: str) -> None:
    claim = next(c for c in _claims(text) if c.kind != "omission")
    assert claim.admin1 == admin1


AGENTS = [
    # the state that acts ("violations ... by X", "strikes carried out by X") is no scene
    (
        "Since November a truce has held in southern Lebanon. Lebanese authorities reported 300 "
        "violations of the truce by Israel, including the deaths of at least 19 people.",
        "LB",
    ),
    ("Strikes carried out by Russia on the city of Kharkiv killed three people.", "UA"),
    # a place after "in" stays the scene
    ("Three people were killed by shelling in Kharkiv, officials said.", "UA"),
]


@pytest.mark.parametrize(("text", "country"), AGENTS)
def test_agent_after_by_is_not_the_scene(text: str, country: str) -> None:
    claim = next(c for c in _claims(text) if c.kind != "omission")
    assert claim.country == country
