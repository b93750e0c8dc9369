"""Patterns from the batch Z2 round of unseen articles (engineer Z2), as tables of invented
sentences. The sentences are written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g12", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


QUOTED_ACROSS = [
    # a quotation of two sentences closed by "<outlet> quoted X as saying": X speaks, not the
    # speaker of the sentence before, as when it closes with "X said"
    (
        "Raiders burned the market, police said.\n"
        '"We heard shooting and seven traders were killed. The rest fled into the hills," '
        "a report by the Valley Times quoted district police chief Omar Tarin as saying.",
        "district police chief Omar Tarin",
    ),
    (
        "The depot was hit before dawn, officials said.\n"
        '"Four guards were killed. Two more are in hospital," the regional daily quoted '
        "a fire brigade officer as saying.",
        "a fire brigade officer",
    ),
    (
        "The convoy was ambushed at noon, the army said.\n"
        '"Six drivers were killed. We are still searching the area," Governor Lina Moss '
        "was quoted as saying.",
        "Governor Lina Moss",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), QUOTED_ACROSS)
def test_quoted_as_saying_closes_a_quotation(text: str, speaker: str) -> None:
    (claim,) = [c for c in _claims(text) if c.kind != "omission"]
    assert claim.source == speaker


TITLED_HE = [
    # "he" after "..., mayor X said." is that speaker: a title in lower case before a name
    # ("mayor", "police superintendent") made him no person, so "he" went to an earlier one
    (
        'President Ann Vale said the raid was "senseless".\n'
        "The blast set fire to a school in the town, mayor Tom Reed said on the radio.\n"
        "He said three pupils were killed.",
        "mayor Tom Reed",
    ),
    (
        "Governor Jan Holt said the site was sealed off on Monday.\n"
        "Gunmen opened fire on a bus, district police superintendent K Ravi Das said.\n"
        "He earlier put the toll at four dead.",
        "district police superintendent K Ravi Das",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), TITLED_HE)
def test_he_is_the_titled_speaker_just_heard(text: str, speaker: str) -> None:
    (claim,) = [c for c in _claims(text) if c.kind != "omission"]
    assert claim.source == speaker


def test_he_skips_a_plural_title() -> None:
    # "officials" is no "he": the person named before stays the antecedent
    text = (
        "The blast hit a school, Governor Jan Holt said.\n"
        "Police officials in South Region confirmed the attack.\n"
        "He said three pupils were killed."
    )
    (claim,) = [c for c in _claims(text) if c.kind != "omission"]
    assert claim.source == "Governor Jan Holt"


POSSESSED_FIGURES = [
    # "according to X's (latest) figures/tally" is X's figure; the possessive is no claimant
    ("The shelling killed 40 people, according to the ministry's latest tally.", "the ministry"),
    ("The raid killed 12 guards, according to the Border Police's own figures.", "Border Police"),
    ("Fire killed nine, according to the regional authorities' figures.", "regional"),
]


@pytest.mark.parametrize(("text", "speaker"), POSSESSED_FIGURES)
def test_possessor_of_figures_is_the_claimant(text: str, speaker: str) -> None:
    (claim,) = _claims(text)
    assert speaker in claim.source
    assert "figures" not in claim.source and "tally" not in claim.source


def test_named_tally_is_its_author() -> None:
    # "an AFP tally of official figures": the agency's own count (a newsroom), not "official"
    text = "The siege killed 1,300 people, according to an AFP tally of official figures."
    (claim,) = _claims(text)
    assert claim.source_type == "media" and "tally" not in claim.source


ACCORDING_AFTER_ASIDE = [
    # a relative aside closed right before "according to X" is X's figure, even with a
    # thousands comma in it ("1,140" ended the aside at its comma before)
    (
        "The conflict began with the border raid, which killed about 1,150 people, "
        "according to the Ruritanian authorities.",
        "the Ruritanian authorities",
        1150,
    ),
    (
        "The offensive, which has killed more than 230 people, according to the health "
        "ministry, entered its third month.",
        "the health ministry",
        231,
    ),
]


@pytest.mark.parametrize(("text", "speaker", "low"), ACCORDING_AFTER_ASIDE)
def test_according_to_after_an_aside(text: str, speaker: str, low: int) -> None:
    (claim,) = [c for c in _claims(text) if c.low == low]
    assert claim.source == speaker


def test_aside_before_a_later_verb_stays_background() -> None:
    # "Hamas, whose raid killed 1,100, said ...": background, the outlet's (as before)
    text = "The Front, whose raid killed 1,100 people in May, said it would not negotiate."
    (claim,) = _claims(text)
    assert claim.source == "Example Wire"


BODY_STATEMENT = [
    # "the military statement" is the military's, not the last speaker heard (here one whose
    # words named a rebel group)
    (
        "Rescuers said a strike on a depot killed nine people.\n"
        "The military said it hit fighters of the Crimson Front hiding inside what it said "
        "was an arms store.\n"
        "The military statement did not mention any casualties.",
        "the military",
    ),
    (
        "Gunmen raided the camp at night, the army said.\n"
        "The governor said six guards were killed.\n"
        "The army statement gave no figure for casualties among the gunmen.",
        "the army",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), BODY_STATEMENT)
def test_a_body_statement_is_that_body(text: str, speaker: str) -> None:
    (omission,) = [c for c in _claims(text) if c.kind == "omission"]
    assert speaker in omission.source.lower()


RELATIVE_OUTCOME = [
    # a comma before "who" and only auxiliaries after it: the victims' own outcome verb
    ("Police are trying to trace four herders, who have been missing since Monday.", "missing", 4),
    (
        "Divers are searching for two fishermen, who were reported missing after the storm "
        "on the lake, the navy said.",
        "missing",
        2,
    ),
    ("Five guards, who were killed in the raid, were buried on Friday, police said.", "killed", 5),
]


@pytest.mark.parametrize(("text", "outcome", "low"), RELATIVE_OUTCOME)
def test_comma_who_clause_carries_the_outcome(text: str, outcome: str, low: int) -> None:
    assert [(c.outcome, c.low) for c in _claims(text) if c.kind != "omission"] == [(outcome, low)]


def test_comma_who_clause_with_a_speech_verb_is_no_outcome() -> None:
    # ", who said they had been attacked": the clause is their speech, no toll
    text = "Police met four herders, who said they had been attacked."
    assert [c for c in _claims(text) if c.kind != "omission"] == []


TAKEN_AWAY = [
    # people "taken away" / "took away N others" by attackers were abducted
    ("The gunmen shot four drivers and took away three others, officials said.", 3),
    ("Five villagers were taken away by the raiders, a chief said.", 5),
    ("Raiders stormed the farm at night, taking away six labourers, police said.", 6),
]


@pytest.mark.parametrize(("text", "low"), TAKEN_AWAY)
def test_taken_away_is_captured(text: str, low: int) -> None:
    captured = [(c.low, c.high) for c in _claims(text) if c.outcome == "captured"]
    assert captured == [(low, low)]


def test_things_taken_away_are_no_captives() -> None:
    text = "The gunmen took away two vehicles and 20 cattle, police said."
    assert _claims(text) == []


NOT_YET_ASCERTAINED = [
    # a toll that "can only be ascertained / will be known only after" something is one the
    # source does not give yet (an omission), as "the toll is not yet known" is
    (
        "The police chief said the exact number of gunmen killed can only be ascertained "
        "once the operation ends.",
        "The police chief",
    ),
    (
        "The exact number of casualties will be known only after the search ends, the "
        "governor said.",
        "the governor",
    ),
    (
        "The final toll can only be confirmed once all the bodies are recovered, a medic said.",
        "a medic",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), NOT_YET_ASCERTAINED)
def test_toll_only_known_later_is_an_omission(text: str, speaker: str) -> None:
    assert [c.source for c in _claims(text) if c.kind == "omission"] == [speaker]


def test_a_number_of_non_victims_is_no_omission() -> None:
    text = "The exact number of recruits trained there can only be known once the files are read."
    assert _claims(text) == []


AND_NAMES = [
    # a name the gazetteer has whole with "and" inside is one place, not its first word
    (
        "Two rangers were shot dead in Jammu and Kashmir's Doda district, police said.",
        "Jammu and Kashmir",
    ),
    (
        "A bomb killed three traders in Bosnia and Herzegovina, police said.",
        "Bosnia and Herzegovina",
    ),
]


@pytest.mark.parametrize(("text", "name"), AND_NAMES)
def test_a_name_with_and_is_one_place(text: str, name: str) -> None:
    from casualty.geo import gazetteer

    found = [text[s:e] for s, e, _ in gazetteer().find_places(text, [])]
    assert name in found
    (claim,) = _claims(text)
    assert claim.location != name.split()[0]  # not "Jammu" / "Bosnia" alone


def test_two_places_joined_by_and_stay_two() -> None:
    from casualty.geo import gazetteer

    text = "Shelling of Homs and Hama killed five people."
    assert [text[s:e] for s, e, _ in gazetteer().find_places(text, [])] == ["Homs", "Hama"]


NOT_THE_SCENE = [
    # a vehicle's destination ("an Aleppo-bound bus") and travellers' or workers' home
    # ("labourers from Punjab") are not where they were attacked
    ("Gunmen killed five passengers of a Quetta-bound bus near Gwadar, police said.", "Gwadar"),
    (
        "Raiders shot dead four labourers from Punjab after stopping their truck in "
        "Balochistan, police said.",
        "Balochistan",
    ),
]


@pytest.mark.parametrize(("text", "scene"), NOT_THE_SCENE)
def test_destination_and_home_are_not_the_scene(text: str, scene: str) -> None:
    (claim,) = _claims(text)
    assert scene in (claim.location, claim.admin1)


def test_home_alone_places_nothing() -> None:
    text = "Gunmen killed six travellers from Sindh after stopping their van, police said."
    (claim,) = _claims(text)
    assert claim.admin1 != "Sindh"


BRACKET_DATELINE = [
    # "Place, (Agency - date) Speaker said": the dateline is no part of the speaker
    (
        "Khan Younis, (NPA - Point News - 3rd Mar, 2024) Civil defence rescuers said a strike "
        "killed "
        "at least nine people.",
        "Civil defence rescuers",
    ),
    (
        "North Darfur, (SNA) Local officials in the camp said shelling killed 14 people.",
        "Local officials in the camp",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), BRACKET_DATELINE)
def test_bracket_dateline_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    (claim,) = _claims(text)
    assert claim.source == speaker


def test_bracket_after_a_name_is_kept() -> None:
    text = "Jane Roe, (a spokeswoman) said a raid killed 15 people."
    (claim,) = _claims(text)
    assert claim.source == "Jane Roe"


SOURCE_TYPES = [
    # a health officer or a medical group is no belligerent; South Asian police ranks are
    # officials
    ("The district health officer said five drivers were killed.", "medical"),
    ("A medical group working in the area said four people were killed.", "medical"),
    ("IGP Zone Two R K Mehra said five militants were killed.", "official"),
    ("SSP Imran Khattak said five passengers were killed.", "official"),
]


@pytest.mark.parametrize(("text", "kind"), SOURCE_TYPES)
def test_source_type_of_ranks_and_health_officers(text: str, kind: str) -> None:
    (claim,) = _claims(text)
    assert claim.source_type == kind


def test_an_army_officer_stays_a_belligerent() -> None:
    (claim,) = _claims("An army officer said five soldiers died.")
    assert claim.source_type == "belligerent"


SINCE_DAY_MONTH = [
    # "since 3 May" (day first, as Indian and British copy writes it) opens a period as
    # "since May 3" does
    "As many as 140 people have been killed since 3 May, officials said.",
    "At least 60 people have been killed since 21st June, the police said.",
]


@pytest.mark.parametrize("text", SINCE_DAY_MONTH)
def test_since_day_month_is_a_period(text: str) -> None:
    (claim,) = _claims(text, published="2023-09-14")
    assert claim.kind == "period_total"


AS_MANY_AGAIN = [
    # "N killed and as many wounded": the same number again, not the vague "many"
    ("Four guards were killed and as many were wounded in the raid, police said.", 4),
    ("The raid killed six herders and wounded as many, a chief said.", 6),
]


@pytest.mark.parametrize(("text", "n"), AS_MANY_AGAIN)
def test_as_many_repeats_the_figure(text: str, n: int) -> None:
    wounded = [(c.low, c.high) for c in _claims(text) if c.outcome == "wounded"]
    assert wounded == [(n, n)]


AS_MANY_NOT_AGAIN = [
    # "as many as N" is an upper bound; after a vague figure "as many" stays vague
    ("As many as 87 people have been killed, officials said.", "killed", (None, 87)),
    ("Dozens were killed and as many were wounded, police said.", "wounded", (None, None)),
]


@pytest.mark.parametrize(("text", "outcome", "bounds"), AS_MANY_NOT_AGAIN)
def test_as_many_otherwise_unchanged(
    text: str, outcome: str, bounds: tuple[int | None, int | None]
) -> None:
    found = [(c.low, c.high) for c in _claims(text) if c.outcome == outcome]
    assert found == [bounds]


SEVERITY = [
    # "sustained minor injuries": the severity word is no part of the victims ("minor" is no
    # child), as "sustained injuries" already is not
    ("The clash killed two raiders, while five policemen sustained minor injuries.", "combatants"),
    ("Three guards suffered serious injuries in the blast, police said.", "combatants"),
]


@pytest.mark.parametrize(("text", "category"), SEVERITY)
def test_injury_severity_is_no_victim(text: str, category: str) -> None:
    (claim,) = [c for c in _claims(text) if c.outcome == "wounded"]
    assert claim.victim_category == category and claim.victim != "children"


SAYS_THIS_NEXT = [
    # a lead told in the outlet's voice, then "X announced this (on Telegram)": X's figures
    (
        "Three people were killed and 14 injured in a drone attack on the port this morning.\n"
        "Ivan Petrenko, head of the regional administration, announced this on Telegram.",
        "Ivan Petrenko, head of the regional administration",
    ),
    (
        "Two guards were killed in a strike on the depot overnight.\n"
        "The regional governor reported this in a video address.",
        "The regional governor",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SAYS_THIS_NEXT)
def test_says_this_in_the_next_sentence(text: str, speaker: str) -> None:
    assert {c.source for c in _claims(text)} == {speaker}


def test_said_this_was_is_no_attribution() -> None:
    # "said this was the worst attack": "this" opens a clause, it is no object
    text = "Four people were killed in a strike on the city.\nThe mayor said this was the worst."
    assert {c.source for c in _claims(text)} == {"Example Wire"}


DESTINATION = [
    # where a vehicle or convoy was heading is not where it was attacked
    "Gunmen attacked a bus heading to Quetta, killing four passengers, police said.",
    "A supply convoy bound for Peshawar was ambushed, killing six drivers, police said.",
    "A convoy bringing food to Mosul came under fire, killing three drivers, police said.",
]


@pytest.mark.parametrize("text", DESTINATION)
def test_a_destination_is_not_the_scene(text: str) -> None:
    (claim,) = _claims(text)
    assert claim.location is None


def test_the_scene_after_a_destination_is_kept() -> None:
    text = "Gunmen attacked a bus heading to Quetta near Mastung, killing four passengers."
    (claim,) = _claims(text)
    assert claim.location == "Mastung"


def test_baluch_spelling_names_the_baloch_group() -> None:
    # AFP spells it "Baluch": the same group as "Baloch separatists"
    text = "Baluch separatists stormed a checkpoint, killing four guards, police said."
    (claim,) = _claims(text)
    assert claim.perpetrator == "Baloch Liberation Army"
