"""Build the rows of one incident: one per victim × outcome, one cell per source.

A source that gave several figures for the same row over time keeps only its latest in the
cell; the earlier ones are its history (flag `updated`). "Latest" means the figure *first seen*
latest (by publication date, then document, then position in the text), so a later relay of an
old figure does not undo an update.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from casualty.model import OUTCOMES, Claim
from casualty.reconcile.best import best_estimate
from casualty.reconcile.report import Cell, Figure, Omission, Row
from casualty.reconcile.sides import RegistryLike, actor_side, bias_direction, source_side

RowKey = tuple[str, str, str]  # victim, category when the victim is unnamed, outcome


def row_key(claim: Claim) -> RowKey:
    """Claims share a row when they name the same victim and outcome."""
    if claim.victim:
        return (claim.victim, "", claim.outcome)
    return ("", claim.victim_category or "", claim.outcome)


def _sort_key(key: RowKey) -> tuple[int, str, str, int]:
    outcome = OUTCOMES.index(key[2]) if key[2] in OUTCOMES else len(OUTCOMES)
    return (0 if key[0] else 1, key[0].casefold(), key[1], outcome)


def _order(claim: Claim) -> tuple[str, str, int, str]:
    start = claim.span[0] if claim.span else -1
    return (claim.published or "", claim.doc or "", start, claim.claim_id)


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value, ties broken alphabetically; None if there is none."""
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    if len(counts) <= 1:
        return next(iter(counts), None)
    return min(counts, key=lambda v: (-counts[v], v))


def source_type_of(claims: Sequence[Claim], registry: RegistryLike | None) -> str:
    """The source type the claims give, else the registry's, else `unknown`."""
    given = _most_common([c.source_type for c in claims if c.source_type != "unknown"])
    if given:
        return given
    if registry is not None:
        info = registry.source(claims[0].source)
        if info is not None:
            return info.source_type
    return "unknown"


def _figures(claims: Sequence[Claim]) -> list[Figure]:
    """Distinct figures of one source, in the order they were first seen."""
    groups: dict[tuple[int | None, int | None], list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=_order):
        groups[(claim.low, claim.high)].append(claim)
    out = []
    for (low, high), members in groups.items():
        out.append(
            Figure(
                low=low,
                high=high,
                qualifier=members[-1].qualifier,
                published=members[0].published,
                claim_ids=tuple(sorted(c.claim_id for c in members)),
            )
        )
    return out  # dict keeps first-seen order


def build_cell(claims: Sequence[Claim], registry: RegistryLike | None) -> Cell:
    """One source's cell for one row: its latest figure, its history, and its wording."""
    numeric = [c for c in claims if c.low is not None or c.high is not None]
    words = [c for c in claims if c.low is None and c.high is None]
    figures = _figures(numeric or words)
    current = figures[-1]
    history: tuple[Figure, ...] = tuple(figures[:-1]) if numeric else ()
    # Words restating a figure ("heavy losses" beside "at least 45") stay with the cell.
    ids = set(current.claim_ids) | {c.claim_id for c in words}
    source_type = source_type_of(claims, registry)
    return Cell(
        source=claims[0].source,
        source_type=source_type,
        low=current.low,
        high=current.high,
        qualifier=current.qualifier,
        published=current.published,
        claim_ids=tuple(sorted(ids)),
        history=history,
        side=source_side(claims[0].source, source_type, registry),
    )


def _value(cell: Cell) -> int | None:
    return cell.low if cell.low is not None else cell.high


def _mark_self_serving(
    cells: list[Cell], by_source: dict[str, list[Claim]], key: RowKey, registry: RegistryLike | None
) -> list[Cell]:
    """Flag partisan figures beyond every figure from sources not on the same side."""
    sides = {c.source: c.side for c in cells}
    out = []
    for cell in cells:
        value = _value(cell)
        side = sides[cell.source]
        others = [
            v
            for c in cells
            if c is not cell and (side is None or sides[c.source] != side)
            for v in (_value(c),)
            if v is not None
        ]
        flagged = False
        if value is not None and others and side is not None:
            claims = by_source[cell.source]
            direction = bias_direction(
                cell.source,
                cell.source_type,
                key[0] or None,
                _most_common([c.victim_category for c in claims]),
                claims,
                registry,
            )
            if direction == "inflate":
                flagged = value > max(others)
            elif direction == "deflate":
                flagged = value < min(others)
        out.append(replace(cell, self_serving=True) if flagged else cell)
    return out


def _bounds(cells: Sequence[Cell]) -> tuple[int | None, int | None, float | None]:
    """SPEC §6: lowest and highest bound claimed, and highest low / lowest low."""
    lows = [c.low for c in cells if c.low is not None]
    numeric = [c for c in cells if c.has_figure]
    low = min(lows) if lows else None
    if not numeric or any(c.low is not None and c.high is None for c in numeric):
        high = None
    else:
        high = max(c.high for c in numeric if c.high is not None)
    spread = None
    if len(lows) >= 2 and min(lows) > 0:
        spread = round(max(lows) / min(lows), 2)
    return low, high, spread


