"""A claim naming a place without a country takes the country the other claims give it."""

from __future__ import annotations

from claim_factory import claim_factory

from casualty.cluster import cluster_claims
from casualty.model import Claim

claim = claim_factory("n{n:06d}", "ndoc{n}", "Source {n}", date="2021-03-14", date_precision="day")


def incidents(claims: list[Claim]) -> dict[str, str | None]:
    return {c.claim_id: c.incident_id for c in cluster_claims(claims).claims}


def test_namesake_abroad_is_read_in_the_country_others_give() -> None:
    # Alone, "Sahar" is the Omani port (Sohar); the other reports place it in Yemen.
    a = claim(location="Sahar", country="Yemen", low=7, high=7)
    b = claim(location="Sahar", country="YE", low=9, high=9)
    c = claim(location="Sahar", low=8, high=8)
    ids = incidents([a, b, c])
    assert ids[a.claim_id] == ids[b.claim_id] == ids[c.claim_id]


def test_unknown_village_is_read_in_the_country_others_give() -> None:
    a = claim(location="Kfar Batna", country="SY", low=4, high=4)
    b = claim(location="Kfar Batna", low=5, high=5)
    ids = incidents([a, b])
    assert ids[a.claim_id] == ids[b.claim_id]


def test_admin_area_lends_its_country_to_a_claim_without_location() -> None:
    a = claim(location="Kfar Batna", admin1="Rif Dimashq", country="SY", low=4, high=4)
    b = claim(admin1="Rif Dimashq", low=4, high=4)
    ids = incidents([a, b])
    assert ids[a.claim_id] == ids[b.claim_id]


def test_place_given_with_two_countries_lends_none() -> None:
    # "Al Bayda" is a city in Libya and one in Yemen: the claim without a country is not
    # pulled to either incident by the other reports (alone it reads as the larger, Libya's).
    ly = claim(location="Al Bayda", country="Libya", low=3, high=3)
    ye = claim(location="Al Bayda", country="Yemen", low=11, high=11)
    bare = claim(location="Al Bayda", low=11, high=11)
    ids = incidents([ly, ye, bare])
    assert ids[ly.claim_id] != ids[ye.claim_id]
    assert ids[bare.claim_id] != ids[ye.claim_id]


def test_country_is_not_borrowed_by_claims_that_give_one() -> None:
    a = claim(location="Sahar", country="Oman", low=2, high=2)
    b = claim(location="Sahar", country="Yemen", low=2, high=2)
    ids = incidents([a, b])
    assert ids[a.claim_id] != ids[b.claim_id]


def test_name_without_country_is_read_among_the_inputs_countries() -> None:
    # No report gives "Sahar" itself with a country, but the input is about Yemen: the
    # Yemeni village, not the Omani port, is the one meant.
    near = claim(location="a village near Sahar", country="Yemen", low=6, high=6)
    bare = claim(location="Sahar", low=6, high=6)
    ids = incidents([near, bare])
    assert ids[near.claim_id] == ids[bare.claim_id]


def test_name_known_only_abroad_keeps_its_country() -> None:
    # Nothing of the input is in Oman's neighbourhood: the name keeps its own reading.
    other = claim(location="Aleppo", country="SY", low=6, high=6)
    bare = claim(location="Muscat", low=6, high=6)
    ids = incidents([other, bare])
    assert ids[other.claim_id] != ids[bare.claim_id]
