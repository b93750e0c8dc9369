"""The domain records that flow through the pipeline: documents, claims.

`Claim` is the exchange record of SPEC §4. It is a frozen dataclass so that stages
cannot mutate a record another stage still holds; use `dataclasses.replace` to derive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Final

SOURCE_TYPES: Final = (
    "monitor",
    "state_media",
    "belligerent",
    "international",
    "medical",
    "media",
    "official",
    "unknown",
)
OUTCOMES: Final = ("killed", "wounded", "captured", "missing", "killed_or_wounded")
KINDS: Final = ("claim", "period_total", "omission")
VICTIM_CATEGORIES: Final = ("combatants", "civilians", "mixed", "unspecified")
DATE_PRECISIONS: Final = ("day", "week", "month", "year")

#: Column order of the CSV exchange format (SPEC §4).
FIELDS: Final = (
    "claim_id",
    "kind",
    "source",
    "source_type",
    "reported_by",
    "doc",
    "span",
    "published",
    "date",
    "date_end",
    "date_precision",
    "location",
    "admin1",
    "country",
    "lat",
    "lon",
    "perpetrator",
    "victim",
    "victim_category",
    "outcome",
    "low",
    "high",
    "qualifier",
    "text",
    "url",
    "incident_id",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its body text and what its header or dateline says about it."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    #: Character offset of `text` within the file it came from (after a header block).
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim: who says how many of whom suffered which outcome, where and when."""

    source: str
    outcome: str
    kind: str = "claim"
    claim_id: str = ""
    source_type: str = "unknown"
    reported_by: str | None = None
    doc: str | None = None
    span: tuple[int, int] | None = None
    published: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    perpetrator: str | None = None
    victim: str | None = None
    victim_category: str | None = None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    text: str | None = None
    url: str | None = None
    incident_id: str | None = None
    #: Columns the input had beyond SPEC §4, passed through unchanged (name, value).
    extra: tuple[tuple[str, str], ...] = field(default=())

    def with_id(self) -> Claim:
        """Return the claim with a `claim_id`, generating a stable one when empty."""
        if self.claim_id:
            return self
        from dataclasses import replace

        return replace(self, claim_id=make_claim_id(self))


def make_claim_id(claim: Claim) -> str:
    """A content hash: the same claim always gets the same id, whatever the input order.

    The document id and span come first (SPEC §4); the claimant, outcome, victim and figure
    are hashed too, because one sentence can carry several claims with the same span.
    """
    parts = (
        claim.doc or "",
        f"{claim.span[0]}:{claim.span[1]}" if claim.span else "",
        claim.kind,
        claim.source,
        claim.outcome,
        claim.victim or "",
        "" if claim.low is None else str(claim.low),
        "" if claim.high is None else str(claim.high),
        claim.qualifier or "",
        "" if claim.span else (claim.text or ""),
        "" if claim.span else (claim.date or ""),
        "" if claim.span else (claim.location or ""),
    )
    # surrogatepass: the same bytes for any real text, and no crash on a lone surrogate.
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"c{digest[:12]}"
