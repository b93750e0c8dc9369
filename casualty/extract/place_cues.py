"""What a sentence's words say about the place it takes, and how places compare.

A sentence about another incident ("separately", "elsewhere") borrows no place; one that
refers back to "the attack", "the city" or "the victims" takes that of the one told before
(`earlier` finds it); a figure's own clause ends at a comma or "and" unless that joins two
places ("in Iraq and Syria"). Places compare by how specific they are (`KIND_RANK`) and by
whether one lies within another (`within`). A capital opening the lead before a colon is where
the report was filed when the lead names a part of the country (`filed_from_capital`).
`placing.ArticlePlaces` applies these to an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from casualty import rx
from casualty.extract import demonym_places
from casualty.extract.where import KIND_RANK

if TYPE_CHECKING:
    from casualty.extract.sentences import Sentence

#: Words that mark a sentence as about another incident than the article's own ("another
#: two were wounded" counts more victims of the same one).
OTHER_INCIDENT: Final = rx.compile(
    r"\b(?:separate(?:ly)?|elsewhere|another(?!\s+(?:\d|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozen)\b)|previous(?:ly)?|similar|last\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
#: An attack referred back to ("killed in the attack"): the one reported just before.
THE_ATTACK: Final = rx.compile(
    r"\b(?:the|that|this)\s+(?:attack|strike|raid|bombing|blast|explosion|assault|ambush|"
    r"shelling)\b",
    re.IGNORECASE,
)
#: A word for the attack just told, anywhere in a sentence ("said the car bomb exploded near
#: ...", "the assailants struck a barracks in ..."): where it names a place at once, that is
#: the attack's (`placing.ArticlePlaces._told_next`).
SAME_ATTACK: Final = rx.compile(
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+)?(?:attack|strike|airstrike|raid|bombing|blast|"
    r"explosion|assault|ambush|shelling|bomb|bomber|attackers|assailants|gunmen)\b",
    re.IGNORECASE,
)
#: Where a figure's clause ends: a comma, "and", "while", a semicolon.
FIGURE_CLAUSE_END: Final = rx.compile(r"[,;:]|\s(?:and|while|whereas|but)\s")
#: An anaphoric city or town ("outside the city"): the last one named before.
THE_CITY: Final = rx.compile(r"\bthe\s+(?:city|town)\b(?!\s+of\b)")
#: A sentence opening on the victims of the incident just told ("Most of the victims were
#: inside a mall, where dozens ..."): that incident's place, even from an earlier paragraph.
THE_VICTIMS: Final = rx.compile(
    r"\s*(?:(?:most|many|some|all|half|several|one|two|three|none)\s+of\s+)?the\s+"
    r"(?:victims|dead|wounded|injured|casualties)\b",
    re.IGNORECASE,
)


def joins_places(text: str, found: list[tuple[int, int, Any]], stop: re.Match[str]) -> bool:
    """True when the clause break `stop` is an "and" or a comma between two places ("in Iraq
    and Syria", "in Homs, Hama and Idlib"): the figure spans them, it does not end at the
    first."""
    if stop.group().strip() not in {"and", ","}:
        return False
    before = any(f[1] <= stop.start() and not text[f[1] : stop.start()].strip() for f in found)
    after = any(
        f[0] >= stop.end() and text[stop.end() : f[0]].strip().lower() in {"", "the", "and"}
        for f in found
    )
    return before and after


def most_specific(found: list[tuple[int, int, Any]]) -> Any:
    """The most specific of (start, end, place) found, the first of equals; None if none."""
    if not found:
        return None
    return min(found, key=lambda f: (KIND_RANK.get(f[2].kind, 9), f[0]))[2]


def more_specific(a: Any, b: Any) -> bool:
    return KIND_RANK.get(a.kind, 9) < KIND_RANK.get(b.kind, 9)


def within(inner: Any, outer: Any) -> bool:
    """Whether `inner` lies in `outer` (a country, a division or a region)."""
    if inner.country != outer.country:
        return False
    if outer.kind == "admin1":
        return bool(inner.admin1 == (outer.admin1 or outer.name))
    if outer.kind == "region":
        from casualty.geo import gazetteer

        return bool(gazetteer().contains(outer, inner))
    return bool(outer.kind == "country")


def earlier(
    sentences: list[Sentence],
    index: int,
    cache: dict[int, Any],
    value: Callable[[int], Any],
    across: bool = False,
) -> Any:
    """`value` of the nearest sentence before `index` in its paragraph (in the article, with
    `across`) where it is not None.

    `cache` holds, per sentence, that of itself or of the earlier ones, filled forward once,
    so a long paragraph is not rescanned for every claim.
    """

    def joined(k: int) -> bool:
        return across or sentences[k - 1].paragraph == sentences[k].paragraph

    if index == 0 or not joined(index):
        return None
    last = index - 1
    start = last
    while start >= 0 and start not in cache:
        start -= 1
    for k in range(start + 1, last + 1):
        found = value(k)
        if found is None and k > 0 and joined(k):
            found = cache[k - 1]
        cache[k] = found
    return cache[last]


#: A paragraph that opens on another incident than the lead's ("In a separate incident, ...",
#: "Separately, ...", "Elsewhere, ..."): the undated paragraph after it goes on with it.
SEPARATE_OPENING: Final = rx.compile(
    r"\W*(?:in\s+(?:a\s+)?separate\s+(?:incident|attack|development)s?|separately|elsewhere"
    r"|in\s+another\s+(?:incident|attack))\b",
    re.IGNORECASE,
)


def after_separate(sentences: list[Sentence], index: int) -> bool:
    """Whether the paragraph before that of sentence `index` opens on another incident
    (`SEPARATE_OPENING`): an undated, unplaced paragraph after it goes on with that incident
    ("The administrator said two soldiers were killed")."""
    first = index
    while first > 0 and sentences[first - 1].paragraph == sentences[index].paragraph:
        first -= 1
    if first == 0:
        return False
    para = sentences[first - 1].paragraph
    start = first - 1
    while start > 0 and sentences[start - 1].paragraph == para:
        start -= 1
    return SEPARATE_OPENING.match(sentences[start].text) is not None


#: A part of a country named as the scene ("in northern Mozambique").
_BEARING: Final = rx.compile(r"(?:north|south|east|west)(?:ern)?\s+$|central\s+$", re.IGNORECASE)


def filed_from_capital(
    text: str, kept: list[tuple[int, int, Any]], end: int
) -> list[tuple[int, int, Any]]:
    """`kept` without the capital opening a lead as "Maputo: ..." when the lead puts the
    incident in a part of that country ("... in northern Mozambique killed 16"): the report
    was filed from the capital."""
    regions = [
        f[2].country
        for f in kept
        if f[0] >= end and f[2].kind == "country" and _BEARING.search(text, 0, f[0])
    ]
    if not regions:
        return kept
    capitals = {c.id for c in map(demonym_places.capital_place, regions) if c is not None}
    return [f for f in kept if f[0] >= end or f[2].id not in capitals]


#: A sentence opened by its own weekday: "On Friday, ...", "Late on Monday, ...".
_FRONTED_DAY: Final = rx.compile(
    r"\s*(?:(?:late|early|earlier)\s+)?on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)


def other_item(text: str) -> bool:
    """Whether a sentence opens with its own day and gives a figure of its own ("On Friday,
    five people were killed in an ambush in Homs"): an item about another incident when it
    follows a lead dated only by its report."""
    from casualty.extract.mentions import find_mentions

    return bool(_FRONTED_DAY.match(text)) and any(m.low for m in find_mentions(text))
