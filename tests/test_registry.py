from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.errors import InputError
from casualty.model import SOURCE_TYPES, VICTIM_CATEGORIES
from casualty.registry import (
    Actor,
    Registry,
    Source,
    builtin_registry,
    load_registry,
    lookup_key,
    sources_rows,
)


@pytest.fixture(scope="module")
def reg() -> Registry:
    return builtin_registry()


# --- the built-in data ----------------------------------------------------------------------


def test_at_least_150_sources_and_80_actors(reg: Registry) -> None:
    assert len(reg.sources) >= 150
    assert len(reg.actors) >= 80
    assert len(reg.descriptors) >= 20


def test_every_source_type_and_category_is_valid(reg: Registry) -> None:
    assert {s.source_type for s in reg.sources} <= set(SOURCE_TYPES)
    assert {d.source_type for d in reg.descriptors} <= set(SOURCE_TYPES)
    assert {a.category for a in reg.actors} <= set(VICTIM_CATEGORIES)


def test_every_source_type_is_represented(reg: Registry) -> None:
    assert {s.source_type for s in reg.sources} == set(SOURCE_TYPES)


def test_no_term_maps_to_two_canonical_names(reg: Registry) -> None:
    assert reg.alias_conflicts() == []


def test_canonical_names_are_unique(reg: Registry) -> None:
    for entries in (reg.sources, reg.actors):
        keys = [lookup_key(e.name) for e in entries]
        assert len(keys) == len(set(keys))


def test_sides_name_known_actors(reg: Registry) -> None:
    actors = {a.name for a in reg.actors}
    assert {s.side for s in reg.sources if s.side} <= actors
    assert {a.side for a in reg.actors if a.side} <= actors


def test_countries_are_iso2(reg: Registry) -> None:
    for entry in (*reg.sources, *reg.actors):
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())


def test_every_name_and_alias_finds_its_own_entry(reg: Registry) -> None:
    for source in reg.sources:
        for term in (source.name, *source.aliases, *source.acronyms):
            assert reg.source(term) == source, term
    for actor in reg.actors:
        for term in (actor.name, *actor.aliases, *actor.acronyms):
            assert reg.actor(term) == actor, term


def test_every_term_is_found_in_running_text_as_itself(reg: Registry) -> None:
    """No alias is shadowed by another entry's longer or overlapping alias."""
    lead = "On Monday "
    for finder, entries in (
        (reg.find_sources, reg.sources),
        (reg.find_actors, reg.actors),
    ):
        for entry in entries:
            for term in (entry.name, *entry.aliases, *entry.acronyms):
                found = finder(f"{lead}{term} said twelve died.")
                spans = [(a, b, e.name) for a, b, e in found]
                assert (len(lead), len(lead) + len(term), entry.name) in spans, term
    for descriptor in reg.descriptors:
        found = reg.find_descriptors(f"{lead}{descriptor.text} said twelve died.")
        assert [(a, e.text) for a, _, e in found] == [(len(lead), descriptor.text)]


# --- lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("the Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
        ("syrian observatory for human rights", "Syrian Observatory for Human Rights"),
        ("the Britain-based monitoring group", "Syrian Observatory for Human Rights"),
        ("UK based war monitor", "Syrian Observatory for Human Rights"),
        ("Syrian Arab News Agency", "SANA"),
        ("Amaq News Agency", "Amaq"),
        ("CJTF-OIR", "US-led coalition"),
        ("U.S.-led coalition", "US-led coalition"),
        ("Russia’s Defence Ministry", "Russian Defence Ministry"),
        ("the Hamas-run health ministry", "Gaza Health Ministry"),
        ("Huthi rebels", "Houthis"),
        ("ISPR", "Pakistani military"),
        ("Unicef", "UNICEF"),
        ("the White Helmets", "Syria Civil Defence"),
    ],
)
def test_source_lookup(reg: Registry, written: str, expected: str) -> None:
    found = reg.source(written)
    assert found is not None
    assert found.name == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ISIS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("Da’esh", "Islamic State"),
        ("regime troops", "Syrian government forces"),
        ("the regime's", "Syrian government forces"),
        ("Hayat Tahrir al Sham", "Hayat Tahrir al-Sham"),
        ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("Ansar Allah", "Houthis"),
        ("Tatmadaw", "Myanmar military"),
        ("Wagner mercenaries", "Wagner Group"),
        ("al-Shabab", "al-Shabaab"),
        ("U.S.", "US forces"),
    ],
)
def test_actor_lookup(reg: Registry, written: str, expected: str) -> None:
    found = reg.actor(written)
    assert found is not None
    assert found.name == expected


