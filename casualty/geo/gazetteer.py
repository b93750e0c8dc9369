"""The gazetteer: resolve place names, find place mentions in text, relate places."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar

from casualty.geo.mentions import DIVISION_SUFFIXES, as_code
from casualty.geo.normalize import normalize_place, words
from casualty.geo.packed import Columns, KeyIndex, LazyKeys, Multi, Rows


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a populated place, a first-level division, a region or a country."""

    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str
    id: str
    population: int = 0


_RELATION_WORDS: Final = frozenset(
    {"the", "near", "outside", "in", "at", "around", "of", "inside", "close", "to", "outskirts",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "northern", "southern", "eastern", "western", "central", "rural", "countryside"}
)  # fmt: skip


def _strip_relation(parts: list[str]) -> list[str]:
    """Drop a leading relation: "east of Palmyra", "near Sukhna" -> the name.

    Only when the relation ends in a preposition, so "North Waziristan" keeps its "North".
    """
    i = 0
    while i < len(parts) - 1 and parts[i].casefold() in _RELATION_WORDS:
        i += 1
    if i and parts[i - 1].casefold() in _PREPOSITIONS:
        return parts[i:]
    return parts


_PREPOSITIONS: Final = frozenset(
    {"of", "near", "outside", "the", "in", "at", "around", "inside", "to"}
)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


T_co = TypeVar("T_co", covariant=True)


class _Field(Protocol[T_co]):
    def __getitem__(self, i: int, /) -> T_co: ...


class _RowField:
    """Field `k` of list rows, indexed like a `Columns` column."""

    __slots__ = ("k", "rows")

    def __init__(self, rows: Rows, k: int) -> None:
        self.rows, self.k = rows, k

    def __getitem__(self, i: int) -> Any:
        return self.rows[i][self.k]


#: Entries of the `_choose_for` memo before it starts afresh (memory stays bounded).
_CHOSEN_MAX: Final = 50_000


