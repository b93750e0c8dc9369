"""Known extraction leftovers named by the judgements of earlier unseen batches (engineer
L2), as tables of invented sentences: a span of two years followed by a place or a clause
("between 2015 and 2018 in the province") as a period. The sentences are written for these
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


def test_a_range_of_people_stays_a_count() -> None:
    found = _claims("Officials said between 1900 and 2000 people died in the floods.")
    assert [(c.kind, c.low, c.high) for c in found] == [("claim", 1900, 2000)]
