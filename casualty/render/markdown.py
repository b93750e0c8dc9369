"""The discrepancy table as Markdown, for reports and wikis (GitHub-flavoured pipe tables).

Input text is escaped so that it shows literally: pipes cannot split a cell, and `*`, `_`,
`[`, `<` and friends cannot become emphasis, links or HTML. Control characters are made
visible as in the terminal view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from casualty.reconcile.report import IncidentReport, Report
from casualty.render import cells as c
from casualty.sanitize import terminal_safe

# Characters that act anywhere in a line: code, emphasis, links, HTML, entities, cells, strikes.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# Characters that act at the start of a line: headings, lists, quotes, setext underlines.
_LEADING = re.compile(r"^(\s*)([#+\-=>!]|\d+[.)])")


def md_escape(text: str | None) -> str:
    """Inline Markdown text that renders exactly as given, on one line."""
    clean = terminal_safe(text or "").replace("\r", " ").replace("\n", " ")
    clean = _INLINE.sub(r"\\\1", clean)
    return _LEADING.sub(_escape_leading, clean)


def _escape_leading(match: re.Match[str]) -> str:
    lead, mark = match.group(1), match.group(2)
    if mark[0].isdigit():  # "1." starts a list: escape the punctuation, not the digit
        return f"{lead}{mark[:-1]}\\{mark[-1]}"
    return f"{lead}\\{mark}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out.extend("| " + " | ".join(r) + " |" for r in rows)
    return out


def _incident(incident: IncidentReport, by: str, quotes: bool) -> list[str]:
    cols = c.columns(incident, by)
    headers = [
        "victim: outcome",
        *(
            md_escape(col.title) + (f" ({md_escape(col.subtitle)})" if col.subtitle else "")
            for col in cols
        ),
        "range",
        "spread",
        "best",
        "flags",
    ]
    rows = []
    for row in incident.rows:
        rows.append(
            [
                md_escape(c.row_label(row)),
                *("<br>".join(md_escape(x) for x in c.column_lines(row, col, by)) for col in cols),
                md_escape(c.range_text(row)),
                f"**{md_escape(c.spread_text(row))}**" if row.spread else md_escape(c.NOTHING),
                md_escape(c.best_text(row)),
                ", ".join(f"`{f}`" for f in row.flags),
            ]
        )
    lines = [
        f"## {md_escape(incident.incident_id)}",
        "",
        md_escape(c.heading(incident)),
        "",
        *_table(headers, rows),
    ]
    notes = c.notes(incident)
    if quotes:
        notes += c.best_reasons(incident)
    if notes:
        lines.append("")
        lines.extend(f"- {md_escape(n)}" for n in notes)
    if quotes:
        for label, sentence in c.evidence(incident):
            lines.extend(["", f"> {md_escape(sentence)}", f"> — {md_escape(label)}"])
    return lines


def _totals(report: Report, quotes: bool) -> list[str]:
    rows = []
    for total, reports in c.grouped_totals(report.period_totals):
        claim = total.claim
        covered = md_escape(c.NOTHING)
        if total.covered_incidents:
            covered = md_escape(c.figure_with_words(total.covered_low, total.covered_high, None))
            covered += " in " + ", ".join(md_escape(i) for i in total.covered_incidents)
        rows.append(
            [
                f"{md_escape(claim.source)} ({md_escape(claim.source_type)})",
                md_escape(f"{claim.victim or claim.victim_category or 'unspecified'}"),
                md_escape(claim.outcome),
                md_escape(f"{total.period_start or '?'} – {total.period_end or '?'}"),
                md_escape(c.total_figure(total, reports)),
                covered,
            ]
        )
    headers = ["source", "victim", "outcome", "period", "claim", "its incidents"]
    lines = ["## Period totals", "", *_table(headers, rows)]
    if quotes:
        for total in report.period_totals:
            if total.claim.text:
                label = f"{total.claim.claim_id} {total.claim.source}"
                lines.extend(["", f"> {md_escape(total.claim.text)}", f"> — {md_escape(label)}"])
    return lines


def render_markdown(report: Report, *, by: str = "source", quotes: bool = False) -> str:
    """The whole report as one Markdown document."""
    lines = ["# Casualty claims by incident", ""]
    if not report.incidents and not report.period_totals:
        lines.append("No incidents.")
    for incident in report.incidents:
        lines.extend([*_incident(incident, by, quotes), ""])
    if report.period_totals:
        lines.extend([*_totals(report, quotes), ""])
    return "\n".join(lines).rstrip("\n") + "\n"
