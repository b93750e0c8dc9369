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
from casualty.io.values import ClaimValueError, claim_from_mapping
from casualty.model import FIELDS, Claim


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that could not be read: where it was, why, and its text verbatim."""

    path: str
    line: int
    reason: str
    raw: str


ErrorSink = Callable[[BadRow], None]


def _raise(bad: BadRow) -> None:
    raise InputError(bad.reason, bad.path, bad.line)


def read_claims_csv(stream: TextIO, path: str, on_bad: ErrorSink = _raise) -> Iterator[Claim]:
    """Yield claims from a CSV stream with a header row; unknown columns pass through."""
    from casualty.io.csvread import iter_csv_records

    for rec in iter_csv_records(stream, path, on_bad):
        try:
            yield claim_from_mapping(rec.values, extra_order=rec.extra_columns)
        except ClaimValueError as exc:
            on_bad(BadRow(path, rec.line, str(exc), rec.raw))


def read_claims_jsonl(stream: TextIO, path: str, on_bad: ErrorSink = _raise) -> Iterator[Claim]:
    """Yield claims from JSON Lines: one object a line; blank lines are allowed."""
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            on_bad(BadRow(path, lineno, f"not valid JSON ({exc.msg})", line.rstrip("\r\n")))
            continue
        if isinstance(obj, list) and lineno == 1:
            raise InputError(
                "a JSON array where JSON Lines was expected (use --input-format json)",
                path,
                lineno,
            )
        if not isinstance(obj, dict):
            on_bad(BadRow(path, lineno, "expected a JSON object", line.rstrip("\r\n")))
            continue
        try:
            yield claim_from_mapping(obj)
        except ClaimValueError as exc:
            on_bad(BadRow(path, lineno, str(exc), line.rstrip("\r\n")))


def read_claims_json(stream: TextIO, path: str, on_bad: ErrorSink = _raise) -> Iterator[Claim]:
    """Yield claims from a JSON array of claim objects, or from `{"claims": [...]}`."""
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", path, exc.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        data = data["claims"]
    if isinstance(data, dict) and isinstance(data.get("incidents"), list):
        raise InputError(
            "this is a reconciled report, not a list of claims "
            "(use the claims output of `extract` or `cluster`)",
            path,
            1,
        )
    if not isinstance(data, list):
        raise InputError("expected a JSON array of claim objects", path, 1)
    for index, obj in enumerate(data, start=1):
        if not isinstance(obj, dict):
            on_bad(BadRow(path, index, "expected a JSON object", json.dumps(obj)))
            continue
        try:
            yield claim_from_mapping(obj)
        except ClaimValueError as exc:
            on_bad(BadRow(path, index, f"item {index}: {exc}", json.dumps(obj)))


def claim_to_row(claim: Claim) -> dict[str, Any]:
    """The claim as a JSON-ready mapping in SPEC §4 field order, extra columns last."""
    row: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(claim, name)
        if name == "span" and value is not None:
            value = [value[0], value[1]]
        row[name] = value
    for key, value in claim.extra:
        if key not in row:
            row[key] = value
    return row


def claim_to_csv_row(claim: Claim) -> dict[str, str]:
    """The claim as CSV cells: empty string for missing values, `start:end` for the span."""
    out: dict[str, str] = {}
    for name, value in claim_to_row(claim).items():
        if value is None:
            out[name] = ""
        elif name == "span":
            out[name] = f"{value[0]}:{value[1]}"
        elif isinstance(value, float):
            out[name] = repr(value)
        else:
            out[name] = str(value)
    return out


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
    claims: list[Claim], out: TextIO, *, safe: Callable[[str], str] | None = None
) -> None:
    """Write claims as CSV with SPEC §4 column order; `safe` neutralises formula cells."""
    header = csv_header(claims)
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for claim in claims:
        row = claim_to_csv_row(claim)
        if safe is not None:
            row = {k: safe(v) for k, v in row.items()}
        writer.writerow(row)


def write_claims_jsonl(claims: Iterable[Claim], out: TextIO) -> None:
    """Write one JSON object a line, keys in SPEC §4 order."""
    for claim in claims:
        out.write(json.dumps(claim_to_row(claim), ensure_ascii=False))
        out.write("\n")


def write_claims_json(claims: Iterable[Claim], out: TextIO) -> None:
    """Write a JSON array of claim objects."""
    json.dump([claim_to_row(c) for c in claims], out, ensure_ascii=False, indent=2)
    out.write("\n")


def claim_field_names() -> tuple[str, ...]:
    """Names of the dataclass fields of `Claim` (for tests and schema checks)."""
    return tuple(f.name for f in fields(Claim))


__all__ = [
    "BadRow",
    "ErrorSink",
    "claim_to_csv_row",
    "claim_to_row",
    "csv_header",
    "read_claims_csv",
    "read_claims_json",
    "read_claims_jsonl",
    "write_claims_csv",
    "write_claims_json",
    "write_claims_jsonl",
]
