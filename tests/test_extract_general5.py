"""Patterns left over from the fourth round of unseen articles (engineer U2), as tables of
invented sentences: a space as thousands separator, hedged ranges, and the claimant, place
and actor patterns that follow. The sentences are written for these tests; none comes from
a news article.
"""

from __future__ import annotations

import pytest

from casualty.extract import extract_document
from casualty.extract.counts import find_counts
from casualty.model import Claim, Document


def _claims(text: str, published: str = "2022-05-10") -> list[Claim]:
    doc = Document(id="g5", text=text, published=published, outlet="Example Wire")
    return list(extract_document(doc))


def _figures(text: str) -> list[tuple[str, int | None, int | None]]:
    return sorted((c.outcome, c.low, c.high) for c in _claims(text) if c.kind != "omission")


COUNTS = [
    # a space as thousands separator: one figure ...
    ("nearly 4 000 villagers died", [("nearly 4 000", 4000, 4000)]),
    ("some 250 000 people fled", [("some 250 000", 250000, 250000)]),
    ("at least 1 200 000 were displaced", [("at least 1 200 000", 1200000, None)]),
    ("between 2 000 and 3 500 dead", [("between 2 000 and 3 500", 2000, 3500)]),
    # ... but not after a month (a date then a figure), nor a group that is no thousands group
    ("on June 4 300 recruits deserted", [("4", 4, 4), ("300", 300, 300)]),
    ("killed 12  300 wounded", [("12", 12, 12), ("300", 300, 300)]),
    ("12 3000 dead", [("12", 12, 12), ("3000", 3000, 3000)]),
    ("2019 400 dead", [("2019", 2019, 2019), ("400", 400, 400)]),
    # a hedged second figure is the top of a range
    ("at least 30 and possibly 60 herders", [("at least 30 and possibly 60", 30, 60)]),
    ("more than 10, perhaps 15 guards", [("more than 10, perhaps 15", 11, 15)]),
    ("8 or maybe 9 boys", [("8 or maybe 9", 8, 9)]),
    # ... only a larger one, and only after a hedge word
    ("at least 30 and 60 more", [("at least 30", 30, None), ("60", 60, 60)]),
    ("30 and possibly 5 more", [("30", 30, 30), ("5", 5, 5)]),
]


@pytest.mark.parametrize(("text", "want"), COUNTS)
def test_counts(text: str, want: list[tuple[str, int | None, int | None]]) -> None:
    assert [(c.qualifier, c.low, c.high) for c in find_counts(text)] == want


FIGURES = [
    (
        "Aid groups say nearly 6 000 civilians have been killed in the region since 2020.",
        [("killed", 6000, 6000)],
    ),
    (
        "Monitors say at least 25 and possibly 50 fishermen were killed in the raids.",
        [("killed", 25, 50)],
    ),
]


@pytest.mark.parametrize(("text", "want"), FIGURES)
def test_figures(text: str, want: list[tuple[str, int | None, int | None]]) -> None:
    assert _figures(text) == want


def _omitters(text: str) -> list[str]:
    return sorted(c.source for c in _claims(text) if c.kind == "omission")


OMITTERS = [
    # a joint subject: each of its parts gave no figure
    (
        "Raiders killed nine herders near Tobo. The army and the police did not respond to "
        "requests for comment.",
        ["The army", "the police"],
    ),
    # "Neither X nor Y have confirmed": the verb is negative, both are omitters
    (
        "Raiders killed nine herders near Tobo. Neither the army nor the police have confirmed "
        "a toll.",
        ["the army", "the police"],
    ),
    (
        "Raiders killed nine herders near Tobo. Neither the governor nor the army has commented.",
        ["the army", "the governor"],
    ),
    # ... but a verb past a clause break belongs to another subject
    (
        "Raiders killed nine herders near Tobo. Neither the army nor the police were at the "
        "scene, but the ministry has confirmed the deaths.",
        [],
    ),
    # a lone subject stays one omitter
    (
        "Raiders killed nine herders near Tobo. The army did not respond to requests for comment.",
        ["The army"],
    ),
]


