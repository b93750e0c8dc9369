"""Select and order incidents of a report: `--since/--until`, `--country`, `--source-type`,
`--min-spread`, `--flag`, `--sort`.

Filters keep or drop whole incidents, so that a row is never shown without the sources that
put it in context: `source_type` keeps incidents where a source of that type speaks,
`min_spread` those with a row at least that far apart, `flags` those where every flag named
appears on some row. Period totals follow the date, country and source-type filters.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from casualty.errors import UsageError
from casualty.reconcile.report import IncidentReport, PeriodTotal, Report

SORTS = ("date", "spread", "toll")


def _country_matcher(country: str) -> Callable[[str | None], bool]:
    """Compare ISO 3166-1 alpha-2 codes; names and alpha-3 codes go through `casualty.geo`."""
    wanted = country.strip()
    code: Any = None
    try:
        geo = importlib.import_module("casualty.geo")
        to_code = getattr(geo, "country_code", None)
        if callable(to_code):
            code = to_code(wanted)
    except ImportError:  # the gazetteer is optional for this filter
        code = None
    target = str(code).upper() if code else wanted.upper()
    return lambda value: bool(value) and str(value).upper() == target


def _incident_types(incident: IncidentReport) -> set[str]:
    types = {c.source_type for r in incident.rows for c in r.cells}
    types.update(o.source_type for r in incident.rows for o in r.omissions)
    return types


def _incident_flags(incident: IncidentReport) -> set[str]:
    return {f for r in incident.rows for f in r.flags}


def _in_dates(start: str | None, end: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if not start:
        return False
    last = end or start
    return (since is None or last >= since) and (until is None or start <= until)


def _sort_key(name: str) -> Callable[[IncidentReport], Any]:
    if name == "date":
        return lambda i: (i.date or "9999", i.incident_id)
    if name == "spread":
        return lambda i: (
            i.max_spread() is None,
            -(i.max_spread() or 0.0),
            i.date or "",
            i.incident_id,
        )
    if name == "toll":
        return lambda i: (-i.toll(), i.date or "", i.incident_id)
    raise UsageError(f"unknown sort {name!r}: use one of {', '.join(SORTS)}")


def filter_report(
    report: Report,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    source_type: str | Sequence[str] | None = None,
    min_spread: float | None = None,
    flags: Iterable[str] = (),
    sort: str = "date",
) -> Report:
    """The incidents and period totals that pass every filter given, in the order asked."""
    key = _sort_key(sort)
    wanted_types = {source_type} if isinstance(source_type, str) else set(source_type or ())
    wanted_flags = set(flags)
    in_country = _country_matcher(country) if country else None

    def keep(incident: IncidentReport) -> bool:
        return (
            _in_dates(incident.date, incident.date_end, since, until)
            and (in_country is None or in_country(incident.country))
            and (not wanted_types or bool(wanted_types & _incident_types(incident)))
            and (
                min_spread is None
                or (
                    incident.max_spread() is not None and (incident.max_spread() or 0) >= min_spread
                )
            )
            and wanted_flags <= _incident_flags(incident)
        )

    def keep_total(total: PeriodTotal) -> bool:
        claim = total.claim
        return (
            _in_dates(total.period_start, total.period_end, since, until)
            and (in_country is None or in_country(claim.country))
            and (not wanted_types or claim.source_type in wanted_types)
        )

    incidents = tuple(sorted((i for i in report.incidents if keep(i)), key=key))
    totals = tuple(t for t in report.period_totals if keep_total(t))
    return replace(report, incidents=incidents, period_totals=totals)
