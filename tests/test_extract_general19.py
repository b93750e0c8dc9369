"""Patterns left over from the batch Z8 round of unseen articles (engineer Z8: Sudan, South
Sudan, Somalia, the Sahel, Nigeria, Cameroon, DRC, Ethiopia, Mozambique, Libya), as tables
of invented sentences. The sentences are written for these tests; none comes from a news
article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g19", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _tolls(text: str) -> list[tuple[str, str, int | None]]:
    return [(c.source, c.outcome, c.low) for c in _claims(text) if c.kind != "omission"]


SPEAKERS = [
    # one witness after a quote: "one" is no count, the witness speaks (was the outlet)
    (
        '"Seven people died when the roof fell in," one survivor added.',
        [("one survivor", "killed", 7)],
    ),
    ('"Nine bodies lay in the road," said one witness.', [("one witness", "killed", 9)]),
    # the relay between "quoted" and "as" (was the outlet's)
    (
        "Four farmers were killed in the shelling, the district relief committee was quoted "
        "by Reuters as saying.",
        [("the district relief committee", "killed", 4)],
    ),
    (
        "Two guards died in the raid, the governor was quoted by the state news agency as saying.",
        [("the governor", "killed", 2)],
    ),
    # where a place lies, apposed between the speaker and the verb (was the outlet's)
    (
        "Ali Warsame, a police officer in the town of Dhurbo, 250 km (155 miles) west of the "
        'capital, said the attacker "opened fire in the market and six people died."',
        [("Ali Warsame, a police officer in the town of Dhurbo", "killed", 6)],
    ),
    (
        "The mayor of Qaldo, some 40 miles north of the border, said eleven people were killed.",
        [("The mayor of Qaldo", "killed", 11)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS)
def test_speakers(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _tolls(text) == expected


PERSON_REFERRED_BACK = [
    # "the person" / "the man": the one just heard (was "people", a victim noun, as a party)
    (
        "Raiders also hit the village of Tumbeke at dawn, a villager told the agency "
        'anonymously. "They killed three people and set the clinic on fire," the person said.',
        ("a villager", "killed", 3),
    ),
    (
        'A police officer, Amos Keni, said the road was closed. "Bandits shot dead five '
        'travellers," the man said.',
        ("A police officer, Amos Keni", "killed", 5),
    ),
]


@pytest.mark.parametrize(("text", "claim"), PERSON_REFERRED_BACK)
def test_person_referred_back(text: str, claim: tuple[str, str, int]) -> None:
    assert _tolls(text) == [claim]