@pytest.mark.parametrize("written", ["is", "Is", "isis", "the", "", "  ", "nobody in particular"])
def test_actor_lookup_misses(reg: Registry, written: str) -> None:
    assert reg.actor(written) is None


@pytest.mark.parametrize("written", ["un", "Un", "sohr", "afp", "the", "", "nobody in particular"])
def test_source_lookup_misses(reg: Registry, written: str) -> None:
    assert reg.source(written) is None


def test_canonical_names_are_looked_up_without_case(reg: Registry) -> None:
    # names come from claim files, written in any case; acronyms elsewhere keep their case
    assert reg.source("sana") == reg.source("SANA")
    assert reg.source("sana") is not None
    assert reg.actor("iswap") == reg.actor("ISWAP")


def test_source_type_of(reg: Registry) -> None:
    assert reg.source_type_of("SOHR") == "monitor"
    assert reg.source_type_of("TASS") == "state_media"
    assert reg.source_type_of("Amaq") == "belligerent"
    assert reg.source_type_of("OHCHR") == "international"
    assert reg.source_type_of("medics") == "medical"
    assert reg.source_type_of("local officials") == "official"
    assert reg.source_type_of("local media") == "media"
    assert reg.source_type_of("the war monitor") == "monitor"
    assert reg.source_type_of("Some Unheard-of Group") == "unknown"


def test_actor_fields(reg: Registry) -> None:
    wagner = reg.actor("Wagner Group")
    assert wagner is not None and wagner.side == "Russian forces"
    soldiers = reg.actor("troops")
    assert soldiers is not None and soldiers.generic and soldiers.category == "combatants"
    people = reg.actor("people")
    assert people is not None and people.category == "unspecified"
    children = reg.actor("children")
    assert children is not None and children.category == "civilians"
    amaq = reg.source("Amaq")
    assert amaq is not None and amaq.side == "Islamic State"


# --- scanning text ----------------------------------------------------------------------------


def _names(found: list[tuple[int, int, Source]] | list[tuple[int, int, Actor]]) -> list[str]:
    return [entry.name for _, _, entry in found]


def test_short_acronyms_are_case_sensitive(reg: Registry) -> None:
    assert reg.find_actors("this is a test, and it is only that") == []
    found = reg.find_actors("IS fighters attacked the town")
    assert _names(found)[0] == "Islamic State"
    assert reg.find_sources("the un said nothing") == []
    assert _names(reg.find_sources("the UN said nothing")) == ["United Nations"]


def test_spans_are_offsets_into_the_text(reg: Registry) -> None:
    text = "Fighting went on, the Britain-based monitoring group said, citing SOHR's sources."
    found = reg.find_sources(text)
    assert [text[a:b] for a, b, _ in found] == ["Britain-based monitoring group", "SOHR"]
    assert _names(found) == ["Syrian Observatory for Human Rights"] * 2


def test_longest_match_wins(reg: Registry) -> None:
    text = "according to the Syrian Observatory for Human Rights"
    found = reg.find_sources(text)
    assert len(found) == 1
    start, end, source = found[0]
    assert text[start:end] == "Syrian Observatory for Human Rights"
    assert source.name == "Syrian Observatory for Human Rights"


def test_curly_quotes_hyphens_and_possessives(reg: Registry) -> None:
    text = (
        "Da’esh claimed it; the army’s losses; Hayat Tahrir al Sham\u2013linked men; ISIS’s cells"
    )
    found = reg.find_actors(text)
    names = _names(found)
    assert names[0] == "Islamic State"
    assert "Hayat Tahrir al-Sham" in names
    assert names.count("Islamic State") == 2
    for start, _end, _ in found:
        assert text[start - 1 : start].isalnum() is False


def test_no_match_inside_words(reg: Registry) -> None:
    assert reg.find_sources("ISISx and xSOHR and SOHRs") == []
    assert reg.find_actors("Hamasville") == []


