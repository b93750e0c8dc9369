"""The exchange formats: claims survive CSV → JSONL → CSV unchanged, nothing is lost."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.io import claims as cio
from casualty.io.documents import dateline_date, document_from_text
from casualty.io.inputs import sniff_format
from casualty.io.values import claim_from_mapping
from casualty.model import FIELDS, KINDS, OUTCOMES, SOURCE_TYPES, VICTIM_CATEGORIES, Claim

# Printable text without surrounding blanks: the readers strip cell whitespace by design.
_text = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
_opt_text = st.none() | _text
_date = st.dates(dt.date(1900, 1, 1), dt.date(2025, 12, 31)).map(lambda d: d.isoformat())


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    low = draw(st.none() | st.integers(0, 10**9))
    high = draw(st.none() | st.integers(low or 0, 10**9 + 5))
    start = draw(st.integers(0, 10**6))
    claim = Claim(
        source=draw(_text),
        outcome=draw(st.sampled_from(OUTCOMES)),
        kind=draw(st.sampled_from(KINDS)),
        source_type=draw(st.sampled_from(SOURCE_TYPES)),
        reported_by=draw(_opt_text),
        doc=draw(_opt_text),
        span=draw(st.none() | st.just((start, start + draw(st.integers(0, 500))))),
        published=draw(st.none() | _date),
        date=draw(st.none() | _date),
        location=draw(_opt_text),
        country=draw(st.none() | st.sampled_from(["SY", "IQ", "UA"])),
        lat=draw(st.none() | st.floats(-90, 90, allow_nan=False)),
        lon=draw(st.none() | st.floats(-180, 180, allow_nan=False)),
        perpetrator=draw(_opt_text),
        victim=draw(_opt_text),
        victim_category=draw(st.none() | st.sampled_from(VICTIM_CATEGORIES)),
        low=low,
        high=high,
        qualifier=draw(_opt_text),
        text=draw(_text),
        url=draw(_opt_text),
        incident_id=draw(_opt_text),
    )
    return claim.with_id()


def _csv(claim_list: list[Claim]) -> str:
    out = io.StringIO()
    cio.write_claims_csv(claim_list, out)
    return out.getvalue()


def _jsonl(claim_list: list[Claim]) -> str:
    out = io.StringIO()
    cio.write_claims_jsonl(claim_list, out)
    return out.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.lists(claims(), max_size=8))
def test_csv_jsonl_csv_round_trip(claim_list: list[Claim]) -> None:
    first_csv = _csv(claim_list)
    from_csv = list(cio.read_claims_csv(io.StringIO(first_csv), "a.csv"))
    from_jsonl = list(cio.read_claims_jsonl(io.StringIO(_jsonl(from_csv)), "a.jsonl"))
    assert from_jsonl == claim_list
    assert _csv(from_jsonl) == first_csv


@settings(max_examples=40, deadline=None)
@given(st.lists(claims(), max_size=8))
def test_json_round_trip_keeps_every_claim(claim_list: list[Claim]) -> None:
    out = io.StringIO()
    cio.write_claims_json(claim_list, out)
    back = list(cio.read_claims_json(io.StringIO(out.getvalue()), "a.json"))
    assert back == claim_list


def test_csv_header_is_spec_order_then_extra_columns() -> None:
    text = "source,outcome,low,analyst_note\nSOHR,killed,73,checked\n"
    (claim,) = cio.read_claims_csv(io.StringIO(text), "in.csv")
    assert claim.extra == (("analyst_note", "checked"),)
    header = _csv([claim]).splitlines()[0].split(",")
    assert header == [*FIELDS, "analyst_note"]


def test_claim_id_is_stable_and_generated_from_content() -> None:
    row = {"source": "SOHR", "outcome": "killed", "low": "73", "doc": "a.txt", "span": "0:50"}
    first = claim_from_mapping(row)
    again = claim_from_mapping(dict(reversed(list(row.items()))))
    assert first.claim_id == again.claim_id
    assert first.claim_id.startswith("c") and len(first.claim_id) == 13
    other = claim_from_mapping({**row, "span": "60:90"})
    assert other.claim_id != first.claim_id


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(" 73 ", 73), ("1,200", 1200), ("٧٣", 73), ("۱۲", 12), ("0", 0), ("", None)],
)
def test_counts_read_unambiguous_forms(cell: str, expected: int | None) -> None:
    claim = claim_from_mapping({"source": "X", "outcome": "killed", "low": cell, "text": "t"})
    assert claim.low == expected


def test_span_is_a_pair_in_json_and_start_end_in_csv() -> None:
    claim = claim_from_mapping({"source": "X", "outcome": "killed", "low": 3, "span": [4, 9]})
    assert json.loads(_jsonl([claim]))["span"] == [4, 9]
    assert cio.claim_to_csv_row(claim)["span"] == "4:9"


def test_header_block_and_body_offset() -> None:
    raw = "outlet: Example Times\npublished: 2020-05-02\nid: ex1\n\nBody starts here."
    doc = document_from_text(raw, "path/ex.txt")
    assert (doc.id, doc.outlet, doc.published) == ("ex1", "Example Times", "2020-05-02")
    assert doc.text == "Body starts here."
    assert raw[doc.offset :] == doc.text


def test_text_without_header_keeps_everything_as_body() -> None:
    raw = "Fighting: heavy clashes were reported.\n\nMore text."
    doc = document_from_text(raw, "x.txt")
    assert doc.text == raw and doc.offset == 0 and doc.id == "x.txt"


@pytest.mark.parametrize(
    ("body", "hint", "expected"),
    [
        (" date 2019-03-04 KABUL: text", None, "2019-03-04"),
        ("ALEPPO, Syria, Oct. 3 (AP) — text", 2016, "2016-10-03"),
        ("MOSUL, Jan 31 (Reuters) - in 2017 the city", None, "2017-01-31"),
        ("MOSUL, Jan 31 (Reuters) - no year given", None, None),
        ("Plain text with no dateline.", 2016, None),
    ],
)
def test_dateline(body: str, hint: int | None, expected: str | None) -> None:
    assert dateline_date(body, hint) == expected


@pytest.mark.parametrize(
    ("text", "suffix", "fmt"),
    [
        ('{"source": "X", "outcome": "killed"}\n', "", "jsonl"),
        ('{"text": "An article."}\n', "", "articles"),
        ('{"text": "An article."}\n', ".jsonl", "articles"),
        ('[{"source": "X"}]', "", "json"),
        ("claim_id,kind,source,outcome\n", "", "csv"),
        ("source;outcome;low\n", "", "csv"),
        ("source\toutcome\tlow\n", "", "csv"),  # a spreadsheet's tab-separated export
        ("BEIRUT: at least 5 people were killed.", "", "txt"),
        ("anything", ".csv", "csv"),
    ],
)
def test_sniff_format(text: str, suffix: str, fmt: str) -> None:
    assert sniff_format(text, suffix) == fmt
