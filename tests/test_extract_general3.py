"""Figure patterns found on unseen articles (engineer G3), as tables of invented sentences.

Each row pins the figures and outcomes one sentence (or two) should give: a group noun counted
by its figure, a bare "one" with an outcome verb of its own, "none of the X killed" about
victims already counted, the vocabulary of "liquidation". The sentences are written for these
tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Document


def _figures(text: str) -> list[tuple[str, int | None, int | None]]:
    doc = Document(id="g3", text=text, published="2022-05-10", outlet="Example Wire")
    return sorted((c.outcome, c.low, c.high) for c in extract_document(doc) if c.kind != "omission")


FIGURES = [
    # a group noun with a figure: the figure counts the group's people
    ("Raiders killed a family of eight in the hamlet, the police said.", [("killed", 8, 8)]),
    ("The shell killed an entire family of five.", [("killed", 5, 5)]),
    ("Militiamen abducted a group of 30 traders on the highway.", [("captured", 30, 30)]),
    # a preposition ends the figure's noun phrase: "in three villages" counts no village
    ("Bombs killed 12 in three villages.", [("killed", 12, 12)]),
    ("Troops burned 12 of the villages.", []),
    # a bare "one" with an outcome verb of its own is a person
    (
        "Two rangers were martyred and one was injured in the blast, the warden said.",
        [("killed", 2, 2), ("wounded", 1, 1)],
    ),
    ("Three men were killed and one was wounded.", [("killed", 3, 3), ("wounded", 1, 1)]),
    ("Two lorries were hit and one was destroyed.", []),
    ("Two tanks were destroyed and another one was seized.", []),
    # "none of the X killed" speaks of victims already counted: no denial
    (
        "Seven guards were killed in the raid. "
        "None of the guards killed or hurt in the raid have been named.",
        [("killed", 7, 7)],
    ),
    ("None of those killed carried weapons.", []),
    ("None of the guards were killed, the governor said.", [("killed", 0, 0)]),
    ("None of them were hurt.", [("wounded", 0, 0)]),
    # a denial is never a bare "one" standing for a thing said before
    ("No-one was injured on our side.", [("wounded", 0, 0)]),
    # "liquidation" is killing
    ("The ministry reported the liquidation of more than 40 gunmen.", [("killed", 41, None)]),
    ("Commandos liquidated 14 fighters near the border.", [("killed", 14, 14)]),
    # killing and capture not told apart: at most the figure were killed (SPEC has no outcome
    # for the two together; "captured" alone would lose the deaths)
    ("Rangers killed or captured 20 poachers, the park said.", [("killed", None, 20)]),
    ("Eleven raiders were killed or arrested, the governor said.", [("killed", None, 11)]),
    ("Rangers killed 20 poachers and captured 5.", [("killed", 20, 20), ("captured", 5, 5)]),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures(text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert _figures(text) == sorted(expected)


def _sources(text: str) -> list[tuple[str, int | None, str]]:
    doc = Document(id="g3", text=text, published="2022-05-10", outlet="Example Wire")
    return sorted(
        (c.outcome, c.low, c.source) for c in extract_document(doc) if c.kind != "omission"
    )


CLAIMANTS = [
    # an agency's name ending in a word of an earlier claimant's name is not that claimant
    (
        "Raiders killed four herders near Dange, the Ruritania Police Service said. "
        "The News Agency Ruritania (NAR) reports that one person was injured.",
        [
            ("killed", 4, "the Ruritania Police Service"),
            ("wounded", 1, "The News Agency Ruritania"),
        ],
    ),
    # a descriptor's head still finds the claimant it stands for
    (
        "Raiders killed four herders, the Ruritania Police Service said. "
        "The service said two officers were wounded.",
        [
            ("killed", 4, "the Ruritania Police Service"),
            ("wounded", 2, "the Ruritania Police Service"),
        ],
    ),
    # an agency opening the sentence before a named person relays that person, quoted next
    (
        "According to the Ruritanian News Agency (RNA), Bello reacted to a rumour. "
        "\u201cGunmen shot and killed nine people,\u201d he explained.",
        [("killed", 9, "Bello")],
    ),
    (
        "According to Reuters, Bello reacted to a rumour. "
        "\u201cGunmen shot and killed nine people,\u201d he explained.",
        [("killed", 9, "Bello")],
    ),
    # no person named after it: the agency's claim, or a wire relaying to the outlet
    (
        "According to the Ruritanian News Agency (RNA), gunmen killed six herders.",
        [("killed", 6, "the Ruritanian News Agency")],
    ),
    ("According to AFP, gunmen killed six herders.", [("killed", 6, "Example Wire")]),
    # a bare toll right after a speaker, in the same paragraph, carries on that speaker
    (
        "The rescue service said one of its depots was destroyed in the raid. "
        "Five volunteers were slightly wounded.",
        [("wounded", 5, "The rescue service")],
    ),
    (
        "The rescue service said three volunteers were killed. Two were badly hurt.",
        [("killed", 3, "The rescue service"), ("wounded", 2, "The rescue service")],
    ),
    # a new paragraph is the outlet's own voice again
    (
        "The rescue service said one of its depots was destroyed in the raid.\n\n"
        "Five volunteers were slightly wounded.",
        [("wounded", 5, "Example Wire")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMANTS)
def test_claimants(text: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert _sources(text) == sorted(expected)
