"""The discrepancy table for the terminal, with rich: one block per incident.

Every string that comes from the input goes through `terminal_safe` and into a `rich.text.Text`
(never into markup), so that neither escape sequences nor `[bold]`-like markup can act. Blocks
stay readable at 80 columns: when the wide layout (one column per source) cannot fit without
breaking a figure, each row is stacked as a list of sources instead. Figures are never cut:
columns fold words, and figure cells keep their width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casualty.reconcile.report import Cell, IncidentReport, PeriodTotal, Report, Row
from casualty.render import cells as c
from casualty.sanitize import terminal_safe

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

_FLAG_STYLES = {
    "self_serving": "bold magenta",
    "omission": "bold red",
    "updated": "cyan",
    "denial": "bold red",
}


def _text(value: str | None, style: str = "") -> Text:
    from rich.text import Text

    return Text(terminal_safe(value or "").replace("\n", " "), style=style)


def _cell(row: Row, col: c.Column, by: str) -> Text:
    """A source's (or source type's) cell, one line per entry, styled by what it says."""
    from rich.text import Text

    found = c.entries(row, col, by)
    if not found:
        return _text(c.NOTHING, "dim")
    text = Text()
    for i, line in enumerate(c.column_lines(row, col, by)):
        entry = found[i]
        if i:
            text.append("\n")
        if not isinstance(entry, Cell):
            style = "italic red"
        elif entry.self_serving:
            style = "magenta"
        else:
            style = ""
        text.append_text(_text(line, style))
    return text


def _flags(row: Row) -> Text:
    from rich.text import Text

    text = Text()
    for i, flag in enumerate(row.flags):
        if i:
            text.append(", ")
        text.append(flag, style=_FLAG_STYLES.get(flag, "yellow"))
    return text


def _spread(row: Row) -> Text:
    style = "bold yellow" if row.spread is not None and row.spread >= 2 else ""
    return _text(c.spread_text(row), style)


def _label(row: Row) -> Text:
    """The row label, with its flags on the line below."""
    label = _text(c.row_label(row))
    if row.flags:
        label.append("\n")
        label.append_text(_flags(row))
    return label


def _header(col: c.Column) -> Text:
    header = _text(col.title)
    if col.subtitle:
        header.append(f"\n({col.subtitle.replace('_', ' ')})", style="dim")
    return header


def _wide(incident: IncidentReport, by: str) -> tuple[Table, list[list[Text]]]:
    """One column per source (or type); returns the table and its texts by column."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    cols = c.columns(incident, by)
    headers = [
        _text("victim: outcome"),
        *(_header(col) for col in cols),
        _text("range"),
        _text("spread"),
        _text("best"),
    ]
    body: list[list[Text]] = []
    for row in incident.rows:
        cells = []
        for col in cols:
            cells.append(_cell(row, col, by))
        body.append(
            [
                _label(row),
                *cells,
                _text(c.range_text(row)),
                _spread(row),
                _text(c.best_text(row), "bold"),
            ]
        )
    for header in headers:
        table.add_column(header, overflow="fold")
    for line in body:
        table.add_row(*line)
    by_column = [[headers[i], *(line[i] for line in body)] for i in range(len(headers))]
    return table, by_column


def _plan(console: Console, by_column: list[list[Text]], first: int = 0) -> list[int] | None:
    """Column widths that give every column its longest word, or None when they cannot fit.

    Rich may squeeze a column below its longest word when a table is too wide; fixing the
    widths here means no word, and so no figure, is ever folded. The first column gets at
    least `first` characters where there is room (row labels read badly one word a line);
    the rest of the spare room is shared so that as few columns as possible wrap.
    """
    from rich.measure import Measurement

    options = console.options  # computed afresh (terminal size, environment) on each access
    sizes = [[Measurement.get(console, options, t) for t in texts] for texts in by_column]
    lows = [max(m.minimum for m in column) for column in sizes]
    highs = [max(m.maximum for m in column) for column in sizes]
    room = console.width - 3 * (len(lows) - 1)  # one padding space each side of a divider
    if sum(lows) > room:
        return None
    if sum(highs) <= room:
        return highs
    lows[0] = max(lows[0], min(highs[0], first, room - (sum(lows) - lows[0])))
    # Max-min fair share of the spare room: columns that want little get all they want, so
    # as few columns as possible wrap; the rest share what is left equally.
    widths = list(lows)
    spare = room - sum(lows)
    waiting = sorted(
        (i for i in range(len(lows)) if highs[i] > lows[i]), key=lambda i: (highs[i] - lows[i], i)
    )
    while waiting:
        share = spare // len(waiting)
        first = waiting[0]
        if highs[first] - lows[first] <= share:
            spare -= highs[first] - lows[first]
            widths[first] = highs[first]
            waiting.pop(0)
            continue
        for i in waiting:
            widths[i] += share
        for i in waiting[: spare - share * len(waiting)]:
            widths[i] += 1
        break
    return widths


