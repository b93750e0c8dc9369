"""The column writers write a ClaimTable byte for byte as the record writers write its claims.

`table_write.write_table_*` format each column's distinct values once and assemble rows in
chunks; `claims.write_claims_*(table.claims(), ...)` is the reference, on hand-made claims
that carry every quirk of the formats and on random ones.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.io import claims as cio
from casualty.io import table_cells
from casualty.io import table_write as tw
from casualty.io.claim_table import ClaimTable, Column
from casualty.model import FIELDS, Claim
from casualty.sanitize import csv_safe

Writer = Callable[[Any, io.StringIO], None]

# (name, record writer on claims, column writer on the table)
WRITERS: list[tuple[str, Writer, Writer]] = [
    ("csv", lambda c, o: cio.write_claims_csv(c, o, safe=csv_safe),
     lambda t, o: tw.write_table_csv(t, o, safe=csv_safe)),
    ("raw-csv", lambda c, o: cio.write_claims_csv(c, o),
     lambda t, o: tw.write_table_csv(t, o)),
    ("upper-csv", lambda c, o: cio.write_claims_csv(c, o, safe=str.upper),
     lambda t, o: tw.write_table_csv(t, o, safe=str.upper)),
    ("jsonl", cio.write_claims_jsonl, tw.write_table_jsonl),
    ("json", cio.write_claims_json, tw.write_table_json),
]  # fmt: skip


def _text(write: Writer, data: Any) -> str:
    out = io.StringIO()
    write(data, out)
    return out.getvalue()


def _assert_same(table: ClaimTable) -> None:
    claims = table.claims()
    for name, records, columns in WRITERS:
        assert _text(columns, table) == _text(records, claims), name


def _claim(**values: Any) -> Claim:
    return Claim(**{"source": "Local health office", "outcome": "killed", **values})


# Every quirk a cell can have, one claim each, so a row can differ from its neighbours.
QUIRKS = [
    _claim(claim_id="c1", text='He said "12 dead", then left.', low=12, high=12),
    _claim(claim_id="c2", text="line one\nline two", location="Al-Qaim, Anbar"),
    _claim(claim_id="c3", text="carriage\rreturn", victim="=SUM(A1:A9)"),
    _claim(claim_id="c4", source="+44 hotline", perpetrator="-militants", qualifier="-3"),
    _claim(claim_id="c5", source="@spokesman", reported_by="\tTab Wire", qualifier="+1.5"),
    _claim(claim_id="c6", source="\rCR Agency", qualifier="1e5", text="-1e-05"),
    _claim(claim_id="c7", lat=float("-inf"), lon=float("inf")),
    _claim(claim_id="c8", lat=float("nan"), lon=-0.0),
    _claim(claim_id="c9", lat=1e-05, lon=1e16, low=0, high=10**20),
    _claim(claim_id="c10", lat=-12.5, lon=33.25, span=(3, 41), doc="d1"),
    _claim(claim_id="c11", span=(0, 0), doc="d1", date="2021-03-04", date_precision="day"),
    _claim(claim_id="c12", span=(-1, 7), text="Ḥalab — ١٢ قتيلا 🕊 \u2028 \u202e bidi"),
    _claim(claim_id="c13", text="", location="", country="100%", victim="50% of %s"),
    _claim(claim_id="c14", text="\x1b[31mred\x1b[0m \x00 nul", url="https://x.example/?a=1&b=2"),
    _claim(claim_id="c15", kind="omission", source_type="monitor", incident_id="i-1"),
]


def _table(claims: Sequence[Claim]) -> ClaimTable:
    return ClaimTable.from_claims(list(claims))


@pytest.mark.parametrize("rows", [1, 2, 3, 1000])
def test_small_chunks_write_the_same(monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    monkeypatch.setattr(tw, "CHUNK_ROWS", rows)
    _assert_same(_table(QUIRKS))


def test_repeated_values_and_constant_columns_write_the_same() -> None:
    # 15 kinds of row repeated: every column has few values, several have one (folded into
    # the row's fixed text), neighbours combine; claim_id alone has a value a row.
    claims = [_claim(**{**_fields(q), "claim_id": f"r{i}"}) for i, q in enumerate(QUIRKS * 40)]
    _assert_same(_table(claims))


def test_rows_that_are_all_alike_write_the_same() -> None:
    # Every column has one value: the whole row is fixed text.
    _assert_same(_table([QUIRKS[11]] * 3))


def _fields(claim: Claim) -> dict[str, Any]:
    return {name: getattr(claim, name) for name in FIELDS}


def test_columns_combine_as_far_as_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = [_claim(**{**_fields(q), "claim_id": f"r{i}"}) for i, q in enumerate(QUIRKS * 20)]
    for limit in (1, 4, 64, 600):
        monkeypatch.setattr(tw, "_combinations_limit", lambda n, limit=limit: limit)
        _assert_same(_table(claims))


def test_extra_columns_follow_the_fields() -> None:
    claims = [
        _claim(claim_id="e1", extra=(("note", "=1+1"), ("100% sure", 'a "b"'), ("città", "x"))),
        _claim(claim_id="e2", extra=(("note", "plain"), ("100% sure", "c,d"), ("città", "é"))),
        _claim(claim_id="e3", extra=(("note", "\tt"), ("100% sure", ""), ("città", "x"))),
    ]
    table = _table(claims)
    assert table.extra_columns == ("note", "100% sure", "città")
    _assert_same(table)
    assert _text(WRITERS[0][2], table).splitlines()[0].endswith(",note,100% sure,città")


def test_explain_link_columns_added_to_the_table() -> None:
    # `cluster --explain` adds its link columns to the table the reader gave.
    table = _table(QUIRKS)
    n = len(QUIRKS)
    links = {
        "link_to": [None if i % 3 == 0 else f"c{i}" for i in range(n)],
        "link_score": [None if i % 3 == 0 else repr(0.5 + i / 100) for i in range(n)],
        "link_features": ['{"place": 1.0, "date": -2}' if i % 2 else "" for i in range(n)],
    }
    for name, values in links.items():
        table = table.with_column(name, Column.of(values))
    assert table.extra_columns == tuple(links)
    _assert_same(table)
    jsonl = _text(tw.write_table_jsonl, table).splitlines()
    assert jsonl[0].endswith('"link_to": null, "link_score": null, "link_features": ""}')


def test_extra_cells_of_any_type() -> None:
    table = _table(QUIRKS[:4])
    cells = [None, -3.5, float("nan"), 7]
    _assert_same(table.with_column("score", Column.of(cells)))


def test_an_empty_table_writes_what_no_claims_write() -> None:
    # No claims: csv_header sees no extra column, so the header is the SPEC fields alone.
    empty = ClaimTable(0, {name: Column.of([]) for name in (*FIELDS, "note")}, ("note",))
    _assert_same(empty)
    assert _text(tw.write_table_json, empty) == "[]\n"
    assert _text(tw.write_table_jsonl, empty) == ""


def test_a_field_replaced_by_with_column_is_written_in_its_place() -> None:
    ids = Column.of([f"inc-{i % 4}" for i in range(len(QUIRKS))])
    table = _table(QUIRKS).with_column("incident_id", ids)
    assert table.extra_columns == ()
    _assert_same(table)


# -- random claims ---------------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("ab ,;\"'\n\r\t=+-@%:.0123456789eé—١🕊\u2028\u202e\x1b\x00")),
    max_size=12,
)
_OPT_TEXT = st.none() | _TEXT
_FLOAT = st.none() | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([-0.0, 0.0])
_INT = st.none() | st.integers(-(10**20), 10**20)
_SPAN = (
    st.none()
    | st.tuples(st.integers(-5, 10**6), st.integers(-5, 10**6))
    | st.tuples(st.booleans(), st.integers(0, 3))
)
_ODD = st.none() | st.booleans() | st.integers(-9, 9) | _TEXT  # what a table may hold


@st.composite
def _claims(draw: st.DrawFn) -> list[Claim]:
    extra_names = draw(st.lists(st.sampled_from(["note", "link_to", "ü%"]), unique=True))
    pool = draw(st.lists(_OPT_TEXT, min_size=1, max_size=4))  # values repeat across rows
    shared = st.sampled_from(pool) | _OPT_TEXT
    claim = st.builds(
        Claim,
        source=_TEXT,
        outcome=shared,
        claim_id=_TEXT,
        kind=st.sampled_from(["claim", "omission"]) | _ODD,
        span=_SPAN,
        location=shared,
        lat=_FLOAT,
        lon=_FLOAT,
        low=_INT,
        high=_INT | _ODD,
        text=shared,
        victim=_ODD,
        extra=st.tuples(*[st.tuples(st.just(name), shared | _ODD) for name in extra_names]),
    )
    return draw(st.lists(claim, max_size=12))


@settings(max_examples=300, deadline=None)
@given(_claims(), st.integers(1, 5))
def test_random_claims_write_the_same(claims: list[Claim], chunk: int) -> None:
    saved = tw.CHUNK_ROWS
    tw.CHUNK_ROWS = chunk  # a monkeypatch fixture does not reset between hypothesis examples
    try:
        _assert_same(_table(claims))
    finally:
        tw.CHUNK_ROWS = saved


def test_the_csv_quote_rule_is_the_csv_module_s() -> None:
    # The characters that make csv.writer quote are asked of it; \r is not one in 3.11.
    assert set(',"\n') <= set(table_cells._QUOTE_CHARS)
    cells = ["a\rb", " lead", "trail ", "x\x0by", "x\x85y", "", "'"]
    assert table_cells.csv_texts(None)(cells) == [_csv_cell(cell) for cell in cells]


def _csv_cell(cell: str) -> str:
    out = io.StringIO()
    import csv

    csv.writer(out, lineterminator="\n").writerow([cell, "z"])
    return out.getvalue()[: -len(",z\n")]


def test_nan_is_written_as_json_writes_it() -> None:
    table = _table([_claim(claim_id="n", lat=math.nan, lon=math.inf)])
    line = _text(tw.write_table_jsonl, table)
    assert '"lat": NaN, "lon": Infinity' in line
