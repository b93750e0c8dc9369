"""A hand-built set of clustered claims shared by the reconciliation and rendering tests.

The sentences are written for these tests. Two incidents (a desert attack with competing
claims and an omission; an air strike on civilians with a belligerent's low count), two
period totals, an updated figure, Arabic text and rich markup in the input text.
"""

from __future__ import annotations

from casualty.model import Claim

SOHR = "Syrian Observatory for Human Rights"
IS = "Islamic State"
SANA = "SANA"
COALITION = "US-led coalition"
AIRWARS = "Airwars"
HOSPITAL = "Raqqa National Hospital"
GOV = "Syrian government forces"

DESERT = dict(
    incident_id="2017-09-28-sukhna",
    date="2017-09-28",
    date_precision="day",
    location="Sukhna",
    admin1="Homs",
    country="SY",
    perpetrator=IS,
)
STRIKE = dict(
    incident_id="2017-08-14-raqqa",
    date="2017-08-14",
    date_precision="day",
    location="Raqqa",
    admin1="Raqqa",
    country="SY",
    perpetrator=COALITION,
)


def example_claims() -> list[Claim]:
    """The example claims, in a scrambled order (reconciliation must not depend on it)."""
    claims = [
        Claim(
            source=SOHR,
            source_type="monitor",
            outcome="killed",
            claim_id="c-sohr-gov-2",
            victim=GOV,
            victim_category="combatants",
            low=73,
            high=None,
            qualifier="at least 73",
            published="2017-09-29",
            doc="wire-2",
            span=(0, 80),
            reported_by="Example Wire",
            text="The monitor now puts the number of soldiers killed in the raid at no fewer "
            "than 73.",
            **DESERT,  # type: ignore[arg-type]
        ),
        Claim(
            source=SOHR,
            source_type="monitor",
            outcome="killed",
            claim_id="c-sohr-gov-1",
            victim=GOV,
            victim_category="combatants",
            low=50,
            high=50,
            qualifier="50",
            published="2017-09-28",
            doc="wire-1",
            span=(10, 70),
            reported_by="Example Wire",
            text="Fifty soldiers died when the outposts were overrun, the monitor said first.",
            **DESERT,  # type: ignore[arg-type]
        ),
        Claim(
            source=IS,
            source_type="belligerent",
            outcome="killed",
            claim_id="c-is-gov",
            victim=GOV,
            victim_category="combatants",
            low=24,
            high=99,
            qualifier="dozens",
            published="2017-09-29",
            doc="wire-2",
            span=(100, 160),
            reported_by="Example Wire",
            text="The group said in an online statement that its men had slain dozens of "
            "[bold]troops[/bold].",
            **DESERT,  # type: ignore[arg-type]
        ),
        Claim(
            source=SANA,
            source_type="state_media",
            outcome="killed",
            kind="omission",
            claim_id="c-sana-omit",
            victim=GOV,
            victim_category="combatants",
            published="2017-09-29",
            doc="wire-2",
            span=(200, 260),
            reported_by="Example Wire",
            text="State television said nothing about casualties among the soldiers.",
            **DESERT,  # type: ignore[arg-type]
        ),
        Claim(
            source=SANA,
            source_type="state_media",
            outcome="killed",
            claim_id="c-sana-is",
            victim=IS,
            victim_category="combatants",
            qualifier="heavy losses",
            published="2017-09-29",
            doc="wire-2",
            span=(300, 360),
            reported_by="Example Wire",
            text="قالت الوكالة إن الجيش كبّد الإرهابيين خسائر فادحة",
            **DESERT,  # type: ignore[arg-type]
        ),
        Claim(
            source=SOHR,
            source_type="monitor",
            outcome="killed",
            claim_id="c-sohr-is",
            victim=IS,
            victim_category="combatants",
            low=45,
            high=None,
            qualifier="at least 45",
            published="2017-09-29",
            doc="wire-2",
            span=(400, 460),
            reported_by="Example Wire",
            text="At least 45 of the attackers also died, according to the monitor.",
            **DESERT,  # type: ignore[arg-type]
        ),
        Claim(
            source=COALITION,
            source_type="belligerent",
            outcome="killed",
            claim_id="c-coal-civ",
            victim="civilians",
            victim_category="civilians",
            low=3,
            high=3,
            qualifier="three",
            published="2017-08-20",
            doc="statement-8",
            span=(0, 50),
            text="The coalition acknowledged that three civilians were unintentionally killed.",
            **STRIKE,  # type: ignore[arg-type]
        ),
        Claim(
            source=AIRWARS,
            source_type="monitor",
            outcome="killed",
            claim_id="c-airwars-civ",
            victim="civilians",
            victim_category="civilians",
            low=12,
            high=18,
            qualifier="between 12 and 18",
            published="2017-08-16",
            doc="airwars-8",
            span=(0, 60),
            text="Local sources reported that between 12 and 18 civilians died in the strike.",
            **STRIKE,  # type: ignore[arg-type]
        ),
        Claim(
            source=HOSPITAL,
            source_type="medical",
            outcome="wounded",
            claim_id="c-hosp-wounded",
            victim="civilians",
            victim_category="civilians",
            low=None,
            high=40,
            qualifier="up to 40",
            published="2017-08-15",
            doc="local-8",
            span=(5, 55),
            text="Doctors treated up to 40 injured people | =SUM(A1) after the strike.",
            **STRIKE,  # type: ignore[arg-type]
        ),
        Claim(
            source=COALITION,
            source_type="belligerent",
            outcome="killed",
            kind="period_total",
            claim_id="c-coal-august",
            victim="civilians",
            victim_category="civilians",
            low=50,
            high=50,
            qualifier="50",
            date="2017-08-01",
            date_precision="month",
            published="2017-09-29",
            doc="wire-2",
            span=(500, 560),
            country="SY",
            text="The coalition said its August review found 50 more civilian deaths.",
        ),
        Claim(
            source=COALITION,
            source_type="belligerent",
            outcome="killed",
            kind="period_total",
            claim_id="c-coal-total",
            victim="civilians",
            victim_category="civilians",
            low=735,
            high=735,
            qualifier="735",
            date="2014-08-08",
            date_end="2017-09-29",
            published="2017-09-29",
            doc="wire-2",
            span=(560, 620),
            text="That brings the civilian deaths it admits since 2014 to 735.",
        ),
    ]
    return claims[3:] + claims[:3]
