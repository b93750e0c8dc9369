"""The discrepancy table as one self-contained HTML file, with a range chart per incident.

The file works offline: plotly's JavaScript is inlined once in the page, and nothing is loaded
at view time. Each incident gets its tables and a chart with one horizontal bar per source and
row, spanning the range the source claims, coloured by source type. Open-ended claims ("at
least 73") fade out and end in an arrow; upper bounds only ("up to 40") start faded at zero;
exact figures are diamonds. Every input string is HTML-escaped, in the tables and in the chart
(plotly renders a subset of HTML in labels and hover text).

plotly is an optional dependency (`pip install 'casualty[html]'`): it is large, and only this
view needs it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, Final

from casualty.errors import UsageError
from casualty.reconcile.report import Cell, IncidentReport, Report, Row
from casualty.render import cells as c
from casualty.sanitize import terminal_safe

#: Colour of each source type in charts and table headers (colour-blind safe, Okabe-Ito).
TYPE_COLOURS: Final = {
    "monitor": "#0072B2",
    "international": "#009E73",
    "medical": "#56B4E9",
    "official": "#CC79A7",
    "media": "#999999",
    "unknown": "#BBBBBB",
    "state_media": "#E69F00",
    "belligerent": "#D55E00",
}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",
sans-serif;margin:2rem auto;max-width:75rem;padding:0 1rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ddd}
.meta{color:#555}table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}
th,td{border:1px solid #d0d0d0;padding:.3rem .55rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.fig{white-space:nowrap;font-variant-numeric:tabular-nums}
td.omission{color:#b00020;font-style:italic}td.nothing{color:#999}
td.self-serving{background:#fde8dc}.spread-high{font-weight:bold;background:#fff3b0}
.flag{display:inline-block;border-radius:.6rem;padding:0 .45rem;margin:0 .15rem .15rem 0;
font-size:.8rem;background:#eee}.flag-omission,.flag-denial{background:#f8d0d6}
.flag-self_serving{background:#fde0cc}.flag-updated{background:#d6ecf8}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:.15rem;margin-right:.3rem}
.notes{font-size:.88rem;color:#333}details{margin:.5rem 0}blockquote{margin:.4rem 0 .4rem 1rem;
padding-left:.6rem;border-left:3px solid #ccc}blockquote footer{color:#666;font-size:.82rem}
"""


_LEGEND = (
    '<p class="meta">One section per incident: each source\'s claim side by side, one row per '
    "victim and outcome. <b>not mentioned</b>: the source explicitly left it out; "
    "<b>—</b>: the source says nothing. <b>*</b> the source updated an earlier figure; "
    "<b>!</b> a party's figure that favours its own side. Charts: a solid bar is a claimed "
    "range, a diamond an exact figure, a hatched bar ending in an arrow an open-ended claim "
    "(\u201cat least\u201d), a hatched bar from zero an upper bound only (\u201cup to\u201d); "
    "colours follow the source type.</p>"
)


def _e(text: str | None) -> str:
    """Escaped for HTML, with control characters and bidi overrides made visible."""
    return html.escape(terminal_safe(text or ""), quote=True)


def _plotly() -> Any:
    try:
        import plotly.io as pio
    except ImportError:
        raise UsageError(
            "--format html needs the plotly library: pip install 'casualty[html]'"
        ) from None
    return pio


def _flags_html(flags: Sequence[str]) -> str:
    return "".join(f'<span class="flag flag-{_e(f)}">{_e(f)}</span>' for f in flags)


def _cell_class(row: Row, col: c.Column, by: str) -> str:
    found = c.entries(row, col, by)
    if not found:
        return "fig nothing"
    if all(not isinstance(e, Cell) for e in found):
        return "fig omission"
    if any(isinstance(e, Cell) and e.self_serving for e in found):
        return "fig self-serving"
    return "fig"


