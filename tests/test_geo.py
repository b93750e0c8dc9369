"""The gazetteer: spellings, exonyms and scripts resolve to one place; mentions in text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.geo import Gazetteer, Place, country_code, gazetteer, normalize_place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def _place(gaz: Gazetteer, name: str, country: str | None = None) -> Place:
    place = gaz.lookup(name, country)
    assert place is not None, name
    return place


DEIR_EZ_ZOR = [
    "Deir ez-Zor",
    "Deir Ezzor",
    "Dayr az Zawr",
    "Deir al-Zour",
    "Deir al-Zor",
    "Deir Zor",
    "Dair az-Zaur",
    "deir ez zor",
    "دير الزور",
]


@pytest.mark.parametrize("variant", DEIR_EZ_ZOR[1:-1])
def test_transliterations_share_one_key(variant: str) -> None:
    assert normalize_place(variant) == normalize_place("Deir ez-Zor")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Raqqa", "Ar-Raqqah"),
        ("Sukhna", "As Sukhnah"),
        ("Sukhne", "Al-Sukhnah"),
        ("Ma'rib", "Marib"),
        ("Ta‘izz", "Taizz"),
        ("Qamishli", "Kamishli"),
    ],
)
def test_spelling_folds(a: str, b: str) -> None:
    assert normalize_place(a) == normalize_place(b)


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Idlib", "Aleppo"), ("Niger", "Nigeria")])
def test_distinct_names_keep_distinct_keys(a: str, b: str) -> None:
    assert normalize_place(a) != normalize_place(b)


@pytest.mark.parametrize("variant", DEIR_EZ_ZOR)
def test_transliterations_resolve_to_one_place(gaz: Gazetteer, variant: str) -> None:
    place = _place(gaz, variant)
    assert place == _place(gaz, "Deir ez-Zor")
    assert (place.country, place.admin1, place.kind) == ("SY", "Deir ez-Zor", "city")


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Palmyra", "Tadmur", "SY"),
        ("Kobani", "Ayn al-Arab", "SY"),
        ("Kobane", "Ain al-Arab", "SY"),
        ("Bakhmut", "Artemivsk", "UA"),
        ("Bakhmut", "Бахмут", "UA"),
        ("Dnipro", "Dnipropetrovsk", "UA"),
        ("Kyiv", "Kiev", "UA"),
        ("Mosul", "الموصل", "IQ"),
    ],
)
def test_exonyms_and_scripts_resolve_to_one_place(
    gaz: Gazetteer, a: str, b: str, country: str
) -> None:
    first, second = _place(gaz, a), _place(gaz, b)
    assert first.id == second.id
    assert first.country == country


def test_a_village_without_population_resolves(gaz: Gazetteer) -> None:
    sukhna = _place(gaz, "Sukhna", "SY")
    assert (sukhna.name, sukhna.country, sukhna.admin1) == ("Sukhna", "SY", "Homs")
    assert sukhna.lat is not None and 34 < sukhna.lat < 35.5


@pytest.mark.parametrize(
    ("name", "kind", "admin1", "country"),
    [
        ("Homs", "city", "Homs", "SY"),
        ("Homs province", "admin1", "Homs", "SY"),
        ("Homs governorate", "admin1", "Homs", "SY"),
        ("Idlib countryside", "admin1", "Idlib", "SY"),
        ("Donetsk Oblast", "admin1", "Donetsk", "UA"),
        ("Donetsk region", "admin1", "Donetsk", "UA"),
        ("Borno State", "admin1", "Borno", "NG"),
        ("Gaza Strip", "admin1", "Gaza Strip", "PS"),
        ("Donbas", "region", None, "UA"),
        ("east of Palmyra", "city", "Homs", "SY"),
        ("near Kobani", "city", "Aleppo", "SY"),
        ("the outskirts of Deir ez-Zor", "city", "Deir ez-Zor", "SY"),
        ("Rural Damascus", "admin1", "Rif Dimashq", "SY"),
        ("North Waziristan", "region", None, "PK"),
        ("Syria", "country", None, "SY"),
    ],
)
def test_kind_suffixes(
    gaz: Gazetteer, name: str, kind: str, admin1: str | None, country: str
) -> None:
    place = _place(gaz, name)
    assert (place.kind, place.admin1, place.country) == (kind, admin1, country)


def test_country_preference_breaks_ties(gaz: Gazetteer) -> None:
    assert _place(gaz, "Tripoli").country == "LY"  # the larger one
    assert _place(gaz, "Tripoli", "LB").country == "LB"
    assert _place(gaz, "Tripoli", "Lebanon").country == "LB"
    assert _place(gaz, "Donetsk").country == "UA"
    assert _place(gaz, "Donetsk", "RU").country == "RU"  # an explicit country is obeyed
    assert gaz.lookup("Donetsk", context_countries=["RU"]).country == "UA"  # type: ignore[union-attr]
    assert _place(gaz, "Borno", "NG").kind == "admin1"


def test_unknown_names_give_none(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwzxvbnm Fjord") is None
    assert gaz.lookup("") is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Syria", "SY"),
        ("SY", "SY"),
        ("SYR", "SY"),
        ("syrian arab republic", "SY"),
        ("Ukraine", "UA"),
        ("UA", "UA"),
        ("UKR", "UA"),
        ("ukr", "UA"),
        ("Russia", "RU"),
        ("Palestine", "PS"),
        ("the United Kingdom", "GB"),
        ("Türkiye", "TR"),
        ("Narnia", None),
        ("", None),
        ("XX", None),
    ],
)
def test_country_code(value: str, code: str | None) -> None:
    assert country_code(value) == code


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("Homs province", "Homs", True),
        ("Homs province", "Sukhna", True),
        ("Homs province", "Deir ez-Zor", False),
        ("Syria", "Deir ez-Zor", True),
        ("Syria", "Homs province", True),
        ("Syria", "Bakhmut", False),
        ("Donbas", "Bakhmut", True),
        ("Donbas", "Kharkiv", False),
        ("Badia", "Sukhna", True),
        ("Badia", "Latakia", False),
        ("Homs", "Homs province", False),
        ("Homs", "Homs", True),
    ],
)
def test_contains(gaz: Gazetteer, outer: str, inner: str, expected: bool) -> None:
    assert gaz.contains(_place(gaz, outer, "SY"), _place(gaz, inner, "SY")) is expected


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [("Homs", "Palmyra", 130, 170), ("Deir ez-Zor", "Raqqa", 110, 150), ("Homs", "Homs", 0, 0)],
)
def test_distance(gaz: Gazetteer, a: str, b: str, low: float, high: float) -> None:
    distance = gaz.distance_km(_place(gaz, a), _place(gaz, b))
    assert distance is not None and low <= distance <= high


def test_distance_without_coordinates() -> None:
    gaz = gazetteer()
    nowhere = Place("Nowhere", "SY", None, None, None, "region", "region:SY:x")
    assert gaz.distance_km(nowhere, _place(gaz, "Homs")) is None


def _found(gaz: Gazetteer, text: str, context: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(text[s:e], p.name) for s, e, p in gaz.find_places(text, context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jets struck a convoy near Sukhna, east of Palmyra, the monitor said.",
            [("Sukhna", "Sukhna"), ("Palmyra", "Palmyra")],
        ),
        (
            "Shelling hit several villages in the Homs countryside overnight.",
            [("Homs countryside", "Homs")],
        ),
        (
            "Two medics were hurt in fighting east of Deir Ezzor city on Friday.",
            [("Deir Ezzor city", "Deir ez-Zor")],
        ),
        (
            "Officials in Donetsk oblast said a school in Bakhmut had been hit.",
            [("Donetsk oblast", "Donetsk"), ("Bakhmut", "Bakhmut")],
        ),
        (
            "Gunmen attacked a market in Borno State, police said.",
            [("Borno State", "Borno")],
        ),
        (
            "Residents of Dayr az Zawr fled towards the Badia desert.",
            [("Dayr az Zawr", "Deir ez-Zor"), ("Badia desert", "Badia")],
        ),
        (
            "Syria's army said its troops had entered Kobani.",
            [("Syria", "Syria"), ("Kobani", "Kobani")],
        ),
        ("Shells fell on Бахмут overnight.", [("Бахмут", "Bakhmut")]),
    ],
)
def test_find_places(gaz: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(gaz, text, ("SY", "UA", "NG")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday the Islamic State said its fighters had killed dozens, Reuters reported.",
        "The Observatory said on Sunday that the toll had risen sharply.",
        "Mobile phone footage seen by Reuters showed burning vehicles.",
        "President Hassan Rouhani told the General Assembly that Hope remained.",
        "The Defence Ministry spokesman, Colonel Ahmed Saleh, gave no figure.",
        "SANA and TASS reported the attack, citing the IDF and the UN.",
        "A Hit on the convoy killed four, and the hit was later confirmed.",
        "Khan said the figure could rise.",
        "The carrier USS Harry S. Truman sailed on.",
        "Warships patrol the Red Sea and the wider Middle East.",
        "Abu Bakr al-Baghdadi urged his followers to fight.",
        "According to Hassan Barham, the clinic treated forty people.",
        "Same day. Way off. Toll rises. Enough said. Order restored. Mine cleared.",
        "Capital punishment was debated in the Northeast.",
    ],
)
def test_no_false_places_in_ordinary_sentences(gaz: Gazetteer, text: str) -> None:
    assert _found(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("Shells fell near the Niger border.", "Niger", "NE", "country"),
        ("Shells fell in Niger State.", "Niger", "NG", "admin1"),
        ("Rebels shelled Donetsk, Ukrainian officials said.", "Donetsk", "UA", "city"),
        ("Rebels shelled Donetsk, Russian officials said.", "Donetsk", "UA", "city"),
        ("Families fled the Sukhna area as Syrian troops advanced.", "Sukhna", "SY", "city"),
        ("Shelling hit the Iraqi town of Hit.", "Hit", "IQ", "city"),
        ("London condemned the strike.", "London", "GB", "city"),
    ],
)
def test_resolution_in_context(
    gaz: Gazetteer, text: str, name: str, country: str, kind: str
) -> None:
    found = [(p.name, p.country, p.kind) for _, _, p in gaz.find_places(text)]
    assert (name, country, kind) in found


def test_small_foreign_namesakes_need_context(gaz: Gazetteer) -> None:
    # A village-sized namesake abroad is not a mention in a text about another country.
    text = "Troops entered Sukhna on Monday."
    assert [p.country for _, _, p in gaz.find_places(text, ["SY"])] == ["SY"]
    assert all(p.country != "IN" for _, _, p in gaz.find_places(text, ["SY"]))
    assert gaz.find_places("Late on Monday, troops entered the city.", ["US"]) == []


def test_context_country_picks_among_namesakes(gaz: Gazetteer) -> None:
    text = "Rockets landed in Tripoli on Monday."
    ((_, _, default),) = gaz.find_places(text)
    ((_, _, lebanese),) = gaz.find_places(text, ["LB"])
    assert default.country == "LY" and lebanese.country == "LB"
    # A country named in the same text counts as context too.
    (_, _, in_text), _ = gaz.find_places("Rockets landed in Tripoli, in northern Lebanon.")
    assert in_text.country == "LB"


def test_articles_and_diacritics(gaz: Gazetteer) -> None:
    text = "Fighting near al-Bab and in Jisr al-Shughur left many dead."
    found = _found(gaz, text, ("SY",))
    assert found == [("al-Bab", "Al Bab"), ("Jisr al-Shughur", "Jisr ash Shughur")]


def test_add_places(tmp_path: Path, gaz: Gazetteer) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(
        '[[region]]\nname = "Testland Plain"\ncountry = "SY"\naliases = ["Test Plain"]\n'
        "lat = 35.0\nlon = 38.0\nradius_km = 50\n"
        '[linked_countries]\n"ML" = "PS"\n',
        encoding="utf-8",
    )
    local = Gazetteer.__new__(Gazetteer)
    from casualty.geo.cache import load_index

    Gazetteer.__init__(local, load_index())
    text = "Two men were shot in Jenin, Mali said."
    assert _found(local, text) == [("Mali", "Mali")]  # a small town of a country not named
    local.add_places(path)
    plain = _place(local, "Test Plain")
    assert (plain.kind, plain.country) == ("region", "SY")
    assert local.contains(plain, Place("x", "SY", None, 35.1, 38.1, "city", "x"))
    assert _found(local, text) == [("Jenin", "Janin"), ("Mali", "Mali")]  # PS is linked to ML


def _tiny_index() -> dict[str, object]:
    from casualty.geo.build import IndexBuilder, prefixes_of

    builder = IndexBuilder()
    builder.add(("Alpha Town", "SY", "Homs", 34.0, 37.0, "city", "gn:1", 5000), {"Alpha Town"})
    builder.add(("Alpha Town", "IQ", None, None, None, "city", "gn:2", 90000), {"Alpha Town"})
    builder.add(("Homs", "SY", "Homs", 34.5, 37.5, "admin1", "adm1:SY:11", 10**6), {"Homs", "حمص"})
    keys, multi = builder.finish()
    return {"format": 0, "rows": builder.rows, "keys": keys, "multi": multi,
            "prefixes": sorted(prefixes_of(keys)), "regions": {}}  # fmt: skip


def test_pack_round_trip() -> None:
    from casualty.geo.cache import pack, unpack

    index = _tiny_index()
    back = unpack(pack(index))
    assert list(back.pop("rows")) == index.pop("rows")
    assert dict(back.pop("keys").items()) == index.pop("keys")
    assert list(back.pop("multi")) == index.pop("multi")
    assert sorted(back.pop("prefixes")) == index.pop("prefixes")
    assert back == index
    index = _tiny_index()
    local = Gazetteer(unpack(pack(index)))
    town = local.lookup("Alpha Town")
    assert town is not None and (town.country, town.lat) == ("IQ", None)
    assert local.lookup("حمص") == local.lookup("Homs") is not None
    assert local.lookup("Alpha Town", "SY") == Place(
        "Alpha Town", "SY", "Homs", 34.0, 37.0, "city", "gn:1", 5000
    )


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.text(st.sampled_from([*"ab z-'", "é", "ح", "Ж"]), max_size=6), st.integers(-5, 9)
    ),
    st.text(st.sampled_from([*"ab z-'", "é", "ح", "\n"]), max_size=6),
)
def test_packed_keys_answer_as_the_dict(keys: dict[str, int], probe: str) -> None:
    """Keys looked up in place (hash buckets of UTF-8 lines) answer as the dict they came from,
    before and after the full dict of a script is built or written to."""
    from casualty.geo.packed import KeyIndex, _Buckets, _pack_keys

    keys = {k: v for k, v in keys.items() if k and "\n" not in k}

    def index() -> KeyIndex:
        parts = [
            {k: v for k, v in keys.items() if k.isascii() is wanted} for wanted in (True, False)
        ]
        return KeyIndex(*(_Buckets(_pack_keys(part)) for part in parts))

    packed = index()
    for key in [*keys, probe, ""]:
        assert packed.get(key) == keys.get(key)
        assert (key in packed) == (key in keys)
    assert dict(packed.items()) == keys
    packed = index()
    packed[probe or "x"] = 42
    assert packed.get(probe or "x") == 42
    assert dict(packed.items()) == {**keys, probe or "x": 42}


def test_text_columns_and_multi_read_in_place() -> None:
    from array import array

    from casualty.geo.packed import Multi, TextColumn, _joined

    values = ["Ḩalab", "", "Донецк", "Homs"]
    data, ends = _joined(values)
    column = TextColumn(data, array("I", ends))
    assert [column[i] for i in range(len(column))] == values and column[-1] == "Homs"
    column[1] = "Idlib"
    column.append("Raqqa")
    assert [column[i] for i in range(len(column))] == ["Ḩalab", "Idlib", "Донецк", "Homs", "Raqqa"]
    multi = Multi(array("i", [3, 1, 7, 2, 5]), array("I", [2, 5]))
    multi.append((9, 8))
    assert list(multi) == [(3, 1), (7, 2, 5), (9, 8)] and len(multi) == 3


def test_a_broken_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casualty.geo import build, cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "FORMAT", 0)
    monkeypatch.setattr(build, "build_index", _tiny_index)
    path = cache.cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert cache.load_index()["rows"] == _tiny_index()["rows"]
    assert path.stat().st_size > 100  # rewritten
    cached = cache.load_index()["keys"]  # read back from the cache
    assert dict(cached.items()) == _tiny_index()["keys"]


def test_other_versions_cache_stays_until_unused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two checkouts sharing a cache directory keep both indexes: only one unused for weeks
    is deleted when an index is written."""
    import os
    import time

    from casualty.geo import build, cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "FORMAT", 0)
    monkeypatch.setattr(build, "build_index", _tiny_index)
    folder = tmp_path / "casualty"
    folder.mkdir()
    recent, stale = folder / "gazetteer-recent.pickle", folder / "gazetteer-stale.pickle"
    recent.write_bytes(b"x")
    stale.write_bytes(b"x")
    month_ago = time.time() - 30 * 86_400
    os.utime(stale, (month_ago, month_ago))
    cache.load_index()
    assert cache.cache_path().exists() and recent.exists() and not stale.exists()
    os.utime(cache.cache_path(), (month_ago, month_ago))
    cache.load_index()  # read from the cache: marked as in use
    assert time.time() - cache.cache_path().stat().st_mtime < 60


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an attacker's demonym does not make the struck town a foreign place
        ("Three people were killed in Russian strikes on Kherson on Monday.", ["Kherson"]),
        ("Saudi air strikes on Saada killed nine people.", ["Sa'dah"]),
        # a demonym naming the speaker's side or its forces still sets the text's country
        ("Khan said 3 were killed, a Pakistani official said.", []),
        ("Families fled the Sukhna area as Syrian troops advanced.", ["Sukhna"]),
    ],
)
def test_an_attackers_demonym_does_not_set_the_texts_country(
    gaz: Gazetteer, text: str, names: list[str]
) -> None:
    from casualty.geo.mentions import find_places

    assert [p.name for _, _, p in find_places(gaz, text, [])] == names


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Two farmers died in the village of Vrellik, east of Hama.", "Vrellik"),
        ("Mortars fell on the Tobrazi al-Naher neighbourhood at night.", "Tobrazi al-Naher"),
        ("Gunmen stormed Quendo camp before dawn.", "Quendo"),
    ],
)
def test_unresolved_settlements(gaz: Gazetteer, text: str, surface: str) -> None:
    """Names the gazetteer lacks count as settlements where the wording says so, only when
    asked for (`unresolved`), in the first context country."""
    found = {text[s:e]: p for s, e, p in gaz.find_places(text, ["SY"], unresolved=True)}
    place = found[surface]
    assert (place.name, place.country, place.lat, place.kind) == (surface, "SY", None, "city")
    assert place.id == f"name:SY:{normalize_place(surface).replace(' ', '-')}"
    assert surface not in {text[s:e] for s, e, _ in gaz.find_places(text, ["SY"])}


def test_unresolved_settlement_without_context_is_in_the_country_named(gaz: Gazetteer) -> None:
    text = "Two herders died in the village of Vrellik, a Yemeni official said."
    found = gaz.find_places(text, [], unresolved=True)
    assert [(text[s:e], p.country) for s, e, p in found] == [("Vrellik", "YE")]


def test_unresolved_needs_settlement_wording(gaz: Gazetteer) -> None:
    text = "The Ministry of Vrellik Affairs said the Quendo Group had left."
    assert gaz.find_places(text, ["SY"], unresolved=True) == []
