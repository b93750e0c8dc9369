"""`cluster_table` clusters a ClaimTable's columns as `cluster_claims` clusters its claims."""

from __future__ import annotations

import random

import numpy as np
import pytest

from casualty.cluster import cluster_claims, cluster_table
from casualty.io.claim_table import ClaimTable, Column
from casualty.model import Claim

_PLACES = [
    ("Aleppo", None, "Syria"),
    ("Aleppo", None, None),
    ("Idlib", "Idlib", "SY"),
    ("Mosul", None, "Iraq"),
    ("Kfar Batna", None, "SY"),
    ("Kfar Batna", None, None),
    (None, "Rif Dimashq", "SY"),
    (None, None, "Yemen"),
    ("Sahar", None, None),
    ("Sahar", None, "Yemen"),
    ("eastern Aleppo", None, "Syria"),
]
_SOURCES = ["Reuters", "the army", "SOHR", "the ministry", "UN OCHA"]
_VICTIMS = [None, "civilians", "soldiers", "rebels"]
_TEXTS = [
    None,
    "Five people were killed yesterday in the market.",
    "The army said on Tuesday that rebels were killed.",
    "Officials gave a toll of the strike.",
]


def _claims(seed: int, n: int) -> list[Claim]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        location, admin1, country = rng.choice(_PLACES)
        day = rng.randint(1, 6)
        low = rng.choice([None, 1, 3, 12, 12, 40])
        kind = rng.choice(["claim"] * 8 + ["omission", "period_total"])
        out.append(
            Claim(
                source=rng.choice(_SOURCES),
                outcome=rng.choice(["killed", "killed", "wounded"]),
                kind=kind,
                claim_id=f"t{i:05d}" if rng.random() < 0.9 else "",
                source_type=rng.choice(["unknown", "international", "state_media"]),
                doc=f"doc{rng.randint(0, n // 3)}",
                published=f"2023-05-{day + rng.randint(0, 2):02d}",
                date=rng.choice([None, f"2023-05-{day:02d}"]),
                date_end=rng.choice([None, None, f"2023-05-{day + 3:02d}"]),
                date_precision=rng.choice([None, "day", "day", "week"]),
                location=location,
                admin1=admin1,
                country=country,
                lat=rng.choice([None, None, 36.2]),
                lon=rng.choice([None, None, 37.1]),
                perpetrator=rng.choice([None, "the army", "IS", "rebels"]),
                victim=rng.choice(_VICTIMS),
                victim_category=rng.choice([None, "civilians", "combatants"]),
                low=low,
                high=None if low is None else low + rng.choice([0, 0, 5]),
                text=rng.choice(_TEXTS),
            )
        )
    return out


def _same(claims: list[Claim], table: ClaimTable) -> None:
    expected = cluster_claims(claims)
    incident, links = cluster_table(table)
    assert incident == [c.incident_id for c in expected.claims]
    assert dict(links) == dict(expected.links)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_table_clusters_as_its_claims(seed: int) -> None:
    claims = _claims(seed, 300)
    assert any(not c.claim_id for c in claims)
    _same(claims, ClaimTable.from_claims(claims))


def test_rows_without_ids_are_linked_under_their_content_ids() -> None:
    claims = [c.__class__(**{**_asdict(c), "claim_id": ""}) for c in _claims(3, 40)]
    incident, links = cluster_table(ClaimTable.from_claims(claims))
    expected = cluster_claims(claims)
    assert incident == [c.incident_id for c in expected.claims]
    assert sorted(links) == sorted(c.claim_id for c in expected.claims)


def test_duplicate_rows_and_repeated_ids_cluster_as_claims() -> None:
    claims = _claims(4, 60)
    twin = claims[5].__class__(**{**_asdict(claims[5]), "low": 99, "high": 99})
    claims = [*claims, claims[3], claims[3], twin, claims[10]]
    _same(claims, ClaimTable.from_claims(claims))
    clustering = cluster_claims(claims)
    distinct = {c.claim_id for c in clustering.claims}
    assert len(distinct) < len(claims)
    assert len(clustering.links) == len(list(clustering.links)) == len(distinct)


def test_ids_equal_as_fixed_width_text_keep_the_frames_order() -> None:
    # numpy's unicode arrays drop trailing NULs, so the frame's sort ties these two ids.
    claims = _claims(7, 30)
    base = next(c for c in claims if c.claim_id)
    twin = base.__class__(**{**_asdict(base), "claim_id": base.claim_id + "\x00", "low": 77})
    claims = [twin, *claims]
    _same(claims, ClaimTable.from_claims(claims))
    _same(claims[::-1], ClaimTable.from_claims(claims[::-1]))


def test_values_repeated_under_two_codes_are_one_value() -> None:
    # A reader may give one value two codes (two chunks' distinct values): it is one value.
    claims = _claims(5, 80)
    table = ClaimTable.from_claims(claims)
    for name in ("location", "source", "doc", "country"):
        column = table.column(name)
        codes = column.codes.copy()
        codes[1::2] += len(column.values)
        table = table.with_column(name, Column(codes, [*column.values, *column.values]))
    assert table.claims() == ClaimTable.from_claims(claims).claims()
    _same(claims, table)


def test_row_order_does_not_change_a_tables_incidents() -> None:
    claims = _claims(6, 120)
    incident, _ = cluster_table(ClaimTable.from_claims(claims))
    order = np.random.default_rng(0).permutation(len(claims)).tolist()
    shuffled, _ = cluster_table(ClaimTable.from_claims([claims[i] for i in order]))
    assert shuffled == [incident[i] for i in order]


def test_an_empty_table_has_no_incidents() -> None:
    incident, links = cluster_table(ClaimTable.from_claims([]))
    assert incident == []
    assert len(links) == 0


def _asdict(claim: Claim) -> dict[str, object]:
    return {name: getattr(claim, name) for name in Claim.__dataclass_fields__}
