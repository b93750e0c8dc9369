"""Candidate pairs: the vectorised blocking against a pair-by-pair reading of its rules."""

from __future__ import annotations

import math

import numpy as np
import pytest

from casualty.cluster import blocking
from casualty.cluster.features import EXACT, UNDATED, WEAK, Table
from casualty.cluster.places import ADMIN, COUNTRY, LOCALITY, NEAR, NONE


def random_table(seed: int, n: int) -> Table:
    """Claims crowded into few places, days and documents, with every kind of dating."""
    rng = np.random.default_rng(seed)
    dating = rng.choice([UNDATED, WEAK, EXACT], n, p=[0.15, 0.35, 0.5])
    lo = rng.integers(20_000, 20_012, n)
    width = rng.choice([0, 0, 1, 3, 6, 30, 90], n)
    hi = lo + np.where(dating == EXACT, 0, width)
    lo = np.where(dating == UNDATED, -(10**9), lo)
    hi = np.where(dating == UNDATED, 10**9, hi)
    level = rng.choice([NONE, COUNTRY, ADMIN, NEAR, LOCALITY], n)
    located = rng.random(n) < 0.5
    # Points near a grid line, so that the neighbouring cells matter.
    lat = np.where(located, 36.0 + rng.integers(0, 4, n) * 0.1 + rng.normal(0, 0.02, n), np.nan)
    lon = np.where(located, 40.0 + rng.integers(0, 4, n) * 0.1 + rng.normal(0, 0.02, n), np.nan)
    ints = {name: rng.integers(0, 4, n) for name in ("country", "admin", "place", "doc")}
    zeros = np.zeros(n, dtype=np.int64)
    return Table(
        ids=[f"c{i:04d}" for i in range(n)],
        kind=zeros,
        lo=lo.astype(np.int64),
        hi=hi.astype(np.int64),
        dating=dating.astype(np.int64),
        pub=zeros,
        country=ints["country"],
        admin=ints["admin"],
        place=ints["place"],
        level=level.astype(np.int64),
        perp=zeros,
        victim=zeros,
        vcat=zeros,
        outcome=zeros,
        source=zeros,
        doc=ints["doc"],
        low=zeros,
        high=zeros,
        lat=lat,
        lon=lon,
        resolved=rng.random(n) < 0.7,
        place_keys=["", "a", "b", "c"],
        place_name=[None] * n,
        countries=["", "SY", "IQ", "UA"],
    )


def _cell(lat: float, lon: float, dy: int = 0, dx: int = 0) -> tuple[int, int]:
    width = round(360 / blocking.CELL) + 2
    y = math.floor((lat + 90.0) / blocking.CELL) + dy
    x = math.floor((lon + 180.0) / blocking.CELL) + dx
    return y, x % width


def _probed_cells(lat: float, lon: float) -> set[tuple[int, int]]:
    fy = ((lat + 90.0) / blocking.CELL) % 1.0
    fx = ((lon + 180.0) / blocking.CELL) % 1.0
    sy, sx = (-1 if fy < 0.5 else 1), (-1 if fx < 0.5 else 1)
    return {_cell(lat, lon, dy, dx) for dy, dx in ((0, 0), (sy, 0), (0, sx), (sy, sx))}


def _probes(t: Table, i: int, j: int) -> bool:
    """Whether claim i probes a block claim j lives in (the module docstring, pair by pair)."""
    if t.doc[i] > 0 and t.doc[i] == t.doc[j]:
        return True
    dated_i, dated_j = t.dating[i] != UNDATED, t.dating[j] != UNDATED
    if not dated_i:
        same_place = t.level[i] >= NEAR and t.level[j] >= NEAR and t.place[i] == t.place[j]
        same_admin = t.level[i] == ADMIN and t.admin[i] > 0 and t.admin[i] == t.admin[j]
        return bool(same_place or same_admin)
    if not dated_j:
        return False
    hi_i = min(t.hi[i], t.lo[i] + blocking.MAX_WINDOW)
    hi_j = min(t.hi[j], t.lo[j] + blocking.MAX_WINDOW)
    if t.lo[j] > hi_i + 1 or hi_j < t.lo[i] - 1:
        return False
    located_i, located_j = not math.isnan(t.lat[i]), not math.isnan(t.lat[j])
    unlocated_place = t.level[i] >= NEAR and not located_i
    if unlocated_place and t.level[j] >= NEAR and not located_j and t.place[i] == t.place[j]:
        return True
    if t.level[i] == ADMIN and t.admin[i] > 0 and t.admin[i] == t.admin[j]:
        return True
    vague = t.level[i] <= COUNTRY or not t.resolved[i]
    if vague and t.country[i] > 0 and t.country[i] == t.country[j]:
        return True
    return bool(
        located_i and located_j and _cell(t.lat[j], t.lon[j]) in _probed_cells(t.lat[i], t.lon[i])
    )


@pytest.mark.parametrize("seed", range(12))
def test_candidate_pairs_are_exactly_the_pairs_that_share_a_block(seed: int) -> None:
    t = random_table(seed, 90)
    a, b = blocking.candidate_pairs(t)
    expected = [
        (i, j)
        for i in range(len(t))
        for j in range(i + 1, len(t))
        if _probes(t, i, j) or _probes(t, j, i)
    ]
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == expected


def test_pairs_come_out_the_same_in_small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    t = random_table(99, 300)
    a, b = blocking.candidate_pairs(t)
    monkeypatch.setattr(blocking, "CHUNK", 7)
    a2, b2 = blocking.candidate_pairs(t)
    assert len(a) > 1000
    assert np.array_equal(a, a2)
    assert np.array_equal(b, b2)


def test_no_pairs_for_fewer_than_two_claims() -> None:
    a, b = blocking.candidate_pairs(random_table(1, 1))
    assert len(a) == len(b) == 0
