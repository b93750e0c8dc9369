"""Claim ids must name one claim: a repeated row is read once, a reused id is an error.

The same claims file given twice, or the outputs of two runs concatenated, repeat rows
exactly; that is harmless and the repeat is read once (and reported). Two *different*
claims under one id would make every later stage ambiguous, so the second is a bad row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casualty.model import Claim


@dataclass(frozen=True, slots=True)
class Repeat:
    """A claim whose id was seen before: where first, and whether it is the same claim."""

    first: str
    same: bool


@dataclass(slots=True)
class UniqueIds:
    """Remembers each claim id and where it was first read (`FILE:LINE` or a document id)."""

    _seen: dict[str, tuple[Claim, str]] = field(default_factory=dict)

    def check(self, claim: Claim, where: str) -> Repeat | None:
        """None for a new id (now remembered), else how it repeats an earlier one."""
        earlier = self._seen.get(claim.claim_id)
        if earlier is None:
            self._seen[claim.claim_id] = (claim, where)
            return None
        return Repeat(earlier[1], earlier[0] == claim)
