"""Write a `ClaimTable` as CSV, JSON Lines or JSON, byte for byte as the record writers do.

The record writers (`io.claims`) format every cell of every claim. Here each column's
distinct values are formatted once (cell text, formula check, CSV quoting, JSON fragment)
with the row's fixed text (separators, JSON keys) folded in, and a row is one `"".join` of
its pieces, a chunk of rows at a time: no Python code runs per row or per cell. A column
with one value is fixed text; neighbouring columns with few values become one column of
their combinations (codes `a * len(b) + b`); a column with about a value a row (ids,
texts, spans) is formatted a chunk at a time, so memory stays bounded. The output equals
`write_claims_*(table.claims(), ...)`; tests/test_table_write.py checks."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING, Any, TextIO

from casualty.io.table_cells import (
    Formatter,
    csv_spans,
    csv_texts,
    encode_str,
    json_spans,
    json_values,
)
from casualty.model import FIELDS
from casualty.sanitize import csv_safe

if TYPE_CHECKING:
    from casualty.io.claim_table import ClaimTable, Column, IntArray

#: Rows formatted and written at a time. Smaller chunks stay in the CPU's caches between
#: gathering a chunk's texts and joining them: 1M rows took 1.8 s CPU as CSV, 2.5 s as JSONL
#: in chunks of 512 to 1024 rows, 2.1 and 2.7 in 4096, 2.3 and 3.2 in 16384 (256: 2.0, 2.6).
CHUNK_ROWS = 1024

# -- rows from columns -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    """One column of the output: codes into `values`, formatted by `format`.

    `pieces` holds every value's text when formatted up front; None means a chunk's
    values are formatted as the chunk is written (a column with about one value a row).
    """

    codes: IntArray
    values: Sequence[Any]
    format: Formatter
    pieces: list[str] | None


@dataclass(slots=True)
class _Layout:
    """A row as fixed text and parts: `texts[0] part[0] texts[1] ... part[k-1] texts[k]`."""

    texts: list[str]
    parts: list[_Part]


def _layout(n: int, texts: list[str], parts: list[_Part]) -> _Layout:
    """The row with constant columns folded into its text and small neighbours joined."""
    kept_texts = [texts[0]]
    kept: list[_Part] = []
    for part, after in zip(parts, texts[1:], strict=True):
        if len(part.values) == 1:  # the same in every row: it is fixed text
            piece = part.pieces[0] if part.pieces is not None else part.format([*part.values])[0]
            kept_texts[-1] += piece + after
        else:
            kept.append(part)
            kept_texts.append(after)
    return _joined(n, _Layout(kept_texts, kept))


def _combinations_limit(n: int) -> int:
    """Most combinations of neighbouring columns' values worth a text each.

    Joining two columns saves a piece on every row for a text per combination. Looking
    for the combinations actually used (columns that go together, as a place and its
    country) cost a pass over the rows and saved nothing measurable at 1M rows.
    """
    return max(256, n // 16)


def _joined(n: int, layout: _Layout) -> _Layout:
    """Neighbouring up-front columns joined while the combinations of their values stay few."""
    import numpy as np

    limit = _combinations_limit(n)
    texts = [layout.texts[0]]
    parts: list[_Part] = []
    for part, after in zip(layout.parts, layout.texts[1:], strict=True):
        last = parts[-1] if parts else None
        if (
            last is not None
            and last.pieces is not None
            and part.pieces is not None
            and len(last.pieces) * len(part.pieces) <= limit
        ):
            between = texts.pop()
            pieces = [a + between + b for a in last.pieces for b in part.pieces]
            codes = last.codes * np.int64(len(part.pieces)) + part.codes
            parts[-1] = _Part(codes, pieces, last.format, pieces)
        else:
            parts.append(part)
        texts.append(after)
    return _Layout(texts, parts)


def _part(column: Column, n: int, format_: Formatter) -> _Part:
    values = column.values
    if len(values) > n // 2 and len(values) > 1:
        return _Part(column.codes, values, format_, None)
    return _Part(column.codes, values, format_, format_(list(values)))


def _gather(part: _Part, before: str, after: str) -> Callable[[IntArray], list[str]]:
    """The texts of the rows whose codes are given, for one part (up-front pieces with the
    row's fixed text around them)."""
    import numpy as np

    # fromiter: np.array would read a column of spans as a 2-d array of numbers
    if part.pieces is not None:
        texts = (before + piece + after for piece in part.pieces)
        pieces = np.fromiter(texts, dtype=object, count=len(part.pieces))

        def looked_up(codes: IntArray) -> list[str]:
            texts: list[str] = pieces.take(codes).tolist()
            return texts

        return looked_up
    values = np.fromiter(part.values, dtype=object, count=len(part.values))
    format_ = part.format

    def formatted(codes: IntArray) -> list[str]:
        return format_(values.take(codes).tolist())

    return formatted


Cells = Callable[[int, int], Iterable[str]]


def _cells(layout: _Layout) -> list[Cells]:
    """What each row is joined from, left to right: each gives the texts of rows start:stop.

    They hold the pieces with the fixed text around them, not the layout's own pieces,
    which are freed once the caller lets the layout go.
    """
    last = len(layout.parts) - 1
    cells: list[Cells] = []

    def fixed(text: str) -> Cells:
        return lambda start, stop: repeat(text)

    if not layout.parts:  # every column has one value: every row is the same text
        row = layout.texts[0]
        return [lambda start, stop: [row] * (stop - start)]

    def gathered(gather: Callable[[IntArray], list[str]], codes: IntArray) -> Cells:
        return lambda start, stop: gather(codes[start:stop])

    for i, part in enumerate(layout.parts):
        before, after = layout.texts[i], layout.texts[-1] if i == last else ""
        if part.pieces is not None:
            cells.append(gathered(_gather(part, before, after), part.codes))
            continue
        if before:
            cells.append(fixed(before))
        cells.append(gathered(_gather(part, "", ""), part.codes))
        if after:
            cells.append(fixed(after))
    return cells


def _write_rows(out: TextIO, n: int, cells: list[Cells], first: Callable[[str], str] = str) -> None:
    """Write every row; `first` may rewrite the text of the first chunk (JSON's opening).

    A row is `"".join` of its texts (a C call a row, three times faster than `%` with a
    template of the row), a chunk of rows one `"".join` of those.
    """
    for start in range(0, n, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, n)
        rows = zip(*[c(start, stop) for c in cells], strict=False)  # fixed texts repeat
        text = "".join(map("".join, rows))
        out.write(first(text) if start == 0 else text)


# -- the three formats -------------------------------------------------------------------------


def _output_columns(table: ClaimTable) -> list[str]:
    """SPEC §4 fields, then each extra column once (as `claims.csv_header` orders them).

    An empty table has none: `csv_header` of no claims sees no extra column.
    """
    names = list(FIELDS)
    if table.n:
        for name in table.extra_columns:
            if name not in names:
                names.append(name)
    return names


def write_table_csv(
    table: ClaimTable, out: TextIO, *, safe: Callable[[str], str] | None = None
) -> None:
    """The table as `write_claims_csv(table.claims(), out, safe=safe)` writes it.

    `safe` is applied to every cell's text (None: `--raw-csv`); `sanitize.csv_safe` is
    applied only where it can change a cell, and to the header unless `safe` is None.
    """
    names = _output_columns(table)
    csv.writer(out, lineterminator="\n").writerow(
        names if safe is None else [csv_safe(name) for name in names]
    )
    _write_rows(out, table.n, _csv_cells(table, safe))


def _csv_cells(table: ClaimTable, safe: Callable[[str], str] | None) -> list[Cells]:
    names = _output_columns(table)
    plain, spans = csv_texts(safe), csv_spans(safe)
    parts = [
        _part(table.column(name), table.n, spans if name == "span" else plain) for name in names
    ]
    texts = ["", *[","] * (len(names) - 1), "\n"]
    return _cells(_layout(table.n, texts, parts))


def _json_cells(table: ClaimTable, indent: bool) -> list[Cells]:
    names = _output_columns(table)
    keys = [encode_str(name) + ": " for name in names]
    plain, spans = json_values(indent), json_spans(indent)
    parts = [
        _part(table.column(name), table.n, spans if name == "span" else plain) for name in names
    ]
    if indent:
        inside = ",\n    "
        texts = [",\n  {\n    " + keys[0], *[inside + key for key in keys[1:]], "\n  }"]
    else:
        texts = ["{" + keys[0], *[", " + key for key in keys[1:]], "}\n"]
    return _cells(_layout(table.n, texts, parts))


def write_table_jsonl(table: ClaimTable, out: TextIO) -> None:
    """The table as `write_claims_jsonl(table.claims(), out)` writes it: an object a line."""
    _write_rows(out, table.n, _json_cells(table, indent=False))


def write_table_json(table: ClaimTable, out: TextIO) -> None:
    """The table as `write_claims_json(table.claims(), out)` writes it: an indented array."""
    if not table.n:
        out.write("[]\n")
        return
    # Every row starts ",\n  {": the first chunk's first comma becomes the array's "[".
    _write_rows(out, table.n, _json_cells(table, indent=True), lambda t: "[" + t[1:])
    out.write("\n]\n")


__all__ = ["CHUNK_ROWS", "write_table_csv", "write_table_json", "write_table_jsonl"]
