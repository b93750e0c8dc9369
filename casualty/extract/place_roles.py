"""Places a sentence names that are not where its figures happened, from their clause.

`where.role_excluded` reads a place's own neighbourhood ("said in X", "the X government");
`not_the_scene` (in `casualty.extract.scene_clauses`) reads the clause before it: a seat of
authorities, a route's ends, the origin of fire, an aggressor, a destination. Here:

- the parts of a total: "dozens were killed, including two at a plant in X and six inside
  Y": a total whose breakdown names two places happened at neither alone (one place named in
  a breakdown, "including three children in the village of X", is still where it happened);
- a division named after its town ("the province of Kirkuk"), a town's district or province.

And a town's part: "in central X", "in the eastern part of the city" make the location
"central X", "eastern X" (`with_sector`): reports of one town stay together, but one article
naming two parts of it tells two places apart (`casualty.cluster.places`).
"""

from __future__ import annotations

import re
from typing import Any, Final

from casualty import rx
from casualty.extract.scene_clauses import not_the_scene

__all__ = ["fronted", "not_the_scene", "refined", "with_sector", "without_spread_parts"]

#: A breakdown of a total: what follows names parts of it.
_BREAKDOWN: Final = rx.compile(
    r"(?:,|\s-|—|–)\s*(?:including|among\s+them|among\s+whom|of\s+whom)\b", re.IGNORECASE
)

