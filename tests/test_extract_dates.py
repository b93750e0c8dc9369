"""Claim dates from article text: sentence -> expected incident date (invented sentences)."""

from __future__ import annotations

import pytest

from casualty.dates import find_dates
from casualty.extract import extract_document
from casualty.extract.when import is_report_date, reference_day
from casualty.model import Claim, Document

SATURDAY = "2022-06-18"
MONDAY = "2023-01-02"


def _claim(text: str, published: str | None, figure: int | None = None) -> Claim:
    doc = Document(id="d", text=text, published=published, outlet="Example Wire")
    claims = [c for c in extract_document(doc) if c.kind != "omission"]
    if figure is not None:
        claims = [c for c in claims if c.low == figure or c.high == figure]
    assert claims, "no claim extracted"
    return claims[0]


DAYS = [
    # weekday words: the most recent such day on or before the article's day
    ("Gunmen killed 7 villagers on Thursday, police said.", SATURDAY, "2022-06-16"),
    ("Gunmen killed 7 villagers on Saturday, police said.", SATURDAY, "2022-06-18"),
    ("Gunmen killed 7 villagers on Friday, the army said.", MONDAY, "2022-12-30"),
    # yesterday, last night, today, overnight
    ("An air strike killed 4 people yesterday, medics said.", SATURDAY, "2022-06-17"),
    ("Shelling killed 3 civilians last night, the governor said.", SATURDAY, "2022-06-17"),
    ("A car bomb killed 9 people today, police said.", SATURDAY, "2022-06-18"),
    ("Drones killed 2 people overnight, the mayor said.", SATURDAY, "2022-06-18"),
    ("Missiles killed 5 people overnight into Friday, officials said.", SATURDAY, "2022-06-17"),
    # a day and month, with and without a year; the year before when it would be later
    ("A bombing on Sept 28 killed 11 people, police said.", "2022-10-03", "2022-09-28"),
    ("A bombing on Sept 28, 2019 killed 11 people, police said.", "2022-10-03", "2019-09-28"),
    ("An ambush on December 30 killed 6 soldiers, the army said.", MONDAY, "2022-12-30"),
    ("An ambush on 30 December killed 6 soldiers, the army said.", MONDAY, "2022-12-30"),
    # the day of a statement is not the day of the incident
    ("Rebels killed 8 soldiers on Wednesday, a monitor said on Friday.", SATURDAY, "2022-06-15"),
    (
        "A monitor said on Friday that rebels killed 8 soldiers on Wednesday.",
        SATURDAY,
        "2022-06-15",
    ),
    ("Police said 12 people were killed on Wednesday.", SATURDAY, "2022-06-15"),
    # with no other date, the statement's day bounds the incident better than publication
    ("On Friday, the ministry said 12 soldiers had been killed.", SATURDAY, "2022-06-17"),
    ("The ministry on Friday said 12 soldiers had been killed.", SATURDAY, "2022-06-17"),
    (
        "In a statement posted on Thursday, the group said it killed 12 soldiers.",
        SATURDAY,
        "2022-06-16",
    ),
    (
        "The death toll from Wednesday's car bomb rose to 30 on Friday, police said.",
        SATURDAY,
        "2022-06-15",
    ),
    ("The death toll rose to 30 on Friday after a car bomb on Wednesday.", SATURDAY, "2022-06-15"),
    # a weekday with its calendar date: the date, even more than a week before publication
    ("On Saturday, June 4, gunmen killed 7 villagers, police said.", SATURDAY, "2022-06-04"),
    ("On Saturday (June 4) gunmen killed 7 villagers, police said.", SATURDAY, "2022-06-04"),
    # a background incident with its own date keeps it
    (
        "A drone killed 3 people on Friday, officials said. "
        "A bomb on June 2 killed 4 people in the same town, police said.",
        SATURDAY,
        "2022-06-02",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), DAYS)
def test_incident_day(text: str, published: str, expected: str) -> None:
    figures = [int(w) for w in text.replace(",", " ").split() if w.isdigit() and len(w) < 3]
    claim = _claim(text, published, figures[-1])
    assert (claim.date, claim.date_precision) == (expected, "day")


