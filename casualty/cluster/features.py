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

from casualty.cluster import places, pubdate
from casualty.model import OUTCOMES, Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

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
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS: Final = re.compile(
    r"\b(yesterday|today|this morning|tonight|overnight|last night|on (?:"
    + "|".join(_WEEKDAYS)
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
    weekday = _WEEKDAYS.index(word.split()[1])
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


def _unique_map(values: pd.Series, fn: Callable[[Any], Any], default: Any) -> list[Any]:
    """fn applied once per distinct non-missing value; `default` for missing ones."""
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = [fn(u) for u in uniques.tolist()] + [default]
    return [mapped[c] for c in codes.tolist()]


def _codes(values: pd.Series, fn: Callable[[Any], Any], default: Any) -> IntArray:
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.array([fn(u) for u in uniques.tolist()] + [default], dtype=np.int64)
    return np.asarray(mapped[codes], dtype=np.int64)


def _first_seen(values: pd.Series) -> IntArray:
    """Codes 1, 2, ... by first appearance of each text (a `_Coder`'s), 0 for missing or "".

    Vectorised: a document column has nearly as many distinct values as rows.
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if pd.api.types.is_string_dtype(uniques.dtype) and uniques.dtype != object:
        distinct, text_codes = uniques, np.arange(len(uniques))
    else:  # other objects are coded by their text, as `str(v)` would
        text_codes, distinct = pd.factorize(pd.Series(uniques, dtype=object).map(str))
    kept = np.asarray(distinct != "", dtype=bool)
    code_of_text = np.where(kept, np.cumsum(kept), 0).astype(np.int64)
    mapped = np.append(code_of_text[text_codes], 0)
    return np.asarray(mapped[codes], dtype=np.int64)


def _dates(frame: pd.DataFrame) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """(lo, hi, dating, pub) of every row."""
    import numpy as np

    day = _codes(frame["date"], _day, NO_DAY)
    end = _codes(frame["date_end"], _day, NO_DAY)
    pub = _codes(frame["published"], _day, NO_DAY)
    span = _codes(frame["date_precision"], lambda p: _PRECISION_SPAN.get(p, 0), 0)
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
    texts = frame["text"].take(todo).to_numpy(dtype=object)
    slow = frame["source_type"].take(todo).isin(list(SLOW_SOURCES)).to_numpy()
    published = pub[todo]
    pinned = np.array(
        [
            text_day(text, day) if isinstance(text, str) else NO_DAY
            for text, day in zip(texts.tolist(), published.tolist(), strict=True)
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


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def build_frame(frame: pd.DataFrame, registry: Registry | None) -> Table:
    """Features of claims given as columns (`COLUMNS`); each distinct value resolved once."""
    import numpy as np
    import pandas as pd

    from casualty.geo import normalize_place

    len(frame)
    lo, hi, dating, pub = _dates(frame)
    cc = pd.Series(_unique_map(frame["country"], lambda v: places.country_of(_text(v)), None))
    sep = "\x1f"
    where = (
        frame["location"].fillna("").astype(str)
        + sep
        + frame["admin1"].fillna("").astype(str)
        + sep
        + cc.fillna("").astype(str)
    )
    codes, uniques = pd.factorize(where)
    triples = [u.split(sep) for u in uniques.tolist()]
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
    lat = pd.to_numeric(frame["lat"], errors="coerce").to_numpy(dtype=np.float64)
    lon = pd.to_numeric(frame["lon"], errors="coerce").to_numpy(dtype=np.float64)
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
    perp = _codes(frame["perpetrator"], lambda v: _actor_code(actors, actor_key(str(v))), 0)
    victim = _codes(frame["victim"], lambda v: _actor_code(actors, actor_key(str(v))), 0)
    source = _codes(frame["source"], lambda v: sources.code(source_key(str(v))), 0)
    doc = _first_seen(frame["doc"])

    def ints(column: str) -> IntArray:
        values = pd.to_numeric(frame[column], errors="coerce").fillna(-1)
        return np.asarray(values.to_numpy(dtype=np.int64), dtype=np.int64)

    return Table(
        ids=[str(v) for v in frame["claim_id"].tolist()],
        kind=_codes(frame["kind"], lambda v: KIND_CODES.get(v, 0), 0),
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
        vcat=_codes(frame["victim_category"], lambda v: _CATEGORIES.get(v, 0), 0),
        outcome=_codes(frame["outcome"], lambda v: _OUTCOMES.get(v, 0), 0),
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
        by_pub=pubdate.flags(frame["text"], (dating == EXACT) & (lo == pub) & (hi == pub)),
    )
