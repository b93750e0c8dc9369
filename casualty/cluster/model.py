"""The records `cluster_claims` returns: the clustering and the link behind each claim."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from casualty.model import Claim


@dataclass(frozen=True, slots=True)
class Link:
    """Why a claim sits in its incident: the claim it links to best, with the score per feature.

    `other_id` is None for an incident's seed (the claim the incident was built around, or a
    claim alone in its incident); `features` pairs each feature name with its contribution.
    """

    claim_id: str
    other_id: str | None
    score: float
    features: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Clustering:
    """Claims with `incident_id` filled in (input order), the link of each, the threshold."""

    claims: tuple[Claim, ...]
    links: Mapping[str, Link]
    threshold: float

    def incidents(self) -> dict[str, list[Claim]]:
        """Claims by incident id, in input order."""
        out: dict[str, list[Claim]] = {}
        for claim in self.claims:
            out.setdefault(claim.incident_id or "", []).append(claim)
        return out
