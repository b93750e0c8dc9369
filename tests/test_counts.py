"""Count expressions: SPEC §4 bounds, non-casualty numbers, and invariants on any text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.extract.counts import Count, find_counts, is_non_casualty_number, parse_number

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def only(text: str, singular: bool = False) -> Count:
    counts = find_counts(text, singular=singular)
    assert len(counts) == 1, counts
    return counts[0]


# --- SPEC §4 table, row by row --------------------------------------------------------------

SPEC_ROWS = [
    # written, low, high, qualifier, modifier
    ("The raid killed 73 people.", 73, 73, "73", "exact"),
    ("The raid killed seventy-three people.", 73, 73, "seventy-three", "exact"),
    ("قتل ٧٣ شخصا", 73, 73, "٧٣", "exact"),
    ("Officials counted 1,200 dead.", 1200, 1200, "1,200", "exact"),
    ("At least 73 soldiers died.", 73, None, "At least 73", "at_least"),
    ("no fewer than 73 soldiers died", 73, None, "no fewer than 73", "at_least"),
    ("more than 73 soldiers died", 74, None, "more than 73", "more_than"),
    ("over 73 soldiers died", 74, None, "over 73", "more_than"),
    ("up to 73 soldiers died", None, 73, "up to 73", "up_to"),
    ("as many as 73 soldiers died", None, 73, "as many as 73", "up_to"),
    ("no more than 73 soldiers died", None, 73, "no more than 73", "up_to"),
    ("about 73 soldiers died", 73, 73, "about 73", "about"),
    ("around 73 soldiers died", 73, 73, "around 73", "about"),
    ("some 73 soldiers died", 73, 73, "some 73", "about"),
    ("nearly 73 soldiers died", 73, 73, "nearly 73", "nearly"),
    ("roughly 73 soldiers died", 73, 73, "roughly 73", "about"),
    ("approximately 73 soldiers died", 73, 73, "approximately 73", "about"),
    ("almost 73 soldiers died", 73, 73, "almost 73", "nearly"),
    ("close to 73 soldiers died", 73, 73, "close to 73", "nearly"),
    ("between 60 and 73 soldiers died", 60, 73, "between 60 and 73", "range"),
    ("60 to 73 soldiers died", 60, 73, "60 to 73", "range"),
    ("60-73 soldiers died", 60, 73, "60-73", "range"),
    ("a dozen soldiers died", 12, 12, "a dozen", "exact"),
    ("dozens of soldiers died", 24, 99, "dozens", "vague"),
    ("tens of soldiers died", 20, 99, "tens", "vague"),
    ("scores of soldiers died", 40, 199, "scores", "vague"),
    ("hundreds of soldiers died", 200, 999, "hundreds", "vague"),
    ("thousands of soldiers died", 2000, 9999, "thousands", "vague"),
    ("several soldiers died", 3, 9, "several", "vague"),
    ("a few soldiers died", 2, 5, "a few", "vague"),
    ("the rebels suffered heavy losses", None, None, "heavy losses", "qualitative"),
    ("many soldiers died", None, None, "many", "qualitative"),
    ("the shelling caused casualties", None, None, "casualties", "qualitative"),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier", "modifier"), SPEC_ROWS)
def test_spec_table(
    text: str, low: int | None, high: int | None, qualifier: str, modifier: str
) -> None:
    c = only(text)
    assert (c.low, c.high, c.qualifier, c.modifier) == (low, high, qualifier, modifier)


# --- choices beyond the table ---------------------------------------------------------------

MORE_ROWS = [
    ("less than 10 civilians", None, 9, "less than 10", "less_than"),
    ("fewer than 10 civilians", None, 9, "fewer than 10", "less_than"),
    ("under 10 civilians", None, 9, "under 10", "less_than"),
    ("more than a dozen guards", 13, None, "more than a dozen", "more_than"),
    ("at least a dozen guards", 12, None, "at least a dozen", "at_least"),
    ("several dozen guards", 36, 119, "several dozen", "vague"),
    ("a few dozen guards", 24, 71, "a few dozen", "vague"),
    ("several hundred guards", 300, 999, "several hundred", "vague"),
    ("tens of thousands of residents", 20000, 99999, "tens of thousands", "vague"),
    ("hundreds of thousands of residents", 200000, 999999, "hundreds of thousands", "vague"),
    ("at least dozens of guards", 24, None, "at least dozens", "at_least"),
    ("up to hundreds of guards", None, 999, "up to hundreds", "up_to"),
    ("more than dozens of guards", 25, None, "more than dozens", "more_than"),
    ("a number of guards", None, None, "a number of", "qualitative"),
    ("a large number of guards", None, None, "a large number of", "qualitative"),
    ("numerous guards", None, None, "numerous", "qualitative"),
    ("multiple guards", None, None, "multiple", "qualitative"),
    ("heavy casualties were reported", None, None, "heavy casualties", "qualitative"),
    ("over 1,000 guards", 1001, None, "over 1,000", "more_than"),
    ("more than 2 million refugees", 2000001, None, "more than 2 million", "more_than"),
    ("1.5 million refugees", 1500000, 1500000, "1.5 million", "exact"),
    ("3m refugees", 3000000, 3000000, "3m", "exact"),
    ("two dozen guards", 24, 24, "two dozen", "exact"),
    ("half a dozen guards", 6, 6, "half a dozen", "exact"),
    ("a half-dozen guards", 6, 6, "a half-dozen", "exact"),
    ("over a hundred guards", 101, None, "over a hundred", "more_than"),
    ("a dozen or so guards", 12, 12, "a dozen or so", "about"),
    ("one or two guards", 1, 2, "one or two", "range"),
    ("between five and 10 guards", 5, 10, "between five and 10", "range"),
    ("At least one guard", 1, None, "At least one", "at_least"),
    ("there were no immediate casualties", 0, 0, "no immediate casualties", "denial"),
    ("two hundred guards", 200, 200, "two hundred", "exact"),
    ("one hundred and five guards", 105, 105, "one hundred and five", "exact"),
    ("Twenty-one guards", 21, 21, "Twenty-one", "exact"),
    ("a handful of guards", 2, 5, "a handful of", "vague"),
    ("a couple of guards", 2, 3, "a couple of", "vague"),
    ("both guards died", 2, 2, "both", "exact"),
    ("no one was hurt", 0, 0, "no one", "denial"),
    ("No-one was hurt", 0, 0, "No-one", "denial"),
    ("nobody was hurt", 0, 0, "nobody", "denial"),
    ("none of the guards was hurt", 0, 0, "none", "denial"),
    ("there were no casualties", 0, 0, "no casualties", "denial"),
    ("two or three guards", 2, 3, "two or three", "range"),
    ("between 20-25 guards", 20, 25, "between 20-25", "range"),
    ("40 or more guards", 40, None, "40 or more", "at_least"),
    ("40-odd guards", 40, 40, "40-odd", "about"),
    ("40 or so guards", 40, 40, "40 or so", "about"),
    ("an estimated 400 guards", 400, 400, "an estimated 400", "about"),
    ("Upwards of 400 guards", 401, None, "Upwards of 400", "more_than"),
    ("a score of guards", 20, 20, "a score of", "exact"),
    ("the toll went up to 32", 32, 32, "32", "exact"),
    ('estimates of up to "150,000" casualties', None, 150000, 'up to "150,000"', "up_to"),
    ("۱۲ نفر", 12, 12, "۱۲", "exact"),
    ("١٬٢٠٠ قتيل", 1200, 1200, "١٬٢٠٠", "exact"),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier", "modifier"), MORE_ROWS)
def test_more_expressions(
    text: str, low: int | None, high: int | None, qualifier: str, modifier: str
) -> None:
    c = only(text)
    assert (c.low, c.high, c.qualifier, c.modifier) == (low, high, qualifier, modifier)


def test_several_counts_in_order_with_heads() -> None:
    text = "Rockets killed at least 12 villagers and wounded dozens of others near the market."
    got = [(c.qualifier, text[c.head_start :].split()[0]) for c in find_counts(text)]
    assert got == [("at least 12", "villagers"), ("dozens", "others")]


def test_from_to_is_a_change_not_a_range() -> None:
    counts = find_counts("The toll rose from 12 to 30 overnight.")
    assert [(c.low, c.high, c.modifier) for c in counts] == [(12, 12, "exact"), (30, 30, "exact")]


def test_descending_pair_is_not_a_range() -> None:
    assert [(c.low, c.high) for c in find_counts("a 3-1 win")] == [(3, 3), (1, 1)]


def test_bare_noun_after_a_count_is_its_head() -> None:
    text = "The blast caused 20 casualties."
    (c,) = find_counts(text)
    assert (c.qualifier, text[c.head_start : c.head_start + 10]) == ("20", "casualties")


def test_singular_article_only_when_asked() -> None:
    text = "A Syrian soldier was killed by a sniper."
    assert find_counts(text) == []
    c = only(text, singular=True)
    assert (c.low, c.high, c.qualifier, text[c.head_start :].split()[0]) == (1, 1, "A", "Syrian")


@pytest.mark.parametrize(
    "text",
    [
        "the 3rd battalion",
        "at 10:30",
        "on 28/9",
        "flight MH17",
        "a T-72 tank",
        "1.25 people",  # a decimal (a dot before three digits groups thousands: f956957)
        "12345678901 people",
        "10pm",
        "5km away",
    ],
)
def test_not_count_expressions(text: str) -> None:
    assert find_counts(text) == []


# --- numbers alone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,200", 1200),
        ("1200", 1200),
        ("٧٣", 73),
        ("۷۳", 73),
        ("seventy-three", 73),
        ("Seventy three", 73),
        ("a dozen", 12),
        ("two hundred", 200),
        ("twelve hundred", 1200),
        ("1.5 million", 1500000),
        ("3m", 3000000),
        ("2bn", 2000000000),
        ("zero", 0),
        ("1.200", 1200),  # "25.000 fighters": a dot before three digits groups thousands
        ("1.25", None),
        ("1,20", None),
        ("12,0000", None),
        ("1234567890", None),
        ("seventy seventy", None),
        ("soldiers", None),
        ("", None),
        ("3rd", None),
    ],
)
def test_parse_number(token: str, value: int | None) -> None:
    assert parse_number(token) == value


# --- non-casualty numbers -------------------------------------------------------------------

NON_CASUALTY = [
    # text, qualifier of the count to judge, expected
    ("Since 2014 the group has lost ground.", "2014", True),
    ("In 1999, 12 people were killed.", "1999", True),
    ("the 2003 invasion", "2003", True),
    ("fighting in 2015-2016 killed many", "2015-2016", True),
    ("2000 soldiers died", "2000", False),
    ("a boy aged 12 was hurt", "12", True),
    ("a 12-year-old girl died", "12", True),
    ("the victims were 12 years old", "12", True),
    ("the siege lasted nearly three years", "nearly three", True),
    ("for 10 days the town was shelled", "10", True),
    ("within 12 hours of the raid", "12", True),
    ("the attack began at 10 pm", "10", True),
    ("at 10 a.m. local time", "10", True),
    ("at 0300 GMT", "0300", True),
    ("on Sept 28 the army advanced", "28", True),
    ("on 28 September the army advanced", "28", True),
    ("prices rose 40 percent", "40", True),
    ("prices rose 40 per cent", "40", True),
    ("a reward of $5 million", "5 million", True),
    ("aid worth 20 million dollars", "20 million", True),
    ("a town with a population of 40,000", "40,000", True),
    ("contracts worth 300 were signed", "300", True),
    ("Brigade 93 was hit", "93", True),
    ("the 93 Brigade was hit", "93", True),
    ("under Resolution 2254", "2254", True),
    ("call +44 20 7946 0000 now", "44", True),
    ("Day 314 of the war", "314", True),
    ("the day 12 soldiers died", "12", False),
    ("five reports of shelling", "five", True),
    ("three incidents were recorded", "three", True),
    ("12 attacks on the city", "12", True),
    ("20 air strikes hit the area", "20", True),
    ("seven raids overnight", "seven", True),
    ("militants stormed 4 villages", "4", True),
    ("they destroyed 14 armoured vehicles", "14", True),
    ("they destroyed 3 tanks", "3", True),
    ("it shot down 40 drones", "40", True),
    ("they fired 60 rockets", "60", True),
    ("10 buildings collapsed", "10", True),
    ("around 20 homes were flattened", "around 20", True),
    ("it lies 100 km north", "100", True),
    ("it lies 60 miles north", "60", True),
    ("two checkpoints were overrun", "two", True),
    ("a dozen rifles were seized", "a dozen", True),
    ("a 5,000-strong force attacked", "5,000", True),
    ("two-thirds of the victims were women", "two", True),
    # casualty figures stay candidates
    ("73 Syrian soldiers were killed", "73", False),
    ("at least 12 killed in 3 raids", "at least 12", False),
    ("dozens of others were hurt", "dozens", False),
    ("the attack left 5 dead", "5", False),
    ("heavy losses", "heavy losses", False),
    ("no one was hurt", "no one", False),
    ("more than 1,000 people", "more than 1,000", False),
]


@pytest.mark.parametrize(("text", "qualifier", "expected"), NON_CASUALTY)
def test_non_casualty_numbers(text: str, qualifier: str, expected: bool) -> None:
    (c,) = [c for c in find_counts(text) if c.qualifier == qualifier]
    assert is_non_casualty_number(text, c) is expected
    # A Count built elsewhere (no tokens kept from reading) gets the same verdict.
    assert is_non_casualty_number(text, dataclasses.replace(c, window=None)) is expected


# --- invariants and hostile input -----------------------------------------------------------

WORDS = st.sampled_from(
    [
        "at",
        "least",
        "more",
        "than",
        "up",
        "to",
        "a",
        "dozen",
        "dozens",
        "of",
        "seventy",
        "-",
        "three",
        "hundred",
        "and",
        "between",
        "1,200",
        "73",
        "٧٣",
        "1.5",
        "million",
        "3m",
        "or",
        "so",
        "no",
        "one",
        "heavy",
        "losses",
        "casualties",
        "soldiers",
        "killed",
        ",",
        ".",
        "–",
        "tens",
        "thousands",
        "several",
        "few",
        "many",
        "as",
        "“",
        "”",
        "+",
        "12:30",
        "İ",
        "aged",
    ]
)


def _check_invariants(text: str) -> None:
    counts = find_counts(text, singular=True)
    previous_end = 0
    for c in counts:
        assert 0 <= c.start < c.end <= len(text)
        assert c.start >= previous_end
        assert text[c.start : c.end] == c.qualifier
        assert c.start <= c.head_start <= len(text)  # inside for "heavy losses"
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        assert isinstance(is_non_casualty_number(text, c), bool)
        previous_end = c.end


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_invariants_on_count_like_text(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_invariants_on_any_text(text: str) -> None:
    _check_invariants(text)


@pytest.mark.parametrize(
    "text",
    [
        "7" * 200_000,
        "killed at least " * 20_000,
        "," * 100_000,
        "1," * 100_000,
        "seventy-" * 20_000,
        "at least 5 " * 20_000,
    ],
)
def test_hostile_text(text: str) -> None:
    # Speed on such text is measured by benchmarks/counts_speed.py; here: it ends, and right.
    counts = find_counts(text)
    assert all(text[c.start : c.end] == c.qualifier for c in counts)
    if text.startswith("at least"):
        assert len(counts) == 20_000


# --- what the labelled corpus needs ---------------------------------------------------------


def test_corpus_gold_figures_are_found() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared corpus not present")
    found = total = 0
    for gold_file in sorted(SHARED.glob("corpus/*/gold.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        for claim in gold["claims"]:
            accept = {tuple(a) for a in claim.get("accept") or []}
            word = (claim.get("qualitative") or "").lower()
            if claim.get("optional") or not (accept or word):
                continue
            total += 1
            quote = claim["quote"]
            found += any(
                ((c.low, c.high) in accept or (word and word in c.qualifier.lower()))
                and not is_non_casualty_number(quote, c)
                for c in find_counts(quote)
            )
    assert total > 100
    assert found / total >= 0.97


def test_offsets_survive_characters_whose_lowercase_is_longer() -> None:
    text = "İzmir: AT LEAST 12 people died. İİ MORE THAN 5 were hurt."
    got = [(c.qualifier, c.low, c.high) for c in find_counts(text)]
    assert got == [("AT LEAST 12", 12, None), ("MORE THAN 5", 6, None)]


@pytest.mark.parametrize("mark", ["²", "³", "①"])
def test_digit_like_marks_are_no_numbers(mark: str) -> None:
    """A superscript or circled digit is a word character, not a number: "12 to ²" used to
    raise ValueError, which stopped the whole extraction."""
    got = [(c.qualifier, c.low, c.high) for c in find_counts(f"At least 12 to {mark} people died.")]
    assert got == [("At least 12", 12, None)]
    assert [c.low for c in find_counts("At least 12 to ٣ people died.")] == [12, 3]
