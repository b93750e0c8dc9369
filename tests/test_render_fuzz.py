"""Every view copes with any reconciled report: odd text, missing fields, any figures."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from casualty.model import OUTCOMES, SOURCE_TYPES, Claim
from casualty.reconcile import Report, reconcile
from casualty.render.csvout import write_csv
from casualty.render.jsonout import report_json, report_jsonl
from casualty.render.markdown import render_markdown
from casualty.render.table import render_table

_text = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["[bold]x", "\x1b[31m", "a|b", "=1+1", "\u202e", "قتلى", "<b>"]),
)
_count = st.one_of(st.none(), st.integers(0, 10**7))


@st.composite
def _claim(draw: st.DrawFn, index: int) -> Claim:
    low = draw(_count)
    high = draw(_count)
    if low is not None and high is not None and high < low:
        low, high = high, low
    return Claim(
        source=draw(st.sampled_from(["A", "B", "C"])) + (draw(_text) or ""),
        outcome=draw(st.sampled_from(OUTCOMES)),
        kind=draw(st.sampled_from(["claim", "claim", "omission", "period_total"])),
        claim_id=f"c{index}",
        source_type=draw(st.sampled_from(SOURCE_TYPES)),
        victim=draw(_text),
        victim_category=draw(st.sampled_from([None, "civilians", "combatants"])),
        low=low,
        high=high,
        qualifier=draw(_text),
        text=draw(_text),
        location=draw(_text),
        perpetrator=draw(_text),
        date=draw(st.sampled_from([None, "2020-02-29", "2021-12-31"])),
        date_precision=draw(st.sampled_from([None, "day", "month", "year"])),
        published=draw(st.sampled_from([None, "2021-01-01"])),
        incident_id=draw(st.sampled_from([None, "i1", "i2"])),
    )


@st.composite
def _reports(draw: st.DrawFn) -> Report:
    size = draw(st.integers(0, 12))
    return reconcile([draw(_claim(i)) for i in range(size)])


def _entries(report: Report) -> int:
    rows = [r for i in report.incidents for r in i.rows]
    return sum(len(r.cells) + len(r.omissions) for r in rows) + len(report.period_totals)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_reports(), st.sampled_from(["source", "type"]), st.sampled_from([40, 80, 132]))
def test_text_views_never_fail(report: Report, by: str, width: int) -> None:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    render_table(report, console, by=by, quotes=True)
    text = console.export_text()
    assert "\x1b" not in text and "\u202e" not in text
    assert max((cell_len(line) for line in text.splitlines()), default=0) <= width
    render_markdown(report, by=by, quotes=True)
    out = io.StringIO()
    write_csv(report, out)
    assert len(list(csv.reader(io.StringIO(out.getvalue())))) == 1 + _entries(report)
    assert json.loads(report_json(report))["incidents"] is not None
    for line in report_jsonl(report):
        json.loads(line)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_reports())
def test_html_view_never_fails(report: Report) -> None:
    go = pytest.importorskip("plotly.graph_objects")
    from casualty.render.html import range_figure

    for incident in report.incidents:
        figure = range_figure(incident)
        if figure is not None:
            go.Figure(figure)  # validates every trace and layout property against the schema
