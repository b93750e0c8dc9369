"""Cities struck day after day: which day's incident a misdated report belongs to.

Hand-built claim sets (and pairs for `merge.join_lone_days`) for the rules that tell the
incidents of consecutive days apart: a report that names another day's victims is that day's
misdated report; a group is anchored at the day it was seeded with; two groups a day apart
that name other actors stay apart.
"""

from __future__ import annotations

import numpy as np
from claim_factory import claim_factory

from casualty.cluster import Clustering, attachment, cluster_claims, merge
from casualty.model import Claim

claim = claim_factory(
    "d{n:06d}",
    "daily{n}",
    "Monitor",
    country="SY",
    location="Saraqib",
    perpetrator="Russian forces",
)


def incident_of(result: Clustering) -> dict[str, str | None]:
    return {c.claim_id: c.incident_id for c in result.claims}


def test_a_report_naming_the_day_befores_victims_is_that_days_misdated_report() -> None:
    # One strike a day for three days, each on other victims and with its own toll. A report
    # dated to the middle day names the first day's victims and gives no figure: sources
    # disagree on the day more often than one report names other victims than every other
    # report of its day and, by chance, those of the day before.
    victims = {3: "Islamic State", 4: "civilians", 5: "Syrian opposition"}
    days = {
        day: [
            claim(date=f"2018-02-{day:02d}", victim=victims[day], low=day, high=day, source=s)
            for s in ("Monitor", "Medics", "Civil defence")
        ]
        for day in victims
    }
    misdated = claim(
        date="2018-02-04", victim="Islamic State", qualifier="heavy losses", source="Activists"
    )
    result = incident_of(cluster_claims([*days[3], *days[4], *days[5], misdated]))
    assert result[misdated.claim_id] == result[days[3][0].claim_id]
    # The days themselves stay apart.
    assert len({result[c[0].claim_id] for c in days.values()}) == 3


def test_a_report_naming_its_own_days_victims_stays_with_its_day() -> None:
    # The same report naming the middle day's victims is that day's.
    victims = {3: "Islamic State", 4: "civilians", 5: "Syrian opposition"}
    days = {
        day: [
            claim(date=f"2018-02-{day:02d}", victim=victims[day], low=day, high=day, source=s)
            for s in ("Monitor", "Medics", "Civil defence")
        ]
        for day in victims
    }
    report = claim(date="2018-02-04", victim="civilians", source="Activists")
    result = incident_of(cluster_claims([*days[3], *days[4], *days[5], report]))
    assert result[report.claim_id] == result[days[4][0].claim_id]


def _keys(place: int, days: list[int]) -> np.ndarray:
    return np.array([place << 24 | d for d in days], dtype=np.int64)


def _all_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.triu_indices(n, 1)
    return a.astype(np.int64), b.astype(np.int64)


def test_a_group_is_anchored_at_the_day_it_was_seeded_with() -> None:
    # Groups seeded at days 10, 11 and 12 of one place. The day-12 group holds two reports
    # that gave day 13 (misdated) and one that gave 12: its claims' most common day is 13,
    # but it is the day-12 incident, so days 10 and 11 have a neighbour and do not join.
    label = np.array([0, 0, 0, 1, 2, 2, 2], dtype=np.int64)
    key = _keys(5, [10, 10, 10, 11, 13, 13, 12])
    a, b = _all_pairs(len(label))
    score, bonus = np.full(len(a), 4.0), np.zeros(len(a))
    by_majority = merge.join_lone_days(label, key, a, b, score, bonus, merge.LONE_FLOOR)
    assert by_majority[3] == 0  # read by its claims, day 12 looks empty: 11 folds into 10
    seeded_at = np.array([key[0], key[3], key[6]], dtype=np.int64)
    anchored = merge.join_lone_days(
        label, key, a, b, score, bonus, merge.LONE_FLOOR, seeded_at=seeded_at
    )
    assert anchored.tolist() == label.tolist()


