"""Period totals, listed apart from incidents and set next to the incident figures they cover.

A total such as "50 civilians killed during August" from a source is compared with the sum of
that source's current figures for the incidents of August (same outcome, same victims or
victim category), plus the incident the total is attached to, if any.
The period runs from the claim's `date` to its `date_end`; without an end, to the end of the
month or year its `date_precision` names, else to the publication date ("735 since 2014").
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from casualty.model import VICTIM_CATEGORIES, Claim
from casualty.reconcile.report import Cell, IncidentReport, PeriodTotal, Row


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


def _same_victims(total: Claim, row: Row) -> bool:
    """A total covers a row of the same victims, or of a category it names ("civilians")."""
    wanted = total.victim_category
    known = (None, "unspecified")
    if wanted not in known and row.victim_category not in known and wanted != row.victim_category:
        return False
    if not total.victim or not row.victim or total.victim == row.victim:
        return True
    return total.victim in VICTIM_CATEGORIES and total.victim == row.victim_category


@dataclass(frozen=True, slots=True)
class _Entry:
    date: str
    incident_id: str
    row: Row
    cell: Cell


class _Index:
    """Each source's incident cells by outcome, sorted by date, for range look-ups."""

    def __init__(self, incidents: Sequence[IncidentReport]) -> None:
        self.by_key: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self.by_incident: dict[tuple[str, str, str], list[_Entry]] = defaultdict(list)
        for incident in incidents:
            for row in incident.rows:
                for cell in row.cells:
                    if not cell.has_figure:
                        continue
                    entry = _Entry(incident.date or "", incident.incident_id, row, cell)
                    if incident.date:
                        self.by_key[(cell.source, row.outcome)].append(entry)
                    key = (cell.source, row.outcome, incident.incident_id)
                    self.by_incident[key].append(entry)
        for entries in self.by_key.values():
            entries.sort(key=lambda e: (e.date, e.incident_id))
        self.dates = {k: [e.date for e in v] for k, v in self.by_key.items()}

    def within(self, total: Claim, start: str | None, end: str | None) -> list[_Entry]:
        found: list[_Entry] = []
        if start and end:
            key = (total.source, total.outcome)
            dates = self.dates.get(key, [])
            lo, hi = bisect_left(dates, start), bisect_right(dates, end)
            found.extend(self.by_key[key][lo:hi])
        if total.incident_id:
            attached = self.by_incident.get((total.source, total.outcome, total.incident_id), [])
            found.extend(e for e in attached if e not in found)
        return [e for e in found if _same_victims(total, e.row)]


def match_total(total: Claim, index: _Index) -> PeriodTotal:
    """Attach to a period total the same source's incident figures inside its period."""
    start, end = period_of(total)
    entries = index.within(total, start, end)
    covered = tuple(dict.fromkeys(e.incident_id for e in entries))
    lows = [e.cell.low or 0 for e in entries]
    highs = [e.cell.high for e in entries]
    return PeriodTotal(
        claim=total,
        period_start=start,
        period_end=end,
        covered_incidents=covered,
        covered_claim_ids=tuple(sorted(i for e in entries for i in e.cell.claim_ids)),
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
    if not ordered:
        return ()
    index = _Index(incidents)
    return tuple(match_total(t, index) for t in ordered)
