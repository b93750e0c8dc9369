"""The records of a reconciled report: incidents, rows (victim × outcome), cells (one source).

They are plain frozen records so that renderers and serialisers can share them; building them
is `casualty.reconcile.rows` and `casualty.reconcile.totals`.
"""

from __future__ import annotations

from dataclasses import dataclass

from casualty.model import Claim


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure a source gave for a row, with the claims that carry it."""

    low: int | None
    high: int | None
    qualifier: str | None
    #: The earliest publication date of the claims carrying this figure.
    published: str | None
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """One source's claim for one row: its latest figure, and the figures it replaced."""

    source: str
    source_type: str
    low: int | None
    high: int | None
    qualifier: str | None
    published: str | None
    claim_ids: tuple[str, ...]
    #: Earlier figures from the same source for the same row, oldest first.
    history: tuple[Figure, ...] = ()
    self_serving: bool = False
    #: The party the source speaks for (registry `side`, or itself for a belligerent).
    side: str | None = None

    @property
    def updated(self) -> bool:
        """True when the source gave another figure for this row before this one."""
        return bool(self.history)

    @property
    def has_figure(self) -> bool:
        """True when the cell carries a number, not only words ("heavy losses")."""
        return self.low is not None or self.high is not None


@dataclass(frozen=True, slots=True)
class Omission:
    """A source's explicit silence about a row ("made no mention of its losses")."""

    source: str
    source_type: str
    claim_ids: tuple[str, ...]
    #: The name the claims gave when the omission is shown under a peer source's name
    #: ("Syrian state media" under SANA), else None.
    reported_as: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One victim × outcome of an incident, with every source's cell side by side."""

    victim: str | None
    victim_category: str | None
    outcome: str
    cells: tuple[Cell, ...]
    omissions: tuple[Omission, ...]
    low: int | None
    high: int | None
    spread: float | None
    flags: tuple[str, ...]
    best: int | None
    best_reason: str


@dataclass(frozen=True, slots=True)
class IncidentReport:
    """One incident: where and when, who did it, and its rows."""

    incident_id: str
    date: str | None
    date_end: str | None
    location: str | None
    admin1: str | None
    country: str | None
    perpetrators: tuple[str, ...]
    claim_ids: tuple[str, ...]
    rows: tuple[Row, ...]
    #: The incident's claims and omissions, sorted by claim id: the evidence behind the rows.
    claims: tuple[Claim, ...]

    def toll(self) -> int:
        """The largest best estimate (or lowest bound) over the rows; 0 when none has one."""
        values = [r.best if r.best is not None else r.low for r in self.rows]
        return max((v for v in values if v is not None), default=0)

    def max_spread(self) -> float | None:
        """The largest spread over the rows, None when no row has one."""
        return max((r.spread for r in self.rows if r.spread is not None), default=None)


@dataclass(frozen=True, slots=True)
class PeriodTotal:
    """A cumulative or period figure, next to the incident figures it covers.

    `covered_*` sum the same source's current figures for the incidents whose date falls in the
    period (same outcome and victim category); empty when the period cannot be placed in time.
    """

    claim: Claim
    period_start: str | None
    period_end: str | None
    covered_incidents: tuple[str, ...] = ()
    covered_claim_ids: tuple[str, ...] = ()
    covered_low: int | None = None
    covered_high: int | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """The discrepancy table: incidents, and period totals listed apart."""

    incidents: tuple[IncidentReport, ...]
    period_totals: tuple[PeriodTotal, ...]