@pytest.mark.parametrize(("text", "want"), OMITTERS)
def test_omitters(text: str, want: list[str]) -> None:
    assert _omitters(text) == want


BURNED = [
    ("At least nine traders were burnt to death when raiders set fire to the market.", 9),
    ("Twenty passengers burned to death after the bus was set alight, police said.", 20),
]


@pytest.mark.parametrize(("text", "low"), BURNED)
def test_burned_to_death_is_a_killing(text: str, low: int) -> None:
    assert [(c.outcome, c.low) for c in _claims(text)] == [("killed", low)]


_BLASTS = (
    "Bombs exploded across Baghdad on Monday, killing 40 people, police said.\n"
    "A car bomb struck a market in Sadr City, killing 25 people.\n"
    "{between}"
    "{victims}, and at least 12 burned to death, a medic said."
)


@pytest.mark.parametrize(
    ("between", "victims", "where"),
    [
        # a sentence opening on "the victims" is about the incident just told, even in a
        # paragraph of its own: that incident's district, not the article's city
        (
            "Sadr City is a busy area of shops and cafes.\n",
            "Most of the victims were shoppers",
            "Sadr City",
        ),
        ("", "The victims were shoppers", "Sadr City"),
        # ... other sentences of their own paragraph keep the article's main place
        ("Sadr City is a busy area of shops and cafes.\n", "The market was crowded", "Baghdad"),
    ],
)
def test_the_victims_take_the_place_just_told(between: str, victims: str, where: str) -> None:
    text = _BLASTS.format(between=between, victims=victims)
    medic = [c for c in _claims(text) if c.source == "a medic"]
    assert [(c.low, c.location) for c in medic] == [(12, where)]


def _claimants(text: str) -> list[tuple[str, int | None, str]]:
    return [(c.outcome, c.low, c.source) for c in _claims(text) if c.kind != "omission"]


CARRIED = [
    # a speaker-less sentence quoting words, in the speaker's paragraph: the speaker's
    (
        'Troops repelled a raid near Dalo, the army said. Gunmen struck the post using "rockets '
        'and armed drones," leaving four soldiers dead.',
        [("killed", 4, "the army")],
    ),
    # ... not a scare quote of one word
    (
        'Troops repelled a raid near Dalo, the army said. Some "bandits" struck the post, '
        "leaving four soldiers dead.",
        [("killed", 4, "Example Wire")],
    ),
    # ... nor in a new paragraph: the outlet's own voice again
    (
        'Troops repelled a raid near Dalo, the army said.\nGunmen struck the post using "rockets '
        'and armed drones," leaving four soldiers dead.',
        [("killed", 4, "Example Wire")],
    ),
]


@pytest.mark.parametrize(("text", "want"), CARRIED)
def test_quoted_wording_carries_the_speaker_on(
    text: str, want: list[tuple[str, int | None, str]]
) -> None:
    assert _claimants(text) == want


_MYANMAR = "Fighters attacked a junta convoy near Mandalay on Friday. "
_SYRIA = "Rebels attacked an army post near Idlib on Friday. "


