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
