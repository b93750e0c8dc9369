"""Parse a claims CSV file with pyarrow, but only when Python's `csv` would read it the same.

The record path reads a claims file line by line with `csv.reader(strict=True)` on lines
whose endings `TextStream` has made `\\n`. pyarrow's parser is much faster and agrees with
it on a plain file, but not everywhere: it reads `"b"c` as `bc` where `csv` stops with
an error, keeps `\\r\\n` inside a quoted cell, treats a quote inside an unquoted cell its own
way, and knows nothing of the record path's line limit. `scan_csv` looks at the bytes first
(vectorised: about a tenth of a second for 200 MB) and parses them only when every one of
those differences is ruled out; otherwise it returns None and the caller takes the record
path, which reports each fault at its line.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casualty.io.textstream import MAX_LINE_CHARS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pyarrow as pa

_QUOTE, _LF, _CR = ord('"'), ord("\n"), ord("\r")
#: Bytes looked at in one numpy pass (the comparison makes a bool array of this size).
_STEP = 1 << 24


@dataclass(frozen=True, slots=True)
class Scanned:
    """A parsed file: the header's cells as written, and one string column per header cell."""

    names: list[str]
    columns: list[pa.ChunkedArray]
    rows: int
    #: The file has `\r\n` line endings: a cell may hold a CR (read as a line break).
    crlf: bool


def scan_csv(data: bytes) -> Scanned | None:
    """The cells of a whole CSV file (UTF-8, BOM optional), or None if any doubt.

    `data` is the file's bytes; it may be released once this returns (the columns hold
    their own copies).
    """
    body = memoryview(data)
    if data.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8) :]
    crlf = b"\r" in data
    if b"\x00" in data or (crlf and data.count(b"\r") != data.count(b"\r\n")):
        return None  # NUL bytes are bad rows; a lone CR ends a line for TextStream only
    header = _header_cells(body)
    if header is None:
        return None
    names, delimiter = header
    layout = _plain_layout(body, ord(delimiter))
    if layout is None:
        return None
    return _parse(body, names, delimiter, crlf, quoted_newlines=layout)


def _header_cells(body: memoryview) -> tuple[list[str], str] | None:
    """The header line's cells and the delimiter, as `CsvTable` reads them."""
    from casualty.io.csvread import sniff_delimiter

    end = bytes(body[: MAX_LINE_CHARS + 1]).find(b"\n")
    raw = bytes(body[: end if end >= 0 else MAX_LINE_CHARS + 1])
    try:
        line = raw.decode("utf-8").removesuffix("\r")
    except UnicodeDecodeError:
        return None
    # A blank first line is skipped by the record path; a quoted newline in the header makes
    # it span lines. Both are rare enough to leave to it.
    if not line.strip() or line.count('"') % 2 or (end < 0 and len(body) > len(raw)):
        return None
    delimiter = sniff_delimiter(line + "\n")
    try:
        names = next(csv.reader([line + "\n"], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        return None
    return names, delimiter


def _plain_layout(body: memoryview, delimiter: int) -> bool | None:
    """Quotes only as RFC 4180 has them, and no line longer than the record path reads.

    None when not; else whether any quoted cell holds a line break (a newline after an odd
    number of quotes), which makes the parser find rows serially.

    With quotes toggling between outside and inside a quoted cell, the k-th quote (from 0)
    opens a quoted cell or is the second of a doubled `""` when k is even, and closes a cell
    or is the first of a `""` when k is odd. Python's `csv` and pyarrow read every such file
    alike; a quote anywhere else (`ab"c`, `"b"c`, an unclosed quote) is left to the record
    path.
    """
    import numpy as np

    arr = np.frombuffer(body, dtype=np.uint8)
    size = len(arr)
    quotes = _positions(arr, _QUOTE)
    newlines = _positions(arr, _LF)
    bounds = np.concatenate(([-1], newlines, [size - 1]))
    if size and int(np.diff(bounds).max()) > MAX_LINE_CHARS:
        return None
    if len(quotes) % 2:
        return None
    if not len(quotes):
        return False
    before = np.where(quotes > 0, arr[np.maximum(quotes - 1, 0)], _LF)
    after = np.where(quotes + 1 < size, arr[np.minimum(quotes + 1, size - 1)], _LF)
    opening = np.isin(before[0::2], (delimiter, _LF, _QUOTE))
    closing = np.isin(after[1::2], (delimiter, _LF, _CR, _QUOTE))
    if not (opening.all() and closing.all()):
        return None
    return bool((np.searchsorted(quotes, newlines) % 2).any())


def _positions(arr: npt.NDArray[np.uint8], byte: int) -> npt.NDArray[np.int64]:
    import numpy as np

    parts = [
        np.flatnonzero(arr[start : start + _STEP] == byte) + start
        for start in range(0, len(arr), _STEP)
    ]
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def _parse(
    body: memoryview, names: list[str], delimiter: str, crlf: bool, *, quoted_newlines: bool
) -> Scanned | None:
    """Every cell as a string (no type inference, no nulls); None if pyarrow objects."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    width = len(names)
    # With a line break in a quoted cell, rows are found serially and one thread is cheapest;
    # without, blocks split at any newline and arrow's threads parse them side by side.
    read = pacsv.ReadOptions(
        autogenerate_column_names=True, block_size=1 << 22, use_threads=not quoted_newlines
    )
    parse = pacsv.ParseOptions(
        delimiter=delimiter,
        quote_char='"',
        double_quote=True,
        escape_char=False,
        newlines_in_values=quoted_newlines,
        ignore_empty_lines=True,
    )
    convert = pacsv.ConvertOptions(
        column_types={f"f{i}": pa.string() for i in range(width)},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        # Every byte but the delimiters, quotes and line ends is in a cell, the header's
        # included: arrow's UTF-8 check refuses exactly what Python's decoder refuses
        # (compared on all sequences of 1-4 bytes made of boundary values; tests do 1-3).
        check_utf8=True,
    )
    try:
        table = pacsv.read_csv(
            pa.py_buffer(body), read_options=read, parse_options=parse, convert_options=convert
        )
    except pa.ArrowException:
        return None  # a ragged row or bad UTF-8, mostly: the record path names it
    if table.num_columns != width or table.num_rows == 0:
        return None
    head = table.slice(0, 1).to_pylist()[0]
    if [head[f"f{i}"] for i in range(width)] != names:
        return None
    table = table.slice(1)
    return Scanned(names, list(table.columns), table.num_rows, crlf)
