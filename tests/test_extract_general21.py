"""Known extraction leftovers named by the judgements of earlier unseen batches (engineer
L2), as tables of invented sentences: a span of two years followed by a place or a clause
("between 2015 and 2018 in the province") as a period, dated to the span; a capital written
for its government ("Moscow said") and a police rank alone ("Superintendent X said") as
officials; a year in the figure's own clause ("kidnapped in 2019") as its date; a speaker
after a lower-case "in the N" with no comma ("in the attack police said"); a lone "another
death" after a toll; "with X reporting N" as X's. The sentences are written for these
tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g21", text=text, published=published, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


YEAR_SPAN = [
    # a span of years, then where or when: the figure counts over the span
    ("Rebels killed 310 villagers between 2011 and 2014 in the valley, the governor said.", 310),
    ("Gunmen abducted 45 teachers between 2019 and 2021 across the north, a union said.", 45),
    ("Bandits killed 88 farmers between 2016 and 2020 when they held the roads, police said.", 88),
]


@pytest.mark.parametrize(("text", "low"), YEAR_SPAN)
def test_year_span_before_a_place_is_a_period(text: str, low: int) -> None:
    assert [(c.kind, c.low) for c in _claims(text)] == [("period_total", low)]


SPAN_DATES = [
    # the period total is dated to its span: years, or months of years
    (
        "Rebels killed 310 villagers between 2011 and 2014 in the valley, the governor said.",
        ("2011-01-01", "2014-12-31", "year"),
    ),
    (
        "Between March 2016 and June 2018, air strikes killed 950 civilians, a monitor said.",
        ("2016-03-01", "2018-06-30", "month"),
    ),
]


@pytest.mark.parametrize(("text", "span"), SPAN_DATES)
def test_a_year_span_dates_its_period(text: str, span: tuple[str, str, str]) -> None:
    found = _claims(text)
    assert [(c.kind, c.date, c.date_end, c.date_precision) for c in found] == [
        ("period_total", *span)
    ]


def test_a_range_of_people_stays_a_count() -> None:
    found = _claims("Officials said between 1900 and 2000 people died in the floods.")
    assert [(c.kind, c.low, c.high) for c in found] == [("claim", 1900, 2000)]


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(c.source, c.source_type) for c in _claims(text)]


SEATS = [
    # a capital speaking is its government, as "Russia said" is (type official)
    ("Moscow said 18 enemy fighters were killed near the river.", "Moscow"),
    ("Kyiv says 25 Russian soldiers died in the assault on the village.", "Kyiv"),
    ("Addis Ababa said 60 rebels were killed in the offensive.", "Addis Ababa"),
]


@pytest.mark.parametrize(("text", "seat"), SEATS)
def test_a_capital_speaks_for_its_government(text: str, seat: str) -> None:
    assert _speakers(text) == [(seat, "official")]


def test_a_capital_in_a_longer_phrase_is_no_government() -> None:
    found = _speakers("A Moscow-based analyst said 40 soldiers died in the battle.")
    assert found == [("A Moscow-based analyst", "unknown")]


RANKS = [
    # a police rank before a name: the police speak (official), not an unknown person
    (
        "Superintendent Jo Amadi said four guards were killed in the raid.",
        "Superintendent Jo Amadi",
    ),
    ("Constable Ali Dera said two drivers died at the checkpoint.", "Constable Ali Dera"),
]


@pytest.mark.parametrize(("text", "who"), RANKS)
def test_a_police_rank_is_an_official(text: str, who: str) -> None:
    assert _speakers(text) == [(who, "official")]


YEAR_OF_FIGURE = [
    # a year in the figure's own clause dates it (year precision), not the story's day
    ("Two engineers were abducted in 2019 near the dam, their employer said.", "2019"),
    ("In 2017, gunmen killed 14 herders in the same valley, officials said.", "2017"),
    ("Militants killed nine rangers in 2020 in the reserve, the agency said.", "2020"),
]


@pytest.mark.parametrize(("text", "year"), YEAR_OF_FIGURE)
def test_a_year_in_the_clause_dates_the_figure(text: str, year: str) -> None:
    found = _claims(text)
    assert [(c.date, c.date_end, c.date_precision) for c in found] == [
        (f"{year}-01-01", f"{year}-12-31", "year")
    ]


YEAR_ELSEWHERE = [
    # a year in another clause, of a birth, or of a body dates nothing of the figure
    "The militia, which took the port in 2015, killed six guards, the navy said.",
    "A boy born in 2012 was among four people killed, police said.",
]


@pytest.mark.parametrize("text", YEAR_ELSEWHERE)
def test_a_year_outside_the_clause_leaves_the_story_day(text: str) -> None:
    assert [c.date for c in _claims(text, published="2023-03-14")] == ["2023-03-14"]


RUN_ON_SPEAKER = [
    # no comma before the speaker: a lower-case "in the N" is no place and no part of it
    ("Bandits killed six traders in the ambush police said.", "police"),
    ("Three guards died at the gate the army said.", "the army"),
    ("Two porters were killed near the market local officials said.", "local officials"),
    # a capitalised place before the head stays the speaker's, as before
    ("Raiders burned huts in northern Tombo government said four died.", "Tombo government"),
]


@pytest.mark.parametrize(("text", "who"), RUN_ON_SPEAKER)
def test_a_run_on_speaker_after_a_lower_case_phrase(text: str, who: str) -> None:
    assert [c.source for c in _claims(text)] == [who]


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text)]


ANOTHER_DEATH = [
    # "another" and a singular outcome noun after a toll: one more victim
    (
        "Rebels said they killed eight soldiers, and medics later reported another death.",
        ("medics", "killed", 1),
    ),
    (
        "Mortars killed three herders on Friday, with the district hospital reporting another "
        "fatality on Saturday.",
        ("the district hospital", "killed", 1),
    ),
]


@pytest.mark.parametrize(("text", "claim"), ANOTHER_DEATH)
def test_another_death_after_a_toll_is_one(text: str, claim: tuple[str, str, int]) -> None:
    assert claim in _tolls(text)


def test_another_death_toll_is_no_victim() -> None:
    found = _tolls("Three guards were killed, and another death toll is due soon, the army said.")
    assert found == [("the army", "killed", 3)]


def test_with_x_reporting_is_x() -> None:
    found = _tolls("Rebels said they killed 20 soldiers, with state media reporting 14 dead.")
    assert found == [("Rebels", "killed", 20), ("state media", "killed", 14)]
