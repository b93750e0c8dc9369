"""Rich tables of claims and of plain rows (for `extract`, `cluster` and `sources`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from casualty.sanitize import markup_safe

if TYPE_CHECKING:
    from rich.console import Console

    from casualty.model import Claim


def figure(claim: Claim) -> str:
    """A claim's figure as a table cell: `73`, `≥73`, `≤40`, `24–99 (dozens)`, `"heavy losses"`."""
    low, high, qual = claim.low, claim.high, claim.qualifier
    if claim.kind == "omission":
        return "not mentioned"
    if low is None and high is None:
        return f'"{qual}"' if qual else "—"
    if low is not None and high is None:
        text = f"≥{low:,}"
    elif low is None:
        text = f"≤{high:,}"
    elif low == high:
        text = f"{low:,}"
    else:
        text = f"{low:,}–{high:,}"
    if qual and not any(ch.isdigit() for ch in qual):
        text += f" ({qual})"
    return text


def render_claims(claims: Sequence[Claim], console: Console) -> None:
    """One row per claim: who, what, of whom, when, where, and the incident if clustered."""
    from rich.table import Table

    show_incident = any(c.incident_id for c in claims)
    table = Table(
        title=f"{len(claims)} claim(s)", show_lines=True, pad_edge=False, collapse_padding=True
    )
    if show_incident:
        table.add_column("incident", overflow="fold", min_width=8)
    # Coded values and figures never wrap; names and places fold when the terminal is narrow.
    table.add_column("source (type)", overflow="fold", min_width=10)
    table.add_column("outcome", no_wrap=True)
    table.add_column("figure", overflow="fold", min_width=7)
    table.add_column("victim", overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("place", overflow="fold")
    for c in claims:
        kind = "" if c.kind == "claim" else f"\n{c.kind.replace('_', ' ')}"
        cells = [
            f"{c.source}\n({c.source_type})",
            c.outcome,
            figure(c) + kind,
            c.victim or "",
            c.date or c.published or "",
            ", ".join(x for x in (c.location, c.country) if x),
        ]
        if show_incident:
            cells.insert(0, c.incident_id or "")
        table.add_row(*(markup_safe(x) for x in cells))
    console.print(table)


def render_rows(rows: Sequence[Mapping[str, str]], console: Console, *, title: str) -> None:
    """A plain table of string rows with the keys of the first row as columns."""
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})")
    for name in rows[0] if rows else ():
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(markup_safe(str(v)) for v in row.values()))
    console.print(table)