def _incident_table(incident: IncidentReport, by: str) -> str:
    cols = c.columns(incident, by)
    head = ["<th>victim: outcome</th>"]
    for col in cols:
        colour = TYPE_COLOURS.get(col.subtitle or col.key, "#bbb")
        sub = f"<br><small>{_e(col.subtitle)}</small>" if col.subtitle else ""
        head.append(
            f'<th><span class="swatch" style="background:{colour}"></span>{_e(col.title)}{sub}</th>'
        )
    head.extend(["<th>range</th>", "<th>spread</th>", "<th>best</th>", "<th>flags</th>"])
    body = []
    for row in incident.rows:
        tds = [f"<td>{_e(c.row_label(row))}</td>"]
        for col in cols:
            lines = "<br>".join(_e(x) for x in c.column_lines(row, col, by))
            tds.append(f'<td class="{_cell_class(row, col, by)}">{lines}</td>')
        spread_class = ' class="spread-high"' if row.spread and row.spread >= 2 else ""
        tds.append(f'<td class="fig">{_e(c.range_text(row))}</td>')
        tds.append(f"<td{spread_class}>{_e(c.spread_text(row))}</td>")
        tds.append(f'<td class="fig" title="{_e(row.best_reason)}">{_e(c.best_text(row))}</td>')
        tds.append(f"<td>{_flags_html(row.flags)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (
        '<table class="incident"><thead><tr>'
        + "".join(head)
        + "</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def _chart(incident: IncidentReport, index: int) -> str:
    """The incident's range chart as an HTML fragment, or "" when no source gives a figure."""
    import plotly.io as pio

    figure = range_figure(incident)
    if figure is None:
        return ""
    fragment: str = pio.to_html(
        figure,
        validate=False,
        full_html=False,
        include_plotlyjs=False,
        div_id=f"chart-{index}",
        config={"displaylogo": False, "responsive": True},
    )
    return f'<div class="chart">{fragment}</div>'


def range_figure(incident: IncidentReport) -> dict[str, Any] | None:
    """The plotly figure (as JSON data) of each source's claimed range, a panel per row."""
    from casualty.render.htmlchart import build_figure

    rows = [r for r in incident.rows if any(cell.has_figure for cell in r.cells)]
    if not rows:
        return None
    return build_figure(rows, TYPE_COLOURS, _e)


def _notes(incident: IncidentReport) -> str:
    items = [*c.notes(incident), *c.best_reasons(incident)]
    if not items:
        return ""
    return '<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in items) + "</ul>"


def _evidence(incident: IncidentReport) -> str:
    quotes = c.evidence(incident)
    if not quotes:
        return ""
    inner = "".join(
        f'<blockquote><p dir="auto">{_e(sentence)}</p><footer>{_e(label)}</footer></blockquote>'
        for label, sentence in quotes
    )
    return f"<details><summary>Evidence ({len(quotes)} sentences)</summary>{inner}</details>"


def _incident(incident: IncidentReport, index: int, by: str) -> str:
    return (
        f'<section class="incident" id="{_e(incident.incident_id)}">'
        f"<h2>{_e(incident.incident_id)}</h2>"
        f'<p class="meta">{_e(c.heading(incident))}</p>'
        + _incident_table(incident, by)
        + _notes(incident)
        + _chart(incident, index)
        + _evidence(incident)
        + "</section>"
    )


def _totals(report: Report) -> str:
    if not report.period_totals:
        return ""
    rows = []
    for total, reports in c.grouped_totals(report.period_totals):
        claim = total.claim
        covered = "—"
        if total.covered_incidents:
            covered = _e(c.figure_with_words(total.covered_low, total.covered_high, None))
            covered += " in " + ", ".join(
                f'<a href="#{_e(i)}">{_e(i)}</a>' for i in total.covered_incidents
            )
        victim = claim.victim or claim.victim_category or "unspecified"
        figure = c.total_figure(total, reports)
        rows.append(
            "<tr>"
            f"<td>{_e(claim.source)}<br><small>{_e(claim.source_type)}</small></td>"
            f"<td>{_e(victim)}: {_e(claim.outcome)}</td>"
            f"<td>{_e(total.period_start or '?')} – {_e(total.period_end or '?')}</td>"
            f'<td class="fig">{_e(figure)}</td>'
            f"<td>{covered}</td>"
            f'<td dir="auto">{_e(claim.text)}</td>'
            "</tr>"
        )
    return (
        '<section id="period-totals"><h2>Period totals</h2>'
        "<table><thead><tr><th>source</th><th>victim: outcome</th><th>period</th>"
        "<th>claim</th><th>its incidents</th><th>evidence</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def render_html(report: Report, *, by: str = "source", title: str = "Casualty claims") -> str:
    """The whole report as one HTML page that needs no network to display."""
    _plotly()  # first, so that a missing plotly fails before any work
    from plotly.offline import get_plotlyjs

    sections = [_incident(i, n, by) for n, i in enumerate(report.incidents, start=1)]
    if not report.incidents and not report.period_totals:
        sections.append("<p>No incidents.</p>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script>'
        f"</head><body><h1>{_e(title)}</h1>{_LEGEND}"
        + "".join(sections)
        + _totals(report)
        + "</body></html>\n"
    )
