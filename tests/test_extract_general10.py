"""Patterns left over from the batch Y round of unseen articles (engineer U5), as tables of
invented sentences: a toll "listed as missing", "a large number" as the counted subject, a
source that "did not clarify" or "did not indicate" a toll, and a speaker whose name is
followed by a dash aside. The sentences are written for these tests; none comes from a news
article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g10", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


MISSING = [
    # "listed as missing" / "declared missing" is a missing toll, as "remain missing" is
    ("Nine porters are listed as missing, the army said.", 9, 9),
    ("Several herders were listed as missing after the raid, a chief said.", 3, 9),
    ("Twelve fishermen have been declared missing, the navy said.", 12, 12),
]


@pytest.mark.parametrize(("text", "low", "high"), MISSING)
def test_listed_as_missing_is_a_missing_toll(text: str, low: int, high: int) -> None:
    found = [(c.outcome, c.low, c.high) for c in _claims(text) if c.kind != "omission"]
    assert found == [("missing", low, high)]


def test_listed_alone_is_no_toll() -> None:
    # "listed" without "missing" says nothing of a fate
    text = "Nine porters are listed in the register, the army said."
    assert [c for c in _claims(text) if c.outcome == "missing"] == []


LARGE_NUMBER = [
    # "a large number" standing alone is a qualitative figure, as "many" is ...
    ("Troops shot dead four raiders while a large number were wounded, the army said.", "wounded"),
    ("A large number were killed in the ambush, a resident said.", "killed"),
]


@pytest.mark.parametrize(("text", "outcome"), LARGE_NUMBER)
def test_a_large_number_alone_is_qualitative(text: str, outcome: str) -> None:
    vague = [c for c in _claims(text) if (c.qualifier or "").lower() == "a large number"]
    assert [(c.outcome, c.low, c.high) for c in vague] == [(outcome, None, None)]


def test_a_large_number_of_keeps_its_noun() -> None:
    text = "A large number of guards were wounded in the ambush, a resident said."
    (claim,) = _claims(text)
    assert (claim.outcome, (claim.qualifier or "").lower()) == ("wounded", "a large number of")


OMITTED = [
    # a source that did not clarify or indicate a toll left it out ...
    ("The ministry did not clarify how many attackers were killed.", "killed"),
    ("Officials said two posts were hit but did not indicate casualties.", "killed"),
    ("The army did not state the number of soldiers wounded in the raid.", "wounded"),
]


@pytest.mark.parametrize(("text", "outcome"), OMITTED)
def test_not_clarified_toll_is_an_omission(text: str, outcome: str) -> None:
    omitted = [c for c in _claims(text) if c.kind == "omission"]
    assert [c.outcome for c in omitted] == [outcome]


NOT_OMITTED = [
    # ... not when what was not clarified is a time, a place or a motive
    "The ministry did not clarify when the convoy was ambushed.",
    "The police did not indicate why the guards were attacked.",
    "The army did not state where the raid took place.",
]


@pytest.mark.parametrize("text", NOT_OMITTED)
def test_not_clarified_other_question_is_no_omission(text: str) -> None:
    assert [c for c in _claims(text) if c.kind == "omission"] == []


DASH_ASIDE = [
    # a dash aside between a speaker and its verb is skipped: the speaker is the subject
    (
        "A member of the village council \u2014 a body of elders \u2014 said nine rangers "
        "were wounded.",
        "A member of the village council",
    ),
    (
        "A member of the village council \u2013 a body of elders \u2013 confirmed the raid "
        "but gave no toll.",
        "A member of the village council",
    ),
]


@pytest.mark.parametrize(("text", "source"), DASH_ASIDE)
def test_dash_aside_after_the_speaker_is_skipped(text: str, source: str) -> None:
    assert [c.source for c in _claims(text)] == [source]


def test_dash_aside_in_the_toll_keeps_the_outlet() -> None:
    # a dash aside inside the counted phrase, with no speaker, changes nothing
    text = "Five guards \u2014 all of them recruits \u2014 were killed in the raid."
    (claim,) = _claims(text)
    assert (claim.source, claim.low) == ("Example Wire", 5)


LISTED = [
    # an inverted "said" naming a first claimant with a place qualifier, then "and" a second:
    # both speak (as "X at the clinic and Y said" before the verb already gives both) ...
    (
        "At least nine herders were killed, said a nurse at the clinic and an official of the "
        "district council.",
        {"a nurse", "an official of the district council"},
    ),
    (
        "Gunmen killed nine herders, according to a doctor at the hospital and the police.",
        {"a doctor", "the police"},
    ),
    # ... but a name with an apposition stays one speaker
    ("Gunmen killed nine herders, said Jo Li, a spokesman for the army.", {"Jo Li"}),
]


@pytest.mark.parametrize(("text", "sources"), LISTED)
def test_listed_claimants_after_said(text: str, sources: set[str]) -> None:
    assert {c.source for c in _claims(text)} == sources


UNAVAILABLE = [
    # a source that was not available to confirm or comment gave no toll: an omission by it
    (
        "Gunmen killed nine herders, a chief said. No army source was available to back the "
        "chief's figure.",
        "army source",
    ),
    (
        "Gunmen killed nine herders, a chief said. No word was immediately available from "
        "border police over the ambush.",
        "border police",
    ),
    (
        "Gunmen killed nine herders, a chief said. The ministry was not available for comment.",
        "The ministry",
    ),
]


@pytest.mark.parametrize(("text", "source"), UNAVAILABLE)
def test_unavailable_source_is_an_omission(text: str, source: str) -> None:
    assert [c.source for c in _claims(text) if c.kind == "omission"] == [source]


def test_unavailable_help_is_no_omission() -> None:
    # "no ambulance was available": nobody withheld a toll
    text = "Gunmen killed nine herders, a chief said. No ambulance was available for the wounded."
    assert [c for c in _claims(text) if c.kind == "omission"] == []


THIS_SOURCE = [
    # "this source" / "this official" is a speaker, not a time like "this week"
    ('A chief confirmed the raid. "Several guards are missing," this source said.', "this source"),
    ("Nine guards were killed, this official said on Monday.", "this official"),
    ("Nine guards were killed, the army said this week.", "the army"),
]


@pytest.mark.parametrize(("text", "source"), THIS_SOURCE)
def test_this_source_speaks(text: str, source: str) -> None:
    assert [c.source for c in _claims(text) if c.kind != "omission"] == [source]


ACT_DATES = [
    # a date between a reported clause's subject and its act dates the act ...
    (
        "Raiders killed 21 people on Tuesday, the governor said. The governor said raiders on "
        "May 9 stormed a camp and killed six herders.",
        6,
        "2018-05-09",
    ),
    (
        "Raiders killed 21 people on Tuesday, the governor said. He said raiders on May 9 shot "
        "dead five herders.",
        5,
        "2018-05-09",
    ),
    # ... but a date right after the speech verb is still the statement's
    (
        "Raiders killed 21 people on Tuesday, the governor said. The army said on May 10 that "
        "seven soldiers were killed.",
        7,
        "2018-06-05",
    ),
]


@pytest.mark.parametrize(("text", "low", "date"), ACT_DATES)
def test_date_before_the_act_dates_it(text: str, low: int, date: str) -> None:
    claim = next(c for c in _claims(text, "2018-06-10") if c.low == low)
    assert claim.date == date
