"""Read CSV rows with their physical line numbers, checking the header and row shape.

A broken row never takes the rest of the file with it: after an unclosed quote or a ragged
row that spans several lines, reading starts again on the line after the row's first line,
so every valid row after it is still read.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from casualty.errors import InputError
from casualty.io.textstream import MAX_LINE_CHARS, LineSource, LineTooLong
from casualty.io.values import show
from casualty.model import FIELDS

if TYPE_CHECKING:
    from casualty.io.claims import BadRow

_REQUIRED = ("source", "outcome")
_FIGURE = ("low", "high", "qualifier", "text")


def sniff_delimiter(header_line: str) -> str:
    """Comma unless the header is plainly split by semicolons or tabs (spreadsheet exports)."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def check_header(names: list[str], path: str) -> list[str]:
    """Checked column names: SPEC names matched case-insensitively, no duplicates."""
    header: list[str] = []
    for cell in names:
        name = cell.strip().lstrip("\ufeff").strip()
        header.append(name.lower() if name.lower() in FIELDS else name)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise InputError(f"duplicate column {show(name)} in the header", path, 1)
        seen.add(name)
    missing = [name for name in _REQUIRED if name not in seen]
    if missing:
        raise InputError(
            f"missing required column(s) {', '.join(missing)} in the header "
            f"(found: {', '.join(header)[:200]})",
            path,
            1,
        )
    if not seen.intersection(_FIGURE):
        raise InputError(f"the header needs one of the columns {', '.join(_FIGURE)}", path, 1)
    return header


class CsvTable:
    """The data rows of a claims CSV as `(cells, line, raw)`, cells in `header` order.

    The header is read (and checked) on the first `next`; a broken row goes to `on_bad`.
    """

    def __init__(self, stream: LineSource, path: str, on_bad: Callable[[BadRow], None]) -> None:
        self.header: list[str] = []
        self.extra: tuple[str, ...] = ()
        self._rows = self._read(stream, path, on_bad)

    def __iter__(self) -> Iterator[tuple[list[str], int, str]]:
        return self._rows

    def _read(
        self, stream: LineSource, path: str, on_bad: Callable[[BadRow], None]
    ) -> Iterator[tuple[list[str], int, str]]:
        from casualty.io.claims import BadRow

        lines = _LineTracker(stream, path)
        header_text = lines.peek_first()
        if header_text is None:
            return
        delimiter = sniff_delimiter(header_text)
        csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_CHARS))
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            names = next(reader)
        except csv.Error as exc:
            raise InputError(f"unreadable CSV header ({exc})", path, 1) from None
        except LineTooLong as exc:
            raise InputError(f"unreadable CSV header ({exc.reason})", path, 1) from None
        header = self.header = check_header(names, path)
        self.extra = tuple(h for h in header if h not in FIELDS)
        while True:
            start = lines.line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except LineTooLong as exc:
                lines.take_raw()
                on_bad(BadRow(path, exc.line or start, exc.reason, None))
                reader = csv.reader(lines, delimiter=delimiter, strict=True)
                continue
            except csv.Error as exc:
                first = lines.resync()
                on_bad(BadRow(path, start, f"malformed CSV ({exc})", first))
                reader = csv.reader(lines, delimiter=delimiter, strict=True)
                continue
            raw = lines.take_raw()
            if not row or all(not cell.strip() for cell in row):
                continue
            if "\x00" in raw:
                on_bad(BadRow(path, start, "contains a NUL byte (binary data?)", raw))
                continue
            if len(row) > len(header) and not any(c.strip() for c in row[len(header) :]):
                row = row[: len(header)]  # trailing empty cells: a spreadsheet's ragged edge
            if len(row) != len(header):
                reason = f"expected {len(header)} fields, found {len(row)}"
                if "\n" in raw and '"' in raw:
                    # Most likely an unclosed quote that swallowed the lines after it.
                    first = lines.resync(raw)
                    on_bad(BadRow(path, start, f"{reason} (unclosed quote?)", first))
                    reader = csv.reader(lines, delimiter=delimiter, strict=True)
                else:
                    on_bad(BadRow(path, start, reason, raw))
                continue
            yield row, start, raw


class _LineTracker:
    """Feeds lines to csv.reader while remembering the physical line number and raw text."""

    def __init__(self, stream: LineSource, path: str) -> None:
        self._stream = stream
        self._path = path
        self._pending: list[str] = []
        self._replay: list[str] = []
        self._first: str | None = None
        self._first_read = False
        self.line = 0

    def peek_first(self) -> str | None:
        """The header line, skipping blank lines before it; None for an empty input."""
        if not self._first_read:
            self._first_read = True
            while True:
                first = self._stream.readline()
                if not first:
                    self._first = None
                    break
                if first.strip():
                    self._first = first
                    break
                self.line += 1
        return self._first

    def __iter__(self) -> _LineTracker:
        return self

    def __next__(self) -> str:
        if self._first is not None:
            text, self._first = self._first, None
        elif self._replay:
            text = self._replay.pop()
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

    def resync(self, raw: str | None = None) -> str:
        """Give back every line of a broken row but its first; return that first line."""
        lines = self._pending[:]
        if raw is not None and not lines:
            lines = [part + "\n" for part in raw.split("\n")]
        self._pending.clear()
        if not lines:
            return ""
        first, rest = lines[0], lines[1:]
        self.line -= len(rest)
        self._replay.extend(reversed(rest))
        return first.rstrip("\r\n")
