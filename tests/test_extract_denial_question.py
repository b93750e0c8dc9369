"""A zero word that opens a question about the toll ("nobody knew how many were hurt") gives
no zero toll; "nobody was hurt" still does."""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Document


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    doc = Document(id="d", text=text, published="2023-03-14", outlet="Example Wire")
    return [(c.source, c.outcome, c.low) for c in extract_document(doc) if c.kind == "claim"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nobody knew how many wounded had been taken away, a driver said.", []),
        (
            "Dozens of bodies lay in the road and no one could tell how many wounded were "
            "carried off, a medic said.",
            [("a medic", "killed", 24)],
        ),
        # a zero toll stays one
        ("Nobody was hurt in the fire, police said.", [("police", "wounded", 0)]),
        (
            "No one was killed, and officials did not say how many were hurt.",
            [("Example Wire", "killed", 0)],
        ),
    ],
)
def test_zero_word_asking_how_many_is_no_toll(
    text: str, expected: list[tuple[str, str, int | None]]
) -> None:
    assert _tolls(text) == expected
