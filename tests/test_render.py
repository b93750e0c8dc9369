"""Views of the discrepancy table: golden outputs, 80 columns, and inert untrusted text.

Golden files live in tests/golden/; regenerate them with `CASUALTY_UPDATE_GOLDEN=1 pytest`
and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from example_report import GOV, SANA, SOHR, example_claims
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from casualty.model import Claim
from casualty.reconcile import Report, reconcile
from casualty.render.csvout import COLUMNS, write_csv
from casualty.render.jsonout import report_json, report_jsonl
from casualty.render.markdown import md_escape, render_markdown
from casualty.render.table import render_table

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CASUALTY_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def example() -> Report:
    return reconcile(example_claims())


def table_text(report: Report, width: int = 80, **kw: object) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    render_table(report, console, **kw)  # type: ignore[arg-type]
    return console.export_text()


# --- golden outputs ------------------------------------------------------------------------


def test_golden_json() -> None:
    check_golden("report.json", report_json(example()))


def test_golden_jsonl() -> None:
    check_golden("report.jsonl", "\n".join(report_jsonl(example())) + "\n")


def test_golden_csv() -> None:
    out = io.StringIO()
    write_csv(example(), out)
    check_golden("report.csv", out.getvalue())


def test_golden_markdown() -> None:
    check_golden("report.md", render_markdown(example(), quotes=True))


def test_golden_table_at_80_columns() -> None:
    check_golden("report_table80.txt", table_text(example(), quotes=True))


def test_golden_table_by_type_at_80_columns() -> None:
    check_golden("report_table80_by_type.txt", table_text(example(), by="type"))


# --- what the views show -------------------------------------------------------------------


def test_table_shows_the_seed_like_cells() -> None:
    text = table_text(example(), width=140)
    assert "not mentioned" in text
    assert "≥73*" in text
    assert "24–99 (dozens)" in text
    assert '"heavy losses"' in text
    assert "×3.04" in text
    assert "Period totals" in text
    assert "2017-08-01 – 2017-08-31" in text


def test_quotes_show_the_evidence_under_the_table() -> None:
    plain = table_text(example(), width=200)
    quoted = table_text(example(), width=200, quotes=True)
    sentence = "At least 45 of the attackers also died"
    assert sentence not in plain and sentence in quoted
    assert "خسائر فادحة" in quoted


def test_jsonl_is_one_object_per_incident_then_per_total() -> None:
    lines = list(report_jsonl(example()))
    types = [json.loads(line)["type"] for line in lines]
    assert types == ["incident", "incident", "period_total", "period_total"]


def test_csv_is_long_format_one_line_per_source_and_row() -> None:
    out = io.StringIO()
    write_csv(example(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(COLUMNS)
    gov = [r for r in rows if r["victim"] == GOV]
    assert sorted(r["source"] for r in gov) == sorted(["Islamic State", SANA, SOHR])
    sana = next(r for r in gov if r["source"] == SANA)
    assert (sana["entry"], sana["cell"]) == ("omission", "not mentioned")
    sohr = next(r for r in gov if r["source"] == SOHR)
    assert (sohr["low"], sohr["high"], sohr["updated"], sohr["history"]) == (
        "73",
        "",
        "true",
        "50 (2017-09-28)",
    )
    assert [r["entry"] for r in rows].count("period_total") == 2


# --- 80 columns: nothing cut ---------------------------------------------------------------

_names = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ-"), min_size=1, max_size=45
).map(lambda s: s.strip() or "x")


@st.composite
def _wide_reports(draw: st.DrawFn) -> tuple[Report, list[str]]:
    sources = draw(st.lists(_names, min_size=1, max_size=7, unique=True))
    claims = []
    figures: list[str] = []
    for i, source in enumerate(sources):
        low = 10000 + 1000 * i + draw(st.integers(0, 999))
        shape = draw(st.sampled_from(["exact", "open", "range", "upto"]))
        high = {"exact": low, "open": None, "range": low + 20000, "upto": low}[shape]
        if shape == "upto":
            low = None  # type: ignore[assignment]
        qualifier = draw(st.sampled_from([None, "dozens of", "scores"]))
        claims.append(
            Claim(
                source=source,
                outcome=draw(st.sampled_from(["killed", "wounded"])),
                claim_id=f"c{i}",
                source_type=draw(st.sampled_from(["monitor", "belligerent", "state_media"])),
                victim=draw(st.sampled_from(["Syrian government forces", "civilians"])),
                low=low,
                high=high,
                qualifier=qualifier,
                incident_id="i",
            )
        )
        figures.extend(str(v) for v in (low, high) if v is not None)
    return reconcile(claims), figures


@settings(max_examples=60, deadline=None)
@given(_wide_reports(), st.sampled_from([80, 60, 40]), st.sampled_from(["source", "type"]))
def test_no_figure_is_cut_at_narrow_widths(
    drawn: tuple[Report, list[str]], width: int, by: str
) -> None:
    report, figures = drawn
    text = table_text(report, width=width, by=by)
    assert max(len(line) for line in text.splitlines()) <= width
    for figure in figures:
        assert re.search(rf"(?<!\d){figure}(?!\d)", text), f"{figure} cut at {width} columns"


def test_example_fits_80_columns() -> None:
    for by in ("source", "type"):
        text = table_text(example(), by=by, quotes=True)
        assert max(len(line) for line in text.splitlines()) <= 80


# --- untrusted text stays inert ------------------------------------------------------------

HOSTILE = {
    "markup": "[bold red]Fake[/bold red] [link=https://evil.example]click[/link]",
    "ansi": "red \x1b[31mALERT\x1b[0m text",
    "osc8": "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ here",
    "bidi": "abc\u202egnp.exe",
    "c1": "x\x9b31my",
}


def hostile_report(text: str) -> Report:
    claims = [
        Claim(
            source=text,
            outcome="killed",
            claim_id="h1",
            victim=text,
            low=5,
            high=5,
            qualifier=text,
            text=text,
            incident_id="2020-01-01-x",
            location=text,
        ),
        Claim(
            source=SOHR,
            outcome="killed",
            claim_id="h2",
            victim=text,
            low=9,
            high=9,
            incident_id="2020-01-01-x",
        ),
    ]
    return reconcile(claims)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_terminal_output_has_no_escape_sequences_or_markup(name: str) -> None:
    buffer = io.StringIO()
    console = Console(width=200, file=buffer, force_terminal=True, color_system="truecolor")
    render_table(hostile_report(HOSTILE[name]), console, quotes=True)
    raw = buffer.getvalue()
    assert "\x1b[31m" not in raw and "\x1b]8" not in raw and "\x9b" not in raw
    assert "evil.example\x1b" not in raw
    assert "\u202e" not in raw


def test_markup_is_shown_literally() -> None:
    text = table_text(hostile_report(HOSTILE["markup"]), width=250, quotes=True)
    assert "[bold red]Fake[/bold red]" in text
    assert "[link=https://evil.example]click[/link]" in text


def test_bidi_override_is_made_visible_and_arabic_still_shows() -> None:
    text = table_text(hostile_report(HOSTILE["bidi"]), width=250, quotes=True)
    assert "abc<U+202E>gnp.exe" in text
    arabic = table_text(hostile_report("قتل خمسة مدنيين"), width=250, quotes=True)
    assert "قتل خمسة مدنيين" in arabic


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tlead", "'\tlead"),
        ("\rlead", "'\rlead"),
        ("-5", "-5"),
        ("Syrian Observatory", "Syrian Observatory"),
    ],
)
def test_csv_cells_are_formula_safe_unless_raw(value: str, safe: str) -> None:
    report = reconcile(
        [Claim(source=value, outcome="killed", claim_id="f", low=3, high=3, incident_id="i")]
    )
    for raw, expected in ((False, safe), (True, value)):
        out = io.StringIO()
        write_csv(report, out, raw=raw)
        row = next(csv.DictReader(io.StringIO(out.getvalue())))
        assert row["source"] == expected


def test_csv_keeps_numbers_plain() -> None:
    out = io.StringIO()
    write_csv(example(), out)
    for row in csv.DictReader(io.StringIO(out.getvalue())):
        for column in ("low", "high", "row_low", "row_best", "row_spread"):
            assert not row[column].startswith("'")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", r"a\|b"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)\>"),
        ("# heading", r"\# heading"),
        ("1. item", r"1\. item"),
        ("*bold* _it_", r"\*bold\* \_it\_"),
        ("line\nbreak", "line break"),
        ("2017-09-28", "2017-09-28"),
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


def test_markdown_table_keeps_its_columns_with_pipes_in_names() -> None:
    md = render_markdown(hostile_report("a | b | c"))
    lines = [line for line in md.splitlines() if line.startswith("|")]
    counts = {len(re.findall(r"(?<!\\)\|", line)) for line in lines[:4]}
    assert len(counts) == 1


# --- HTML ----------------------------------------------------------------------------------


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_html_is_self_contained_with_tables_and_charts() -> None:
    pytest.importorskip("plotly")
    from casualty.render.html import render_html

    page = render_html(example())
    scan = _Scan()
    scan.feed(page)
    sections = [a for t, a in scan.tags if t == "section" and a.get("class") == "incident"]
    assert [s["id"] for s in sections] == ["2017-08-14-raqqa", "2017-09-28-sukhna"]
    assert sum(1 for t, a in scan.tags if t == "table" and a.get("class") == "incident") == 2
    charts = [a["id"] for t, a in scan.tags if t == "div" and a.get("class") == "plotly-graph-div"]
    assert charts == ["chart-1", "chart-2"]
    # No resource is fetched at view time: no external scripts, styles, images or frames.
    for tag, attrs in scan.tags:
        assert "src" not in attrs or tag not in ("script", "img", "iframe"), tag
        assert not (tag == "link" and attrs.get("href")), attrs
    assert any("Plotly" in s and len(s) > 1_000_000 for s in scan.scripts)
    assert page == render_html(example())  # deterministic, so reports can be diffed
    assert "not mentioned" in page and "24–99 (dozens)" in page


def test_html_escapes_input_text_everywhere() -> None:
    pytest.importorskip("plotly")
    from casualty.render.html import render_html

    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    page = render_html(hostile_report(evil))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page
    scan = _Scan()
    scan.feed(page)
    assert not any(t == "img" for t, _ in scan.tags)


def test_html_without_plotly_is_a_clear_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from casualty.errors import UsageError
    from casualty.render import html

    real_import = builtins.__import__

    def no_plotly(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("plotly"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_plotly)
    with pytest.raises(UsageError, match=r"casualty\[html\]"):
        html.render_html(example())


def test_relayed_period_totals_show_once_with_their_count() -> None:
    base = example_claims()
    total = next(c for c in base if c.claim_id == "c-coal-total")
    relay = replace(total, claim_id="relay", doc="another-wire")
    report = reconcile([*base, relay])
    assert len(report.period_totals) == 3  # the JSON keeps every claim
    text = table_text(report, width=120)
    assert "735 (2 reports)" in text
    assert "735 (2 reports)" in render_markdown(report)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_json_escapes_terminal_active_characters_and_round_trips(name: str) -> None:
    report = hostile_report(HOSTILE[name])
    for text in (report_json(report), *report_jsonl(report)):
        assert "\x1b" not in text and "\u202e" not in text and "\x9b" not in text
    data = json.loads(report_json(report))
    assert data["incidents"][0]["evidence"][0]["text"] == HOSTILE[name]
    arabic = report_json(hostile_report("قتلى"))
    assert "قتلى" in arabic


def test_golden_table_stacked_at_50_columns() -> None:
    check_golden("report_table50.txt", table_text(example(), width=50))


def test_by_type_lists_each_source_of_a_type_on_its_own_line() -> None:
    claims = [
        Claim(
            source=f"Monitor {n}",
            source_type="monitor",
            outcome="killed",
            claim_id=f"m{n}",
            low=v,
            high=v,
            incident_id="i",
        )
        for n, v in ((1, 11), (2, 29))
    ]
    text = table_text(reconcile(claims), width=80, by="type")
    assert "11 · Monitor 1" in text and "29 · Monitor 2" in text
    (line,) = [ln for ln in text.splitlines() if "11 · Monitor 1" in ln]
    assert "Monitor 2" not in line


def test_chart_specification_is_valid_plotly() -> None:
    go = pytest.importorskip("plotly.graph_objects")
    from casualty.render.html import range_figure

    for incident in example().incidents:
        spec = range_figure(incident)
        assert spec is not None
        figure = go.Figure(spec)  # raises on any property plotly does not know
        kinds = {(t.type, getattr(t.marker, "symbol", None)) for t in figure.data}
        assert ("bar", None) in kinds
    sukhna = example().incidents[1]
    spec = range_figure(sukhna)
    assert spec is not None
    arrows = [t for t in spec["data"] if t.get("marker", {}).get("symbol") == "triangle-right"]
    assert len(arrows) == 2  # both of the monitor's "at least" figures are drawn open
