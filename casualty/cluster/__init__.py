"""Incident clustering: which claims describe the same incident, and why.

`cluster_claims` gives every claim an `incident_id` (SPEC §6). The pipeline is
`features` (each claim's place resolved through the gazetteer, dates with their precision,
actors through the registry, all coded as arrays) → `blocking` (candidate pairs only within
date windows and compatible places) → `scoring` (per-feature contributions of each pair) →
`assign` (document units and seeds) with `attachment` (average link, which does not chain) →
`merge` (a day-off group joins the only incident at its place) → `ids`.
`explain_incident` tells, for one incident, the link that holds each claim in it and the
nearest claims that were kept out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Final

from casualty.cluster.explain import (
    IncidentExplanation,
    NearMiss,
    explain_incident,
    explanation_lines,
)
from casualty.cluster.model import Clustering, Link
from casualty.model import Claim

if TYPE_CHECKING:
    from casualty.io.claim_table import ClaimTable
    from casualty.registry import Registry

__all__ = [
    "DEFAULT_THRESHOLD",
    "Clustering",
    "IncidentExplanation",
    "Link",
    "NearMiss",
    "cluster_claims",
    "cluster_table",
    "explain_incident",
    "explanation_lines",
]

#: Minimum average pair score for a claim to join an incident. Raising it splits incidents
#: more readily (fewer wrong merges of neighbouring places or consecutive days, but reports
#: of one incident with a vague date or place stay apart); lowering it merges more readily.
#: A claim at the same named place on the same day scores about 5.5 before actors and
#: figures; the same place a day apart about 1.5; the same admin area on the same day about
#: 3.5. On generated claim sets (`benchmarks/cluster_thresholds.py`) B-cubed F1 peaks
#: between 3 and 3.5.
DEFAULT_THRESHOLD: Final = 3.0


def cluster_claims(
    claims: Sequence[Claim],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    registry: Registry | None = None,
) -> Clustering:
    """Give every claim an incident id; claims of one incident share it.

    `threshold` trades splitting against merging (see `DEFAULT_THRESHOLD`). `registry`
    canonicalises perpetrators, victims and sources (the built-in one when None).
    """
    from casualty.cluster.engine import run

    if registry is None:
        from casualty.registry import builtin_registry

        registry = builtin_registry()
    claims = [c if c.claim_id else c.with_id() for c in claims]
    incident, links = run(claims, threshold, registry)
    return Clustering(with_incidents(claims, incident), links, threshold)


def cluster_table(
    table: ClaimTable,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    registry: Registry | None = None,
) -> tuple[list[str], Mapping[str, Link]]:
    """The incident id of every row of a claim table (row order), and every claim's link.

    What `cluster_claims(table.claims())` gives (its claims' incident ids and its links),
    read from the table's columns: no `Claim` per row is built. A row without a claim id is
    linked under the id `Claim.with_id` gives it.
    """
    from casualty.cluster.engine import cluster_table as run_table

    if registry is None:
        from casualty.registry import builtin_registry

        registry = builtin_registry()
    return run_table(table, threshold, registry)


def with_incidents(claims: Sequence[Claim], incident: Sequence[str]) -> tuple[Claim, ...]:
    """The claims with their incident ids set (a positional rebuild: faster than `replace`)."""
    import operator

    from casualty.io.fast import gc_paused, slot_constructor

    names = [f.name for f in fields(Claim)]
    get = operator.attrgetter(*names)
    at = names.index("incident_id")
    make = slot_constructor(Claim)
    out: list[Claim] = []
    with gc_paused():
        for claim, iid in zip(claims, incident, strict=True):
            if claim.incident_id == iid:
                out.append(claim)
                continue
            values = list(get(claim))
            values[at] = iid
            out.append(make(*values))
    return tuple(out)
