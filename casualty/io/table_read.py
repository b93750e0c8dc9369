"""Read one clean CSV file of claims into a `ClaimTable`, a column at a time.

The record path (`Session.read_any`) builds a `Claim` a row, a million times for a million
claims. Here pyarrow parses the file (`table_scan`), each column is factorised, and each
distinct cell goes through the very reader the record path uses (`values.MEMOISED`,
`own_text`, `parse_span`), so values are identical by construction while a source named a
million times is read once. (Plain spans and coordinates, nearly one a row, are converted by
arrow to the same numbers: see `_coords`.) The cross-field checks (low > high, a claim with
no figure, date_end before date, a repeated claim id) are done on whole columns.

Nothing here reports a fault: a file with any (a bad cell, a ragged row, a duplicate id, an
encoding or layout the record path reads otherwise) gives None, and the caller reads it
again on the record path for the exact `FILE:LINE` messages, rejects and warnings.
"""

from __future__ import annotations

import math
import operator
from collections import namedtuple
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casualty.errors import InputError
from casualty.io.claim_table import ClaimTable, Column
from casualty.io.fast import gc_paused
from casualty.io.textstream import MAX_LINE_CHARS
from casualty.io.values import MEMOISED, ClaimValueError, own_text, parse_span
from casualty.model import FIELDS, make_claim_id

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pyarrow as pa

    from casualty.io.table_scan import Scanned

    IntArray = npt.NDArray[np.int64]

Read = Callable[[Any], Any]

_M = MEMOISED
#: How each field's cell is read: the functions `values._claim` applies (a memo's own reader:
#: each distinct cell is read once here anyway). `doc` and `incident_id` go through
#: `text_value` there, which also interns short texts; `own_text` gives the same values.
_READERS: dict[str, Read] = {
    "claim_id": own_text,
    "kind": _M.kind.read,
    "source": _M.text.read,
    "source_type": _M.source_type.read,
    "reported_by": _M.text.read,
    "doc": own_text,
    "span": parse_span,
    "published": _M.published.read,
    "date": _M.date.read,
    "date_end": _M.date_end.read,
    "date_precision": _M.date_precision.read,
    "location": _M.text.read,
    "admin1": _M.text.read,
    "country": _M.text.read,
    "lat": _M.lat.read,
    "lon": _M.lon.read,
    "perpetrator": _M.text.read,
    "victim": _M.text.read,
    "victim_category": _M.victim_category.read,
    "outcome": _M.outcome.read,
    "low": _M.low.read,
    "high": _M.high.read,
    "qualifier": _M.text.read,
    "text": own_text,
    "url": own_text,
    "incident_id": own_text,
}
#: Defaults `_claim` fills in after reading (`kind or "claim"`...).
_DEFAULTS = {"kind": "claim", "source_type": "unknown", "claim_id": ""}


def read_claim_table(
    path: Path, *, input_format: str | None = None, encoding: str | None = None
) -> ClaimTable | None:
    """The claims of one CSV file as a table, or None when the record path must read it.

    The table's `claims()` is the list `Session.read_any([path], ...)` returns for the same
    file (values, types, generated ids, extra columns, order). None whenever that path would
    warn, skip a row or stop: the caller then reads the file again row by row. (Empty lines,
    which both pass over in silence, are no reason to.)
    `input_format` and `encoding` are the command's `--input-format` and `--encoding`.
    """
    if not _opens_as_utf8_csv(path, input_format, encoding):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(b"\x1f\x8b"):
        return None  # gzip: TextStream reads it, pyarrow would not
    import pyarrow as pa

    from casualty.io.table_scan import scan_csv

    try:
        scanned = scan_csv(data)
        del data
        if scanned is None:
            return None
        with gc_paused():
            return _table(scanned)
    except ClaimValueError:
        return None
    finally:
        # Arrow's allocator keeps freed buffers; the record path, if it reads the file
        # next, and the clustering after it should not find them taken.
        pa.default_memory_pool().release_unused()


def _opens_as_utf8_csv(path: Path, input_format: str | None, encoding: str | None) -> bool:
    """True when the record path would read `path` as a non-empty UTF-8 CSV file."""
    import codecs

    from casualty.io.inputs import expand_inputs, load

    if encoding is not None:
        try:
            if codecs.lookup(encoding).name != "utf-8":
                return False
        except LookupError:
            return False
    try:
        files = list(expand_inputs([str(path)]))
        if len(files) != 1 or files[0].listed:
            return False
        loaded = load(files[0], input_format, encoding)
    except InputError:
        return False
    try:
        return (
            loaded.format == "csv"
            and not loaded.empty
            and loaded.stream.encoding in ("utf-8", "utf-8-sig")
        )
    finally:
        loaded.close()


