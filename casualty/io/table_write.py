"""Write a `ClaimTable` as CSV, JSON Lines or JSON, byte for byte as the record writers do.

The record writers (`io.claims`) format every cell of every claim; here each column's
distinct values are formatted once (cell text, formula check, CSV quoting, JSON fragment)
and each row is one `"".join` of its pieces, with the row's fixed text (separators,
JSON keys) folded into them, a chunk of rows at a time, so no Python code runs per row or
per cell. A column with one value becomes part of the
template; neighbouring columns with few values are joined into one column of their
combinations (codes `a * len(b) + b`); a column with about a value per row (ids, texts)
is formatted a chunk at a time instead, so memory stays bounded. The output equals
`write_claims_*(table.claims(), ...)`; tests/test_table_write.py checks.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING, Any, TextIO

from casualty.io.rows import cell_text
from casualty.model import FIELDS
from casualty.sanitize import FORMULA_STARTS, csv_safe

if TYPE_CHECKING:
    from casualty.io.claim_table import ClaimTable, IntArray

#: Rows formatted and written at a time. Smaller chunks stay in the CPU's caches between
#: gathering a chunk's texts and joining them: 1M rows took 1.8 s CPU as CSV, 2.5 s as JSONL
#: in chunks of 512 to 1024 rows, 2.1 and 2.7 in 4096, 2.3 and 3.2 in 16384 (256: 2.0, 2.6).
CHUNK_ROWS = 1024

#: Formats a list of a column's values as the text each takes in the output.
Formatter = Callable[[list[Any]], list[str]]


# -- CSV cells ---------------------------------------------------------------------------------


def _quote_chars() -> str:
    """The characters that make `csv.writer` (QUOTE_MINIMAL, `\\n` lines) quote a cell.

    Asked of the csv module itself: whether a lone `\\r` is quoted differs between versions.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    chars = ""
    for char in ',"\r\n':
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(["a" + char, "b"])
        if buffer.getvalue().startswith('"'):
            chars += char
    return chars


_QUOTE_CHARS = _quote_chars()


def _needs_quotes(text: str) -> bool:
    return any(char in text for char in _QUOTE_CHARS)


def _csv_quoted(texts: list[str]) -> list[str]:
    """The cells as `csv.writer` writes them: quoted, quotes doubled, where they need it."""
    if not _needs_quotes("".join(texts)):  # one scan in C (memchr a character) for most
        return texts
    return ['"' + t.replace('"', '""') + '"' if _needs_quotes(t) else t for t in texts]


def _csv_texts(safe: Callable[[str], str] | None) -> Formatter:
    """Cell text of plain values (`rows.cell_text`), made safe as `write_claims_csv` does."""

    def texts(values: list[Any]) -> list[str]:
        out = [v if type(v) is str else cell_text(v) for v in values]
        if safe is csv_safe:  # it changes only a cell that starts like a formula
            starts = FORMULA_STARTS
            out = [csv_safe(t) if t[:1] in starts else t for t in out]
        elif safe is not None:
            out = [safe(t) for t in out]
        return _csv_quoted(out)

    return texts


def _csv_spans(safe: Callable[[str], str] | None) -> Formatter:
    """Span cells: `start:end` (as `f"{span[0]}:{span[1]}"`), or empty."""
    plain = _csv_texts(safe)

    def spans(values: list[Any]) -> list[str]:
        ends = _span_ends(values)
        if ends is None:
            return plain(["" if v is None else f"{v[0]}:{v[1]}" for v in values])
        texts = [f"{a}:{b}" for a, b in values]
        if safe in (None, csv_safe) and _natural(ends[0]) and {*map(type, ends[1])} == {int}:
            return texts  # digits and a colon: nothing to quote, no formula start
        return plain(texts)

    return spans


# -- JSON values -------------------------------------------------------------------------------

_encode_str: Callable[[str], str] = json.encoder.encode_basestring


def _json_value(value: Any, indent: bool) -> str:
    """`value` as json.dumps(ensure_ascii=False) writes it inside a claim object.

    With `indent`, as `json.dump(..., indent=2)` writes it two levels deep (inside the
    array, inside the object): lines after the first are indented four more spaces.
    """
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if value is None:
        return "null"
    if kind is float:
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if kind is int:
        return int.__repr__(value)
    text = json.dumps(value, ensure_ascii=False, indent=2 if indent else None)
    return text.replace("\n", "\n    ") if indent else text


def _json_values(indent: bool) -> Formatter:
    def values_(values: list[Any]) -> list[str]:
        encode = _encode_str
        return [encode(v) if type(v) is str else _json_value(v, indent) for v in values]

    return values_


