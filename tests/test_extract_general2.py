"""Claimant patterns found on unseen articles (batches H and I), as tables of invented sentences.

Each row pins who claims a figure where a plain reading takes the wrong phrase: the victims of
a passive "were reported killed", a time after an inverted "said", a relay beside the real
speaker. The sentences are written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Document


def _sources(text: str) -> list[tuple[str, int | None, str]]:
    doc = Document(id="g2", text=text, published="2022-05-10", outlet="Example Wire")
    return [(c.outcome, c.low, c.source) for c in extract_document(doc) if c.kind != "omission"]


CLAIMANTS = [
    # a passive speech verb: its subject is what was reported, not who reported it
    ("Twelve villagers were reported killed in the raid.", [("killed", 12, "Example Wire")]),
    (
        "About 900 people are estimated to have died in the region since the spring.",
        [("killed", 900, "Example Wire")],
    ),
    (
        "Some 300 people are believed to have been killed since May, "
        "according to figures compiled by local NGOs.",
        [("killed", 300, "local NGOs")],
    ),
    (
        "Four people died, according to data gathered by non-governmental organisations.",
        [("killed", 4, "non-governmental organisations")],
    ),
    # the toll was confirmed by someone: the agent speaks
    (
        "Six deaths were confirmed by the district hospital.",
        [("killed", 6, "the district hospital")],
    ),
    # "X was quoted as saying": X, not the sentence's first noun
    (
        "Around 40 people have been killed since the truce, Omar Dale, a researcher who "
        "follows the strikes, was quoted as saying by a weekly paper.",
        [("killed", 40, "Omar Dale, a researcher")],
    ),
    (
        "Two guards died in the blast, the mayor was quoted as saying by local radio.",
        [("killed", 2, "the mayor")],
    ),
    # an inverted "said" followed by a time names nobody; the subject before it speaks
    (
        "Sam Ortiz, spokesman for the province, said Monday that the raid began at dawn. "
        "He said three police were wounded.",
        [("wounded", 3, "Sam Ortiz, spokesman for the province")],
    ),
    # "told Reuters" after the speaker: the agency is only told, the speaker claims
    (
        '"We lost five men," Major Lee Brandt, an army officer, told Reuters by phone.',
        [("killed", 5, "Major Lee Brandt, an army officer")],
    ),
    # "No one has claimed the attack, which ... killed eight": the outlet tells it
    (
        "No one has claimed the bombing, which came a week after gunmen attacked a market, "
        "killing eight people.",
        [("killed", 8, "Example Wire")],
    ),
    # "a statement from X said": X; "Nine other people were hurt" right after it goes on with X
    (
        "A mine killed two shepherds near the border, a statement from the district governor "
        "said. Five other villagers were wounded.",
        [("killed", 2, "district governor"), ("wounded", 5, "district governor")],
    ),
    # a state agency relays when the sentence names its own speaker
    (
        "The coalition said its jets killed 45 fighters, according to the official news agency.",
        [("killed", 45, "The coalition")],
    ),
    # "a commander identified as X" names him: no speaker, the outlet tells the toll
    (
        "Gunmen killed seven traders including a chief identified as Musa on Friday.",
        [("killed", 7, "Example Wire")],
    ),
]


# residents or witnesses beside another claimant: two claims, one each
JOINT = [
    (
        "Shelling killed nine people, villagers and a local commander said on Monday.",
        [("killed", 9, "a local commander"), ("killed", 9, "villagers")],
    ),
    (
        "The raid killed three men, residents and two police officers said.",
        [("killed", 3, "residents"), ("killed", 3, "two police officers")],
    ),
    (
        "Four women died, according to the witness and local media.",
        [("killed", 4, "local media"), ("killed", 4, "the witness")],
    ),
]
CLAIMANTS += JOINT

# a broadcaster saying a toll claims it; a wire agency reporting one relays it
BROADCASTERS = [
    (
        "But the Qatar-based channel Al Jazeera said eleven soldiers were killed.",
        [("killed", 11, "Al Jazeera")],
    ),
    ("Reuters reported that eleven soldiers were killed.", [("killed", 11, "Example Wire")]),
]
CLAIMANTS += BROADCASTERS

# a by-phrase closed by a comma is no agent of the speaker ("killed by gunmen, the police said");
# an unknown-type phrase after an inverted verb borrows no "villagers" named earlier
AGENTS = [
    (
        "No fewer than six villagers in the district have been killed by unknown gunmen in an "
        "ambush, the police have said.",
        [("killed", 6, "the police")],
    ),
    (
        "Four villagers died in the raid. Spokesman of the State Police, Ade Bello, said the "
        "attack happened at night. The spokesman added that two men were injured.",
        [("killed", 4, "Example Wire"), ("wounded", 2, "Spokesman of the State Police, Ade Bello")],
    ),
]
CLAIMANTS += AGENTS

# "a statement issued by X" is X's; "police and witnesses" are two claimants; a relative clause
# with no comma before the verb ("a medic who treated them said") keeps its head as the speaker
STATEMENTS = [
    (
        "Three sailors were killed, according to a statement issued by the navy on Sunday.",
        [("killed", 3, "navy")],
    ),
    (
        "Eleven people died, police and witnesses said.",
        [("killed", 11, "police"), ("killed", 11, "witnesses")],
    ),
    (
        "A nurse who treated the victims at the clinic said nine children were injured.",
        [("wounded", 9, "A nurse")],
    ),
]
CLAIMANTS += STATEMENTS

# "The statement read:" speaks for the statement's author; "read" with a person does not
READS = [
    (
        "The governor confirmed the attack in a statement issued by his spokesman, Ola Reyes. "
        'The statement read: "Bandits stormed the market and killed 14 traders."',
        [("killed", 14, "The governor")],
    ),
    (
        "The priest read the names of 12 dead villagers at the funeral.",
        [("killed", 12, "Example Wire")],
    ),
]
CLAIMANTS += READS

# "..., as X said <a clause of its own>" after the figure: X speaks of something else
ASIDES = [
    (
        "Six guards were killed and two hurt near the dam, as the regional commander said a "
        "search of the hills was under way.",
        [("killed", 6, "Example Wire"), ("wounded", 2, "Example Wire")],
    ),
    ("Six guards were killed, as the ministry said on Monday.", [("killed", 6, "the ministry")]),
    (
        "Villagers fled as the army said 30 rebels were killed.",
        [("killed", 30, "the army")],
    ),
]
CLAIMANTS += ASIDES

# "an updated figure" is an adjective, not speech: a quotation running on keeps its speaker
UPDATED = [
    (
        'The district chief, Tomas Ruiz, said: "We counted the dead at noon.\n\n'
        '"When the team came back, it brought an updated figure, and the figure we have now is '
        'that 40 people lost their lives."',
        [("killed", 40, "The district chief, Tomas Ruiz")],
    ),
]
CLAIMANTS += UPDATED

# "According to AFP, ..." opening a sentence: the wire relays; its own tally is its claim
RELAYS = [
    ("According to Reuters, gunmen killed five guards.", [("killed", 5, "Example Wire")]),
    (
        "According to Reuters, the governor said nine people died.",
        [("killed", 9, "the governor")],
    ),
    ("According to a Reuters tally, 70 people have died.", [("killed", 70, "Reuters")]),
    ("Seventy people have died, according to Reuters.", [("killed", 70, "Reuters")]),
]
CLAIMANTS += RELAYS
NOW_SAYS = "Officials had said 9 died, but Ruiz now says 14 were killed."


def test_now_is_not_part_of_a_name() -> None:
    assert ("killed", 14, "Ruiz") in _sources(NOW_SAYS)


@pytest.mark.parametrize(("text", "expected"), CLAIMANTS)
def test_claimant(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert sorted(_sources(text)) == sorted(expected)


NOT_CHANGED = [
    # "as many as" after "said" is a figure, the speaker stays
    ("The army said as many as 20 people were killed.", "The army"),
    # a sentence that adds victims only after an unrelated one keeps the outlet
    ("Officials said three died. Roads were closed. Two others were hurt.", "Example Wire"),
    # a state agency alone is the claimant
    ("According to the official news agency, 14 people died.", "the official news agency"),
]


@pytest.mark.parametrize(("text", "last_source"), NOT_CHANGED)
def test_unchanged_readings(text: str, last_source: str) -> None:
    assert _sources(text)[-1][2] == last_source


def test_a_bracketed_acronym_leaves_no_mask_in_the_name() -> None:
    text = "Meanwhile, the District Police Officer (DPO), Jo Li, said that six gunmen were killed."
    assert _sources(text) == [("killed", 6, "the District Police Officer, Jo Li")]