def _table(scanned: Scanned) -> ClaimTable | None:
    from casualty.io.csvread import check_header

    try:
        header = check_header(scanned.names, "")
    except InputError:
        return None
    n: int = scanned.rows
    arrays: dict[str, pa.ChunkedArray] = dict(zip(header, scanned.columns, strict=True))
    scanned.columns.clear()
    columns: dict[str, Column] = {}
    for name in FIELDS:
        array = arrays.pop(name, None)
        read = _READERS[name]
        default = _DEFAULTS.get(name)
        if default is not None:
            read = _or_default(read, default)
        column = (
            _constant(n, read(None)) if array is None else _read_column(array, read, scanned.crlf)
        )
        if column is None:
            return None
        columns[name] = column
    extra = tuple(h for h in header if h not in FIELDS)
    for name in extra:
        column = _read_column(arrays.pop(name), None, scanned.crlf)
        if column is None:
            return None
        columns[name] = column
    if not _consistent(columns, n):
        return None
    ids = _claim_ids(columns, n)
    if ids is None:
        return None
    columns["claim_id"] = ids
    return ClaimTable(n, columns, extra)


def _or_default(read: Read, default: str) -> Read:
    def reader(value: Any) -> Any:
        return read(value) or default

    return reader


def _constant(n: int, value: Any) -> Column:
    """A column every row of which is `value` (a field the file lacks): codes cost nothing."""
    import numpy as np

    return Column(np.broadcast_to(np.int64(0), (n,)), [value])


def _read_column(array: pa.ChunkedArray, read: Read | None, crlf: bool) -> Column | None:
    """One CSV column: its distinct cells read with `read` (None: kept verbatim)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    # Encoded as one: every chunk's indices point into the one dictionary of the whole column.
    chunks = pc.dictionary_encode(array).chunks
    del array
    if not chunks:
        return Column(np.empty(0, dtype=np.int64), [])
    cells = chunks[-1].dictionary
    if any(len(chunk.dictionary) != len(cells) for chunk in chunks):
        return None  # not what arrow does: the record path reads such a file just the same
    if len(cells) and pc.max(pc.binary_length(cells)).as_py() >= MAX_LINE_CHARS:
        return None  # over `csv`'s field limit on the record path
    if crlf and pc.any(pc.match_substring(cells, "\r")).as_py():
        return None  # a CR inside a quoted cell: the record path reads it as a line break
    codes = np.concatenate([_codes(chunk.indices) for chunk in chunks])
    del chunks
    raw: list[str] = cells.to_pylist()
    pa.default_memory_pool().release_unused()  # the column's arrow buffers, freed just now
    if read is None:
        return Column(codes, raw)
    if read is parse_span:
        values = _spans(cells, raw)
    elif read in _COORDS:
        values = _coords(cells, raw, read, _COORDS[read])
    else:
        values = list(map(read, raw))
    distinct, remap = _distinct(values, raw)
    return Column(codes if remap is None else remap[codes], distinct)


#: Coordinates (about one distinct cell in ten rows) and spans (one a claim) written plainly
#: are converted by arrow: it reads a decimal to the float Python's `float` reads (both round
#: correctly) and digits to the same int. Every other cell goes through the record path's
#: reader. (No Python value is handed to arrow: converting one would import pandas.)
_COORDS: dict[Read, float] = {_M.lat.read: 90.0, _M.lon.read: 180.0}
_DECIMAL = r"^-?[0-9]{1,3}(\.[0-9]{1,17})?$"
#: At most 11 digits: below `values.MAX_COUNT`.
_SPAN = r"^[0-9]{1,11}:[0-9]{1,11}$"


def _coords(cells: pa.Array, raw: list[str], read: Read, limit: float) -> list[Any]:
    """`read` (`parse_coord`) on each cell, arrow's conversion for plain decimals in range."""
    import pyarrow as pa
    import pyarrow.compute as pc

    plain = pc.match_substring_regex(cells, _DECIMAL)
    numbers = iter(pc.cast(pc.filter(cells, plain), pa.float64()).to_pylist())
    values: list[Any] = []
    for is_plain, cell in zip(plain.to_pylist(), raw, strict=True):
        number = next(numbers) if is_plain else None
        values.append(number if number is not None and abs(number) <= limit else read(cell))
    return values


