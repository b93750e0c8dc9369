"""The fast paths of the place, registry and date scans find exactly what the plain forms
they replace find.

Each test compares the fast form with the straightforward one on invented or random text
(never corpus sentences).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.dates import _PATTERN, _folded_groups, _lowered, _resolve, find_dates

# Date words, their capitals, characters where str.lower and IGNORECASE disagree ("İ", "ı",
# "ſ"), other scripts' digits and spaces, and punctuation.
_DATE_ALPHABET = st.sampled_from(
    [*"adeilmnorstuy ADEILMNORSTUY\n-,.0123", "İ", "ı", "ſ", "\u00a0", "\u2009", "٣", "–"]
)
_DATE_PIECES = st.sampled_from(
    [
        "on Monday",
        "late on FRIDAY",
        "last Thursday",
        "overnight into Sunday",
        "Sept. 28-29",
        "28\u00a0September 2023",
        "between May 3 and June 1",
        "since 2014",
        "ſince the war began",
        "during August",
        "two weeks ago",
        "٣ days ago",
        "last\u2009weekend",
        "so far this year",
        "2024-02-30",
        "İn March",
        "yesterday",
    ]
)
_DATE_TEXT = st.lists(
    st.one_of(_DATE_PIECES, st.text(_DATE_ALPHABET, max_size=6)), max_size=10
).map(" ".join)


def _plain_dates(text: str, published: str) -> list[object]:
    """`find_dates` as the case-insensitive pattern on the text as written, every group
    folded: the form the lower-cased fast path replaces."""
    from datetime import date

    pub = date.fromisoformat(published)
    refs = (_resolve(_folded_groups(m), m.start(), m.end(), pub) for m in _PATTERN.finditer(text))
    return [r for r in refs if r is not None]


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT)
def test_find_dates_lowered_groups_need_no_folding(text: str) -> None:
    assert find_dates(text, "2024-05-12") == _plain_dates(text, "2024-05-12")
    low = _lowered(text)
    if low is not None:
        from casualty.dates import _PATTERN_LOW

        for m in _PATTERN_LOW.finditer(low):
            assert _folded_groups(m) == m.groupdict()


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0), st.text(st.sampled_from([*"abeilnorsz -'", "é", "ş"]), max_size=8))
def test_gazetteer_columns_and_ascii_keys_match_rows_and_index(seed: int, word: str) -> None:
    """`_scan` looks ASCII keys up in the plain dict of `KeyIndex`, and `_resolve` reads the
    kind, country and population columns instead of the assembled row."""
    from casualty.geo import gazetteer

    gaz = gazetteer()
    keys = gaz._keys
    ascii_keys = getattr(keys, "ascii", keys)
    some_key = list(ascii_keys)[seed % len(ascii_keys)]
    for key in (some_key, word, word.strip()):
        assert (key in ascii_keys if key.isascii() else key in keys) == (key in keys)
    i = seed % len(gaz._rows)
    row = gaz._rows[i]
    assert (gaz._country[i], gaz._kind[i], gaz._pop[i]) == (row[1], row[5], row[7])


# Registry terms, their pieces, capitals, possessives, hyphens and characters whose lower
# case depends on the context ("Σ") or moves offsets ("İ").
_REGISTRY_PIECES = st.sampled_from(
    [
        "the Syrian Observatory for Human Rights",
        "Syrian Observatory",
        "the health ministry",
        "Health Ministry's",
        "IS",
        "is",
        "ISIS-linked",
        "Islamic State",
        "the U.S.-led coalition",
        "US-led",
        "Hamas",
        "Hamasville",
        "the army",
        "Army",
        "medics",
        "a war monitor",
        "SANA",
        "said",
        ".",
        ",",
        "ΟΔΟΣ",
        "İ",
    ]
)
_REGISTRY_TEXT = st.lists(
    st.one_of(_REGISTRY_PIECES, st.text(st.sampled_from([*"aeis HIS.-'\n", "’"]), max_size=4)),
    max_size=14,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_REGISTRY_TEXT, st.integers(0, 400), st.integers(0, 400))
def test_registry_mentions_of_a_stretch_come_from_its_article(text: str, a: int, b: int) -> None:
    """A sentence or phrase of the article being read takes the article's mentions: the
    same ones as a scan of it alone, whenever the article's are used."""
    from casualty.registry import builtin_registry
    from casualty.registry.textscan import TextScan

    reg = builtin_registry()
    matchers = (reg._source_finder(), reg._actor_finder(), reg._descriptor_finder())
    article = TextScan(text)
    stretch = text[min(a, b) : max(a, b)]
    for matcher in matchers:
        assert article.find_in(matcher, stretch) is None  # not scanned yet
        assert article.find(matcher) == matcher.find(text)
        found = article.find_in(matcher, stretch)
        if found is not None:
            assert found == matcher.find(stretch)


def test_registry_article_scan_is_used_for_its_sentences() -> None:
    from casualty.registry import builtin_registry

    reg = builtin_registry()
    text = "Hamas said the army shelled the camp. The Syrian Observatory said 12 died."
    reg.article(text)
    reg.find_actors(text)
    sentence = text[38:]
    article = reg._article
    assert article is not None
    assert article.find_in(reg._actor_finder(), sentence) == reg._actor_finder().find(sentence)
    assert reg.find_actors(sentence) == reg._actor_finder().find(sentence)
    assert reg.find_actors("Islamic State") == reg._actor_finder().find("Islamic State")


_TOWNS = [
    "Mosul",
    "Deir ez-Zor",
    "St. Louis",
    "The Hague",
    "Ma'arrat",
    "Kafr-",
    "İdlib",
    "Sus",
    "Kirk",
]
_SECTOR_PIECES = st.sampled_from(
    [
        "outside",
        "OUTSIDE",
        "on the outskirts of",
        "the city",
        "the city's",
        "the town’s",
        "the capital",
        "central",
        "Central",
        "downtown",
        "north-eastern",
        "Western",
        "the eastern part of",
        "the Northern districts of",
        "the southern suburbs of the",
        "of",
        "the",
        *_TOWNS,
        "mosul",
        "MOSUL",
        "Mosuls",
        "Mosul's",
        "Hague",
        "\u212airk",
        "ſus",
        "SUS",
        "Sus’",
    ]
)
_SECTOR_TEXT = st.lists(
    st.one_of(
        _SECTOR_PIECES,
        st.text(
            st.sampled_from([*" .,'’“-aeéMOSULmosul", "\u212a", "ſ", "İ", "\u00a0"]), max_size=3
        ),
    ),
    max_size=10,
).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(_SECTOR_TEXT, st.sampled_from(_TOWNS))
def test_town_parts_with_fixed_patterns_match_the_per_town_patterns(text: str, town: str) -> None:
    """`with_sector` matches fixed patterns and compares the town's name in place instead of
    compiling a pattern per town name."""
    from casualty.extract.place_roles import _outside, _outside_plain, _sector, _sector_plain

    assert _outside(text, town) == _outside_plain(text, town)
    assert _sector(text, town) == _sector_plain(text, town)


def test_publication_day_is_parsed_as_before() -> None:
    from datetime import date

    from casualty.dates import _publication

    assert _publication("2024-05-10") == date(2024, 5, 10)
    assert _publication("2024-02-30") is None
    assert _publication("May 10") is None
    assert find_dates("on Friday", "2024-02-30") == []
    assert [r.date for r in find_dates("on Friday", "2024-05-12")] == ["2024-05-10"]
