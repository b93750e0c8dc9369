"""Candidate pairs without comparing all pairs: claims meet only in shared blocks.

Every claim *lives* in a few blocks and *probes* a few; a pair is a candidate when one probes
a block the other lives in. Blocks are (key, day) cells: the same named place, the same grid
cell of about 20 km (so differently named places close together meet), the same admin area
(probed only by claims placed no better than their admin area), the same country (probed only
by claims placed no better than their country), and the same document (any day). A claim lives
on each day of its incident window and probes one day more on each side, so dates more than a
day apart never meet. Undated claims probe their place or admin area on any day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.cluster import arrays
from casualty.cluster.features import UNDATED, Table
from casualty.cluster.places import ADMIN, COUNTRY, NEAR

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

#: Grid cell size in degrees (about 22 km north-south).
CELL: Final = 0.2
#: Longest incident window (days) a claim is spread over; wider windows are clipped.
MAX_WINDOW: Final = 40

_DAY_BITS: Final = 24
_KEY_BITS: Final = 34
_ANY_DAY: Final = (1 << _DAY_BITS) - 1

# Key spaces.
_PLACE, _ADMIN, _COUNTRY, _CELL, _DOC, _PLACE_ANY, _ADMIN_ANY = range(1, 8)


def _keys(space: int, entity: IntArray, day: IntArray) -> IntArray:
    import numpy as np

    return np.asarray(
        (np.int64(space) << (_KEY_BITS + _DAY_BITS)) | (entity << _DAY_BITS) | day,
        dtype=np.int64,
    )


def _spread(idx: IntArray, lo: IntArray, hi: IntArray) -> tuple[IntArray, IntArray]:
    """One (claim index, day) row per day of each claim's window [lo, hi]."""
    import numpy as np

    span = (hi - lo + 1).clip(1, None)
    rows = np.repeat(idx, span)
    start = np.repeat(lo, span)
    offset = np.arange(len(rows)) - np.repeat(np.cumsum(span) - span, span)
    return rows, start + offset


def candidate_pairs(t: Table) -> tuple[IntArray, IntArray]:
    """Candidate pairs (a, b) with a < b, sorted, each once."""
    import numpy as np

    n = len(t)
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    idx = np.arange(n, dtype=np.int64)
    dated = t.dating != UNDATED
    base = int(t.lo[dated].min()) - 2 if dated.any() else 0
    lo = np.where(dated, t.lo - base, 0)
    hi = np.where(dated, np.minimum(t.hi, t.lo + MAX_WINDOW) - base, 0)
    lives: list[tuple[IntArray, IntArray]] = []
    probes: list[tuple[IntArray, IntArray]] = []

    d_idx, d_day = _spread(idx[dated], lo[dated], hi[dated])
    p_idx, p_day = _spread(idx[dated], lo[dated] - 1, hi[dated] + 1)
    level = t.level
    # Named places with coordinates meet through the grid; the place key serves the rest.
    located = ~np.isnan(t.lat)
    placed_d = (level[d_idx] >= NEAR) & ~located[d_idx]
    placed_p = (level[p_idx] >= NEAR) & ~located[p_idx]
    lives.append((d_idx[placed_d], _keys(_PLACE, t.place[d_idx[placed_d]], d_day[placed_d])))
    probes.append((p_idx[placed_p], _keys(_PLACE, t.place[p_idx[placed_p]], p_day[placed_p])))
    has_admin = t.admin[d_idx] > 0
    lives.append((d_idx[has_admin], _keys(_ADMIN, t.admin[d_idx[has_admin]], d_day[has_admin])))
    admin_only = (level[p_idx] == ADMIN) & (t.admin[p_idx] > 0)
    probes.append((p_idx[admin_only], _keys(_ADMIN, t.admin[p_idx[admin_only]], p_day[admin_only])))
    has_country = t.country[d_idx] > 0
    lives.append(
        (d_idx[has_country], _keys(_COUNTRY, t.country[d_idx[has_country]], d_day[has_country]))
    )
    # Claims placed no better than their country, or at a place the gazetteer does not know
    # (compared by name, so they must meet every placed claim of their country).
    country_only = ((level[p_idx] <= COUNTRY) | ~t.resolved[p_idx]) & (t.country[p_idx] > 0)
    probes.append(
        (p_idx[country_only], _keys(_COUNTRY, t.country[p_idx[country_only]], p_day[country_only]))
    )
    _cells(t, d_idx, d_day, p_idx, p_day, lives, probes)

    has_doc = t.doc > 0
    lives.append(
        (idx[has_doc], _keys(_DOC, t.doc[has_doc], np.zeros(int(has_doc.sum()), np.int64)))
    )
    probes.append(lives[-1])
    any_day = np.full(n, _ANY_DAY, dtype=np.int64)
    placed = level >= NEAR
    lives.append((idx[placed], _keys(_PLACE_ANY, t.place[placed], any_day[placed])))
    lives.append((idx[t.admin > 0], _keys(_ADMIN_ANY, t.admin[t.admin > 0], any_day[t.admin > 0])))
    undated_placed = ~dated & placed
    probes.append(
        (idx[undated_placed], _keys(_PLACE_ANY, t.place[undated_placed], any_day[undated_placed]))
    )
    undated_admin = ~dated & (level == ADMIN) & (t.admin > 0)
    probes.append(
        (idx[undated_admin], _keys(_ADMIN_ANY, t.admin[undated_admin], any_day[undated_admin]))
    )
    return _join(lives, probes, n)