def _spans(cells: pa.Array, raw: list[str]) -> list[Any]:
    """`parse_span` on each cell, arrow's conversion for `start:end` in plain digits."""
    import pyarrow as pa
    import pyarrow.compute as pc

    plain = pc.match_substring_regex(cells, _SPAN)
    bounds = pc.split_pattern(pc.filter(cells, plain), ":").flatten()
    numbers = iter(pc.cast(bounds, pa.int64()).to_pylist())
    values: list[Any] = []
    for is_plain, cell in zip(plain.to_pylist(), raw, strict=True):
        span = (next(numbers), next(numbers)) if is_plain else None
        values.append(span if span is not None and span[0] <= span[1] else parse_span(cell))
    return values


def _codes(indices: pa.Array) -> IntArray:
    """Dictionary indices as int64 (read from the buffer: `to_numpy` would import pandas)."""
    import numpy as np

    dtype = np.dtype(f"int{indices.type.bit_width}")
    raw = np.frombuffer(indices.buffers()[1], dtype=dtype)
    return raw[indices.offset : indices.offset + len(indices)].astype(np.int64)


def _distinct(values: list[Any], raw: list[str]) -> tuple[list[Any], IntArray | None]:
    """Values made distinct (first-seen order) and where each old code goes (None: nowhere).

    `values` were read from the distinct cells `raw`; two cells can read as one value
    (` 73` and `73`). -0.0 and 0.0 stay apart.
    """
    import numpy as np

    if all(map(operator.is_, values, raw)) or len(set(values)) == len(values):
        return values, None  # cells kept as they were (stripped of nothing), or no two alike
    distinct: list[Any] = []
    remap = np.empty(len(values), dtype=np.int64)
    seen: dict[Any, int] = {}
    for i, value in enumerate(values):
        key = (value, math.copysign(1.0, value)) if type(value) is float else value
        code = seen.get(key)
        if code is None:
            code = seen[key] = len(distinct)
            distinct.append(value)
        remap[i] = code
    return distinct, remap


def _consistent(columns: dict[str, Column], n: int) -> bool:
    """The cross-field checks of `values._claim`, on whole columns."""
    import numpy as np

    def per_row(name: str, of: Callable[[Any], Any], dtype: Any) -> Any:
        column = columns[name]
        return np.array([of(v) for v in column.values], dtype=dtype)[column.codes]

    if None in columns["source"].values or None in columns["outcome"].values:
        return False
    low = per_row("low", lambda v: -1 if v is None else v, np.int64)
    high = per_row("high", lambda v: -1 if v is None else v, np.int64)
    if bool(((low >= 0) & (high >= 0) & (low > high)).any()):
        return False
    told = (low >= 0) | (high >= 0)
    told |= per_row("qualifier", lambda v: v is not None, bool)
    told |= per_row("text", lambda v: v is not None, bool)
    told |= per_row("kind", lambda v: v == "omission", bool)
    if not bool(told.all()):
        return False
    date = per_row("date", _day_number, np.int64)
    date_end = per_row("date_end", _day_number, np.int64)
    return not bool(((date > 0) & (date_end > 0) & (date_end < date)).any())


def _day_number(value: str | None) -> int:
    """YYYY-MM-DD as the number YYYYMMDD (ordered as the strings are); 0 for none."""
    return 0 if value is None else int(value.replace("-", ""))


#: The fields `model.make_claim_id` reads: it is given a record of these alone (reading any
#: other field would raise AttributeError, not make another id).
_ID_FIELDS = ("doc", "span", "kind", "source", "outcome", "victim", "low", "high", "qualifier",
              "text", "date", "location")  # fmt: skip
_IdFields = namedtuple("_IdFields", _ID_FIELDS)  # type: ignore[misc]


def _claim_ids(columns: dict[str, Column], n: int) -> Column | None:
    """The claim id column with generated ids for rows without one; None if any repeats.

    A repeated id is a warning (an exact repeat, read once) or a bad row on the record path.
    """
    import numpy as np

    given = columns["claim_id"]
    if "" not in given.values:
        return given if len(given.values) == n else None
    blank = given.values.index("")
    rows = np.flatnonzero(given.codes == blank)
    new_id: Callable[[Any], str] = make_claim_id
    made: list[str] = []
    for start in range(0, len(rows), 1 << 16):
        part = rows[start : start + (1 << 16)]
        cells = [_cells(columns[name], part) for name in _ID_FIELDS]
        made += map(new_id, map(_IdFields._make, zip(*cells, strict=True)))
    if len(rows) == n:
        ids = made
    else:
        ids = given.tolist()
        for row, claim_id in zip(rows.tolist(), made, strict=True):
            ids[row] = claim_id
    if len(set(ids)) != n:
        return None
    return Column(np.arange(n, dtype=np.int64), ids)


def _cells(column: Column, rows: IntArray) -> list[Any]:
    return list(map(column.values.__getitem__, column.codes[rows].tolist()))