def _flags(cells: Sequence[Cell], omissions: Sequence[Omission]) -> tuple[str, ...]:
    flags = []
    if omissions:
        flags.append("omission")
    if len(cells) == 1:
        flags.append("single_source")
    if cells and not any(c.has_figure for c in cells):
        flags.append("qualitative_only")
    if any(c.self_serving for c in cells):
        flags.append("self_serving")
    if any(c.updated for c in cells):
        flags.append("updated")
    lows = [c.low for c in cells if c.low is not None]
    if 0 in lows and any(v > 0 for v in lows):
        flags.append("denial")
    return tuple(flags)


def _omitted(
    omissions: Sequence[Claim], aliases: dict[str, str], registry: RegistryLike | None
) -> tuple[Omission, ...]:
    by_omitter: dict[str, list[Claim]] = defaultdict(list)
    for claim in omissions:
        by_omitter[aliases.get(claim.source, claim.source)].append(claim)
    out = []
    for name in sorted(by_omitter):
        group = by_omitter[name]
        said = sorted({c.source for c in group if c.source != name})
        out.append(
            Omission(
                source=name,
                source_type=source_type_of(group, registry),
                claim_ids=tuple(sorted(c.claim_id for c in group)),
                reported_as=", ".join(said) or None,
            )
        )
    return tuple(out)


def build_row(
    key: RowKey,
    claims: Sequence[Claim],
    omissions: Sequence[Claim],
    registry: RegistryLike | None,
    aliases: dict[str, str] | None = None,
) -> Row:
    """Reconcile the claims and omissions of one victim × outcome of one incident."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    cells = [build_cell(by_source[s], registry) for s in sorted(by_source)]
    cells = _mark_self_serving(cells, by_source, key, registry)
    omitted = _omitted(omissions, aliases or {}, registry)
    low, high, spread = _bounds(cells)
    best, reason = best_estimate(cells)
    everything = [*claims, *omissions]
    category = _most_common(
        [c.victim_category for c in everything if c.victim_category != "unspecified"]
    ) or _most_common([c.victim_category for c in everything])
    return Row(
        victim=key[0] or None,
        victim_category=category,
        outcome=key[2],
        cells=tuple(cells),
        omissions=omitted,
        low=low,
        high=high,
        spread=spread,
        flags=_flags(cells, omitted),
        best=best,
        best_reason=reason,
    )


def _omission_key(
    omission: Claim,
    keys: Sequence[RowKey],
    categories: dict[RowKey, str | None],
    registry: RegistryLike | None,
) -> RowKey:
    """The row an omission speaks of.

    Its own victim × outcome where that row exists; for "losses" in general, the victim's first
    row; without a victim, the one row of the source's own side ("made no mention of its
    losses"), or the incident's only row; else a row of its own.
    """
    own = row_key(omission)
    if own in keys:
        return own
    general = omission.outcome == "killed_or_wounded"
    if omission.victim:
        if general:
            same_victim = [k for k in keys if k[0] == omission.victim]
            if same_victim:
                return same_victim[0]
        return own
    wanted = omission.victim_category
    candidates = [
        k
        for k in keys
        if (general or k[2] == omission.outcome)
        and (wanted in (None, "unspecified") or categories.get(k) in (None, wanted))
    ]
    side = source_side(omission.source, omission.source_type, registry)
    if side is not None:
        ours = [k for k in candidates if k[0] and actor_side(k[0], registry) == side]
        if len({(k[0], k[1]) for k in ours}) == 1:
            return ours[0]
    if len(keys) == 1:
        return keys[0]
    return own


def omission_aliases(claims: Sequence[Claim], registry: RegistryLike | None) -> dict[str, str]:
    """Silent sources to show in the column of the one source of the same side and type.

    "Syrian state media made no mention of the army's losses" is about what SANA, the state
    media that speaks in the same incident, left out. Only with a registry (which knows
    sides), only for a source that makes no claim itself, and only when the peer is unique.
    """
    if registry is None:
        return {}
    speakers: dict[str, tuple[str, str | None]] = {}
    for claim in claims:
        if claim.kind != "omission" and claim.source not in speakers:
            kind = source_type_of([claim], registry)
            speakers[claim.source] = (kind, source_side(claim.source, kind, registry))
    aliases = {}
    for claim in claims:
        if claim.kind != "omission" or claim.source in speakers:
            continue
        own_kind = source_type_of([claim], registry)
        side = source_side(claim.source, own_kind, registry)
        if side is None:
            continue
        peers = [s for s, (kind, sd) in speakers.items() if sd == side and kind == own_kind]
        if len(peers) == 1:
            aliases[claim.source] = peers[0]
    return aliases


def build_rows(claims: Sequence[Claim], registry: RegistryLike | None) -> tuple[Row, ...]:
    """All rows of one incident, in a stable order: named victims, then outcome order."""
    figures: dict[RowKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != "omission":
            figures[row_key(claim)].append(claim)
    keys = sorted(figures, key=_sort_key)
    categories = {k: _most_common([c.victim_category for c in figures[k]]) for k in keys}
    silences: dict[RowKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == "omission":
            silences[_omission_key(claim, keys, categories, registry)].append(claim)
    aliases = omission_aliases(claims, registry)
    all_keys = sorted(set(keys) | set(silences), key=_sort_key)
    return tuple(
        build_row(k, figures.get(k, []), silences.get(k, []), registry, aliases) for k in all_keys
    )
