"""The gazetteer: resolve place names, find place mentions in text, relate places."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from casualty.geo.normalize import ARTICLES, WORD, token_key

#: Words after a name that say which kind of place it is ("Homs province").
ADMIN_SUFFIXES: Final = frozenset(
    {
        "province",
        "governorate",
        "oblast",
        "region",
        "state",
        "district",
        "prefecture",
        "county",
        "rayon",
        "raion",
        "muhafazah",
        "wilayah",
        "division",
    }
)
AREA_SUFFIXES: Final = frozenset({"countryside", "outskirts", "suburbs", "environs"})
CITY_SUFFIXES: Final = frozenset({"city", "town", "village", "camp"})
_ALL_SUFFIXES: Final = ADMIN_SUFFIXES | AREA_SUFFIXES | CITY_SUFFIXES
#: Lower-case geographic nouns that can end a multi-word name ("Badia desert").
GEO_NOUNS: Final = frozenset(
    {
        "desert",
        "mountains",
        "mountain",
        "valley",
        "plain",
        "plains",
        "strip",
        "heights",
        "hills",
        "river",
        "lake",
        "sea",
        "gulf",
        "coast",
        "peninsula",
        "bank",
        "islands",
    }
)
#: Words before a name that make it a place ("near X", "east of X", "in X").
CUES: Final = frozenset(
    {
        "in",
        "near",
        "at",
        "from",
        "outside",
        "around",
        "of",
        "into",
        "towards",
        "toward",
        "across",
        "inside",
        "to",
        "via",
        "nearby",
        "village",
        "town",
        "city",
        "province",
        "district",
        "region",
        "governorate",
        "oblast",
        "outskirts",
        "countryside",
        "struck",
        "shelled",
        "hit",
        "bombed",
        "attacked",
        "captured",
        "besieged",
        "entered",
        "seized",
    }
)
#: Lower-case words allowed inside a multi-word name ("Deir ez-Zor", "Jisr al-Shughur").
CONNECTORS: Final = frozenset(
    {
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ed",
        "az",
        "ez",
        "as",
        "es",
        "ash",
        "esh",
        "ar",
        "er",
        "an",
        "en",
        "at",
        "et",
        "ath",
        "adh",
        "ud",
        "uz",
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "les",
        "los",
        "of",
        "on",
        "upon",
        "sur",
        "am",
        "im",
        "bin",
        "ibn",
        "bani",
        "beni",
        "abu",
        "umm",
        "um",
        "wa",
    }
)
#: Minimum population for a lone capitalised word, without a cue, to count as a place.
SINGLE_WORD_POPULATION: Final = 15_000
MAX_WORDS: Final = 6
_INNER: Final = CONNECTORS | GEO_NOUNS
_GAP_OK: Final = re.compile(r"^(?: |-| - |–|\u00a0)$")


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


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    capital: bool


@dataclass(frozen=True, slots=True)
class _Match:
    first: int  # token indices, inclusive
    last: int
    key: str


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in WORD.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            word, end = word[:-2], end - 2  # possessive: "Syria's"
        first = word[0]
        out.append(_Token(start, end, word, first.isupper() or not first.islower()))
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Name index over GeoNames places, divisions, curated regions and countries.

    Build it with `casualty.geo.gazetteer()` (cached); the constructor takes the index that
    `casualty.geo.build.load_index` returns.
    """

    def __init__(self, index: dict[str, Any]) -> None:
        self._rows: list[tuple[Any, ...]] = index["rows"]
        self._keys: dict[str, tuple[int, ...]] = index["keys"]
        self._regions: dict[str, dict[str, Any]] = index["regions"]
        self._stop = frozenset(index["stopwords"])
        self._demonyms: dict[str, str] = dict(index.get("demonyms", {}))
        self._places: dict[int, Place] = {}
        self._prefixes: set[str] = set(index.get("prefixes", ()))

    # -- records ---------------------------------------------------------------------------

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            place = self._places[i] = Place(*self._rows[i])
        return place

    def candidates(self, name: str) -> list[Place]:
        """Every place whose key matches `name`, most populous first."""
        from casualty.geo.normalize import normalize_place

        return [self._place(i) for i in self._keys.get(normalize_place(name), ())]

    # -- lookup ----------------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        country: str | None = None,
        context_countries: Sequence[str] = (),
    ) -> Place | None:
        """The best place for a name in any spelling or script, or None.

        Prefers `country`, then `context_countries` in order, then the most populous place.
        A trailing "province"/"governorate"/"oblast"... asks for the division of that name,
        "countryside" for the division where one exists.
        """
        from casualty.geo.normalize import normalize_place, words

        parts = words(name)
        prefer = "city"
        while len(parts) > 1 and parts[-1].casefold() in ADMIN_SUFFIXES | AREA_SUFFIXES:
            prefer = "admin1"
            parts = parts[:-1]
        if len(parts) > 1 and parts[0].casefold() == "the":
            parts = parts[1:]
        key = normalize_place(" ".join(parts))
        found = self._keys.get(key)
        if not found:
            return None
        context = ([country.upper()] if country else []) + [c.upper() for c in context_countries]
        return self._place(self._choose(found, context, prefer))

    def _choose(self, found: Sequence[int], context: Sequence[str], prefer: str) -> int:
        """Pick among same-key candidates: context country first, then population.

        `prefer="admin1"` (the name came with "province", "countryside"...) takes the best
        division or region when there is one. By default a division loses to a city of
        the same name in the same country ("Homs", "Idlib"), so mentions resolve to the most
        specific place.
        """
        rows = self._rows

        def ctx(i: int) -> int:
            code = rows[i][1]
            return context.index(code) if code in context else len(context)

        ordered = sorted(found, key=lambda i: (ctx(i), -rows[i][7], rows[i][6]))
        best = ordered[0]
        if prefer == "admin1":
            divisions = [i for i in ordered if rows[i][5] in ("admin1", "region")]
            if divisions:
                return divisions[0]
        elif rows[best][5] == "admin1":
            for i in ordered:
                if rows[i][5] == "city" and rows[i][1] == rows[best][1]:
                    return i
        if context and ctx(best) < len(context) and rows[best][7] < 10_000:
            # A tiny namesake in a context country loses to a world city.
            big = min(found, key=lambda i: (-rows[i][7], rows[i][6]))
            if rows[big][7] >= 1_000_000:
                return big
        return best

    # -- find_places -----------------------------------------------------------------------

    def find_places(
        self, text: str, context_countries: Sequence[str] = ()
    ) -> list[tuple[int, int, Place]]:
        """Place mentions in `text` as (start, end, place), longest match first, no overlaps.

        Scans capitalised word n-grams against the name index. Lone words need a cue ("in",
        "near", "east of", a following "province"), a country mentioned in the text or in
        `context_countries`, or a population of at least SINGLE_WORD_POPULATION; stop-words
        and words the text also uses in lower case are never places on their own.
        """
        tokens = _tokens(text)
        matches = self._scan(text, tokens)
        lower_words = {t.text for t in tokens if not t.capital}
        context = [c.upper() for c in context_countries]
        for m in matches:
            if m.first == m.last:
                code = self._demonyms.get(tokens[m.first].text)
                if code and code not in context:
                    context.append(code)
            best = self._rows[self._keys[m.key][0]]
            if best[5] == "country" and best[1] not in context:
                context.append(best[1])
        out: list[tuple[int, int, Place]] = []
        for m in matches:
            resolved = self._resolve(text, tokens, m, context, lower_words)
            if resolved is not None:
                out.append(resolved)
        return out

    def _scan(self, text: str, tokens: list[_Token]) -> list[_Match]:
        keys, prefixes = self._keys, self._prefixes
        matches: list[_Match] = []
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            if not tok.capital:
                i += 1
                continue
            acc: list[str] = []
            best: _Match | None = None
            for j in range(i, min(n, i + MAX_WORDS)):
                cur = tokens[j]
                if j > i:
                    gap = text[tokens[j - 1].end : cur.start]
                    if not _GAP_OK.match(gap):
                        break
                    if not cur.capital and cur.text not in _INNER:
                        break
                part = token_key(cur.text, not acc)
                if part:
                    acc.append(part)
                if not acc:
                    continue
                joined = " ".join(acc)
                if joined in keys and (cur.capital or (j > i and cur.text in GEO_NOUNS)):
                    best = _Match(i, j, joined)
                elif len(acc) > 0 and joined not in prefixes and joined not in keys:
                    break
            if best is None:
                i += 1
                continue
            matches.append(best)
            i = best.last + 1
        return matches

    def _resolve(
        self,
        text: str,
        tokens: list[_Token],
        m: _Match,
        context: Sequence[str],
        lower_words: set[str],
    ) -> tuple[int, int, Place] | None:
        first, last = tokens[m.first], tokens[m.last]
        start, end = first.start, last.end
        if m.first > 0:
            article = tokens[m.first - 1]
            if article.text in ARTICLES and text[article.end : first.start] == "-":
                start = article.start  # "al-Bab"
        prefer, suffix = "city", ""
        if m.last + 1 < len(tokens):
            nxt = tokens[m.last + 1]
            word = nxt.text.casefold()
            if text[last.end : nxt.start] == " " and word in _ALL_SUFFIXES:
                suffix = word
        if suffix in ADMIN_SUFFIXES or suffix in AREA_SUFFIXES:
            prefer = "admin1"
        cue = False
        if m.first > 0:
            prev = tokens[m.first - 1]
            cue = prev.text.casefold() in CUES and text[prev.end : first.start] == " "
        found = self._keys[m.key]
        choice = self._choose(found, context, prefer)
        row = self._rows[choice]
        if prefer == "admin1" and row[5] not in ("admin1", "region"):
            prefer = "city"
            if suffix in ADMIN_SUFFIXES and suffix not in ("district", "region", "state"):
                return None if m.first == m.last and not cue else (start, end, self._place(choice))
        if suffix and (prefer == "admin1" or suffix in CITY_SUFFIXES):
            end = tokens[m.last + 1].end
        if m.first == m.last and not self._single_ok(
            tokens, m, row, cue or bool(suffix), context, lower_words
        ):
            return None
        if m.first != m.last and all(
            tokens[k].text in self._stop or not tokens[k].capital
            for k in range(m.first, m.last + 1)
        ):
            return None
        return (start, end, self._place(choice))

    def _single_ok(
        self,
        tokens: list[_Token],
        m: _Match,
        row: tuple[Any, ...],
        cued: bool,
        context: Sequence[str],
        lower_words: set[str],
    ) -> bool:
        tok = tokens[m.first]
        word = tok.text
        if word in self._stop or word.casefold() in lower_words or word in self._demonyms:
            return False
        if word.isupper() and len(word) <= 4 and row[5] != "country":
            return False  # acronyms: "SANA", "IDF"
        if cued:
            return True
        # A lone word inside a run of other capitalised words is part of a name ("Hassan
        # Nasrallah", "Bashar al-Assad").
        for k in (m.first - 1, m.first + 1):
            if 0 <= k < len(tokens) and tokens[k].capital and tokens[k].text not in self._stop:
                near = tokens[k]
                lo, hi = sorted((near, tok), key=lambda t: t.start)
                if hi.start - lo.end <= 1:
                    return False
        if row[5] in ("country", "admin1", "region"):
            return True
        return bool(row[7] >= SINGLE_WORD_POPULATION or row[1] in context)

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
        """Add regions and renames from a TOML file shaped like `casualty/data/places.toml`."""
        from collections import defaultdict

        from casualty.geo.build import IndexBuilder, apply_curated, load_toml

        curated = load_toml(Path(path))
        builder = IndexBuilder()
        builder.rows = self._rows
        builder.keys = defaultdict(list, {k: list(v) for k, v in self._keys.items()})
        self._regions.update(apply_curated(builder, curated))
        self._keys = builder.finish()
        for key in self._keys:
            parts = key.split(" ")
            for k in range(1, len(parts)):
                self._prefixes.add(" ".join(parts[:k]))
        self._stop = self._stop | frozenset(curated.get("stopwords", []))
        self._demonyms.update(curated.get("demonyms", {}))
        self._places.clear()
