"""Who the victims are (actor and `victim_category`) and who the sentence blames.

The victim noun phrase is the one the figure counts ("73 Syrian regime troops", "50
civilians"); named actors come from the actor registry, generic nouns from word lists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Final

from casualty import rx
from casualty.extract.lexicon import word_set
from casualty.registry import Actor, Registry

_CIVILIAN: Final = frozenset(
    [
        "civilian",
        "civilians",
        "children",
        "child",
        "women",
        "woman",
        "girls",
        "boys",
        "babies",
        "infants",
        "residents",
        "villagers",
        "worshippers",
        "worshipers",
        "students",
        "pupils",
        "passengers",
        "patients",
        "journalists",
        "refugees",
        "displaced",
        "families",
        "family",
        "farmers",
        "shoppers",
        "pilgrims",
        "teachers",
        "doctors",
        "medics",
        "nurses",
        "elderly",
        "mourners",
        "protesters",
        "demonstrators",
        "commuters",
        "travellers",
        "travelers",
        "bystanders",
        "locals",
        "minors",
        "aid",
        "workers",
    ]
)
_COMBATANT: Final = frozenset(
    [
        "soldiers",
        "soldier",
        "troops",
        "troop",
        "fighters",
        "fighter",
        "militants",
        "militant",
        "jihadists",
        "jihadist",
        "insurgents",
        "insurgent",
        "rebels",
        "rebel",
        "terrorists",
        "terrorist",
        "gunmen",
        "gunman",
        "servicemen",
        "serviceman",
        "personnel",
        "policemen",
        "policeman",
        "officers",
        "officer",
        "guards",
        "guard",
        "militiamen",
        "militiaman",
        "commanders",
        "commander",
        "attackers",
        "attacker",
        "marines",
        "sailors",
        "pilots",
        "mercenaries",
        "recruits",
        "conscripts",
        "paramilitaries",
        "paramilitary",
        "bandits",
        "extremists",
        "extremist",
        "loyalists",
        "combatants",
        "combatant",
        "forces",
        "members",
        "operatives",
        "cadres",
        "army",
        "servicemembers",
    ]
)
_UNSPECIFIED: Final = frozenset(
    ["people", "persons", "others", "individuals", "men", "bodies", "victims"]
)
_WORD: Final = rx.compile(r"[^\W_]+")
_BY: Final = rx.compile(r"\b(?:by|from)\s+(?:an?\s+|the\s+)?", re.IGNORECASE)


#: A singular combatant noun ending a victim phrase ("Ukrainian soldier", "policeman").
_SINGULAR_END: Final = rx.compile(
    r"\b(soldier|officer|fighter|militant|trooper|guard|rebel|insurgent|police(?:man|woman)"
    r"|service(?:man|woman))\s*$",
    re.IGNORECASE,
)


def _pluralize(m: re.Match[str]) -> str:
    word = m.group(1)
    return word[:-3] + "men" if word.lower().endswith("man") else word + "s"


def foreign_alias(
    text: str, s: int, e: int, actor: Actor, countries: Callable[[], Sequence[str]]
) -> bool:
    """Whether ``text[s:e]`` is a common-noun alias ("regime soldiers", "loyalists") of an
    actor of one country, in an article that names places but none in that country: there
    the words mean that article's own parties, not the registry's ("regime" in Myanmar).
    ``countries`` gives the article's countries; it is called only for such an alias."""
    if actor.country is None or not text[s:e].islower():
        return False
    found = countries()
    return bool(found) and actor.country not in found


def _none() -> tuple[str, ...]:
    return ()


def victim_of(
    phrase: str, registry: Registry, countries: Callable[[], Sequence[str]] = _none
) -> tuple[str | None, str]:
    """The victim actor (canonical name or None) and category of a victim noun phrase
    (``countries``: the article's, see `foreign_alias`).

    >>> from casualty.registry import builtin_registry
    >>> victim_of("50 civilians", builtin_registry())[1]
    'civilians'
    """
    words = [w.lower() for w in _WORD.findall(phrase)]
    civ = any(w in _CIVILIAN for w in words)
    # "non-combatant civilians", "non-combatants": no combatant is counted
    com = any(w in _COMBATANT and words[i - 1 : i] != ["non"] for i, w in enumerate(words))
    actors = [a for a in registry.find_actors(phrase)]
    named = [a for a in actors if not a[2].generic and not foreign_alias(phrase, *a, countries)]
    if not named and com and _SINGULAR_END.search(phrase):
        # "One Ukrainian soldier was killed": the registry lists the plural
        plural = _SINGULAR_END.sub(_pluralize, phrase)
        named = [a for a in registry.find_actors(plural) if not a[2].generic]
    if civ and com:
        category = "mixed"
    elif civ:
        category = "civilians"
    elif com:
        category = "combatants"
    elif named:
        category = named[0][2].category
    else:
        category = "unspecified"
    if named:
        actor = named[0][2]
        return actor.side or actor.name, category
    if category == "civilians":
        return "civilians", category
    return None, category


def perpetrator_of(
    sentence: str,
    victim_span: tuple[int, int],
    registry: Registry,
    victim: str | None,
    countries: Callable[[], Sequence[str]] = _none,
) -> str | None:
    """The actor the sentence blames: "by X", else a named actor outside the victim phrase
    (``countries``: the article's, see `foreign_alias`)."""
    low, high = victim_span
    actors = [
        (s, e, a)
        for s, e, a in _blamable(sentence, registry)
        if not low <= s < high and not foreign_alias(sentence, s, e, a, countries)
    ]
    if not actors:
        return None
    for m in _BY.finditer(sentence):
        for s, _, a in actors:
            if m.end() <= s <= m.end() + 40:
                name = a.side or a.name
                if name != victim:
                    return name
    for _, _, a in actors:
        name = a.side or a.name
        if name != victim:
            return name
    return None


