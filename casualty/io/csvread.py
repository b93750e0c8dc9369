"""Read CSV rows with their physical line numbers, checking the header and row shape."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from casualty.errors import InputError
from casualty.model import FIELDS

if TYPE_CHECKING:
    from casualty.io.claims import BadRow

_REQUIRED = ("source", "outcome")


@dataclass(frozen=True, slots=True)
class CsvRecord:
    """One data row: values by column name, the extra (non-SPEC) columns, its line, its text."""

    values: dict[str, str]
    extra_columns: tuple[str, ...]
    line: int
    raw: str


def _sniff_delimiter(header_line: str) -> str:
    """Comma unless the header is plainly split by semicolons or tabs (spreadsheet exports)."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def iter_csv_records(
    stream: TextIO, path: str, on_bad: Callable[[BadRow], None]
) -> Iterator[CsvRecord]:
    """Yield each data row of a claims CSV; a broken header raises, a broken row goes to on_bad."""
    from casualty.io.claims import BadRow

    lines = _LineTracker(stream)
    header_text = lines.peek_first()
    if header_text is None:
        raise InputError("empty file: expected a CSV header with claim columns", path, 1)
    reader = csv.reader(lines, delimiter=_sniff_delimiter(header_text), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"unreadable CSV header ({exc})", path, 1) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise InputError(f"duplicate column {name!r} in the header", path, 1)
        seen.add(name)
    missing = [name for name in _REQUIRED if name not in seen]
    if missing:
        raise InputError(f"missing required column(s) {', '.join(missing)} in the header", path, 1)
    extra = tuple(h for h in header if h not in FIELDS)
    while True:
        start = lines.line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raw = lines.take_raw()
            on_bad(BadRow(path, start, f"malformed CSV ({exc})", raw))
            # The csv module cannot resynchronise after an unclosed quote: stop here.
            return
        raw = lines.take_raw()
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            on_bad(BadRow(path, start, f"expected {len(header)} fields, found {len(row)}", raw))
            continue
        yield CsvRecord(dict(zip(header, row, strict=True)), extra, start, raw)


class _LineTracker:
    """Feeds lines to csv.reader while remembering the physical line number and raw text."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending: list[str] = []
        self._first: str | None = None
        self._first_read = False
        self.line = 0

    def peek_first(self) -> str | None:
        if not self._first_read:
            self._first_read = True
            first = self._stream.readline()
            self._first = first if first else None
        return self._first

    def __iter__(self) -> _LineTracker:
        return self

    def __next__(self) -> str:
        if self._first is not None:
            text, self._first = self._first, None
        else:
            text = self._stream.readline()
            if not text:
                raise StopIteration
        self.line += 1
        self._pending.append(text)
        return text

    def take_raw(self) -> str:
        raw = "".join(self._pending).rstrip("\r\n")
        self._pending.clear()
        return raw