def test_dateline_day_resolves_relative_words() -> None:
    # Filed on the 17th, published after midnight: "yesterday" is the 16th.
    text = "KABUL, June 17 (Wire) - A bomb killed 10 people yesterday, police said."
    assert _claim(text, SATURDAY).date == "2022-06-16"


def test_dateline_with_a_year_stands_in_for_a_missing_publication_date() -> None:
    text = "MOSUL, Iraq, March 3, 2017 - A car bomb killed 14 people on Wednesday, police said."
    assert _claim(text, None).date == "2017-03-01"


def test_time_stamp_line_stands_in_for_a_missing_publication_date() -> None:
    text = "June 17, 2022 - 10:42\n\nA bomb killed 10 people yesterday, police said."
    assert _claim(text, None).date == "2022-06-16"


def test_no_dates_at_all_leave_the_claim_undated() -> None:
    assert _claim("A bomb killed 10 people, police said.", None).date is None


def test_a_far_dateline_is_not_trusted() -> None:
    assert reference_day("BEIRUT, March 3 (Wire) - Text.", SATURDAY) == SATURDAY
    assert reference_day("BEIRUT, June 17 (Wire) - Text.", SATURDAY) == "2022-06-17"
    assert reference_day("Rebels shelled the town on June 17.", SATURDAY) == SATURDAY
    assert reference_day("Fri Jun 17, 2022 23:40:12 GMT\n\nText.", None) == "2022-06-17"
    assert reference_day("On June 17, 2022 gunmen killed 5.\n\nText.", None) is None


def test_anaphora_takes_the_date_of_the_sentence_before() -> None:
    text = "Rockets hit the town on May 2, the ministry said. The attack killed 17 people, it said."
    claim = _claim(text, SATURDAY, 17)
    assert claim.date == "2022-05-02"


def test_article_date_comes_from_a_sentence_about_violence() -> None:
    text = (
        "Gunmen killed 5 soldiers at a checkpoint, the army said.\n\n"
        "On Tuesday, the minister met the president in the capital."
    )
    assert _claim(text, SATURDAY, 5).date == SATURDAY
    violent = text.replace("the minister met the president", "gunmen attacked a convoy")
    assert _claim(violent, SATURDAY, 5).date == "2022-06-14"


def test_article_date_skips_sentences_about_another_incident() -> None:
    text = (
        "Air strikes killed 20 people in the town, the health ministry said on Friday.\n\n"
        "Separately, a drone killed 5 people in a nearby village on Wednesday."
    )
    assert _claim(text, SATURDAY, 20).date == "2022-06-17"
    assert _claim(text, SATURDAY, 5).date == "2022-06-15"


def test_earliest_statement_day_of_the_article_bounds_an_undated_claim() -> None:
    text = (
        "Militants killed dozens of soldiers, the governor said.\n\n"
        "The army said on Thursday that 14 soldiers died."
    )
    claim = _claim(text, SATURDAY)
    assert claim.qualifier is not None and "dozens" in claim.qualifier
    assert claim.date == "2022-06-16"


def test_a_named_month_dates_a_claim_to_the_month() -> None:
    claim = _claim("In November, gunmen killed 5 soldiers in a raid, the army said.", "2023-01-06")
    assert (claim.date, claim.date_end, claim.date_precision) == (
        "2022-11-01",
        "2022-11-30",
        "month",
    )


PERIODS = [
    (
        "During August, 40 civilians were killed in air strikes, the monitor said.",
        "2021-08-01",
        "2021-08-31",
        "month",
    ),
    (
        "Since 2014, the conflict has killed 14,000 people, the UN said.",
        "2014-01-01",
        SATURDAY,
        "year",
    ),
    (
        "So far this year, 200 civilians have been killed, the monitor said.",
        "2022-01-01",
        SATURDAY,
        "year",
    ),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), PERIODS)
def test_period_totals(text: str, start: str, end: str, precision: str) -> None:
    claim = _claim(text, SATURDAY)
    assert claim.kind == "period_total"
    assert (claim.date, claim.date_end, claim.date_precision) == (start, end, precision)


