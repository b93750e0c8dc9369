"""Period totals, listed apart from incidents and set next to the incident figures they cover.

A total such as "50 civilians killed during August" from a source is compared with the sum of
that source's current figures for the incidents of August (same outcome and victim category).
The period runs from the claim's `date` to its `date_end`; without an end, to the end of the
month or year its `date_precision` names, else to the publication date ("735 since 2014").
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from casualty.model import Claim
from casualty.reconcile.report import IncidentReport, PeriodTotal


def period_of(claim: Claim) -> tuple[str | None, str | None]:
    """The first and last day a period total covers, as ISO dates; None where unknown."""
    start = claim.date
    if not start:
        return None, claim.date_end
    if claim.date_end:
        return start, claim.date_end
    if len(start) < 10 or not start[:4].isdigit() or not start[5:7].isdigit():
        return start, claim.published or start
    year, month = int(start[:4]), int(start[5:7])
    if claim.date_precision == "month":
        return f"{year:04d}-{month:02d}-01", (
            f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
        )
    if claim.date_precision == "year":
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    return start, claim.published or start


def _same_category(total: Claim, category: str | None) -> bool:
    wanted = total.victim_category
    if not wanted or wanted == "unspecified" or not category or category == "unspecified":
        return True
    return wanted == category


def match_total(total: Claim, incidents: Sequence[IncidentReport]) -> PeriodTotal:
    """Attach to a period total the same source's incident figures inside its period."""
    start, end = period_of(total)
    covered: list[str] = []
    ids: list[str] = []
    lows: list[int] = []
    highs: list[int | None] = []
    for incident in incidents:
        if total.incident_id and incident.incident_id == total.incident_id:
            inside = True
        elif start and end and incident.date:
            inside = start <= incident.date <= end
        else:
            inside = False
        if not inside:
            continue
        for row in incident.rows:
            if row.outcome != total.outcome or not _same_category(total, row.victim_category):
                continue
            for cell in row.cells:
                if cell.source != total.source or not cell.has_figure:
                    continue
                if incident.incident_id not in covered:
                    covered.append(incident.incident_id)
                ids.extend(cell.claim_ids)
                lows.append(cell.low or 0)
                highs.append(cell.high)
    return PeriodTotal(
        claim=total,
        period_start=start,
        period_end=end,
        covered_incidents=tuple(covered),
        covered_claim_ids=tuple(sorted(ids)),
        covered_low=sum(lows) if lows else None,
        covered_high=(
            sum(h for h in highs if h is not None)
            if highs and all(h is not None for h in highs)
            else None
        ),
    )


def period_totals(
    totals: Sequence[Claim], incidents: Sequence[IncidentReport]
) -> tuple[PeriodTotal, ...]:
    """Every period total, sorted by period, source and claim id, matched where possible."""
    ordered = sorted(totals, key=lambda c: (period_of(c)[0] or "", c.source, c.outcome, c.claim_id))
    return tuple(match_total(t, incidents) for t in ordered)