#: Before an actor: it controls a place or a body ("a port held by", "a ministry run by");
#: not "operated by" ("jets operated by the coalition struck": the operator strikes).
_CONTROLLER_BEFORE: Final = rx.compile(
    r"\b(?:held|controlled|run|ruled|governed|administered|occupied|owned|backed|"
    r"funded|supported|dominated)\s+by\s+(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
)
#: After an actor: it speaks ("the rebels said"; not "claimed responsibility", "claimed the
#: attack": that names the perpetrator), or it qualifies another noun as its controller
#: ("the rebel-run ministry").
_SPEAKER_AFTER: Final = rx.compile(
    r"\s*(?:(?:has|have|had|also|later)\s+)?(?:said|says|say|reported|reports|told|announced|"
    r"stated|confirmed|added|claim(?:ed|s)\b(?!\s+(?:responsibility|credit|the|an?|it)\b))\b"
    r"|[-‐‑](?:run|controlled|held|backed|affiliated|aligned|allied|linked|owned|"
    r"appointed|installed|supported|sponsored)\b",
    re.IGNORECASE,
)


def _bystander(sentence: str, start: int, end: int) -> bool:
    """Whether the actor at sentence[start:end] speaks or controls something rather than
    acts: "the rebels said strikes killed 12", "a port held by the rebels", "the rebel-run
    ministry"."""
    if _SPEAKER_AFTER.match(sentence, end):
        return True
    return _CONTROLLER_BEFORE.search(sentence, max(0, start - 60), start) is not None


@functools.lru_cache(maxsize=64)
def _blamable(sentence: str, registry: Registry) -> tuple[tuple[int, int, Actor], ...]:
    """The actors of a sentence that may have struck, whatever the figure: named, not
    civilians, not speaking or controlling anything (`_bystander`). Once per sentence, not
    once per figure."""
    return tuple(
        (s, e, a)
        for s, e, a in _actors_in(sentence, registry)
        if not a.generic
        and a.category != "civilians"
        # "people", "victims", "bodies": a word for anyone, never who struck
        and (a.category != "unspecified" or a.country is not None)
        and not _bystander(sentence, s, e)
    )


@functools.lru_cache(maxsize=64)
def _actors_in(sentence: str, registry: Registry) -> tuple[tuple[int, int, Actor], ...]:
    """Actor mentions of a sentence, kept while its figures are read (one scan per sentence,
    not per figure)."""
    return tuple(registry.find_actors(sentence))


_NON_STATE_NOUNS: Final = word_set(
    """terrorists terrorist militants militant jihadists jihadist extremists extremist
    insurgents insurgent rebels rebel gunmen attackers bandits"""
)
_STATE_NOUNS: Final = word_set(
    """troops soldiers soldier army military forces regime servicemen personnel policemen
    police conscripts loyalists"""
)
_STATE_NAME: Final = rx.compile(
    r"government|army|forces|military|police|regime|troops|coalition", re.IGNORECASE
)


def article_parties(
    registry: Registry, text: str, countries: Sequence[str] = ()
) -> tuple[str | None, str | None]:
    """The state party and the non-state party an article names most (either may be None;
    ``countries``: the article's, see `foreign_alias`)."""
    tally: dict[str, int] = {}
    for s, e, actor in registry.find_actors(text):
        if actor.generic or actor.category == "civilians":
            continue
        if actor.category != "combatants" and actor.country is None:
            continue  # a victim noun ("people"), no party
        if foreign_alias(text, s, e, actor, lambda: countries):
            continue
        name = actor.side or actor.name
        tally[name] = tally.get(name, 0) + 1
    ranked = sorted(tally, key=lambda n: (-tally[n], n))
    state = next((n for n in ranked if _STATE_NAME.search(n)), None)
    other = next((n for n in ranked if not _STATE_NAME.search(n)), None)
    return state, other


def generic_victim(
    phrase: str,
    parties: Callable[[], tuple[str | None, str | None]],
    registry: Registry | None = None,
) -> str | None:
    """The party a common noun stands for in this article ("the terrorists" -> Islamic State).

    `parties` gives the article's (state, non-state) parties; it is called only for a phrase
    with such a noun, since finding them scans the whole article. A state noun with a
    nationality ("nine Syrian policemen") is that state's forces (with `registry`), never the
    article's most-named state, which may be another country's.
    """
    words = {w.lower() for w in _WORD.findall(phrase)}
    if words & _NON_STATE_NOUNS:
        return parties()[1]
    if words & _STATE_NOUNS:
        country = _nationality(phrase) if registry is not None else None
        if country is not None and registry is not None:
            forces = registry.government_forces(country)
            return (forces.side or forces.name) if forces is not None else None
        return parties()[0]
    return None


def _nationality(phrase: str) -> str | None:
    """The country (ISO2) of the first demonym in `phrase` ("Syrian" -> "SY"), else None."""
    from casualty.geo import gazetteer

    demonyms = gazetteer().demonyms
    return next((demonyms[w] for w in _CAPITALISED.findall(phrase) if w in demonyms), None)


_CAPITALISED: Final = rx.compile(r"\b[A-Z][a-z]+\b")
