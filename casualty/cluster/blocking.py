"""Candidate pairs without comparing all pairs: claims meet only in shared blocks.

Every claim *lives* in a few blocks and *probes* a few; a pair is a candidate when one probes
a block the other lives in. Blocks are (key, day) cells: the same named place, the same grid
cell of about 20 km (so differently named places close together meet), the same admin area
(probed only by claims placed no better than their admin area), the same country (probed only
by claims placed no better than their country), and the same document (any day). A claim lives
on each day of its incident window and probes one day more on each side, so dates more than a
day apart never meet. Undated claims probe their place or admin area on any day.

Two ways to find the pairs, both linear in the number of pairs found:

- Where every claim that lives in a key also probes it (its own place, its own grid cell, its
  document), the relation is symmetric: the key's claims are sorted by first day, and each
  pairs with the claims after it that start no later than a day after its window ends. Each
  pair comes out once, however many days the two share.
- Elsewhere (admin area, country, neighbouring grid cells, any-day keys), lives are spread over
  their days and sorted; a probe looks up the run of its key from the day before its window to
  the day after in one search.

Pairs are produced in chunks of bounded size, so memory follows the number of distinct pairs,
not the number of (pair, shared day, shared key) matches.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from casualty.cluster import arrays
from casualty.cluster.features import UNDATED, Table
from casualty.cluster.places import ADMIN, COUNTRY, NEAR

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    BoolArray = npt.NDArray[np.bool_]
    #: (claim, key, first day, last day): the days a claim lives on, or the days it searches.
    Rows = tuple[IntArray, IntArray, IntArray, IntArray]

#: Grid cell size in degrees (about 22 km north-south).
CELL: Final = 0.2
#: Longest incident window (days) a claim is spread over; wider windows are clipped.
MAX_WINDOW: Final = 40
#: Matches expanded at a time (bounds the temporary arrays of a chunk).
CHUNK: Final = 1 << 20
#: Threads joining kinds of blocks at once (the target machine has two cores).
WORKERS: Final = 2

_DAY_BITS: Final = 24


def _rows(idx: IntArray, key: IntArray, lo: IntArray, hi: IntArray, mask: BoolArray) -> Rows:
    return idx[mask], key[mask], lo[mask], hi[mask]


def candidate_pairs(t: Table) -> tuple[IntArray, IntArray]:
    """Candidate pairs (a, b) with a < b, sorted, each once.

    Each kind of block is joined on its own (their keys never meet), so only the rows of the
    kinds being joined are in memory; `WORKERS` kinds are joined at once (sorting and
    searching let go of the GIL). The pairs are the same whichever finishes first.
    """
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    n = len(t)
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    idx = np.arange(n, dtype=np.int64)
    dated = t.dating != UNDATED
    base = int(t.lo[dated].min()) - 2 if dated.any() else 0
    lo = np.where(dated, t.lo - base, 0)
    hi = np.maximum(np.where(dated, np.minimum(t.hi, t.lo + MAX_WINDOW) - base, 0), lo)
    # A probe searches its window widened by a day on each side.
    before, after = lo - 1, hi + 1
    level = t.level
    located = ~np.isnan(t.lat)
    zero = np.zeros(n, dtype=np.int64)

    def places() -> list[IntArray]:
        # Named places with coordinates meet through the grid; the place key serves the rest.
        return _within(_rows(idx, t.place, lo, hi, dated & (level >= NEAR) & ~located), n)

    def admins() -> list[IntArray]:
        admin_only = dated & (level == ADMIN) & (t.admin > 0)
        lives = _rows(idx, t.admin, lo, hi, dated & (t.admin > 0))
        return _across(lives, _rows(idx, t.admin, before, after, admin_only), n)

    def countries() -> list[IntArray]:
        # Claims placed no better than their country, or at a place the gazetteer does not
        # know (compared by name, so they must meet every placed claim of their country).
        country_only = dated & ((level <= COUNTRY) | ~t.resolved) & (t.country > 0)
        lives = _rows(idx, t.country, lo, hi, dated & (t.country > 0))
        return _across(lives, _rows(idx, t.country, before, after, country_only), n)

    def documents() -> list[IntArray]:
        return _within(_rows(idx, t.doc, zero, zero, t.doc > 0), n)

    def any_day() -> list[IntArray]:
        # Undated claims meet their place or admin area on any day.
        placed = level >= NEAR
        undated_admin = ~dated & (level == ADMIN) & (t.admin > 0)
        out: list[IntArray] = []
        for key, lives, probes in (
            (t.place, placed, ~dated & placed),
            (t.admin, t.admin > 0, undated_admin),
        ):
            if probes.any():
                live_rows = _rows(idx, key, zero, zero, lives)
                out += _across(live_rows, _rows(idx, key, zero, zero, probes), n)
        return out

    def cells() -> list[IntArray]:
        return _cells(t, idx, lo, hi, dated & located)

    jobs = (cells, countries, admins, places, documents, any_day)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        codes = [c for part in pool.map(lambda job: job(), jobs) for c in part]
    code = arrays.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    del codes
    return code // n, code % n


def _cells(t: Table, idx: IntArray, lo: IntArray, hi: IntArray, mask: BoolArray) -> list[IntArray]:
    """Grid blocks: a claim lives in its cell and probes the 2x2 cells around its point.

    Its own cell is a symmetric block; the three neighbours it probes are not.
    """
    import numpy as np

    n = len(t)
    width = round(360 / CELL) + 2
    i, first, last = idx[mask], lo[mask], hi[mask]
    lat, lon = t.lat[i], t.lon[i]

    def cell(dy: IntArray | int, dx: IntArray | int) -> IntArray:
        y = np.floor((lat + 90.0) / CELL).astype(np.int64) + dy
        x = np.floor((lon + 180.0) / CELL).astype(np.int64) + dx
        return np.asarray(y * width + (x % width), dtype=np.int64)

    own = cell(0, 0)
    codes = _within((i, own, first, last), n)
    sy = np.where(np.mod((lat + 90.0) / CELL, 1.0) < 0.5, -1, 1).astype(np.int64)
    sx = np.where(np.mod((lon + 180.0) / CELL, 1.0) < 0.5, -1, 1).astype(np.int64)
    probes = (
        np.concatenate([i, i, i]),
        np.concatenate([cell(sy, 0), cell(0, sx), cell(sy, sx)]),
        np.concatenate([first - 1] * 3),
        np.concatenate([last + 1] * 3),
    )
    return codes + _across((i, own, first, last), probes, n)


def _chunks(count: IntArray) -> list[tuple[int, int]]:
    """Row ranges whose matches add up to about `CHUNK` each."""
    import numpy as np

    total = np.cumsum(count)
    bounds = np.searchsorted(total, np.arange(CHUNK, int(total[-1]) + CHUNK, CHUNK), "right")
    edges = [0, *sorted({int(x) for x in bounds.tolist()} - {0}), len(count)]
    return [(s, e) for s, e in itertools.pairwise(edges) if e > s]


def _expand(
    left: IntArray, start: IntArray, count: IntArray, right: IntArray, n: int
) -> list[IntArray]:
    """Codes min*n+max of the pairs (left[k], right[start[k] + j]) for j < count[k], chunked."""
    import numpy as np

    out: list[IntArray] = []
    if len(count) == 0 or int(count.sum()) == 0:
        return out
    for s, e in _chunks(count):
        c = count[s:e]
        a = np.repeat(left[s:e], c)
        offset = np.arange(len(a), dtype=np.int64) - np.repeat(np.cumsum(c) - c, c)
        b = right[np.repeat(start[s:e], c) + offset]
        keep = a != b
        a, b = a[keep], b[keep]
        out.append(arrays.unique(np.minimum(a, b) * np.int64(n) + np.maximum(a, b)))
    return out


def _within(rows: Rows, n: int) -> list[IntArray]:
    """Pairs of a symmetric key: windows [lo, hi] at most a day apart, each pair once."""
    import numpy as np

    idx, key, lo, hi = rows
    if len(idx) < 2:
        return []
    packed = (key << _DAY_BITS) | lo
    order = np.argsort(packed)
    idx, key, packed, hi = idx[order], key[order], packed[order], hi[order]
    # Claims sorted by first day: the partners of claim k start at or after it (ties either
    # side are found once, from whichever comes first) and no later than hi[k] + 1.
    stop = np.searchsorted(packed, (key << _DAY_BITS) | (hi + 1), "right")
    start = np.arange(1, len(idx) + 1, dtype=np.int64)
    return _expand(idx, start, np.maximum(stop - start, 0), idx, n)


def _across(lives: Rows, probes: Rows, n: int) -> list[IntArray]:
    """Pairs where a probe's days meet a day a claim lives on."""
    import numpy as np

    p_idx, p_key, p_lo, p_hi = probes
    if len(p_idx) == 0:
        return []
    l_idx, l_key, l_lo, l_hi = lives
    span = l_hi - l_lo + 1
    offset = np.arange(int(span.sum()), dtype=np.int64) - np.repeat(np.cumsum(span) - span, span)
    packed = (np.repeat(l_key, span) << _DAY_BITS) | (np.repeat(l_lo, span) + offset)
    del offset
    order = np.argsort(packed)
    packed, l_idx = packed[order], np.repeat(l_idx, span)[order]
    del order, span
    # Sorted needles: a search over a large array is several times faster in key order.
    first = (p_key << _DAY_BITS) | p_lo
    by_key = np.argsort(first)
    p_idx, first, last = p_idx[by_key], first[by_key], ((p_key << _DAY_BITS) | p_hi)[by_key]
    del by_key
    start = np.searchsorted(packed, first, "left")
    stop = np.searchsorted(packed, last, "right")
    del packed, first, last
    return _expand(p_idx, start, np.maximum(stop - start, 0), l_idx, n)
