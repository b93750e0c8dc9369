"""Select and order incidents of a report: `--since/--until`, `--country`, `--source-type`,
`--min-spread`, `--flag`, `--sort`.

Dates, country and source type select incidents (`source_type` keeps incidents where a source
of that type speaks, with all their sources, so that its claims keep their context).
`min_spread` and `flags` select rows: a row stays when its spread is at least `min_spread` and
it carries every flag named; an incident with no row left is dropped. Period totals follow the
date, country and source-type filters. Source types may be given comma-separated.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from casualty.errors import UsageError
from casualty.model import SOURCE_TYPES
from casualty.reconcile.report import IncidentReport, PeriodTotal, Report, Row

SORTS = ("date", "spread", "toll")
#: Every flag a row can carry, in the order they are listed.
FLAGS = ("omission", "single_source", "qualitative_only", "self_serving", "updated", "denial")


def _check(what: str, given: set[str], allowed: Sequence[str]) -> None:
    unknown = sorted(given - set(allowed))
    if unknown:
        raise UsageError(f"unknown {what} {unknown[0]!r}: use one of {', '.join(allowed)}")


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
    given = [source_type] if isinstance(source_type, str) else list(source_type or ())
    wanted_types = {t.strip() for text in given for t in text.split(",") if t.strip()}
    wanted_flags = set(flags)
    _check("source type", wanted_types, SOURCE_TYPES)
    _check("flag", wanted_flags, FLAGS)
    in_country = _country_matcher(country) if country else None

    def keep(incident: IncidentReport) -> bool:
        return (
            _in_dates(incident.date, incident.date_end, since, until)
            and (in_country is None or in_country(incident.country))
            and (not wanted_types or bool(wanted_types & _incident_types(incident)))
        )

    def keep_row(row: Row) -> bool:
        if min_spread is not None and (row.spread is None or row.spread < min_spread):
            return False
        return wanted_flags <= set(row.flags)

    def rows_kept(incident: IncidentReport) -> IncidentReport:
        if min_spread is None and not wanted_flags:
            return incident
        return replace(incident, rows=tuple(r for r in incident.rows if keep_row(r)))

    def keep_total(total: PeriodTotal) -> bool:
        claim = total.claim
        return (
            _in_dates(total.period_start, total.period_end, since, until)
            and (in_country is None or in_country(claim.country))
            and (not wanted_types or claim.source_type in wanted_types)
        )

    kept = (rows_kept(i) for i in report.incidents if keep(i))
    incidents = tuple(sorted((i for i in kept if i.rows), key=key))
    totals = tuple(t for t in report.period_totals if keep_total(t))
    return replace(report, incidents=incidents, period_totals=totals)
