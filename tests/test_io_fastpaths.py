"""The claim readers' and writers' fast paths give exactly what the plain forms give.

Records are read through memos of repeated values and built by a slot-filling constructor;
CSV is written as lists through `csv.writer` with the formula check only on cells that start
like a formula; JSON Lines with one encoder, in chunks. Each test compares the fast form with
the straightforward one (kept here as the reference) on invented or random records.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.io import claims as cio
from casualty.io import fast, values
from casualty.model import FIELDS, Claim
from casualty.sanitize import csv_safe

# -- reading ---------------------------------------------------------------------------------

# Cells as a CSV or JSON record may hold them: good, messy and bad, repeated across records.
_CELLS = st.sampled_from(
    [
        None,
        "",
        "  ",
        "Killed",
        "killed",
        "killed or wounded",
        "wounded ",
        "bogus",
        "claim",
        "omission",
        "period-total",
        "Monitor",
        "state media",
        "day",
        "Month",
        "civilians",
        "2020-02-29",
        "2019-02-29",
        "2021-13-01",
        "30/09/2017",
        "03/04/2017",
        "2020-05-01T10:00",
        "1700-01-01",
        "2999-01-01",
        " 73 ",
        "1,200",
        "1.200",
        "7.5",
        "38.0",
        "-3",
        "seventy-three",
        "dozens",
        "٧٣",
        "33,5",
        "-91",
        "12:40",
        "40:12",
        "=cmd",
        "Aleppo",
        "x" * 60,
        0,
        12,
        -1,
        7.0,
        7.5,
        float("nan"),
        True,
        ["a", "b"],
        [3, 9],
        {"k": 1},
    ]
)
_KEYS = st.sampled_from([*FIELDS, "note", "extra2"])


def _outcome(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except values.ClaimValueError as exc:
        return f"ClaimValueError: {exc}"
    except TypeError as exc:
        return f"TypeError: {exc}"


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEYS, _CELLS, max_size=14), st.booleans())
def test_memoised_record_reads_as_the_plain_one(record: dict[str, Any], spec: bool) -> None:
    record = {"source": "Some monitor", "outcome": "killed", "text": "t", **record}
    extra_order = [k for k in record if k not in FIELDS] if spec else None
    plain = _outcome(lambda: values._claim(record, extra_order, values._PLAIN))
    # Twice: the second read meets the values the first one left in the memos.
    assert _outcome(lambda: values.claim_from_mapping(record, extra_order)) == plain
    assert _outcome(lambda: values.claim_from_mapping(record, extra_order)) == plain


def test_a_bad_value_raises_every_time_and_is_not_kept() -> None:
    memo = fast.Memo(lambda v: values.parse_date(v, "date"))
    for _ in range(2):
        with pytest.raises(values.ClaimValueError, match="not a real calendar date"):
            memo["2019-02-29"]
    assert "2019-02-29" not in memo
    assert memo["2020-02-29"] == "2020-02-29" and "2020-02-29" in memo


def test_a_memo_keeps_only_short_texts_and_only_so_many(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "MEMO_MAX", 3)
    memo = fast.Memo(values.text_value)
    assert memo[None] is None and memo[7] == "7" and memo[" a "] == "a"
    assert memo["y" * 49] == "y" * 49
    assert set(memo) == {None, " a "}
    assert [memo[k] for k in ("b", "c", "d")] == ["b", "c", "d"]
    assert set(memo) == {None, " a ", "b"}


@given(st.integers(0, 10**12), st.floats(allow_nan=False) | st.integers(-200, 200))
def test_json_numbers_read_as_their_text(count: int, degrees: float) -> None:
    low = partial(values.parse_count, name="low")
    lat = partial(values.parse_coord, name="lat", limit=90.0)
    assert _outcome(partial(low, count)) == _outcome(partial(low, str(count)))
    assert _outcome(partial(lat, degrees)) == _outcome(partial(lat, str(degrees)))


def test_unhashable_cells_are_read_as_before() -> None:
    claim = values.claim_from_mapping({"source": ["A", "B"], "outcome": "killed", "low": "3"})
    assert claim.source == "['A', 'B']" and claim.low == 3


# -- building records ------------------------------------------------------------------------


@given(st.lists(st.none() | st.text(max_size=5) | st.integers(), min_size=27, max_size=27))
def test_slot_constructor_builds_what_the_dataclass_builds(cells: list[Any]) -> None:
    assert len(dataclasses.fields(Claim)) == len(cells)
    built = values.new_claim(*cells)
    assert type(built) is Claim and built == Claim(*cells)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.source = "changed"  # type: ignore[misc]


def test_slot_constructor_keeps_a_post_init() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            raise ValueError("checked")

    assert fast.slot_constructor(Checked) is Checked


# -- writing ---------------------------------------------------------------------------------


def _plain_row(claim: Claim) -> dict[str, Any]:
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


def _plain_cells(claim: Claim) -> dict[str, str]:
    row: dict[str, str] = {}
    for name, value in _plain_row(claim).items():
        if value is None:
            row[name] = ""
        elif name == "span":
            row[name] = f"{value[0]}:{value[1]}"
        elif isinstance(value, float):
            row[name] = repr(value)
        else:
            row[name] = str(value)
    return row


def _plain_csv(claims: Iterable[Claim], safe: Callable[[str], str] | None) -> str:
    out = io.StringIO()
    header = cio.csv_header(claims) if isinstance(claims, list) else list(FIELDS)
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for claim in claims:
        row = _plain_cells(claim)
        writer.writerow({k: safe(v) for k, v in row.items()} if safe else row)
    return out.getvalue()


_WORDS = st.sampled_from(["", "Aleppo", "=SUM(A1)", "+1", "-3", "-x", "@me", "\tt", "a,b", '"q"'])
_FLOATS = st.none() | st.floats(allow_nan=True) | st.sampled_from([-math.inf, -1e-7, -0.0])


@st.composite
def _claims(draw: st.DrawFn) -> Claim:
    extra_names = st.sampled_from(["note", "source", "link_to", "x"])
    return Claim(
        source=draw(_WORDS),
        outcome="killed",
        claim_id=draw(_WORDS),
        location=draw(st.none() | _WORDS),
        span=draw(st.none() | st.tuples(st.integers(0, 9), st.integers(10, 99))),
        lat=draw(_FLOATS),
        lon=draw(_FLOATS),
        low=draw(st.none() | st.integers(-5, 10**12)),
        text=draw(st.none() | _WORDS),
        extra=tuple(draw(st.lists(st.tuples(extra_names, _WORDS), max_size=4))),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(_claims(), max_size=6), st.sampled_from(["csv_safe", "none", "upper"]))
def test_csv_is_written_as_the_plain_form_writes_it(claims: list[Claim], mode: str) -> None:
    safe = {"csv_safe": csv_safe, "none": None, "upper": str.upper}[mode]
    for given_as in (claims, iter(claims)):
        out = io.StringIO()
        cio.write_claims_csv(given_as, out, safe=safe)
        assert out.getvalue() == _plain_csv(claims if given_as is claims else iter(claims), safe)
    for claim in claims:
        row = cio.claim_to_csv_row(claim)
        assert row == _plain_cells(claim) and list(row) == list(_plain_cells(claim))


@settings(max_examples=100, deadline=None)
@given(st.lists(_claims(), max_size=6))
def test_jsonl_is_written_as_the_plain_form_writes_it(claims: list[Claim]) -> None:
    plain = "".join(json.dumps(_plain_row(c), ensure_ascii=False) + "\n" for c in claims)
    for given_as in (claims, iter(claims)):
        out = io.StringIO()
        cio.write_claims_jsonl(given_as, out)
        assert out.getvalue() == plain


def test_jsonl_chunks_join_without_a_seam(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cio, "_JSONL_CHUNK", 2)
    claims = [Claim(source=f"s{i}", outcome="killed", text="t") for i in range(5)]
    out = io.StringIO()
    cio.write_claims_jsonl(claims, out)
    assert [json.loads(line)["source"] for line in out.getvalue().splitlines()] == [
        f"s{i}" for i in range(5)
    ]


class _Label(str):
    pass


@pytest.mark.parametrize(
    "changes",
    [
        {"low": True},
        {"source": _Label("=A")},
        {"span": (1.5, 3)},
        {"span": (1, 2, 3)},
        {"lat": -math.inf, "lon": math.nan},
        {"qualifier": 'he said "\\u2028"\n\t'},
        {"extra": (("note", "x"), ("kind", "ignored"))},
    ],
)
def test_unusual_values_are_written_as_the_plain_forms_write_them(
    changes: dict[str, Any],
) -> None:
    claim = dataclasses.replace(Claim(source="s", outcome="killed", text="t"), **changes)
    out = io.StringIO()
    cio.write_claims_jsonl([claim], out)
    assert out.getvalue() == json.dumps(_plain_row(claim), ensure_ascii=False) + "\n"
    for safe in (csv_safe, None):
        out = io.StringIO()
        cio.write_claims_csv([claim], out, safe=safe)
        assert out.getvalue() == _plain_csv([claim], safe)