def test_dotted_and_undotted_forms(reg: Registry) -> None:
    for text in ("the U.S.-led coalition said", "the US-led coalition said"):
        assert _names(reg.find_sources(text)) == ["US-led coalition"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army said its soldiers held the hill.", ["soldiers", "soldiers"]),
        ("Gunmen shot dead three villagers.", ["militants", "civilians"]),
        ("Two children and a woman were among the dead.", ["children", "women", "people"]),
        (
            "Regime troops shelled the town, killing civilians.",
            ["Syrian government forces", "civilians"],
        ),
        ("Wagner fighters and Ukrainian troops clashed.", ["Wagner Group", "Ukrainian forces"]),
    ],
)
def test_find_actors_in_sentences(reg: Registry, sentence: str, expected: list[str]) -> None:
    assert _names(reg.find_actors(sentence)) == expected


def test_generic_actors_are_marked(reg: Registry) -> None:
    found = reg.find_actors("Soldiers, militants and fighters but not the Taliban.")
    assert [a.generic for _, _, a in found] == [True, True, True, False]


def test_find_descriptors(reg: Registry) -> None:
    text = "A monitoring group said. The health ministry said. Medics said."
    found = reg.find_descriptors(text)
    assert [(text[a:b], d.source_type) for a, b, d in found] == [
        ("monitoring group", "monitor"),
        ("health ministry", "medical"),
    ]


def test_text_whose_length_changes_when_lowercased(reg: Registry) -> None:
    text = "İstanbul: the Syrian Observatory said"
    found = reg.find_sources(text)
    assert [text[a:b] for a, b, _ in found] == ["Syrian Observatory"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aIS -'’.ohrSOHRdesh\n")), max_size=200))
def test_matches_are_sorted_disjoint_and_within_bounds(text: str) -> None:
    reg = builtin_registry()
    for found in (reg.find_sources(text), reg.find_actors(text), reg.find_descriptors(text)):
        end = 0
        for start, stop, _ in found:
            assert end <= start < stop <= len(text)
            end = stop


# --- user files -------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    sources = _write(
        tmp_path,
        "sources.toml",
        """
[[source]]
name = "Valley Casualty Monitor"
type = "monitor"
aliases = ["the valley monitor"]
acronyms = ["VCM"]
country = "SY"

[[source]]
name = "syrian observatory for human rights"
type = "media"
aliases = ["the Observatory"]

[[descriptor]]
text = "watch group"
type = "monitor"
""",
    )
    actors = _write(
        tmp_path,
        "actors.toml",
        """
[[actor]]
name = "Valley Brigade"
aliases = ["valley fighters"]
category = "combatants"
side = "Syrian government forces"
""",
    )
    reg = load_registry(sources=[sources], actors=[actors])
    builtin = builtin_registry()
    assert len(reg.sources) == len(builtin.sources) + 1
    assert len(reg.actors) == len(builtin.actors) + 1
    new = reg.source("VCM")
    assert new is not None and new.name == "Valley Casualty Monitor"
    assert reg.source("vcm") is None
    overridden = reg.source("the Observatory")
    assert overridden is not None and overridden.source_type == "media"
    assert reg.source("SOHR") is None  # the override dropped the built-in acronym
    assert reg.source_type_of("watch group") == "monitor"
    text = "The valley monitor said valley fighters died."
    assert _names(reg.find_sources(text)) == ["Valley Casualty Monitor"]
    assert _names(reg.find_actors(text)) == ["Valley Brigade"]
    # the built-in registry is untouched
    assert builtin.source("SOHR") is not None
    assert builtin.source("VCM") is None


def test_later_user_alias_wins_and_is_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "s.toml",
        '[[source]]\nname = "Other Monitor"\ntype = "monitor"\nacronyms = ["SOHR"]\n',
    )
    reg = load_registry(sources=[path])
    found = reg.source("SOHR")
    assert found is not None and found.name == "Other Monitor"
    assert ("source", "SOHR", "Syrian Observatory for Human Rights", "Other Monitor") in (
        reg.alias_conflicts()
    )


