"""What every view of the discrepancy table shares: columns, cell wording, notes.

Wording of a cell (SPEC §6): `73`, `≥73`, `≤40`, `12–18`, `24–99 (dozens)`, `~50` ("about
50"), `"heavy losses"`, `not mentioned` (an explicit omission), `—` (the source says nothing).
A `*` marks a figure that replaced an earlier one from the same source; a `!` a self-serving one.
Text here is raw: each view escapes it for its medium.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from casualty.model import SOURCE_TYPES
from casualty.reconcile.best import TIERS, figure_text
from casualty.reconcile.report import Cell, IncidentReport, Omission, PeriodTotal, Row

NOT_MENTIONED = "not mentioned"
NOTHING = "—"
UPDATED_MARK = "*"
SELF_SERVING_MARK = "!"
_HEDGE = re.compile(
    r"\b(about|around|some|nearly|roughly|approximately|almost|close to|estimated|an estimated)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Column:
    """A column of an incident block: one source, or one source type with `by="type"`."""

    key: str
    title: str
    subtitle: str


def _type_rank(source_type: str) -> tuple[int, int]:
    order = SOURCE_TYPES.index(source_type) if source_type in SOURCE_TYPES else len(SOURCE_TYPES)
    return (TIERS.get(source_type, 2), order)


def columns(incident: IncidentReport, by: str = "source") -> list[Column]:
    """The columns of an incident block, most independent sources first."""
    seen: dict[str, str] = {}
    for row in incident.rows:
        for cell in row.cells:
            seen.setdefault(cell.source, cell.source_type)
        for omission in row.omissions:
            seen.setdefault(omission.source, omission.source_type)
    if by == "type":
        types = sorted(set(seen.values()), key=_type_rank)
        return [Column(t, t, "") for t in types]
    names = sorted(seen, key=lambda s: (*_type_rank(seen[s]), s.casefold(), s))
    return [Column(s, s, seen[s]) for s in names]


def figure_with_words(low: int | None, high: int | None, qualifier: str | None) -> str:
    """A figure, with the words of the source where the figure alone would hide them."""
    if low is None and high is None:
        return f'"{qualifier}"' if qualifier else '"no figure"'
    figure = figure_text(low, high)
    if not qualifier:
        return figure
    words = qualifier.strip()
    if _DIGIT.search(words):
        return f"~{figure}" if low == high and _HEDGE.search(words) else figure
    return f"{figure} ({words})"


def cell_text(cell: Cell) -> str:
    """A source's cell: its figure and marks."""
    text = figure_with_words(cell.low, cell.high, cell.qualifier)
    if cell.updated:
        text += UPDATED_MARK
    if cell.self_serving:
        text += SELF_SERVING_MARK
    return text


def entries(row: Row, column: Column, by: str = "source") -> list[Cell | Omission]:
    """What a row says in a column: cells first, then omissions not overridden by a cell."""
    if by == "type":
        cells = [c for c in row.cells if c.source_type == column.key]
        omitted = [o for o in row.omissions if o.source_type == column.key]
    else:
        cells = [c for c in row.cells if c.source == column.key]
        omitted = [o for o in row.omissions if o.source == column.key]
    spoken = {c.source for c in cells}
    return [*cells, *(o for o in omitted if o.source not in spoken)]


def entry_text(entry: Cell | Omission) -> str:
    """One cell or omission in words."""
    return cell_text(entry) if isinstance(entry, Cell) else NOT_MENTIONED


def column_lines(row: Row, column: Column, by: str = "source") -> list[str]:
    """The lines of a table cell; with `by="type"` and several sources, each names its source."""
    found = entries(row, column, by)
    if not found:
        return [NOTHING]
    if by == "type" and len(found) > 1:
        return [f"{entry_text(e)} · {e.source}" for e in found]
    return [entry_text(e) for e in found]


def row_label(row: Row) -> str:
    """`Syrian government forces: killed`."""
    victim = row.victim or row.victim_category or "unspecified"
    return f"{victim}: {row.outcome}"


