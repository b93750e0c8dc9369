"""The best estimate of a row, in the spirit of UCDP's low / best / high.

The rule, applied in order:

1. Only cells with a figure count; a self-serving figure (see `sides`) is set aside unless
   nothing else is left.
2. Sources are ranked by independence: international bodies and independent monitors first,
   then medical services, local officials and newsrooms, then unknown sources, then state
   media, belligerents and any source that speaks for a party (a registry `side`). Only the
   best-ranked sources present are used.
3. Each source contributes its lower bound ("at least 73" gives 73, "dozens" gives 24), or its
   upper bound when it gives only one ("up to 40").
4. With several such sources, the lower median of their figures is taken, so the best estimate
   is always a figure some source actually gave: never more precise than the sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median_low
from typing import Final

from casualty.reconcile.report import Cell

#: Rank of each source type for the best estimate; lower is preferred.
TIERS: Final = {
    "international": 0,
    "monitor": 0,
    "medical": 1,
    "official": 1,
    "media": 1,
    "unknown": 2,
    "state_media": 3,
    "belligerent": 3,
}
_TIER_NAMES: Final = (
    "international body or monitor",
    "medical, official or media",
    "unattributed or unknown",
    "state media, belligerent or partisan",
)


def figure_text(low: int | None, high: int | None, qualifier: str | None = None) -> str:
    """A figure in words of the table: `73`, `≥73`, `≤40`, `24–99`; `"heavy losses"` without one."""
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}–{high}"
    if low is not None:
        return f"≥{low}"
    if high is not None:
        return f"≤{high}"
    return f'"{qualifier}"' if qualifier else '"no figure"'


def tier(cell: Cell) -> int:
    """The rank of a cell's source for the best estimate (0 is the most independent)."""
    return 3 if cell.side is not None else TIERS.get(cell.source_type, 2)


def _point(cell: Cell) -> int | None:
    return cell.low if cell.low is not None else cell.high


def best_estimate(cells: Sequence[Cell]) -> tuple[int | None, str]:
    """The best estimate of a row and the reason for it, in one sentence."""
    numeric = [c for c in cells if _point(c) is not None]
    if not numeric:
        return None, "no source gives a figure"
    trusted = [c for c in numeric if not c.self_serving]
    set_aside = [c for c in numeric if c.self_serving]
    pool = trusted or numeric
    rank = min(tier(c) for c in pool)
    chosen = sorted(
        (c for c in pool if tier(c) == rank),
        key=lambda c: (_point(c) or 0, c.source),
    )
    best = median_low([_point(c) or 0 for c in chosen])
    listed = "; ".join(f"{c.source} {figure_text(c.low, c.high)}" for c in chosen)
    if len(chosen) == 1:
        reason = f"{_TIER_NAMES[rank]} figure ({listed})"
    else:
        reason = f"lower median of {len(chosen)} {_TIER_NAMES[rank]} figures ({listed})"
    others = [c for c in pool if c not in chosen]
    if others:
        reason += ", preferred over " + ", ".join(f"{c.source} ({c.source_type})" for c in others)
    if set_aside and trusted:
        reason += "; set aside as self-serving: " + ", ".join(c.source for c in set_aside)
    elif set_aside:
        reason += "; only self-serving figures are available"
    return best, reason
