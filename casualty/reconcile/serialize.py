"""The report as JSON-ready data, in the shape of SPEC §6 plus traceability fields.

Additions to SPEC §6:

- per row: `best` and `best_reason`;
- per claim cell: `published`, `updated`, `history` (earlier figures from the same source,
  oldest first), `self_serving` and `side` (the party the source speaks for, else null);
- per omission: `reported_as`, the source name the claims gave when the omission is shown
  under the one source of the same side and type that speaks in the incident ("Syrian state
  media" under SANA), else null;
- per incident: `evidence` (each claim's sentence and where it was published);
- per period total: its `period` and `covers` (the same source's incident figures inside the
  period, and their sum).
"""

from __future__ import annotations

from typing import Any

from casualty.reconcile.report import Cell, Figure, IncidentReport, PeriodTotal, Report, Row


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "published": figure.published,
        "claim_ids": list(figure.claim_ids),
    }


def cell_to_json(cell: Cell) -> dict[str, Any]:
    """One source's claim for a row."""
    return {
        "source": cell.source,
        "source_type": cell.source_type,
        "low": cell.low,
        "high": cell.high,
        "qualifier": cell.qualifier,
        "claim_ids": list(cell.claim_ids),
        "published": cell.published,
        "updated": cell.updated,
        "history": [_figure(f) for f in cell.history],
        "self_serving": cell.self_serving,
        "side": cell.side,
    }


def row_to_json(row: Row) -> dict[str, Any]:
    """One victim × outcome row."""
    return {
        "victim": row.victim,
        "victim_category": row.victim_category,
        "outcome": row.outcome,
        "claims": [cell_to_json(c) for c in row.cells],
        "omissions": [
            {
                "source": o.source,
                "source_type": o.source_type,
                "claim_ids": list(o.claim_ids),
                "reported_as": o.reported_as,
            }
            for o in row.omissions
        ],
        "low": row.low,
        "high": row.high,
        "spread": row.spread,
        "flags": list(row.flags),
        "best": row.best,
        "best_reason": row.best_reason,
    }


def incident_to_json(incident: IncidentReport) -> dict[str, Any]:
    """One incident with its rows and the evidence behind them."""
    return {
        "incident_id": incident.incident_id,
        "date": incident.date,
        "date_end": incident.date_end,
        "location": incident.location,
        "admin1": incident.admin1,
        "country": incident.country,
        "perpetrators": list(incident.perpetrators),
        "claim_ids": list(incident.claim_ids),
        "rows": [row_to_json(r) for r in incident.rows],
        "evidence": [
            {
                "claim_id": c.claim_id,
                "kind": c.kind,
                "source": c.source,
                "reported_by": c.reported_by,
                "doc": c.doc,
                "published": c.published,
                "text": c.text,
                "url": c.url,
            }
            for c in incident.claims
        ],
    }


def period_total_to_json(total: PeriodTotal) -> dict[str, Any]:
    """A period total: the claim (SPEC §4 fields) plus its period and what it covers."""
    from casualty.io.claims import claim_to_row

    out = claim_to_row(total.claim)
    out["period"] = {"start": total.period_start, "end": total.period_end}
    out["covers"] = {
        "incident_ids": list(total.covered_incidents),
        "claim_ids": list(total.covered_claim_ids),
        "low": total.covered_low,
        "high": total.covered_high,
    }
    return out


def report_to_json(report: Report) -> dict[str, Any]:
    """The whole report as SPEC §6 JSON data."""
    return {
        "incidents": [incident_to_json(i) for i in report.incidents],
        "period_totals": [period_total_to_json(t) for t in report.period_totals],
    }
