"""Divisions named by a direction ("Northern State", "South Darfur") resolve to themselves.

The direction in front of a town is a part of it or a bearing ("northern Aleppo", "east of
Homs"); in front of a division's own name it is the name. Before, "Southern Darfur" fell to
the region Darfur (country level) and "Northern State" to a division called "State".
"""

from __future__ import annotations

import pytest

from casualty.cluster.places import ADMIN, COUNTRY, LOCALITY, NEAR, resolve


@pytest.mark.parametrize(
    "written",
    ["Southern Darfur", "South Darfur", "Southern Darfur countryside", "south Darfur state"],
)
def test_direction_named_state_is_that_state(written: str) -> None:
    spot = resolve(written, None, "Sudan")
    assert spot.level == ADMIN
    assert spot.admin == resolve(None, "Southern Darfur", "SD").admin
    assert spot.resolved and spot.lat is not None


def test_state_named_only_by_a_direction() -> None:
    spot = resolve("Northern State", None, "SD")
    assert (spot.level, spot.name, spot.resolved) == (ADMIN, "Northern State", True)
    assert resolve("Northern State province", None, "SD").admin == spot.admin
    assert resolve(None, "Northern State", "SD").admin == spot.admin


def test_two_states_of_one_region_stay_apart() -> None:
    north = resolve("North Kordofan", None, "SD")
    west = resolve("West Kordofan region", None, "SD")
    assert north.level == west.level == ADMIN
    assert north.admin != west.admin


def test_direction_before_a_town_or_country_keeps_its_reading() -> None:
    aleppo = resolve("northern Aleppo", None, "SY")
    assert aleppo.level == LOCALITY and aleppo.sector
    assert resolve("east of Aleppo", None, "SY").level == NEAR
    assert resolve("eastern Ukraine", None, "UA").level == COUNTRY


def test_without_a_country_only_an_unambiguous_division() -> None:
    assert resolve("West Kordofan", None, None).country == "SD"
    # "Eastern" divisions exist in many countries: no country is guessed from it.
    assert resolve("Eastern Province", None, None).country != "SD"