def test_groups_a_day_apart_that_name_other_actors_do_not_join() -> None:
    # The only two groups of a place, a day apart: the smaller joins the larger when their
    # reports link well enough, unless most of their pairs name other actors.
    label = np.array([0, 0, 0, 1, 1], dtype=np.int64)
    key = _keys(7, [20, 20, 20, 21, 21])
    a, b = _all_pairs(len(label))
    score, bonus = np.full(len(a), 2.0), np.zeros(len(a))
    agree = np.zeros(len(a), dtype=bool)
    joined = merge.join_lone_days(label, key, a, b, score, bonus, 1.0, conflict=agree)
    assert set(joined.tolist()) == {0}
    clash = (label[a] != label[b]) & ~((a == 2) & (b == 3))  # all but one cross pair
    apart = merge.join_lone_days(label, key, a, b, score, bonus, 1.0, conflict=clash)
    assert apart.tolist() == label.tolist()


def test_omissions_do_not_weigh_on_joining_a_lone_day() -> None:
    # A day-21 group of one report and its outlet's omission (which names the outlet's own
    # side as the victims) next to the day-20 incident: the omission neither lowers the
    # average link nor counts as other actors.
    label = np.array([0, 0, 0, 1, 1], dtype=np.int64)
    key = _keys(9, [20, 20, 20, 21, 21])
    a, b = _all_pairs(len(label))
    to_omission = b == 4
    score = np.where(to_omission, -2.0, 2.0)
    conflict = to_omission & (a < 3)
    bonus = np.zeros(len(a))
    counted = np.array([True, True, True, True, False])
    apart = merge.join_lone_days(label, key, a, b, score, bonus, 1.0, conflict=conflict)
    assert apart.tolist() == label.tolist()
    joined = merge.join_lone_days(
        label, key, a, b, score, bonus, 1.0, conflict=conflict, counted=counted
    )
    assert set(joined.tolist()) == {0}


def _attach_one(figure_bonus: float) -> int:
    # Claim 0 is in group 0 with claim 1 (they link at 5); group 1 is four reports that link
    # to each other at 6 and to claim 0 at 3 plus the bonus of a figure they all repeat.
    unit = np.arange(6, dtype=np.int64)
    group = np.array([0, 0, 1, 1, 1, 1], dtype=np.int64)
    a, b = _all_pairs(6)
    inside = group[a] == group[b]
    score = np.where(inside, np.where(a == 0, 5.0, 6.0), 3.0)
    bonus = np.where(~inside & (a == 0), figure_bonus, 0.0)
    score = score + bonus
    same_place = np.ones(len(a), dtype=bool)
    out = attachment.attach(
        unit, group, np.array([10, 20], dtype=np.int64), a, b, score, bonus, same_place, 3.0
    )
    return int(out[0])


def test_many_reports_repeating_a_small_figure_are_weak_evidence() -> None:
    # "1 killed" (a relay bonus of 0.5 + log10(2)) repeated by four reports of another group
    # does not pull a report from its own group; "40 killed" (0.5 + log10(41)) does.
    assert _attach_one(0.5 + float(np.log10(2))) == 0
    assert _attach_one(0.5 + float(np.log10(41))) == 1


def test_a_report_near_the_town_between_two_struck_days_stays_apart() -> None:
    # The town is struck on days 3 and 5 (other victims each day). A report placed near it
    # on day 4, which no report placed in the town dates, is day 4's own incident: it joins
    # neither, though it names day 5's victims and day 3's are at odds with it.
    victims = {3: "Islamic State", 5: "civilians"}
    days = {
        day: [
            claim(date=f"2018-02-{day:02d}", victim=victims[day], low=day, high=day, source=s)
            for s in ("Monitor", "Medics", "Civil defence")
        ]
        for day in victims
    }
    near = claim(location="east of Saraqib", date="2018-02-04", victim="civilians")
    result = incident_of(cluster_claims([*days[3], *days[5], near]))
    assert result[near.claim_id] not in {result[days[3][0].claim_id], result[days[5][0].claim_id]}


