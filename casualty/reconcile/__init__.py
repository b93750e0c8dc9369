"""Reconciliation: from clustered claims to the discrepancy table of SPEC §6.

Per incident, one row per victim × outcome and one cell per source, with the row's bounds,
spread, flags and best estimate; period totals apart, next to the incident figures they cover.
This is core code: it neither prints nor imports rich.
"""

from __future__ import annotations

from collections.abc import Sequence

from casualty.model import Claim
from casualty.reconcile.filters import FLAGS, SORTS, filter_report
from casualty.reconcile.incidents import build_incidents
from casualty.reconcile.report import (
    Cell,
    Figure,
    IncidentReport,
    Omission,
    PeriodTotal,
    Report,
    Row,
)
from casualty.reconcile.serialize import report_to_json
from casualty.reconcile.sides import RegistryLike
from casualty.reconcile.totals import period_totals

__all__ = [
    "FLAGS",
    "SORTS",
    "Cell",
    "Figure",
    "IncidentReport",
    "Omission",
    "PeriodTotal",
    "Report",
    "Row",
    "filter_report",
    "reconcile",
    "report_to_json",
]


def reconcile(claims: Sequence[Claim], registry: RegistryLike | None = None) -> Report:
    """Build the discrepancy table of clustered claims.

    Claims without an `incident_id` each stand as an incident of their own. With a
    `registry`, partisan sources are recognised by their `side` (for the `self_serving` flag)
    and missing source types are filled in.
    """
    with_ids = [c.with_id() for c in claims]
    incidents = build_incidents(with_ids, registry)
    totals = period_totals([c for c in with_ids if c.kind == "period_total"], incidents)
    return Report(incidents=incidents, period_totals=totals)
