"""A year in a figure's clause dates it however the space before it is written: the quick
check before `when._IN_YEAR` must not be stricter than the pattern's `\\s+`."""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.extract.when import _IN_YEAR, year_of_figure
from casualty.model import Document


@pytest.mark.parametrize("space", [" ", "  ", "\xa0", "\t"])
def test_year_after_any_space_dates_the_figure(space: str) -> None:
    text = f"Gunmen abducted two engineers in{space}2019, police said."
    assert _IN_YEAR.search(text) is not None
    found = year_of_figure(text, text.index("two"), "2023-03-14")
    assert found is not None and (found.date, found.date_end) == ("2019-01-01", "2019-12-31")
    doc = Document(id="y", text=text, published="2023-03-14", outlet="Example Wire")
    assert [(c.date, c.date_end) for c in extract_document(doc)] == [("2019-01-01", "2019-12-31")]


def test_no_year_no_date() -> None:
    text = "Gunmen abducted 20 engineers in the north, police said."
    assert year_of_figure(text, text.index("20"), "2023-03-14") is None
