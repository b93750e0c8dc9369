"""Places, dates and claim kinds misread on unseen multi-outlet articles (engineer K2).

Each row is an invented sentence (none comes from a news article) and what its claims should
carry: a dateline set off by a bar is where the report was filed, not the scene; a short
clause "The incident occurred late Sunday." dates the toll before it.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document

#: A Tuesday: "Sunday" is 2022-05-08.
_PUBLISHED = "2022-05-10"


def _claims(text: str) -> list[Claim]:
    doc = Document(id="k2", text=text, published=_PUBLISHED, outlet="Example Wire")
    return [c for c in extract_document(doc) if c.kind != "omission"]


DATELINES = [
    # a bar after "City, Country" or "CITY" ends a dateline: the filing town is no scene
    ("Kano, Nigeria | Gunmen killed nine traders at a rural market on Monday.", None),
    ("KANO, Nigeria | Gunmen killed nine traders at a rural market on Monday.", None),
    ("Kano | Gunmen killed nine traders at a rural market on Monday.", None),
    # the scene the sentence names is kept
    ("Kano, Nigeria | Gunmen killed nine traders in Zaria on Monday.", "Zaria"),
    # with no bar the town opening the sentence is its scene
    ("Kano was calm until gunmen killed nine traders there on Monday.", "Kano"),
]


@pytest.mark.parametrize(("text", "location"), DATELINES)
def test_bar_dateline_is_not_the_scene(text: str, location: str | None) -> None:
    claims = _claims(text)
    assert [(c.outcome, c.low) for c in claims] == [("killed", 9)]
    assert claims[0].location == location


SHORT_DATED = [
    # a short clause saying when the incident was dates the toll told before it
    (
        "Gunmen killed 12 villagers in Zaria, police said. The incident occurred late Sunday.",
        "2022-05-08",
    ),
    (
        "Gunmen killed 12 villagers in Zaria, police said. The attack happened on Sunday.",
        "2022-05-08",
    ),
    ("Gunmen killed 12 villagers in Zaria, police said. The raid took place Sunday.", "2022-05-08"),
    # a short line that is no such clause (a time stamp) does not date it
    ("Gunmen killed 12 villagers in Zaria, police said. Updated Sunday.", _PUBLISHED),
]


@pytest.mark.parametrize(("text", "day"), SHORT_DATED)
def test_short_clause_dates_the_toll_before_it(text: str, day: str) -> None:
    claims = _claims(text)
    assert [(c.outcome, c.low, c.date) for c in claims] == [("killed", 12, day)]


ATTACKER_COUNTRY = [
    # a country that strikes, or whose attack "on" something it is, is the attacker
    ("Russia struck the port city of Odesa at dawn. Rescuers said 14 people were killed.", "UA"),
    ("Blasts shook the city of Sumy. Russia struck with two missiles, killing 14 people.", "UA"),
    ("Russia struck at dawn with drones, killing 14 people in a residential block.", None),
    ("Israel bombed a school, killing 14 people, officials said.", None),
    (
        "Missiles hit the centre of Poltava on Friday. "
        "Officials said 14 people were killed in Russia's heaviest attack on civilians.",
        "UA",
    ),
    ("Officials said 14 people died in Israel's deadliest strike on Rafah in weeks.", "PS"),
    # struck by something: the country is the target
    ("Ukraine struck by a wave of drones overnight; 14 people were killed.", "UA"),
    # "the country's deadliest attack" ranks an attack in it: the scene
    ("Fourteen people were killed in Ukraine's deadliest attack this month.", "UA"),
]


@pytest.mark.parametrize(("text", "country"), ATTACKER_COUNTRY)
def test_attacking_country_is_not_the_scene(text: str, country: str | None) -> None:
    claims = _claims(text)
    assert [(c.outcome, c.low) for c in claims] == [("killed", 14)]
    assert claims[0].country == country


KINDS = [
    # a superlative ranks one incident within the period: not the period's total
    ("Some 117 people were wounded in the deadliest attack on civilians this year.", "claim"),
    ("The bombing, the worst since 2015, wounded 117 people.", "claim"),
    ("At least 117 were hurt, making it the bloodiest raid of the war so far this year.", "claim"),
    # without one, the same words make a total over the period
    ("Some 117 people were wounded in attacks on civilians this year.", "period_total"),
    ("Bombings have wounded 117 people since 2015.", "period_total"),
    # a superlative of the period itself keeps the total
    ("Some 117 people were wounded in the deadliest year since 2014.", "period_total"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_superlative_is_one_incident(text: str, kind: str) -> None:
    claims = _claims(text)
    assert [(c.outcome, c.low, c.kind) for c in claims] == [("wounded", 117, kind)]
