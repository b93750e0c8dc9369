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

from casualty.cluster import places
from casualty.model import Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from casualty.registry import Registry

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

#: Days since 1970-01-01 standing for "no date".
NO_DAY: Final = -(10**9)
FAR: Final = 10**9

#: How many days after an incident a report usually comes out (publication-only dating).
REPORT_LAG: Final = 3
#: The same for bodies that publish findings weeks later.
SLOW_LAG: Final = 30
SLOW_SOURCES: Final = frozenset({"international"})

#: Date classes: how well a claim's incident day is known.
UNDATED: Final = 0
WEAK: Final = 1  # a window: publication-only, a week, a month, a multi-day range
EXACT: Final = 2  # a day

KIND_CODES: Final = {"claim": 0, "omission": 1, "period_total": 2}
_PRECISION_SPAN: Final = {"week": 6, "month": 30, "year": 364}
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS: Final = re.compile(
    r"\b(yesterday|today|this morning|tonight|overnight|last night|on (?:"
    + "|".join(_WEEKDAYS)
    + r"))\b",
    re.IGNORECASE,
)


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
    #: Per claim, the display name of its most specific place (None when unplaced).
    place_name: list[str | None]
    #: Code -> text for `country` (index 0 is "").
    countries: list[str]

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
    match = _DAY_WORDS.search(text)
    if match is None:
        return NO_DAY
    word = match.group(1).lower()
    if word in {"yesterday", "last night"}:
        return pub - 1
    if word in {"today", "this morning", "tonight", "overnight"}:
        return pub
    weekday = _WEEKDAYS.index(word.split()[1])
    pub_weekday = (pub + 3) % 7  # 1970-01-01 was a Thursday
    return pub - ((pub_weekday - weekday) % 7)


def _dating(claim: Claim, pub: int) -> tuple[int, int, int]:
    """(lo, hi, dating class) of a claim's incident day."""
    day = _day(claim.date)
    if day != NO_DAY:
        end = _day(claim.date_end)
        span = _PRECISION_SPAN.get(claim.date_precision or "", 0)
        if end != NO_DAY and end > day:
            return day, end, WEAK if end - day > 1 or span else EXACT
        if span:
            return day, day + span, WEAK
        return day, day, EXACT
    pinned = text_day(claim.text, pub)
    if pinned != NO_DAY:
        return pinned, pinned, EXACT
    if pub != NO_DAY:
        lag = SLOW_LAG if claim.source_type in SLOW_SOURCES else REPORT_LAG
        return pub - lag, pub, WEAK
    return -FAR, FAR, UNDATED


def _actor_key(registry: Registry | None) -> Callable[[str], str]:
    def key(name: str) -> str:
        if registry is not None:
            actor = registry.actor(name)
            if actor is not None:
                return actor.side or actor.name
        return places.fold(name)

    return key


def _source_key(registry: Registry | None) -> Callable[[str], str]:
    def key(name: str) -> str:
        if registry is not None:
            source = registry.source(name)
            if source is not None:
                return source.name
        return places.fold(name)

    return key


def build(claims: Sequence[Claim], registry: Registry | None) -> Table:
    """Resolve and code every claim's features (each distinct value once)."""
    import numpy as np

    spot_cache: dict[tuple[Any, ...], places.Spot] = {}
    actor_cache: dict[str, int] = {}
    source_cache: dict[str, int] = {}
    actor_key = _actor_key(registry)
    source_key = _source_key(registry)
    countries, admins, spots_c, actors, sources, docs, cats = (_Coder() for _ in range(7))
    outcomes = {"killed": 1, "wounded": 2, "captured": 3, "missing": 4, "killed_or_wounded": 5}
    n = len(claims)
    rows: list[tuple[int, ...]] = []
    coords: list[tuple[float, float]] = []
    nan = float("nan")
    place_name: list[str | None] = []
    day_cache: dict[str | None, int] = {}
    for c in claims:
        pub = day_cache.get(c.published)
        if pub is None:
            pub = day_cache[c.published] = _day(c.published)
        lo, hi, dating = _dating(c, pub)
        key = (c.location, c.admin1, c.country, c.lat, c.lon)
        spot = spot_cache.get(key)
        if spot is None:
            spot = spot_cache[key] = places.resolve(*key)
        perp = _cached(actor_cache, c.perpetrator, actor_key, actors)
        victim = _cached(actor_cache, c.victim, actor_key, actors)
        source = _cached(source_cache, c.source, source_key, sources)
        rows.append(
            (
                KIND_CODES.get(c.kind, 0),
                lo,
                hi,
                dating,
                pub,
                countries.code(spot.country),
                admins.code(spot.admin),
                spots_c.code(spot.place),
                spot.level,
                perp,
                victim,
                cats.code(c.victim_category if c.victim_category != "unspecified" else None),
                outcomes.get(c.outcome, 0),
                source,
                docs.code(c.doc),
                -1 if c.low is None else c.low,
                -1 if c.high is None else c.high,
            )
        )
        coords.append((nan, nan) if spot.lat is None or spot.lon is None else (spot.lat, spot.lon))
        place_name.append(spot.name)
    cols = np.array(rows, dtype=np.int64).reshape(n, 17).T.copy()
    xy = np.array(coords, dtype=np.float64).reshape(n, 2)
    (kind, lo, hi, dating, pub, country, admin, place, level) = cols[:9]
    (perp, victim, vcat, outcome, source, doc, low, high) = cols[9:]
    return Table(
        [c.claim_id for c in claims],
        kind,
        lo,
        hi,
        dating,
        pub,
        country,
        admin,
        place,
        level,
        perp,
        victim,
        vcat,
        outcome,
        source,
        doc,
        low,
        high,
        xy[:, 0].copy(),
        xy[:, 1].copy(),
        place_name,
        countries.values,
    )


def _cached(
    cache: dict[str, int], value: str | None, key: Callable[[str], str], coder: _Coder
) -> int:
    if not value:
        return 0
    got = cache.get(value)
    if got is None:
        got = cache[value] = coder.code(key(value))
    return got
