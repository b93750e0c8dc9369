"""Namesakes: a place name the gazetteer resolved abroad or in another province than the
article means.

The gazetteer picks among same-name places by the countries a text names and then by
population, so a small town can lose to a bigger namesake: "Pokrovsk" is also a former name
of Engels (Russia), "Nyaung Kone" a village near Yangon as well as one in Sagaing. The
article's own words say which is meant, and these rules read them:

- a hit by another name abroad ("Pokrovsk" -> Engels, RU) gives way to a place called
  exactly as written in a country the article names more often, or whose demonym stands
  right before it ("the eastern Ukrainian town of Pokrovsk");
- a town written with its division ("X village in the northern Y region", "X, Y province")
  is that division's X: its namesake there, else somewhere in the division;
- a town whose country the article never names (no country name, demonym or other place
  there), in an article about another country it names, is a namesake of a local place the
  gazetteer lacks ("the Basra area" of a Somali story is not Iraq's Basra); it is dropped;
- a town named like the territory it lies in ("Gaza" in the Gaza Strip), written alone, is
  the territory ("strikes across Gaza", "northern Gaza"); "X City", "the city of X" is the
  town.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Final

from casualty import rx

if TYPE_CHECKING:
    from casualty.geo import Gazetteer, Place

Found = tuple[int, int, "Place"]

#: Words a found span may end with that are no part of the name ("Kone village").
_TRAILING: Final = frozenset(
    {"village", "town", "city", "district", "area", "neighbourhood", "neighborhood", "camp",
     "hamlet", "locality", "region", "province", "state", "governorate", "oblast"}
)  # fmt: skip
#: Between a town and the division it lies in: "in the northern", ",", "of", "village in".
_IN_DIVISION: Final = rx.compile(
    r"(?:\s+(?:village|town|city|district|area))?\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern\s+|"
    r"central\s+)?"
)
#: How many times bigger a place found by another name abroad may be and still give way to a
#: namesake called so in a country the article names more ("Pokrovsk": Engels is 3 times the
#: Ukrainian town; "Bombay" is Mumbai, not a hamlet of 700).
_BIGGER: Final = 20
#: How many times more places of its country an article must name for a town called as
#: written there to win over a far bigger place abroad found by another of its names ("Hangu"
#: of a Khyber Pakhtunkhwa story is not Hangzhou), and how big that town must be.
_PLAINLY: Final = 3
_TOWN: Final = 10_000
#: Characters before a name where a demonym naming its country may stand ("the eastern
#: Ukrainian town of").
_DEMONYM_REACH: Final = 40


def rehomed(text: str, found: list[Found]) -> list[Found]:
    """`found` (start, end, place), sorted by start, with namesakes replaced by the place the
    article means (see the module docstring) and operations' names left out."""
    from casualty.geo import gazetteer

    gaz = gazetteer()
    found = _named_not_places(text, found)
    tally: dict[str, int] = {}
    for _, _, place in found:
        tally[place.country] = tally.get(place.country, 0) + 1
    out = list(found)
    moved: dict[tuple[str, str], Place] = {}
    for k, (start, end, place) in enumerate(found):
        if place.kind == "admin1":
            # "Bali district in Taraba state": not Indonesia's province of that name.
            name = _written(text[start:end])
            inner = _in_division(gaz, text, found, k, name)
            if inner is not None and inner.country != place.country:
                out[k] = (start, end, inner)
                moved.setdefault((place.id, name), inner)
            continue
        if place.kind != "city":
            continue
        name = _written(text[start:end])
        better = _in_division(gaz, text, found, k, name) or _by_own_name(
            gaz, text, start, place, name, tally
        )
        if better is not None:
            out[k] = (start, end, better)
            moved.setdefault((place.id, name), better)
        elif (area := _territory(gaz, text, start, end, place)) is not None:
            out[k] = (start, end, area)  # not for the town written again ("Gaza City")
    if moved:
        # The same name written again alone ("a resident of X said") is the same place.
        for k, (start, end, place) in enumerate(out):
            again = moved.get((place.id, _written(text[start:end])))
            if again is not None:
                out[k] = (start, end, again)
    return out


#: Right before an operation's name: "Operation Olive Branch", "the operation Dawn".
_OPERATION: Final = rx.compile(r"\b[Oo]peration\s+$")


#: A person's name after a title: "President Joseph Aoun", "Gen. Ali Hassan" (the surname).
_TITLED: Final = rx.compile(
    r"\b(?:President|Minister|Premier|General|Gen\.|Colonel|Col\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|"
    r"Sheikh|Governor|Mayor|Commander|spokesman|spokeswoman)\s+(?:[A-Z][a-z]+\s+){1,2}?"
    r"([A-Z][a-z]{2,})\b(?!\s+(?:[A-Z]|province|district|city|town|village|region))"
)


