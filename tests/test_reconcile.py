"""Reconciliation: rows, cells, bounds, spread, flags, best estimate, period totals, filters."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from example_report import AIRWARS, COALITION, GOV, IS, SANA, SOHR, example_claims
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.errors import UsageError
from casualty.model import OUTCOMES, Claim
from casualty.reconcile import Report, filter_report, reconcile, report_to_json
from casualty.reconcile.best import best_estimate
from casualty.reconcile.report import Cell, Row
from casualty.reconcile.totals import period_of
from casualty.registry import builtin_registry

N = 0


def mk(source: str = SOHR, **kw: object) -> Claim:
    """A claim of one incident; each gets a distinct id unless given one."""
    global N
    N += 1
    base: dict[str, object] = {
        "outcome": "killed",
        "source_type": "monitor",
        "victim": GOV,
        "victim_category": "combatants",
        "incident_id": "2020-01-01-x",
        "date": "2020-01-01",
        "published": "2020-01-02",
        "claim_id": f"id{N:04d}",
    }
    base.update(kw)
    return Claim(source=source, **base)  # type: ignore[arg-type]


def only_row(report: Report) -> Row:
    assert len(report.incidents) == 1
    assert len(report.incidents[0].rows) == 1
    return report.incidents[0].rows[0]


# --- the example ---------------------------------------------------------------------------


def test_example_has_two_incidents_and_two_period_totals_apart() -> None:
    report = reconcile(example_claims())
    assert [i.incident_id for i in report.incidents] == ["2017-08-14-raqqa", "2017-09-28-sukhna"]
    assert [t.claim.claim_id for t in report.period_totals] == ["c-coal-total", "c-coal-august"]
    for incident in report.incidents:
        assert not {"c-coal-total", "c-coal-august"} & set(incident.claim_ids)


def test_example_desert_row_matches_spec_section_6() -> None:
    data = report_to_json(reconcile(example_claims()))
    desert = data["incidents"][1]
    assert desert["incident_id"] == "2017-09-28-sukhna"
    assert (desert["date"], desert["date_end"], desert["location"]) == (
        "2017-09-28",
        None,
        "Sukhna",
    )
    assert (desert["admin1"], desert["country"], desert["perpetrators"]) == ("Homs", "SY", [IS])
    gov = next(r for r in desert["rows"] if r["victim"] == GOV)
    assert gov["victim_category"] == "combatants" and gov["outcome"] == "killed"
    assert (gov["low"], gov["high"], gov["spread"]) == (24, None, 3.04)
    assert gov["omissions"] == [
        {
            "source": SANA,
            "source_type": "state_media",
            "claim_ids": ["c-sana-omit"],
            "reported_as": None,
        }
    ]
    sohr = next(c for c in gov["claims"] if c["source"] == SOHR)
    assert {k: sohr[k] for k in ("source_type", "low", "high", "qualifier", "claim_ids")} == {
        "source_type": "monitor",
        "low": 73,
        "high": None,
        "qualifier": "at least 73",
        "claim_ids": ["c-sohr-gov-2"],
    }
    assert gov["flags"] == ["omission", "updated"]
    assert gov["best"] == 73 and SOHR in gov["best_reason"]


def test_json_keys_follow_the_contract() -> None:
    data = report_to_json(reconcile(example_claims()))
    assert list(data) == ["incidents", "period_totals"]
    incident = data["incidents"][0]
    spec_incident = ["incident_id", "date", "date_end", "location", "admin1", "country"]
    spec_incident += ["perpetrators", "claim_ids", "rows"]
    assert list(incident)[: len(spec_incident)] == spec_incident
    row = incident["rows"][0]
    spec_row = ["victim", "victim_category", "outcome", "claims", "omissions", "low", "high"]
    spec_row += ["spread", "flags"]
    assert list(row)[: len(spec_row)] == spec_row
    cell = row["claims"][0]
    assert list(cell)[:6] == ["source", "source_type", "low", "high", "qualifier", "claim_ids"]
    assert data["period_totals"][0]["claim_id"] == "c-coal-total"


# --- bounds, spread, flags -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "low", "high", "spread"),
    [
        ([(73, None), (24, 99)], 24, None, 3.04),
        ([(10, 10), (20, 30)], 10, 30, 2.0),
        ([(10, 10)], 10, 10, None),
        ([(None, 40), (12, 18)], 12, 40, None),
        ([(None, None), (5, 5)], 5, 5, None),
        ([(0, 0), (7, 7)], 0, 7, None),
        ([(3, 3), (3, 3), (9, 9)], 3, 9, 3.0),
    ],
)
def test_row_bounds_and_spread(
    figures: list[tuple[int | None, int | None]],
    low: int | None,
    high: int | None,
    spread: float | None,
) -> None:
    claims = [mk(f"source {i}", low=lo, high=hi) for i, (lo, hi) in enumerate(figures)]
    row = only_row(reconcile(claims))
    assert (row.low, row.high, row.spread) == (low, high, spread)


def test_flags_single_source_and_qualitative_only() -> None:
    row = only_row(reconcile([mk(qualifier="heavy losses")]))
    assert row.flags == ("single_source", "qualitative_only")
    assert row.best is None and row.best_reason == "no source gives a figure"


def test_flag_denial_when_a_source_says_none_died() -> None:
    row = only_row(reconcile([mk("A", low=0, high=0), mk("B", low=12, high=12)]))
    assert "denial" in row.flags and row.spread is None


def test_omission_becomes_the_sources_cell_and_flags_the_row() -> None:
    claims = [mk(low=5, high=5), mk(SANA, kind="omission", source_type="state_media")]
    row = only_row(reconcile(claims))
    assert [o.source for o in row.omissions] == [SANA]
    assert [c.source for c in row.cells] == [SOHR]
    assert "omission" in row.flags


def test_omission_of_losses_in_general_goes_to_the_victims_row() -> None:
    claims = [
        mk(low=5, high=5, outcome="killed"),
        mk(SANA, kind="omission", outcome="killed_or_wounded", source_type="state_media"),
    ]
    row = only_row(reconcile(claims))
    assert row.outcome == "killed" and row.omissions[0].source == SANA


def test_rows_split_by_victim_and_outcome_in_a_stable_order() -> None:
    claims = [
        mk(low=1, high=1, outcome="wounded"),
        mk(low=2, high=2, victim=None, victim_category="civilians"),
        mk(low=3, high=3),
        mk(low=4, high=4, victim=IS),
    ]
    rows = reconcile(claims).incidents[0].rows
    keys = [(r.victim, r.victim_category, r.outcome) for r in rows]
    assert keys == [
        (IS, "combatants", "killed"),
        (GOV, "combatants", "killed"),
        (GOV, "combatants", "wounded"),
        (None, "civilians", "killed"),
    ]


# --- updates -------------------------------------------------------------------------------


def test_latest_figure_wins_and_history_is_kept() -> None:
    claims = [
        mk(low=30, high=30, published="2020-01-03", qualifier="30", claim_id="b"),
        mk(low=12, high=12, published="2020-01-01", qualifier="12", claim_id="a"),
        mk(low=20, high=None, published="2020-01-02", qualifier="at least 20", claim_id="c"),
    ]
    row = only_row(reconcile(claims))
    (cell,) = row.cells
    assert (cell.low, cell.high, cell.claim_ids) == (30, 30, ("b",))
    assert [(f.low, f.published, f.claim_ids) for f in cell.history] == [
        (12, "2020-01-01", ("a",)),
        (20, "2020-01-02", ("c",)),
    ]
    assert "updated" in row.flags
    assert row.low == 30  # only current figures make the row's bounds


def test_within_one_document_the_later_span_wins() -> None:
    claims = [
        mk(low=40, high=40, doc="d", span=(200, 240)),
        mk(low=25, high=25, doc="d", span=(10, 50)),
    ]
    (cell,) = only_row(reconcile(claims)).cells
    assert cell.low == 40 and cell.history[0].low == 25


def test_a_late_relay_of_an_old_figure_does_not_undo_an_update() -> None:
    claims = [
        mk(low=10, high=10, published="2020-01-01"),
        mk(low=15, high=15, published="2020-01-02"),
        mk(low=10, high=10, published="2020-01-05", reported_by="Late Relay"),
    ]
    (cell,) = only_row(reconcile(claims)).cells
    assert cell.low == 15
    assert len(cell.history[0].claim_ids) == 2


def test_same_figure_relayed_is_not_an_update() -> None:
    claims = [mk(low=8, high=8, published=d) for d in ("2020-01-01", "2020-01-04")]
    row = only_row(reconcile(claims))
    assert "updated" not in row.flags and len(row.cells[0].claim_ids) == 2


def test_words_beside_a_figure_stay_in_its_cell() -> None:
    claims = [mk(low=8, high=8, published="2020-01-01"), mk(qualifier="many", claim_id="w")]
    (cell,) = only_row(reconcile(claims)).cells
    assert cell.low == 8 and "w" in cell.claim_ids and not cell.updated


# --- self-serving --------------------------------------------------------------------------


def test_belligerent_inflating_enemy_losses_is_self_serving() -> None:
    claims = [
        mk(IS, source_type="belligerent", low=200, high=None, perpetrator=IS),
        mk(low=73, high=None, perpetrator=IS),
    ]
    row = only_row(reconcile(claims))
    assert "self_serving" in row.flags
    assert [c.source for c in row.cells if c.self_serving] == [IS]
    assert row.best == 73 and "set aside as self-serving" in row.best_reason


def test_belligerent_below_others_on_enemy_losses_is_not_self_serving() -> None:
    claims = [
        mk(IS, source_type="belligerent", low=24, high=99, perpetrator=IS),
        mk(low=73, high=None, perpetrator=IS),
    ]
    assert "self_serving" not in only_row(reconcile(claims)).flags


def test_belligerent_playing_down_civilians_it_killed_is_self_serving() -> None:
    common = {"victim": "civilians", "victim_category": "civilians", "perpetrator": COALITION}
    claims = [
        mk(COALITION, source_type="belligerent", low=3, high=3, **common),
        mk(AIRWARS, low=12, high=18, **common),
    ]
    row = only_row(reconcile(claims))
    assert "self_serving" in row.flags and row.best == 12


def test_registry_side_makes_state_media_partisan_about_its_own_losses() -> None:
    from casualty.registry import builtin_registry

    claims = [
        mk(SANA, source_type="state_media", low=2, high=2, perpetrator=IS),
        mk(low=73, high=None, perpetrator=IS),
    ]
    assert "self_serving" not in only_row(reconcile(claims)).flags
    assert "self_serving" in only_row(reconcile(claims, builtin_registry())).flags


def test_registry_fills_unknown_source_types() -> None:
    from casualty.registry import builtin_registry

    claims = [mk(SANA, source_type="unknown", low=2, high=2)]
    (cell,) = only_row(reconcile(claims, builtin_registry())).cells
    assert cell.source_type == "state_media"


# --- best estimate -------------------------------------------------------------------------


def _cell(source: str, source_type: str, low: int | None, high: int | None) -> Cell:
    return Cell(source, source_type, low, high, None, None, ())


@pytest.mark.parametrize(
    ("cells", "best"),
    [
        ([_cell("m", "monitor", 73, None), _cell("b", "belligerent", 24, 99)], 73),
        ([_cell("m", "media", 10, 10), _cell("u", "unknown", 50, 50)], 10),
        ([_cell("a", "monitor", 10, 10), _cell("b", "monitor", 30, 30)], 10),
        (
            [
                _cell("a", "monitor", 10, 10),
                _cell("b", "international", 30, 30),
                _cell("c", "monitor", 20, None),
            ],
            20,
        ),
        ([_cell("h", "medical", None, 40)], 40),
        ([_cell("s", "state_media", None, None)], None),
        ([_cell("s", "state_media", 5, 9), _cell("b", "belligerent", 7, 7)], 5),
    ],
)
def test_best_estimate_rule(cells: list[Cell], best: int | None) -> None:
    value, reason = best_estimate(cells)
    assert value == best
    assert reason


def test_best_is_always_a_figure_some_source_gave() -> None:
    cells = [_cell(str(i), "monitor", v, v) for i, v in enumerate((11, 17, 23, 40))]
    value, reason = best_estimate(cells)
    assert value == 17 and "lower median of 4" in reason


# --- period totals -------------------------------------------------------------------------


def test_monthly_total_sits_next_to_the_sum_of_that_months_incidents() -> None:
    civ = {"victim": "civilians", "victim_category": "civilians", "source_type": "belligerent"}
    claims = [
        mk(COALITION, low=3, high=3, incident_id="a", date="2017-08-03", **civ),
        mk(COALITION, low=4, high=6, incident_id="b", date="2017-08-20", **civ),
        mk(COALITION, low=9, high=9, incident_id="c", date="2017-09-02", **civ),
        mk(AIRWARS, low=30, high=30, incident_id="b", date="2017-08-20", victim="civilians"),
        mk(
            COALITION,
            kind="period_total",
            low=50,
            high=50,
            date="2017-08-01",
            date_precision="month",
            incident_id=None,
            **civ,
        ),
    ]
    report = reconcile(claims)
    (total,) = report.period_totals
    assert (total.period_start, total.period_end) == ("2017-08-01", "2017-08-31")
    assert total.covered_incidents == ("a", "b")
    assert (total.covered_low, total.covered_high) == (7, 9)


@pytest.mark.parametrize(
    ("kw", "period"),
    [
        ({"date": "2017-02-01", "date_precision": "month"}, ("2017-02-01", "2017-02-28")),
        ({"date": "2016-01-01", "date_precision": "year"}, ("2016-01-01", "2016-12-31")),
        ({"date": "2014-08-08", "published": "2017-09-29"}, ("2014-08-08", "2017-09-29")),
        ({"date": "2014-08-08", "date_end": "2015-01-01"}, ("2014-08-08", "2015-01-01")),
        ({"date": None}, (None, None)),
    ],
)
def test_period_of_a_total(kw: dict[str, str | None], period: tuple[str, str]) -> None:
    assert period_of(mk(kind="period_total", **kw)) == period  # type: ignore[arg-type]


# --- nothing lost, order does not matter ---------------------------------------------------


_REGISTRY = builtin_registry()


def _placed_ids(report: Report) -> list[str]:
    ids: list[str] = []
    for incident in report.incidents:
        for row in incident.rows:
            for cell in row.cells:
                ids.extend(cell.claim_ids)
                for figure in cell.history:
                    ids.extend(figure.claim_ids)
            for omission in row.omissions:
                ids.extend(omission.claim_ids)
    ids.extend(t.claim.claim_id for t in report.period_totals)
    return ids


_counts = st.one_of(st.none(), st.integers(0, 500))
_claims = st.lists(
    st.builds(
        lambda src, kind, outcome, victim, low, high, inc, day, qual: mk(
            src,
            kind=kind,
            outcome=outcome,
            victim=victim,
            victim_category=None if victim else "civilians",
            low=low,
            high=None if high is None or low is None else low + high,
            incident_id=inc,
            published=f"2020-01-{day:02d}",
            qualifier=qual,
        ),
        st.sampled_from(["A", "B", "C", SANA, "Syrian state media", IS]),
        st.sampled_from(["claim", "claim", "claim", "omission", "period_total"]),
        st.sampled_from(OUTCOMES),
        st.sampled_from([None, GOV, IS]),
        _counts,
        _counts,
        st.sampled_from([None, "i1", "i2"]),
        st.integers(1, 9),
        st.sampled_from([None, "many", "dozens"]),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(_claims)
def test_every_claim_appears_exactly_once(claims: list[Claim]) -> None:
    for registry in (None, _REGISTRY):
        report = reconcile(claims, registry)
        assert sorted(_placed_ids(report)) == sorted(c.claim_id for c in claims)
        in_incidents = sorted(i for inc in report.incidents for i in inc.claim_ids)
        assert in_incidents == sorted(c.claim_id for c in claims if c.kind != "period_total")


@settings(max_examples=60, deadline=None)
@given(_claims, st.randoms(use_true_random=False))
def test_input_order_does_not_change_the_report(claims: list[Claim], rnd: random.Random) -> None:
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert reconcile(shuffled) == reconcile(claims)


def test_claims_without_ids_or_incident_get_stable_ones() -> None:
    claims = [replace(mk(low=1, high=1), claim_id="", incident_id=None)]
    report = reconcile(claims)
    assert report.incidents[0].incident_id.startswith("unclustered-c")
    assert report == reconcile(claims)


# --- filters and sort ----------------------------------------------------------------------


def _three() -> Report:
    return reconcile(
        [
            mk(low=10, high=10, incident_id="a", date="2020-01-05", country="SY"),
            mk("B", source_type="media", low=50, high=50, incident_id="a", date="2020-01-05"),
            mk(low=300, high=None, incident_id="b", date="2020-02-01", country="IQ"),
            mk(
                SANA,
                source_type="state_media",
                kind="omission",
                incident_id="c",
                date="2020-03-01",
                country="SY",
            ),
            mk(low=2, high=2, incident_id="c", date="2020-03-01", country="SY"),
        ]
    )


def _ids(report: Report) -> list[str]:
    return [i.incident_id for i in report.incidents]


@pytest.mark.parametrize(
    ("kw", "ids"),
    [
        ({}, ["a", "b", "c"]),
        ({"since": "2020-02-01"}, ["b", "c"]),
        ({"until": "2020-02-01"}, ["a", "b"]),
        ({"country": "sy"}, ["a", "c"]),
        ({"source_type": "state_media"}, ["c"]),
        ({"source_type": ["media", "state_media"]}, ["a", "c"]),
        ({"min_spread": 2}, ["a"]),
        ({"flags": ["omission"]}, ["c"]),
        ({"flags": ["omission", "single_source"]}, ["c"]),
        ({"flags": ["omission", "updated"]}, []),
        ({"sort": "toll"}, ["b", "a", "c"]),
        ({"sort": "spread"}, ["a", "b", "c"]),
    ],
)
def test_filters_and_sort(kw: dict[str, object], ids: list[str]) -> None:
    assert _ids(filter_report(_three(), **kw)) == ids  # type: ignore[arg-type]


def test_country_filter_takes_names_where_the_gazetteer_knows_them() -> None:
    geo = pytest.importorskip("casualty.geo")
    if not callable(getattr(geo, "country_code", None)):
        pytest.skip("casualty.geo has no country_code")
    assert _ids(filter_report(_three(), country="Iraq")) == ["b"]


def test_unknown_sort_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        filter_report(_three(), sort="size")


@pytest.mark.parametrize(
    "kw", [{"flags": ["self-serving"]}, {"source_type": "monitors"}, {"flags": ["spread"]}]
)
def test_unknown_flag_or_source_type_is_a_usage_error(kw: dict[str, object]) -> None:
    with pytest.raises(UsageError, match="use one of"):
        filter_report(_three(), **kw)  # type: ignore[arg-type]


def test_flags_emitted_are_the_documented_ones() -> None:
    from casualty.reconcile import FLAGS

    report = reconcile(example_claims())
    assert {f for i in report.incidents for r in i.rows for f in r.flags} <= set(FLAGS)


def test_a_total_covers_only_rows_of_its_victims() -> None:
    claims = [
        mk(IS, source_type="belligerent", low=20, high=20, incident_id="a", date="2020-05-02"),
        mk(
            IS,
            source_type="belligerent",
            low=7,
            high=7,
            victim=IS,
            incident_id="a",
            date="2020-05-02",
        ),
        mk(
            IS,
            source_type="belligerent",
            kind="period_total",
            low=300,
            high=None,
            date="2020-05-01",
            date_precision="month",
            incident_id=None,
        ),
    ]
    (total,) = reconcile(claims).period_totals
    assert (total.covered_incidents, total.covered_low, total.covered_high) == (("a",), 20, 20)


def test_a_total_attached_to_an_incident_covers_it_without_dates() -> None:
    claims = [
        mk(low=4, high=4, incident_id="a", date=None),
        mk(kind="period_total", low=40, high=40, incident_id="a", date=None),
    ]
    report = reconcile(claims)
    assert report.period_totals[0].covered_incidents == ("a",)
    assert [c.claim_id for c in report.incidents[0].claims] == [claims[0].claim_id]


def test_flag_and_spread_filters_keep_only_matching_rows() -> None:
    report = filter_report(reconcile(example_claims()), flags=["updated"])
    assert [(i.incident_id, [r.victim for r in i.rows]) for i in report.incidents] == [
        ("2017-09-28-sukhna", [GOV])
    ]
    report = filter_report(reconcile(example_claims()), min_spread=3.5)
    assert [(i.incident_id, [r.outcome for r in i.rows]) for i in report.incidents] == [
        ("2017-08-14-raqqa", ["killed"])
    ]


def test_source_types_may_be_comma_separated() -> None:
    assert _ids(filter_report(_three(), source_type="media, state_media")) == ["a", "c"]


def test_silence_of_state_media_shows_under_the_state_media_that_speaks() -> None:
    from casualty.registry import builtin_registry

    claims = [
        mk(low=73, high=None),
        mk(SANA, source_type="state_media", victim=IS, qualifier="heavy losses"),
        mk(
            "Syrian state media",
            source_type="state_media",
            kind="omission",
            victim=None,
            victim_category="combatants",
        ),
    ]
    without = reconcile(claims)
    assert [len(r.omissions) for r in without.incidents[0].rows] == [0, 0, 1]
    rows = reconcile(claims, builtin_registry()).incidents[0].rows
    gov = next(r for r in rows if r.victim == GOV)
    assert [(o.source, o.reported_as) for o in gov.omissions] == [(SANA, "Syrian state media")]
    assert len(rows) == 2  # the silence found its row: the army's own losses


def test_silence_without_victim_goes_to_the_only_row() -> None:
    claims = [mk(low=3, high=3), mk("X", kind="omission", victim=None, victim_category=None)]
    assert only_row(reconcile(claims)).omissions[0].source == "X"


def test_sources_of_one_side_are_not_compared_with_each_other() -> None:
    from casualty.registry import builtin_registry

    own = {"perpetrator": IS, "source_type": "state_media"}
    claims = [
        mk(SANA, low=2, high=2, **own),
        mk("Syrian state media", low=3, high=3, **own),
        mk(low=73, high=None, perpetrator=IS),
    ]
    row = only_row(reconcile(claims, builtin_registry()))
    assert sorted(c.source for c in row.cells if c.self_serving) == [SANA, "Syrian state media"]


def test_a_source_that_speaks_for_a_party_ranks_with_belligerents_for_best() -> None:
    partisan = replace(_cell("Party TV", "media", 90, 90), side="Party")
    value, reason = best_estimate([partisan, _cell("u", "unknown", 40, 40)])
    assert value == 40 and "unattributed or unknown" in reason
