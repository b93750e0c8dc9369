"""Pair scores: how much each feature says two claims describe the same incident.

Each feature adds a log-odds-like contribution (positive: same incident, negative: different
incidents); the score of a pair is their sum. The weights are set by hand from what the
features mean, not fitted: a shared exact day at the same named place is strong evidence, a
one-day gap at one place is evidence against (a city struck daily), a repeated figure is a
relay (more so when one source repeats it), and a different figure from the same source about
the same victims is a toll update.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from casualty.cluster import arrays
from casualty.cluster.features import EXACT, UNDATED, UNKNOWN_ACTOR, WEAK, Table
from casualty.cluster.places import ADMIN, NEAR

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]

#: Feature names, in the column order of `score_pairs`' contribution matrix.
FEATURES: Final = ("date", "place", "perpetrator", "victim", "figures", "same_document")

#: A contribution at or below this is a veto: the pair cannot be one incident.
VETO: Final = -5.0

#: The same-document contribution of a claim its article tells as another attack.
OTHER_ATTACK: Final = -6.0

#: Extra weight when one source repeats one exact figure: the same toll, relayed.
SAME_SOURCE_RELAY: Final = 2.0

#: The date contribution of two reports dated to the day, a day apart.
DAY_OFF: Final = -1.5
#: How much more named victims that differ count between two such reports.
OTHER_DAY_VICTIMS: Final = 2.0

#: The date contribution of a report dated only by its publication, out the day after a
#: report dated to the day (as for a publication-window report, `_date`'s `near`).
PUBLISHED_NEXT_DAY: Final = 1.0

_EARTH_KM: Final = 6371.0088

#: Pairs to score at a time (`score_pairs` gathers each field it reads for every pair and
#: keeps them while it scores: a chunk bounds those arrays and the per-feature matrix).
CHUNK: Final = 1 << 18


def distance_km(t: Table, a: IntArray, b: IntArray) -> FloatArray:
    """Great-circle distance between the places of claims a[k] and b[k] (NaN if unknown)."""
    import numpy as np

    lat1, lat2 = np.radians(t.lat[a]), np.radians(t.lat[b])
    dlat = lat2 - lat1
    dlon = np.radians(t.lon[b] - t.lon[a])
    h = np.sin(dlat / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))))


def name_similarity(t: Table, pa: IntArray, pb: IntArray) -> FloatArray:
    """rapidfuzz similarity (0-100) of the normalised names of place codes pa[k] and pb[k]."""
    import numpy as np
    from rapidfuzz import fuzz, process

    width = np.int64(len(t.place_keys))
    pairs, inverse = arrays.unique_inverse(pa * width + pb)
    keys = t.place_keys
    left = [_spelling(keys[i]) for i in (pairs // width).tolist()]
    right = [_spelling(keys[i]) for i in (pairs % width).tolist()]
    sims = process.cpdist(left, right, scorer=fuzz.ratio, workers=-1)
    return np.asarray(sims, dtype=np.float64)[inverse]


_DOUBLE: Final = re.compile(r"(\w)\1+")


def _spelling(key: str) -> str:
    """A name key with the i/y alternation of romanisations folded ("Haysyn", "Haisin")."""
    return _DOUBLE.sub(r"\1", key.replace("y", "i"))


class _Pairs:
    """The values of a field for both claims of every pair, gathered once per field."""

    __slots__ = ("_a", "_b", "_got", "t")

    def __init__(self, t: Table, a: IntArray, b: IntArray) -> None:
        self.t, self._a, self._b = t, a, b
        self._got: dict[str, tuple[Any, Any]] = {}

    def __call__(self, name: str) -> tuple[Any, Any]:
        got = self._got.get(name)
        if got is None:
            column = getattr(self.t, name)
            got = self._got[name] = (column[self._a], column[self._b])
        return got


def _date(p: _Pairs) -> FloatArray:
    import numpy as np

    t = p.t
    lo_a, lo_b = p("lo")
    hi_a, hi_b = p("hi")
    gap = np.maximum(lo_a, lo_b) - np.minimum(hi_a, hi_b)
    da, db = p("dating")
    both = (da == EXACT) & (db == EXACT)
    one = ((da == EXACT) & (db == WEAK)) | ((da == WEAK) & (db == EXACT))
    width = np.maximum(hi_a - lo_a, hi_b - lo_b)
    # A report dated only by its publication most often follows the incident by a day or
    # less: a day in its window close to publication fits better than one three days back.
    weak_hi = np.where(da == WEAK, hi_a, hi_b)
    exact_day = np.where(da == EXACT, lo_a, lo_b)
    pub_a, pub_b = p("pub")
    by_pub = np.where(da == WEAK, pub_a, pub_b) == weak_hi
    near = np.where(by_pub, np.where(weak_hi - exact_day <= 1, 1.5, 0.5), 1.0)
    out = np.select(
        [gap >= 2, both & (gap <= 0), both, one & (gap <= 0), one, gap <= 0],
        [-8.0, 2.5, DAY_OFF, np.where(width <= 4, near, 0.3), -2.0, 0.4],
        default=-2.0,
    )
    if t.by_pub is not None:
        # A report whose text names no day carries its publication day: one out the day
        # after a report that names its day most often tells of that day's incident.
        pa, pb = p("by_pub")
        next_day = (pa & ~pb & (db == EXACT) & (lo_a - hi_b == 1)) | (
            pb & ~pa & (da == EXACT) & (lo_b - hi_a == 1)
        )
        out = np.where(next_day, PUBLISHED_NEXT_DAY, out)
    return np.where((da == UNDATED) | (db == UNDATED), 0.0, out)


def _place(p: _Pairs) -> FloatArray:
    import numpy as np

    t = p.t
    la, lb = p("level")
    ca, cb = p("country")
    pa, pb = p("place")
    aa, ab = p("admin")
    placed = (la >= NEAR) & (lb >= NEAR)
    near = placed & ((la == NEAR) | (lb == NEAR))
    admins = (aa > 0) & (ab > 0)
    same_place = placed & (pa == pb) & (pa > 0)
    # Distances count only between two different named places (the trigonometry is the
    # costliest part of a score, and most pairs share their place).
    apart = np.flatnonzero(placed & ~same_place)
    dist = np.full(len(la), np.nan)
    dist[apart] = distance_km(t, p._a[apart], p._b[apart])
    known = ~np.isnan(dist)
    by_distance = np.where(
        near,
        np.select([dist < 30, dist < 60], [0.0, -1.5], default=-6.0),
        np.select([dist < 3, dist < 10, dist < 25], [0.5, -1.0, -2.5], default=-6.0),
    )
    placed_other = np.where(
        known, by_distance, np.where(admins, np.where(aa == ab, -1.5, -6.0), -2.0)
    )
    # A place the gazetteer does not know is compared by its name with the other's.
    ra, rb = p("resolved")
    by_name = placed & ~same_place & ~(ra & rb)
    by_name &= ~(admins & (aa != ab))
    if by_name.any():
        similar = name_similarity(t, pa[by_name], pb[by_name])
        # Two names the gazetteer lacks carry their parent's coordinates (a district of a
        # city, a village near a town), so a short distance says nothing: unlike names are
        # different places ("the Karrada district" and "the Shaab neighbourhood").
        unknown = ~ra[by_name] & ~rb[by_name]
        placed_other[by_name] = np.where(
            similar >= 85,
            2.0,
            np.where(
                similar >= 70,
                0.0,
                np.where(
                    unknown & (la[by_name] > NEAR) & (lb[by_name] > NEAR),
                    -6.0,
                    placed_other[by_name],
                ),
            ),
        )
    mixed = ((la >= NEAR) & (lb == ADMIN)) | ((la == ADMIN) & (lb >= NEAR))
    both_admin = (la == ADMIN) & (lb == ADMIN)
    out = np.select(
        [
            (ca > 0) & (cb > 0) & (ca != cb),
            same_place & ~near,
            same_place,
            placed,
            (mixed | both_admin) & admins & (aa == ab),
            (mixed | both_admin) & admins,
        ],
        [-10.0, 3.0, 2.0, placed_other, 1.0, -6.0],
        default=0.0,
    )
    if t.sector is not None:
        # Two parts of one town ("central X", "the eastern part of the city"): one article
        # naming both tells two places apart; across articles, only the town is shared.
        sa, sb = p("sector")
        parts = same_place & (sa > 0) & (sb > 0) & (sa != sb)
        doc_a, doc_b = p("doc")
        same_doc = (doc_a == doc_b) & (doc_a > 0)
        out = np.where(parts, np.where(same_doc, -6.0, 0.0), out)
    return np.asarray(out, dtype=np.float64)


def _figures(p: _Pairs) -> FloatArray:
    import numpy as np

    out_a, out_b = p("outcome")
    same_outcome = out_a == out_b
    la, lb = p("low")
    ha, hb = p("high")
    # "At least 12" and "12" give one figure; an open bound takes the other's.
    same_low = (la >= 0) & (la == lb) & ((ha == hb) | (ha < 0) | (hb < 0))
    same_high = (la < 0) & (lb < 0) & (ha >= 0) & (ha == hb)
    same_figure = same_outcome & (same_low | same_high)
    size = np.where(la >= 0, la, ha).clip(0, None)
    # A range ("dozens" as 24-99) repeats a word, not a count.
    ranged = (la >= 0) & (ha > la) & (hb > lb)
    relay = np.where(ranged, 0.5, np.minimum(2.5, 0.5 + np.log10(size + 1.0)))
    src_a, src_b = p("source")
    same_source = (src_a == src_b) & (src_a > 0)
    va, vb = p("victim")
    update = same_outcome & same_source & (va == vb) & ~same_figure
    relay = np.where(same_source & ~ranged, relay + SAME_SOURCE_RELAY, relay)
    return np.where(same_figure, relay, np.where(update, 0.5, 0.0))


def _match(x: IntArray, y: IntArray, same: float, different: float) -> FloatArray:
    """`same` for equal codes, `different` for two different known ones, else 0."""
    import numpy as np

    known = (x > 0) & (y > 0) & (x < UNKNOWN_ACTOR) & (y < UNKNOWN_ACTOR)
    return np.where((x > 0) & (x == y), same, np.where(known, different, 0.0))


def score_pairs(t: Table, a: IntArray, b: IntArray) -> tuple[FloatArray, FloatArray]:
    """(total score, per-feature contributions [pairs x FEATURES]) of pairs (a[k], b[k])."""
    import numpy as np

    p = _Pairs(t, a, b)
    date = _date(p)
    place = _place(p)
    perp_a, perp_b = p("perp")
    va, vb = p("victim")
    # Two sides of one clash: each blames the other for its own losses.
    crossed = (perp_a == vb) & (va == perp_b) & (perp_a > 0)
    perp = np.where(crossed, 0.0, _match(perp_a, perp_b, 1.0, -2.0))
    both_victims = (va > 0) & (vb > 0) & (va < UNKNOWN_ACTOR) & (vb < UNKNOWN_ACTOR)
    victim = np.where(
        crossed,
        0.0,
        np.where(
            both_victims,
            _match(va, vb, 0.5, -1.5),
            _match(*p("vcat"), 0.0, -1.0),
        ),
    )
    # Reports a day apart that name other victims: the next strike, not a misdated report
    # (either alone is common within one incident, both together much less so).
    victim = np.where((date == DAY_OFF) & (victim < 0), victim * OTHER_DAY_VICTIMS, victim)
    figures = _figures(p)
    # An article that dates one report to the day and another only to a week or a month
    # ("last week", "in November") tells a background event apart from its news.
    da, db = p("dating")
    lo_a, lo_b = p("lo")
    hi_a, hi_b = p("hi")
    wide = np.maximum(hi_a - lo_a, hi_b - lo_b) > 4
    background = wide & (((da == EXACT) & (db == WEAK)) | ((da == WEAK) & (db == EXACT)))
    doc_a, doc_b = p("doc")
    one_doc = (doc_a == doc_b) & (doc_a > 0)
    same_doc = np.where(one_doc & (date > VETO) & (place > VETO) & ~background, 3.0, 0.0)
    if t.other is not None:
        # "Separately, ...", "killed in a previous strike": the article tells another attack
        # beside its own, however close in day and place.
        other_a, other_b = p("other")
        same_doc = np.where(one_doc & (other_a != other_b), OTHER_ATTACK, same_doc)
    parts = np.stack([date, place, perp, victim, figures, same_doc], axis=1)
    return parts.sum(axis=1), parts
