"""Why each claim is in its incident: its best-scoring partner there, kept as arrays."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from casualty.cluster import scoring
from casualty.cluster.features import EXACT, Table
from casualty.cluster.model import Link

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]


class Links(Mapping[str, Link]):
    """Claim id → `Link`, built on access from arrays (a million `Link`s cost memory)."""

    __slots__ = ("_index", "_other", "_parts", "_score", "_t")

    def __init__(self, t: Table, other: IntArray, score: FloatArray, parts: FloatArray) -> None:
        self._t = t
        self._other = other
        self._score = score
        self._parts = parts
        self._index: dict[str, int] | None = None

    def _lookup(self) -> dict[str, int]:
        if self._index is None:
            self._index = {cid: i for i, cid in enumerate(self._t.ids)}
        return self._index

    def __getitem__(self, claim_id: str) -> Link:
        i = self._lookup()[claim_id]
        j = int(self._other[i])
        if j < 0:
            return Link(claim_id, None, 0.0, ())
        contributions = tuple(
            (name, round(float(v), 3))
            for name, v in zip(scoring.FEATURES, self._parts[i], strict=True)
        )
        return Link(claim_id, self._t.ids[j], round(float(self._score[i]), 3), contributions)

    def __iter__(self) -> Iterator[str]:
        return iter(self._lookup())

    def __len__(self) -> int:
        # Distinct claim ids, as iterating gives them (a repeated id is one key).
        return len(self._lookup())


def best_links(
    t: Table, a: IntArray, b: IntArray, score: FloatArray, label: IntArray
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Per claim: its best-scoring partner in its own incident (-1 for the incident's seed).

    The best partner has the highest score, then the smallest claim id; the per-feature
    contributions are scored again for those pairs only.
    """
    import numpy as np

    n = len(t)
    inside = (label[a] == label[b]) & (label[a] >= 0)
    src = np.concatenate([a[inside], b[inside]])
    dst = np.concatenate([b[inside], a[inside]])
    s = np.concatenate([score[inside], score[inside]])
    other = np.full(n, -1, dtype=np.int64)
    best = np.zeros(n)
    best_parts = np.zeros((n, len(scoring.FEATURES)))
    # The seed of an incident: its strongest claim (exact day, most specific place), then the
    # smallest claim id. Everything else links to its best partner.
    id_rank = _id_rank(t.ids)
    strength = (t.dating == EXACT).astype(np.int64) * 10 + t.level
    by_seed = np.lexsort((id_rank, -strength, label))
    first_of = np.ones(n, dtype=bool)
    first_of[1:] = label[by_seed][1:] != label[by_seed][:-1]
    is_seed = np.zeros(n, dtype=bool)
    is_seed[by_seed[first_of]] = True
    if len(src):
        if np.isnan(s).any():
            order = np.lexsort((id_rank[dst], -s, src))
            first = np.ones(len(src), dtype=bool)
            first[1:] = src[order][1:] != src[order][:-1]
            chosen = order[first]
        else:
            chosen = _best_per_source(src, dst, s, id_rank, n)
        src, dst, s = src[chosen], dst[chosen], s[chosen]
        keep = ~is_seed[src]
        src, dst, s = src[keep], dst[keep], s[keep]
        other[src] = dst
        best[src] = s
        first, second = np.minimum(src, dst), np.maximum(src, dst)
        for at in range(0, len(src), scoring.CHUNK):
            part = slice(at, at + scoring.CHUNK)
            _, parts = scoring.score_pairs(t, first[part], second[part])
            best_parts[src[part]] = parts
    return other, best, best_parts


def _best_per_source(
    src: IntArray, dst: IntArray, s: FloatArray, id_rank: IntArray, n: int
) -> IntArray:
    """Index of each source's entry with the highest score, then the smallest id rank."""
    import numpy as np

    top = np.full(n, -np.inf)
    np.maximum.at(top, src, s)
    tied = np.flatnonzero(s == top[src])
    rank = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(rank, src[tied], id_rank[dst[tied]])
    return np.asarray(tied[id_rank[dst[tied]] == rank[src[tied]]], dtype=np.int64)


def _id_rank(claim_ids: list[str]) -> IntArray:
    """Each claim's position in claim id order (rows usually come sorted by claim id)."""
    import itertools

    import numpy as np

    n = len(claim_ids)
    if all(x <= y for x, y in itertools.pairwise(claim_ids)):
        return np.arange(n, dtype=np.int64)
    rank = np.argsort(np.array(claim_ids, dtype=object), kind="stable")
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[rank] = np.arange(n)
    return id_rank
