"""Where the engine reads claim fields from: a pandas frame, or a `ClaimTable`'s columns.

Features read a field as (codes, distinct values): what `pd.factorize` gives for a frame's
column (-1 for a missing value, distinct values in order of first appearance). A table's
columns are codes into distinct values already, so it is read without building a frame of
Python objects: `TableFields` gives what a frame of the table's claims
(`features.claims_frame(table.claims())`) would give, value for value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any, Protocol

from casualty.model import Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from casualty.io.claim_table import ClaimTable

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    #: Per row a code (-1: missing), and the distinct values (`.tolist()`, `len`, indexing).
    Coded = tuple[IntArray, Any]


class Fields(Protocol):
    """Claim fields (`features.COLUMNS`) of every row, read a field at a time."""

    def __len__(self) -> int: ...

    def coded(self, name: str) -> Coded:
        """`pd.factorize` of the field's per-row values (missing ones coded -1)."""
        ...

    def take(self, name: str, rows: IntArray) -> pd.Series:
        """The field's values in `rows`, as a Series."""
        ...

    def texts(self, name: str) -> list[str]:
        """`str` of every row's value."""
        ...

    def replaced(self, name: str, rows: IntArray, values: Sequence[Any]) -> Fields:
        """These fields with `values` in `rows` of field `name`."""
        ...


def codes_of(coded: Coded, fn: Callable[[Any], Any], default: Any) -> IntArray:
    """fn applied once per distinct non-missing value, as a code per row (`default` for
    missing ones)."""
    import numpy as np

    codes, uniques = coded
    mapped = np.array([fn(u) for u in uniques.tolist()] + [default], dtype=np.int64)
    return np.asarray(mapped[codes], dtype=np.int64)


def first_seen(coded: Coded) -> IntArray:
    """Codes 1, 2, ... by first appearance of each text (a `_Coder`'s), 0 for missing or "".

    Vectorised: a document column has nearly as many distinct values as rows.
    """
    import numpy as np
    import pandas as pd

    codes, uniques = coded
    if (pd.api.types.is_string_dtype(uniques.dtype) and uniques.dtype != object) or all(
        type(v) is str for v in uniques.tolist()
    ):  # distinct values that are all text: distinct texts
        distinct, text_codes = uniques, np.arange(len(uniques))
    else:  # other objects are coded by their text, as `str(v)` would
        text_codes, distinct = pd.factorize(pd.Series(uniques, dtype=object).map(str))
    kept = np.asarray(distinct != "", dtype=bool)
    code_of_text = np.where(kept, np.cumsum(kept), 0).astype(np.int64)
    mapped = np.append(code_of_text[text_codes], 0)
    return np.asarray(mapped[codes], dtype=np.int64)


def numbers(coded: Coded, missing: float) -> FloatArray:
    """`pd.to_numeric(..., errors="coerce")` of every row, `missing` where that gives none."""
    import numpy as np
    import pandas as pd

    codes, uniques = coded
    values = pd.to_numeric(pd.Series(uniques), errors="coerce").fillna(missing)
    mapped = np.append(values.to_numpy(dtype=np.float64), missing)
    return np.asarray(mapped[codes], dtype=np.float64)


def text_codes(coded: Coded) -> tuple[IntArray, list[str]]:
    """Per row a code of its value's text (missing: ""), and the distinct texts."""
    import numpy as np
    import pandas as pd

    codes, uniques = coded
    texts = [str(v) for v in uniques.tolist()] + [""]
    text_codes, distinct = pd.factorize(np.array(texts, dtype=object))
    return np.asarray(text_codes[codes], dtype=np.int64), list(distinct)


class FrameFields:
    """The fields of a claims frame (`features.COLUMNS`), its rows taken in `order`.

    The frame is not reordered: each field is factorised as it stands and its codes are
    taken in `order`, then renumbered by first appearance in that order (what factorising
    the reordered column gives, without copying a million texts).
    """

    __slots__ = ("_changed", "frame", "order")

    def __init__(self, frame: pd.DataFrame, order: IntArray | None = None) -> None:
        import numpy as np

        self.frame = frame
        self.order = np.arange(len(frame), dtype=np.int64) if order is None else order
        #: Fields with values set by `replaced`, in `order` already.
        self._changed: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self.order)

    def coded(self, name: str) -> Coded:
        import numpy as np
        import pandas as pd

        if name in self._changed:
            codes, uniques = pd.factorize(self._changed[name], use_na_sentinel=True)
            return codes, uniques
        codes, uniques = pd.factorize(self.frame[name], use_na_sentinel=True)
        inverse, first = pd.factorize(codes[self.order])
        missing = np.flatnonzero(first < 0)
        if len(missing):
            k = int(missing[0])
            inverse = np.where(inverse == k, -1, inverse - (inverse > k))
            first = np.delete(first, k)
        return np.asarray(inverse, dtype=np.int64), uniques.take(first)

    def _column(self, name: str) -> pd.Series:
        import pandas as pd

        if name in self._changed:
            return pd.Series(self._changed[name], dtype=object)
        return self.frame[name].take(self.order).reset_index(drop=True)

    def take(self, name: str, rows: IntArray) -> pd.Series:
        if name in self._changed:
            return self._column(name).take(rows)
        return self.frame[name].take(self.order[rows])

    def texts(self, name: str) -> list[str]:
        return [str(v) for v in self._column(name).tolist()]

    def replaced(self, name: str, rows: IntArray, values: Sequence[Any]) -> Fields:
        import numpy as np

        column = self._column(name).to_numpy(dtype=object).copy()
        column[rows] = np.asarray(values, dtype=object)
        out = FrameFields(self.frame, self.order)
        out._changed = {**self._changed, name: column}
        return out


