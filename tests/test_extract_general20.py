"""Patterns left over from the batch Z9 round of unseen articles (engineer Z9: Afghanistan,
Pakistan, Kashmir, Myanmar, the Philippines, Colombia, Mexico, Haiti), as tables of invented
sentences: a lone "a soldier" first in a list with a figure ("An army captain and two rebels
died") is one victim, as it already was after the figure. The sentences are written for these
tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g20", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


LONE_FIRST = [
    # "a"/"an" and its noun, then "and" and a figure: the one was lost (only the reverse
    # order, "17 rebels and a soldier", counted it)
    (
        "A border guard captain and a dozen smugglers were killed in the shootout, the "
        "ministry said.",
        [("the ministry", "killed", 1), ("the ministry", "killed", 12)],
    ),
    (
        "A traffic policeman and three bystanders were wounded when the grenade went off, "
        "police said.",
        [("police", "wounded", 1), ("police", "wounded", 3)],
    ),
    (
        "Villagers said a teacher and at least 14 pupils were abducted from the school.",
        [("Villagers", "captured", 1), ("Villagers", "captured", 14)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONE_FIRST)
def test_lone_victim_before_a_figure(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert sorted(_tolls(text)) == sorted(expected)


LONE_STILL_ALONE = [
    # a lone victim with a verb of its own, or a thing in the list, stays figure-less
    (
        "A sergeant was killed and two others were hurt in the blast, the army said.",
        [("the army", "wounded", 2)],
    ),
    (
        "A truck and two cars were set ablaze and nine people were killed, officials said.",
        [("officials", "killed", 9)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONE_STILL_ALONE)
def test_lone_victim_with_its_own_verb(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected
