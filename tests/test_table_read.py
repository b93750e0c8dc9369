"""The column reader gives what the record path gives, or None (and the record path reads).

`read_claim_table(path).claims()` must equal `Session.read_any([path], ...)` value for value
on every file it accepts, with the record path silent on that file (no warning, no bad row).
Every kind of fault, and every layout pyarrow would read otherwise than Python's `csv`, must
give None. The files are invented here, clean and messy, by hand and at random.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import itertools
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casualty.errors import InputError
from casualty.io import table_scan
from casualty.io.claim_table import ClaimTable
from casualty.io.table_read import read_claim_table
from casualty.io.textstream import MAX_LINE_CHARS
from casualty.model import FIELDS, Claim
from casualty.registry import Registry, load_registry
from casualty.session import Session

_REGISTRY: list[Registry] = []


def _registry() -> Registry:
    if not _REGISTRY:
        _REGISTRY.append(load_registry((), ()))
    return _REGISTRY[0]


def _record_path(path: Path) -> tuple[list[Claim] | None, str]:
    """What `casualty cluster` reads today: the claims (None if it stops) and its stderr."""
    err = io.StringIO()
    session = Session(stderr=err)
    try:
        claims = session.read_any([str(path)], _registry(), published=None)
    except InputError as exc:
        return None, f"{err.getvalue()}{exc}"
    return claims, err.getvalue()


def _write(tmp_path: Path, data: bytes | str, name: str = "claims.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _csv(rows: list[list[str]], delimiter: str = ",", terminator: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=terminator).writerows(rows)
    return out.getvalue()


def _same_as_records(path: Path) -> ClaimTable:
    """The table of a file the column reader must accept, checked against the record path."""
    table = read_claim_table(path)
    claims, err = _record_path(path)
    assert err == ""
    assert table is not None
    assert claims is not None
    assert table.claims() == claims
    for name, column in table.columns.items():
        # The codes point into distinct values (as Column.of would make them).
        keys = [(type(v), repr(v)) for v in column.values]
        assert len(set(keys)) == len(keys), name
        assert column.codes.dtype.name == "int64"
    return table


HEADER = ["claim_id", "kind", "source", "source_type", "span", "date", "date_end", "outcome", "low",
          "high", "qualifier", "text", "location", "lat", "lon", "doc", "url", "note"]  # fmt: skip


def _row(**cells: str) -> list[str]:
    base = {"source": "A monitor", "outcome": "killed", "low": "3", "text": "3 died."}
    base.update(cells)
    return [base.get(name, "") for name in HEADER]


MESSY = [
    _row(claim_id="a1", low=" 73 ", high="1,200", qualifier="at least 73"),
    _row(claim_id="a2", low="٧٣", high="seventy-three", kind="Period-Total"),
    _row(claim_id="a3", low="73.0", source_type="State media", date="30/09/2017"),
    _row(claim_id="", kind="omission", low="", text="", date="2020-02-29", date_end="2020-03-01"),
    _row(claim_id="", lat="33,5", lon="-0.0", span=" 3:40 ", doc=" d1 "),
    _row(claim_id=" a6 ", lat="0.0", lon="0", note="=cmd|' /C calc'!A0", url=" http://x "),
    _row(claim_id="a7", text='He said "12, maybe more"\nwere killed.', note="+1", low="12"),
    _row(claim_id="a8", source="  padded  ", outcome="Killed or wounded", note="@a"),
    _row(claim_id="a9", text="-3 dead", low="", qualifier="dozens", location="Ağrı, Türkiye"),
    _row(claim_id="", date="2020-05-01T10:00", low="", high="5", text="  ", qualifier="few"),
]


def test_messy_but_valid_cells_read_as_the_record_path_reads_them(tmp_path: Path) -> None:
    table = _same_as_records(_write(tmp_path, _csv([HEADER, *MESSY])))
    assert table.n == len(MESSY)
    assert table.extra_columns == ("note",)
    # Formula-like cells stay verbatim (the writers neutralise them).
    assert table.column("note").tolist()[5:8] == ["=cmd|' /C calc'!A0", "+1", "@a"]
    assert table.column("text").tolist()[8] == "-3 dead"


def test_rows_without_claim_id_get_the_generated_ids(tmp_path: Path) -> None:
    table = _same_as_records(_write(tmp_path, _csv([HEADER, *MESSY])))
    ids = table.column("claim_id").tolist()
    assert ids[0] == "a1" and ids[5] == "a6"
    assert all(i.startswith("c") and len(i) == 13 for i in (ids[3], ids[4], ids[9]))


def test_a_file_without_a_claim_id_column(tmp_path: Path) -> None:
    rows = [["source", "outcome", "low"], *[["SOHR", "killed", str(n)] for n in range(50)]]
    table = _same_as_records(_write(tmp_path, _csv(rows)))
    assert len(set(table.column("claim_id").values)) == 50


def test_cells_that_read_alike_share_one_value(tmp_path: Path) -> None:
    rows = [HEADER, _row(claim_id="x1", low=" 73"), _row(claim_id="x2", low="73", lat="-0.0"),
            _row(claim_id="x3", low="٧٣", lat="0.0"), _row(claim_id="x4", lat="0")]  # fmt: skip
    table = _same_as_records(_write(tmp_path, _csv(rows)))
    low = table.column("low")
    assert low.values == [73, 3] and low.codes.tolist() == [0, 0, 0, 1]
    # -0.0 and 0.0 are equal but written differently: they stay two values.
    assert [repr(v) for v in table.column("lat").tolist()] == ["None", "-0.0", "0.0", "0.0"]


@pytest.mark.parametrize(
    ("layout", "delimiter", "terminator", "prefix"),
    [
        ("crlf", ",", "\r\n", b""),
        ("bom", ",", "\n", codecs.BOM_UTF8),
        ("semicolon", ";", "\n", b""),
        ("tab", "\t", "\n", b""),
    ],
)
def test_file_layouts_the_record_path_reads(
    tmp_path: Path, layout: str, delimiter: str, terminator: str, prefix: bytes
) -> None:
    rows = [HEADER, *(r for r in MESSY if "\n" not in r[HEADER.index("text")])]
    data = prefix + _csv(rows, delimiter, terminator).encode("utf-8")
    assert _same_as_records(_write(tmp_path, data)).n == len(rows) - 1


def test_blank_lines_no_final_newline_and_mixed_case_header(tmp_path: Path) -> None:
    text = 'Source, OUTCOME ,low,Note\nA,killed,1,x\n\nB,wounded,2,\n\n\nC,captured,3,"q"""'
    table = _same_as_records(_write(tmp_path, text))
    assert table.n == 3 and table.extra_columns == ("Note",)
    assert table.column("Note").tolist() == ["x", "", 'q"']


def test_a_header_without_rows_is_an_empty_table(tmp_path: Path) -> None:
    table = _same_as_records(_write(tmp_path, "source,outcome,low\n"))
    assert table.n == 0


def test_a_csv_file_not_named_csv_is_read_with_input_format(tmp_path: Path) -> None:
    path = _write(tmp_path, _csv([HEADER, *MESSY]), name="claims.dat")
    table = read_claim_table(path, input_format="csv")
    assert table is not None and table.n == len(MESSY)
    assert read_claim_table(path, input_format="jsonl") is None
    assert read_claim_table(path, encoding="latin-1") is None
    assert read_claim_table(path, input_format="csv", encoding="UTF8") is not None


_GOOD = ("source,outcome,low,text\n", "A,killed,1,one\n")
# Each file the record path reads otherwise than plainly: a fault it reports (and stops at),
# a row or warning it skips or makes, or cells it reads differently from pyarrow.
REFUSED: dict[str, bytes | str] = {
    "bad figure": "source,outcome,low\nA,killed,dozens\n",
    "negative figure": "source,outcome,low\nA,killed,-3\n",
    "low above high": "source,outcome,low,high\nA,killed,9,3\n",
    "date_end before date": "source,outcome,low,date,date_end\nA,killed,1,2020-02-02,2020-02-01\n",
    "no figure": "source,outcome,low,text\nA,killed,,\n",
    "no source": "source,outcome,low\n ,killed,1\n",
    "no outcome": "source,outcome,low\nA,,1\n",
    "unknown outcome": "source,outcome,low\nA,exploded,1\n",
    "unreal date": "source,outcome,low,date\nA,killed,1,2019-02-29\n",
    "ambiguous date": "source,outcome,low,date\nA,killed,1,03/04/2017\n",
    "latitude out of range": "source,outcome,low,lat\nA,killed,1,-91\n",
    "bad span": "source,outcome,low,span\nA,killed,1,40:12\n",
    "bad kind": "source,outcome,low,kind\nA,killed,1,rumour\n",
    "claim id reused": "claim_id,source,outcome,low\nx,A,killed,1\nx,B,killed,2\n",
    "claim id reused after strip": "claim_id,source,outcome,low\nx,A,killed,1\n x ,B,killed,2\n",
    "exact repeat": "claim_id,source,outcome,low\nx,A,killed,1\nx,A,killed,1\n",
    "repeat without id": "source,outcome,low\nA,killed,1\nA,killed,1\n",
    "too few cells": "source,outcome,low,text\nA,killed,1\n",
    "too many cells": "source,outcome,low\nA,killed,1,x\n",
    "blank row of cells": "source,outcome,low\nA,killed,1\n,,\n",
    "whitespace line": "source,outcome,low\nA,killed,1\n   \nB,killed,2\n",
    "unclosed quote": 'source,outcome,low,text\nA,killed,1,"open\nB,killed,2,x\n',
    "text after closing quote": 'source,outcome,low,text\nA,killed,1,"said"x\n',
    "space after closing quote": 'source,outcome,low,text\nA,killed,1,"said" \n',
    "CR inside a quoted cell": b'source,outcome,low,text\r\nA,killed,1,"two\r\nlines"\r\n',
    "NUL byte": b"source,outcome,low,text\nA,killed,1,a\x00b\n",
    "invalid UTF-8": b"source,outcome,low,text\nA,killed,1,caf\xc3\n",
    "surrogate in UTF-8": b"source,outcome,low,text\nA,killed,1,\xed\xa0\x80\n",
    "invalid UTF-8 past the first 64 KiB": b"source,outcome,low,text\n"
    + b"A,killed,1,caf\xc3\xa9\n" * 8000
    + b"A,killed,1,caf\xc3\n",
    "Latin-1": "source,outcome,low,text\nA,killed,1,café\n".encode("latin-1"),
    "UTF-16": "source,outcome,low,text\nA,killed,1,one\n".encode("utf-16"),
    "gzip": gzip.compress("".join(_GOOD).encode()),
    "empty": "",
    "blanks only": " \n\n",
    "header lacks outcome": "source,low\nA,1\n",
    "header lacks a figure": "source,outcome\nA,killed\n",
    "duplicate header": "source,outcome,low,LOW\nA,killed,1,2\n",
    "quoted newline in header": 'source,outcome,"lo\nw"\nA,killed,1\n',
    "line over the limit": "source,outcome,low,text\nA,killed,1," + "x" * MAX_LINE_CHARS + "\n",
    "cell over the field limit": 'source,outcome,low,text\nA,killed,1,"'
    + ("x" * (MAX_LINE_CHARS // 2) + "\n") * 3
    + '"\n',
    "binary prefix": "source,outcome,low,text\n" + "A,killed,1,\x01\x02\x03\x04\n" * 40,
}


# Read by the record path without a word, but not as pyarrow would read them: a skipped line,
# a CR read as a line break, bytes decoded otherwise (a legacy code page, UTF-16, gzip).
_SILENT = (
    "whitespace line",
    "blank row of cells",
    "CR inside a quoted cell",
    "Latin-1",
    "invalid UTF-8",
    "surrogate in UTF-8",
    "UTF-16",
    "gzip",
)


@pytest.mark.parametrize("data", REFUSED.values(), ids=REFUSED.keys())
def test_anything_but_a_plain_file_is_left_to_the_record_path(
    tmp_path: Path, data: bytes | str
) -> None:
    path = _write(tmp_path, data)
    assert read_claim_table(path) is None
    claims, err = _record_path(path)
    # The record path stops or warns, except where it silently skips a line or reads the
    # cells otherwise than pyarrow would.
    silent = data in (REFUSED[k] for k in _SILENT)
    assert (claims is None or err != "") != silent


def test_a_plain_file_next_to_each_refused_one_is_read(tmp_path: Path) -> None:
    """The refusals above are about their fault: the same shape without it is accepted."""
    _same_as_records(_write(tmp_path, "".join(_GOOD)))
    _same_as_records(_write(tmp_path, 'source,outcome,low,text\r\nA,killed,1,"one\ntwo"\r\n'))
    _same_as_records(_write(tmp_path, 'source,outcome,low,text\nA,killed,1,"said ""x"""\n'))
    _same_as_records(_write(tmp_path, "source,outcome,low,text\nA,killed,1,café ✓ 😀\n"))


def test_articles_and_other_formats_are_not_read(tmp_path: Path) -> None:
    assert read_claim_table(_write(tmp_path, "Ten were killed.\n", name="a.txt")) is None
    assert read_claim_table(_write(tmp_path, '{"source": "A"}\n', name="c.jsonl")) is None
    assert read_claim_table(tmp_path) is None


# -- random files ------------------------------------------------------------------------

_CELLS = [
    "", " ", "killed", "Wounded", "killed or wounded", "omission", "period-total", "bogus",
    "monitor", "state media", "day", "Month", "civilians", "2020-02-29", "2019-02-29",
    "30/09/2017", "03/04/2017", "2020-05-01T10:00", "1700-01-01", " 73 ", "1,200", "7.5",
    "38.0", "-3", "seventy-three", "dozens", "٧٣", "33,5", "-91", "-0.0", "12:40", "40:12",
    "=cmd", "+1", "@a", "A monitor", "SOHR", "  padded  ", "line one\nline two",
    'say "so", then', "Ağrı, Türkiye", "x" * 60, "id-1", "id-2", "id-3", "😀", "a\rb",
]  # fmt: skip
_TEXT = ["", "x", " Ünïcode ", "one, two", 'he said "9"', "line one\nline two", "=1+1", "@a"]
_CLEAN = {
    "kind": ["", "claim", "omission", "Period-Total"],
    "source": ["SOHR", " A monitor", "the army", "=cmd", "Ağrı"],
    "source_type": ["", "monitor", "State media"],
    "span": ["", "3:40", " 0:0 "],
    "published": ["", "2020-01-01", "2021-03-04T10:00"],
    "date": ["", "2020-02-29", "30/09/2017", "2021-01-01"],
    "date_end": ["", "2022-01-01"],
    "date_precision": ["", "day", "Month"],
    "lat": ["", "33,5", "-0.0", "12.25", "0"],
    "lon": ["", "-180", "179.5"],
    "victim_category": ["", "civilians", "Mixed"],
    "outcome": ["killed", "Wounded", "captured", "killed or wounded"],
    "low": ["1", " 73 ", "1,200", "٧٣", "seventy-three", "5.0"],
    "high": ["", "100000"],
}
_NAMES = [*FIELDS, "note", "Extra"]


def _random_file(rng: random.Random, clean: bool) -> bytes:
    names = ["source", "outcome", "low", *rng.sample(_NAMES, rng.randint(1, 8))]
    names = list(dict.fromkeys(names))
    rng.shuffle(names)
    rows: list[list[str]] = [names]
    for i in range(rng.randint(0, 12)):
        row = []
        for name in names:
            if name == "claim_id":
                row.append(rng.choice(["", f"id{i}", f" id{i}"]))
            elif clean or rng.random() < 0.9:
                row.append(rng.choice(_CLEAN.get(name, _TEXT)))
            else:
                row.append(rng.choice(_CELLS))
        rows.append(row)
    delimiter = rng.choice([",", ",", ";", "\t"])
    terminator = rng.choice(["\n", "\n", "\r\n"])
    text = _csv(rows, delimiter, terminator)
    if not clean:
        lines = text.split(terminator)
        for _ in range(rng.choice([0, 0, 1, 2])):
            at = rng.randrange(len(lines))
            lines.insert(at, rng.choice(["", "", " ", "a,b", 'x,"unclosed', ",,,", '"q"x']))
        text = terminator.join(lines)
    data = text.encode("utf-8")
    if rng.random() < 0.1:
        data = codecs.BOM_UTF8 + data
    return data


def _check(tmp_path: Path, data: bytes) -> bool:
    """The column reader agrees with the record path on `data`; True when it read the file."""
    path = _write(tmp_path, data)
    table = read_claim_table(path)
    if table is None:
        return False
    claims, err = _record_path(path)
    assert err == "", data
    assert claims is not None
    assert table.claims() == claims, data
    return True


def test_random_clean_files_are_read_as_the_record_path_reads_them(tmp_path: Path) -> None:
    rng = random.Random(4)
    read = sum(_check(tmp_path, _random_file(rng, clean=True)) for _ in range(300))
    assert read >= 200  # the column reader does take clean files


def test_random_messy_files_are_read_alike_or_refused(tmp_path: Path) -> None:
    rng = random.Random(5)
    read = sum(_check(tmp_path, _random_file(rng, clean=False)) for _ in range(600))
    assert 60 <= read <= 540  # some of each


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(["source", "outcome", "low", "text", "claim_id", "date", "Note"]),
             min_size=3, max_size=6, unique=True),
    st.lists(st.lists(st.sampled_from(_CELLS), min_size=6, max_size=6), max_size=8),
    st.sampled_from(["\n", "\r\n"]),
)  # fmt: skip
def test_hypothesis_files_are_read_alike_or_refused(
    tmp_path: Path, names: list[str], rows: list[list[str]], terminator: str
) -> None:
    rows = [row[: len(names)] for row in rows]
    _check(tmp_path, _csv([names, *rows], terminator=terminator).encode("utf-8"))


# -- bytes ---------------------------------------------------------------------------------

_BOUNDARY = [0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]


def test_arrow_refuses_exactly_the_bytes_python_does_not_decode() -> None:
    """`table_scan` leaves the UTF-8 check to arrow: it must agree with Python's decoder."""
    for size in (1, 2, 3):
        for seq in itertools.product(_BOUNDARY, repeat=size):
            data = b"source,outcome,low,text\nA,killed,1,x" + bytes(seq) + b"y\n"
            try:
                data.decode("utf-8")
                decodes = True
            except UnicodeDecodeError:
                decodes = False
            assert (table_scan.scan_csv(data) is not None) == decodes, seq


def test_quotes_only_as_rfc_4180_has_them() -> None:
    def scanned(text: str) -> Any:
        return table_scan.scan_csv(("a,b\n" + text).encode())

    assert scanned('"x","y"\n') is not None
    assert scanned('"""x""",""\n') is not None
    assert scanned('"a\n""b""\nc",y\n') is not None
    for bad in ['x"y,z\n', '"x"y,z\n', '"x,y\n', '""x,y\n', '"x" ,y\n', 'x,"y\n"\n"']:
        assert scanned(bad) is None, bad


def test_spans_and_coordinates_in_every_form(tmp_path: Path) -> None:
    """Plain spans and decimals are converted by arrow, the rest by the record path's readers."""
    rng = random.Random(7)
    spans = ["007:010", "0:0", "99999999999:99999999999", " 3:40 ", "٣:٤٠", "1,200:1,300", "5:5"]
    coords = ["-0.0", "0", "90", "-90.00000000000000001", "33,5", " 12.5 ", "+1.5", "1e1", "٣٣"]
    for _ in range(200):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 17)))
        coords.append(f"{rng.choice(['', '-'])}{rng.randint(0, 89)}.{digits}")
        spans.append(f"{rng.randint(0, 10**6)}:{10**6 + rng.randint(0, 10**6)}")
    rows = [["claim_id", "source", "outcome", "low", "span", "lat", "lon"]]
    pairs = itertools.zip_longest(spans, coords, fillvalue="")
    rows += [[f"r{i}", "A", "killed", "1", s, c, c] for i, (s, c) in enumerate(pairs)]
    table = _same_as_records(_write(tmp_path, _csv(rows)))
    lat = table.column("lat").tolist()
    assert [repr(v) for v in lat[7:]] == [repr(float(c)) for c in coords[7:]]
    assert table.column("span").tolist()[:3] == [(7, 10), (0, 0), (99999999999,) * 2]


@pytest.mark.parametrize(
    ("span", "lat"),
    [("3:2", ""), ("200000000001:200000000002", ""), ("3:", ""), ("", "90.5"), ("", "-90.01")],
)
def test_spans_and_coordinates_out_of_bounds_are_refused(
    tmp_path: Path, span: str, lat: str
) -> None:
    rows = [["source", "outcome", "low", "span", "lat"], ["A", "killed", "1", span, lat]]
    path = _write(tmp_path, _csv(rows))
    assert read_claim_table(path) is None
    assert _record_path(path)[0] is None


def test_reading_a_table_does_not_import_pandas(tmp_path: Path) -> None:
    """pandas costs ~0.7 s CPU to import; arrow imports it when handed a Python value."""
    import subprocess
    import sys

    path = _write(tmp_path, _csv([HEADER, *MESSY]))
    code = (
        "import sys; from pathlib import Path; from casualty.io.table_read import read_claim_table"
        f"; assert read_claim_table(Path({str(path)!r})).n == {len(MESSY)}"
        "; print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("encoding", [None, "utf-8"])
def test_a_bom_before_a_quoted_header_cell(tmp_path: Path, encoding: str | None) -> None:
    data = codecs.BOM_UTF8 + b'"source","Outcome",low\n"A",killed,"1"\n'
    path = _write(tmp_path, data)
    table = read_claim_table(path, encoding=encoding)
    assert table is not None
    assert table.claims() == _same_as_records(path).claims()
    assert [c.source for c in table.claims()] == ["A"]
    # A second BOM: the record path skips it as well, pyarrow would read it as text before
    # the quote. Left to the record path.
    assert read_claim_table(_write(tmp_path, codecs.BOM_UTF8 + data), encoding=encoding) is None


def test_layout_tells_whether_a_quoted_cell_spans_lines() -> None:
    from casualty.io.table_scan import _plain_layout

    def layout(text: str) -> bool | None:
        return _plain_layout(memoryview(text.encode()), ord(","))

    assert layout("a,b\n1,2\n") is False
    assert layout('a,b\n"1,x",2\n') is False
    assert layout('a,b\n"x ""q"" y",2\n') is False
    assert layout('a,b\n"line one\nline two",2\n') is True
    assert layout('a,b\n1,"x"\n"p\nq",3\n') is True
    assert layout('a,b\n1,x"y\n') is None