def _cells(
    t: Table,
    d_idx: IntArray,
    d_day: IntArray,
    p_idx: IntArray,
    p_day: IntArray,
    lives: list[tuple[IntArray, IntArray]],
    probes: list[tuple[IntArray, IntArray]],
) -> None:
    """Grid blocks: a claim lives in its cell and probes the 2x2 cells around its point."""
    import numpy as np

    width = round(360 / CELL) + 2

    def cell(i: IntArray, dy: IntArray, dx: IntArray) -> IntArray:
        y = np.floor((t.lat[i] + 90.0) / CELL).astype(np.int64) + dy
        x = np.floor((t.lon[i] + 180.0) / CELL).astype(np.int64) + dx
        return np.asarray(y * width + (x % width), dtype=np.int64)

    located = ~np.isnan(t.lat[d_idx])
    li = d_idx[located]
    zero = np.zeros(len(li), dtype=np.int64)
    lives.append((li, _keys(_CELL, cell(li, zero, zero), d_day[located])))
    located = ~np.isnan(t.lat[p_idx])
    pi, pday = p_idx[located], p_day[located]
    fy = np.mod((t.lat[pi] + 90.0) / CELL, 1.0)
    fx = np.mod((t.lon[pi] + 180.0) / CELL, 1.0)
    sy = np.where(fy < 0.5, -1, 1).astype(np.int64)
    sx = np.where(fx < 0.5, -1, 1).astype(np.int64)
    zero = np.zeros(len(pi), dtype=np.int64)
    for dy, dx in ((zero, zero), (sy, zero), (zero, sx), (sy, sx)):
        probes.append((pi, _keys(_CELL, cell(pi, dy, dx), pday)))


def _join(
    lives: list[tuple[IntArray, IntArray]], probes: list[tuple[IntArray, IntArray]], n: int
) -> tuple[IntArray, IntArray]:
    import numpy as np

    l_idx = np.concatenate([x[0] for x in lives])
    l_key = np.concatenate([x[1] for x in lives])
    order = np.argsort(l_key, kind="stable")
    l_idx, l_key = l_idx[order], l_key[order]
    p_idx = np.concatenate([x[0] for x in probes])
    p_key = np.concatenate([x[1] for x in probes])
    start = np.searchsorted(l_key, p_key, side="left")
    stop = np.searchsorted(l_key, p_key, side="right")
    count = stop - start
    a = np.repeat(p_idx, count)
    offset = np.arange(len(a)) - np.repeat(np.cumsum(count) - count, count)
    b = l_idx[np.repeat(start, count) + offset]
    keep = a != b
    lo = np.minimum(a[keep], b[keep])
    hi = np.maximum(a[keep], b[keep])
    code = arrays.unique(lo * np.int64(n) + hi)
    return code // n, code % n
