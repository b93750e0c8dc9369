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
    # "reported" as a participle ("X reported killed") names no speaker ...
    (
        "Five porters reported killed in the raid were buried on Monday, the governor said.",
        [("the governor", "killed", 5)],
    ),
    (
        "Two guards previously reported to have died were buried on Monday, the mayor said.",
        [("the mayor", "killed", 2)],
    ),
    # ... unlike the speech of "claimed to have killed"
    (
        "The rebels claimed to have killed nine soldiers.",
        [("The rebels", "killed", 9)],
    ),
    # a relative clause on the victims that reports their fate gives its speaker's claim ...
    (
        "The governor attended the funeral of 11 rangers who the ministry said were killed in "
        "the ambush.",
        [("the ministry", "killed", 11)],
    ),
    (
        "The army posted a video of the burial of nine guards, which it said were killed by "
        "rebels.",
        [("The army", "killed", 9)],
    ),
    # ... not a relative clause on something else
    (
        "Twelve people died in a bombing that the rebels said they carried out.",
        [("Example Wire", "killed", 12)],
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


def _figures(text: str) -> list[tuple[str, int | None]]:
    return sorted((c.outcome, c.low) for c in _claims(text) if c.kind != "omission")


ANOTHER = [
    # a lone "another" joined by "and" to a figure is one more victim ...
    (
        "Four herders were killed and another wounded when the convoy was hit, officials said.",
        [("killed", 4), ("wounded", 1)],
    ),
    ("Two guards died and another person was hurt in the blast.", [("killed", 2), ("wounded", 1)]),
    ("Three miners died and another was injured, police said.", [("killed", 3), ("wounded", 1)]),
    # ... and so is "another" and a victim noun after an active verb
    (
        "Rebels shelled the post on Friday and the blast also wounded another border guard, the "
        "army said.",
        [("wounded", 1)],
    ),
    # "another" before a figure or a thing is no victim of its own
    ("Two guards were killed and another 12 were wounded.", [("killed", 2), ("wounded", 12)]),
    ("Two guards were killed and another attack wounded 4.", [("killed", 2), ("wounded", 4)]),
    ("Two guards were killed and another killed three villagers.", [("killed", 2), ("killed", 3)]),
    # a lone victim with no figure before it stays figure-less
    ("Another soldier was wounded on Sunday.", []),
]


@pytest.mark.parametrize(("text", "want"), ANOTHER)
def test_another(text: str, want: list[tuple[str, int | None]]) -> None:
    assert _figures(text) == sorted(want)


def _omitters(text: str) -> list[tuple[str, str]]:
    return sorted((c.source, c.qualifier or "") for c in _claims(text) if c.kind == "omission")


OMISSIONS = [
    # a source that declined to comment on something other than a toll or an event
    (
        "Gunmen killed three guards near the dam. The army did not respond to requests for "
        "comment on the allegations.",
        [],
    ),
    (
        "Gunmen killed three guards near the dam. The governor did not comment on reports that "
        "the convoy carried ballots.",
        [],
    ),
    # ... but a comment on the raid or the situation is the toll's
    (
        "Gunmen killed three guards near the dam. The army did not immediately comment on the "
        "raid.",
        [("The army", "did not immediately comment")],
    ),
    (
        "Gunmen killed three guards near the dam. The army did not immediately comment on the "
        "situation.",
        [("The army", "did not immediately comment")],
    ),
    # "no information on the exact number" is a toll not given
    (
        "Gunmen stormed the dam. An officer said there was no information on the exact number "
        "of dead.",
        [("An officer", "no information on the exact number")],
    ),
]


@pytest.mark.parametrize(("text", "want"), OMISSIONS)
def test_omissions(text: str, want: list[tuple[str, str]]) -> None:
    assert _omitters(text) == want


JOINED = [
    # a first group whose unit is named at length, with its acronym, still takes the verb
    (
        "Five members of the volunteer Village Self-Defence Committees (VSDC) and two gendarmes "
        "were killed in the ambush, officials said.",
        [("killed", 2), ("killed", 5)],
    ),
    # a lone victim joined by "and a" whose noun stands far from its article counts one
    (
        "Six bandits and a local Community Watch Brigade (CWB) volunteer were killed on Sunday.",
        [("killed", 1), ("killed", 6)],
    ),
    # ... but a lone victim after a clause of its own stays figure-less
    (
        "Six bandits were killed and a local Community Watch Brigade volunteer was wounded.",
        [("killed", 6)],
    ),
]


@pytest.mark.parametrize(("text", "want"), JOINED)
def test_joined_groups(text: str, want: list[tuple[str, int | None]]) -> None:
    assert _figures(text) == sorted(want)


DIED = [
    # a "wounded" that only describes the victims of a later death verb: they died
    ("Two wounded soldiers later died in hospital.", [("killed", 2)]),
    ("Five injured porters succumbed to their wounds on Monday.", [("killed", 5)]),
    (
        "The toll rose to six after two more wounded guards succumbed to their injuries.",
        [("killed", 2), ("killed", 6)],
    ),
    # ... not when the wounded have a clause of their own
    (
        "Twelve wounded people were taken to the clinic, where two died.",
        [("killed", 2), ("wounded", 12)],
    ),
    ("Nine wounded fighters were evacuated by helicopter.", [("wounded", 9)]),
]


@pytest.mark.parametrize(("text", "want"), DIED)
def test_wounded_who_died(text: str, want: list[tuple[str, int | None]]) -> None:
    assert _figures(text) == sorted(want)


def test_equal_figures_of_two_groups_are_two_claims() -> None:
    # the same figure for two groups joined in one sentence is two claims, each with its group
    claims = _claims("Two drivers and two cooks were wounded when the convoy was shelled.")
    assert sorted((c.outcome, c.low, c.victim) for c in claims) == [
        ("wounded", 2, "cooks"),
        ("wounded", 2, "drivers"),
    ]
    assert len({c.claim_id for c in claims}) == 2
    # ... while a figure repeated for the same group stays one claim
    repeated = "The blast killed 12 people; 12 people died, the mayor said."
    assert _figures(repeated) == [("killed", 12)]


def test_breakdown_that_tells_only_part_of_the_toll() -> None:
    # the parts (6 + 3) leave one of the ten untold: the toll stands, the parts are asides
    text = "Ten herders, six boys and three women, were killed in the raid, the mayor said."
    assert _figures(text) == [("killed", 10)]


def test_an_outlet_named_after_a_place_is_no_scene() -> None:
    # "told Kurdistan 24": the addressee, not where the raid was
    text = (
        "Gunmen ambushed a patrol near Tikrit on Friday. Three guards were killed, a security "
        "source told Kurdistan 24."
    )
    assert {c.country for c in _claims(text)} == {"IQ"}


def test_a_town_of_the_story_country_beats_a_far_bigger_namesake_abroad() -> None:
    # "Hangu" is also one of Hangzhou's names; a story naming three places of Khyber
    # Pakhtunkhwa means the Pakistani town
    text = (
        "Militants attacked a checkpoint near Bannu and Kohat in Khyber Pakhtunkhwa on Monday. "
        "Two guards were killed in Hangu, officials said."
    )
    assert {c.country for c in _claims(text)} == {"PK"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "since" and an abbreviated month is a period's start, as a full month name is
        (
            "At least 60 herders have been killed in raids since Oct. 7, the agency said.",
            "period_total",
        ),
        (
            "At least 60 herders have been killed in raids since Sept 3, the agency said.",
            "period_total",
        ),
        # ... a day named alone is an incident's
        ("Nine herders were killed in a raid on Oct. 7, the agency said.", "claim"),
    ],
)
def test_since_an_abbreviated_month(text: str, kind: str) -> None:
    assert [c.kind for c in _claims(text, published="2023-12-20")] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "Rockets fired from Gaza killed two farmers in Ashkelon, police said.",
        "Rockets from Gaza killed two farmers in Sderot, Israeli police said.",
    ],
)
def test_the_origin_of_fire_is_no_scene(text: str) -> None:
    # "from Gaza" is where the rockets came from; the town they struck places the claim
    assert {c.country for c in _claims(text)} == {"IL"}