class TableFields:
    """The fields of a `ClaimTable`'s rows, in the order `rows` gives (all rows when None).

    Each field is a code per row into its values: reordering takes codes, and a value is
    read once however many rows share it.
    """

    __slots__ = ("_codes", "_values", "n")

    def __init__(self, codes: dict[str, IntArray], values: dict[str, list[Any]]) -> None:
        self._codes = codes
        self._values = values
        self.n = len(next(iter(codes.values()))) if codes else 0

    @classmethod
    def of(cls, table: ClaimTable, names: Sequence[str]) -> TableFields:
        columns = {name: table.column(name) for name in names}
        return cls(
            {name: c.codes for name, c in columns.items()},
            {name: c.values for name, c in columns.items()},
        )

    def __len__(self) -> int:
        return self.n

    def reordered(self, order: IntArray) -> TableFields:
        return TableFields({k: v[order] for k, v in self._codes.items()}, self._values)

    def coded(self, name: str) -> Coded:
        import pandas as pd

        # Codes in order of first appearance, then their values merged where equal (a
        # column's values need not be distinct): pd.factorize of the per-row values.
        inverse, first = pd.factorize(self._codes[name])
        values = self._values[name]
        seen = [values[c] for c in first.tolist()]
        if all(type(v) is str for v in seen) and len(set(seen)) == len(seen):
            return inverse, pd.Index(seen, dtype=object)  # texts, distinct already
        codes, uniques = pd.factorize(pd.Series(seen, dtype=object), use_na_sentinel=True)
        return codes[inverse], uniques

    def take(self, name: str, rows: IntArray) -> pd.Series:
        import pandas as pd

        values = self._values[name]
        return pd.Series([values[c] for c in self._codes[name][rows].tolist()], dtype=object)

    def texts(self, name: str) -> list[str]:
        text = [str(v) for v in self._values[name]]
        return [text[c] for c in self._codes[name].tolist()]

    def replaced(self, name: str, rows: IntArray, values: Sequence[Any]) -> Fields:
        import numpy as np

        old = self._values[name]
        codes = self._codes[name].copy()
        codes[rows] = len(old) + np.arange(len(rows), dtype=np.int64)
        return TableFields({**self._codes, name: codes}, {**self._values, name: [*old, *values]})

    def canonical_order(self) -> IntArray:
        """Row order by claim id, then by every field's text where ids repeat (as
        `engine.canonical_order` orders a frame of the rows' claims)."""
        import numpy as np

        codes = self._codes["claim_id"]
        # Each distinct value's rank in text order (texts equal as fixed-width unicode, as
        # the frame's sort compares them, share one): the rows sort by those ranks.
        text = np.array([str(v) for v in self._values["claim_id"]], dtype=np.str_)
        by_text = np.argsort(text, kind="stable")
        ordered = text[by_text]
        new = np.ones(len(ordered), dtype=bool)
        np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
        del ordered
        rank = np.empty(len(text), dtype=np.int64)
        rank[by_text] = np.cumsum(new) - 1
        key = rank[codes]
        if self.n == 0 or np.bincount(key).max() <= 1 or len(set(self.texts("claim_id"))) == self.n:
            return np.asarray(np.argsort(key, kind="stable"), dtype=np.int64)
        parts = [self.texts("claim_id"), *(self.texts(name) for name in self._codes)]
        rows = ["\x1f".join(row) for row in zip(*parts, strict=True)]
        return np.asarray(np.argsort(np.array(rows, dtype=np.str_), kind="stable"), dtype=np.int64)


def with_claim_ids(table: ClaimTable) -> ClaimTable:
    """The table with a content id (`Claim.with_id`) for every row that has none."""
    import numpy as np

    from casualty.io.claim_table import Column

    column = table.column("claim_id")
    blank = np.array([not v for v in column.values], dtype=bool)
    if len(blank) == 0 or not blank[column.codes].any():
        return table
    rows = np.flatnonzero(blank[column.codes])
    names = [f.name for f in dataclass_fields(Claim) if f.name != "extra"]
    columns = [table.column(name) for name in names]
    new_ids = [
        Claim(**{n: c.values[c.codes[i]] for n, c in zip(names, columns, strict=True)})
        .with_id()
        .claim_id
        for i in rows.tolist()
    ]
    codes = column.codes.copy()
    codes[rows] = len(column.values) + np.arange(len(rows), dtype=np.int64)
    return table.with_column("claim_id", Column(codes, [*column.values, *new_ids]))
