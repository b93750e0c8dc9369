"""Sentence -> claim tables for the extractor, built from invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from casualty.extract import extract_document, extract_documents
from casualty.extract.omissions import find_omissions
from casualty.extract.sentences import split_sentences
from casualty.model import Claim, Document

ROOT = Path(__file__).resolve().parent.parent


def _claims(
    text: str, outlet: str | None = "Example Wire", published: str = "2021-03-12"
) -> list[Claim]:
    doc = Document(id="t1", text=text, published=published, outlet=outlet)
    return [c for c in extract_document(doc) if c.kind != "omission"]


def _figures(claims: list[Claim]) -> list[tuple[str, int | None, int | None]]:
    return [(c.outcome, c.low, c.high) for c in claims]


# --- figures and outcomes ---------------------------------------------------------------------

FIGURES = [
    ("Rebels attacked the town on Monday, killing 12 people.", [("killed", 12, 12)]),
    ("At least 14 soldiers were killed in the ambush.", [("killed", 14, None)]),
    ("The toll from the blast rose to 30.", [("killed", 30, 30)]),
    ("The shelling left nine dead in the market.", [("killed", 9, 9)]),
    ("The bombing claimed the lives of 21 villagers.", [("killed", 21, 21)]),
    (
        "Nineteen dead and forty injured were counted at the scene.",
        [("killed", 19, 19), ("wounded", 40, 40)],
    ),
    ("The raid killed 12 guards and wounded 30 others.", [("killed", 12, 12), ("wounded", 30, 30)]),
    (
        "Eight were killed and 15 wounded when the bus was hit.",
        [("killed", 8, 8), ("wounded", 15, 15)],
    ),
    ("More than 200 people were injured in the quake of shelling.", [("wounded", 201, None)]),
    ("Militants abducted 25 students from the school.", [("captured", 25, 25)]),
    ("Six fishermen are still missing after the attack.", [("missing", 6, 6)]),
    ("The strike killed or wounded 150 recruits.", [("killed_or_wounded", 150, 150)]),
    ("Gunmen shot dead dozens of worshippers.", [("killed", 24, 99)]),
    ("Between 20 and 25 fighters died in the clashes.", [("killed", 20, 25)]),
    ("Police arrested 40 suspects after the riot.", [("captured", 40, 40)]),
    ("Some 1,200 civilians have been killed since the offensive began.", [("killed", 1200, 1200)]),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_figures_and_outcomes(
    sentence: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert sorted(_figures(_claims(sentence))) == sorted(expected)


NOT_CLAIMS = [
    "The ceasefire has held for nearly three years in the valley.",
    "Investigators assessed 185 reports of civilian casualties last month.",
    "The deaths occurred in 14 separate incidents.",
    "A 28-year-old nurse died in hospital on 14 March 2021.",
    "Officials said 40 drones were shot down over the capital.",
    "The army destroyed 12 vehicles and seized 30 rifles.",
    "Call 555 0199 for information about the missing.",
    "The conflict began in 2014.",
]


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_numbers_that_are_not_casualty_figures(sentence: str) -> None:
    assert _figures(_claims(sentence)) == []


def test_qualitative_losses_become_a_claim_without_figure() -> None:
    text = 'State radio said government troops "inflicted heavy losses on the rebels".'
    claims = _claims(text)
    assert [(c.outcome, c.low, c.high, c.qualifier) for c in claims] == [
        ("killed", None, None, "heavy losses")
    ]


# --- claimants --------------------------------------------------------------------------------

CLAIMANTS = [
    # named, before the verb
    (
        "The Syrian Observatory for Human Rights said 17 fighters were killed.",
        "Syrian Observatory for Human Rights",
        "monitor",
    ),
    # inverted
    (
        "Seven people died in the strike, said the Syrian Observatory for Human Rights.",
        "Syrian Observatory for Human Rights",
        "monitor",
    ),
    # according to
    (
        "According to the Syrian Observatory for Human Rights, 31 soldiers were killed.",
        "Syrian Observatory for Human Rights",
        "monitor",
    ),
    # unnamed official: the wording is kept
    ("A provincial official said four civilians were killed.", "A provincial official", "official"),
    # nobody named: the outlet speaks
    ("At least 22 people were killed in the blast.", "Example Wire", "media"),
    # a wire relay is not the claimant
    ("Thirteen police officers were killed, AFP reported.", "Example Wire", "media"),
]


@pytest.mark.parametrize(("sentence", "source", "source_type"), CLAIMANTS)
def test_claimants(sentence: str, source: str, source_type: str) -> None:
    claims = _claims(sentence)
    assert claims, sentence
    assert {(c.source, c.source_type) for c in claims} == {(source, source_type)}


def test_descriptor_resolves_to_earlier_named_source() -> None:
    text = (
        "The Syrian Observatory for Human Rights reported clashes near the airport.\n\n"
        "The Britain-based monitoring group said 40 soldiers had been killed."
    )
    (claim,) = _claims(text)
    assert (claim.source, claim.source_type, claim.low) == (
        "Syrian Observatory for Human Rights",
        "monitor",
        40,
    )


def test_indefinite_monitor_resolves_to_the_monitor_named_later() -> None:
    text = (
        "Militants killed at least 61 soldiers in the desert, a monitor said.\n\n"
        "The Syrian Observatory for Human Rights said the raids began at dawn."
    )
    claims = _claims(text)
    assert [(c.source, c.low, c.high) for c in claims] == [
        ("Syrian Observatory for Human Rights", 61, None)
    ]


def test_pronoun_resolves_to_last_named_claimant() -> None:
    text = (
        "The Syrian Observatory for Human Rights reported heavy clashes overnight.\n\n"
        "It said 23 soldiers were killed."
    )
    (claim,) = _claims(text)
    assert claim.source == "Syrian Observatory for Human Rights"


def test_participle_passes_on_the_clause_subject() -> None:
    text = (
        "Daesh attacked army posts on Tuesday.\n\n"
        "The extremist group claimed the raids, saying its fighters had killed dozens of troops."
    )
    (claim,) = _claims(text)
    assert (claim.source, claim.source_type, claim.low, claim.high) == (
        "Islamic State",
        "belligerent",
        24,
        99,
    )


def test_coordinated_claimants_give_one_claim_each() -> None:
    text = "At least 16 people were killed, the governor and the police said."
    claims = _claims(text)
    assert sorted(c.source for c in claims) == ["the governor", "the police"]
    assert {c.low for c in claims} == {16}


def test_person_with_title_keeps_the_wording() -> None:
    text = "Colonel Jane Roe, a spokeswoman for the regional command, said nine troops died."
    (claim,) = _claims(text)
    assert claim.source == "Colonel Jane Roe, a spokeswoman for the regional command"


# --- victims --------------------------------------------------------------------------------

VICTIMS = [
    ("Airstrikes killed 50 civilians in the town.", "civilians"),
    ("At least 12 soldiers were killed in the attack.", "combatants"),
    ("The blast killed 9 people.", "unspecified"),
    ("The shelling killed 4 soldiers and civilians.", "mixed"),
]


@pytest.mark.parametrize(("sentence", "category"), VICTIMS)
def test_victim_category(sentence: str, category: str) -> None:
    (claim,) = _claims(sentence)
    assert claim.victim_category == category


# --- kinds, dates, omissions ----------------------------------------------------------------


def test_period_totals() -> None:
    text = "The ministry said 735 civilians have been killed since the war began in 2014."
    (claim,) = _claims(text)
    assert claim.kind == "period_total"


def test_incident_date_from_weekday_not_from_the_statement_day() -> None:
    text = (
        "Rebels killed at least 8 soldiers, a monitor said on Friday.\n\n"
        "The attacks came on Wednesday night."
    )
    (claim,) = _claims(text, published="2021-03-13")
    assert (claim.date, claim.date_precision) == ("2021-03-10", "day")


OMISSIONS = [
    ("State television made no mention of the army's losses.", "made no mention of"),
    ("The ministry did not give a toll for the strike.", "did not give"),
    ("The military had no immediate comment.", "had no immediate comment"),
    ("Losses on both sides are still being counted.", "still being counted"),
]


@pytest.mark.parametrize(("sentence", "qualifier"), OMISSIONS)
def test_omission_cues(sentence: str, qualifier: str) -> None:
    assert [o.qualifier for o in find_omissions(sentence)] == [qualifier]


def test_omission_record_names_who_omitted() -> None:
    doc = Document(id="o", text="State television made no mention of the army's losses.")
    (omission,) = [c for c in extract_document(doc) if c.kind == "omission"]
    assert omission.source == "State television"
    assert (omission.low, omission.high, omission.qualifier) == (None, None, "made no mention of")


# --- evidence, ids, order, streaming -----------------------------------------------------------


def test_evidence_span_is_the_sentence_in_the_body() -> None:
    text = "Calm returned to the city.\n\nGunmen killed 5 guards at the gate, police said."
    doc = Document(id="d", text=text, outlet="Example Wire")
    (claim,) = extract_document(doc)
    assert claim.span is not None
    assert text[claim.span[0] : claim.span[1]] == claim.text
    assert claim.text == "Gunmen killed 5 guards at the gate, police said."
    assert claim.claim_id
    assert (claim.doc, claim.reported_by) == ("d", "Example Wire")


def test_output_is_sorted_and_deterministic() -> None:
    text = "Twelve were killed and 30 wounded. Later 4 more died, medics said."
    doc = Document(id="d", text=text)
    first = extract_document(doc)
    assert first == extract_document(doc)
    assert [(c.span, c.outcome) for c in first] == sorted((c.span, c.outcome) for c in first)  # type: ignore[type-var]


def test_streaming_matches_one_by_one() -> None:
    docs = [Document(id=str(i), text=f"Raiders killed {i + 2} herders.") for i in range(5)]
    streamed = list(extract_documents(iter(docs)))
    assert streamed == [c for d in docs for c in extract_document(d)]


SPLITS = [
    ("Gen. Smith said 3 died. Two were hurt.", 2),
    ("The U.S. military said 5 died on Sept. 4 in Iraq. Officials agreed.", 2),
    ('"Nine were killed," he said. "We mourn them."', 2),
    ("Lt. Col. Jones spoke.\nA new paragraph follows.", 2),
]


@pytest.mark.parametrize(("text", "count"), SPLITS)
def test_sentence_splitting(text: str, count: int) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == count
    for s in sentences:
        assert text[s.start : s.end] == s.text


# --- the seed example (examples/seed/) ---------------------------------------------------------

SEED = ROOT / "examples" / "seed" / "seed_article.txt"


@pytest.fixture(scope="module")
def seed_claims() -> list[Claim]:
    from casualty.io.documents import document_from_text

    doc = document_from_text(SEED.read_text("utf-8"), str(SEED))
    return extract_document(doc)


def _find(claims: list[Claim], **fields: object) -> list[Claim]:
    return [c for c in claims if all(getattr(c, k) == v for k, v in fields.items())]


def test_seed_monitor_toll_of_government_forces(seed_claims: list[Claim]) -> None:
    (claim,) = _find(seed_claims, low=73)
    assert (claim.source, claim.source_type, claim.high, claim.outcome) == (
        "Syrian Observatory for Human Rights",
        "monitor",
        None,
        "killed",
    )
    assert (claim.perpetrator, claim.victim_category) == ("Islamic State", "combatants")
    assert (claim.date, claim.date_precision, claim.country) == ("2017-09-28", "day", "SY")
    assert claim.location == "Sukhna"


def test_seed_belligerent_state_media_and_omission(seed_claims: list[Claim]) -> None:
    (dozens,) = _find(seed_claims, qualifier="dozens")
    assert (dozens.source, dozens.source_type, dozens.low, dozens.high) == (
        "Islamic State",
        "belligerent",
        24,
        99,
    )
    (losses,) = _find(seed_claims, qualifier="heavy losses")
    assert (losses.source, losses.source_type, losses.low, losses.high) == (
        "SANA",
        "state_media",
        None,
        None,
    )
    (omission,) = _find(seed_claims, kind="omission")
    assert omission.source_type == "state_media"
    (at_least_45,) = _find(seed_claims, low=45)
    assert at_least_45.source == "Syrian Observatory for Human Rights"


def test_seed_period_totals_and_nothing_else(seed_claims: list[Claim]) -> None:
    totals = _find(seed_claims, kind="period_total")
    assert {c.low for c in totals} == {50, 735}
    assert all(c.source == "US-led coalition" for c in totals)
    august = [c for c in totals if c.low == 50 and c.date == "2017-08-01"]
    assert august and august[0].date_end == "2017-08-31"
    (since,) = [c for c in totals if c.low == 735]
    assert since.date == "2014-01-01"
    figures = {c.low for c in seed_claims if c.low is not None}
    assert figures == {73, 24, 45, 50, 735}  # not 185 reports, 14 incidents, 2014, three years


def test_run_on_text_is_cut_into_bounded_pieces_with_exact_spans() -> None:
    text = "Gunmen killed 4 guards, " * 200
    pieces = split_sentences(text)
    assert len(pieces) > 1
    for s in pieces:
        assert s.end - s.start <= 1000
        assert text[s.start : s.end] == s.text
