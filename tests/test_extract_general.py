"""General failure patterns found on unseen articles, as tables of invented sentences.

Each table pins one pattern an analyst would flag: a number that is no casualty figure, a
sub-count read as a toll of its own, a claimant taken from the wrong phrase. The sentences are
written for these tests; none comes from a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(text: str, outlet: str = "Example Wire") -> list[Claim]:
    doc = Document(id="g1", text=text, published="2022-05-10", outlet=outlet)
    return [c for c in extract_document(doc) if c.kind != "omission"]


def _figures(text: str) -> list[tuple[str, int | None, int | None, str | None]]:
    return sorted(
        ((c.outcome, c.low, c.high, c.qualifier) for c in _claims(text)),
        key=lambda f: (f[0], f[1] or -1),
    )


# --- numbers that count no victims ------------------------------------------------------------

NOT_VICTIMS = [
    # ages listed after the victims
    (
        "The clinic said two girls, aged 5 and 8, were among the dead.",
        [("killed", 2, 2, "two")],
    ),
    (
        "Medics said three brothers, ages 10, 12 and 15, were among those killed.",
        [("killed", 3, 3, "three")],
    ),
    # the size of a victim's family
    ("The mayor said a farmer who had four children was among those killed.", []),
    (
        "A mother of seven was among 11 villagers killed, residents said.",
        [("killed", 11, 11, "11")],
    ),
    # a quantifier of things, not people
    (
        "The group claimed a wave of bombings that killed at least 14 people.",
        [("killed", 14, None, "at least 14")],
    ),
    ("Numerous goats and cows were killed when the shells hit the farm.", []),
    ("Multiple drones were shot down, the army said.", []),
    # figures in brackets are figures
    (
        "The toll from the shelling rose to (31) people, while (103) others were injured.",
        [("killed", 31, 31, "31"), ("wounded", 103, 103, "103")],
    ),
    # a vehicle model between the figure and the noun
    ("The insurgents said they captured eight 4×4 vehicles and two tanks.", []),
    ("The insurgents said they captured eight 4x4 trucks.", []),
]


@pytest.mark.parametrize(("text", "expected"), NOT_VICTIMS)
def test_numbers_that_count_no_victims(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert _figures(text) == expected


def test_a_quantifier_of_people_stays_a_claim() -> None:
    assert _figures("Many soldiers were killed in the ambush, a villager said.") == [
        ("killed", None, None, "Many")
    ]


# --- parts of a toll and clauses a figure cannot cross ----------------------------------------

SUBCOUNTS = [
    (
        "Eight civilians, 3 of them children, were killed and 21 others, 6 of them women, were "
        "wounded, the governor said.",
        [("killed", 8, 8, "Eight"), ("wounded", 21, 21, "21")],
    ),
    (
        "The blast killed 17 people, including five police officers and injured 33 others.",
        [("killed", 17, 17, "17"), ("wounded", 33, 33, "33")],
    ),
    (
        "Gunmen shot dead 6 miners, two of whom were teenagers, a local official said.",
        [("killed", 6, 6, "6")],
    ),
    # far from the total, after its attribution, an "including" figure is a figure of its own
    (
        "More than 4,000 people have died since the war began, the monitor said, including "
        "more than 300 killed since the ceasefire.",
        [("killed", 301, None, "more than 300"), ("killed", 4001, None, "More than 4,000")],
    ),
    # a sub-count with no total before it is the only figure given: it stays
    ("Among them, 4 medics were killed.", [("killed", 4, 4, "4")]),
    # a figure before "that" and a new subject does not reach the outcome of that clause
    (
        "A police officer told one of our reporters that three guards were killed.",
        [("killed", 3, 3, "three")],
    ),
    ("The 12 soldiers that were killed were buried on Sunday.", [("killed", 12, 12, "12")]),
    # an age aside between the victims and the outcome
    ("Two girls, aged 6 and 11, were killed by the shell.", [("killed", 2, 2, "Two")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shelling caused the deaths of 6 people and the injury of dozens, medics said.",
            [("killed", 6, 6, "6"), ("wounded", 24, 99, "dozens")],
        ),
        ("The blast caused injuries to 19 people.", [("wounded", 19, 19, "19")]),
        ("Five people were in a critical condition.", [("wounded", 5, 5, "Five")]),
        (
            "The raid led to the neutralisation of several gunmen.",
            [("killed", 3, 9, "several")],
        ),
    ],
)
def test_injury_nouns(text: str, expected: list[tuple[str, int | None, int | None, str]]) -> None:
    assert _figures(text) == expected


COORDINATED = [
    # figures coordinated before one outcome all take it
    (
        "Four soldiers and 12 civilians were killed.",
        [("killed", 4, 4, "Four"), ("killed", 12, 12, "12")],
    ),
    (
        "Police said 4 officers, 3 guards and 2 bystanders were wounded.",
        [("wounded", 2, 2, "2"), ("wounded", 3, 3, "3"), ("wounded", 4, 4, "4")],
    ),
    (
        "Two armed men in Kidal and three herders in Gao died on Tuesday.",
        [("killed", 2, 2, "Two"), ("killed", 3, 3, "three")],
    ),
    # a figure with a verb of its own is not coordinated with the next one
    (
        "The war has left 9 million people displaced and thousands killed.",
        [("killed", 2000, 9999, "thousands")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_figures(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), SUBCOUNTS)
def test_parts_of_a_toll_are_not_tolls(
    text: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert _figures(text) == expected


# --- claimants ----------------------------------------------------------------------------------


def _sources(text: str) -> list[tuple[str, str, int | None]]:
    return sorted((c.source, c.outcome, c.low) for c in _claims(text))


CLAIMANTS = [
    # an absolute "with X saying": X speaks, not the subject of the main clause
    (
        "Jets pounded the camp on Friday, the army announced, with the enclave's health "
        "ministry saying eleven people were killed.",
        [("the enclave's health ministry", "killed", 11)],
    ),
    (
        "Shelling went on through the night, with medics saying at least 9 had died.",
        [("medics", "killed", 9)],
    ),
    # a relative clause inside a quotation is still the quoted speaker's words
    (
        '"The strike, which hit the pumping station in the east of the city with two missiles '
        'on Monday left four dead," the spokesman Omar Nasser said.',
        [("the spokesman Omar Nasser", "killed", 4)],
    ),
    # a quotation that runs over two sentences: its speaker is named where it closes
    (
        'Police said the road was closed. "The convoy was ambushed at dawn, leaving heavy '
        'casualties. We have found six bodies so far," a district official told reporters.',
        [
            ("a district official", "killed", 6),
            ("a district official", "killed_or_wounded", None),
        ],
    ),
    (
        "Police said the road was closed. “The convoy was ambushed at dawn, leaving heavy "
        "casualties. We have found six bodies so far,” a district official told reporters.",
        [
            ("a district official", "killed", 6),
            ("a district official", "killed_or_wounded", None),
        ],
    ),
    # "the statement said": the author of the statement told of before
    (
        "The army said in a statement that its troops repelled the raid. Separately, the "
        'statement said that "troops killed 27 insurgents" in the region.',
        [("The army", "killed", 27)],
    ),
    # ... and a later statement is its own author's (named past a dash aside), not the
    # previous author's
    (
        "The army said in a statement that its troops repelled the raid. The Front — an "
        "offshoot of another group — claimed the attack in a statement. The statement said "
        "that 20 guards were killed.",
        [("The Front", "killed", 20)],
    ),
    # an "according to" that names no speaker does not stop the search for the quote's end
    (
        'The governor said the city was hit. "According to preliminary data, three people were '
        'killed. Rescuers are at the scene," he wrote on Telegram.',
        [("The governor", "killed", 3)],
    ),
    # a name used as an adjective ("Hamas-run") qualifies the speaker; it is not the speaker
    (
        "The health ministry of the Hamas-run territory said 14 people were killed.",
        [("The health ministry of the Hamas-run territory", "killed", 14)],
    ),
    # a verb in "-ing" with its object, or a preposition, opens no claimant phrase
    (
        "The rebels deny it by spreading on social networks, reports meant to mislead. As a "
        "result, 8 civilians were killed.",
        [("Example Wire", "killed", 8)],
    ),
    # pictures do not speak: whoever published them does
    (
        "Graphic images on the Twitter account of Al-Salam Hospital claim to show at least "
        "four men killed in the strike.",
        [("Al-Salam Hospital", "killed", 4)],
    ),
    ("The rebels claim 30 soldiers were killed.", [("The rebels", "killed", 30)]),
    ("The claim of 40 dead was denied by the army.", [("Example Wire", "killed", 40)]),
    ("The agency reports 12 people were killed.", [("The agency", "killed", 12)]),
    (
        "Its latest claim was for a bombing on Monday that killed 27 people.",
        [("Example Wire", "killed", 27)],
    ),
    # a list of outlets is no object glued to a speaker
    (
        "News outlets Radio Dawn, the Herald and TV Nine reported 10 deaths.",
        [("the Herald and TV Nine", "killed", 10)],
    ),
    # an agency quoting "the statement" relays the statement's author
    (
        "The Tal Hamid council said in a statement that the raid killed 12 herders. Dozens of "
        "bodies lay in the open, Xinhua reported, quoting the statement.",
        [("The Tal Hamid council", "killed", 12), ("The Tal Hamid council", "killed", 24)],
    ),
    # the object of an earlier verb is not coordinated with the speaker
    (
        "The militia claimed responsibility and spokesman Omar Karim claimed more than 20 "
        "guards were killed.",
        [("spokesman Omar Karim", "killed", 21)],
    ),
    # two claimants in one phrase give two claims; two adjectives of one noun do not
    (
        "At least 9 people were killed when gunmen stormed the post, officials and the "
        "insurgents said.",
        [("officials", "killed", 9), ("the insurgents", "killed", 9)],
    ),
    # a part that resolves to its partner ("a monitor" -> the activists) keeps the phrase
    (
        "Jets killed 10 civilians, activists and a monitor said.",
        [("activists and a monitor", "killed", 10)],
    ),
    (
        "The raid killed 46 people, security and medical sources said.",
        [("security and medical sources", "killed", 46)],
    ),
    # groups of volunteers or activists speak for themselves
    (
        "At least 13 civilians were killed when the militia shelled the town, volunteer "
        "groups reported.",
        [("volunteer groups", "killed", 13)],
    ),
    # a descriptor with the person's name beside it names its speaker: no antecedent
    (
        "Police in the province said 3 guards were wounded. The spokesman, Ali Noori, says 15 "
        "fighters were killed.",
        [("Police in the province", "wounded", 3), ("The spokesman, Ali Noori", "killed", 15)],
    ),
    # a parenthetical adverb before the verb is no inversion ("X, however, said Y")
    (
        "Dr Lina Haddad, however, said the raid was deliberate. She also said that four people "
        "were in a critical condition.",
        [("Dr Lina Haddad", "wounded", 4)],
    ),
    # "claimed ... lives" is an outcome, not a speaker's claim
    ("Such raids have claimed more than 300 lives.", [("Example Wire", "killed", 301)]),
    # a soldier speaks as a belligerent, beside a medic as a medical source
    (
        "One guard was killed and 6 others injured, a soldier and a hospital worker said.",
        [
            ("a hospital worker", "killed", 1),
            ("a hospital worker", "wounded", 6),
            ("a soldier", "killed", 1),
            ("a soldier", "wounded", 6),
        ],
    ),
    # "according to the statement": the author of the statement released before it
    (
        "Two guards were killed on Monday. The Border Police Command released a statement "
        "confirming the deaths. The raid also wounded 3 others, according to the statement.",
        [("Example Wire", "killed", 2), ("The Border Police Command", "wounded", 3)],
    ),
    # a descriptor with no type of its own does not take an unrelated earlier speaker
    (
        "At least four residents were killed, officials said. Three died in the town, "
        "according to the region's information center.",
        [("officials", "killed", 4), ("the region's information center", "killed", 3)],
    ),
    # a participle and its agent close the subject: the head noun speaks, not the agent
    (
        '"A shell hit a block of flats," the police force in the part of the province '
        'controlled by the rebels said in a statement. "Two civilians died of their wounds."',
        [("the police force in the part of the province", "killed", 2)],
    ),
    (
        "The militia backed by Iran said 12 of its fighters were killed.",
        [("The militia", "killed", 12)],
    ),
    # "X, who say ...": the relative pronoun's antecedent speaks
    (
        "There was no immediate comment from the provincial authorities, who say the militia "
        "has killed hundreds of people in such raids.",
        [("the provincial authorities", "killed", 200)],
    ),
    # "reports citing X": X, however the sentence is built
    (
        "There are also reports, citing health officials in the district, of a strike killing "
        "at least 14 people.",
        [("health officials in the district", "killed", 14)],
    ),
    # outside quotation marks such a clause is background the speaker does not claim
    (
        "The militia, whose raid killed 30 farmers in March, said the talks had failed.",
        [("Example Wire", "killed", 30)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMANTS)
def test_claimant_of_the_figure(text: str, expected: list[tuple[str, str, int | None]]) -> None:
    assert _sources(text) == expected


# --- period totals and aggregates ---------------------------------------------------------------

KINDS = [
    (
        "The campaign of air strikes on the northern province has killed at least 58 people, "
        "the rebels said.",
        ("period_total", None),
    ),
    (
        "At least 40 people have been killed in a week of clashes in the capital, medics said.",
        ("period_total", None),
    ),
    ("Over 9,000 people have died since the Syrian uprising began.", ("period_total", None)),
    ("More than 500 were killed since the truce took effect.", ("period_total", None)),
    ("The war has resulted in at least 20,000 deaths, the agency said.", ("period_total", None)),
    # an aggregate of one day keeps that day
    (
        "Its last attack was a wave of bombings on Saturday that killed at least 31 people.",
        ("period_total", "2022-05-07"),
    ),
    (
        "Nearly 40 people were killed on Monday in violence across the country, the monitor said.",
        ("period_total", "2022-05-09"),
    ),
    (
        "Strikes have killed more than 590 civilians since the end of April, the monitor said.",
        ("period_total", None),
    ),
    (
        "In nearly seven months of war, more than 10,400 people have been killed.",
        ("period_total", None),
    ),
    # one attack stays a claim
    ("A car bomb killed 12 people at the market on Monday, police said.", ("claim", "2022-05-09")),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_period_totals_and_aggregates(text: str, expected: tuple[str, str | None]) -> None:
    (claim,) = _claims(text)
    assert (claim.kind, claim.date) == expected


# --- omissions ----------------------------------------------------------------------------------


def _omitters(text: str) -> list[str]:
    doc = Document(id="g1", text=text, published="2022-05-10", outlet="Example Wire")
    return [c.source for c in extract_document(doc) if c.kind == "omission"]


OMISSIONS = [
    ("The army spokesman, Col Jane Roe, could not be reached for comment.", 1),
    ("The military has not issued a statement on the raid.", 1),
    ("The militia has not yet made any comment about the massacre.", 1),
    ("The rebels have not acknowledged any losses among their commanders.", 1),
    ("The police spokesman had yet to respond to the reports.", 1),
    ("The defence ministry has remained silent over the ambush.", 1),
    ("The army declined to comment on the strike.", 1),
    ("The ministry refused to give a toll.", 1),
    # nobody named declines; "no comment from X" names X
    ("There was no immediate comment on the raid.", 0),
    ("There was no immediate comment from the army.", 1),
    # "these reports" is a noun, not a speech verb whose subject would decline
    (
        "By Monday night there had been no comment from a spokesman for the militia on these "
        "reports.",
        1,
    ),
    # a toll was given; only the victims' names were not
    (
        "The ministry said 9 people were killed but did not give details of the identity of "
        "the victims.",
        0,
    ),
    # not a statement about a toll
    ("The village could not be reached by road after the floods.", 0),
]


@pytest.mark.parametrize(("text", "expected"), OMISSIONS)
def test_omissions(text: str, expected: int) -> None:
    assert len(_omitters(text)) == expected


# --- datelines ----------------------------------------------------------------------------------


def _places(text: str) -> list[str | None]:
    return [c.location for c in _claims(text)]


DATELINES = [
    # a title-case dateline with an agency or a country in brackets is where the report was
    # filed, not where the attack was
    (
        "Sanaa, Yemen (AFP) - Air strikes on the port city of Hodeidah killed five dock workers "
        "on Monday, rebel media said.",
        ["Hodeidah"],
    ),
    (
        "Nairobi (Kenya) – Gunmen killed five people in the town of Mandera on Sunday, police "
        "said.",
        ["Mandera"],
    ),
    (
        "PESHAWAR, Pakistan -- A bomb killed six people in Quetta on Friday, police said.",
        ["Quetta"],
    ),
    # a sentence that opens with a place and a colon is no dateline: the place stays
    ("Kandahar: At least 12 people were killed when gunmen stormed a police post.", ["Kandahar"]),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_dateline_city_is_not_the_scene(text: str, expected: list[str | None]) -> None:
    assert _places(text) == expected


def test_an_event_a_day_before_the_news_is_dated_a_day_earlier() -> None:
    text = (
        "A missile hit the market on Monday, killing 9 people. The strike came a day after a "
        "drone hit a clinic, killing two nurses, officials said."
    )
    dates = sorted((c.low, c.date) for c in _claims(text))
    assert dates == [(2, "2022-05-08"), (9, "2022-05-09")]


def test_a_dated_background_event_keeps_its_own_day() -> None:
    text = "The shelling comes a day after a raid on a market left 18 dead on Thursday."
    assert [c.date for c in _claims(text)] == ["2022-05-05"]
