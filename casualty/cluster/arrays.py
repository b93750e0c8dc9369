"""Small numpy helpers shared by the clustering stages (sort-based, deterministic)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]


def unique(values: IntArray) -> IntArray:
    """Sorted distinct values (a sort and a mask: faster than hashing for large arrays)."""
    import numpy as np

    ordered = np.sort(values, kind="stable")
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return np.asarray(ordered[keep], dtype=np.int64)


def unique_inverse(values: IntArray, *, consume: bool = False) -> tuple[IntArray, IntArray]:
    """(sorted distinct values, index of each value among them).

    Temporaries are dropped as soon as they are spent: this runs on arrays of tens of
    millions of pair keys, where each one costs hundreds of MiB. With `consume`, `values`
    (an int64 array the caller no longer needs) is overwritten with the indices.
    """
    import numpy as np

    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    distinct = np.asarray(ordered[first], dtype=np.int64)
    del ordered
    codes = np.cumsum(first, dtype=np.int64)
    del first
    codes -= 1
    inverse = values if consume and values.dtype == np.int64 else np.empty(len(values), np.int64)
    inverse[order] = codes
    return distinct, inverse


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