class Gazetteer:
    """Name index over GeoNames places, divisions, curated regions and countries.

    Build it with `casualty.geo.gazetteer()` (cached); the constructor takes the index that
    `casualty.geo.cache.load_index` returns.
    """

    def __init__(self, index: dict[str, Any]) -> None:
        self._rows: Rows = index["rows"]
        # Single fields of a row, read without assembling the row: candidate choice reads
        # a few fields of many rows.
        rows = self._rows
        self._country: _Field[str] = (
            rows.country if isinstance(rows, Columns) else _RowField(rows, 1)
        )
        self._kind: _Field[str] = rows.kind if isinstance(rows, Columns) else _RowField(rows, 5)
        self._ids: _Field[str] = rows.id if isinstance(rows, Columns) else _RowField(rows, 6)
        self._pop: _Field[int] = rows.pop if isinstance(rows, Columns) else _RowField(rows, 7)
        #: key -> row index (>= 0) or -1 - position in `_multi` (see `build.IndexBuilder`)
        self._keys: dict[str, int] | KeyIndex = index["keys"]
        self._multi: list[tuple[int, ...]] | Multi = index["multi"]
        self._regions: dict[str, dict[str, Any]] = index["regions"]
        #: ISO2 -> ISO2: a text naming the first has the second in context (places.toml).
        self._linked: dict[str, str] = dict(index.get("linked", {}))
        from casualty.geo.build import load_toml

        place_words = load_toml(packaged="place_words.toml")
        self._stop = frozenset(place_words.get("stopwords", ()))
        #: Keys of phrases that are never places ("Middle East", "Red Sea").
        self._stop_keys = frozenset(normalize_place(p) for p in place_words.get("stop_phrases", ()))
        self._demonyms: dict[str, str] = dict(place_words.get("demonyms", {}))
        self._places: dict[int, Place] = {}
        #: (key, prefer, context countries, countries named) -> the row `_choose` picks: texts
        #: about the same countries name the same places again and again.
        self._chosen: dict[tuple[str, str, frozenset[str], frozenset[str]], int] = {}
        #: Frequent English words that are also place names: they need a cue in text.
        self._common = frozenset(index.get("common_words", ()))
        #: The cache's prefixes are looked up in place until the text scan has asked for many.
        self._prefix_source: LazyKeys | Sequence[str] = index.get("prefixes", ())
        self._prefix_set: set[str] | None = None

    @property
    def _prefixes(self) -> set[str]:
        """Every proper word prefix of a multi-word key (stops the text scan's n-grams)."""
        if self._prefix_set is None:
            source = self._prefix_source
            self._prefix_set = set(source.as_dict() if isinstance(source, LazyKeys) else source)
            self._prefix_source = ()
        return self._prefix_set

    def prefix_probe(self) -> Collection[str]:
        """`_prefixes` for membership tests: in place while the cache's have been asked little."""
        source = self._prefix_source
        if self._prefix_set is None and isinstance(source, LazyKeys) and not source.built:
            return source
        return self._prefixes

    @property
    def demonyms(self) -> Mapping[str, str]:
        """Demonym -> ISO2 code ("Syrian" -> "SY"): place_words.toml and `add_places`."""
        return self._demonyms

    @property
    def stopwords(self) -> frozenset[str]:
        """Capitalised words that are never place names on their own ("Shiite", "Old")."""
        return self._stop

    # -- records ---------------------------------------------------------------------------

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            place = self._places[i] = Place(*self._rows[i])
        return place

    def row_facts(self, i: int) -> tuple[str, str, int]:
        """(country, kind, population) of row `i`, read without assembling its `Place`."""
        return (self._country[i], self._kind[i], self._pop[i])

    def _found(self, key: str) -> tuple[int, ...]:
        """Row indices for a key, most populous first, then by id (`_choose` relies on it)."""
        value = self._keys.get(key)
        if value is None:
            return ()
        return (value,) if value >= 0 else self._multi[-1 - value]

    def candidates(self, name: str) -> list[Place]:
        """Every place whose key matches `name`, most populous first."""
        return [self._place(i) for i in self._found(normalize_place(name))]

    # -- lookup ----------------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        country: str | None = None,
        context_countries: Sequence[str] = (),
    ) -> Place | None:
        """The best place for a name in any spelling or script, or None.

        Prefers `country`, then any of `context_countries`, then the most populous place.
        A trailing "province"/"governorate"/"oblast"... asks for the division of that name,
        "countryside" for the division where one exists; leading relations ("near",
        "east of", "the outskirts of") are ignored. Countries may be names or codes.
        """
        parts = words(name)
        prefer = "city"
        while len(parts) > 1 and parts[-1].casefold() in DIVISION_SUFFIXES:
            prefer = "admin1"
            parts = parts[:-1]
        parts = _strip_relation(parts)
        found = self._found(normalize_place(" ".join(parts)))
        if not found:
            return None
        others = {as_code(c) for c in context_countries}
        if country:
            chosen = self._choose(found, {as_code(country)}, prefer, others, loose=False)
            return self._place(chosen)
        return self._place(self._choose(found, others, prefer))

    def _choose_for(
        self, key: str, prefer: str, given: frozenset[str], mentioned: frozenset[str]
    ) -> int:
        """`_choose` among the rows of `key`, memoised (bounded) across texts."""
        memo = (key, prefer, given, mentioned)
        choice = self._chosen.get(memo)
        if choice is None:
            if len(self._chosen) >= _CHOSEN_MAX:
                self._chosen.clear()
            choice = self._chosen[memo] = self._choose(self._found(key), given, prefer, mentioned)
        return choice

    def _choose(
        self,
        found: Sequence[int],
        primary: Collection[str],
        prefer: str,
        secondary: Collection[str] = (),
        loose: bool = True,
    ) -> int:
        """Pick among same-key candidates: countries in `primary`, then `secondary`, then
        population.

        `prefer="admin1"` (the name came with "province", "countryside"...) takes the best
        division or region when there is one. Otherwise a country wins over namesakes
        ("Niger", "Georgia"), and a division loses to a city of the same name in the same
        country ("Homs", "Idlib"), so mentions resolve to the most specific place. With
        `loose`, a big city abroad beats a namesake ten times smaller in a context country.
        """
        if len(found) == 1:
            return found[0]  # what every rule below picks among one
        country, kind, pop = self._country, self._kind, self._pop
        # `found` comes most populous first, then by id (`_found`): grouping it by tier, in
        # that order, sorts it by (tier, -population, id).
        codes = [country[i] for i in found]
        tiers: list[list[int]] = [[], [], []]
        for i, code in zip(found, codes, strict=True):
            tiers[0 if code in primary else 1 if code in secondary else 2].append(i)
        ordered = [*tiers[0], *tiers[1], *tiers[2]]
        if loose and len(tiers[2]) < len(found):  # the first is in a named country
            first = ordered[0]
            if kind[first] != "region":
                # A small namesake in a context country loses to a big place elsewhere
                # ("Donetsk" in a text that mentions Russia is still the Ukrainian city).
                big = found[0]
                if pop[big] >= 500_000 and pop[big] >= 10 * pop[first]:
                    ordered.sort(key=lambda i: country[i] != codes[0])  # stable
        best = ordered[0]
        if prefer == "admin1":
            for i in ordered:
                if kind[i] in ("admin1", "region"):
                    return i
            return best
        kinds = [kind[i] for i in ordered]
        if "country" in kinds:
            return ordered[kinds.index("country")]
        if kinds[0] == "admin1":
            home = country[best]
            for i, k in zip(ordered, kinds, strict=True):
                if k == "city" and country[i] == home:
                    return i
        return best

    # -- find_places -----------------------------------------------------------------------

    def find_places(
        self, text: str, context_countries: Sequence[str] = (), unresolved: bool = False
    ) -> list[tuple[int, int, Place]]:
        """Place mentions in `text` as (start, end, place), longest match first, no overlaps.

        Scans capitalised word n-grams against the name index ("Deir ez-Zor", "Homs
        countryside", "Donetsk oblast"). A lone word needs a cue ("in", "near", "east of",
        a following "province"), a country named in the text or in `context_countries`, or
        a population of at least 15,000; stop-words and words the text also uses in lower
        case are never places on their own. Countries and demonyms ("Syrian") in the text
        join `context_countries` to pick among namesakes.

        With `unresolved`, names the gazetteer lacks are returned too where the wording says
        they are settlements ("the village of X", "X neighbourhood"): kind "city", no
        coordinates, `id` "name:<country>:<key>", in the first context country ("" if none).
        """
        from casualty.geo.mentions import find_places

        return find_places(self, text, context_countries, unresolved)

    # -- relations -------------------------------------------------------------------------

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether `inner` lies within `outer`: country ⊇ admin1 ⊇ city; regions by members
        or radius. A place contains itself."""
        if outer.id == inner.id:
            return True
        if outer.kind == "country":
            return inner.country == outer.country and inner.kind != "country"
        if outer.kind == "admin1":
            return (
                inner.kind in ("city", "region")
                and inner.country == outer.country
                and inner.admin1 == outer.admin1
            )
        if outer.kind == "region":
            spec = self._regions.get(outer.id, {})
            if spec.get("members"):
                return inner.country == outer.country and inner.admin1 in spec["members"]
            radius = spec.get("radius_km")
            distance = self.distance_km(outer, inner)
            return radius is not None and distance is not None and distance <= radius
        return False

    def distance_km(self, a: Place, b: Place) -> float | None:
        """Great-circle distance between two places' coordinates, None where one lacks them."""
        if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
            return None
        return haversine_km(a.lat, a.lon, b.lat, b.lon)

    # -- extension -------------------------------------------------------------------------

    def add_places(self, path: str | Path) -> None:
        """Add regions, renames, linked countries, stopwords, stop phrases and demonyms from a
        TOML file shaped like `casualty/data/places.toml` and `place_words.toml` (both kinds
        of entries may share one file)."""
        from casualty.geo.build import IndexBuilder, apply_curated, load_toml

        curated = load_toml(Path(path))
        builder = IndexBuilder()
        builder.rows = self._rows
        for item in curated.get("rename", []):
            key = normalize_place(item["match"])
            builder.keys[key] = list(self._found(key))
        self._regions.update(apply_curated(builder, curated))
        rows = self._rows
        for key, found in builder.keys.items():
            # Most populous first, then by id, as `build.IndexBuilder.finish` orders them.
            merged = sorted(
                set(found) | set(self._found(key)), key=lambda i: (-rows[i][7], rows[i][6])
            )
            if len(merged) == 1:
                self._keys[key] = merged[0]
            else:
                self._keys[key] = -1 - len(self._multi)
                self._multi.append(tuple(merged))
            parts = key.split(" ")
            for k in range(1, len(parts)):
                self._prefixes.add(" ".join(parts[:k]))
        self._stop = self._stop | frozenset(curated.get("stopwords", []))
        self._stop_keys = self._stop_keys | {
            normalize_place(p) for p in curated.get("stop_phrases", [])
        }
        self._demonyms.update(curated.get("demonyms", {}))
        self._linked.update(curated.get("linked_countries", {}))
        self._places.clear()
        self._chosen.clear()
