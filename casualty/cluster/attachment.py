"""One round of attachment by average link (step 3 of `assign`), and what tunes it.

`attach` scores every unit against every group it has a candidate pair with, as the average
pair score over all the group's members, and moves the unit by the rules in `assign`'s
docstring: a unit that is not seeded joins the best group above the threshold, a seeded unit
leaves its group only for a clearly better one, a lone seed only for a larger group on strong
evidence, and a misdated report for the group a day away that repeats its count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.cluster import arrays, groups

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]


#: How much better another group's average must be before a seeded unit leaves its own.
MOVE_MARGIN: Final = 1.0
#: How much lower the bar is for a unit that is not part of a seed group of other reports
#: when its best group beats every other candidate by at least as much: with one clear
#: candidate (and no other report of its own day and place), a day's disagreement between
#: sources is likelier than a second incident. Among a city's daily strikes there is no
#: clear winner, and the full threshold applies.
LONE_RELIEF: Final = 1.5
#: A lone report with an exact day at a named place is an incident of its own unless the
#: evidence says it is another's misdated report: it moves into a larger group when it repeats
#: a count given there (a relay) and the relaxed bar holds, or when its average beats the
#: threshold by this much. Without a repeated count, a report a day off an incident at its
#: place is as likely the next strike on a city struck daily, where one spokesman gives a new
#: toll every day (which scores as a same-source update).
LONE_EXTRA: Final = 1.0
#: The figures bonus above which a pair repeats a count (a relay scores 0.5 + log10(n + 1));
#: a same-source update or a repeated range word scores exactly this.
COUNT_RELAY: Final = 0.5
#: What each further pair repeating a count adds to a unit's score against a group (up to
#: `RELAY_CAP` steps): a figure that several of a group's reports give is that incident's
#: toll, where one matching report in a city struck daily may be a coincidence. A pair adds
#: a full step only for a figure of ten or more (its relay bonus less `COUNT_RELAY`, capped
#: at 1): "one killed" repeated is what many incidents' reports say.
RELAY_STEP: Final = 1.0
RELAY_CAP: Final = 3
#: The further relays (weighted as for `RELAY_STEP`) with which a group's reports repeat a
#: report's figure for it to be that group's toll: a report that repeats none of its own
#: group's counts but gives the toll of the incident a day away is its misdated report.
TOLL_RELAYS: Final = 1.0
#: The share of a unit's pairs with a group that must contradict it (other actors) before the
#: group counts as at odds with it: one report with the sides swapped does not make it so.
CLASH_SHARE: Final = 0.5
#: How far the best group must beat the runner-up for a report dated only to a window of
#: weeks to join it (`attach`'s `wide` units).
WIDE_MARGIN: Final = 0.5


def attach(
    unit: IntArray,
    group: IntArray,
    group_key: IntArray,
    a: IntArray,
    b: IntArray,
    score: FloatArray,
    bonus: FloatArray,
    same_place: BoolArray,
    threshold: float,
    vague: BoolArray | None = None,
    counted: BoolArray | None = None,
    conflict: BoolArray | None = None,
    wide: BoolArray | None = None,
    movable: BoolArray | None = None,
    accord: BoolArray | None = None,
) -> IntArray:
    """One attachment round; returns the new group of each unit (-1: none).

    `unit[i]` is claim i's unit, `group[u]` unit u's group (-1 when not seeded), `group_key[g]`
    a content key that orders groups for tie-breaking. A unit's score against a group is the
    average over all member pairs of `score` less its figures `bonus`, plus the best `bonus`
    of any pair: evidence such as a repeated figure links a report to one member, not to all
    of them. `vague[u]` marks
    units placed no better than their country: with one candidate group only, they join it
    at the relaxed bar, as a report a day off does. Only `counted` claims (all when None)
    enter the averages. Each further pair that repeats a count adds `RELAY_STEP`.

    `conflict[k]` marks pairs whose actors contradict each other: a group most of whose pairs
    with a unit conflict is at odds with it (`CLASH_SHARE`). A lone report does not move into
    a group at odds with it, and a report at odds with its own group that repeats none of its
    counts moves to the group at its place a day away that repeats one and is not at odds
    with it (see `groups.misdated`). `wide[u]` marks units dated only to a window of weeks: they
    join only a group that beats the runner-up by `WIDE_MARGIN`. Only `movable` units (all
    when None) may leave their group.
    """
    import numpy as np

    n_units = len(group)
    members = unit if counted is None else unit[counted]
    unit_size = np.bincount(members, minlength=n_units)
    seeded = group >= 0
    n_groups = len(group_key)
    group_size = (
        np.bincount(group[seeded], weights=unit_size[seeded], minlength=n_groups).astype(np.int64)
        if n_groups
        else np.zeros(0, dtype=np.int64)
    )
    # Each pair scores the unit on one side against the group of the unit on the other:
    # (ua -> group of ub) entries, then (ub -> group of ua), each side filtered to seeded
    # groups (and to units that may move) before the two are joined, so that no array of
    # twice the pairs is built in vain (a million claims have ten million pairs).
    ua, ub = unit[a], unit[b]
    between = ua != ub
    if counted is not None:
        between &= counted[a] & counted[b]
    to_b, to_a = between & (group[ub] >= 0), between & (group[ua] >= 0)
    del between
    if movable is not None:
        to_b &= movable[ua]
        to_a &= movable[ub]
    one, two = np.flatnonzero(to_b), np.flatnonzero(to_a)
    del to_a, to_b
    src = _joined(ua, one, ub, two)
    dst_group = _joined(ub, one, ua, two)
    del ua, ub
    dst_group = group[dst_group]
    result = group.copy()
    if len(src) == 0:
        return result
    key = src * np.int64(n_groups) + dst_group
    del src, dst_group
    uniq, inv = arrays.unique_inverse(key, consume=True)
    del key
    # The figures count once, through `evidence` below, not in every pair of the average.
    base = np.concatenate([score[one] - bonus[one], score[two] - bonus[two]])
    total = np.bincount(inv, weights=base)
    del base
    pair_bonus = np.concatenate([bonus[one], bonus[two]])
    best_bonus = np.zeros(len(uniq))
    np.maximum.at(best_bonus, inv, pair_bonus)
    # A relay of a small figure is weak evidence ("one killed" is given by many incidents):
    # each further pair adds as much as its figure is informative, up to a full step.
    weight = np.clip(pair_bonus - COUNT_RELAY, 0.0, 1.0)
    top_weight = np.zeros(len(uniq))
    np.maximum.at(top_weight, inv, weight)
    relays = np.bincount(inv, weights=weight, minlength=len(uniq)) - top_weight
    del weight, top_weight
    del pair_bonus
    elsewhere = ~np.concatenate([same_place[one], same_place[two]])
    all_same = np.bincount(inv, weights=elsewhere, minlength=len(uniq)) == 0
    del elsewhere
    clash = np.zeros(len(uniq), dtype=bool)
    agree = np.zeros(len(uniq), dtype=bool)
    if conflict is not None or accord is not None:
        pairs = np.bincount(inv, minlength=len(uniq))
        if conflict is not None:
            against = np.bincount(inv, np.concatenate([conflict[one], conflict[two]]), len(uniq))
            clash = against > CLASH_SHARE * pairs
            del against
        if accord is not None:
            same = np.bincount(inv, np.concatenate([accord[one], accord[two]]), len(uniq))
            agree = same > CLASH_SHARE * pairs
            del same
        del pairs
    del inv, one, two
    cu, cg = uniq // n_groups, uniq % n_groups
    others = group_size[cg] - np.where(group[cu] == cg, unit_size[cu], 0)
    evidence = best_bonus + RELAY_STEP * np.clip(relays, 0, RELAY_CAP)
    avg = np.where(others > 0, total / np.maximum(others * unit_size[cu], 1) + evidence, -np.inf)
    own = group[cu] == cg
    own_avg = np.full(n_units, -np.inf)
    own_avg[cu[own]] = avg[own]
    own_relay = np.zeros(n_units, dtype=bool)
    own_relay[cu[own]] = best_bonus[own] > COUNT_RELAY
    own_clash = np.zeros(n_units, dtype=bool)
    own_clash[cu[own]] = clash[own]
    # Victims alone move a report only when its group's other reports outnumber it: of two
    # reports of one day at odds with each other, either may be the misdated one.
    outnumbered = np.zeros(n_units, dtype=bool)
    outnumbered[cu[own]] = others[own] > unit_size[cu[own]]
    # Best other group per unit (highest average, then smallest group key, then group) and
    # the runner-up's average: a clear winner may join below the threshold. Entries come
    # sorted by unit (`uniq` is), so each unit's entries are one segment.
    best, runner_up = groups.best_of_segments(cu, cg, avg, ~own, group_key)
    bu, bg, ba, bsame = cu[best], cg[best], avg[best], all_same[best]
    brelay, bclash = best_bonus[best] > COUNT_RELAY, clash[best]
    second_of = np.full(n_units, -np.inf)
    second_of[bu] = runner_up
    # Only a disagreement about the day is forgiven: the place must be the same.
    clear = (ba - second_of[bu] >= LONE_RELIEF) & bsame
    home = np.maximum(group[bu], 0)  # each unit's own group (0 stands in where none)
    own_size, own_key = group_size[home], group_key[home]
    alone = seeded[bu] & (own_size == unit_size[bu])
    bigger = (group_size[bg] > own_size) | (
        (group_size[bg] == own_size) & (group_key[bg] < own_key)
    )
    if vague is not None:
        # A unit placed no better than its country, with a single incident of its country in
        # reach: that incident is the one the report is about, unless the evidence is weak.
        clear |= vague[bu] & (second_of[bu] == -np.inf)
    relaxed = (ba >= threshold) | (clear & (ba >= threshold - LONE_RELIEF))
    lone_ok = (clear & brelay & (ba >= threshold - LONE_RELIEF)) | (ba >= threshold + LONE_EXTRA)
    # In a place struck day after day (groups on the days either side), a lone report is
    # likelier a strike of its own than a misdated report of the next day's: it moves only
    # when it also repeats a count of that day's (a day and a place, or a report dated by
    # its publication the day after, say nothing there).
    daily = groups.present(own_key - 1, group_key) & groups.present(own_key + 1, group_key)
    lone_ok &= ~bclash & (~daily | ((ba >= threshold + LONE_EXTRA) & brelay))
    leave = (ba >= threshold) & (ba > own_avg[bu] + MOVE_MARGIN)
    fits = groups.misdated(~own, all_same, best_bonus > COUNT_RELAY, agree & outnumbered[cu], clash)
    moved, _ = groups.best_of_segments(cu, cg, avg, fits, group_key)
    mu, mg = cu[moved], cg[moved]
    # At odds with its own group, or giving a toll that several reports of the other give.
    misdated = (own_clash[mu] | (relays[moved] >= TOLL_RELAYS)) & ~own_relay[mu]
    misdated &= avg[moved] >= threshold - LONE_RELIEF
    elsewhere_to = np.full(n_units, -1, dtype=np.int64)
    elsewhere_to[mu[misdated]] = mg[misdated]
    bg = np.where(seeded[bu] & ~alone & ~leave & (elsewhere_to[bu] >= 0), elsewhere_to[bu], bg)
    leave |= elsewhere_to[bu] >= 0
    if wide is not None:
        # A report dated only to a window of weeks names no day: with several incidents at
        # its place in that window and no clear best among them, it joins none.
        relaxed &= ~wide[bu] | (ba - second_of[bu] > WIDE_MARGIN)
    move = np.where(~seeded[bu], relaxed, np.where(alone, bigger & lone_ok, leave))
    if movable is not None:
        move &= movable[bu]
    result[bu[move]] = bg[move]
    return groups.follow_seeds(result, group, seeded, n_groups)


def _joined(x: IntArray, at_x: IntArray, y: IntArray, at_y: IntArray) -> IntArray:
    """`np.concatenate([x[at_x], y[at_y]])` without the two halves as temporaries."""
    import numpy as np

    out = np.empty(len(at_x) + len(at_y), dtype=np.int64)
    np.take(x, at_x, out=out[: len(at_x)])
    np.take(y, at_y, out=out[len(at_x) :])
    return out