REPORTS = [
    ("The army said on Friday that 5 died.", True),
    ("The army said in a statement on Friday that 5 died.", True),
    ("Trend reports with reference to the prosecutor on Friday.", True),
    ("On Friday, the army said 5 died.", True),
    ("Late on Friday the general staff of the armed forces said 5 died.", True),
    ("The army on Friday said 5 died.", True),
    ("The army said 5 soldiers were killed on Friday.", False),
    ("The army said the strike on Friday killed 5.", False),
    ("On Friday, gunmen killed 5 soldiers, the army said.", False),
    ("A monitor said, and on Friday rockets fell.", False),
    ("Speaking on Friday, the governor put the toll at 5.", True),
    ("The death toll rose to 30 on Friday.", True),
    ("The toll has reached at least 1,200 on Friday.", True),
    ("Troops reached the village on Friday and found bodies.", False),
    ("The bombing claimed 12 lives on Friday.", False),
    ("The United States on Friday struck a port.", False),
    ("The death toll from the strike on Friday rose to 30.", False),
    ("Two days after the attack on Friday, officials said 40 had died.", False),
    ("The attack, which took place on Friday, was claimed by the group.", False),
]


@pytest.mark.parametrize(("text", "report"), REPORTS)
def test_report_dates(text: str, report: bool) -> None:
    (ref,) = find_dates(text, SATURDAY)
    assert is_report_date(text, ref) is report


EVENT_WEEKS = [
    # a recent week as the time of an event dates it to that week, not to the lead's day
    (
        "Gunmen killed 4 guards in Quetta on Friday.\n\n"
        "Last week, the army said rebels killed 10 soldiers near Turbat.",
        10,
        # "last week" names two to thirteen days back, never yesterday or today
        ("2022-06-05", "2022-06-16", "week"),
    ),
    (
        # a week attached to an attack dates it; the weekday after it dates another clause
        "The rebels, whose raid last week killed 40 farmers and emptied the valley, "
        "called on Friday for talks with the governor.",
        40,
        ("2022-06-05", "2022-06-16", "week"),
    ),
    (
        "Gunmen killed 4 guards in Quetta on Friday.\n\n"
        "Earlier this week, rebels killed 7 soldiers near Turbat.",
        7,
        ("2022-06-13", "2022-06-18", "week"),
    ),
]


@pytest.mark.parametrize(("text", "figure", "expected"), EVENT_WEEKS)
def test_a_recent_week_dates_its_event(
    text: str, figure: int, expected: tuple[str, str, str]
) -> None:
    claim = _claim(text, SATURDAY, figure)
    assert (claim.date, claim.date_end, claim.date_precision) == expected


def test_a_weekday_still_dates_a_sentence_whose_week_is_not_an_attacks() -> None:
    # "last week" here dates a speech, not the attack: the weekday of the attack wins
    claim = _claim(
        "Officials who met last week said gunmen killed 6 herders on Thursday near Gao.",
        SATURDAY,
        6,
    )
    assert (claim.date, claim.date_precision) == ("2022-06-16", "day")


def test_last_week_does_not_reach_the_day_of_an_attack_reported_today() -> None:
    # a background attack "last week" must not share a day with the new strike it precedes
    text = (
        "A drone strike killed 12 people at a market in Gao on Saturday, officials said.\n\n"
        "The group, whose assault last week killed 30 soldiers, called on Saturday for a truce."
    )
    new, old = _claim(text, SATURDAY, 12), _claim(text, SATURDAY, 30)
    assert new.date == "2022-06-18"
    assert old.date_end is not None and old.date_end < new.date


ANAPHORA_ACROSS = (
    "Rockets hit a fuel depot in Tartus on Friday, killing 9 workers, officials said.\n\n"
    "On May 3, navy jets bombed rebel camps in the hills after an order from the president.\n\n"
    "A general said several commanders died in the raids. Rebel medics say at least 27 were "
    "killed."
)


def test_an_attack_referred_back_to_takes_the_date_of_the_paragraph_before() -> None:
    # "the raids" of a paragraph with no date of its own are the ones just told (May 3)
    assert _claim(ANAPHORA_ACROSS, "2022-06-17", 27).date == "2022-05-03"
    # the lead's own claim keeps its day
    assert _claim(ANAPHORA_ACROSS, "2022-06-17", 9).date == "2022-06-17"


def test_a_paragraph_without_a_reference_back_does_not_borrow_from_the_one_before() -> None:
    text = ANAPHORA_ACROSS.replace("in the raids", "over time")
    assert _claim(text, "2022-06-17", 27).date != "2022-05-03"