def _named_not_places(text: str, found: list[Found]) -> list[Found]:
    """`found` without a name the text gives a military operation ("Turkey's Operation Olive
    Branch"), there and wherever it recurs ("the Olive Branch troops"): no place is meant,
    though a town abroad may be called so (Olive Branch, Mississippi); nor the places in a
    group's name ("the Islamic State in Iraq and Syria")."""
    names = {
        _written(text[start:end])
        for start, end, _ in found
        if _OPERATION.search(text, max(0, start - 12), start)
    }
    # "President Joseph Aoun ... Aoun pushed": a titled person's surname, not a town
    names |= {m.group(1) for m in _TITLED.finditer(text)} & {
        _written(text[a:b]) for a, b, p in found if p.kind not in ("country", "admin1")
    }
    kept = [f for f in found if _written(text[f[0] : f[1]]) not in names] if names else found
    groups = [m.span() for m in _in_group_name().finditer(text)]
    return [f for f in kept if not any(a <= f[0] and f[1] <= b for a, b in groups)]


#: The lands in a group's name after "of"/"in": "Iraq and the Levant", "Iraq and Syria".
_LANDS: Final = (
    r"\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    r"(?:\s+and\s+(?:the\s+|al-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
)


@functools.cache
def _in_group_name() -> re.Pattern[str]:
    """A group named after the lands it claims ("the Islamic State of Iraq and the Levant",
    "Islamic State in Iraq and Syria (ISIS)"), of place_words.toml's `land_named_groups`:
    its places set no scene."""
    from casualty.geo.build import load_toml

    names = load_toml(packaged="place_words.toml").get("land_named_groups", ())
    if not names:
        return re.compile(r"(?!)")
    heads = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(rf"\b(?:{heads}){_LANDS}")


#: A territory's name after that of a town in it: "Gaza" in "the Gaza Strip".
_TERRITORY_WORDS: Final = (" Strip",)
#: Around a town's name: what makes it the town, not a territory named after it ("Gaza
#: City", "the city of Gaza", "Gaza's city centre").
_TOWN_AFTER: Final = rx.compile(r"\s+(?i:city)\b|['’]s\s+city\b")
_TOWN_BEFORE: Final = rx.compile(r"\b(?i:city|town)\s+of\s+$")


def _territory(gaz: Gazetteer, text: str, start: int, end: int, place: Place) -> Place | None:
    """The territory `place` lies in when it is named after the town ("Gaza": the Gaza
    Strip) and the text writes the name alone, not "Gaza City" nor "the city of Gaza";
    else None."""
    admin1 = place.admin1
    if not admin1 or not admin1.endswith(_TERRITORY_WORDS):
        return None
    if not _same(admin1.rsplit(None, 1)[0], text[start:end]):
        return None
    if _TOWN_AFTER.match(text, end) or _TOWN_BEFORE.search(text, max(0, start - 12), start):
        return None
    area = gaz.lookup(admin1, place.country)
    return area if area is not None and area.kind == "admin1" else None


def _written(span: str) -> str:
    """The name as written, without a trailing settlement or division word."""
    words = span.split()
    while len(words) > 1 and words[-1].casefold() in _TRAILING:
        words.pop()
    return " ".join(words)


def _same(a: str, b: str) -> bool:
    from casualty.geo import normalize_place

    return normalize_place(a) == normalize_place(b)


def _by_own_name(
    gaz: Gazetteer, text: str, start: int, place: Place, name: str, tally: dict[str, int]
) -> Place | None:
    """A place called `name` itself in a country the article prefers, when `place` was
    found under another of its names abroad; else None."""
    if _same(place.name, name):
        return None
    before = text[max(0, start - _DEMONYM_REACH) : start]
    cued = {code for word, code in gaz.demonyms.items() if word in before}
    own = tally.get(place.country, 0)
    options = [
        c
        for c in gaz.candidates(name)
        if c.kind == "city"
        and c.country != place.country
        and _same(c.name, name)
        and (
            c.country in cued
            # a far bigger place is meant by its other name ("Bombay") unless a demonym says,
            # or the article is plainly about the other country (a town there, not a hamlet)
            or (tally.get(c.country, 0) > own and c.population * _BIGGER >= place.population)
            or (tally.get(c.country, 0) >= _PLAINLY * max(own, 1) and c.population >= _TOWN)
        )
    ]
    if not options:
        return None
    return max(options, key=lambda c: (c.country in cued, tally.get(c.country, 0), c.population))


def _in_division(gaz: Gazetteer, text: str, found: list[Found], k: int, name: str) -> Place | None:
    """The `name` of the division written right after town `k` ("X village in the Y
    region"), else that division, when the town found lies in another one; else None."""
    _, end, place = found[k]
    if k + 1 >= len(found):
        return None
    start2, _, division = found[k + 1]
    if division.kind != "admin1":
        return None
    admin1 = division.admin1 or division.name
    same_land = division.country == place.country
    if (same_land and place.admin1 == admin1) or _IN_DIVISION.fullmatch(text, end, start2) is None:
        return None
    # "Bali district in Taraba state": the Taraba Bali, not Indonesia's.
    for c in gaz.candidates(name):
        if c.kind == "city" and c.country == division.country and c.admin1 == admin1:
            return c
    # Not the town abroad, and where in the division is unknown: the division itself (a
    # town the sentence also names there stays more specific).
    return division


def consistent(text: str, found: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """A sentence's places (start, end, place) without a division or region of another
    country than the one(s) the sentence names ("soldiers in Mali, in the Sahel": the Sahel is
    not Burkina Faso's province of that name), a town of another country given way to its
    namesake in the named one ("Tripoli, Lebanon")."""
    found = _pinned(text, found)
    # Only a country the text puts the scene in ("in Mali"), not an actor ("Israel launched").
    named = {p.country for s, _, p in found if p.kind == "country" and _in(text, s)}
    if not named or all(p.country in named for _, _, p in found):
        return found
    from casualty.geo import gazetteer

    gaz = gazetteer()
    out: list[tuple[int, int, Any]] = []
    for start, end, place in found:
        if place.country in named or place.kind == "country":
            out.append((start, end, place))
            continue
        name = _written(text[start:end])
        home = [
            c
            for c in gaz.candidates(name)
            if c.country in named and c.kind == place.kind and _same(c.name, name)
        ]
        if home:
            out.append((start, end, max(home, key=lambda c: c.population)))
        elif place.kind == "city":
            out.append((start, end, place))
    return out


#: Between a town and the country it lies in: "Basra (Somalia)", "Tripoli, Lebanon".
_COUNTRY_AFTER: Final = rx.compile(r"\s*(?:,|\()\s*")


def _pinned(text: str, found: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """`found` with a town followed by its country in brackets or after a comma taken in
    that country: its namesake there, else dropped (a place the gazetteer lacks; the
    country stays)."""
    if not any(p.kind == "country" for _, _, p in found):
        return found
    out = list(found)
    drop: set[int] = set()
    for k in range(len(found) - 1):
        start, end, town = found[k]
        start2, end2, land = found[k + 1]
        if town.kind != "city" or land.kind != "country" or town.country == land.country:
            continue
        gap = _COUNTRY_AFTER.fullmatch(text, end, start2)
        close = text[end2 : end2 + 1]
        if gap is None or (close != ")" if "(" in gap.group() else close not in ",.;:"):
            continue  # "in Jenin, Israel said": the country is a speaker
        from casualty.geo import gazetteer

        name = _written(text[start:end])
        home = [
            c
            for c in gazetteer().candidates(name)
            if c.country == land.country and c.kind == "city" and _same(c.name, name)
        ]
        if home:
            out[k] = (start, end, max(home, key=lambda c: c.population))
        else:
            drop.add(k)
    return [f for k, f in enumerate(out) if k not in drop]


def abroad(text: str, found: list[Found], main: set[str]) -> list[Found]:
    """The countries of `found` outside `main` that `text` puts a scene in ("in Chad")."""
    return [
        f for f in found if f[2].kind == "country" and f[2].country not in main and _in(text, f[0])
    ]


#: Right before a place: a locative preposition ("in", "across the").
_LOCATIVE: Final = rx.compile(
    r"\b(?:in|inside|across|throughout|within)\s+(?:the\s+)?$", re.IGNORECASE
)


def _in(text: str, start: int) -> bool:
    """Whether the place at `start` follows a locative preposition."""
    return _LOCATIVE.search(text, max(0, start - 16), start) is not None


def lone_abroad(text: str, found: list[Found]) -> list[Found]:
    """`found` without the towns of a country the article supports by nothing else: one name
    (however often written), no other place there, neither the country's name nor its
    demonym, while the article names another country and a place in it, or a province of
    another country and a town in that province ("the Gaza Strip" and "Khan Yunis": the
    Palestinian territories are seldom named as a country)."""
    names: dict[str, set[str]] = {}
    named: set[str] = set()
    for start, end, place in found:
        if place.kind == "country":
            named.add(place.country)
        else:
            names.setdefault(place.country, set()).add(_written(text[start:end]).casefold())
    lone = {c for c, seen in names.items() if len(seen) == 1 and c not in named}
    provinces = {(p.country, p.admin1 or p.name) for _, _, p in found if p.kind == "admin1"}
    several = {
        p.country for _, _, p in found if p.kind == "city" and (p.country, p.admin1) in provinces
    }
    if not (named or several) or not lone:
        return found
    from casualty.geo import gazetteer

    named |= {code for word, code in gazetteer().demonyms.items() if word in text}
    home = [c for c in named if names.get(c)] + sorted(several - named)
    lone = {c for c in lone if c not in named and any(h != c for h in home)}
    if not lone:
        return found
    return [f for f in found if f[2].country not in lone or f[2].kind != "city"]
