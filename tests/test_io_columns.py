"""Claims read a column at a time, in chunks, are what the row-by-row reading gives.

`csv_rows` reads chunks of rows a column at a time (`claims_from_cells`) and reads a chunk
with a faulty row again row by row. The reference here is the plain reading
(`CsvTable`'s rows, then `claim_from_mapping` on each): the same claims, the same bad rows
with the same reasons, in the same order, and the same first error when stopping at it, on
random files of good, messy and bad cells, blank and ragged rows and quoted newlines.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.errors import InputError
from casualty.io import chunked
from casualty.io import claims as cio
from casualty.io.csvread import CsvTable
from casualty.io.values import ClaimValueError, claim_from_mapping

_HEADERS = [
    ["source", "outcome", "low", "high", "text"],
    ["Claim_ID", "kind", "source", "source_type", "span", "date", "date_end", "outcome",
     "low", "high", "qualifier", "text", "location", "lat", "lon", "note", "url", "doc"],
    ["outcome", "source", "qualifier", "published", "date_precision", "victim_category",
     "incident_id", "country", "extra"],
]  # fmt: skip
_CELLS = st.sampled_from(
    [
        "", " ", "Killed", "killed or wounded", "bogus", "omission", "period-total", "Monitor",
        "state media", "day", "Month", "civilians", "2020-02-29", "2019-02-29", "30/09/2017",
        "03/04/2017", "2020-05-01T10:00", "1700-01-01", " 73 ", "1,200", "7.5", "38.0", "-3",
        "seventy-three", "dozens", "٧٣", "33,5", "-91", "12:40", "40:12", "=cmd", "+1", "@a",
        "A monitor", "  padded  ", "line one\nline two", 'say "so", then', "Ağrı, Türkiye",
        "x" * 60, "id-1", "id-2",
    ]
)  # fmt: skip


def _csv_text(header: list[str], rows: list[list[str]], odd: list[int]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i, row in enumerate(rows):
        kind = odd[i % len(odd)] if odd else 0
        if kind == 1:
            out.write("\n")  # a blank line
        elif kind == 2:
            out.write("a,b\n")  # a ragged row
        elif kind == 3:
            out.write('x,"unclosed,killed\n')
        writer.writerow(row)
    return out.getvalue()


def _plain(text: str, stop: bool) -> list[Any]:
    seen: list[Any] = []

    def sink(bad: cio.BadRow) -> None:
        if stop:
            raise InputError(bad.reason, bad.path, bad.line)
        seen.append(("bad", bad))

    try:
        table = CsvTable(io.StringIO(text), "f.csv", sink)
        for cells, line, raw in table:
            values = dict(zip(table.header, cells, strict=True))
            try:
                claim = claim_from_mapping(values, extra_order=table.extra)
            except ClaimValueError as exc:
                sink(cio.BadRow("f.csv", line, str(exc), raw))
                continue
            seen.append(("row", cio.ClaimRow(claim, "f.csv", line, raw)))
    except InputError as exc:
        seen.append(("error", str(exc)))
    return seen


def _chunked(text: str, stop: bool, rows: Any = cio.csv_rows) -> list[Any]:
    seen: list[Any] = []

    def sink(bad: cio.BadRow) -> None:
        if stop:
            raise InputError(bad.reason, bad.path, bad.line)
        seen.append(("bad", bad))

    try:
        for row in rows(io.StringIO(text), "f.csv", sink):
            seen.append(("row", row))
    except InputError as exc:
        seen.append(("error", str(exc)))
    return seen


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_HEADERS).flatmap(
        lambda h: st.tuples(
            st.just(h), st.lists(st.lists(_CELLS, min_size=len(h), max_size=len(h)), max_size=12)
        )
    ),
    st.lists(st.sampled_from([0, 0, 0, 1, 2, 3]), max_size=4),
    st.integers(1, 5),
    st.booleans(),
)
def test_chunked_columns_read_as_rows_one_by_one(
    table: tuple[list[str], list[list[str]]], odd: list[int], chunk: int, stop: bool
) -> None:
    header, rows = table
    text = _csv_text(header, rows, odd)
    expected = _plain(text, stop)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunked, "CHUNK", chunk)
        assert _chunked(text, stop) == expected
    assert _chunked(text, stop) == expected


def test_every_row_of_a_clean_file_is_read_in_columns() -> None:
    rows = [["A monitor", "killed", str(n), "", f"said {n}"] for n in range(5000)]
    got = _chunked(_csv_text(_HEADERS[0], rows, []), stop=True)
    assert got == _plain(_csv_text(_HEADERS[0], rows, []), stop=True)
    assert [r[1].claim.low for r in got] == list(range(5000))
    assert [r[1].line for r in got] == list(range(2, 5002))
