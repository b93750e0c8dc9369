"""Claims as columns: the per-claim values the blocking and the pair scores read.

Every distinct string (place, actor, source, document) is resolved once and coded as an
integer, so that blocking and scoring run as numpy operations over arrays, not over records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from casualty.cluster import other_attack, places, pubdate
from casualty.cluster.claim_fields import codes_of, first_seen, numbers, text_codes
from casualty.dates import WEEKDAY_NAMES
from casualty.model import OUTCOMES, Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from casualty.cluster.claim_fields import Fields
    from casualty.registry import Registry

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

#: Days since 1970-01-01 standing for "no date".
NO_DAY: Final = -(10**9)
FAR: Final = 10**9

#: How many days after an incident a report usually comes out (publication-only dating).
REPORT_LAG: Final = 3
#: The same for bodies that publish findings weeks later (up to about six weeks; blocking
#: spreads a claim over at most `blocking.MAX_WINDOW` + 1 days, which this fills).
SLOW_LAG: Final = 40
SLOW_SOURCES: Final = frozenset({"international"})

#: Date classes: how well a claim's incident day is known.
UNDATED: Final = 0
WEAK: Final = 1  # a window: publication-only, a week, a month, a multi-day range
EXACT: Final = 2  # a day

KIND_CODES: Final = {"claim": 0, "omission": 1, "period_total": 2}
_PRECISION_SPAN: Final = {"week": 6, "month": 30, "year": 364}
_DAY_WORDS: Final = re.compile(
    r"\b(yesterday|today|this morning|tonight|overnight|last night|on (?:"
    + "|".join(WEEKDAY_NAMES)
    + r"))\b",
    re.IGNORECASE,
)
#: The same on lower-cased ASCII text (where case folding adds nothing), at half the cost.
_DAY_WORDS_LOWER: Final = re.compile(_DAY_WORDS.pattern)


@dataclass(slots=True)
class Table:
    """Columns of per-claim features (parallel numpy arrays, one entry per claim)."""

    ids: list[str]
    kind: IntArray
    lo: IntArray
    hi: IntArray
    dating: IntArray
    pub: IntArray
    country: IntArray
    admin: IntArray
    place: IntArray
    level: IntArray
    perp: IntArray
    victim: IntArray
    vcat: IntArray
    outcome: IntArray
    source: IntArray
    doc: IntArray
    low: IntArray
    high: IntArray
    lat: FloatArray
    lon: FloatArray
    #: Whether the gazetteer knew the claim's place (else it is compared by name).
    resolved: BoolArray
    #: Code -> normalised name for `place` (index 0 is ""), resolved places by their name.
    place_keys: list[str]
    #: Per claim, the display name of its most specific place (None when unplaced).
    place_name: list[str | None]
    #: Code -> text for `country` (index 0 is "").
    countries: list[str]
    #: The part of its town a claim names (`places.SECTORS` code, 0 for none; None: no column).
    sector: IntArray | None = None
    #: Whether a claim's day is only its publication day (its text names none; None: unknown).
    by_pub: BoolArray | None = None
    #: Whether a claim's text tells of another attack than its article's (`other_attack`).
    other: BoolArray | None = None

    def __len__(self) -> int:
        return len(self.ids)


class _Coder:
    """Integer codes for strings; 0 stands for missing."""

    __slots__ = ("codes", "values")

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.values: list[str] = [""]

    def code(self, value: str | None) -> int:
        if not value:
            return 0
        got = self.codes.get(value)
        if got is None:
            got = self.codes[value] = len(self.values)
            self.values.append(value)
        return got


def _day(value: str | None) -> int:
    if not value:
        return NO_DAY
    try:
        return (dt.date.fromisoformat(value[:10]) - dt.date(1970, 1, 1)).days
    except ValueError:
        return NO_DAY


def text_day(text: str | None, pub: int) -> int:
    """The incident day a relative date word in the text pins, from the publication day.

    "yesterday" is the day before publication, "today" the day itself, "on Tuesday" the most
    recent Tuesday up to publication. NO_DAY when the text has none (or no publication day).
    """
    if not text or pub == NO_DAY:
        return NO_DAY
    match = _DAY_WORDS_LOWER.search(text.lower()) if text.isascii() else _DAY_WORDS.search(text)
    if match is None:
        return NO_DAY
    word = match.group(1).lower()
    if word in {"yesterday", "last night"}:
        return pub - 1
    if word in {"today", "this morning", "tonight", "overnight"}:
        return pub
    weekday = WEEKDAY_NAMES.index(word.split()[1])
    pub_weekday = (pub + 3) % 7  # 1970-01-01 was a Thursday
    return pub - ((pub_weekday - weekday) % 7)


#: Actor codes at or above this are names the registry does not know: they can match one
#: another, but two different unknown names are no evidence of different actors.
UNKNOWN_ACTOR: Final = 1 << 30


def _actor_key(registry: Registry | None) -> Callable[[str], str]:
    def key(name: str) -> str:
        if registry is not None:
            actor = registry.actor(name)
            # "people", "victims": a word for anyone, which no other victim contradicts.
            if actor is not None and actor.category != "unspecified":
                return actor.side or actor.name
        return "?" + places.fold(name)

    return key


def _actor_code(coder: _Coder, key: str) -> int:
    code = coder.code(key)
    return code + UNKNOWN_ACTOR if key.startswith("?") else code


def _source_key(registry: Registry | None) -> Callable[[str], str]:
    def key(name: str) -> str:
        if registry is not None:
            source = registry.source(name)
            if source is not None:
                return source.name
        return places.fold(name)

    return key


#: The claim fields the features read.
COLUMNS: Final = (
    "claim_id",
    "kind",
    "source",
    "source_type",
    "doc",
    "published",
    "date",
    "date_end",
    "date_precision",
    "location",
    "admin1",
    "country",
    "lat",
    "lon",
    "perpetrator",
    "victim",
    "victim_category",
    "outcome",
    "low",
    "high",
    "text",
)
# Outcome codes from the vocabulary itself, so a new outcome cannot be missed here.
_OUTCOMES: Final = {name: code for code, name in enumerate(OUTCOMES, start=1)}
_CATEGORIES: Final = {"combatants": 1, "civilians": 2, "mixed": 3}


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """The feature columns of claims as a DataFrame (one row per claim, same order)."""
    import pandas as pd

    return pd.DataFrame(
        {name: pd.Series([getattr(c, name) for c in claims], dtype=object) for name in COLUMNS}
    )


def build(claims: Sequence[Claim], registry: Registry | None) -> Table:
    """Resolve and code every claim's features (each distinct value once)."""
    return build_frame(claims_frame(claims), registry)


