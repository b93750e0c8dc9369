"""Rules that keep the reports of one incident together (and two incidents apart) on real
articles: who the sentence blames, which places are not the scene, a breakdown over several
places, an article whose lead names no place. Invented sentences, one rule per case.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2024-03-09") -> list[Claim]:
    doc = Document(id="r1", text=text, published=published, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


def _first(text: str, published: str = "2024-03-09") -> Claim:
    claims = _claims(text, published)
    assert claims, "no claim extracted"
    return claims[0]


# --- the perpetrator: not the speaker, not a controller ----------------------------------------

PERPETRATOR = [
    # the actor who reports the toll did not strike
    (
        "The Houthi rebels said US airstrikes on a fuel depot killed 17 people on Friday.",
        "US forces",
    ),
    # a place or body "held by" / "run by" an actor: that actor controls, it did not strike
    (
        "US airstrikes hit a depot held by the Houthi rebels on Friday, killing 17 people.",
        "US forces",
    ),
    (
        "The health office, which is run by the Houthi movement, said 17 people died in "
        "United States strikes on Friday.",
        "US forces",
    ),
]


@pytest.mark.parametrize(("text", "perpetrator"), PERPETRATOR)
def test_a_speaker_or_controller_is_not_the_perpetrator(text: str, perpetrator: str) -> None:
    assert _first(text).perpetrator == perpetrator


def test_an_actors_run_ministry_blames_nobody() -> None:
    claim = _first("The Houthi-run health office says at least 17 people died on Friday.")
    assert claim.perpetrator is None


def test_the_perpetrator_after_by_is_still_read() -> None:
    claim = _first("Seventeen people were killed by the Houthi rebels in an attack on Friday.")
    assert claim.perpetrator == "Houthis"