def test_a_report_giving_the_toll_of_the_day_before_is_its_misdated_report() -> None:
    # Daily strikes on one town by one side on civilians, each day with its own toll. A
    # report dated to the middle day gives the first day's toll, which three reports of that
    # day give and none of its own day does: it is the first day's report, misdated.
    tolls = {3: 12, 4: 5, 5: 7}
    days = {
        day: [
            claim(date=f"2018-02-{day:02d}", victim="civilians", low=n, high=n, source=s)
            for s in ("Monitor", "Medics", "Civil defence")
        ]
        for day, n in tolls.items()
    }
    report = claim(date="2018-02-04", victim="civilians", low=12, high=12, source="Activists")
    result = incident_of(cluster_claims([*days[3], *days[4], *days[5], report]))
    assert result[report.claim_id] == result[days[3][0].claim_id]
    assert len({result[c[0].claim_id] for c in days.values()}) == 3


def test_two_groups_the_same_size_a_day_apart_and_alone_join() -> None:
    # Two reports give day 20 and two day 21 at a place hit on no other day around: one
    # incident, whichever pair has the day wrong.
    label = np.array([0, 0, 1, 1], dtype=np.int64)
    key = _keys(3, [20, 20, 21, 21])
    a, b = _all_pairs(len(label))
    score, bonus = np.full(len(a), 3.0), np.zeros(len(a))
    joined = merge.join_lone_days(label, key, a, b, score, bonus, merge.LONE_FLOOR)
    assert set(joined.tolist()) == {0}


def test_of_two_reports_at_odds_on_one_day_only_the_one_repeating_a_toll_moves() -> None:
    # Day 3 has two reports that name other victims: one names day 4's (a misdated report
    # of day 4, which repeats day 4's toll), the other day 2's victims with a toll of its
    # own. One against one says nothing about which report is the day's: only the one that
    # repeats a toll of the day after moves; the other stays the day-3 incident.
    day2 = [
        claim(date="2018-02-02", victim="civilians", low=6, high=6, source=s)
        for s in ("Monitor", "Medics", "Civil defence")
    ]
    day4 = [
        claim(date="2018-02-04", victim="Islamic State", low=8, high=8, source=s)
        for s in ("Monitor", "Medics", "Civil defence")
    ]
    own = claim(date="2018-02-03", victim="civilians", low=2, high=2, source="Police")
    misdated = claim(date="2018-02-03", victim="Islamic State", low=8, high=8, source="Activists")
    result = incident_of(cluster_claims([*day2, *day4, own, misdated]))
    assert result[misdated.claim_id] == result[day4[0].claim_id]
    assert result[own.claim_id] != result[day2[0].claim_id]


def test_in_a_place_struck_daily_a_lone_report_moves_only_with_a_repeated_count() -> None:
    # Days 3, 4 and 5 are struck; day 4's only report names no day (so it is dated by its
    # publication, which often follows a strike by a day) and gives its own toll. Next to
    # the strikes of the days around, that is day 4's strike, not a late report of day 3's.
    days = {
        day: [
            claim(date=f"2018-02-{day:02d}", victim="civilians", low=day, high=day, source=s)
            for s in ("Monitor", "Medics", "Civil defence")
        ]
        for day in (3, 5)
    }

    def lone(low: int) -> Claim:
        return claim(
            date="2018-02-04",
            published="2018-02-04",
            victim="civilians",
            low=low,
            high=low,
            source="Activists",
            text=f"Shelling killed {low} civilians in Saraqib, activists said.",
        )

    own = lone(11)
    result = incident_of(cluster_claims([*days[3], *days[5], own]))
    assert result[own.claim_id] not in {result[days[3][0].claim_id], result[days[5][0].claim_id]}
    # Repeating the toll day 3's reports give, it is their late report.
    late = lone(3)
    result = incident_of(cluster_claims([*days[3], *days[5], late]))
    assert result[late.claim_id] == result[days[3][0].claim_id]
