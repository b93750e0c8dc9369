"""Cell texts for the column writers: a column's values as CSV cells or JSON values.

Each formatter takes a list of values (a column's distinct values, or a chunk's) and gives
the text each takes in the output, exactly as the record writers (`io.rows`, `io.claims`,
the csv and json modules) would write it, so `table_write` can assemble rows from them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from casualty.io.rows import cell_text
from casualty.sanitize import FORMULA_STARTS, csv_safe

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


def _safe(value: Any) -> str:
    return csv_safe(cell_text(value))


def csv_texts(safe: Callable[[str], str] | None) -> Formatter:
    """Cell text of plain values (`rows.cell_text`), made safe as `write_claims_csv` does."""

    def texts(values: list[Any]) -> list[str]:
        if safe is csv_safe:  # it changes only a cell that starts like a formula
            starts = FORMULA_STARTS
            out = [v if type(v) is str and v[:1] not in starts else _safe(v) for v in values]
        else:
            out = [v if type(v) is str else cell_text(v) for v in values]
            if safe is not None:
                out = [safe(t) for t in out]
        return _csv_quoted(out)

    return texts


def csv_spans(safe: Callable[[str], str] | None) -> Formatter:
    """Span cells: `start:end` (as `f"{span[0]}:{span[1]}"`), or empty."""
    plain = csv_texts(safe)

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

encode_str: Callable[[str], str] = json.encoder.encode_basestring


def _json_value(value: Any, indent: bool) -> str:
    """`value` as json.dumps(ensure_ascii=False) writes it inside a claim object.

    With `indent`, as `json.dump(..., indent=2)` writes it two levels deep (inside the
    array, inside the object): lines after the first are indented four more spaces.
    """
    kind = type(value)
    if kind is str:
        return encode_str(value)
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


def json_values(indent: bool) -> Formatter:
    def values_(values: list[Any]) -> list[str]:
        encode = encode_str
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


def json_spans(indent: bool) -> Formatter:
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


__all__ = ["Formatter", "csv_spans", "csv_texts", "encode_str", "json_spans", "json_values"]
