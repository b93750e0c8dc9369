"""Corrections of the groups around attachment: two incidents under one key, one under two.

Attachment compares each unit with whole groups, so that nothing chains; but its seed groups
are keyed by (place, day), and two incidents at one place on one day share a key:
`split_conflicts` takes such a group apart when its reports contradict each other. And a few
reports that agree on a wrong day form a group of their own next to the incident's:
`join_lone_days` folds such a group into the incident's when the evidence around it allows no
other reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.cluster import arrays
from casualty.cluster.attachment import CLASH_SHARE
from casualty.cluster.groups import present

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

#: The average link two groups a day apart at one place need to join (`join_lone_days`):
#: above it only where the day is the whole difference (other actors or figures pull it down).
LONE_FLOOR: Final = 1.0


def join_lone_days(
    label: IntArray,
    key: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    bonus: FloatArray,
    floor: float,
    seeded_at: IntArray | None = None,
    conflict: BoolArray | None = None,
    counted: BoolArray | None = None,
) -> IntArray:
    """Join the two groups of a place whose only neighbour on its timeline is the day next door.

    `key[i]` is claim i's (place << 24 | day) seed key, -1 when it has none; a group is
    anchored at the key it was seeded with (`seeded_at[label]`, when given and >= 0), else at
    the key most of its claims share. The seed key is the day the group's own reports give:
    misdated reports that joined it (from the day either side) may outnumber them. When a
    place has groups on two adjacent days and on neither day around them, the smaller group
    is reports giving the day wrong (sources disagree by a day far more often than one place
    is hit on two days running and then left alone); it joins the larger when the average
    link between the two groups (`score` less the figures `bonus`) plus the best
    repeated-figure bonus reaches `floor`, and no more than `CLASH_SHARE` of their pairs are
    `conflict`s (other actors; the share by which `attachment.attach` deems a group at odds
    with a unit). A city struck day after day has neighbours on both sides, and nothing joins
    there. Only `counted` claims (all when None) enter the average and the
    share: an omission names its own side as the victims, which no report of the toll does.
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
    if seeded_at is not None:
        known = labels < len(seeded_at)
        own = np.where(known, seeded_at[np.where(known, labels, 0)], -1)
        anchors = np.where(own >= 0, own, anchors)
    keys, per_key = np.unique(anchors, return_counts=True)
    alone = np.isin(anchors, keys[per_key == 1])
    size = np.bincount(label[label >= 0])
    # Groups alone at their key whose key + 1 holds another group alone, and neither the
    # day before the first nor the day after the second holds any group.
    by_key = np.argsort(anchors[alone])
    single, single_label = anchors[alone][by_key], labels[alone][by_key]
    nxt = np.searchsorted(single, single + 1).clip(0, max(len(single) - 1, 0))
    pick = np.flatnonzero(
        (single[nxt] == single + 1) & ~present(single - 1, keys) & ~present(single + 2, keys)
    )
    g, h = single_label[pick], single_label[nxt[pick]]
    # The smaller group joins the larger. Of two the same size, the later day's joins when
    # each has several reports (which one is misdated is not known, but they are one
    # incident either way); two single reports a day apart may be two strikes.
    first_smaller = size[g] < size[h]
    src, dst = np.where(first_smaller, g, h), np.where(first_smaller, h, g)
    several = (size[src] != 1) | (size[dst] != 1)
    src, dst = src[several], dst[several]
    if len(src) == 0:
        return label
    la, lb = label[a], label[b]
    target = np.full(len(size), -1, dtype=np.int64)
    target[src] = dst
    # Pairs across a joining group and its target, one side at a time (ten million pairs:
    # each temporary costs tens of MiB).
    apart = (la < 0) | (lb < 0)
    ta = target[np.maximum(la, 0)]
    ta[apart] = -1
    forward = (ta == lb) & (ta >= 0)
    del ta
    tb = target[np.maximum(lb, 0)]
    tb[apart] = -1
    cross = forward | ((tb == la) & (tb >= 0))
    del tb, apart
    weight = size
    if counted is not None:
        cross &= counted[a] & counted[b]
        weight = np.bincount(label[(label >= 0) & counted], minlength=len(size))
    at = np.flatnonzero(cross)
    del cross
    small_of = np.where(forward[at], la[at], lb[at])
    del la, lb, forward
    total = np.bincount(small_of, weights=score[at] - bonus[at], minlength=len(size))
    top = np.zeros(len(size))
    np.maximum.at(top, small_of, bonus[at])
    avg = total[src] / np.maximum(weight[src] * weight[dst], 1) + top[src]
    folds = avg >= floor
    if conflict is not None:
        # Two groups most of whose pairs name other actors are two incidents, however
        # strongly the reports that gave one of them the other's day link them.
        pairs = np.bincount(small_of, minlength=len(size))[src]
        against = np.bincount(small_of, weights=conflict[at], minlength=len(size))[src]
        folds &= against <= CLASH_SHARE * pairs
    out = label.copy()
    fold = np.zeros(len(size), dtype=bool)
    fold[src[folds]] = True
    inside = label >= 0
    out[inside] = np.where(fold[label[inside]], target[label[inside]], label[inside])
    return out


