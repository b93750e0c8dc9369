"""Read and write claims in the exchange formats of SPEC §4: CSV, JSONL and JSON.

Readers yield `Claim` records one at a time so that large inputs stream. A row that cannot
be read raises `InputError` naming the file and line; callers that skip bad rows catch it
per row (see `read_claims(..., on_error=...)`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any, TextIO

from casualty.errors import InputError
from casualty.io.columns import claims_from_cells
from casualty.io.fast import slot_constructor
from casualty.io.rows import FIELD_VALUES, cell_text, csv_cells, json_line
from casualty.io.textstream import LineSource, LineTooLong, TextStream
from casualty.io.values import ClaimValueError, claim_from_mapping
from casualty.model import FIELDS, Claim
from casualty.sanitize import csv_safe


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that could not be read: where it was, why, and its text verbatim.

    `raw` is None when the row cannot be kept verbatim (a line too long to hold in memory,
    a whole article); it is then reported but not written to `--rejects`.
    """

    path: str
    line: int
    reason: str
    raw: str | None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim read from an input, with the line it starts on and its text verbatim."""

    claim: Claim
    path: str
    line: int
    raw: str


ErrorSink = Callable[[BadRow], None]
new_claim_row = slot_constructor(ClaimRow)  # ClaimRow(...) at half the cost, once a row


def raise_bad_row(bad: BadRow) -> None:
    """The default error sink: stop at the first bad row."""
    raise InputError(bad.reason, bad.path, bad.line)


_raise = raise_bad_row


def read_claims_csv(stream: LineSource, path: str, on_bad: ErrorSink = _raise) -> Iterator[Claim]:
    """Yield claims from a CSV stream with a header row; unknown columns pass through."""
    for row in csv_rows(stream, path, on_bad):
        yield row.claim


def csv_rows(stream: LineSource, path: str, on_bad: ErrorSink = _raise) -> Iterator[ClaimRow]:
    """Claims of a CSV stream with their line numbers and verbatim text (`io.chunked`)."""
    from casualty.io.chunked import Pending, chunked_rows
    from casualty.io.csvread import CsvTable

    pending: Pending[list[str]] = Pending()
    table = CsvTable(stream, path, pending)

    def bulk(rows: list[list[str]]) -> list[Claim]:
        return claims_from_cells(table.header, rows, table.extra)

    def one(cells: list[str]) -> Claim:
        values = dict(zip(table.header, cells, strict=True))
        return claim_from_mapping(values, extra_order=table.extra)

    return chunked_rows(iter(table), pending, bulk, one, path, on_bad)


def read_claims_jsonl(stream: LineSource, path: str, on_bad: ErrorSink = _raise) -> Iterator[Claim]:
    """Yield claims from JSON Lines: one object a line; blank lines are allowed."""
    for row in jsonl_rows(stream, path, on_bad):
        yield row.claim


def jsonl_rows(stream: LineSource, path: str, on_bad: ErrorSink = _raise) -> Iterator[ClaimRow]:
    """Claims of a JSON Lines stream with their line numbers and verbatim text."""
    lineno = 0
    while True:
        try:
            line = stream.readline()
        except LineTooLong as exc:
            lineno = exc.line or lineno + 1
            on_bad(BadRow(path, lineno, exc.reason, None))
            continue
        if not line:
            return
        lineno += 1
        raw = line.rstrip("\r\n")
        if not raw.strip():
            continue
        if "\x00" in raw:
            on_bad(BadRow(path, lineno, "contains a NUL byte (binary data?)", raw))
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            on_bad(BadRow(path, lineno, f"not valid JSON ({exc.msg}, column {exc.colno})", raw))
            continue
        except RecursionError:  # '[' * 100_000: json recurses once per bracket
            on_bad(BadRow(path, lineno, "not valid JSON (brackets nested too deeply)", raw))
            continue
        if not isinstance(obj, dict):
            what = "a JSON array" if isinstance(obj, list) else f"JSON {type(obj).__name__}"
            on_bad(BadRow(path, lineno, f"expected a JSON object, found {what}", raw))
            continue
        try:
            claim = claim_from_mapping(obj)
        except ClaimValueError as exc:
            on_bad(BadRow(path, lineno, str(exc), raw))
            continue
        yield new_claim_row(claim, path, lineno, raw)


def read_claims_json(stream: LineSource, path: str, on_bad: ErrorSink = _raise) -> Iterator[Claim]:
    """Yield claims from a JSON array of claim objects, or from `{"claims": [...]}`."""
    for row in json_rows(stream, path, on_bad):
        yield row.claim


#: Largest JSON document read whole (JSON Lines stream instead and have no such limit).
MAX_JSON_CHARS = 256 << 20


def json_rows(stream: LineSource, path: str, on_bad: ErrorSink = _raise) -> Iterator[ClaimRow]:
    """Claims of a JSON array, each with the line its object starts on and its text."""
    text = _read_all(stream, path)
    start = _skip_ws(text, 0)
    if text.startswith("{", start):
        yield from _wrapped_json_rows(text, path, on_bad)
        return
    if not text.startswith("[", start):
        raise InputError("expected a JSON array of claim objects", path, _line_at(text, start))
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, start + 1)
    line, counted = 1, 0
    first = True
    while True:
        if text.startswith("]", pos):
            break
        if not first:
            if not text.startswith(",", pos):
                _json_syntax(on_bad, path, text, pos, "expected ',' or ']' after an item")
                return
            pos = _skip_ws(text, pos + 1)
        first = False
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            obj, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            _json_syntax(on_bad, path, text, exc.pos, exc.msg)
            return
        except RecursionError:
            _json_syntax(on_bad, path, text, pos, "brackets nested too deeply")
            return
        raw = text[pos:end]
        pos = _skip_ws(text, end)
        if not isinstance(obj, dict):
            on_bad(BadRow(path, line, "expected a JSON object in the array", raw))
            continue
        try:
            claim = claim_from_mapping(obj)
        except ClaimValueError as exc:
            on_bad(BadRow(path, line, str(exc), raw))
            continue
        yield new_claim_row(claim, path, line, raw)
    rest = _skip_ws(text, pos + 1)
    if rest < len(text):
        _json_syntax(on_bad, path, text, rest, "extra data after the JSON array")


def _wrapped_json_rows(text: str, path: str, on_bad: ErrorSink) -> Iterator[ClaimRow]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", path, exc.lineno) from None
    except RecursionError:
        raise InputError("not valid JSON (brackets nested too deeply)", path, 1) from None
    if isinstance(data, dict) and isinstance(data.get("incidents"), list):
        raise InputError(
            "this is a reconciled report, not a list of claims "
            "(use the claims output of `extract` or `cluster`)",
            path,
            1,
        )
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise InputError('expected a JSON array of claims or {"claims": [...]}', path, 1)
    for index, obj in enumerate(data["claims"], start=1):
        raw = json.dumps(obj, ensure_ascii=False)
        if not isinstance(obj, dict):
            on_bad(BadRow(path, 1, f"claims item {index}: expected a JSON object", raw))
            continue
        try:
            claim = claim_from_mapping(obj)
        except ClaimValueError as exc:
            on_bad(BadRow(path, 1, f"claims item {index}: {exc}", raw))
            continue
        yield new_claim_row(claim, path, 1, raw)


def _read_all(stream: LineSource, path: str) -> str:
    read = getattr(stream, "read", None)
    if isinstance(stream, TextStream):
        text = stream.read(MAX_JSON_CHARS)
    elif read is not None:
        text = read()
    else:
        text = "".join(iter(stream.readline, ""))
    if "\x00" in text:
        raise InputError(
            "contains a NUL byte (binary data?)", path, _line_at(text, text.find("\x00"))
        )
    return str(text)


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _line_at(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _json_syntax(on_bad: ErrorSink, path: str, text: str, pos: int, msg: str) -> None:
    """A syntax error inside a JSON array: nothing after it can be trusted, so stop there."""
    on_bad(
        BadRow(path, _line_at(text, pos), f"not valid JSON ({msg}); rest of file not read", None)
    )


def claim_to_row(claim: Claim) -> dict[str, Any]:
    """The claim as a JSON-ready mapping in SPEC §4 field order, extra columns last."""
    row: dict[str, Any] = dict(zip(FIELDS, FIELD_VALUES(claim), strict=True))
    span = row["span"]
    if span is not None:
        row["span"] = [span[0], span[1]]
    for key, value in claim.extra:
        if key not in row:
            row[key] = value
    return row


def claim_to_csv_row(claim: Claim) -> dict[str, str]:
    """The claim as CSV cells: empty string for missing values, `start:end` for the span."""
    names = [key for key, _ in claim.extra if key not in FIELDS]
    cells = [cell_text(c) for c in csv_cells(claim, names, formula_safe=False)]
    return dict(zip([*FIELDS, *names], cells, strict=True))


def csv_header(claims: Iterable[Claim]) -> list[str]:
    """SPEC §4 columns, then every extra column in first-seen order."""
    header = list(FIELDS)
    seen = set(header)
    for claim in claims:
        for key, _ in claim.extra:
            if key not in seen:
                seen.add(key)
                header.append(key)
    return header


def write_claims_csv(
    claims: Iterable[Claim], out: TextIO, *, safe: Callable[[str], str] | None = None
) -> None:
    """Write claims as CSV with SPEC §4 column order; `safe` neutralises formula cells.

    A list is scanned first for extra columns; an iterator streams under the SPEC columns
    (extracted claims have no extra columns).
    """
    header = csv_header(claims) if isinstance(claims, list | tuple) else list(FIELDS)
    extra_columns = header[len(FIELDS) :]
    writer = csv.writer(out, lineterminator="\n")
    # An extra column's name is the input's text too: a formula there is neutralised.
    writer.writerow(header if safe is None else [csv_safe(name) for name in header])
    builtin = safe is csv_safe
    rows = (csv_cells(claim, extra_columns, builtin) for claim in claims)
    if safe is not None and not builtin:
        rows = ([safe(cell_text(cell)) for cell in row] for row in rows)
    writer.writerows(rows)


#: Lines of JSON written to the output at a time, from a list of claims.
_JSONL_CHUNK = 1024


def write_claims_jsonl(claims: Iterable[Claim], out: TextIO) -> None:
    """Write one JSON object a line, keys in SPEC §4 order.

    An iterator (claims as they are extracted) is written a line at a time, a list in
    chunks of lines.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode  # as json.dumps(ensure_ascii=False)

    def line(claim: Claim) -> str:
        return json_line(claim) or encode(claim_to_row(claim)) + "\n"

    if not isinstance(claims, list | tuple):
        for claim in claims:
            out.write(line(claim))
        return
    for start in range(0, len(claims), _JSONL_CHUNK):
        out.write("".join([line(claim) for claim in claims[start : start + _JSONL_CHUNK]]))


def write_claims_json(claims: Iterable[Claim], out: TextIO) -> None:
    """Write a JSON array of claim objects."""
    json.dump([claim_to_row(c) for c in claims], out, ensure_ascii=False, indent=2)
    out.write("\n")


def claim_field_names() -> tuple[str, ...]:
    """Names of the dataclass fields of `Claim` (for tests and schema checks)."""
    return tuple(f.name for f in fields(Claim))


__all__ = [
    "BadRow",
    "ClaimRow",
    "ErrorSink",
    "claim_to_csv_row",
    "claim_to_row",
    "csv_header",
    "csv_rows",
    "json_rows",
    "jsonl_rows",
    "raise_bad_row",
    "read_claims_csv",
    "read_claims_json",
    "read_claims_jsonl",
    "write_claims_csv",
    "write_claims_json",
    "write_claims_jsonl",
]
