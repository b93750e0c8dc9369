"""Group claims by incident and describe each incident: when, where, who did it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from casualty.model import Claim
from casualty.reconcile.report import IncidentReport
from casualty.reconcile.rows import build_rows
from casualty.reconcile.sides import RegistryLike

#: Claims that no clustering has placed form an incident of their own under this prefix.
UNCLUSTERED = "unclustered-"


def incident_key(claim: Claim) -> str:
    """The incident a claim belongs to; an unclustered claim stands alone."""
    return claim.incident_id or f"{UNCLUSTERED}{claim.claim_id}"


def _ranked(values: Sequence[str | None]) -> list[str]:
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda v: (-counts[v], v))


def _first(values: Sequence[str]) -> str | None:
    return values[0] if values else None


def _dates(claims: Sequence[Claim]) -> tuple[str | None, str | None]:
    """The earliest day claimed, and the last when sources or spans reach past it."""
    precise = [c for c in claims if c.date and c.date_precision in (None, "day")]
    pool = precise or [c for c in claims if c.date]
    if not pool:
        return None, None
    start = min(c.date for c in pool if c.date)
    end = max((c.date_end or c.date or start) for c in pool)
    return start, (end if end > start else None)


def build_incident(
    incident_id: str, claims: Sequence[Claim], registry: RegistryLike | None
) -> IncidentReport:
    """Reconcile the claims and omissions of one incident."""
    ordered = tuple(sorted(claims, key=lambda c: c.claim_id))
    date, date_end = _dates(ordered)
    locations = _ranked([c.location for c in ordered])
    location = locations[0] if locations else None
    placed = [c for c in ordered if c.location == location] if location else list(ordered)
    admin1 = _first(_ranked([c.admin1 for c in placed]) or _ranked([c.admin1 for c in ordered]))
    country = _first(_ranked([c.country for c in placed]) or _ranked([c.country for c in ordered]))
    return IncidentReport(
        incident_id=incident_id,
        date=date,
        date_end=date_end,
        location=location,
        admin1=admin1,
        country=country,
        perpetrators=tuple(_ranked([c.perpetrator for c in ordered])),
        claim_ids=tuple(c.claim_id for c in ordered),
        rows=build_rows(ordered, registry),
        claims=ordered,
    )


def build_incidents(
    claims: Sequence[Claim], registry: RegistryLike | None
) -> tuple[IncidentReport, ...]:
    """Every incident of the claims (period totals excluded), sorted by date then id."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != "period_total":
            groups[incident_key(claim)].append(claim)
    incidents = [build_incident(key, members, registry) for key, members in groups.items()]
    return tuple(sorted(incidents, key=lambda i: (i.date or "9999", i.incident_id)))