def split_conflicts(
    unit: IntArray,
    unit_group: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    conflict: BoolArray,
    threshold: float,
) -> IntArray:
    """Split seed groups holding conflicting reports (other actors) by average linkage.

    Two incidents at one place on one day (a bombing and a shelling in one city) share a seed
    key; a group with a conflicting pair is re-clustered from its units, merging the pair of
    sub-groups with the best average score while it reaches the threshold. The sub-group
    with most units keeps the group; the others get new groups, numbered in the order of
    their group's smallest unit.
    """
    import numpy as np

    ua, ub = unit[a], unit[b]
    ga = unit_group[ua]
    inside = ga == unit_group[ub]
    inside &= (ga >= 0) & (ua != ub)
    bad = arrays.unique(ga[inside & conflict])
    if len(bad) == 0:
        return unit_group
    is_bad = np.zeros(int(unit_group.max()) + 1, dtype=bool)
    is_bad[bad] = True
    inside &= is_bad[np.maximum(ga, 0)]
    del ga
    in_bad = np.flatnonzero(inside)
    del inside
    x, y = np.minimum(ua[in_bad], ub[in_bad]), np.maximum(ua[in_bad], ub[in_bad])
    top = _average_linkage(
        x, y, score[in_bad], np.bincount(unit, minlength=len(unit_group)), threshold
    )
    members = np.flatnonzero(np.isin(unit_group, bad))
    rep = top[members]
    # Sub-groups (by their smallest unit, which `rep` is) in the order of their group's
    # smallest unit, then most units first, then their smallest unit.
    group = unit_group[members]
    first_unit = np.full(int(unit_group.max()) + 1, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_unit, group, members)
    reps, count = np.unique(rep, return_counts=True)
    rep_group = unit_group[reps]
    order = np.lexsort((reps, -count, first_unit[rep_group]))
    reps, rep_group = reps[order], rep_group[order]
    keeps = np.ones(len(reps), dtype=bool)
    keeps[1:] = rep_group[1:] != rep_group[:-1]
    new_group = rep_group.copy()
    extra = ~keeps
    new_group[extra] = int(unit_group.max()) + 1 + np.arange(int(extra.sum()))
    label_of = np.zeros(len(unit_group), dtype=np.int64)
    label_of[reps] = new_group
    out = unit_group.copy()
    out[members] = label_of[rep]
    return out


def _average_linkage(
    x: IntArray, y: IntArray, score: FloatArray, size: IntArray, threshold: float
) -> IntArray:
    """Average-linkage clusters (missing pairs count 0) of units linked by pairs (x < y).

    Every cluster merges, round after round, its best pair of sub-clusters (highest average,
    then smallest ids) while that average reaches the threshold; all clusters take their
    round at once. Returns each unit's cluster as its smallest unit.
    """
    import numpy as np

    n = len(size)
    rep = np.arange(n, dtype=np.int64)
    weight = size.astype(np.float64)
    keys, inverse = arrays.unique_inverse(x * np.int64(n) + y)
    total = np.bincount(inverse, weights=score, minlength=len(keys))
    px, py = keys // n, keys % n
    # Pairs whose units are linked: each round, a component of them takes one merge.
    comp = arrays.components(n, px, py)
    while len(px):
        avg = total / (weight[px] * weight[py])
        ok = np.flatnonzero(avg >= threshold)
        if len(ok) == 0:
            break
        cx, cy, ca, cc = px[ok], py[ok], avg[ok], comp[px[ok]]
        order = np.lexsort((cy, cx, -ca, cc))
        first = np.ones(len(order), dtype=bool)
        first[1:] = cc[order][1:] != cc[order][:-1]
        mx, my = cx[order][first], cy[order][first]
        weight[mx] += weight[my]
        rep[my] = mx
        # Pairs of components that merged nothing this round are done.
        live = np.isin(comp[px], cc[order][first])
        px, py, total = rep[px[live]], rep[py[live]], total[live]
        px, py = np.minimum(px, py), np.maximum(px, py)
        keep = px != py
        keys, inverse = arrays.unique_inverse(px[keep] * np.int64(n) + py[keep])
        total = np.bincount(inverse, weights=total[keep], minlength=len(keys))
        px, py = keys // n, keys % n
    while True:
        nxt = rep[rep]
        if np.array_equal(nxt, rep):
            return rep
        rep = nxt
