"""From scored candidate pairs to incidents, without chaining.

1. **Document units.** Claims of one document whose pair is not vetoed (same or adjacent day,
   compatible place) form a unit; a unit always moves as a whole.
2. **Seeds.** Units with an exact day at a named place are grouped by (place, day): the
   obvious incidents.
3. **Attachment by average link.** Every unit is scored against every seed group it has a
   candidate pair with, as the average pair score over all members (a missing pair counts as
   0). A unit that is not seeded joins the best group when the average reaches the
   threshold; a seeded unit moves only when another group beats its own by a clear margin,
   and a lone seed only into a larger group (so two lone seeds never swap). Because each unit
   is compared with a whole group, and groups do not grow during the round, a chain of
   pairwise links (a city struck day after day) cannot pull incidents together.
4. **The rest.** Units that joined nothing are grouped by their coarser place key and window
   and go through the same attachment among themselves; what is left stands alone.

Everything is a function of the claims' content (ties broken by keys, never by input order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.cluster.features import EXACT, Table
from casualty.cluster.places import LOCALITY

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

#: How much better another group's average must be before a seeded unit leaves its own.
MOVE_MARGIN: Final = 1.0


def components(n: int, a: IntArray, b: IntArray) -> IntArray:
    """Connected-component labels (the smallest member index) of the graph with edges a-b."""
    import numpy as np

    labels = np.arange(n, dtype=np.int64)
    if len(a) == 0:
        return labels
    while True:
        low = np.minimum(labels[a], labels[b])
        before = labels.copy()
        np.minimum.at(labels, a, low)
        np.minimum.at(labels, b, low)
        labels = labels[labels]
        if np.array_equal(labels, before):
            return labels


def _dense(values: IntArray) -> tuple[IntArray, IntArray]:
    """(sorted distinct values, index of each value among them)."""
    import numpy as np

    uniq, inverse = np.unique(values, return_inverse=True)
    return uniq, inverse.astype(np.int64)


def attach(
    unit: IntArray,
    group: IntArray,
    group_key: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    threshold: float,
) -> IntArray:
    """One attachment round; returns the new group of each unit (-1: none).

    `unit[i]` is claim i's unit, `group[u]` unit u's group (-1 when not seeded), `group_key[g]`
    a content key that orders groups for tie-breaking.
    """
    import numpy as np

    n_units = len(group)
    unit_size = np.bincount(unit, minlength=n_units)
    seeded = group >= 0
    n_groups = len(group_key)
    group_size = (
        np.bincount(group[unit][seeded[unit]], minlength=n_groups)
        if n_groups
        else np.zeros(0, dtype=np.int64)
    )
    ua, ub = unit[a], unit[b]
    cross = ua != ub
    ua, ub, s = ua[cross], ub[cross], score[cross]
    # Each pair scores the unit on one side against the group of the unit on the other.
    src = np.concatenate([ua, ub])
    dst_group = np.concatenate([group[ub], group[ua]])
    ss = np.concatenate([s, s])
    ok = dst_group >= 0
    src, dst_group, ss = src[ok], dst_group[ok], ss[ok]
    result = group.copy()
    if len(src) == 0:
        return result
    key = src * np.int64(n_groups) + dst_group
    uniq, inv = np.unique(key, return_inverse=True)
    total = np.bincount(inv, weights=ss)
    cu, cg = uniq // n_groups, uniq % n_groups
    others = group_size[cg] - np.where(group[cu] == cg, unit_size[cu], 0)
    avg = np.where(others > 0, total / np.maximum(others * unit_size[cu], 1), -np.inf)
    own = group[cu] == cg
    own_avg = np.full(n_units, -np.inf)
    own_avg[cu[own]] = avg[own]
    # Best other group per unit: sort by (unit, -avg, group key) and take the first.
    other = ~own
    ou, og, oa = cu[other], cg[other], avg[other]
    order = np.lexsort((group_key[og], -oa, ou))
    ou, og, oa = ou[order], og[order], oa[order]
    first = np.ones(len(ou), dtype=bool)
    first[1:] = ou[1:] != ou[:-1]
    bu, bg, ba = ou[first], og[first], oa[first]
    alone = seeded[bu] & (group_size[np.maximum(group[bu], 0)] == unit_size[bu])
    bigger = (group_size[bg] > group_size[np.maximum(group[bu], 0)]) | (
        (group_size[bg] == group_size[np.maximum(group[bu], 0)])
        & (group_key[bg] < group_key[np.maximum(group[bu], 0)])
    )
    move = (ba >= threshold) & np.where(
        ~seeded[bu],
        True,
        np.where(alone, bigger, ba > own_avg[bu] + MOVE_MARGIN),
    )
    result[bu[move]] = bg[move]
    return np.asarray(result, dtype=np.int64)


def cluster(
    t: Table, a: IntArray, b: IntArray, score: FloatArray, same_doc: BoolArray, threshold: float
) -> IntArray:
    """Incident label of every claim (labels are arbitrary integers; equal = one incident)."""
    import numpy as np

    n = len(t)
    unit = components(n, a[same_doc], b[same_doc])
    unit_ids, unit = _dense(unit)
    n_units = len(unit_ids)
    base = int(t.lo.min()) if n else 0
    seed_claim = (t.dating == EXACT) & (t.level == LOCALITY)
    claim_key = np.where(seed_claim, t.place * np.int64(1 << 24) + (t.lo - base), -1)
    # A unit's seed key: the smallest seed key among its members (-1 when none).
    unit_key = np.full(n_units, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(unit_key, unit[seed_claim], claim_key[seed_claim])
    seeded = unit_key != np.iinfo(np.int64).max
    group_key, group = _dense(unit_key[seeded])
    unit_group = np.full(n_units, -1, dtype=np.int64)
    unit_group[seeded] = group
    first = attach(unit, unit_group, group_key, a, b, score, threshold)

    # Second round among units that joined nothing, grouped by a coarser key.
    left = first < 0
    coarse = np.where(t.place > 0, t.place, np.where(t.admin > 0, t.admin + (1 << 30), 0))
    coarse_key = (coarse * np.int64(1 << 12) + ((t.hi - t.lo).clip(0, 4095))) * np.int64(
        1 << 24
    ) + (t.lo - base).clip(0, (1 << 24) - 1)
    unit_coarse = np.full(n_units, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(unit_coarse, unit, np.where(coarse > 0, coarse_key, np.iinfo(np.int64).max))
    eligible = left & (unit_coarse != np.iinfo(np.int64).max)
    key2, group2 = _dense(unit_coarse[eligible])
    unit_group2 = np.full(n_units, -1, dtype=np.int64)
    unit_group2[eligible] = group2
    inside = left[unit[a]] & left[unit[b]]
    second = attach(unit, unit_group2, key2, a[inside], b[inside], score[inside], threshold)

    label = np.where(first >= 0, first, -1)
    offset = len(group_key)
    label = np.where((label < 0) & (second >= 0), second + offset, label)
    offset += len(key2)
    alone = label < 0
    label[alone] = offset + np.arange(int(alone.sum()))
    return np.asarray(label[unit], dtype=np.int64)
