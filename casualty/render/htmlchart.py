"""The per-incident range chart of the HTML view: a plotly figure specification.

One panel per row (victim × outcome), one horizontal line per source. A closed range is a solid
bar; an exact figure a diamond; an open-ended claim ("at least 73") a hatched, faded bar that
runs to the panel's edge and ends in an arrow; an upper bound alone ("up to 40") a hatched,
faded bar from zero with a tick at the bound. Colours follow the source type.

The figure is built as plain plotly JSON (traces and layout, panels stacked by axis domains)
and drawn by plotly.js in the page: building `plotly.graph_objects` figures validates every
property in Python and costs about a hundred times more, which matters at thousands of
incidents. The tests validate the specification against plotly's schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from casualty.reconcile.report import Cell, IncidentReport, Row
from casualty.render import cells as c

Escape = Callable[[str | None], str]

_PER_SOURCE = 46  # px of panel height per source
_GAP = 80  # px between panels: room for the x ticks above and the next panel's title
_MARGIN = {"l": 10, "r": 20, "t": 40, "b": 30}


def _xmax(row: Row) -> float:
    values = [v for cell in row.cells for v in (cell.low, cell.high) if v is not None]
    top = max(values, default=1)
    return float(max(top * 1.3, top + 2))


def _ordered(row: Row) -> list[Cell]:
    shell = IncidentReport("", None, None, None, None, None, (), (), (row,), ())
    rank = {col.key: i for i, col in enumerate(c.columns(shell, "source"))}
    return sorted((x for x in row.cells if x.has_figure), key=lambda x: rank[x.source])


def _marks(cell: Cell, xmax: float) -> list[dict[str, Any]]:
    """The bar and marker pieces of one source's claim."""
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
    bound = high or 0
    return [
        {"kind": "bar", "base": 0, "x": bound, "open": True},
        {"kind": "point", "x": bound, "symbol": "line-ns", "size": 16},
    ]


def _trace(piece: dict[str, Any], colour: str, common: dict[str, Any]) -> dict[str, Any]:
    if piece["kind"] == "bar":
        return {
            "type": "bar",
            "orientation": "h",
            "x": [piece["x"]],
            "base": [piece["base"]],
            "width": 0.5,
            "marker": {
                "color": colour,
                "opacity": 0.35 if piece["open"] else 0.9,
                "pattern": {"shape": "/" if piece["open"] else ""},
            },
            **common,
        }
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [piece["x"]],
        "marker": {
            "color": colour,
            "symbol": piece["symbol"],
            "size": piece["size"],
            "line": {"color": colour, "width": 2},
        },
        **common,
    }


def build_figure(rows: Sequence[Row], colours: Mapping[str, str], escape: Escape) -> dict[str, Any]:
    """The chart for the rows of one incident that carry at least one figure."""
    counts = [len(_ordered(r)) for r in rows]
    height = 120 + _PER_SOURCE * sum(counts) + _GAP * len(rows)
    plot = height - _MARGIN["t"] - _MARGIN["b"]
    gap = _GAP / plot if len(rows) > 1 else 0.0
    usable = 1.0 - gap * (len(rows) - 1)
    layout: dict[str, Any] = {
        "height": height,
        "barmode": "overlay",
        "margin": _MARGIN,
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hovermode": "closest",
        "legend": {"title": {"text": "source type"}},
        "annotations": [],
    }
    data: list[dict[str, Any]] = []
    shown: set[str] = set()
    top = 1.0
    for index, row in enumerate(rows, start=1):
        suffix = "" if index == 1 else str(index)
        span = usable * counts[index - 1] / sum(counts)
        domain = [max(0.0, top - span), top]
        top = domain[0] - gap
        xmax = _xmax(row)
        layout[f"xaxis{suffix}"] = {
            "anchor": f"y{suffix}",
            "domain": [0.0, 1.0],
            "range": [0, xmax * 1.03],
            "showline": True,
            "ticks": "outside",
            "zeroline": False,
            "showgrid": True,
            "gridcolor": "#eeeeee",
        }
        layout[f"yaxis{suffix}"] = {
            "anchor": f"x{suffix}",
            "domain": domain,
            "type": "category",
            "autorange": "reversed",
            "showline": True,
            "ticks": "outside",
            "automargin": True,
        }
        layout["annotations"].append(
            {
                "text": escape(c.row_label(row)),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": domain[1],
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 14},
            }
        )
        for cell in _ordered(row):
            colour = colours.get(cell.source_type, "#bbbbbb")
            label = escape(cell.source)
            hover = f"{label} ({escape(cell.source_type)}): {escape(c.cell_text(cell))}"
            legend = cell.source_type not in shown
            shown.add(cell.source_type)
            for piece in _marks(cell, xmax):
                common = {
                    "y": [label],
                    "xaxis": f"x{suffix}",
                    "yaxis": f"y{suffix}",
                    "name": escape(cell.source_type),
                    "legendgroup": cell.source_type,
                    "hovertext": [hover],
                    "hoverinfo": "text",
                    "showlegend": legend,
                }
                legend = False
                data.append(_trace(piece, colour, common))
    return {"data": data, "layout": layout}
