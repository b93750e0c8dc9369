"""`merge.split_conflicts`: the all-groups-at-once average linkage against the plain one."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.cluster import merge


def plain_linkage(
    units: list[int], sums: dict[tuple[int, int], float], size: list[int], threshold: float
) -> list[list[int]]:
    """Average linkage of one group, one merge at a time (the definition)."""
    clusters = {u: [u] for u in units}
    weight = {u: size[u] for u in units}
    link = dict(sums)
    while len(clusters) > 1:
        best: tuple[float, int, int] | None = None
        for (x, y), total in link.items():
            avg = total / (weight[x] * weight[y])
            if avg >= threshold and (best is None or (avg, -x, -y) > (best[0], -best[1], -best[2])):
                best = (avg, x, y)
        if best is None:
            break
        _, x, y = best
        clusters[x].extend(clusters.pop(y))
        weight[x] += weight.pop(y)
        merged: dict[tuple[int, int], float] = {}
        for (p, q), total in link.items():
            p, q = (x if p == y else p), (x if q == y else q)
            if p != q:
                key = (p, q) if p < q else (q, p)
                merged[key] = merged.get(key, 0.0) + total
        link = merged
    return sorted(clusters.values(), key=lambda c: (-len(c), min(c)))


@st.composite
def grouped_pairs(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    n_claims = draw(st.integers(2, 40))
    unit = np.array(draw(st.lists(st.integers(0, 14), min_size=n_claims, max_size=n_claims)))
    n_units = int(unit.max()) + 1
    group = np.array(draw(st.lists(st.integers(-1, 3), min_size=n_units, max_size=n_units)))
    n_pairs = draw(st.integers(0, 80))
    ends = st.lists(st.integers(0, n_claims - 1), min_size=n_pairs, max_size=n_pairs)
    a, b = np.array(draw(ends), dtype=np.int64), np.array(draw(ends), dtype=np.int64)
    keep = a < b
    a, b = a[keep], b[keep]
    # Scores in quarter steps: sums are exact, so ties do not depend on the order of addition.
    score = np.array(draw(st.lists(st.integers(-24, 32), min_size=len(a), max_size=len(a))))
    flags = st.lists(st.booleans(), min_size=len(a), max_size=len(a))
    conflict = np.array(draw(flags), dtype=bool)
    return unit.astype(np.int64), group.astype(np.int64), a, b, score / 4.0, conflict


def plain_split(
    unit: np.ndarray,
    group: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    score: np.ndarray,
    conflict: np.ndarray,
    threshold: float,
) -> np.ndarray:
    ua, ub = unit[a], unit[b]
    ga, gb = group[ua], group[ub]
    inside = (ga == gb) & (ga >= 0) & (ua != ub)
    bad = set(ga[inside & conflict].tolist())
    out = group.copy()
    if not bad:
        return out
    next_group = int(group.max()) + 1
    size = np.bincount(unit, minlength=len(group)).tolist()
    sums: dict[int, dict[tuple[int, int], float]] = {}
    for k in np.flatnonzero(inside).tolist():
        g = int(ga[k])
        if g in bad:
            x, y = sorted((int(ua[k]), int(ub[k])))
            sums.setdefault(g, {})[(x, y)] = sums.get(g, {}).get((x, y), 0.0) + float(score[k])
    members: dict[int, list[int]] = {}
    for u in range(len(group)):
        if int(group[u]) in bad:
            members.setdefault(int(group[u]), []).append(u)
    for g, units in members.items():
        for extra in plain_linkage(units, sums.get(g, {}), size, threshold)[1:]:
            out[extra] = next_group
            next_group += 1
    return out


@settings(max_examples=200, deadline=None)
@given(grouped_pairs(), st.sampled_from([0.0, 1.0, 3.0]))
def test_split_conflicts_matches_the_plain_average_linkage(
    case: tuple[np.ndarray, ...], threshold: float
) -> None:
    unit, group, a, b, score, conflict = case
    got = merge.split_conflicts(unit, group, a, b, score, conflict, threshold)
    want = plain_split(unit, group, a, b, score, conflict, threshold)
    assert got.tolist() == want.tolist()


def test_a_group_with_two_sides_that_disagree_splits_in_two() -> None:
    # Units 0, 1 and 2, 3 link well among themselves and badly across: two incidents.
    unit = np.arange(4, dtype=np.int64)
    group = np.zeros(4, dtype=np.int64)
    a = np.array([0, 2, 0, 0, 1, 1], dtype=np.int64)
    b = np.array([1, 3, 2, 3, 2, 3], dtype=np.int64)
    score = np.array([6.0, 6.0, 1.0, 1.0, 1.0, -2.0])
    conflict = score < 0
    out = merge.split_conflicts(unit, group, a, b, score, conflict, 3.0)
    assert out[0] == out[1] != out[2] == out[3]
