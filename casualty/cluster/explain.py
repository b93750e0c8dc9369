"""Why an incident holds the claims it holds, and why its nearest neighbours stayed out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from casualty.cluster.model import Clustering, Link
from casualty.model import Claim

if TYPE_CHECKING:
    from casualty.registry import Registry

#: How many kept-out claims an explanation lists.
NEAR_MISSES = 3


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A claim kept out of the incident: its closest member, the scores, what fell short."""

    claim: Claim
    closest_id: str
    score: float  # the pair score with the closest member
    average: float  # the average pair score over all members (what the threshold judges)
    features: tuple[tuple[str, float], ...]
    #: Features that counted against joining (negative contributions), worst first.
    short: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IncidentExplanation:
    """Each member with the link that put it in the incident, and the nearest claims left out."""

    incident_id: str
    threshold: float
    members: tuple[tuple[Claim, Link], ...]
    near_misses: tuple[NearMiss, ...]


def _related(incident_id: str, clustering: Clustering) -> list[Claim]:
    """The incident's claims and the claims that could be candidates for it (by date)."""
    import datetime as dt

    members = [c for c in clustering.claims if c.incident_id == incident_id]
    days = [c.date or c.published for c in members]
    known = sorted(d[:10] for d in days if d)
    if not known:
        return list(clustering.claims)
    first = dt.date.fromisoformat(known[0]) - dt.timedelta(days=40)
    last = dt.date.fromisoformat(known[-1]) + dt.timedelta(days=40)
    lo, hi = first.isoformat(), last.isoformat()
    return [
        c
        for c in clustering.claims
        if c.incident_id == incident_id
        or not (c.date or c.published)
        or lo <= (c.date or c.published or "")[:10] <= hi
    ]


def explain_incident(
    incident_id: str, clustering: Clustering, registry: Registry | None = None
) -> IncidentExplanation:
    """The members of `incident_id` with their links, and the nearest claims kept out.

    Raises KeyError when no claim has this incident id.
    """
    import numpy as np

    from casualty.cluster import blocking, features, scoring

    members = [c for c in clustering.claims if c.incident_id == incident_id]
    if not members:
        raise KeyError(incident_id)
    if registry is None:
        from casualty.registry import builtin_registry

        registry = builtin_registry()
    pool = _related(incident_id, clustering)
    t = features.build(pool, registry)
    a, b = blocking.candidate_pairs(t)
    inside = np.array([c.incident_id == incident_id for c in pool], dtype=bool)
    cross = inside[a] != inside[b]
    a, b = a[cross], b[cross]
    score, parts = scoring.score_pairs(t, a, b)
    outer = np.where(inside[a], b, a)
    inner = np.where(inside[a], a, b)
    misses: list[NearMiss] = []
    size = int(inside.sum())
    for j in np.unique(outer).tolist():
        mine = outer == j
        k = int(np.argmax(np.where(mine, score, -np.inf)))
        contributions = tuple(
            (name, round(float(v), 3)) for name, v in zip(scoring.FEATURES, parts[k], strict=True)
        )
        short = tuple(name for name, v in sorted(contributions, key=lambda kv: kv[1]) if v < 0)
        misses.append(
            NearMiss(
                pool[j],
                t.ids[int(inner[k])],
                round(float(score[k]), 3),
                round(float(score[mine].sum()) / size, 3),
                contributions,
                short,
            )
        )
    misses.sort(key=lambda m: (-m.average, -m.score, m.claim.claim_id))
    return IncidentExplanation(
        incident_id,
        clustering.threshold,
        tuple((c, clustering.links[c.claim_id]) for c in members),
        tuple(misses[:NEAR_MISSES]),
    )


def _describe(claim: Claim) -> str:
    figure = claim.qualifier or (
        "" if claim.low is None and claim.high is None else f"{claim.low}-{claim.high}"
    )
    where = claim.location or claim.admin1 or claim.country or "?"
    when = claim.date or (f"published {claim.published}" if claim.published else "undated")
    return f"{claim.source}: {claim.outcome} {figure} {claim.victim or ''} | {where} | {when}"


def _features(items: tuple[tuple[str, float], ...]) -> str:
    return ", ".join(f"{name} {value:+.1f}" for name, value in items if value)


def explanation_lines(expl: IncidentExplanation) -> list[str]:
    """Plain-text lines of an explanation (no markup; the caller escapes for its terminal)."""
    lines = [f"incident {expl.incident_id} (threshold {expl.threshold:g})"]
    for claim, link in expl.members:
        lines.append(f"  {claim.claim_id}  {_describe(claim)}")
        if link.other_id is None:
            lines.append("      seed of the incident")
        else:
            lines.append(
                f"      linked to {link.other_id}, score {link.score:.2f}: "
                f"{_features(link.features)}"
            )
    if not expl.near_misses:
        lines.append("  no other claim came near")
    for miss in expl.near_misses:
        lines.append(
            f"  kept out: {miss.claim.claim_id} ({miss.claim.incident_id})  {_describe(miss.claim)}"
        )
        lines.append(
            f"      closest {miss.closest_id}, score {miss.score:.2f}, average "
            f"{miss.average:.2f} < {expl.threshold:g}; "
            f"short on: {', '.join(miss.short) or 'no single feature'}; "
            f"{_features(miss.features)}"
        )
    return lines
