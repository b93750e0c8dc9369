"""ClaimTable: claims a column at a time, and back to the same records."""

from __future__ import annotations

import pytest

from casualty.io.claim_table import ClaimTable, Column
from casualty.model import Claim


def _claims() -> list[Claim]:
    return [
        Claim("SOHR", "killed", claim_id="a", low=12, high=12, lat=1.5, extra=(("note", "x"),)),
        Claim("SOHR", "wounded", claim_id="b", span=(3, 9), extra=(("note", ""),)),
        Claim("army", "killed", claim_id="c", qualifier="dozens", extra=(("note", "x"),)),
    ]


def test_round_trip_gives_the_same_records() -> None:
    claims = _claims()
    table = ClaimTable.from_claims(claims)
    assert table.n == 3
    assert table.extra_columns == ("note",)
    assert table.claims() == claims
    assert table.column("source").values == ["SOHR", "army"]


def test_column_tells_values_apart_by_type() -> None:
    column = Column.of([1, 1.0, True, 1, None])
    assert column.values == [1, 1.0, True, None]
    assert [type(v) for v in column.tolist()] == [int, float, bool, int, type(None)]
    signs = [str(v) for v in Column.of([0.0, -0.0, 0.0, -0.0]).tolist()]
    assert signs == ["0.0", "-0.0", "0.0", "-0.0"]


def test_with_column_sets_a_field_or_adds_an_extra() -> None:
    table = ClaimTable.from_claims(_claims())
    table = table.with_column("incident_id", Column.of(["i1", "i1", "i2"]))
    table = table.with_column("link_to", Column.of(["", "a", ""]))
    claims = table.claims()
    assert [c.incident_id for c in claims] == ["i1", "i1", "i2"]
    assert claims[1].extra == (("note", ""), ("link_to", "a"))
    with pytest.raises(ValueError, match="rows"):
        table.with_column("incident_id", Column.of(["i1"]))


def test_claims_with_different_extras_make_no_table() -> None:
    claims = [*_claims(), Claim("x", "killed", claim_id="d", low=1)]
    with pytest.raises(ValueError, match="extra columns"):
        ClaimTable.from_claims(claims)