def test_no_files_gives_the_cached_builtin() -> None:
    assert load_registry() is builtin_registry()


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('[[source]]\nname = "A" "B"\ntype = "monitor"\n', 2, "invalid TOML"),
        ('[[source]]\nname = "A"\n\n[[source]\n', 4, "invalid TOML"),
        ('[[source]]\nname = "A"\ntype = "monitor"\n\n[[source]]\nname = "B"\n', 5, "'type'"),
        ('[[source]]\nname = "A"\ntype = "rumour"\n', 1, "'type' is 'rumour'"),
        ('[[source]]\nname = "A"\ntype = "monitor"\nalias = ["x"]\n', 1, "unknown key 'alias'"),
        ('[[source]]\nname = "A"\ntype = "monitor"\naliases = "x"\n', 1, "list of"),
        ('[[source]]\nname = "A"\ntype = "monitor"\ncountry = "Syria"\n', 1, "ISO 3166-1"),
        ('\n[[sources]]\nname = "A"\n', 2, "unknown table 'sources'"),
        ('[[actor]]\nname = "A"\ncategory = "soldiers"\n', 1, "'category'"),
        ('[[actor]]\nname = "A"\ngeneric = "yes"\n', 1, "true or false"),
        ('[[descriptor]]\ntype = "monitor"\n', 1, "'text'"),
    ],
)
def test_bad_user_file_names_path_and_line(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    path = _write(tmp_path, "bad.toml", text)
    with pytest.raises(InputError) as info:
        load_registry(sources=[path])
    assert info.value.path == str(path)
    assert info.value.line == line
    assert reason in info.value.reason
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_unreadable_user_files(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_registry(actors=[tmp_path / "missing.toml"])
    assert info.value.path == str(tmp_path / "missing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'[[actor]]\nname = "caf\xe9"\n')
    with pytest.raises(InputError) as info:
        load_registry(actors=[bad])
    assert info.value.line == 2


# --- display rows -----------------------------------------------------------------------------


def test_sources_rows(reg: Registry) -> None:
    rows = sources_rows(reg)
    assert len(rows) == len(reg.sources)
    assert all(set(row) == {"name", "type", "aliases", "country"} for row in rows)
    sohr = next(row for row in rows if row["name"] == "Syrian Observatory for Human Rights")
    assert sohr["type"] == "monitor"
    assert sohr["country"] == "SY"
    assert "SOHR" in sohr["aliases"].split("; ")
    un = next(row for row in rows if row["name"] == "United Nations")
    assert un["country"] == ""


def test_government_forces_one_per_country(reg: Registry) -> None:
    governments = [a for a in reg.actors if a.government]
    countries = [a.country for a in governments]
    assert None not in countries
    assert len(countries) == len(set(countries)) >= 20
    syria = reg.government_forces("SY")
    assert syria is not None and syria.name == "Syrian government forces"
    nigeria = reg.government_forces("ng")
    assert nigeria is not None and nigeria.name == "Nigerian military"
    assert reg.government_forces(None) is None
    assert reg.government_forces("XX") is None


def test_user_file_can_set_government_forces(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "a.toml",
        '[[actor]]\nname = "Valley Army"\ncountry = "SY"\ngovernment = true\n'
        'category = "combatants"\n',
    )
    reg = load_registry(actors=[path])
    found = reg.government_forces("SY")
    assert found is not None and found.name == "Valley Army"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("SANA (Syrian Arab News Agency)", "SANA"),
        ("US-led coalition (CJTF-OIR)", "US-led coalition"),
        ("Baloch Liberation Army (BLA)", "Baloch Liberation Army"),
        ("Houthis (Ansar Allah)", "Houthis"),
    ],
)
def test_lookup_with_a_parenthesis(reg: Registry, written: str, expected: str) -> None:
    found = reg.source(written)
    assert found is not None and found.name == expected
    assert reg.source("(nothing known here)") is None


def test_generic_sources_are_marked(reg: Registry) -> None:
    for name in ("medics", "police", "local officials", "residents", "military sources"):
        found = reg.source(name)
        assert found is not None and found.generic, name
    for name in ("SOHR", "Gaza Health Ministry", "Reuters"):
        found = reg.source(name)
        assert found is not None and not found.generic, name
    assert sum(s.generic for s in reg.sources) < 20
