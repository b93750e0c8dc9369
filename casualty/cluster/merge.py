"""Second looks at the groups attachment made: reports that put one incident on the wrong day.

Attachment compares each unit with whole groups, so that nothing chains; but a few reports
that agree on a wrong day form a group of their own next to the incident's. These functions
fold such a group into the incident's when the evidence around it allows no other reading,
and never let a group that took another in be folded itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.cluster import arrays

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

#: The average link two groups a day apart at one place need to join (`join_lone_days`):
#: above it only where the day is the whole difference (other actors or figures pull it down).
LONE_FLOOR: Final = 1.0


def merge_small_groups(
    label: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    bonus: FloatArray,
    same_place: BoolArray,
    threshold: float,
    relief: float,
) -> IntArray:
    """Fold a small group into a clearly better, at least twice as large one at one place.

    Reports that agree on a wrong day (a relay of one source's dating) form a small group
    next to the incident's own. The small group joins when the average link between the two
    groups (plus the best repeated-figure bonus) reaches the threshold less `relief`,
    every pair is at the same place, and no other group comes within `relief` of it.
    A group that takes in another is never folded itself, so nothing chains.
    """
    import numpy as np

    la, lb = label[a], label[b]
    cross = (la != lb) & (la >= 0) & (lb >= 0)
    if not cross.any():
        return label
    size = np.bincount(label[label >= 0])
    la, lb, s, bb, sp = la[cross], lb[cross], score[cross], bonus[cross], same_place[cross]
    width = np.int64(len(size))
    key = np.minimum(la, lb) * width + np.maximum(la, lb)
    uniq, inv = arrays.unique_inverse(key)
    total = np.bincount(inv, weights=s)
    best_bonus = np.zeros(len(uniq))
    np.maximum.at(best_bonus, inv, bb)
    all_same = np.ones(len(uniq), dtype=bool)
    np.logical_and.at(all_same, inv, sp)
    g1, g2 = uniq // width, uniq % width
    avg = total / (size[g1] * size[g2]) + best_bonus
    # Both directions: small -> large candidates, ranked per small group.
    small = np.concatenate([g1, g2])
    large = np.concatenate([g2, g1])
    value = np.concatenate([avg, avg])
    same = np.concatenate([all_same, all_same])
    order = np.lexsort((large, -value, small))
    small, large, value, same = small[order], large[order], value[order], same[order]
    first = np.ones(len(small), dtype=bool)
    first[1:] = small[1:] != small[:-1]
    runner = np.full(len(size), -np.inf)
    second = ~first & np.concatenate([[False], first[:-1]])
    runner[small[second]] = value[second]
    bs, bl, bv, bsame = small[first], large[first], value[first], same[first]
    fold = (
        bsame
        & (bv >= threshold - relief)
        & (bv - runner[bs] >= relief)
        & (size[bl] >= 2 * size[bs])
    )
    target = np.arange(len(size))
    target[bs[fold]] = bl[fold]
    # No chains: a group that receives another stays; one that folds does not receive.
    receivers = np.zeros(len(size), dtype=bool)
    receivers[bl[fold]] = True
    target = np.where(receivers[target] & (target != np.arange(len(size))), target, target)
    chained = fold & receivers[bs]
    target[bs[chained]] = bs[chained]
    target = np.where(target[target] != target, np.arange(len(size)), target)
    out = label.copy()
    inside = label >= 0
    out[inside] = target[label[inside]]
    return out


def join_lone_days(
    label: IntArray,
    key: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    bonus: FloatArray,
    floor: float,
) -> IntArray:
    """Join the two groups of a place whose only neighbour on its timeline is the day next door.

    `key[i]` is claim i's (place << 24 | day) seed key, -1 when it has none; a group is
    anchored at the key most of its claims share. When a place has groups on two adjacent
    days and on neither day around them, the smaller group is reports giving the day wrong
    (sources disagree by a day far more often than one place is hit on two days running and
    then left alone); it joins the larger when the average link between the two groups plus
    the best repeated-figure bonus reaches `floor` (other actors keep them apart). A city
    struck day after day has neighbours on both sides, and nothing joins there.
    """
    import numpy as np

    ok = np.flatnonzero((label >= 0) & (key >= 0))
    if len(ok) == 0:
        return label
    order = np.lexsort((key[ok], label[ok]))
    lk, kk = label[ok][order], key[ok][order]
    start = np.ones(len(lk), dtype=bool)
    start[1:] = (lk[1:] != lk[:-1]) | (kk[1:] != kk[:-1])
    run_at = np.flatnonzero(start)
    counts = np.diff(np.append(run_at, len(lk)))
    rl, rk = lk[run_at], kk[run_at]
    # The anchor of a label: its most frequent key (the smallest among ties).
    best = np.lexsort((rk, -counts, rl))
    first = np.ones(len(best), dtype=bool)
    first[1:] = rl[best][1:] != rl[best][:-1]
    labels, anchors = rl[best][first], rk[best][first]
    keys, per_key = np.unique(anchors, return_counts=True)
    alone = np.isin(anchors, keys[per_key == 1])
    single = dict(zip(anchors[alone].tolist(), labels[alone].tolist(), strict=True))
    present = set(keys.tolist())
    size = np.bincount(label[label >= 0])
    joins: dict[int, int] = {}
    for k, g in single.items():
        nxt = single.get(k + 1)
        if nxt is None or (k - 1) in present or (k + 2) in present:
            continue
        small, large = (g, nxt) if size[g] < size[nxt] else (nxt, g)
        if size[small] == size[large]:
            continue
        joins[small] = large
    if not joins:
        return label
    la, lb = label[a], label[b]
    src = np.array(list(joins), dtype=np.int64)
    dst = np.array([joins[g] for g in src.tolist()], dtype=np.int64)
    target = np.full(len(size), -1, dtype=np.int64)
    target[src] = dst
    sel = (la >= 0) & (lb >= 0)
    ta = np.where(sel, target[np.maximum(la, 0)], -1)
    tb = np.where(sel, target[np.maximum(lb, 0)], -1)
    cross = ((ta == lb) & (ta >= 0)) | ((tb == la) & (tb >= 0))
    small_of = np.where(ta == lb, la, lb)[cross]
    total = np.bincount(small_of, weights=score[cross], minlength=len(size))
    top = np.zeros(len(size))
    np.maximum.at(top, small_of, bonus[cross])
    avg = total[src] / (size[src] * size[dst]) + top[src]
    out = label.copy()
    fold = np.zeros(len(size), dtype=bool)
    fold[src[avg >= floor]] = True
    inside = label >= 0
    out[inside] = np.where(fold[label[inside]], target[label[inside]], label[inside])
    return out