@pytest.mark.parametrize(
    ("text", "source", "victim"),
    [
        # a local People's Defence Force unit is its own claimant, not the shadow government
        (
            _MYANMAR + "More than 40 junta troops were killed, according to the Dalo PDF that "
            "led the attack.",
            "the Dalo PDF",
            "Myanmar military",
        ),
        (
            _MYANMAR + "More than 40 junta troops were killed, the PDF said.",
            "People's Defence Force",
            "Myanmar military",
        ),
        (
            _MYANMAR + "More than 40 junta troops were killed, the National Unity Government said.",
            "National Unity Government",
            "Myanmar military",
        ),
        # a common-noun alias of one country's forces needs that country's context
        (_MYANMAR + "More than 40 regime soldiers were killed, the group said.", "the group", None),
        (
            _SYRIA + "More than 40 regime soldiers were killed, the monitor said.",
            "the monitor",
            "Syrian government forces",
        ),
        # ... a proper name keeps its actor anywhere
        (
            _MYANMAR + "Two Syrian soldiers were killed, the group said.",
            "the group",
            "Syrian government forces",
        ),
    ],
)
def test_local_units_and_foreign_aliases(text: str, source: str, victim: str | None) -> None:
    assert [(c.source, c.victim) for c in _claims(text)] == [(source, victim)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a country's full name with "the" inside it is one name, not its last word
        ("Rebels killed 12 herders in the east of the Democratic Republic of Congo.", "CD"),
        ("Rebels killed 12 herders in eastern Democratic Republic of the Congo.", "CD"),
        ("Rebels killed 12 herders in the Republic of the Congo.", "CG"),
        ("Rebels killed 12 herders in the Republic of Congo.", "CG"),
    ],
)
def test_long_country_names(text: str, country: str) -> None:
    assert [c.country for c in _claims(text)] == [country]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a town followed by its country in brackets or after a comma lies there: its
        # namesake in that country, else no town (the country stays)
        ("Gunmen killed 12 herders in Basra (Somalia) on Monday.", (None, "SO")),
        ("Gunmen killed 12 herders in Basra, Somalia, on Monday.", (None, "SO")),
        ("Gunmen killed 12 herders in Tripoli (Lebanon) on Monday.", ("Tripoli", "LB")),
        ("Gunmen killed 12 herders in Basra, Iraq, on Monday.", ("Basrah", "IQ")),
    ],
)
def test_country_after_a_town(text: str, where: tuple[str | None, str]) -> None:
    assert [(c.location, c.country) for c in _claims(text)] == [where]


def test_a_lone_town_of_a_country_never_named_is_a_local_namesake() -> None:
    # the story names Somalia and Mogadishu; Iraq only through one name, twice
    text = (
        "Fighters attacked an army base near Mogadishu, Somalia, on Monday.\n"
        "The group said it killed nine soldiers in the Basra area near the base.\n"
        "It said its men held the Basra area for an hour."
    )
    assert {c.country for c in _claims(text)} == {"SO"}
    # ... but a town whose country the story names stays there
    named = text.replace("near the base.", "near the base, far from Iraq.")
    assert "IQ" in {c.country for c in _claims(named)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a one-word bracketed acronym inside the victim phrase is no clause break (and the
        # lone guard joined by "and a" counts one, as "17 rebels and a soldier" does)
        (
            "Three rebels and a border security force (BSF) guard were killed on Sunday.",
            [("killed", 1, 1), ("killed", 3, 3)],
        ),
        ("Two fighters of the Dalo Front (DF) have been killed.", [("killed", 2, 2)]),
    ],
)
def test_bracketed_acronym_in_victim_phrase(text: str, want: list[tuple[str, int, int]]) -> None:
    assert _figures(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "did not say when/where/how" asks another question than the toll
        ("The police did not say when the raid, which left two guards injured, began.", []),
        ("The police did not say how the three guards were killed.", []),
        # ... "how many" is the toll
        ("The police did not say how many guards were killed.", ["the police"]),
        ("The police did not say whether anyone was killed.", ["the police"]),
    ],
)
def test_omission_of_another_question(text: str, want: list[str]) -> None:
    got = [c.source.lower() for c in _claims(text) if c.kind == "omission"]
    assert got == want


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # Colombia's departments as written, without the word "Department"
        (
            "Rebels killed nine soldiers in the northern Norte de Santander department.",
            "Norte de Santander",
        ),
        ("Rebels killed nine soldiers in Cauca department.", "Cauca"),
    ],
)
def test_colombian_departments(text: str, admin1: str) -> None:
    assert [(c.admin1, c.country) for c in _claims(text)] == [(admin1, "CO")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # not returning a message or call for comment gives no figure either
        (
            "Raiders killed nine herders near Tobo. Mr Dabo did not return a message for comment.",
            ["Mr Dabo"],
        ),
        (
            "Raiders killed nine herders near Tobo. The army did not immediately return phone "
            "calls seeking comment.",
            ["The army"],
        ),
        ("Raiders killed nine herders near Tobo. The mayor did not return to the village.", []),
    ],
)
def test_no_reply_for_comment(text: str, want: list[str]) -> None:
    assert _omitters(text) == want


