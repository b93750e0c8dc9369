"""Patterns found on a fourth round of unseen articles (engineer U), as tables of invented
sentences: active verbs whose figure is the killer, "how many" questions, "spoke of",
and the claimant patterns that follow. The sentences are written for these tests; none
comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2022-05-10") -> list[Claim]:
    doc = Document(id="g4", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _figures(text: str) -> list[tuple[str, int | None, int | None]]:
    return sorted((c.outcome, c.low, c.high) for c in _claims(text) if c.kind != "omission")


FIGURES = [
    # "gunned down", "fatally shot", "shot and killed" before their figure are killings
    ("Raiders gunned down three traders and their guide near Dalo.", [("killed", 3, 3)]),
    ("Gunmen fatally shot two guards at the gate.", [("killed", 2, 2)]),
    ("Bandits shot and killed four herders.", [("killed", 4, 4)]),
    ("At least three drivers were shot and killed by bandits.", [("killed", 3, None)]),
    ("Two guards were fatally shot on Monday.", [("killed", 2, 2)]),
    # a figure before an active verb with an object is the killer, not the victim
    ("Two gunmen killed a guard at the depot.", []),
    ("Three raiders gunned down the driver.", []),
    ("Two soldiers killed three smugglers.", [("killed", 3, 3)]),
    ("Four men shot dead their neighbour.", []),
    # ... but a passive or reduced relative keeps the figure the victim's
    ("Two men were killed the same day.", [("killed", 2, 2)]),
    ("Twelve people killed the previous night were buried.", [("killed", 12, 12)]),
    ("Five villagers killed a day earlier were buried.", [("killed", 5, 5)]),
    ("Three killed, five injured.", [("killed", 3, 3), ("wounded", 5, 5)]),
    # "cost N lives" is a toll, not a price
    ("The long war has cost 2,000 lives.", [("killed", 2000, 2000)]),
    ("The revolt has cost thousands of lives.", [("killed", 2000, 9999)]),
    ("The new bridge cost 2,000 dollars.", []),
    # "killed X and N others": N others and the one named first
    ("A shell killed a teacher and 14 others in the square.", [("killed", 15, 15)]),
    ("The blast wounded the governor and more than 30 others.", [("wounded", 32, None)]),
    ("Gunmen killed the guard and two other workers.", [("killed", 3, 3)]),
    (
        "Raiders stormed Dalo, killing the village head identified as Ali Kone and 17 other "
        "victims.",
        [("killed", 18, 18)],
    ),
    # ... only after an active verb with an object: in a list of the dead, "and two others"
    # is a part of its own (no one added)
    (
        "The dead included a nurse killed at the market, one killed in Ardo and two others "
        "in Vell, the monitor said.",
        [("killed", 1, 1), ("killed", 2, 2)],
    ),
    # "a third soldier": one more victim; "a third of" is a fraction
    ("Two guards were killed. A third guard was wounded.", [("killed", 2, 2), ("wounded", 1, 1)]),
    ("A third of the dead were children.", []),
    ("A second blast killed five people.", [("killed", 5, 5)]),
    # "12 killed in A and five in B": the outcome said once serves both figures
    ("Twelve people were killed in Arbo and five in Dalo.", [("killed", 12, 12), ("killed", 5, 5)]),
    (
        "The chief said 30 people were wounded in Arbo and eight civilians at the market.",
        [("wounded", 30, 30), ("wounded", 8, 8)],
    ),
    ("Twelve people were killed in Arbo and five tanks in Dalo.", [("killed", 12, 12)]),
    ("Killing 12 in Arbo and wounding 5 in Dalo.", [("killed", 12, 12), ("wounded", 5, 5)]),
    # the vocabulary of military statements: martyrdom, "sent to hell", "killing all N"
    ("At least five guards embraced martyrdom in the raid.", [("killed", 5, None)]),
    ("The blast resulted in the martyrdom of four soldiers.", [("killed", 4, 4)]),
    ("Two raiders were sent to hell, the army said.", [("killed", 2, 2)]),
    ("Troops foiled the raid, killing all 12 attackers.", [("killed", 12, 12)]),
    # "a heavy toll" is a qualitative claim of deaths, unless its figure follows
    ("The raid took a heavy toll on the garrison.", [("killed", None, None)]),
    ("The heavy toll of 40 dead shocked the town.", [("killed", 40, 40)]),
    # arms and munitions are no captives
    ("Several of their arms and munitions were seized.", []),
    # captives a relative clause says were killed are dead
    ("Five prisoners who were killed in the riot were buried.", [("killed", 5, 5)]),
    ("Twelve prisoners who were freed went home.", [("captured", 12, 12)]),
    # murder and beheading are killings
    ("Raiders murdered and beheaded five traders on Monday.", [("killed", 5, 5)]),
    ("Gunmen stormed the hamlet, murdering at least three farmers.", [("killed", 3, None)]),
    ("Militants beheaded two fishermen.", [("killed", 2, 2)]),
    ("Twelve villagers were hacked to death.", [("killed", 12, 12)]),
    ("The murder of nine guards shocked the town.", [("killed", 9, 9)]),
    ("Two gunmen murdered a guard.", []),
    # an aside between dashes does not cut a figure from its outcome
    (
        "More than 200 people – most of them farmers – have been killed in the valley.",
        [("killed", 201, None)],
    ),
    ("Five guards – the army said – were killed.", []),
    # one figure twice in one sentence is two figures, not a restatement
    (
        "The army said dozens of raiders were wounded, adding that dozens of its own men "
        "were also wounded.",
        [("wounded", 24, 99), ("wounded", 24, 99)],
    ),
    ("Nine guards were killed. Nine guards died in the raid.", [("killed", 9, 9)]),
    ("Gunmen killed 12 people, killing 12 in all.", [("killed", 12, 12)]),
    # a lone "another" after an active outcome verb is one more victim
    (
        "Raiders hit the post, killing six guards and wounding another in the clash.",
        [("killed", 6, 6), ("wounded", 1, 1)],
    ),
    ("Gunmen killed another 12 people.", [("killed", 12, 12)]),
    # "several locations" counts places, not the dead named after them
    ("Shells hit several locations and half of those killed were children.", []),
    # "how many" asks; it counts nobody
    ("It is not clear how many people were abducted, the mayor said.", []),
    ("It was unclear how many were still missing.", []),
    ("Many people were wounded.", [("wounded", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures(text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert _figures(text) == sorted(expected)


def _sources(text: str) -> list[tuple[str, int, str, str]]:
    return sorted(
        (c.outcome, -1 if c.low is None else c.low, c.source, c.source_type)
        for c in _claims(text)
        if c.kind != "omission"
    )


CLAIMANTS = [
    # "spoke of" a figure: the speaker claims it
    (
        "Senator Ada Brill, who toured the camp, spoke of 14 deaths.",
        [("killed", 14, "Senator Ada Brill", "official")],
    ),
    (
        "Witnesses spoke of at least nine bodies in the square.",
        [("killed", 9, "Witnesses", "unknown")],
    ),
    # "spoke" without "of" and a figure is no speech of a toll
    (
        "A guard spoke to reporters at the gate. Six people were killed in the raid.",
        [("killed", 6, "Example Wire", "media")],
    ),
    # "an attack ... claimed by X": X did the attack; it does not count the dead
    (
        "Nine people were killed in a bombing in the port claimed by the Velm Front, "
        "which said it was targeting officers.",
        [("killed", 9, "Example Wire", "media")],
    ),
    (
        "Nine people were killed in a raid claimed by the Velm Front, the police said.",
        [("killed", 9, "the police", "official")],
    ),
    # "since X declared ...": a time clause, X counts nothing
    (
        "Forty guards have been killed since the governor declared the revolt over.",
        [("killed", 40, "Example Wire", "media")],
    ),
    (
        "Since the ministry announced the offensive, 40 rebels were killed, the army said.",
        [("killed", 40, "the army", "belligerent")],
    ),
    # "the group" is a non-state party: not the army named before it
    (
        "Two herders were killed in a raid by Boko Haram on Monday. "
        "The fighters attacked a base held by the Nigerian Army. "
        "The group said on its radio that several officers were killed.",
        [("killed", 2, "Example Wire", "media"), ("killed", 3, "Boko Haram", "belligerent")],
    ),
    # an indefinite apposition describes the subject before it: the subject is the claimant
    (
        "Troops from Operation Barkhane, a French mission in the Sahel, announced they had "
        "killed 16 fighters.",
        [("killed", 16, "French armed forces", "belligerent")],
    ),
    # ... but not the object of the clause before a trailing speaker
    (
        "The shelling killed 48 people, a local medical source said.",
        [("killed", 48, "a local medical source", "medical")],
    ),
    # an inverted verb after a quotation, its subject after a time and a channel
    (
        "“The raiders killed at least 22 people with machetes”, posted on Friday on its "
        "Twitter account the Kivu Security Tracker.",
        [("killed", 22, "Kivu Security Tracker", "monitor")],
    ),
    (
        "“Gunmen killed 13 villagers”, published late on its website the Kivu Security Tracker.",
        [("killed", 13, "Kivu Security Tracker", "monitor")],
    ),
    # a figure the speaker calls false is the false report's, not the speaker's
    (
        "The command said: “We are aware of a fake report circulating online that raiders "
        "killed 60 people in Dalo. In fact, raiders killed nine people.”",
        [
            ("killed", 60, "a fake report", "unknown"),
            ("killed", 9, "The command", "belligerent"),
        ],
    ),
    (
        "The army denied a false report that 50 soldiers died, saying nine were killed.",
        [("killed", 50, "a false report", "unknown"), ("killed", 9, "The army", "belligerent")],
    ),
    # a quotation without a speaker is not the voice of "several sources": the speaker before
    (
        "Nine guards died on Monday in a raid in the north, the army said. "
        "The toll could rise, several security sources said. "
        "“A first report states that nine guards were killed and four were wounded.”",
        [
            ("killed", 9, "the army", "belligerent"),
            ("wounded", 4, "the army", "belligerent"),
        ],
    ),
    # ... while one speaker's quotation goes on in his voice
    (
        "Nine guards died in the raid, a police officer said. “Four more were wounded.”",
        [
            ("killed", 9, "a police officer", "official"),
            ("wounded", 4, "a police officer", "official"),
        ],
    ),
    # "X said the rebels attacked ...": a reported clause, not an inverted "said the rebels"
    (
        "Ada Brill, spokeswoman for the governor, said the rebels attacked late on Friday, "
        "setting off a battle in which six rebels were killed.",
        [("killed", 6, "Ada Brill, spokeswoman for the governor", "official")],
    ),
    (
        "Twelve people died, said the embattled mayor.",
        [("killed", 12, "the embattled mayor", "official")],
    ),
    # a named speaker set off by commas, then an indefinite apposition: the named one
    (
        "At least 40 were killed in the raid, the Madani Resistance Committee, a local group, "
        "said.",
        [("killed", 40, "Madani Resistance Committee", "monitor")],
    ),
    # "Neither X nor Y have confirmed": no speaker; "the ministry" after it is the ministry
    (
        "Neither the police nor the health ministry have confirmed a toll. According to the "
        "health ministry, the raids have killed more than 900 people.",
        [("killed", 901, "the health ministry", "medical")],
    ),
    # an object pronoun after "according to" is the person named before
    (
        "Ada Brill, a farmer, said the raiders came at night. According to her, the raiders "
        "killed over 20 people in a nearby village.",
        [("killed", 21, "Ada Brill", "unknown")],
    ),
    # "estimates" speaks; an aside "in contrast" does not end the subject
    (
        "The Observatory estimates that more than 9,000 people have been killed since the "
        "revolt began.",
        [("killed", 9001, "Syrian Observatory for Human Rights", "monitor")],
    ),
    (
        "Local monitors, in contrast, say 40 people were killed.",
        [("killed", 40, "Local monitors", "monitor")],
    ),
    # a member of an alliance speaks in its own name
    (
        "“They shelled the town,” the Ta'ang National Liberation Army (TNLA) said. "
        "Eleven civilians died, it said.",
        [("killed", 11, "Ta'ang National Liberation Army", "belligerent")],
    ),
    # "fake news ... claiming that 9 were killed" is no speaker whose voice carries on
    (
        "The rebels said nine guards were killed, but Col. Ali Badje called it fake news. "
        "“Fake news is circulating claiming that nine guards were killed. In fact two guards "
        "were killed,” Col. Badje said.",
        [
            ("killed", 2, "Col. Badje", "belligerent"),
            ("killed", 9, "Fake news", "unknown"),
            ("killed", 9, "The rebels", "belligerent"),
        ],
    ),
    # a bare toll "hospitalized with ..." right after the speaker's sentence carries him on
    (
        "The governor, Ivan Petrenko, said a strike hit the city. "
        "Three men were hospitalized with shrapnel wounds.",
        [("wounded", 3, "The governor, Ivan Petrenko", "official")],
    ),
    # the agent of a passive, then the speaker: not "descriptor, name"
    (
        "Five people were beheaded by militants in the north, Carta de Mocambique reports.",
        [("killed", 5, "Carta de Moçambique", "media")],
    ),
    # "according to a report in X": X's report
    (
        "Raiders murdered six farmers, according to a report in Monday's issue of the "
        "independent newssheet Carta de Mocambique.",
        [("killed", 6, "Carta de Moçambique", "media")],
    ),
    # "alleged" speaks; "the alleged attacker" does not
    (
        "The committee alleged that raiders killed more than 40 people.",
        [("killed", 41, "The committee", "monitor")],
    ),
    ("The alleged attacker killed three people.", [("killed", 3, "Example Wire", "media")]),
    # "an attack in which 11 died, that was later claimed by X": X did it, not counted it
    (
        "It follows an attack on Friday in which 11 guards were killed, that was later claimed "
        "by the Velm Front.",
        [("killed", 11, "Example Wire", "media")],
    ),
    # "reports from X indicate": the reports are a noun, X the claimant
    (
        "Separate reports from Deutsche Welle (DW) indicate that seven teachers were killed.",
        [("killed", 7, "Deutsche Welle", "media")],
    ),
    # a medical practitioner is a medical source
    (
        "A medical practitioner confirmed that 18 people sustained serious injuries.",
        [("wounded", 18, "A medical practitioner", "medical")],
    ),
    # "X accused Y of killing N": X claims it; "Y is accused of killing N" names no speaker
    (
        "The committee accused the militia of killing more than 40 children.",
        [("killed", 41, "The committee", "monitor")],
    ),
    ("The militia is accused of killing 40 people.", [("killed", 40, "Example Wire", "media")]),
    # a deputy or lawmaker is an official
    (
        "Lawmaker Tom Veer said 11 people died in the blast.",
        [("killed", 11, "Lawmaker Tom Veer", "official")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMANTS)
def test_claimants(text: str, expected: list[tuple[str, int, str, str]]) -> None:
    assert _sources(text) == sorted(expected)


def _omissions(text: str) -> list[tuple[str, str]]:
    return sorted((c.source, c.outcome) for c in _claims(text) if c.kind == "omission")


OMISSIONS = [
    # the toll word inside the cue ("without giving a death toll") is the topic
    (
        "Mayor Ida Renn confirmed the raid without giving a death toll.",
        [("Mayor Ida Renn", "killed")],
    ),
    # "without ..." after a quotation: its speaker, not the words before the cue
    (
        '"The fighters were routed," a colonel told reporters, without giving any figures.',
        [("a colonel", "killed")],
    ),
    # ... or the clause's subject, a pronoun for the speaker named before
    (
        "The army said the town was calm. It praised its units but without specifying the "
        "number injured or killed.",
        [("The army", "killed")],
    ),
    (
        "The regional authorities have not yet communicated on the raid.",
        [("The regional authorities", "killed")],
    ),
    ("The army is yet to issue a statement on the raid.", [("The army", "killed")]),
    (
        "The rebels lost men, said Ali Kone, but he couldn't provide any figure.",
        [("Ali Kone", "killed")],
    ),
    # an omission of figures for the wounded only stays one of the wounded
    (
        "The police released the names but without giving the number of injured.",
        [("The police", "wounded")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OMISSIONS)
def test_omissions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _omissions(text) == sorted(expected)


def _kinds(text: str) -> list[tuple[str, int | None]]:
    return sorted((c.kind, c.low) for c in _claims(text) if c.kind != "omission")


KINDS = [
    # a superlative ranks one incident among a period's: "to date", "in a string of"
    ("The heaviest raid on the garrison to date left 14 guards dead.", [("claim", 14)]),
    ("The biggest bombing since 2019 killed 30 people, police said.", [("claim", 30)]),
    (
        "Raiders killed nine herders on Sunday, the police said, the latest in a series of "
        "attacks on the valley.",
        [("claim", 9)],
    ),
    # ... but a toll's own superlative or a period's stays a period total
    ("The toll to date is 300 dead.", [("period_total", 300)]),
    ("The latest toll since the war began is 3,000 dead.", [("period_total", 3000)]),
    ("Its last claim was for a wave of bombings that killed 27 people.", [("period_total", 27)]),
    ("The war has cost 2,000 lives.", [("period_total", 2000)]),
    ("The decade-long revolt has killed 4,000 people.", [("period_total", 4000)]),
    ("Since the crisis began, 300 people have been killed.", [("period_total", 300)]),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_kinds(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert _kinds(text) == sorted(expected)


TYPES = [
    # a person named after a speech verb speaks as the descriptor set off after the name
    ("Three guards died, said Ali Serat, spokesman for the provincial police chief.", "official"),
    ("Twelve people died, said Dan Kib, administrator of the Dalo territory.", "official"),
    (
        "Twenty were wounded, said Col. Naw Tu, spokesperson of the Kachin Independence Army.",
        "belligerent",
    ),
    ("Twelve people died, said Jon Abel, a resident.", "unknown"),
    # a rank abbreviated is a soldier's, a police rank an official's
    ("Col. Ali Badje said 12 rebels were killed.", "belligerent"),
    ("Police Brigadier Saeed Noor said 14 people were hurt.", "official"),
]


@pytest.mark.parametrize(("text", "expected"), TYPES)
def test_types(text: str, expected: str) -> None:
    assert {c.source_type for c in _claims(text) if c.kind != "omission"} == {expected}


def test_singular_victim_is_its_side() -> None:
    """'One Ukrainian soldier' is of the Ukrainian forces, not the other party of the article
    (the registry lists the plural: the singular fell through to the article's state party)."""
    text = "Russian missiles hit an airfield near Dnipro. One Ukrainian soldier was killed."
    assert [c.victim for c in _claims(text) if c.kind != "omission"] == ["Ukrainian forces"]


def test_dateline_set_off_by_a_spaced_dash_is_no_scene() -> None:
    """'Abidjan – Eight soldiers were killed in Burkina Faso': where the report was filed."""
    text = "Abidjan – Eight soldiers were killed in a raid in northern Burkina Faso on Monday."
    assert [c.country for c in _claims(text) if c.kind != "omission"] == ["BF"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a division's namesake abroad, written inside a division of the article's country
        ("Gunmen killed 12 people in Bali district in Taraba state on Sunday.", "NG"),
        ("Militants killed three policemen in the Karak district of Khyber Pakhtunkhwa.", "PK"),
    ],
)
def test_division_inside_a_division_of_another_country(text: str, country: str) -> None:
    assert {c.country for c in _claims(text) if c.kind != "omission"} == {country}


def test_dateline_with_day_and_agency_is_no_scene() -> None:
    """'Baku, April 14, AZERTAC' heads a report filed in Baku about Darfur."""
    text = "Baku, April 14, AZERTAC\n\nShelling killed 20 people in camps near the town."
    assert [c.country for c in _claims(text) if c.kind != "omission"] == [None]