def _dates(fields: Fields) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """(lo, hi, dating, pub) of every row."""
    import numpy as np

    day = codes_of(fields.coded("date"), _day, NO_DAY)
    end = codes_of(fields.coded("date_end"), _day, NO_DAY)
    pub = codes_of(fields.coded("published"), _day, NO_DAY)
    span = codes_of(fields.coded("date_precision"), lambda p: _PRECISION_SPAN.get(p, 0), 0)
    has = day != NO_DAY
    ranged = has & (end != NO_DAY) & (end > day)
    lo = np.where(has, day, -FAR)
    hi = np.where(ranged, end, np.where(has, day + span, FAR))
    dating = np.where(
        ranged,
        np.where((end - day > 1) | (span > 0), WEAK, EXACT),
        np.where(has, np.where(span > 0, WEAK, EXACT), UNDATED),
    )
    # A day after the publication day cannot be right: the report dates the incident only
    # to the days before it came out.
    late = has & (pub != NO_DAY) & (day > pub)
    has &= ~late
    # Undated claims: a day word in the text, else the publication window.
    todo = np.flatnonzero(~has & (pub != NO_DAY))
    texts = fields.take("text", todo)
    slow = codes_of(fields.coded("source_type"), lambda v: v in SLOW_SOURCES, 0)[todo] > 0
    published = pub[todo]
    # Only texts with a day word can pin a day: the others are told apart in C.
    maybe = pubdate.may_match(texts, _DAY_WORDS.pattern)
    read = np.flatnonzero(maybe) if maybe is not None else np.arange(len(todo))
    pinned = np.full(len(todo), NO_DAY, dtype=np.int64)
    pinned[read] = np.array(
        [
            text_day(text, day) if isinstance(text, str) else NO_DAY
            for text, day in zip(texts.take(read).tolist(), published[read].tolist(), strict=True)
        ],
        dtype=np.int64,
    )
    found = pinned != NO_DAY
    lo[todo] = np.where(found, pinned, published - np.where(slow, SLOW_LAG, REPORT_LAG))
    hi[todo] = np.where(found, pinned, published)
    dating[todo] = np.where(found, EXACT, WEAK)
    return lo, hi, dating, pub


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def build_frame(frame: pd.DataFrame, registry: Registry | None) -> Table:
    """Features of claims given as columns (`COLUMNS`); each distinct value resolved once."""
    from casualty.cluster.claim_fields import FrameFields

    return build_fields(FrameFields(frame), registry)