def test_mindanao_is_a_region_of_the_philippines() -> None:
    text = "Rebels killed two soldiers on the southern island of Mindanao, the army said."
    assert [(c.location, c.country) for c in _claims(text)] == [("Mindanao", "PH")]


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        # a possessor qualifies the speaker: the office speaks, not the party that runs it
        (
            "The Hamas government's media office said 12 people were killed in the strike.",
            "The Hamas government's media office",
            "official",
        ),
        (
            "The Taliban government's interior ministry said 12 people were killed in the blast.",
            "The Taliban government's interior ministry",
            "official",
        ),
        # ... the party itself still speaks
        ("Hamas said 12 people were killed in the strike.", "Hamas", "belligerent"),
    ],
)
def test_possessor_is_no_speaker(text: str, source: str, kind: str) -> None:
    assert [(c.source, c.source_type) for c in _claims(text)] == [(source, kind)]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a speech verb after a "Neither X nor Y" subject: no one speaks, both omit
        (
            "Raiders killed nine herders near Tobo. Neither the army nor the police said how "
            "many guards were killed.",
            [("claim", "Example Wire"), ("omission", "the army"), ("omission", "the police")],
        ),
        (
            "Neither the army nor the police said how the nine herders were killed.",
            [("claim", "Example Wire")],
        ),
        (
            "Raiders killed nine herders near Tobo. Neither the army nor the police confirmed the "
            "toll.",
            [("claim", "Example Wire"), ("omission", "the army"), ("omission", "the police")],
        ),
    ],
)
def test_neither_nor_speaks(text: str, claims: list[tuple[str, str]]) -> None:
    assert sorted((c.kind, c.source) for c in _claims(text)) == claims


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a toll, then its breakdown between commas, then its verb: the toll alone
        (
            "Twelve guards, ten privates and two sergeants, were killed at the depot.",
            [("killed", 12, 12)],
        ),
        ("The ministry said 9 pilgrims, 5 men, 3 women and 1 boy, had died.", [("killed", 9, 9)]),
        # ... parts that do not sum to the toll are no breakdown: nothing reaches the verb
        (
            "Twelve guards, ten privates and three sergeants, were killed at the depot.",
            [],
        ),
        # ... and a list with no verb after its closing comma stays a list
        (
            "Five guards, 2 drivers and 3 cooks were wounded at the depot.",
            [("wounded", 2, 2), ("wounded", 3, 3), ("wounded", 5, 5)],
        ),
    ],
)
def test_toll_then_its_breakdown(text: str, want: list[tuple[str, int, int]]) -> None:
    assert _figures(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a lone victim joined by "and" to a figure is one more: the corpus labels it
        (
            "Eleven rebels and a policeman were killed in the clash.",
            [("killed", 1, 1), ("killed", 11, 11)],
        ),
        (
            "The rebels said they abducted three guards and a young driver at the depot.",
            [("captured", 1, 1), ("captured", 3, 3)],
        ),
        (
            "Raiders killed 6 herders and a boy near the wells.",
            [("killed", 1, 1), ("killed", 6, 6)],
        ),
        # ... but a lone one on its own, or after a verb of its own, stays figure-less
        ("A policeman was killed in the clash.", []),
        ("Raiders killed 6 herders and wounded a boy near the wells.", [("killed", 6, 6)]),
        # ... and a thing is no victim
        ("The raid killed 6 herders and a camel.", [("killed", 6, 6)]),
    ],
)
def test_a_lone_victim_joined_to_a_figure(text: str, want: list[tuple[str, int, int]]) -> None:
    assert _figures(text) == want


