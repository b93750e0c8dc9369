"""Incident clustering: one hand-built claim set per rule, and invariants under hypothesis."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from claim_factory import claim_factory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casualty.cluster import (
    DEFAULT_THRESHOLD,
    Clustering,
    cluster_claims,
    explain_incident,
    explanation_lines,
)
from casualty.model import Claim

claim = claim_factory("t{n:06d}", "doc{n}", "Monitor", country="SY")


def groups(result: Clustering) -> list[set[str]]:
    out: dict[str, set[str]] = {}
    for c in result.claims:
        assert c.incident_id
        out.setdefault(c.incident_id, set()).add(c.claim_id)
    return sorted(out.values(), key=lambda g: sorted(g))


def same(result: Clustering, *ids: str) -> bool:
    by_id = {c.claim_id: c.incident_id for c in result.claims}
    return len({by_id[i] for i in ids}) == 1


@pytest.mark.parametrize(
    ("first", "second", "country"),
    [
        ("Deir ez-Zor", "Dayr az Zawr", "SY"),
        ("Deir Ezzor", "Deir al-Zour", "Syria"),
        ("Palmyra", "Tadmur", "SYR"),
        ("Kobani", "Ayn al-Arab", "SY"),
        ("Bakhmut", "Artemivsk", "UA"),
        ("Bakhmut", "Артемовск", "Ukraine"),
        ("Deir ez-Zor", "دير الزور", "SY"),
        ("Raqqa", "a village near Raqqa", "SY"),
    ],
)
def test_spellings_of_one_place_merge(first: str, second: str, country: str) -> None:
    a = claim(location=first, country=country, date="2017-09-28", low=12, high=12)
    b = claim(location=second, country=country, date="2017-09-28", source="Other", low=20)
    result = cluster_claims([a, b])
    assert same(result, a.claim_id, b.claim_id)


def test_same_place_two_days_apart_with_other_actors_stays_apart() -> None:
    a = claim(location="Raqqa", date="2017-06-01", perpetrator="Islamic State", low=5, high=5)
    b = claim(location="Raqqa", date="2017-06-03", perpetrator="US-led coalition", low=9, high=9)
    assert not same(cluster_claims([a, b]), a.claim_id, b.claim_id)


def test_daily_strikes_on_one_city_do_not_chain() -> None:
    claims = []
    for day in range(1, 21):
        for k in range(3):
            claims.append(
                claim(
                    location="Aleppo",
                    date=f"2016-08-{day:02d}",
                    perpetrator="Russian forces",
                    victim="civilians",
                    source=("Monitor", "Medics", "State media")[k],
                    low=day + 3 * k,
                    high=day + 3 * k,
                )
            )
    result = cluster_claims(claims)
    incidents = groups(result)
    assert len(incidents) == 20
    assert max(len(g) for g in incidents) == 3
    ids = {c.incident_id for c in result.claims}
    assert "2016-08-05-aleppo" in ids


def test_claims_of_one_document_stay_together() -> None:
    doc = "report-1"
    killed = claim(doc=doc, location="Homs", date="2015-10-01", low=15, high=15)
    wounded = claim(doc=doc, outcome="wounded", low=40, high=40)  # no place, no date
    omission = claim(doc=doc, kind="omission", source="State media", date="2015-10-01")
    result = cluster_claims([killed, wounded, omission])
    assert same(result, killed.claim_id, wounded.claim_id, omission.claim_id)


def test_a_document_mentioning_an_older_incident_keeps_it_apart() -> None:
    doc = "report-2"
    today = claim(doc=doc, location="Homs", date="2015-10-01", low=15, high=15)
    older = claim(doc=doc, location="Homs", date="2015-09-20", low=7, high=7)
    assert not same(cluster_claims([today, older]), today.claim_id, older.claim_id)


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        ("Qasr Nabil", "Hayy Warda", False),
        ("Qasr Nabil", "Qasr Nabeel", True),
    ],
)
def test_unknown_districts_of_one_city_are_told_apart_by_name(
    first: str, second: str, together: bool
) -> None:
    # Names the gazetteer lacks take their city's coordinates, so distance cannot tell
    # them apart; unlike names are two places, alike ones a spelling variant.
    doc = "report-3"
    where = {"admin1": "Baghdad", "country": "IQ", "lat": 33.34, "lon": 44.40}
    a = claim(doc=doc, location=first, date="2016-07-03", low=30, high=30, **where)
    b = claim(doc=doc, location=second, date="2016-07-03", low=5, high=5, **where)
    assert same(cluster_claims([a, b]), a.claim_id, b.claim_id) is together


def test_a_sources_toll_update_is_the_same_incident() -> None:
    first = claim(
        source="Monitor",
        location="Idlib",
        date="2018-02-05",
        low=10,
        high=10,
        victim="civilians",
        published="2018-02-05",
    )
    update = claim(
        source="Monitor",
        location="Idlib",
        published="2018-02-06",
        low=23,
        high=23,
        victim="civilians",
    )
    assert same(cluster_claims([first, update]), first.claim_id, update.claim_id)


def test_neighbouring_towns_on_one_day_stay_apart() -> None:
    # Douma and Harasta are a few kilometres apart in Eastern Ghouta.
    a = claim(
        location="Douma", date="2018-02-20", perpetrator="Syrian government forces", low=30, high=30
    )
    b = claim(
        location="Harasta",
        date="2018-02-20",
        perpetrator="Syrian government forces",
        low=4,
        high=4,
        source="Other",
    )
    assert not same(cluster_claims([a, b]), a.claim_id, b.claim_id)


def test_towns_far_apart_on_one_day_stay_apart() -> None:
    a = claim(location="Aleppo", date="2018-02-20", low=3, high=3)
    b = claim(location="Daraa", date="2018-02-20", low=3, high=3, source="Other")
    assert not same(cluster_claims([a, b]), a.claim_id, b.claim_id)


def test_publication_only_report_joins_the_incident_it_follows() -> None:
    dated = claim(location="Mosul", country="IQ", date="2017-07-14", low=40, high=40)
    later = claim(
        location="Mosul", country="IRQ", published="2017-07-16", low=40, high=40, source="Other"
    )
    assert same(cluster_claims([dated, later]), dated.claim_id, later.claim_id)


def test_admin_area_only_claim_joins_the_incident_in_that_area() -> None:
    town = claim(location="Mayadin", date="2017-10-02", low=8, high=8, perpetrator="Islamic State")
    area = claim(
        location="Deir ez-Zor countryside",
        date="2017-10-02",
        low=8,
        high=8,
        source="Other",
        perpetrator="Islamic State",
    )
    assert same(cluster_claims([town, area]), town.claim_id, area.claim_id)


def test_two_incidents_same_day_same_place_get_numbered_ids() -> None:
    a1 = claim(
        location="Baghdad",
        country="IQ",
        date="2016-07-03",
        perpetrator="Islamic State",
        victim="civilians",
        published="2016-07-03",
    )
    a2 = claim(
        location="Baghdad",
        country="IQ",
        date="2016-07-03",
        perpetrator="Islamic State",
        victim="civilians",
        source="Other",
        published="2016-07-03",
    )
    b1 = claim(
        location="Baghdad",
        country="IQ",
        date="2016-07-03",
        perpetrator="US-led coalition",
        victim="Islamic State",
        published="2016-07-04",
    )
    b2 = claim(
        location="Baghdad",
        country="IQ",
        date="2016-07-03",
        perpetrator="US-led coalition",
        victim="Islamic State",
        source="Other",
        published="2016-07-04",
    )
    result = cluster_claims([a1, a2, b1, b2])
    by_id = {c.claim_id: c.incident_id for c in result.claims}
    assert by_id[a1.claim_id] == by_id[a2.claim_id] == "2016-07-03-baghdad"
    assert by_id[b1.claim_id] == by_id[b2.claim_id] == "2016-07-03-baghdad-2"


def test_reports_a_day_off_join_the_only_incident_at_their_place() -> None:
    # Five reports of one shelling; two agree on the day after. Nothing else happened there.
    reports = [
        claim(location="Saraqib", date="2018-02-04", low=9, high=9, source=s)
        for s in ("Monitor", "Medics", "Civil defence", "Activists")
    ]
    reports.append(claim(location="Idlib province", date="2018-02-04", low=9, high=9))
    off = [
        claim(location="Saraqib", date="2018-02-05", published="2018-02-05", low=12, high=12)
        for _ in range(2)
    ]
    result = cluster_claims([*reports, *off])
    assert same(result, *(c.claim_id for c in reports + off))


def test_a_report_a_day_off_stays_apart_in_a_city_struck_daily() -> None:
    # The same shape, but the place is hit on the days around as well: the day decides.
    claims = [
        claim(location="Saraqib", date=f"2018-02-{day:02d}", low=day, high=day, source=s)
        for day in (3, 4, 5, 6)
        for s in ("Monitor", "Medics", "Civil defence")
    ]
    result = cluster_claims(claims)
    assert len(groups(result)) == 4


def test_a_country_only_report_joins_the_only_incident_of_its_country_that_day() -> None:
    town = [
        claim(location="Tal Afar", country="IQ", date="2017-08-20", low=4, high=4, source=s)
        for s in ("Police", "Medics")
    ]
    vague = claim(country="Iraq", date="2017-08-20", low=6, high=6, source="Ministry")
    assert same(cluster_claims([*town, vague]), vague.claim_id, town[0].claim_id)
    # With a second incident in the country that day, the report could be about either.
    other = [
        claim(location="Basra", country="IQ", date="2017-08-20", low=2, high=2, source=s)
        for s in ("Police", "Medics")
    ]
    result = cluster_claims([*town, *other, vague])
    assert not same(result, vague.claim_id, town[0].claim_id)
    assert not same(result, vague.claim_id, other[0].claim_id)


def test_a_report_follows_a_day_off_report_into_its_incident() -> None:
    # A UN report placed by its province, dated only by publication weeks later, repeats the
    # figure of a local report that gives the day after; that report moves into the
    # incident, and the UN one goes with it.
    russian = {"perpetrator": "Russian forces"}
    main = [
        claim(location="Kafr Nabl", date="2019-05-10", low=7, high=7, source=s, **russian)
        for s in ("Monitor", "Medics", "Civil defence", "Activists")
    ]
    off = claim(location="Kafr Nabl", date="2019-05-11", low=9, high=9, **russian)
    un = claim(
        location="Idlib province",
        published="2019-06-02",
        low=9,
        high=9,
        source="UN",
        source_type="international",
        **russian,
    )
    result = cluster_claims([*main, off, un])
    assert same(result, un.claim_id, off.claim_id, *(c.claim_id for c in main))


def test_a_victim_word_for_anyone_does_not_contradict_named_victims() -> None:
    a = claim(location="Kharkiv", country="UA", date="2022-03-01", victim="civilians", low=10)
    b = claim(location="Kharkiv", country="UA", date="2022-03-01", victim="people", low=12)
    result = cluster_claims([a, b])
    assert same(result, a.claim_id, b.claim_id)
    link = (
        result.links[b.claim_id] if result.links[b.claim_id].other_id else result.links[a.claim_id]
    )
    assert dict(link.features)["victim"] == 0.0


def test_an_international_report_weeks_later_joins_the_incident() -> None:
    dated = claim(location="Kafr Nabl", date="2019-05-10", low=7, high=7)
    un = claim(
        location="Kafr Nabl",
        published="2019-06-15",
        low=7,
        high=7,
        source="UN",
        source_type="international",
    )
    assert same(cluster_claims([dated, un]), dated.claim_id, un.claim_id)


def test_an_i_y_spelling_without_a_country_finds_the_gazetteer_place() -> None:
    a = claim(location="Binnish", date="2019-03-02", low=5, high=5)
    b = claim(location="Bynnish", country=None, date="2019-03-02", low=8, high=8, source="B")
    assert same(cluster_claims([a, b]), a.claim_id, b.claim_id)


@pytest.mark.parametrize(
    ("first", "second", "relay"),
    [((12, 12), (12, None), True), ((12, None), (12, 12), True), ((24, 99), (24, 99), False)],
)
def test_a_repeated_figure_counts_as_a_relay_but_a_repeated_range_word_little(
    first: tuple[int, int | None], second: tuple[int, int | None], relay: bool
) -> None:
    a = claim(location="Afrin", date="2018-03-16", low=first[0], high=first[1])
    b = claim(location="Afrin", date="2018-03-16", low=second[0], high=second[1], source="B")
    result = cluster_claims([a, b])
    link = next(result.links[c.claim_id] for c in (a, b) if result.links[c.claim_id].other_id)
    figures = dict(link.features)["figures"]
    assert figures > 1.0 if relay else figures == 0.5


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Northern State", ("Northern", False, True)),
        ("Eastern Province", ("Eastern", False, True)),
        ("northern Aleppo", ("Aleppo", True, False)),
        ("a village near Raqqa", ("Raqqa", True, False)),
    ],
)
def test_a_direction_that_is_part_of_an_area_name_is_kept(
    written: str, expected: tuple[str, bool, bool]
) -> None:
    from casualty.cluster.places import strip_relative

    assert strip_relative(written) == expected


def test_a_publication_dated_report_joins_a_day_just_before_it_came_out() -> None:
    # A town hit on four days running; a report published on the fourth day without a date
    # is likelier about the day before or that day than about three days back.
    days = [
        [
            claim(location="Maarat al-Numan", date=f"2019-08-{d:02d}", low=3, high=3, source=s)
            for s in ("Monitor", "Medics")
        ]
        for d in (1, 2, 3, 4)
    ]
    report = claim(location="Maarat al-Numan", published="2019-08-04", low=8, high=8)
    result = cluster_claims([*(c for day in days for c in day), report])
    assert same(result, report.claim_id, days[2][0].claim_id) or same(
        result, report.claim_id, days[3][0].claim_id
    )


def test_a_date_after_publication_is_read_as_the_days_before() -> None:
    dated = claim(location="Manbij", date="2016-06-10", published="2016-06-10", low=6, high=6)
    late = claim(
        location="Manbij", date="2016-06-12", published="2016-06-11", low=6, high=6, source="B"
    )
    assert same(cluster_claims([dated, late]), dated.claim_id, late.claim_id)


def test_a_spelling_outside_the_gazetteer_matches_by_name() -> None:
    # "Tisna" is not in the gazetteer: it is compared by name, y and i alike.
    a = claim(location="Tisna", date="2019-03-02", low=5, high=5, source="Monitor")
    b = claim(location="Tysna", date="2019-03-02", low=7, high=7, source="Medics")
    assert same(cluster_claims([a, b]), a.claim_id, b.claim_id)


def test_period_totals_stay_out_of_incidents() -> None:
    strike = claim(location="Aleppo", date="2016-09-01", low=4, high=4)
    total = claim(
        kind="period_total",
        date="2016-09-01",
        date_end="2016-09-30",
        date_precision="month",
        low=400,
        source="Monitor",
    )
    result = cluster_claims([strike, total])
    by_id = {c.claim_id: c.incident_id for c in result.claims}
    assert by_id[total.claim_id].startswith("period-2016-09-01--2016-09-30")
    assert by_id[strike.claim_id] == "2016-09-01-aleppo"


def test_undated_unplaced_claim_gets_an_id() -> None:
    lone = claim(country=None)
    result = cluster_claims([lone])
    assert result.claims[0].incident_id == "undated-unknown"


def test_explanation_names_links_and_the_nearest_claim_kept_out() -> None:
    a = claim(location="Raqqa", date="2017-06-01", low=5, high=5, perpetrator="Islamic State")
    b = claim(
        location="Ar Raqqah",
        date="2017-06-01",
        low=5,
        high=5,
        source="Other",
        perpetrator="Islamic State",
    )
    c = claim(
        location="Raqqa",
        date="2017-06-02",
        low=11,
        high=11,
        source="Third",
        perpetrator="US-led coalition",
    )
    result = cluster_claims([a, b, c])
    incident = next(x.incident_id for x in result.claims if x.claim_id == a.claim_id)
    assert incident is not None
    expl = explain_incident(incident, result)
    links = {cl.claim_id: link for cl, link in expl.members}
    assert set(links) == {a.claim_id, b.claim_id}
    linked = [link for link in links.values() if link.other_id is not None]
    assert len(linked) == 1
    assert dict(linked[0].features)["place"] > 0
    assert expl.near_misses[0].claim.claim_id == c.claim_id
    assert {"date", "perpetrator"} <= set(expl.near_misses[0].short)
    text = "\n".join(explanation_lines(expl))
    assert c.claim_id in text and incident in text


def test_threshold_trades_merging_for_splitting() -> None:
    a = claim(location="Hama", date="2017-03-01", low=6, high=6)
    b = claim(location="Hama countryside", date="2017-03-01", low=9, high=9, source="Other")
    assert same(cluster_claims([a, b], threshold=DEFAULT_THRESHOLD), a.claim_id, b.claim_id)
    assert not same(cluster_claims([a, b], threshold=8.0), a.claim_id, b.claim_id)


def test_links_cover_every_claim() -> None:
    claims = [claim(location="Homs", date="2015-10-01", low=i, high=i) for i in range(1, 5)]
    result = cluster_claims(claims)
    assert set(result.links) == {c.claim_id for c in claims}
    seeds = [c for c in claims if result.links[c.claim_id].other_id is None]
    assert len(seeds) == 1


# -- invariants --------------------------------------------------------------------------

_PLACES = ["Raqqa", "Ar Raqqah", "Tabqa", "Homs", "Palmyra", "Tadmur", "Deir ez-Zor", None]
_ACTORS = ["Islamic State", "Syrian government forces", "US-led coalition", None]


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    size = draw(st.integers(min_value=1, max_value=25))
    out = []
    for i in range(size):
        day = draw(st.integers(min_value=1, max_value=6))
        dated = draw(st.booleans())
        low = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=60)))
        out.append(
            Claim(
                source=draw(st.sampled_from(["Monitor", "State media", "Medics"])),
                outcome=draw(st.sampled_from(["killed", "wounded"])),
                kind=draw(st.sampled_from(["claim", "claim", "claim", "omission", "period_total"])),
                claim_id=f"h{i:03d}",
                doc=f"d{draw(st.integers(min_value=0, max_value=8))}",
                published=f"2017-05-{day + 1:02d}",
                date=f"2017-05-{day:02d}" if dated else None,
                location=draw(st.sampled_from(_PLACES)),
                country=draw(st.sampled_from(["SY", "Syria", "SYR", None])),
                perpetrator=draw(st.sampled_from(_ACTORS)),
                victim=draw(st.sampled_from(["civilians", None])),
                low=low,
                high=low,
            )
        )
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_sets(), st.randoms(use_true_random=False))
def test_input_order_changes_neither_grouping_nor_ids(
    claims: list[Claim], rnd: random.Random
) -> None:
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    one = {c.claim_id: c.incident_id for c in cluster_claims(claims).claims}
    two = {c.claim_id: c.incident_id for c in cluster_claims(shuffled).claims}
    assert one == two


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_sets())
def test_every_claim_gets_exactly_one_incident(claims: list[Claim]) -> None:
    result = cluster_claims(claims)
    assert [c.claim_id for c in result.claims] == [c.claim_id for c in claims]
    assert all(c.incident_id for c in result.claims)
    assert [replace(c, incident_id=None) for c in result.claims] == claims


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_sets())
def test_ids_stay_when_claims_of_a_new_incident_are_added(claims: list[Claim]) -> None:
    before = {c.claim_id: c.incident_id for c in cluster_claims(claims).claims}
    # A new incident far away in place and time, reported later than everything else.
    newcomers = [
        Claim(
            source="Monitor",
            outcome="killed",
            claim_id=f"z{i}",
            doc=f"znew{i}",
            date="2019-01-10",
            published="2019-01-11",
            location="Kramatorsk",
            country="UA",
            low=5 + i,
            high=5 + i,
        )
        for i in range(3)
    ]
    after = {c.claim_id: c.incident_id for c in cluster_claims(claims + newcomers).claims}
    assert {k: after[k] for k in before} == before
    assert len({after[f"z{i}"] for i in range(3)}) == 1


def test_a_lone_report_a_day_before_an_incident_needs_a_shared_figure_to_join() -> None:
    # A city struck on the 5th, 6th and 7th; one source reports a strike on the 4th. With
    # nothing tying that report to the 5th, it is an incident of its own (the city is struck
    # often), even from a source that gave another toll on the 5th; repeating one of the 5th's
    # figures makes it a misdated relay.
    main = [
        claim(location="Saraqib", date="2018-02-05", low=9, high=9, source=s)
        for s in ("Monitor", "Medics", "Civil defence")
    ]
    later = [
        claim(location="Saraqib", date=f"2018-02-0{day}", low=day, high=day, source=s)
        for day in (6, 7)
        for s in ("Monitor", "Medics")
    ]
    own_figure = claim(location="Saraqib", date="2018-02-04", low=3, high=3, source="Monitor")
    result = cluster_claims([*main, *later, own_figure])
    assert not same(result, own_figure.claim_id, main[0].claim_id)
    relay = claim(location="Saraqib", date="2018-02-04", low=9, high=9, source="Activists")
    result = cluster_claims([*main, *later, relay])
    assert same(result, relay.claim_id, *(c.claim_id for c in main))
    assert not same(result, relay.claim_id, later[0].claim_id)


def test_one_source_repeating_its_figure_is_a_stronger_relay_than_another_source() -> None:
    def figures(source: str) -> float:
        a = claim(location="Afrin", date="2018-03-16", low=17, high=17, source="Monitor")
        b = claim(location="Afrin", date="2018-03-16", low=17, high=17, source=source)
        result = cluster_claims([a, b])
        link = next(result.links[c.claim_id] for c in (a, b) if result.links[c.claim_id].other_id)
        return dict(link.features)["figures"]

    assert figures("Monitor") == pytest.approx(figures("Medics") + 2.0)


def test_named_victims_that_differ_count_against_one_incident() -> None:
    a = claim(location="Kharkiv", country="UA", date="2022-03-01", victim="civilians", low=10)
    b = claim(location="Kharkiv", country="UA", date="2022-03-01", victim="Ukrainian forces")
    result = cluster_claims([a, b])
    link = next(result.links[c.claim_id] for c in (a, b) if result.links[c.claim_id].other_id)
    assert dict(link.features)["victim"] == -1.5


def test_omissions_of_a_report_do_not_keep_it_from_its_incident() -> None:
    # A wire report gives the toll of the only incident of its country that day; in the same
    # story three officials (no place, no country) declined to give figures. Those omissions
    # travel with the report but must not water down its average link to the incident.
    town = [
        claim(location="Tal Afar", country="IQ", date="2017-08-20", low=4, high=4, source=s)
        for s in ("Police", "Medics")
    ]
    wire = claim(doc="wire", country="IQ", date="2017-08-20", low=6, high=6, source="Wire")
    silent = [
        claim(doc="wire", kind="omission", country=None, date="2017-08-20", source=s)
        for s in ("Army", "Governor", "Ministry")
    ]
    result = cluster_claims([*town, wire, *silent])
    assert same(result, wire.claim_id, town[0].claim_id, *(c.claim_id for c in silent))


def test_a_background_event_dated_to_a_week_stays_out_of_its_articles_incident() -> None:
    # One article: a shelling of a town on Friday (to the day, and by its province), and an
    # attack on another town of the province "last week", a window that holds that Friday.
    # The week-dated report is background, not part of the day's incident, even though the
    # province claim fits both.
    article = {"doc": "article", "published": "2019-03-12"}
    town = claim(location="Saraqib", date="2019-03-08", low=8, high=8, **article)
    province = claim(location="Idlib province", date="2019-03-08", low=3, high=3, **article)
    week = claim(
        location="Jisr al-Shughur",
        date="2019-02-27",
        date_end="2019-03-10",
        date_precision="week",
        low=10,
        high=10,
        **article,
    )
    result = cluster_claims([town, province, week])
    assert same(result, town.claim_id, province.claim_id)
    assert not same(result, town.claim_id, week.claim_id)


def test_a_report_joins_the_day_most_of_whose_reports_give_its_toll() -> None:
    # A city struck day after day; a report dated only by its publication on the 6th fits
    # the 5th or the 6th best and repeats 9 killed. One report dated the 5th gives 9, as do
    # all three of the 6th: the toll of the 6th. The 5th's other reports give 2, so that one
    # is the 6th's report misdated (`attachment.TOLL_RELAYS`), and the 5th stays apart.
    others = [
        claim(location="Saraqib", date=f"2018-02-0{day}", low=day, high=day, source=s)
        for day in (3, 4, 7)
        for s in ("Monitor", "Medics")
    ]
    fifth = [
        claim(location="Saraqib", date="2018-02-05", low=low, high=low, source=s)
        for low, s in ((9, "Activists"), (2, "Medics"), (2, "Civil defence"))
    ]
    sixth = [
        claim(location="Saraqib", date="2018-02-06", low=9, high=9, source=s)
        for s in ("Monitor", "Police", "Governor")
    ]
    undated = claim(location="Saraqib", published="2018-02-06", low=9, high=9, source="Wire")
    result = cluster_claims([*others, *fifth, *sixth, undated])
    assert same(result, undated.claim_id, *(c.claim_id for c in sixth))
    assert same(result, fifth[0].claim_id, *(c.claim_id for c in sixth))
    assert not same(result, undated.claim_id, fifth[1].claim_id)
    assert same(result, *(c.claim_id for c in fifth[1:]))


def test_a_misdated_report_moves_to_the_day_whose_victims_and_toll_it_gives() -> None:
    # A city struck day after day, each day other victims and other tolls. A report dated
    # the 6th names the 5th's victims and repeats a toll one report of the 5th gives: the
    # 6th's reports share nothing with it, so it misdates the 5th's strike. Naming the 6th's
    # victims, it stays.
    days = {
        4: ("civilians", (3, 3, 4)),
        5: ("Syrian opposition", (9, 7, 7)),
        6: ("civilians", (14, 14, 12)),
    }
    sources = ("Monitor", "Medics", "Civil defence")
    daily = {
        day: [
            claim(location="Saraqib", date=f"2018-02-0{day}", victim=v, low=k, high=k, source=s)
            for k, s in zip(tolls, sources, strict=True)
        ]
        for day, (v, tolls) in days.items()
    }
    everyone = [c for reports in daily.values() for c in reports]
    misdated = claim(
        location="Saraqib",
        date="2018-02-06",
        victim="Syrian opposition",
        low=9,
        high=9,
        source="Activists",
    )
    result = cluster_claims([*everyone, misdated])
    assert same(result, misdated.claim_id, *(c.claim_id for c in daily[5]))
    assert not same(result, misdated.claim_id, daily[6][0].claim_id)
    own = replace(misdated, claim_id="own", doc="own", victim="civilians")
    result = cluster_claims([*everyone, own])
    assert same(result, own.claim_id, *(c.claim_id for c in daily[6]))


def test_a_lone_report_does_not_join_a_day_off_group_that_names_other_victims() -> None:
    # The lone report of the 4th repeats the 5th's toll (a relay, were it misdated), but
    # names other victims than every report of the 5th: a strike of its own. (The city is
    # struck again on the 6th, so the 4th and the 5th are not a lone pair of days.)
    main = [
        claim(location="Saraqib", date="2018-02-05", victim="civilians", low=9, high=9, source=s)
        for s in ("Monitor", "Medics", "Civil defence")
    ]
    sixth = [
        claim(location="Saraqib", date="2018-02-06", victim="civilians", low=2, high=2, source=s)
        for s in ("Monitor", "Medics")
    ]
    lone = claim(
        location="Saraqib",
        date="2018-02-04",
        victim="Syrian opposition",
        low=9,
        high=9,
        source="Activists",
    )
    result = cluster_claims([*main, *sixth, lone])
    assert not same(result, lone.claim_id, main[0].claim_id)
    relay = replace(lone, claim_id="relay", doc="relay", victim="civilians")
    result = cluster_claims([*main, *sixth, relay])
    assert same(result, relay.claim_id, main[0].claim_id)


def test_a_lone_report_in_a_city_struck_daily_stays_on_its_day() -> None:
    # Strikes on the 4th and the 6th, a lone report of the 5th between them that repeats the
    # figure one report of the 6th gives: with a strike on each side, it is likelier the
    # 5th's own strike than a misdated report of the 6th's.
    around = [
        claim(location="Saraqib", date=f"2018-02-0{day}", low=k, high=k, source=s)
        for day, figures in ((4, (3, 3, 3)), (6, (9, 11, 11)))
        for k, s in zip(figures, ("Monitor", "Medics", "Civil defence"), strict=True)
    ]
    lone = claim(location="Saraqib", date="2018-02-05", low=9, high=9, source="Activists")
    result = cluster_claims([*around, lone])
    assert not same(result, lone.claim_id, around[-1].claim_id)
    assert len(groups(result)) == 3


def test_a_report_weeks_later_joins_no_day_of_a_city_struck_daily_without_a_clear_best() -> None:
    # A UN report out a month later, with no day, about a city struck on each of ten days
    # with like tolls: nothing singles out one of them. Repeating a toll only one day's
    # reports give, it joins that day.
    daily = [
        claim(location="Kafr Nabl", date=f"2019-05-{day:02d}", low=k, high=k, source=s)
        for day in range(10, 20)
        for k, s in ((day - 6, "Monitor"), (day - 5, "Medics"))
    ]
    un = claim(
        location="Kafr Nabl",
        published="2019-06-15",
        low=40,
        high=40,
        source="UN",
        source_type="international",
    )
    result = cluster_claims([*daily, un])
    assert not any(same(result, un.claim_id, c.claim_id) for c in daily)
    relay = replace(un, claim_id="relay", doc="relay", low=4, high=4)
    result = cluster_claims([*daily, relay])
    assert same(result, relay.claim_id, daily[0].claim_id)


def test_a_report_looks_again_at_the_incidents_as_they_grew() -> None:
    # A city struck day after day. A report without a day, out on the 6th, fits the 5th and
    # the 6th alike by the reports of those days; its source gave another toll on the 6th,
    # which tips it there. But two reports placed by the province date the 5th and give the
    # report's toll, 13: once they have joined the 5th, that is where the report belongs.
    seeds = [
        claim(location="Saraqib", date=f"2018-02-0{day}", low=k, high=k, source=s)
        for day, k in ((4, 7), (5, 2), (6, 4), (7, 9))
        for s in (("Medics", "Police") if day == 5 else ("Monitor", "Medics"))
    ]
    province = [
        claim(location="Idlib province", date="2018-02-05", low=13, high=13, source=s)
        for s in ("Civil defence", "Activists")
    ]
    undated = claim(location="Saraqib", published="2018-02-06", low=13, high=13)
    result = cluster_claims([*seeds, *province, undated])
    fifth = [c.claim_id for c in seeds if c.date == "2018-02-05"]
    assert same(result, undated.claim_id, *fifth, *(c.claim_id for c in province))


def test_a_report_that_joined_nothing_joins_an_incident_as_it_grew() -> None:
    # A province report without a day fits the 5th and the 6th alike, and neither well
    # enough to join. A report from the city, also without a day, has joined the 5th (its
    # source gave the 5th another toll) and gives the province report's toll: now the 5th.
    seeds = [
        claim(location="Saraqib", date=f"2018-02-0{day}", low=k, high=k, source=s)
        for day, k in ((4, 7), (5, 2), (6, 4), (7, 9))
        for s in (("Monitor", "Medics") if day == 5 else ("Police", "Medics"))
    ]
    city = claim(location="Saraqib", published="2018-02-06", low=13, high=13, source="Monitor")
    province = claim(
        location="Idlib province", published="2018-02-06", low=13, high=13, source="Activists"
    )
    result = cluster_claims([*seeds, city, province])
    fifth = [c.claim_id for c in seeds if c.date == "2018-02-05"]
    assert same(result, province.claim_id, city.claim_id, *fifth)


def test_other_victims_count_double_between_reports_a_day_apart() -> None:
    import numpy as np

    from casualty.cluster import features, scoring
    from casualty.registry import builtin_registry

    def victim(day: str) -> float:
        a = claim(location="Kharkiv", country="UA", date="2022-03-01", victim="civilians")
        b = claim(location="Kharkiv", country="UA", date=day, victim="Ukrainian forces")
        t = features.build_frame(features.claims_frame([a, b]), builtin_registry())
        _, parts = scoring.score_pairs(t, np.array([0]), np.array([1]))
        return float(parts[0, scoring.FEATURES.index("victim")])

    assert victim("2022-03-01") == -1.5
    assert victim("2022-03-02") == -3.0
