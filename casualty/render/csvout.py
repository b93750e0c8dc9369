"""The discrepancy table as long-format CSV: one row per incident × row × source.

Each line says what one source claims (or explicitly left out) for one victim × outcome of one
incident, with the row's bounds, spread, best estimate and flags repeated so that the file can
be filtered and pivoted as is. Period totals follow, one line each (`entry` = `period_total`).
Cells a spreadsheet would run as formulas are neutralised unless `raw`; numbers stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import Final, TextIO

from casualty.reconcile.best import figure_text
from casualty.reconcile.report import Cell, IncidentReport, Omission, PeriodTotal, Report, Row
from casualty.render import cells as c
from casualty.sanitize import csv_safe

COLUMNS: Final = (
    "incident_id",
    "date",
    "date_end",
    "location",
    "admin1",
    "country",
    "perpetrators",
    "victim",
    "victim_category",
    "outcome",
    "source",
    "source_type",
    "side",
    "entry",
    "low",
    "high",
    "qualifier",
    "cell",
    "published",
    "updated",
    "history",
    "self_serving",
    "row_low",
    "row_high",
    "row_spread",
    "row_best",
    "row_flags",
    "best_reason",
    "covers_incidents",
    "covers_low",
    "covers_high",
    "claim_ids",
)

Value = str | int | float | bool | None


def _str(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _incident_fields(incident: IncidentReport, row: Row) -> dict[str, Value]:
    return {
        "incident_id": incident.incident_id,
        "date": incident.date,
        "date_end": incident.date_end,
        "location": incident.location,
        "admin1": incident.admin1,
        "country": incident.country,
        "perpetrators": "; ".join(incident.perpetrators),
        "victim": row.victim,
        "victim_category": row.victim_category,
        "outcome": row.outcome,
        "row_low": row.low,
        "row_high": row.high,
        "row_spread": row.spread,
        "row_best": row.best,
        "row_flags": "; ".join(row.flags),
        "best_reason": row.best_reason,
    }


def _entry_fields(entry: Cell | Omission) -> dict[str, Value]:
    if isinstance(entry, Omission):
        return {
            "source": entry.source,
            "source_type": entry.source_type,
            "entry": "omission",
            "cell": c.NOT_MENTIONED,
            "claim_ids": " ".join(entry.claim_ids),
        }
    history = "; ".join(
        f"{figure_text(f.low, f.high, f.qualifier)} ({f.published or 'undated'})"
        for f in entry.history
    )
    return {
        "source": entry.source,
        "source_type": entry.source_type,
        "side": entry.side,
        "entry": "claim",
        "low": entry.low,
        "high": entry.high,
        "qualifier": entry.qualifier,
        "cell": c.cell_text(entry),
        "published": entry.published,
        "updated": entry.updated,
        "history": history,
        "self_serving": entry.self_serving,
        "claim_ids": " ".join(entry.claim_ids),
    }


def _total_fields(total: PeriodTotal) -> dict[str, Value]:
    claim = total.claim
    return {
        "incident_id": claim.incident_id,
        "date": total.period_start,
        "date_end": total.period_end,
        "location": claim.location,
        "admin1": claim.admin1,
        "country": claim.country,
        "perpetrators": claim.perpetrator,
        "victim": claim.victim,
        "victim_category": claim.victim_category,
        "outcome": claim.outcome,
        "source": claim.source,
        "source_type": claim.source_type,
        "entry": "period_total",
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "cell": c.figure_with_words(claim.low, claim.high, claim.qualifier),
        "published": claim.published,
        "covers_incidents": " ".join(total.covered_incidents),
        "covers_low": total.covered_low,
        "covers_high": total.covered_high,
        "claim_ids": claim.claim_id,
    }


def report_records(report: Report) -> Iterable[dict[str, Value]]:
    """The long-format records, in report order, each with every column of `COLUMNS`."""
    for incident in report.incidents:
        for row in incident.rows:
            entries: list[Cell | Omission] = [*row.cells, *row.omissions]
            for entry in entries:
                record = dict.fromkeys(COLUMNS)
                record.update(_incident_fields(incident, row))
                record.update(_entry_fields(entry))
                yield record
    for total in report.period_totals:
        record = dict.fromkeys(COLUMNS)
        record.update(_total_fields(total))
        yield record


def write_csv(report: Report, out: TextIO, *, raw: bool = False) -> None:
    """Write the report as CSV; `raw` keeps cells verbatim even where they look like formulas."""
    safe: Callable[[str], str] = (lambda s: s) if raw else csv_safe
    writer = csv.writer(out, lineterminator="\n")
    # The writer quotes only the characters of its line terminator; a row with a bare CR is
    # quoted whole so that readers do not take the CR for the end of the row.
    quoting_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for record in report_records(report):
        cells = [safe(_str(record[name])) for name in COLUMNS]
        (quoting_all if any("\r" in cell for cell in cells) else writer).writerow(cells)
