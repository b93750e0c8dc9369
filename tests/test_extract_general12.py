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
