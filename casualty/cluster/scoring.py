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
from typing import TYPE_CHECKING, Final

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


def _date(t: Table, a: IntArray, b: IntArray) -> FloatArray:
    import numpy as np

    gap = np.maximum(t.lo[a], t.lo[b]) - np.minimum(t.hi[a], t.hi[b])
    da, db = t.dating[a], t.dating[b]
    both = (da == EXACT) & (db == EXACT)
    one = ((da == EXACT) & (db == WEAK)) | ((da == WEAK) & (db == EXACT))
    width = np.maximum(t.hi[a] - t.lo[a], t.hi[b] - t.lo[b])
    # A report dated only by its publication most often follows the incident by a day or
    # less: a day in its window close to publication fits better than one three days back.
    weak_hi = np.where(da == WEAK, t.hi[a], t.hi[b])
    exact_day = np.where(da == EXACT, t.lo[a], t.lo[b])
    by_pub = np.where(da == WEAK, t.pub[a], t.pub[b]) == weak_hi
    near = np.where(by_pub, np.where(weak_hi - exact_day <= 1, 1.5, 0.5), 1.0)
    out = np.select(
        [gap >= 2, both & (gap <= 0), both, one & (gap <= 0), one, gap <= 0],
        [-8.0, 2.5, DAY_OFF, np.where(width <= 4, near, 0.3), -2.0, 0.4],
        default=-2.0,
    )
    if t.by_pub is not None:
        # A report whose text names no day carries its publication day: one out the day
        # after a report that names its day most often tells of that day's incident.
        pa, pb = t.by_pub[a], t.by_pub[b]
        next_day = (pa & ~pb & (db == EXACT) & (t.lo[a] - t.hi[b] == 1)) | (
            pb & ~pa & (da == EXACT) & (t.lo[b] - t.hi[a] == 1)
        )
        out = np.where(next_day, PUBLISHED_NEXT_DAY, out)
    return np.where((da == UNDATED) | (db == UNDATED), 0.0, out)


def _place(t: Table, a: IntArray, b: IntArray) -> FloatArray:
    import numpy as np

    la, lb = t.level[a], t.level[b]
    ca, cb = t.country[a], t.country[b]
    pa, pb = t.place[a], t.place[b]
    aa, ab = t.admin[a], t.admin[b]
    placed = (la >= NEAR) & (lb >= NEAR)
    near = placed & ((la == NEAR) | (lb == NEAR))
    dist = distance_km(t, a, b)
    known = ~np.isnan(dist)
    by_distance = np.where(
        near,
        np.select([dist < 30, dist < 60], [0.0, -1.5], default=-6.0),
        np.select([dist < 3, dist < 10, dist < 25], [0.5, -1.0, -2.5], default=-6.0),
    )
    admins = (aa > 0) & (ab > 0)
    same_place = placed & (pa == pb) & (pa > 0)
    placed_other = np.where(
        known, by_distance, np.where(admins, np.where(aa == ab, -1.5, -6.0), -2.0)
    )
    # A place the gazetteer does not know is compared by its name with the other's.
    by_name = placed & ~same_place & ~(t.resolved[a] & t.resolved[b])
    by_name &= ~(admins & (aa != ab))
    if by_name.any():
        similar = name_similarity(t, pa[by_name], pb[by_name])
        # Two names the gazetteer lacks carry their parent's coordinates (a district of a
        # city, a village near a town), so a short distance says nothing: unlike names are
        # different places ("the Karrada district" and "the Shaab neighbourhood").
        unknown = ~t.resolved[a][by_name] & ~t.resolved[b][by_name]
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
        sa, sb = t.sector[a], t.sector[b]
        parts = same_place & (sa > 0) & (sb > 0) & (sa != sb)
        same_doc = (t.doc[a] == t.doc[b]) & (t.doc[a] > 0)
        out = np.where(parts, np.where(same_doc, -6.0, 0.0), out)
    return np.asarray(out, dtype=np.float64)


def _figures(t: Table, a: IntArray, b: IntArray) -> FloatArray:
    import numpy as np

    same_outcome = t.outcome[a] == t.outcome[b]
    la, lb, ha, hb = t.low[a], t.low[b], t.high[a], t.high[b]
    # "At least 12" and "12" give one figure; an open bound takes the other's.
    same_low = (la >= 0) & (la == lb) & ((ha == hb) | (ha < 0) | (hb < 0))
    same_high = (la < 0) & (lb < 0) & (ha >= 0) & (ha == hb)
    same_figure = same_outcome & (same_low | same_high)
    size = np.where(la >= 0, la, ha).clip(0, None)
    # A range ("dozens" as 24-99) repeats a word, not a count.
    ranged = (la >= 0) & (ha > la) & (hb > lb)
    relay = np.where(ranged, 0.5, np.minimum(2.5, 0.5 + np.log10(size + 1.0)))
    same_source = (t.source[a] == t.source[b]) & (t.source[a] > 0)
    update = same_outcome & same_source & (t.victim[a] == t.victim[b]) & ~same_figure
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

    date = _date(t, a, b)
    place = _place(t, a, b)
    # Two sides of one clash: each blames the other for its own losses.
    crossed = (t.perp[a] == t.victim[b]) & (t.victim[a] == t.perp[b]) & (t.perp[a] > 0)
    perp = np.where(crossed, 0.0, _match(t.perp[a], t.perp[b], 1.0, -2.0))
    both_victims = (t.victim[a] > 0) & (t.victim[b] > 0)
    both_victims &= (t.victim[a] < UNKNOWN_ACTOR) & (t.victim[b] < UNKNOWN_ACTOR)
    victim = np.where(
        crossed,
        0.0,
        np.where(
            both_victims,
            _match(t.victim[a], t.victim[b], 0.5, -1.5),
            _match(t.vcat[a], t.vcat[b], 0.0, -1.0),
        ),
    )
    # Reports a day apart that name other victims: the next strike, not a misdated report
    # (either alone is common within one incident, both together much less so).
    victim = np.where((date == DAY_OFF) & (victim < 0), victim * OTHER_DAY_VICTIMS, victim)
    figures = _figures(t, a, b)
    # An article that dates one report to the day and another only to a week or a month
    # ("last week", "in November") tells a background event apart from its news.
    da, db = t.dating[a], t.dating[b]
    wide = np.maximum(t.hi[a] - t.lo[a], t.hi[b] - t.lo[b]) > 4
    background = wide & (((da == EXACT) & (db == WEAK)) | ((da == WEAK) & (db == EXACT)))
    same_doc = np.where(
        (t.doc[a] == t.doc[b]) & (t.doc[a] > 0) & (date > VETO) & (place > VETO) & ~background,
        3.0,
        0.0,
    )
    parts = np.stack([date, place, perp, victim, figures, same_doc], axis=1)
    return parts.sum(axis=1), parts
