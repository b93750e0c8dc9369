"""Claims held a field at a time: the path of large claim files through `casualty cluster`.

A million `Claim` records cost more to build, to turn into the engine's columns and to write
back than clustering them does. A `ClaimTable` keeps each SPEC §4 field as one `Column`: a
code per row into the field's distinct values, so a value is validated, normalised and
formatted once however many rows share it. `ClaimTable.claims()` gives the very records the
row-by-row readers give, so both paths can be compared value for value.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from casualty.model import FIELDS, Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Column:
    """One field of every row: `values[codes[i]]` is row i's value."""

    codes: IntArray
    values: list[Any]

    @classmethod
    def of(cls, values: Sequence[Any]) -> Column:
        """A column from plain per-row values (distinct values in first-seen order).

        Values are told apart by type as well as by equality (1 and 1.0 and True stay three,
        and so do 0.0 and -0.0).
        """
        import numpy as np

        index: dict[tuple[Any, ...], int] = {}
        distinct: list[Any] = []
        codes = np.empty(len(values), dtype=np.int64)
        for i, value in enumerate(values):
            key: tuple[Any, ...] = (type(value), value)
            if type(value) is float and value == 0.0:
                key = (float, value, math.copysign(1.0, value))  # -0.0 is kept apart from 0.0
            code = index.get(key)
            if code is None:
                code = index[key] = len(distinct)
                distinct.append(value)
            codes[i] = code
        return cls(codes, distinct)

    @classmethod
    def of_text(cls, values: Sequence[str | None]) -> Column:
        """A column of text values (or None), factorised in C: for long columns of ids."""
        import numpy as np
        import pandas as pd

        codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
        distinct: list[Any] = uniques.tolist()
        if (codes < 0).any():
            codes = np.where(codes < 0, len(distinct), codes)
            distinct.append(None)
        return cls(np.asarray(codes, dtype=np.int64), distinct)

    def __len__(self) -> int:
        return len(self.codes)

    def tolist(self) -> list[Any]:
        """Every row's value, in row order."""
        values = self.values
        return [values[c] for c in self.codes.tolist()]


@dataclass(frozen=True, slots=True)
class ClaimTable:
    """Claims as columns: every name in `model.FIELDS`, then `extra_columns` (text cells).

    Every row has every extra column (as every row of one CSV file has), so `claims()` gives
    each claim `extra` pairs for all of them, in `extra_columns` order.
    """

    n: int
    columns: dict[str, Column]
    extra_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        wanted = (*FIELDS, *self.extra_columns)
        missing = [name for name in wanted if name not in self.columns]
        if missing:
            raise ValueError(f"claim table lacks columns {missing}")
        if any(len(self.columns[name]) != self.n for name in wanted):
            raise ValueError("claim table columns differ in length")

    def __len__(self) -> int:
        return self.n

    def column(self, name: str) -> Column:
        return self.columns[name]

    def with_column(self, name: str, column: Column) -> ClaimTable:
        """The table with `name` set to `column` (a new extra column when not a field)."""
        if len(column) != self.n:
            raise ValueError(f"column {name!r} has {len(column)} rows, not {self.n}")
        extra = self.extra_columns
        if name not in FIELDS and name not in extra:
            extra = (*extra, name)
        return ClaimTable(self.n, {**self.columns, name: column}, extra)

    def claims(self) -> list[Claim]:
        """The rows as `Claim` records (for tests and small inputs; large ones stay columns)."""
        return list(self.iter_claims())

    def iter_claims(self) -> Iterator[Claim]:
        names = [f.name for f in fields(Claim) if f.name != "extra"]
        columns = [self.columns[name].tolist() for name in names]
        extras = [self.columns[name].tolist() for name in self.extra_columns]
        for i, values in enumerate(zip(*columns, strict=True)):
            pairs = tuple(
                (name, extra[i]) for name, extra in zip(self.extra_columns, extras, strict=True)
            )
            yield Claim(**dict(zip(names, values, strict=True)), extra=pairs)

    @classmethod
    def from_claims(cls, claims: Sequence[Claim]) -> ClaimTable:
        """The table of claims that all have the same extra column names, in the same order."""
        extra_columns = tuple(name for name, _ in claims[0].extra) if claims else ()
        if any(tuple(name for name, _ in c.extra) != extra_columns for c in claims):
            raise ValueError("claims with different extra columns do not make one table")
        columns = {name: Column.of([getattr(c, name) for c in claims]) for name in FIELDS}
        for i, name in enumerate(extra_columns):
            columns[name] = Column.of([c.extra[i][1] for c in claims])
        return cls(len(claims), columns, extra_columns)
