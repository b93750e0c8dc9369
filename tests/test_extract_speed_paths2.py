"""The place scan's facts kept across texts (`casualty.geo.facts`) agree with reading the
gazetteer afresh: what a warm memo gives is what an empty one gives, and a gazetteer that
gains places (`add_places`) is not read through stale facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.geo import Gazetteer, gazetteer, normalize_place
from casualty.geo import facts as geo_facts
from casualty.geo.facts import NameFacts, name_facts
from casualty.geo.mentions import find_places
from casualty.geo.scope import SINGLE_WORD_FOREIGN_POPULATION, SINGLE_WORD_POPULATION, WELL_KNOWN

# Invented sentences: places, people and bodies that start no place name, sentence openers.
_TEXTS = [
    "Shelling in Aleppo and Homs killed 12 people, the Syrian Observatory said on Monday.",
    "Police Chief Mark Doe said gunmen attacked a checkpoint near Mosul late on Friday.",
    "In Kharkiv, officials said a drone hit a school; Kyiv said Russia fired 30 missiles.",
    "The governor of Borno State said Boko Haram fighters raided Damboa overnight.",
    "Residents of Deir ez-Zor and al-Bab told reporters that Harry Smith had left for Paris.",
    "Jane Roe, a spokesperson, said nobody was hurt in Rafah or Khan Younis.",
]
_PIECES = [
    *("Aleppo", "Homs", "Mosul", "Kharkiv", "Paris", "Damboa", "Borno State", "Rafah"),
    *("Police", "Chief", "Mark", "Doe", "Jane", "Roe", "The", "In", "Said", "Harry"),
    *("in", "near", "the", "of", "said", ",", ".", "killed", "Deir ez-Zor", "al-Bab"),
    *("Gaza Strip", "Syria", "Syrian", "Monday", "US", "New York", "Georgia", "Victoria"),
]


def _cold(gaz: Gazetteer, text: str, countries: tuple[str, ...] = ()) -> object:
    """`find_places` with the gazetteer's facts forgotten first: every name read afresh."""
    geo_facts._FACTS.pop(gaz, None)
    return find_places(gaz, text, countries)


@pytest.mark.parametrize("countries", [(), ("SY",), ("UA", "RU"), ("NG",)])
def test_places_with_warm_facts_equal_places_read_afresh(countries: tuple[str, ...]) -> None:
    gaz = gazetteer()
    cold = [_cold(gaz, text, countries) for text in _TEXTS]
    for _ in range(2):  # the second round reads every name through the facts of the first
        assert [find_places(gaz, text, countries) for text in _TEXTS] == cold
    assert name_facts(gaz).dead  # people and openers were noted as starting no name
    assert "Aleppo" not in name_facts(gaz).dead


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join), max_size=4))
def test_a_text_scanned_after_others_finds_what_it_finds_alone(texts: list[str]) -> None:
    gaz = gazetteer()
    alone = [_cold(gaz, text) for text in texts]
    geo_facts._FACTS.pop(gaz, None)
    warm = [find_places(gaz, text, ()) for text in [*texts, *texts]]
    assert warm == alone + alone


def test_row_facts_and_countries_said_read_the_gazetteer_columns() -> None:
    gaz = gazetteer()
    facts = NameFacts()
    for name in ("Aleppo", "Georgia", "Victoria", "Mosul", "Syria", "Paris", "Deir ez-Zor"):
        key = normalize_place(name)
        found = gaz._found(key)
        assert found, key
        for i in found:
            assert facts.row(gaz, i) == (gaz._country[i], gaz._kind[i], gaz._pop[i])
        # the loop `says_countries` replaced, once per mention
        country, kind, pop = gaz._country, gaz._kind, gaz._pop
        plain = [country[i] for i in found if kind[i] == "country"]
        top = found[0]
        if (
            pop[top] >= (SINGLE_WORD_FOREIGN_POPULATION if " " in key else WELL_KNOWN)
            and kind[top] == "city"
            and all(country[i] == country[top] or pop[i] < SINGLE_WORD_POPULATION for i in found)
        ):
            plain.append(country[top])
        from casualty.geo.scope import says_countries

        assert says_countries(gaz, facts, found, " " in key) == tuple(plain)


def test_a_word_that_started_no_name_is_read_again_once_the_gazetteer_has_it(
    tmp_path: Path,
) -> None:
    from casualty.geo.cache import load_index

    local = Gazetteer.__new__(Gazetteer)
    Gazetteer.__init__(local, load_index())
    text = "Fighting spread across Quorvath on Monday, the army said."
    assert find_places(local, text, ("SY",)) == []
    assert "Quorvath" in name_facts(local).dead
    path = tmp_path / "extra.toml"
    path.write_text(
        '[[region]]\nname = "Quorvath"\ncountry = "SY"\nlat = 35.0\nlon = 38.0\nradius_km = 40\n',
        encoding="utf-8",
    )
    local.add_places(path)
    found = find_places(local, text, ("SY",))
    assert [(text[s:e], p.kind, p.country) for s, e, p in found] == [("Quorvath", "region", "SY")]
    assert "Quorvath" not in name_facts(local).dead


def test_facts_stay_bounded() -> None:
    facts = NameFacts()
    keys = {f"k{i}": i for i in range(3)}
    dead = facts.dead_words(keys, set())
    dead.update(f"W{i}" for i in range(geo_facts.MAX_ENTRIES))
    assert facts.dead_words(keys, set()) == set()  # full: emptied
    assert facts.dead_words(object(), set()) == set()  # keys whose growth cannot be seen
