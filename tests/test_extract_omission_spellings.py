"""A refusal to give a toll is found however its negation is spelled: with a typographic
apostrophe ("didn’t", as most news pages print it) or with none ("didnt", "couldnt")."""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Document

SPELLINGS = [
    "The navy didn’t give a toll for the raid.",
    "The navy didnt give a toll for the raid.",
    "The navy couldnt provide a toll for the raid.",
    # already found before
    "The navy didn't give a toll for the raid.",
    "The navy couldn’t provide a toll for the raid.",
]


@pytest.mark.parametrize("text", SPELLINGS)
def test_negation_spellings_are_omissions(text: str) -> None:
    doc = Document(id="sp", text=text, published="2024-02-01", outlet="Example Wire")
    assert [(c.kind, c.source) for c in extract_document(doc)] == [("omission", "The navy")]