def range_text(row: Row) -> str:
    """The row's bounds: `24–99`, `≥24`, or `—` when no source gives a figure."""
    if row.low is None and row.high is None:
        return NOTHING
    return figure_text(row.low, row.high)


def spread_text(row: Row) -> str:
    """`×3.04`, or `—`."""
    return NOTHING if row.spread is None else f"×{row.spread:g}"


def best_text(row: Row) -> str:
    """The best estimate, or `—`."""
    return NOTHING if row.best is None else str(row.best)


def place_text(incident: IncidentReport) -> str:
    """`Sukhna, Homs, SY`, or `place unknown`."""
    parts = [p for p in (incident.location, incident.admin1, incident.country) if p]
    return ", ".join(parts) or "place unknown"


def date_text(incident: IncidentReport) -> str:
    """`2017-09-28`, `2017-09-28 – 2017-09-29`, or `date unknown`."""
    if not incident.date:
        return "date unknown"
    return f"{incident.date} – {incident.date_end}" if incident.date_end else incident.date


def heading(incident: IncidentReport) -> str:
    """`2017-09-28 · Sukhna, Homs, SY · by Islamic State`."""
    parts = [date_text(incident), place_text(incident)]
    if incident.perpetrators:
        parts.append("by " + ", ".join(incident.perpetrators))
    return " · ".join(parts)


def notes(incident: IncidentReport) -> list[str]:
    """Footnotes of a block: silences under a peer's name, updates, self-serving figures."""
    out = []
    for row in incident.rows:
        for omission in row.omissions:
            if omission.reported_as:
                out.append(
                    f"{omission.source}: {NOT_MENTIONED} on {row_label(row)} "
                    f"(the report names {omission.reported_as})"
                )
        for cell in row.cells:
            if cell.updated:
                steps = [
                    f"{figure_with_words(f.low, f.high, f.qualifier)} ({f.published or 'undated'})"
                    for f in cell.history
                ]
                now = figure_with_words(cell.low, cell.high, cell.qualifier)
                steps.append(f"{now} ({cell.published or 'undated'})")
                out.append(
                    f"{UPDATED_MARK} {cell.source} updated {row_label(row)}: " + " → ".join(steps)
                )
            if cell.self_serving:
                out.append(
                    f"{SELF_SERVING_MARK} {cell.source} ({cell.source_type}) on {row_label(row)}: "
                    "a party's figure that favours its own side against every other source"
                )
    return out


def evidence(incident: IncidentReport) -> list[tuple[str, str]]:
    """(label, sentence) per claim with evidence text, in claim id order."""
    out = []
    for claim in incident.claims:
        if not claim.text:
            continue
        where = ", ".join(p for p in (claim.reported_by, claim.published) if p)
        label = f"{claim.claim_id} {claim.source}" + (f" ({where})" if where else "")
        out.append((label, claim.text))
    return out


def best_reasons(incident: IncidentReport) -> list[str]:
    """`best for <row>: <n>: <reason>` per row."""
    return [f"best for {row_label(r)}: {best_text(r)}: {r.best_reason}" for r in incident.rows]


def flags_text(flags: Sequence[str]) -> str:
    """Flags joined for a table cell."""
    return ", ".join(flags) if flags else ""


def grouped_totals(totals: Sequence[PeriodTotal]) -> list[tuple[PeriodTotal, int]]:
    """Period totals with relays merged, each with the number of reports that carry it."""
    groups: dict[tuple[object, ...], list[PeriodTotal]] = {}
    for total in totals:
        claim = total.claim
        key = (
            claim.source,
            claim.victim or claim.victim_category,
            claim.outcome,
            total.period_start,
            total.period_end,
            claim.low,
            claim.high,
        )
        groups.setdefault(key, []).append(total)
    return [(members[0], len(members)) for members in groups.values()]


def total_figure(total: PeriodTotal, reports: int = 1) -> str:
    """`735`, or `735 (3 reports)` when several documents carry the same total."""
    claim = total.claim
    figure = figure_with_words(claim.low, claim.high, claim.qualifier)
    return f"{figure} ({reports} reports)" if reports > 1 else figure