def _stacked(incident: IncidentReport, by: str, console: Console) -> Table:
    """One line per source under each row: fits where one column per source cannot."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("victim: outcome / source", overflow="fold")
    table.add_column("claim", overflow="fold")
    by_column: list[list[Text]] = [[_text("victim: outcome / source")], [_text("claim")]]
    for row in incident.rows:
        label = _text(c.row_label(row), "bold")
        if row.flags:
            label.append("\n")
            label.append_text(_flags(row))
        summary = _text(f"range {c.range_text(row)}")
        summary.append("\nspread ")
        summary.append_text(_spread(row))
        summary.append(f"\nbest {c.best_text(row)}")
        table.add_row(label, summary)
        by_column[0].append(label)
        by_column[1].append(summary)
        for col in c.columns(incident, by):
            name = _text("  " + col.title)
            if col.subtitle:
                name.append(f" ({col.subtitle.replace('_', ' ')})", style="dim")
            claim = _cell(row, col, by)
            table.add_row(name, claim)
            by_column[0].append(name)
            by_column[1].append(claim)
    widths = _plan(console, by_column, first=console.width)
    for column, width in zip(table.columns, widths or [], strict=False):
        column.width = width
    return table


def incident_block(
    incident: IncidentReport, console: Console, *, by: str = "source", quotes: bool = False
) -> list[RenderableType]:
    """The renderables of one incident: heading, table, notes and (optionally) evidence."""
    parts: list[RenderableType] = [
        _text(incident.incident_id, "bold underline"),
        _text(c.heading(incident), "bold"),
    ]
    table, by_column = _wide(incident, by)
    widths = _plan(console, by_column, first=20)
    if widths is None:
        parts.append(_stacked(incident, by, console))
    else:
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        parts.append(table)
    parts.extend(_text(note, "dim") for note in c.notes(incident))
    if quotes:
        parts.extend(_text(reason, "dim") for reason in c.best_reasons(incident))
        for label, sentence in c.evidence(incident):
            line = _text(f"  [{label}] ", "dim")
            line.append_text(_text(sentence, "italic"))
            parts.append(line)
    return parts


def _totals_table(totals: tuple[PeriodTotal, ...], console: Console) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    headers = [_text(h) for h in ("source", "victim: outcome", "period", "claim", "its incidents")]
    body: list[list[Text]] = []
    for total, reports in c.grouped_totals(totals):
        claim = total.claim
        period = f"{total.period_start or '?'} – {total.period_end or '?'}"
        if total.covered_incidents:
            covered = c.figure_with_words(total.covered_low, total.covered_high, None)
            count = len(total.covered_incidents)
            covered += f" in {count} incident{'s' if count > 1 else ''}"
        else:
            covered = c.NOTHING
        source = _text(claim.source)
        source.append(f" ({claim.source_type})", style="dim")
        body.append(
            [
                source,
                _text(f"{claim.victim or claim.victim_category or 'unspecified'}: {claim.outcome}"),
                _text(period),
                _text(c.total_figure(total, reports), "bold"),
                _text(covered),
            ]
        )
    for header in headers:
        table.add_column(header, overflow="fold")
    for line in body:
        table.add_row(*line)
    widths = _plan(console, [[headers[i], *(line[i] for line in body)] for i in range(5)])
    for column, width in zip(table.columns, widths or [], strict=False):
        column.width = width
    return table


def render_table(
    report: Report, console: Console, *, by: str = "source", quotes: bool = False
) -> None:
    """Print the report: one block per incident, then the period totals."""
    from rich.text import Text

    if not report.incidents and not report.period_totals:
        console.print(Text("no incidents"))
        return
    for i, incident in enumerate(report.incidents):
        if i:
            console.print()
        for part in incident_block(incident, console, by=by, quotes=quotes):
            console.print(part)
    if report.period_totals:
        if report.incidents:
            console.print()
        console.print(Text("Period totals (listed apart from incidents)", style="bold underline"))
        console.print(_totals_table(report.period_totals, console))
        if quotes:
            for total in report.period_totals:
                if total.claim.text:
                    line = _text(f"  [{total.claim.claim_id} {total.claim.source}] ", "dim")
                    line.append_text(_text(total.claim.text, "italic"))
                    console.print(line)