#: Before a town's name: the division named after it ("the province of Kirkuk").
_DIVISION_OF: Final = rx.compile(
    r"\b(?:province|governorate|oblast|region|state|prefecture)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def refined(text: str, found: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """The places of a sentence (start, end, place) read in their clause: "the province of
    X" is the province, as "X province" is, and so is X in "the X and Y provinces"; "south
    of X" is X's province; a breakdown over several places places nothing
    (`without_spread_parts`)."""
    return without_spread_parts(
        text,
        [
            _around(text, _as_division(text, _town_district(text, _listed_division(text, f))))
            for f in found
        ],
    )


#: After a town's name: the district named after it ("villages in X district, Y province"),
#: not a district of a city ("the X district of Baghdad").
_DISTRICT_AFTER: Final = rx.compile(r"\s+(?i:district)\b(?!\s+(?:of|in)\b)")


def _town_district(text: str, found: tuple[int, int, Any]) -> tuple[int, int, Any]:
    """A town named for the district around it ("towns and villages in X district") as its
    province: the district spreads well beyond the town."""
    if found[2].kind != "city" or not found[2].admin1 or not _DISTRICT_AFTER.match(text, found[1]):
        return found
    return _province(found)


#: After a place: the rest of a list of divisions ("X, Y and Z regions", "X and Y provinces"):
#: each name in it is a division, not its capital.
_DIVISIONS_AFTER: Final = rx.compile(
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?){0,6}"
    r"\s+(?:regions|oblasts|provinces|governorates|states)\b"
)


def _listed_division(text: str, found: tuple[int, int, Any]) -> tuple[int, int, Any]:
    """A town named in a list of divisions ("the X, Y and Z regions") as its division."""
    start, end, place = found
    if place.kind != "city" or "s" not in text[end : end + 80]:
        return found
    if _DIVISIONS_AFTER.match(text, end) is None:
        return found
    from casualty.geo import gazetteer

    division = gazetteer().lookup(f"{text[start:end]} province", place.country)
    if division is None or division.kind != "admin1" or division.country != place.country:
        return found
    return start, end, division


#: Before a town: a bearing from it ("villages south of X"): somewhere around the town, not
#: in it.
_BEARING_OF: Final = rx.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
#: Before a bearing: a distance ("20 km south of X"), which makes the town a reference
#: point (`where.weak`) instead.
_DISTANCE_BEFORE: Final = rx.compile(
    r"(?:km|kilomet(?:re|er)s|miles|mi)\b\.?\s*(?:\([^)]{0,30}\)\s*)?$", re.IGNORECASE
)


#: Right before a town: a compound compass point as an adjective ("villages in southwest
#: X"): a part of its province, as a bearing is.
_COMPASS_BEFORE: Final = rx.compile(r"\b(?i:north|south)-?(?i:east|west)\s+$")


def _around(text: str, found: tuple[int, int, Any]) -> tuple[int, int, Any]:
    """A town after a bearing without a distance ("attacks south of X") or a compound compass
    point ("southwest X") as its province."""
    start, _end, place = found
    if place.kind != "city" or not place.admin1:
        return found
    near = text[max(0, start - 12) : start]
    if ("east" in near or "west" in near) and _COMPASS_BEFORE.search(near):
        return _province(found)
    if " of" not in near:
        return found
    bearing = _BEARING_OF.search(text, max(0, start - 30), start)
    if bearing is None or text[max(0, bearing.start() - 4) : bearing.start()].lower() == "the ":
        return found  # "in the south of X": a part of the town
    if _DISTANCE_BEFORE.search(text, max(0, bearing.start() - 30), bearing.start()):
        return found
    return _province(found)


def _province(found: tuple[int, int, Any]) -> tuple[int, int, Any]:
    """The town of `found` (start, end, place) as its province, where the gazetteer has it."""
    start, end, place = found
    from casualty.geo import gazetteer

    division = gazetteer().lookup(f"{place.admin1} province", place.country)
    if division is None or division.kind != "admin1" or division.country != place.country:
        return found
    return start, end, division


def _as_division(text: str, found: tuple[int, int, Any]) -> tuple[int, int, Any]:
    start, end, place = found
    if place.kind != "city" or "of" not in text[max(0, start - 30) : start]:
        return found
    if _DIVISION_OF.search(text, max(0, start - 30), start) is None:
        return found
    from casualty.geo import gazetteer

    division = gazetteer().lookup(f"{place.name} province", place.country)
    if division is None or division.kind != "admin1" or division.country != place.country:
        return found
    return start, end, division


def without_spread_parts(
    text: str, found: list[tuple[int, int, Any]]
) -> list[tuple[int, int, Any]]:
    """`found` (start, end, place) without the places of a breakdown that names two or more
    different places: the total spans them, so none of them is where it happened."""
    cue = _BREAKDOWN.search(text)
    if cue is None:
        return found
    after = [f[2] for f in found if f[0] >= cue.end()]
    # "in the eastern Ukrainian town of X": a country and a town in it are one place
    parts = {
        (p.country, p.name)
        for p in after
        if not any(q is not p and q.country == p.country and _holds(p, q) for q in after)
    }
    if len(parts) < 2:
        return found
    return [f for f in found if f[0] < cue.end()]


def _holds(outer: Any, inner: Any) -> bool:
    """Whether `outer` (of the same country) is the country around `inner`: a part's town
    written with its province ("4 in X, Y province") still counts as that part's place."""
    return bool(outer.kind == "country" and inner.kind != "country")


_SECTOR_WORD: Final = r"(central|downtown|(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern)"
_THE_TOWN: Final = r"the\s+(?:city|town|capital)\b"
#: "the eastern part of the city", "the northern districts of X": a part of a town.
_PART_OF: Final = (
    r"\bthe\s+" + _SECTOR_WORD + r"\s+(?:part|parts|side|edge|sector|districts?|"
    r"neighbou?rhoods?|suburbs?|areas?|quarters?)\s+of\s+(?:" + _THE_TOWN + "|"
)
#: The fixed parts of the patterns of `_outside_plain` and `_sector_plain`, before the name.
_OUTSIDE: Final = rx.compile(r"\b(?i:outside|on\s+the\s+outskirts\s+of)\s+")
_THE_CITY: Final = rx.compile(r"the\s+(?:city|town)\b(?!['’])")
_NAME_END: Final = rx.compile(r"\b(?!['’])")
_SECTOR_THEN: Final = rx.compile(rf"\b{_SECTOR_WORD}\s+", re.IGNORECASE)
_PART_OF_THEN: Final = rx.compile(
    _PART_OF.removesuffix("(?:" + _THE_TOWN + "|") + "(?:(" + _THE_TOWN + ")|)", re.IGNORECASE
)
_BOUNDARY: Final = rx.compile(r"\b")
#: "the city centre", "the centre of X".
_CENTRE: Final = rx.compile(
    r"\bthe\s+(?:(?:city|town)\s+cent(?:re|er)\b|cent(?:re|er)\s+of\s+the\s+(?:city|town)\b)",
    re.IGNORECASE,
)


def with_sector(text: str, place: Any) -> Any:
    """`place` as "central X", "eastern X" when `text` names that part of the town X ("in
    central X", "the eastern part of the city", "the city centre"), as "outside X" when it
    puts the scene outside the town ("outside the city", "on the outskirts of X"); else
    `place` itself."""
    if place is None or place.kind != "city":
        return place
    name = place.name
    if ("utside" in text or "outskirts" in text) and _outside(text, name):
        return _part(place, "outside")
    if not _SECTORISH.search(text):
        return place
    sector = _sector(text, name)
    if sector is None:
        if not _CENTRE.search(text):
            return place
        sector = "central"
    return _part(place, sector)


def _outside(text: str, name: str) -> bool:
    """`_outside_plain`: the cue's fixed pattern, the town's name compared in place (a
    pattern per town name cost a compilation, ~1 ms, per town of the input)."""
    if not name or name[0].isspace():
        return _outside_plain(text, name)
    for cue in _OUTSIDE.finditer(text):
        at = cue.end()
        if _THE_CITY.match(text, at) or (
            text.startswith(name, at) and _NAME_END.match(text, at + len(name))
        ):
            return True
    return False


def _outside_plain(text: str, name: str) -> bool:
    """Whether `text` puts the scene outside the town `name`: "outside the city", "on the
    outskirts of X" (not "outside Mosul's main hospital": outside a building in the town)."""
    found = re.search(
        rf"\b(?i:outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+(?:city|town)|{re.escape(name)})\b"
        r"(?!['’])",
        text,
    )
    return found is not None


def _sector(text: str, name: str) -> str | None:
    """`_sector_plain`: fixed patterns, the town's name compared (without case) in place.

    Compared as ASCII: where the text has other characters (the Kelvin sign, "ſ"), the
    pattern's own case-insensitive matching is asked instead.
    """
    if not name or not name.isascii() or name[0].isspace():
        return _sector_plain(text, name)
    folded = name.lower()
    found: tuple[int, str] | None = None
    for m in _SECTOR_THEN.finditer(text):  # "central X"
        at = m.end()
        written = text[at : at + len(name)]
        if not written.isascii():
            return _sector_plain(text, name)
        if written.lower() == folded and _BOUNDARY.match(text, at + len(name)):
            found = (m.start(), m.group(1))
            break
    for m in _PART_OF_THEN.finditer(text):  # "the eastern part of the city", "... of X"
        if found is not None and m.start() > found[0]:
            break
        at = m.end()
        written = text[at : at + len(name)]
        if not (m.group(2) or written.isascii()):
            return _sector_plain(text, name)
        if m.group(2) or (written.lower() == folded and _BOUNDARY.match(text, at + len(name))):
            found = (m.start(), m.group(1))
            break
    return found[1].lower() if found is not None else None


def _sector_plain(text: str, name: str) -> str | None:
    """The part of the town `name` that `text` names ("central", "eastern"...), else None."""
    escaped = re.escape(name)
    found = re.search(
        rf"\b{_SECTOR_WORD}\s+{escaped}\b|{_PART_OF}{escaped}\b)", text, re.IGNORECASE
    )
    return next(g for g in found.groups() if g).lower() if found is not None else None


def _part(place: Any, word: str) -> Any:
    from dataclasses import replace

    return replace(place, name=f"{word} {place.name}", id=f"{place.id}#{word}")


#: A cheap test for the words a sector needs.
_SECTORISH: Final = rx.compile(r"ern\b|central|downtown|cent(?:re|er)\b", re.IGNORECASE)


#: A place put before its clause's figure: "In X, four were killed", "..., and in Y two".
_FRONTED: Final = rx.compile(r"(?:^|[,;]\s*(?:and\s+|while\s+|but\s+)?)\s*[Ii]n\s+(?:the\s+)?$")
_JOINED: Final = rx.compile(r";|\s(?:and|while|whereas|but)\s")


def fronted(
    text: str, found: list[tuple[int, int, Any]], position: int
) -> list[tuple[int, int, Any]]:
    """The places of `found` from the last one put before the clause of the figure at
    `position` up to the figure ("In X in the central Y, four were killed"), when no other
    clause comes between; else none."""
    put = [f for f in found if f[1] <= position and _FRONTED.search(text, 0, f[0])]
    if not put or _JOINED.search(text, put[-1][1], position):
        return []
    return [f for f in found if put[-1][0] <= f[0] < position]