@pytest.mark.parametrize("more", ["another two", "another 3", "another dozen"])
def test_more_victims_of_the_same_attack_are_not_another_incident(more: str) -> None:
    text = (
        f"Three men were killed and {more} hurt on Thursday in a drone strike on a farm, "
        "medics said.\n\n"
        "The farm lies east of the village, near a main road.\n\n"
        "A medic said the drone first killed 4 farmers and one of the hurt died later.\n\n"
        "On Tuesday night, a mortar round hit a school in the same district."
    )
    assert _claim(text, SATURDAY, 4).date == "2022-06-16"


WEEKS_AFTER = [
    # the sentence and its paragraph are about an older attack, weeks or months back
    ("This ambush comes just weeks after", ("2022-04-16", "2022-06-10", "week")),
    ("The raid came months after", ("2021-06-18", "2022-05-21", "month")),
]


@pytest.mark.parametrize(("opening", "expected"), WEEKS_AFTER)
def test_an_attack_weeks_before_the_news_is_not_dated_to_its_day(
    opening: str, expected: tuple[str, str, str]
) -> None:
    text = (
        "Gunmen killed 4 soldiers in an ambush on a convoy on Thursday, the army said.\n\n"
        f"{opening} fighters overran an army post near the river. "
        "In that assault, 9 soldiers died."
    )
    assert _claim(text, SATURDAY, 4).date == "2022-06-16"
    claim = _claim(text, SATURDAY, 9)
    assert (claim.date, claim.date_end, claim.date_precision) == expected


def test_weeks_after_in_a_long_clause_is_not_the_sentences_subject() -> None:
    text = (
        "Gunmen killed 4 soldiers on Thursday, and officials, who said the area had been calm "
        "for a year, noted that it came weeks after a peace deal, the army said."
    )
    assert _claim(text, SATURDAY, 4).date == "2022-06-16"


def test_an_undated_article_does_not_date_its_lead_by_a_later_background_date() -> None:
    text = (
        "Jets bombed a village in the north, killing 6 farmers, residents said.\n\n"
        "The region has seen heavy fighting since the army took power on March 3, 2021."
    )
    assert _claim(text, None, 6).date is None
    # a date stated before the claim still dates it
    earlier = "On March 3, 2021, soldiers stormed the town.\n\n" + text
    assert _claim(earlier, None, 6).date == "2021-03-03"


# Published on a Saturday; "on Friday, a day after" dates the later figure a day earlier.
DAY_AFTER_OWN_DAY = [
    (
        "Four farmers in Niger died in a bandit raid on Friday, a day after gunmen killed "
        "11 police officers in Nigeria, officials said.",
        {4: "2022-06-17", 11: "2022-06-16"},
    ),
    (
        "A bomb killed six people in Kenya on Friday — two days after an ambush killed 9 "
        "soldiers in Somalia, police said.",
        {6: "2022-06-17", 9: "2022-06-15"},
    ),
    # the figure before the cue keeps the sentence's day; no cue, no shift
    (
        "Gunmen killed 8 traders on Friday, a day after the election results were published.",
        {8: "2022-06-17"},
    ),
]


@pytest.mark.parametrize(("text", "dates"), DAY_AFTER_OWN_DAY)
def test_a_figure_after_a_day_after_is_a_day_older_than_the_sentences_own_day(
    text: str, dates: dict[int, str]
) -> None:
    for figure, day in dates.items():
        assert _claim(text, SATURDAY, figure).date == day


def test_a_total_since_a_day_runs_from_that_day_to_publication() -> None:
    claim = _claim("Since May 3, at least 40 people have been killed in the province.", SATURDAY)
    assert (claim.kind, claim.date, claim.date_end) == ("period_total", "2022-05-03", SATURDAY)


def test_a_days_aggregate_does_not_take_the_next_sentences_period() -> None:
    text = (
        "Strikes across the province killed 23 people on Sunday, officials said.\n"
        "Since May 3, the army's operations have displaced thousands of families."
    )
    claim = _claim(text, SATURDAY, 23)
    assert (claim.kind, claim.date, claim.date_end) == ("period_total", "2022-06-12", None)
