"""Cold-start fast paths agree with the plain paths they spare.

The gazetteer's ASCII keys and name prefixes are looked up in their packed buckets until
enough lookups make building their dict and set pay (`packed.LazyKeys`): a text scan with
them, switching to the dict at any point, must find what the scan with the dict finds.

`casualty.rx.compile` builds a pattern from compiled code kept in the user cache: the
pattern it makes from the file must equal `re.compile`'s, and a damaged file must only cost
a compile.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty import rx, usercache
from casualty.geo.packed import KeyIndex, LazyKeys, _Buckets, _pack_keys

_KEYS = st.dictionaries(
    st.text(st.sampled_from([*"abelnorsz -'", "é"]), min_size=1, max_size=6),
    st.integers(min_value=-5, max_value=50),
    max_size=40,
)
_PROBES = st.lists(st.text(st.sampled_from([*"abelnorsz -'", "é"]), max_size=6), max_size=30)


@settings(max_examples=200, deadline=None)
@given(_KEYS, _PROBES, st.integers(min_value=0, max_value=12))
def test_lazy_keys_answer_as_their_dict_across_the_switch(
    keys: dict[str, int], probes: list[str], budget: int
) -> None:
    lazy = LazyKeys(_Buckets(_pack_keys(keys)), budget)
    for probe in [*probes, *keys]:
        assert len(lazy) == len(keys)
        assert (probe in lazy) == (probe in keys), probe
        assert lazy.get(probe) == keys.get(probe)
    assert lazy.built == (len(probes) + len(keys) > budget)
    assert lazy.as_dict() == keys and set(lazy) == set(keys)


@settings(max_examples=100, deadline=None)
@given(_KEYS, _PROBES)
def test_key_index_probe_is_its_ascii_keys(keys: dict[str, int], probes: list[str]) -> None:
    parts = [{k: v for k, v in keys.items() if k.isascii() is ascii} for ascii in (True, False)]
    index = KeyIndex(*(_Buckets(_pack_keys(part)) for part in parts))
    probe = index.ascii_probe()
    assert isinstance(probe, LazyKeys)
    for key in [*probes, *keys]:
        if key.isascii():
            assert (key in probe) == (key in keys)
    index["x"] = 7  # a write builds the dict, which the probe now is
    assert index.ascii_probe() is index.ascii


_PLACE_PIECES = [
    *("Aleppo", "Deir", "ez-Zor", "Deir ez-Zor", "al-Bab", "Al", "The", "in", "the", "New"),
    *("York", "Homs province", "Gaza Strip", "Mosul's", "Said", "Kharkiv", ",", "killed"),
    *("Badia desert", "Jisr al-Shughur", "Monday", "US", "-", "Rafah", "Kramatorsk", "Idlib"),
    *("North", "Waziristan", "Saint", "Petersburg", "Raqqa", "Syria", "Ukraine", "Ras"),
]


@pytest.fixture(scope="module")
def packed_index() -> dict[str, Any]:
    """The gazetteer index in the cache's form (as a fresh process reads it)."""
    from casualty.geo import cache, gazetteer
    from casualty.geo.packed import pack

    gazetteer()  # builds and writes the cache when there is none
    packed = usercache.read_pickle(cache.cache_path())
    if not isinstance(packed, dict) or packed.get("format") != cache.FORMAT:
        packed = pack(cache.load_index(use_cache=False))
    return packed


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PLACE_PIECES), min_size=1, max_size=14), max_size=4),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_scan_in_place_finds_what_the_dict_scan_finds(
    packed_index: dict[str, Any], texts: list[list[str]], key_budget: int, prefix_budget: int
) -> None:
    """Several texts in turn (the dead-word memo carries over), the dict built mid-way."""
    from casualty.geo.gazetteer import Gazetteer
    from casualty.geo.mentions import _scan
    from casualty.geo.packed import unpack
    from casualty.geo.words import Words

    lazy, plain = Gazetteer(unpack(packed_index)), Gazetteer(unpack(packed_index))
    assert isinstance(lazy._keys, KeyIndex) and isinstance(lazy._prefix_source, LazyKeys)
    lazy._keys._ascii._left = key_budget
    lazy._prefix_source._left = prefix_budget
    assert isinstance(plain._keys, KeyIndex)
    plain._keys.ascii, plain._prefixes  # noqa: B018 - builds both
    for pieces in texts:
        text = " ".join(pieces)
        assert _scan(lazy, text, Words(text)) == _scan(plain, text, Words(text)), text
        assert lazy.find_places(text, ()) == plain.find_places(text, ()), text


