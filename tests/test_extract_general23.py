"""Known extraction leftover named by the judgements of earlier unseen batches (engineer P2):
the dateline city taken for the scene. A dateline below a byline ("By Ann Lee, Jr.") or a
byline and an agency line is still a dateline, so its city places no claim; and the
dateline's country still tells a namesake in the lead apart. The sentences are written for
these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g23", text=text, published=published, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


BYLINED = [
    # a byline ending in a full stop, then the dateline; the lead names no scene
    (
        "By Ann Lee, Jr.\n\nMaiduguri, Nigeria -- Gunmen killed seven farmers on Tuesday, "
        "police said.",
        "Maiduguri",
    ),
    # a byline and an agency line above the dateline
    (
        "By Tom Ray\nExample Foreign Service\n\nKANDAHAR, Afghanistan -- A bomb killed nine "
        "people at a market in Qzawet on Friday, officials said.",
        "Kandahar",
    ),
    (
        "By Mia Cole and Sam Ode, Example Wire.\n\nGoma (XYZ) -- Rebels killed 14 civilians in "
        "Qzawet overnight, a local official said.",
        "Goma",
    ),
]


@pytest.mark.parametrize(("text", "dateline"), BYLINED)
def test_a_dateline_below_a_byline_is_no_scene(text: str, dateline: str) -> None:
    claims = _claims(text)
    assert claims
    assert all(c.location != dateline for c in claims)


DATELINE_COUNTRY = [
    # the dateline's country tells the lead's namesake apart, though its city is no scene
    "ZAMBOANGA CITY -- Five soldiers were killed in a clash on Monday in Sulu, an army "
    "spokesman said.",
    "ZAMBOANGA CITY, Philippines (XYZ) -- Militants killed three marines in Sulu on "
    "Sunday, the navy said.",
]


@pytest.mark.parametrize("text", DATELINE_COUNTRY)
def test_the_datelines_country_tells_a_namesake_apart(text: str) -> None:
    claims = _claims(text)
    assert claims
    assert {(c.country, c.location != "Zamboanga") for c in claims} == {("PH", True)}
