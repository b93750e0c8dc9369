"""Fast paths of extraction agree with the plain paths they spare.

`period_cue` skips its long search when the figure's window holds none of the words every
period cue contains (`period_cues._CUE_WORDS`): each kind of cue below must still be found,
and on any text the guarded answer must be the searched one.

The registry scanner only walks its trie from where its filter lets a term start; the filter
reads a term's first token and, where that token alone is no term, the next token's first
character. Walking from every token start instead must find the same mentions.
"""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.extract import period_cues
from casualty.extract.period_cues import period_cue
from casualty.registry import builtin_registry
from casualty.registry.matching import Matcher, fold
from casualty.registry.trie import _NEXT_TOKEN_RE, TokenTrie

# Invented sentences, one per kind of cumulative wording; the figure is "17".
_CUES = [
    ("17 people have been killed since the offensive began", "period"),
    ("17 were killed since 2019 in the province", "period"),
    ("17 have died since Sept. 3 in the camps", "period"),
    ("So far this year 17 reporters died", "period"),
    ("17 staff killed to date", "period"),
    ("17 killed in total", "period"),
    ("the total number of dead reached 17", "period"),
    ("a cumulative tally of 17", "period"),
    ("17 died over the past three weeks", "period"),
    ("17 died during the conflict", "period"),
    ("17 died throughout August", "period"),
    ("17 guards died this month", "period"),
    ("17 guards died last year", "period"),
    ("17 killed in the 40-day siege", "period"),
    ("the 12-day bombardment killed 17", "period"),
    ("the war's 17 dead", "period"),
    ("17 died in the 9-year war", "period"),
    ("the uprising, which has killed 17", "period"),
    ("17 died in just over two years", "period"),
    ("a decades-long revolt killed 17", "period"),
    ("violence has killed 17", "period"),
    ("the fighting has killed 17", "period"),
    ("the hostilities have killed 17", "period"),
    ("the campaign of raids on the town has killed 17", "period"),
    ("17 killed in two days of fighting", "period"),
    ("17 killed over a day of shelling", "period"),
    ("17 died on three consecutive days", "period"),
    ("a spate of bombings killed 17", "period"),
    ("a string of raids killed 17", "period"),
    ("clashes across the north killed 17", "period"),
    ("17 killed across the country", "period"),
    ("an overall toll of 17", "period"),
    ("rebels have fought for two decades; 17 died", "period"),
    ("17 died over the past few days", "period"),
    ("17 died in the last ten days", "period"),
    ("17 died during August", "period"),
    ("in a week of raids 17 died", "period"),
    ("the conflict's 17 dead", "period"),
    ("17 died in the insurgency", "period"),
    ("a wave of bombings killed 17", "period"),
    ("a series of explosions killed 17", "period"),
    ("the group began its insurrection in 2009, killing 17", "war"),
    ("the rebels, who began their rebellion in 2011, killed 17 on Monday", "war"),
    ("the revolt, which erupted in 2012, killed 17 on Monday", "war"),
]


@pytest.mark.parametrize(("text", "expected"), _CUES)
def test_each_kind_of_period_cue_passes_the_word_guard(text: str, expected: str) -> None:
    position = text.index("17")
    window = (max(0, position - 120), position + 120)
    assert period_cues._scan(text, *window) == expected  # the plain search finds it
    assert period_cue(text, position) == expected  # and the guard lets it through


def _spellings(op: Any, av: Any) -> list[str] | None:
    """The strings a parsed regex item of literals only can match (a literal, or a group or
    an alternation of literals only), else None."""
    if op is _parser.LITERAL:
        return [chr(av)]
    if op is _parser.SUBPATTERN:
        return _sequence_spellings(av[3].data)
    if op is _parser.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            found = _sequence_spellings(branch.data)
            if found is None:
                return None
            out.extend(found)
        return out
    return None


def _sequence_spellings(items: Any) -> list[str] | None:
    out = [""]
    for op, av in items:
        found = _spellings(op, av)
        if found is None or len(out) * len(found) > 256:
            return None
        out = [a + b for a in out for b in found]
    return out


def _holds_a_word(items: Any, words: tuple[str, ...]) -> bool:
    """Whether every match of the parsed regex `items` holds one of `words` (lower-cased): a
    run of literals does in each of its spellings, or a group, a repeat of at least one, or
    each branch of an alternation does. Cautious: a class or an optional part holds none."""
    runs = [""]

    def run_holds() -> bool:
        held = runs != [""] and all(any(w in r.lower() for w in words) for r in runs)
        runs[:] = [""]
        return held

    for op, av in items:
        found = _spellings(op, av)
        if found is not None and len(runs) * len(found) <= 256:
            runs[:] = [a + b for a in runs for b in found]
            continue
        if run_holds():
            return True
        if op is _parser.SUBPATTERN and _holds_a_word(av[3].data, words):
            return True
        if op is _parser.BRANCH and all(_holds_a_word(b.data, words) for b in av[1]):
            return True
        repeat = op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT)
        if repeat and av[0] >= 1 and _holds_a_word(av[2].data, words):
            return True
    return run_holds()


