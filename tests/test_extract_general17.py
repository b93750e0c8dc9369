"""Patterns left over from the batch Z6 round of unseen articles (engineer Z6: Syria, Iraq,
Lebanon), as tables of invented sentences. The sentences are written for these tests; none
comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g17", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> set[tuple[str, str, int | None]]:
    return {(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"}


LISTED_OBJECTS = [
    # a list of three or more objects after the verb, joined by commas: only the first was read
    (
        "The shelling killed one nurse, four policemen and nine gunmen, a monitor said.",
        {("a monitor", "killed", 1), ("a monitor", "killed", 4), ("a monitor", "killed", 9)},
    ),
    (
        "Militants ambushed the convoy, killing two drivers, three guards, 11 soldiers and an "
        "interpreter, officials said.",
        {("officials", "killed", 2), ("officials", "killed", 3), ("officials", "killed", 11)},
    ),
    (
        "The raid wounded 6 farmers, 2 teachers and 14 pupils, the mayor said.",
        {("the mayor", "wounded", 6), ("the mayor", "wounded", 2), ("the mayor", "wounded", 14)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTED_OBJECTS)
def test_listed_objects_all_read(text: str, expected: set[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


LISTED_KEPT = [
    # a place after the figure is a breakdown by place, and a lone comma no list
    (
        "The blast killed 40 people, 30 in the market and 10 on a bus.",
        {("Example Wire", "killed", 40)},
    ),
    ("Gunmen killed two, the army said.", {("the army", "killed", 2)}),
]


@pytest.mark.parametrize(("text", "expected"), LISTED_KEPT)
def test_listed_objects_kept(text: str, expected: set[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


OTHERS = [
    # "N others" after an equal figure of the same outcome in the sentence counts new people:
    # it was dropped as a restatement of the first
    (
        "Drones hit a market, killing three people, and then struck a school, killing three "
        "others, the agency said.",
        [("the agency", "killed", 3), ("the agency", "killed", 3)],
    ),
    (
        "Gunmen shot dead two farmers near the well, then opened fire on a bus, killing two "
        "more, the mayor said.",
        [("the mayor", "killed", 2), ("the mayor", "killed", 2)],
    ),
    (
        "Shells wounded five people in the north, while a rocket in the south wounded five "
        "others, officials said.",
        [("officials", "wounded", 5), ("officials", "wounded", 5)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OTHERS)
def test_others_are_no_restatement(text: str, expected: list[tuple[str, str, int]]) -> None:
    tolls = [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]
    assert tolls == expected


def test_others_in_a_later_sentence_still_restate() -> None:
    # the wounded "others" of a second sentence are the same as the first's (besides the dead)
    text = (
        "A car bomb killed four people and wounded nine others, a police source said. "
        "The blast left four dead and nine others wounded, the source said."
    )
    tolls = sorted((c.outcome, c.low) for c in _claims(text) if c.kind != "omission")
    assert tolls == [("killed", 4), ("wounded", 9)]


SHARED_VERB_SPEAKERS = [
    # "X [adverb] condemned ... and said": the adverb stayed in the claimant, or a long
    # object (a quoted phrase) put the subject out of reach and the outlet took the figures
    (
        "The provincial government sharply condemned the raids as “a grave breach of our "
        "borders and our law” and said one policeman was killed and 12 others were hurt.",
        {("The provincial government", "killed", 1), ("The provincial government", "wounded", 12)},
    ),
    (
        "The army also rejected the report and said two soldiers were killed.",
        {("The army", "killed", 2)},
    ),
    (
        "The ministry swiftly condemned the attack and said nine people were killed.",
        {("The ministry", "killed", 9)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_VERB_SPEAKERS)
def test_shared_verb_speaker(text: str, expected: set[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


def test_named_owner_office_is_no_back_reference() -> None:
    # "the Governor's office" names that office: it was read as the last official heard
    text = (
        "The civil defence agency said 15 people were killed. "
        "The Governor's office said 17 people died."
    )
    assert ("The Governor's office", "killed", 17) in _tolls(text)


KATAIB_HEZBOLLAH = [
    # an Iraqi faction whose name holds Lebanon's Hezbollah: it was read as that party
    ("Kataib Hezbollah said four of its fighters were killed in the strikes.", "Kataib Hezbollah"),
    ("The Iraqi Kata'ib Hezbollah group said two members died.", "Kataib Hezbollah"),
]


@pytest.mark.parametrize(("text", "source"), KATAIB_HEZBOLLAH)
def test_kataib_hezbollah_is_no_lebanese_party(text: str, source: str) -> None:
    assert {c.source for c in _claims(text)} == {source}


def _dates(text: str, published: str) -> list[tuple[int | None, str | None]]:
    return sorted((c.low, c.date) for c in _claims(text, published) if c.kind != "omission")


WEEKDAY_OF_AN_ATTACK = [
    # a day named as an attack's ("the Sunday morning raid", "Monday's strikes") is no day
    # of the statement beside it: the claims took a later background sentence's weekday
    (
        "Missiles hit a depot and killed four fighters, a monitor said, raising the toll of "
        "the Sunday morning raid. On Tuesday, jets killed two people near the port, the "
        "monitor said.",
        "2024-01-03",
        [(2, "2024-01-02"), (4, "2023-12-31")],
    ),
    (
        "Six people were killed, the agency said of the Monday attack. On Wednesday, a drone "
        "killed one man, it said.",
        "2024-01-04",
        [(1, "2024-01-03"), (6, "2024-01-01")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAY_OF_AN_ATTACK)
def test_weekday_of_an_attack_dates_it(
    text: str, published: str, expected: list[tuple[int, str]]
) -> None:
    assert _dates(text, published) == expected


def test_weekday_warned_on_is_a_report_date() -> None:
    # "warned on Sunday that ...": the warning's day, not the incident's (July 9's)
    text = (
        "The commander warned on Sunday that his men would respond, after one of his officers "
        "was killed in an air raid on July 9."
    )
    assert _dates(text, "2023-07-18") == [(1, "2023-07-09")]


SLASH_DATELINE = [
    # an outlet's "Name/ " opening the article was glued to the first speaker, and a later
    # "the source" resolved back to that garbled phrase
    (
        "Example News/ A police source reported, on Monday, that two guards were killed. "
        'The source told Example News, "Gunmen attacked the post, which left three dead."',
        {("A police source", "killed", 2), ("A police source", "killed", 3)},
    ),
    (
        "Gulf Wire/ An army officer said four soldiers were wounded in the ambush.",
        {("An army officer", "wounded", 4)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SLASH_DATELINE)
def test_slash_dateline_is_no_speaker(text: str, expected: set[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


def test_but_said_shares_the_subject() -> None:
    # "X did not name the target, but (had) said ...": X's figure, not the outlet's, and no
    # omission (what X left out is the target, not a toll)
    text = "The agency did not name the target, but had said the raid wounded two soldiers."
    claims = _claims(text)
    assert [(c.kind, c.source, c.low) for c in claims] == [("claim", "The agency", 2)]


def test_no_confirmation_or_comment_is_an_omission() -> None:
    text = (
        "The army said it killed a commander. There was no confirmation or comment from the group."
    )
    assert [c.source for c in _claims(text) if c.kind == "omission"] == ["the group"]


ALLEGIANCE_AND_BASES = [
    # "pro-Iran" is an allegiance and "a US base" a country's site abroad: neither is the
    # scene (the claims were placed in Iran and the United States)
    ("Air raids in Syria killed three pro-Iran militiamen, a monitor said.", "SY"),
    ("A rocket attack on a US base in Iraq wounded four contractors, officials said.", "IQ"),
]


@pytest.mark.parametrize(("text", "country"), ALLEGIANCE_AND_BASES)
def test_allegiance_and_bases_set_no_scene(text: str, country: str) -> None:
    assert {c.country for c in _claims(text)} == {country}


def test_titled_persons_surname_is_no_town() -> None:
    # "President Joseph Aoun ... Aoun pushed": the surname was read as a village in France
    # (a country the article names), and the claim placed there
    text = (
        "Prime Minister Nadia Aoun has asked France for aid. On Tuesday, Aoun visited a clinic "
        "hit by a rocket in northern Lebanon, which wounded four people."
    )
    assert {c.country for c in _claims(text)} == {"LB"}


def test_report_dated_lead_ignores_a_later_items_day() -> None:
    # the lead dates only its report ("reported on Sunday"); a later item opened by its own
    # day and toll ("On Friday, three ... were killed") is another incident, whose day the
    # lead and its quote took
    text = (
        "At least nine shepherds were killed by a mine in the desert, state media reported on "
        'Sunday. "Nine people died and four were hurt," the agency said. On Friday, at least '
        "three people were killed in an ambush in the hills, a monitor said."
    )
    assert _dates(text, "2024-02-26") == [
        (3, "2024-02-23"),
        (4, "2024-02-25"),
        (9, "2024-02-25"),
        (9, "2024-02-25"),
    ]


def test_later_day_without_a_toll_still_dates_the_lead() -> None:
    # "On Wednesday night, jets bombed a village": the lead's own attack, told after it
    text = (
        "An air raid killed five villagers, a local official said on Friday. On Wednesday "
        "night, jets bombed a village in the hills."
    )
    assert _dates(text, "2023-12-08") == [(5, "2023-12-06")]