def _span_ends(values: list[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
    """The starts and the ends of spans that are all pairs (None when any is not)."""
    if not {*map(type, values)} <= {tuple}:  # None, or something only indexing reads right
        return None
    try:
        starts, ends = zip(*values, strict=True)
    except (TypeError, ValueError):  # not all pairs: the callers take each span alone
        return None
    return starts, ends


def _natural(numbers: tuple[Any, ...]) -> bool:
    """Whether all are ints (not bools) and none is negative."""
    return {*map(type, numbers)} == {int} and min(numbers) >= 0


def _json_spans(indent: bool) -> Formatter:
    """Spans as `claim_to_row` gives them to json: a list of the two ends.

    A span is unique to nearly every claim, so a chunk of pairs of ints (the spans the
    extractor writes) is formatted by one f-string comprehension, not `json.dumps` each.
    """
    pair = "[\n      {},\n      {}\n    ]" if indent else "[{}, {}]"

    def span(value: Any) -> str:
        if value is None:
            return "null"
        start, end = value[0], value[1]
        if type(start) is int and type(end) is int:
            return pair.format(start, end)
        return _json_value([start, end], indent)

    def spans(values: list[Any]) -> list[str]:
        ends = _span_ends(values)
        if ends is None or {*map(type, ends[0]), *map(type, ends[1])} != {int}:
            return [span(v) for v in values]
        # an f-string formats an int as int.__repr__, in half the time of str.format
        if indent:
            return [f"[\n      {a},\n      {b}\n    ]" for a, b in values]
        return [f"[{a}, {b}]" for a, b in values]

    return spans


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


def _part(column: Any, n: int, format_: Formatter) -> _Part:
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
    """What each row is joined from, left to right: each gives the texts of rows start:stop."""
    last = len(layout.parts) - 1
    cells: list[Cells] = []

    def fixed(text: str) -> Cells:
        return lambda start, stop: repeat(text)

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


def _write_rows(out: TextIO, n: int, layout: _Layout, *, first: Callable[[str], str] = str) -> None:
    """Write every row; `first` may rewrite the text of the first chunk (JSON's opening).

    A row is `"".join` of its texts (a C call a row, three times faster than `%` with a
    template of the row), a chunk of rows one `"".join` of those.
    """
    cells = _cells(layout)
    for start in range(0, n, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, n)
        if cells:
            rows = zip(*[c(start, stop) for c in cells], strict=False)  # fixed texts repeat
            text = "".join(map("".join, rows))
        else:  # every column has one value: every row is the same text
            text = layout.texts[0] * (stop - start)
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
    applied only where it can change a cell.
    """
    names = _output_columns(table)
    csv.writer(out, lineterminator="\n").writerow(names)
    plain, spans = _csv_texts(safe), _csv_spans(safe)
    parts = [
        _part(table.column(name), table.n, spans if name == "span" else plain) for name in names
    ]
    texts = ["", *[","] * (len(names) - 1), "\n"]
    _write_rows(out, table.n, _layout(table.n, texts, parts))


def _json_layout(table: ClaimTable, indent: bool) -> _Layout:
    names = _output_columns(table)
    keys = [_encode_str(name) + ": " for name in names]
    plain, spans = _json_values(indent), _json_spans(indent)
    parts = [
        _part(table.column(name), table.n, spans if name == "span" else plain) for name in names
    ]
    if indent:
        inside = ",\n    "
        texts = [",\n  {\n    " + keys[0], *[inside + key for key in keys[1:]], "\n  }"]
    else:
        texts = ["{" + keys[0], *[", " + key for key in keys[1:]], "}\n"]
    return _layout(table.n, texts, parts)


def write_table_jsonl(table: ClaimTable, out: TextIO) -> None:
    """The table as `write_claims_jsonl(table.claims(), out)` writes it: an object a line."""
    _write_rows(out, table.n, _json_layout(table, indent=False))


def write_table_json(table: ClaimTable, out: TextIO) -> None:
    """The table as `write_claims_json(table.claims(), out)` writes it: an indented array."""
    if not table.n:
        out.write("[]\n")
        return
    # Every row starts ",\n  {": the first chunk's first comma becomes the array's "[".
    _write_rows(out, table.n, _json_layout(table, indent=True), first=lambda t: "[" + t[1:])
    out.write("\n]\n")


__all__ = ["CHUNK_ROWS", "write_table_csv", "write_table_json", "write_table_jsonl"]