def test_every_period_cue_alternative_holds_a_guard_word() -> None:
    # New cue wording ("for two decades") must come with a guard word, else the guard would
    # skip it wherever the figure's window has no other cue.
    parsed = _parser.parse(period_cues.PERIOD_CUE.ci.pattern).data
    assert len(parsed) == 1 and parsed[0][0] is _parser.BRANCH
    alternatives = parsed[0][1][1]
    assert len(alternatives) > 20
    words = period_cues._CUE_WORDS
    uncovered = [a for a in alternatives if not _holds_a_word(a.data, (*words, "day"))]
    hint = "a PERIOD_CUE alternative holds none of period_cues._CUE_WORDS: add a word it needs"
    assert not uncovered, f"{hint}: {uncovered}"
    # "day" alone only for the "N days of" aggregate, which `_DAYS_OF` lets through.
    assert sum(not _holds_a_word(a.data, words) for a in alternatives) <= 1


def test_a_window_without_cue_words_is_none_without_the_search() -> None:
    # The guard, not the search, answers: a search that would fail the test is never run.
    text = "Gunmen killed 17 villagers near the market on Monday, police said."
    original = period_cues._scan
    try:
        period_cues._scan = lambda *_: "period"  # type: ignore[assignment]
        assert period_cue(text, text.index("17")) is None
    finally:
        period_cues._scan = original


_WORDS = [
    *("since", "so", "far", "this", "to", "date", "in", "total", "the", "past", "last"),
    *("during", "throughout", "over", "for", "year", "years", "months", "month", "week"),
    *("days", "day", "of", "war", "war's", "conflict", "insurgency", "uprising", "which"),
    *("has", "have", "killed", "claimed", "left", "decades-long", "campaign", "a", "two"),
    *("consecutive", "wave", "series", "spate", "string", "attacks", "strikes", "across"),
    *("country", "began", "started", "its", "their", "rebellion", "revolt", "erupted"),
    *("that", ",", "9-year", "30-day", "siege", "bombardment", "violence", "2014", "August"),
    *("deadliest", "late", "early", "mid-", "Since", "TOTAL", "Days", "ſince", "17", "İ"),
    *("gunmen", "police", "said", "Monday", "on", "people", "were", "latest", "an"),
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map(" ".join),
    st.integers(min_value=0, max_value=400),
)
def test_the_guarded_cue_is_the_searched_cue(text: str, position: int) -> None:
    window = (max(0, position - 120), position + 120)
    assert period_cue(text, position) == period_cues._scan(text, *window)


def _walk_everywhere(trie: TokenTrie[object], subject: str) -> list[tuple[int, int, object]]:
    """`TokenTrie.scan` without its filter: a walk from every place a token may start (a
    word's first character, any other character but a separator), leftmost-longest."""
    out: list[tuple[int, int, object]] = []
    end = 0
    for start, char in enumerate(subject):
        if start < end or char.isspace() or char == "-":
            continue
        if (char.isalnum() or char == "_") and start > 0:
            before = subject[start - 1]
            if before.isalnum() or before == "_":
                continue  # inside a word
        token = _NEXT_TOKEN_RE.match(subject, start)
        if token is None:
            continue
        node, pos = trie.root.children.get(token.group(1)), token.end()
        best = None
        while node is not None:
            if node.value is not None:
                best = (pos, node.value)
            nxt = _NEXT_TOKEN_RE.match(subject, pos)
            if not node.children or nxt is None:
                break
            node, pos = node.children.get(nxt.group(1)), nxt.end()
        if best is not None:
            out.append((start, best[0], best[1]))
            end = best[0]
    return out


def _matchers() -> list[Matcher[object]]:
    reg = builtin_registry()
    return [reg._source_finder(), reg._actor_finder(), reg._descriptor_finder()]  # type: ignore[list-item]


_TERMS = [
    *("the army", "Three civilians", "three", "security sources", "security", "a police"),
    *("official", "local officials", "Health Ministry", "the health ministry said", "IS"),
    *("is", "Islamic State", "state", "group", "the group", "al-Shabaab", "Shabaab", "UN"),
    *("U.N.", "Syrian Observatory for Human Rights", "human", "rights", "SANA", "village"),
    *("the village head", "government forces", "Government", "forces", "militants", "-"),
    *(",", ".", "(", ")", "'s", "gunmen", "killed", "12", "in", "near", "RSF", "Rapid"),
    *("Support Forces", "medics", "witnesses", "residents", "the", "a", "an", "AP", "AFP"),
]


@pytest.mark.parametrize("which", [0, 1, 2])
@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TERMS), max_size=30).map(" ".join))
def test_the_scan_filter_lets_every_term_start(which: int, text: str) -> None:
    matcher = _matchers()[which]
    folded = fold(text)
    for trie, subject in ((matcher._ci, folded.lower()), (matcher._cs, folded)):
        assert list(trie.scan(subject)) == _walk_everywhere(trie, subject)


def test_the_scan_filter_reads_the_second_token_of_a_lone_first_one() -> None:
    # "three" opens terms ("three civilians") only with a next token: the filter also reads
    # that token's first character, so that not every "three" of a text is walked in vain.
    for matcher in _matchers():
        trie = matcher._ci
        first, node = next(
            (first, node)
            for first, node in trie.root.children.items()
            if node.value is None and 0 < len(node.children) <= 4 and first.isalpha()
        )
        second = next(iter(node.children))
        wrong = next(c for c in "zqxjkvwy" if c not in {s[0] for s in node.children})
        pattern = trie._compile(0)
        assert pattern.search(f" {first} {second}") is not None
        assert pattern.search(f" {first} {wrong}{wrong}") is None
