"""Bookkeeping of attachment (`attachment.attach`): per-unit segments, a place's timeline of
group keys, and seeds that moved.

Group keys are (place << 24 | day) seed keys, so a place's days are neighbouring integers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty.cluster.features import EXACT, Table

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]


def between_days(
    t: Table, unit: IntArray, n_units: int, base: int, group_key: IntArray
) -> BoolArray:
    """Units with a report dated to a day on which its place has no seed group, while it has
    groups the day before and the day after: in a place struck day after day, that day's
    incident is one no report placed by its town gave the day of, not a misdated report of
    the next or previous day's (sources rarely misdate by a day)."""
    import numpy as np

    day = (t.dating == EXACT) & (t.lo == t.hi) & (t.place > 0)
    key = np.where(day, t.place * np.int64(1 << 24) + (t.lo - base), -1)
    rows = np.flatnonzero(day)
    k = key[rows]
    between = ~present(k, group_key) & present(k - 1, group_key) & present(k + 1, group_key)
    out = np.zeros(n_units, dtype=bool)
    out[unit[rows[between]]] = True
    return out


def present(values: IntArray, keys: IntArray) -> BoolArray:
    """Whether each value is one of `keys` (a search when they come sorted, as group keys do)."""
    import numpy as np

    if len(keys) == 0:
        return np.zeros(len(values), dtype=bool)
    if np.any(keys[1:] < keys[:-1]):
        keys = np.sort(keys)
    at = np.searchsorted(keys, values).clip(0, len(keys) - 1)
    return np.asarray(keys[at] == values)


def best_of_segments(
    unit: IntArray, group: IntArray, avg: FloatArray, mask: BoolArray, group_key: IntArray
) -> tuple[IntArray, FloatArray]:
    """Per unit (entries sorted by unit, those in `mask`): the index of its best entry and
    the best average among the rest (-inf when none).

    The best entry has the highest average, then the smallest group key, then the smallest
    group: what sorting by (unit, -average, key) and taking the first gives, in segment
    reductions instead of a sort.
    """
    import numpy as np

    entries = np.flatnonzero(mask)
    if len(entries) == 0:
        return entries, np.zeros(0)
    eu, eg, ea = unit[entries], group[entries], avg[entries]
    is_start = np.empty(len(eu), dtype=bool)
    is_start[:1] = True
    np.not_equal(eu[1:], eu[:-1], out=is_start[1:])
    starts = np.flatnonzero(is_start)
    segment = np.cumsum(is_start) - 1
    top = np.maximum.reduceat(ea, starts)
    n_groups = len(group_key)
    rank = np.empty(n_groups, dtype=np.int64)
    rank[np.lexsort((np.arange(n_groups), group_key))] = np.arange(n_groups)
    at_top = ea == top[segment]
    candidate = np.where(at_top, rank[eg], n_groups)
    chosen = at_top & (candidate == np.minimum.reduceat(candidate, starts)[segment])
    rest = np.maximum.reduceat(np.where(chosen, -np.inf, ea), starts)
    return entries[chosen], rest


def misdated(
    other: BoolArray, same_place: BoolArray, relay: BoolArray, agree: BoolArray, clash: BoolArray
) -> BoolArray:
    """(unit, group) entries a report at odds with its own group may move to: another group at
    its place (so a day away) that repeats one of its counts or names the same victims in most
    pairs, and is not at odds with it.

    The report moves to the best such group when its own group is at odds with it (other
    actors) and repeats none of its counts: sources disagree on the day far more often than
    one report both names other victims than every other report of its day and happens to
    name those of the incident the day before or after.
    """
    import numpy as np

    return np.asarray(other & same_place & (relay | agree) & ~clash)


def follow_seeds(result: IntArray, group: IntArray, seeded: BoolArray, n_groups: int) -> IntArray:
    """Units that joined a group whose seeds all moved away in the same round follow them.

    Moves are decided at once: a report may pick the small group of a day-off report while
    that report moves into its incident's group; left behind, it would stand apart.
    """
    import numpy as np

    units = np.flatnonzero(seeded)
    src, dst = group[units], result[units]
    stays = np.zeros(n_groups, dtype=bool)
    stays[src[dst == src]] = True
    follow = np.full(n_groups, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(follow, src[dst != src], dst[dst != src])
    follow = np.where(stays | (follow == np.iinfo(np.int64).max), np.arange(n_groups), follow)
    joined = ~seeded & (result >= 0)
    out = result.copy()
    out[joined] = follow[result[joined]]
    return np.asarray(out, dtype=np.int64)
