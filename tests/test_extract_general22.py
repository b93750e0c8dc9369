"""A month named as the incident's time ("Last March, ...", "In late March, ...", "in
mid-June") dates the claim to that month in the past, not to the story's day (issue #3,
engineer P1). The sentences are written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.dates import find_dates
from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-06-14") -> list[Claim]:
    doc = Document(id="g22", text=text, published=published, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


MONTH_AS_TIME = [
    # (sentence, publication day, (date, date_end, precision))
    (
        "Last March, raiders killed 17 herders near the river, the district chief said.",
        "2023-06-14",
        ("2023-03-01", "2023-03-31", "month"),
    ),
    (
        "In late March, a drone strike killed 6 fishermen off the coast, the navy said.",
        "2023-06-14",
        ("2023-03-01", "2023-03-31", "month"),
    ),
    (
        "In mid-October, bandits killed 23 traders on the highway, police said.",
        "2023-06-14",
        ("2022-10-01", "2022-10-31", "month"),
    ),
    (
        "Early April, a car bomb killed 8 soldiers at the checkpoint, the army said.",
        "2023-06-14",
        ("2023-04-01", "2023-04-30", "month"),
    ),
    # "last March" in a March story is the March of the year before
    (
        "Last March, militants killed 31 miners at the pit, the union said.",
        "2023-03-20",
        ("2022-03-01", "2022-03-31", "month"),
    ),
]


@pytest.mark.parametrize(("text", "published", "dated"), MONTH_AS_TIME)
def test_month_named_as_the_time_dates_the_claim(
    text: str, published: str, dated: tuple[str, str, str]
) -> None:
    claims = _claims(text, published)
    assert claims
    assert {(c.date, c.date_end, c.date_precision) for c in claims} == {dated}


def test_a_month_with_its_day_keeps_the_day() -> None:
    claims = _claims("The March 3 ambush killed 14 guards at the depot, officials said.")
    assert [(c.date, c.date_precision) for c in claims] == [("2023-03-03", "day")]


def test_since_late_month_is_a_period_to_publication() -> None:
    (ref,) = find_dates("Since late March, the clashes have killed 40 people.", "2023-06-14")
    assert (ref.date, ref.date_end, ref.period) == ("2023-03-01", "2023-06-14", True)


@pytest.mark.parametrize(
    "text",
    [
        "Their last march through the capital drew thousands.",  # the noun
        "The last may be the hardest to reach, aid workers said.",  # the verb
    ],
)
def test_lower_case_month_words_are_no_month(text: str) -> None:
    assert find_dates(text, "2023-06-14") == []