def _spots(fields: Fields) -> tuple[IntArray, list[tuple[str, str, str]]]:
    """Per row a code of its (location, admin1, country code) texts (missing: ""), and the
    distinct triples in order of first appearance.

    The pair codes are joined first, and only the distinct joined keys become text: a
    million rows share some tens of thousands of places.
    """
    import numpy as np
    import pandas as pd

    country_codes, country_values = fields.coded("country")
    iso = [places.country_of(_text(v)) for v in country_values.tolist()]
    iso_codes, iso_values = pd.factorize(np.array([c or "" for c in [*iso, None]], dtype=object))
    loc, loc_text = text_codes(fields.coded("location"))
    adm, adm_text = text_codes(fields.coded("admin1"))
    cc = np.asarray(iso_codes[country_codes], dtype=np.int64)
    first, pair = pd.factorize(loc * np.int64(len(adm_text)) + adm)
    key, triple = pd.factorize(first * np.int64(len(iso_values)) + cc)
    pairs = pair[triple // len(iso_values)]
    sep = "\x1f"
    joined = [
        loc_text[p // len(adm_text)] + sep + adm_text[p % len(adm_text)] + sep + iso_values[c]
        for p, c in zip(pairs.tolist(), (triple % len(iso_values)).tolist(), strict=True)
    ]
    # Equal texts are one place even if their parts differ ("a\x1fb" + "c", "a" + "b\x1fc").
    joined_codes, uniques = pd.factorize(np.array(joined, dtype=object))
    split = [tuple(u.split(sep)) for u in uniques.tolist()]
    return np.asarray(joined_codes[key], dtype=np.int64), split


def build_fields(fields: Fields, registry: Registry | None) -> Table:
    """Features of claims read from `fields`; each distinct value resolved once."""
    import numpy as np

    from casualty.geo import normalize_place

    lo, hi, dating, pub = _dates(fields)
    codes, triples = _spots(fields)
    spots = [places.resolve(_text(loc), _text(adm), c or None) for loc, adm, c in triples]
    countries, admins, spot_codes = _Coder(), _Coder(), _Coder()
    per_spot = np.array(
        [
            (
                countries.code(s.country),
                admins.code(s.admin),
                spot_codes.code(s.place),
                s.level,
                s.resolved,
                s.sector,
            )
            for s in spots
        ],
        dtype=np.int64,
    ).reshape(len(spots), 6)
    spot_lat = np.array([np.nan if s.lat is None else s.lat for s in spots], dtype=np.float64)
    spot_lon = np.array([np.nan if s.lon is None else s.lon for s in spots], dtype=np.float64)
    lat = numbers(fields.coded("lat"), np.nan)
    lon = numbers(fields.coded("lon"), np.nan)
    given = ~np.isnan(lat) & ~np.isnan(lon)
    lat = np.where(given, lat, spot_lat[codes])
    lon = np.where(given, lon, spot_lon[codes])
    names = [s.name for s in spots]
    # The name key each place code is compared by: a gazetteer id says nothing about spelling.
    place_keys = [""] * len(spot_codes.values)
    for s in spots:
        if s.place:
            key = s.place.split(":", 1)[-1]
            if s.resolved and s.name:
                key = normalize_place(s.name) or key
            place_keys[spot_codes.codes[s.place]] = key

    actor_key = _actor_key(registry)
    source_key = _source_key(registry)
    actors, sources = _Coder(), _Coder()
    perp = codes_of(
        fields.coded("perpetrator"), lambda v: _actor_code(actors, actor_key(str(v))), 0
    )
    victim = codes_of(fields.coded("victim"), lambda v: _actor_code(actors, actor_key(str(v))), 0)
    source = codes_of(fields.coded("source"), lambda v: sources.code(source_key(str(v))), 0)
    doc = first_seen(fields.coded("doc"))

    def ints(column: str) -> IntArray:
        return np.asarray(numbers(fields.coded(column), -1.0).astype(np.int64), dtype=np.int64)

    on_pub = np.flatnonzero((dating == EXACT) & (lo == pub) & (hi == pub))
    by_pub = np.zeros(len(fields), dtype=bool)
    by_pub[on_pub[pubdate.silent(fields.take("text", on_pub))]] = True
    return Table(
        ids=fields.texts("claim_id"),
        kind=codes_of(fields.coded("kind"), lambda v: KIND_CODES.get(v, 0), 0),
        lo=lo,
        hi=hi,
        dating=dating,
        pub=pub,
        country=per_spot[codes, 0],
        admin=per_spot[codes, 1],
        place=per_spot[codes, 2],
        level=per_spot[codes, 3],
        perp=perp,
        victim=victim,
        vcat=codes_of(fields.coded("victim_category"), lambda v: _CATEGORIES.get(v, 0), 0),
        outcome=codes_of(fields.coded("outcome"), lambda v: _OUTCOMES.get(v, 0), 0),
        source=source,
        doc=doc,
        low=ints("low"),
        high=ints("high"),
        lat=lat,
        lon=lon,
        resolved=per_spot[codes, 4].astype(bool),
        place_keys=place_keys,
        place_name=[names[c] for c in codes.tolist()],
        countries=countries.values,
        sector=per_spot[codes, 5],
        by_pub=by_pub,
        other=other_attack.other_attacks(fields.take("text", np.arange(len(fields)))),
    )
