"""Patterns left over from the batch X round of unseen articles (engineer U4), as tables of
invented sentences: a comma aside that describes the victims between their figure and their
verb. The sentences are written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2023-03-14") -> list[Claim]:
    doc = Document(id="g9", text=text, published=published, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


ASIDES = [
    # a comma aside opened by "mostly", "both", "all"... lets the figure reach its verb ...
    ("Twelve villagers, mostly farmers, were killed in the raid, police said.", "killed", 12),
    (
        "More than 40 people, both soldiers and passers-by, were killed when the depot blew up, "
        "the governor said.",
        "killed",
        41,
    ),
    (
        "Nine pilgrims, all from one district, were injured in the crash, officials said.",
        "wounded",
        9,
    ),
    (
        "At least 17 fishermen, largely young men, have been wounded in the shelling.",
        "wounded",
        17,
    ),
]


@pytest.mark.parametrize(("text", "outcome", "low"), ASIDES)
def test_comma_aside_between_figure_and_verb(text: str, outcome: str, low: int) -> None:
    assert [(c.outcome, c.low) for c in _claims(text)] == [(outcome, low)]


NOT_ASIDES = [
    # ... but one that opens a new clause, or ends in a verb of its own, does not
    "Five guards were on duty, and all the others were wounded in the blast.",
    "Six lorries, mostly empty, stood by the road; two drivers died later.",
    "Seven councils, mostly rural, said the floods were worse than before.",
]


@pytest.mark.parametrize("text", NOT_ASIDES)
def test_no_figure_across_a_clause(text: str) -> None:
    lows = {c.low for c in _claims(text)}
    assert not lows & {5, 6, 7}


MEDIUMS = [
    # the statement's medium between its author and the verb is not the author: the name is,
    # not the speaker of the sentence before
    ("Governor Ana Roe in a statement confirmed", "Governor Ana Roe"),
    (
        "The port's police chief Ali Noor in a written statement said",
        "The port's police chief Ali Noor",
    ),
    ("The army in its daily bulletin said", "army"),
]


@pytest.mark.parametrize(("cue", "claimant"), MEDIUMS)
def test_statement_medium_before_the_verb(cue: str, claimant: str) -> None:
    text = (
        "A local elder, Omar Said, told reporters the shell hit a school.\n"
        f"{cue} that troops raided a hideout in the hills, killing at least nine gunmen."
    )
    (claim,) = [c for c in _claims(text) if c.low == 9]
    assert claimant in claim.source
    assert "statement" not in claim.source and "Omar Said" not in claim.source


SEEKERS = [
    # people seeking aid are counted people, hyphenated or not, and a compound whose last
    # part is a person noun counts that person ...
    ("Six aid seekers were shot dead near the depot, medics said.", [("killed", 6)]),
    ("Medics said nine aid-seekers were wounded by gunfire near the depot.", [("wounded", 9)]),
    ("Medics said three checkpoint-guards were killed overnight.", [("killed", 3)]),
    # ... but a compound of things is still a thing
    ("Guards said three aid-trucks were destroyed and two drivers were killed.", [("killed", 2)]),
]


@pytest.mark.parametrize(("text", "expected"), SEEKERS)
def test_aid_seekers_are_people(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.outcome, c.low) for c in _claims(text)] == expected


SHARED = [
    # a speech verb after "and" shares the subject of the verb before it ...
    (
        "Police officers in the district confirmed the toll and said",
        "Police officers in the district",
    ),
    ("The provincial governor visited the site and told reporters", "The provincial governor"),
    # ... while a joint subject with a past-form adjective stays whole
    ("The police and the armed forces said", "armed forces"),
]


@pytest.mark.parametrize(("cue", "claimant"), SHARED)
def test_speech_verb_shares_the_first_verbs_subject(cue: str, claimant: str) -> None:
    sources = [c.source for c in _claims(f"{cue} that troops later killed 12 gunmen in the hills.")]
    assert any(claimant in s for s in sources)
    assert not any(s.endswith((" and", "toll", "site")) for s in sources)


def test_the_statement_of_sources_heard_before() -> None:
    # "the statement" with no statement told of before is the last source heard ...
    text = (
        "Officials said a mine struck a car carrying the town's mayor.\n"
        "Two of his aides were also killed, the statement added."
    )
    (claim,) = _claims(text)
    assert (claim.low, claim.source) == (2, "Officials")


def test_the_statement_told_of_without_a_speaker() -> None:
    # ... but one told of whose author went unresolved is not the last source's
    text = (
        "A police officer, Ali Noor, said the blast hit the gate of the compound.\n"
        "An unknown faction claimed the attack in a statement, saying it targeted the guards.\n"
        "The statement also claimed that 15 guards were killed."
    )
    claim = next(c for c in _claims(text) if c.low == 15)
    assert "Noor" not in claim.source


RELATIVE_ASIDES = [
    # a relative aside in the reported clause, after the speech verb, is the speaker's ...
    (
        "Police officials said the raid, which killed 20 guards, took place near the border.",
        "Police officials",
    ),
    (
        "The governor told reporters the blast, which wounded 20 guards, was heard for miles.",
        "governor",
    ),
    # ... one in the subject before the verb is still the outlet's background
    (
        "The rebel group, whose assault killed 20 soldiers, said it would observe the truce.",
        "Example Wire",
    ),
]


@pytest.mark.parametrize(("text", "claimant"), RELATIVE_ASIDES)
def test_relative_aside_after_the_speech_verb(text: str, claimant: str) -> None:
    (claim,) = _claims(text)
    assert claim.low == 20
    assert claimant in claim.source


EXCEEDED = [
    # a toll that exceeded, surpassed or topped a figure is more than it ...
    ("The ministry said the death toll had surpassed 2,000.", (2001, None)),
    ("Medics said the toll has exceeded 300.", (301, None)),
    ("Officials said the death toll topped 45 on Sunday.", (46, None)),
    # ... and one that reached it is that figure
    ("Officials said the death toll reached 45 on Sunday.", (45, 45)),
]


@pytest.mark.parametrize(("text", "bounds"), EXCEEDED)
def test_toll_exceeding_a_figure(text: str, bounds: tuple[int, int | None]) -> None:
    (claim,) = _claims(text)
    assert (claim.low, claim.high) == bounds


def test_exceeding_a_figure_of_things_is_no_toll() -> None:
    assert _claims("Exports topped 45 tonnes as the convoy's losses mounted.") == []


PARTICIPLES = [
    # a participle phrase on the victims may run past the usual gap to their verb ...
    (
        "Medics said six shoppers queuing for bread at the bakery in the old town were killed.",
        [("killed", 6)],
    ),
    (
        "Nine farmers working in the fields near the river east of the town were wounded.",
        [("wounded", 9)],
    ),
    # ... but a figure of things stays a thing
    ("Six lorries carrying flour to the camps in the north of the province were destroyed.", []),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLES)
def test_participle_phrase_on_the_victims(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.outcome, c.low) for c in _claims(text)] == expected