def test_a_joined_lone_victim_leaves_the_first_phrase() -> None:
    # the figure's victim is its own noun phrase, not the one joined after it
    claims = _claims("Raiders killed four soldiers and a civilian near the wells.")
    assert sorted((c.low, c.victim_category) for c in claims) == [
        (1, "civilians"),
        (4, "combatants"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a figure joined to a group of untold size reaches the verb past a long subject
        (
            "Three guards and an unknown number of raiders loyal to the ousted chief of the "
            "valley's northern clans were killed at dawn, the police said.",
            [("killed", 3, 3)],
        ),
        (
            "Five miners and an undisclosed number of smugglers were wounded in the blast.",
            [("wounded", 5, 5)],
        ),
        # ... not when the first group has a verb of its own
        (
            "Three guards were at the gate and an unknown number of raiders loyal to the "
            "chief were killed at dawn.",
            [],
        ),
        # ... nor a long subject without an untold group
        (
            "Three guards of the ousted chief of the valley's northern clans and their loyal "
            "friends from the hills were killed at dawn.",
            [],
        ),
    ],
)
def test_a_figure_joined_to_an_untold_group(text: str, want: list[tuple[str, int, int]]) -> None:
    assert _figures(text) == want


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "the ministry" is no earlier police or army: another body, kept as written
        (
            "Police said raiders struck a post near Tobo. Officers fired back, but the ministry "
            "said three herders were killed.",
            "the ministry",
        ),
        (
            "The army said raiders struck a post near Tobo. The ministry said three herders "
            "were killed.",
            "The ministry",
        ),
        # ... but an earlier ministry is its antecedent
        (
            "The Interior Ministry said raiders struck a post near Tobo. Police fired back, but "
            "the ministry said three herders were killed.",
            "The Interior Ministry",
        ),
    ],
)
def test_the_ministry_is_no_other_body(text: str, source: str) -> None:
    assert [c.source for c in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a West Bank town in a story that names only Israel is still the scene
        ("Troops killed three gunmen in a raid on Tubas, Israel said.", ("Tubas", "PS")),
        ("Israeli troops killed three gunmen in a raid in Jenin.", ("Janin", "PS")),
        # ... while a small town of an unnamed, unlinked country still needs its country
        ("Troops killed three gunmen in a raid in Jenin, Mali said.", (None, "ML")),
    ],
)
def test_israel_and_the_west_bank_are_linked(text: str, where: tuple[str | None, str]) -> None:
    assert [(c.location, c.country) for c in _claims(text)] == [where]


@pytest.mark.parametrize(
    ("opening", "source"),
    [
        # an opening adverb or weekday without its comma is no part of the claimant
        ("Later the ministry", "the ministry"),
        ("Separately the police", "the police"),
        ("On Friday the governor", "the governor"),
        ("Late Tuesday the army", "the army"),
        # ... a claimant that merely starts like one keeps its words
        ("The ministry", "The ministry"),
    ],
)
def test_opening_adverb_is_no_claimant(opening: str, source: str) -> None:
    text = f"Raiders struck a post near Tobo. {opening} said three herders were killed."
    assert [c.source for c in _claims(text)] == [source]


def test_a_demonym_before_a_division_noun_is_no_district() -> None:
    # "the Colombian municipality of X" names X, not a district called "Colombian"
    text = (
        "At least nine soldiers were killed and four others hurt in an ambush in a rural area "
        "of the Colombian municipality of Tame in Arauca department."
    )
    assert [(c.outcome, c.location) for c in _claims(text)] == [
        ("killed", "Tame"),
        ("wounded", "Tame"),
    ]
