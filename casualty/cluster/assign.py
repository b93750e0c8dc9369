"""From scored candidate pairs to incidents, without chaining.

1. **Document units.** Claims of one document whose pair is not vetoed (same or adjacent day,
   compatible place) form a unit; a unit always moves as a whole.
2. **Seeds.** Units with an exact day at a named place are grouped by (place, day): the
   obvious incidents.
3. **Attachment by average link** (`attachment.attach`). Every unit is scored against every
   seed group it has a candidate pair with, as the average pair score over all members (a
   missing pair counts as 0). A unit that is not seeded joins the best group when the average
   reaches the threshold; a seeded unit moves only when another group beats its own by a clear
   margin, and a lone seed only into a larger group (so two lone seeds never swap) that it
   repeats a count of or that it clearly beats the threshold for, that is not at odds with it
   (other actors), and, in a place struck on the days either side, only on strong evidence that
   includes a repeated count. A report at odds with its own group (or giving a toll that
   several reports of another group give) that repeats none of its counts moves to the best
   group a day away that repeats one or names its victims and is not at odds with it (a
   misdated report). Every further pair repeating a count adds to the average: a group's toll
   outweighs one coincidence. A report dated only to a window of weeks joins only a clearly
   best group. A report near a town dated to a day between two of the town's struck days, on
   which no report in the town is dated, joins neither. Because each unit is compared with a
   whole group, and groups do not grow during the round, a chain of pairwise links (a city
   struck day after day) cannot pull incidents together.
4. **The rest.** Units that joined nothing are grouped by their coarser place key and window
   and go through the same attachment among themselves; what is left stands alone.
5. **Second look** (`merge.join_lone_days`). A small group of reports agreeing on a wrong
   day joins the incident at its place when no other group competes (a place with groups on
   two adjacent days and none around them). Folding any small group into a clearly closer,
   twice larger one (the former `merge_small_groups`) is gone: in cities struck every day it
   merged whole incidents a day apart (synth B-cubed 0.936 -> 0.938 at 100k without it).

Everything is a function of the claims' content (ties broken by keys, never by input order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.cluster import arrays, groups
from casualty.cluster.arrays import components
from casualty.cluster.attachment import attach
from casualty.cluster.features import EXACT, KIND_CODES, WEAK, Table
from casualty.cluster.merge import LONE_FLOOR, join_lone_days, split_conflicts
from casualty.cluster.places import COUNTRY, LOCALITY

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

#: The kind code of an omission claim.
OMISSION: Final = KIND_CODES["omission"]
#: Windows (days) wider than this date a report too loosely to pick among daily incidents.
WIDE_WINDOW: Final = 4


def _dense(values: IntArray) -> tuple[IntArray, IntArray]:
    """(sorted distinct values, index of each value among them)."""

    return arrays.unique_inverse(values)


def _second_look(
    unit: IntArray,
    seed_group: IntArray,
    joined: IntArray,
    group_key: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    bonus: FloatArray,
    same_place: BoolArray,
    conflict: BoolArray,
    vague: BoolArray,
    counted: BoolArray,
    wide: BoolArray,
    threshold: float,
    accord: BoolArray | None = None,
    gap: BoolArray | None = None,
) -> IntArray:
    """Units that were not seeds look again, at the groups as the first round grew them.

    A report without a day at a named place was scored against the seeds alone; the other
    reports that joined since carry evidence too (a figure that only an undated report and a
    report by the province gave). A unit that joined a group moves, by the rules of a seeded
    unit, when another group now clearly beats its own; one that joined none may join one now.
    Only such units are scored.
    """
    import numpy as np

    free = seed_group < 0
    if gap is not None:
        free &= ~gap
    if not free.any():
        return joined
    again = attach(
        unit,
        joined,
        group_key,
        a,
        b,
        score,
        bonus,
        same_place,
        threshold,
        vague=vague,
        counted=counted,
        conflict=conflict,
        wide=wide,
        movable=free,
        accord=accord,
    )
    return np.asarray(np.where(free, again, joined), dtype=np.int64)


def cluster(
    t: Table,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    bonus: FloatArray,
    same_place: BoolArray,
    same_doc: BoolArray,
    conflict: BoolArray,
    threshold: float,
    accord: BoolArray | None = None,
) -> IntArray:
    """Incident label of every claim (labels are arbitrary integers; equal = one incident)."""
    import numpy as np

    n = len(t)
    unit = components(n, a[same_doc], b[same_doc])
    unit_ids, unit = _dense(unit)
    n_units = len(unit_ids)
    base = int(t.lo.min()) if n else 0
    seed_claim = (t.dating == EXACT) & (t.level == LOCALITY)
    claim_key = np.where(seed_claim, t.place * np.int64(1 << 24) + (t.lo - base), -1)
    # A unit's seed key: the smallest seed key among its members (-1 when none).
    unit_key = np.full(n_units, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(unit_key, unit[seed_claim], claim_key[seed_claim])
    seeded = unit_key != np.iinfo(np.int64).max
    group_key, group = _dense(unit_key[seeded])
    unit_group = np.full(n_units, -1, dtype=np.int64)
    unit_group[seeded] = group
    unit_group = split_conflicts(unit, unit_group, a, b, score, conflict, threshold)
    if len(unit_group) and unit_group.max() >= len(group_key):
        extra = int(unit_group.max()) + 1 - len(group_key)
        group_key = np.concatenate([group_key, np.full(extra, np.iinfo(np.int64).max - 1)])
    # Units placed no better than their country (or not at all).
    # Units dated only to a window of more than a few days (a report weeks later).
    wide = np.ones(n_units, dtype=bool)
    np.logical_and.at(wide, unit, (t.dating == WEAK) & (t.hi - t.lo > WIDE_WINDOW))
    vague = np.ones(n_units, dtype=bool)
    np.logical_and.at(vague, unit, t.level <= COUNTRY)
    # An omission (a source that gave no toll) shares little with other reports but its
    # document: it moves with its unit but does not dilute the unit's averages, unless the
    # unit is nothing but omissions.
    counted = t.kind != OMISSION
    has_claim = np.zeros(n_units, dtype=bool)
    has_claim[unit[counted]] = True
    counted |= ~has_claim[unit]
    gap = groups.between_days(t, unit, n_units, base, group_key) & (unit_group < 0)
    first = attach(
        unit,
        unit_group,
        group_key,
        a,
        b,
        score,
        bonus,
        same_place,
        threshold,
        vague,
        counted,
        conflict,
        wide,
        accord=accord,
        movable=~gap,
    )
    first = _second_look(
        unit,
        unit_group,
        first,
        group_key,
        a,
        b,
        score,
        bonus,
        same_place,
        conflict,
        vague,
        counted,
        wide,
        threshold,
        accord,
        gap,
    )

    # Second round among units that joined nothing, grouped by a coarser key.
    left = first < 0
    coarse = np.where(t.place > 0, t.place, np.where(t.admin > 0, t.admin + (1 << 30), 0))
    coarse_key = (coarse * np.int64(1 << 12) + ((t.hi - t.lo).clip(0, 4095))) * np.int64(
        1 << 24
    ) + (t.lo - base).clip(0, (1 << 24) - 1)
    unit_coarse = np.full(n_units, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(unit_coarse, unit, np.where(coarse > 0, coarse_key, np.iinfo(np.int64).max))
    eligible = left & (unit_coarse != np.iinfo(np.int64).max)
    key2, group2 = _dense(unit_coarse[eligible])
    unit_group2 = np.full(n_units, -1, dtype=np.int64)
    unit_group2[eligible] = group2
    inside = left[unit[a]] & left[unit[b]]
    second = attach(
        unit,
        unit_group2,
        key2,
        a[inside],
        b[inside],
        score[inside],
        bonus[inside],
        same_place[inside],
        threshold,
    )

    label = np.where(first >= 0, first, -1)
    offset = len(group_key)
    claim_label = np.where(label[unit] >= 0, label[unit], -1)
    seeded_at = np.where(group_key < np.iinfo(np.int64).max - 1, group_key, -1)
    merged = join_lone_days(
        claim_label, claim_key, a, b, score, bonus, LONE_FLOOR, seeded_at, conflict, counted
    )
    # Back to units (a unit's claims share a label).
    label = np.where(label >= 0, -1, label)
    label[unit[merged >= 0]] = merged[merged >= 0]
    label = np.where((label < 0) & (second >= 0), second + offset, label)
    offset += len(key2)
    alone = label < 0
    label[alone] = offset + np.arange(int(alone.sum()))
    return np.asarray(label[unit], dtype=np.int64)
