"""Patterns left over from the fifth round of unseen articles (engineer U1, batch U), as tables
of invented sentences: who speaks when one outlet quotes another body, a body named in its
own right after a nationality, and the figures that follow. The sentences are written for
these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-04-12") -> list[Claim]:
    doc = Document(id="g6", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _said(text: str) -> list[tuple[str, str, int | None]]:
    return sorted((c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission")


CLAIMANTS = [
    # "Y quoted X as saying": X speaks, Y only relays
    (
        "Local radio quoted the provincial health department as saying six farmers died and "
        "11 were hurt.",
        [
            ("the provincial health department", "killed", 6),
            ("the provincial health department", "wounded", 11),
        ],
    ),
    (
        "State television quoted a border guard commander as saying 14 smugglers were killed.",
        [("a border guard commander", "killed", 14)],
    ),
    (
        "The agency quoted Jane Roe, a district doctor, as saying 12 bodies had been brought in.",
        [("Jane Roe", "killed", 12)],
    ),
    # ... and the passive form keeps its subject
    (
        "The mayor was quoted as saying nine herders were abducted.",
        [("The mayor", "captured", 9)],
    ),
    # a body named in its own right after a nationality is no earlier party of that nation
    (
        "The Sudanese army said on Monday that its troops had stormed the camp.\n\nAbout 40 men "
        "were detained, according to the Sudanese Detainees Union, a nongovernmental rights group.",
        [("the Sudanese Detainees Union", "captured", 40)],
    ),
]


@pytest.mark.parametrize(("text", "want"), CLAIMANTS)
def test_claimants(text: str, want: list[tuple[str, str, int | None]]) -> None:
    assert _said(text) == sorted(want)


def test_named_body_keeps_its_apposition_type() -> None:
    text = (
        "The Sudanese army said on Monday that its troops had stormed the camp. About 40 men "
        "were detained, according to the Sudanese Detainees Union, a nongovernmental rights group."
    )
    (claim,) = [c for c in _claims(text) if c.outcome == "captured"]
    assert claim.source_type == "monitor"