# -- compiled patterns from the user cache ------------------------------------------------


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CASUALTY_NO_CACHE", raising=False)
    monkeypatch.setattr(rx, "_STATE", rx._State())
    return tmp_path


def _reload(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write what this "run" made, then start as a new process would."""
    rx.save()
    monkeypatch.setattr(rx, "_STATE", rx._State())


def _no_compile(*args: Any) -> re.Pattern[str]:
    raise AssertionError(f"compiled again: {args}")


_PATTERNS = [
    (r"\b(?:made|makes)\s+no\s+mention\s+of\b", re.IGNORECASE),
    (r"(?P<n>\d+)\s+(?:people|civilians)(?=\W)", 0),
    (r"(?<![\w-])(?:al|el)-(\w+)|[^\w\s]", re.IGNORECASE | re.MULTILINE),
    (r"\W(?=(?:th(?:e(?:[\s\-]*a)?|ree[\s\-]*c)))", 0),
    (r"(?x) a b | (c) \1", 0),
]


def test_patterns_from_the_cache_equal_compiled_ones(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [rx.compile(p, f) for p, f in _PATTERNS]
    assert first == [re.compile(p, f) for p, f in _PATTERNS]
    _reload(monkeypatch)
    assert list(fresh_cache.glob("casualty/regex-*.pickle")) == [rx.cache_path()]
    monkeypatch.setattr(re, "compile", _no_compile)  # every pattern now comes from the file
    again = [rx.compile(p, f) for p, f in _PATTERNS]
    monkeypatch.undo()
    assert again == [re.compile(p, f) for p, f in _PATTERNS]
    for got, (p, f) in zip(again, _PATTERNS, strict=True):
        want = re.compile(p, f)
        assert (got.groups, got.groupindex, got.flags) == (want.groups, want.groupindex, want.flags)
        text = "They made no mention of al-Bab; 12 civilians. the c ABCC c"
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]


_WORDS = st.text(st.sampled_from(string.ascii_lowercase[:6] + " -'"), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=8), st.sampled_from([0, re.IGNORECASE]))
def test_random_alternations_round_trip(words: list[str], flags: int) -> None:
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?P<end>\W|$)"
    with pytest.MonkeyPatch.context() as mp:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            mp.setenv("XDG_CACHE_HOME", tmp)
            mp.delenv("CASUALTY_NO_CACHE", raising=False)
            mp.setattr(rx, "_STATE", rx._State())
            assert rx.compile(pattern, flags) == re.compile(pattern, flags)
            _reload(mp)
            mp.setattr(re, "compile", _no_compile)
            got = rx.compile(pattern, flags)
    want = re.compile(pattern, flags)
    assert got == want
    text = " ".join(words) + " " + " ".join(reversed(words)).upper()
    assert [m.groupdict() for m in got.finditer(text)] == [
        m.groupdict() for m in want.finditer(text)
    ]


def test_a_damaged_file_costs_only_a_compile(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rx.compile(_PATTERNS[0][0], _PATTERNS[0][1])
    _reload(monkeypatch)
    path = rx.cache_path()
    data = bytearray(path.read_bytes())
    data[-40] ^= 0x5A  # inside the payload: its checksum no longer holds
    path.write_bytes(bytes(data))
    assert rx.compile(*_PATTERNS[0]) == re.compile(*_PATTERNS[0])
    path.write_bytes(b"not a pickle")
    monkeypatch.setattr(rx, "_STATE", rx._State())
    assert rx.compile(*_PATTERNS[1]) == re.compile(*_PATTERNS[1])


def test_no_cache_means_no_file(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASUALTY_NO_CACHE", "1")
    assert rx.compile(*_PATTERNS[2]) == re.compile(*_PATTERNS[2])
    rx.save()
    assert not list(fresh_cache.glob("casualty/regex-*"))


def test_the_extractors_cached_patterns_are_the_compiled_ones() -> None:
    """What the registry filters, the outcome lexicon and the omission cues compiled through
    `rx` (from this machine's cache, when it has them) equals `re.compile`'s."""
    from casualty.extract import omissions
    from casualty.extract.lexicon import lexicon
    from casualty.registry.matching import Matcher

    terms = [("the health ministry", False, "a"), ("SANA", True, "b"), ("three c", False, "c")]
    matcher = Matcher(terms, str)
    matcher.find("The health ministry and SANA said three civilians died.")
    matcher.find("İ the army")  # lower-casing moves offsets: the case-free filter
    lex = lexicon()
    patterns = [lex.pattern, lex.prefilter, lex.scanner.low, lex.quick.low]
    patterns += [t._pattern for t in (matcher._ci, matcher._cs) if t._pattern is not None]
    patterns += [t._ignorecase for t in (matcher._ci,) if t._ignorecase is not None]
    assert len(patterns) > 6
    patterns += [v for v in vars(omissions).values() if isinstance(v, re.Pattern)]
    for pattern in patterns:
        assert pattern == re.compile(pattern.pattern, pattern.flags)


def test_every_module_pattern_is_the_compiled_one() -> None:
    """Module-level patterns of extraction, places and registries (through `rx.compile`)."""
    import importlib
    import pkgutil

    import casualty.extract
    import casualty.geo
    import casualty.registry

    seen = 0
    for package in (casualty.extract, casualty.geo, casualty.registry):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            for value in vars(importlib.import_module(info.name)).values():
                if isinstance(value, re.Pattern):
                    assert value == re.compile(value.pattern, value.flags), value
                    seen += 1
    from casualty import dates

    for value in vars(dates).values():
        if isinstance(value, re.Pattern):
            assert value == re.compile(value.pattern, value.flags), value
    assert seen > 250


# -- the built registry from the user cache ------------------------------------------------

_REGISTRY_PIECES = [
    *("the Syrian Observatory for Human Rights", "Syrian Observatory", "the health ministry"),
    *("Health Ministry's", "IS", "is", "ISIS-linked", "Islamic State", "the U.S.-led coalition"),
    *("US-led", "Hamas", "Hamasville", "the army", "Army", "medics", "a war monitor", "SANA"),
    *("said", ".", ",", "three civilians", "a monitoring group", "rescuers", "Houthi", "İ"),
    *("the Kataib Hezbollah", "police", "Wagner", "the UN", "ОДОС", "al-Shabaab", "Taliban"),
]


def _mentions(registry: Any, text: str) -> list[Any]:
    return [
        registry.find_sources(text),
        registry.find_actors(text),
        registry.find_descriptors(text),
    ]


@pytest.fixture(scope="module")
def registries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The built-in registry as read back from the user cache, and one built afresh."""
    from casualty.registry import Registry, _builtin, builtin_registry

    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(cache))
        mp.delenv("CASUALTY_NO_CACHE", raising=False)
        build = builtin_registry.__wrapped__
        written = build()  # builds, then writes the cache
        assert list(cache.glob("casualty/registry_built-*.pickle"))
        read = build()
    assert read is not written
    parsed = _builtin()
    return read, Registry(parsed.sources, parsed.actors, parsed.descriptors)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_REGISTRY_PIECES), max_size=10), max_size=4))
def test_the_cached_registry_finds_what_a_built_one_finds(
    registries: tuple[Any, Any], texts: list[list[str]]
) -> None:
    read, built = registries
    for pieces in texts:
        text = " ".join(pieces)
        assert _mentions(read, text) == _mentions(built, text), text
    for name in ("army", "SANA", "IS", "the health ministry", "Islamic State"):
        assert (read.source(name), read.actor(name)) == (built.source(name), built.actor(name))


def test_the_cached_registry_keeps_its_filters(
    registries: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its scanners' filters come back compiled (through `rx`), equal to building them."""
    read, built = registries
    text = "The health ministry and SANA said three civilians died, a war monitor said."
    assert _mentions(read, text) == _mentions(built, text)
    for kind in ("_sources_matcher", "_actors_matcher", "_descriptors_matcher"):
        for trie in ("_ci", "_cs"):
            got, want = getattr(getattr(read, kind), trie), getattr(getattr(built, kind), trie)
            assert got._pattern == want._pattern is not None
            assert got._after_gap == want._after_gap
    assert _mentions(read, "İ the army. ISIS-linked") == _mentions(built, "İ the army. ISIS-linked")
