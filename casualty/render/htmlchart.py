"""The per-incident range chart of the HTML view, built with plotly.

One panel per row (victim × outcome), one horizontal line per source. A closed range is a solid
bar; an exact figure a diamond; an open-ended claim ("at least 73") a hatched, faded bar that
runs to the panel's edge and ends in an arrow; an upper bound alone ("up to 40") a hatched,
faded bar from zero with a tick at the bound. Colours follow the source type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from casualty.reconcile.report import Cell, Row
from casualty.render import cells as c

Escape = Callable[[str | None], str]


def _xmax(row: Row) -> float:
    values = [v for cell in row.cells for v in (cell.low, cell.high) if v is not None]
    top = max(values, default=1)
    return max(top * 1.3, top + 2)


def _ordered(row: Row) -> list[Cell]:
    rank = {col.key: i for i, col in enumerate(_columns(row))}
    return sorted((x for x in row.cells if x.has_figure), key=lambda x: rank[x.source])


def _columns(row: Row) -> list[c.Column]:
    from casualty.reconcile.report import IncidentReport

    shell = IncidentReport("", None, None, None, None, None, (), (), (row,), ())
    return c.columns(shell, "source")


def _marks(cell: Cell, xmax: float) -> list[dict[str, Any]]:
    """The bar and marker pieces of one source's claim, as plain dicts of trace fields."""
    low, high = cell.low, cell.high
    if low is not None and high is not None and low == high:
        return [{"kind": "point", "x": low, "symbol": "diamond", "size": 13}]
    if low is not None and high is not None:
        return [{"kind": "bar", "base": low, "x": high - low, "open": False}]
    if low is not None:  # open-ended: fades out towards the edge, ends in an arrow
        return [
            {"kind": "bar", "base": low, "x": xmax - low, "open": True},
            {"kind": "point", "x": low, "symbol": "line-ns", "size": 16},
            {"kind": "point", "x": xmax, "symbol": "triangle-right", "size": 12},
        ]
    assert high is not None
    return [
        {"kind": "bar", "base": 0, "x": high, "open": True},
        {"kind": "point", "x": high, "symbol": "line-ns", "size": 16},
    ]


def build_figure(go: Any, rows: Sequence[Row], colours: Mapping[str, str], escape: Escape) -> Any:
    """The chart for the rows of one incident that carry at least one figure."""
    from plotly.subplots import make_subplots

    heights = [len(_ordered(r)) for r in rows]
    # Panels get 46 px a source; the gap between panels leaves room for axis ticks and title.
    height = 120 + 46 * sum(heights) + 80 * len(rows)
    figure = make_subplots(
        rows=len(rows),
        cols=1,
        subplot_titles=[escape(c.row_label(r)) for r in rows],
        row_heights=[h / sum(heights) for h in heights],
        vertical_spacing=min(0.3, 80 / height) if len(rows) > 1 else 0.0,
    )
    shown: set[str] = set()
    for index, row in enumerate(rows, start=1):
        xmax = _xmax(row)
        for cell in _ordered(row):
            colour = colours.get(cell.source_type, "#bbbbbb")
            label = escape(cell.source)
            hover = f"{label} ({escape(cell.source_type)}): {escape(c.cell_text(cell))}"
            legend = cell.source_type not in shown
            shown.add(cell.source_type)
            for piece in _marks(cell, xmax):
                common = {
                    "y": [label],
                    "name": escape(cell.source_type),
                    "legendgroup": cell.source_type,
                    "hovertext": [hover],
                    "hoverinfo": "text",
                    "showlegend": legend,
                }
                legend = False
                if piece["kind"] == "bar":
                    figure.add_trace(
                        go.Bar(
                            x=[piece["x"]],
                            base=[piece["base"]],
                            orientation="h",
                            marker={
                                "color": colour,
                                "opacity": 0.35 if piece["open"] else 0.9,
                                "pattern": {"shape": "/" if piece["open"] else ""},
                            },
                            width=0.5,
                            **common,
                        ),
                        row=index,
                        col=1,
                    )
                else:
                    figure.add_trace(
                        go.Scatter(
                            x=[piece["x"]],
                            mode="markers",
                            marker={
                                "color": colour,
                                "symbol": piece["symbol"],
                                "size": piece["size"],
                                "line": {"color": colour, "width": 2},
                            },
                            **common,
                        ),
                        row=index,
                        col=1,
                    )
        figure.update_xaxes(range=[0, xmax * 1.03], rangemode="tozero", row=index, col=1)
        figure.update_yaxes(autorange="reversed", row=index, col=1)
    figure.update_layout(
        barmode="overlay",
        template="simple_white",
        height=height,
        margin={"l": 10, "r": 20, "t": 40, "b": 30},
        legend={"title": {"text": "source type"}},
        hovermode="closest",
    )
    return figure
