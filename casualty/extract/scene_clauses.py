"""Places a clause names that are not where its figures happened: an institution's seat, a
route's ends, the origin of fire, an aggressor or whom an attack is put down to, a vehicle's
destination and travellers' home (where the wounded were taken: `where`).

Used by `casualty.extract.where` through `casualty.extract.place_roles`.
"""

from __future__ import annotations

import re
from typing import Final

from casualty import rx

__all__ = ["not_the_scene"]

#: Before a place: authorities "in" or "for" it, their seat ("health authorities in the
#: rebel-held"); up to two words between. A ministry or an office may be the building hit
#: ("a bomb at the ministry in Kabul"); authorities are no building.
_SEAT_BEFORE: Final = rx.compile(
    r"\b(?:authorities|authority)\s+(?:in|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$",
    re.IGNORECASE,
)
#: Before a place: "between", or "between X and", naming a route's or a front's ends.
_BETWEEN_BEFORE: Final = rx.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:[A-Z][\w'’.-]*|al|el|ez|ad|as)[\s-]+){0,4}?"
    r"(?:and\s+(?:the\s+)?)?$"
)
#: Before a place: fire launched "from" it ("rockets from Gaza", "a drone launched from
#: Lebanon"): where the shot came from, not where it struck.
_ORIGIN_BEFORE: Final = rx.compile(
    r"\b(?:rockets?|missiles?|drones?|shells?|mortars?|projectiles?|barrages?|salvos?|volleys?"
    r"|fired|launched)"
    r"(?:\s+(?:fired|launched|shot))?\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Before a place: where attackers sit ("terrorists positioned in X fired rockets at Y", "in
#: the towns of X in Y"): the origin of fire, not the scene.
_POSITIONED_BEFORE: Final = rx.compile(
    r"\b(?:terrorists?|militants?|insurgents?|rebels?|jihadists?|gunmen)\b[^.;]{0,30}?"
    r"\b(?:located|positioned|holed\s+up|stationed|entrenched|hiding)\s+in\s+(?:the\s+)?"
    r"(?:(?:towns?|villages?|areas?|city|outskirts|countryside)\s+of\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:in\s+)?$",
    re.IGNORECASE,
)
#: Before a place: the agent of violence ("violations of the ceasefire by Israel", "strikes
#: carried out by Russia"): who acts, not where.
_AGENT_BEFORE: Final = rx.compile(
    r"\b(?:violations?|attacks?|strikes?|airstrikes?|shelling|raids?|bombardments?|aggression"
    r"|incursions?|assaults?|offensives?|carried\s+out|launched|committed)"
    r"(?:\s+[\w'’-]+){0,4}?\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Before a place: who an attack is put down to ("a raid attributed to Mali's jihadists",
#: "blamed on Russia"): the aggressor, not the scene.
_BLAMED_BEFORE: Final = rx.compile(
    r"\b(?:attributed|blamed|imputed|ascribed)\s+(?:on|to)\s+(?:the\s+)?$", re.IGNORECASE
)
#: After a place: aggression it commits ("the US aggression on the port"), or where a
#: vehicle was heading ("a Karachi-bound bus").
_AGGRESSION_AFTER: Final = rx.compile(r"\s+aggression\b|-bound\b", re.IGNORECASE)
#: Before a place: where a vehicle or a convoy was heading ("a bus heading to X", "a convoy
#: bound for X", "a convoy bringing supplies to X"): not where it was attacked.
_DESTINATION_BEFORE: Final = rx.compile(
    r"\b(?:bound\s+for|head(?:ing|ed)\s+(?:to|for|towards)|en\s+route\s+to|on\s+(?:its|their)"
    r"\s+way\s+to|travell?ing\s+to|(?:bringing|carrying|delivering|transporting)\s+"
    r"(?:[\w-]+\s+){1,4}?to)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
#: Before a place: where travellers or workers come from ("labourers from Punjab", "five
#: passengers from X"): their home, not the scene.
_HOME_BEFORE: Final = rx.compile(
    r"\b(?:people|persons|passengers|travell?ers|labou?rers|workers|pilgrims|tourists|migrants"
    r"|truckers|drivers)\s+(?:hailing\s+|originally\s+)?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: How much text before a place the patterns look at.
_REACH: Final = 70


def not_the_scene(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] is an institution's seat, a route's end, the
    origin of fire, an aggressor, a vehicle's destination or travellers' home."""
    if _AGGRESSION_AFTER.match(text, end):
        return True
    before = text[max(0, start - _REACH) : start]
    if "between" in before and _BETWEEN_BEFORE.search(before):
        return True
    if "from" in before and (_ORIGIN_BEFORE.search(before) or _HOME_BEFORE.search(before)):
        return True
    if (" to" in before or "bound" in before) and _DESTINATION_BEFORE.search(before):
        return True
    if " in " in before and _POSITIONED_BEFORE.search(before):
        return True
    if " by " in before and _AGENT_BEFORE.search(before):
        return True
    blamed = "ttribut" in before or "lamed" in before or "scribed" in before or "mputed" in before
    if blamed and _BLAMED_BEFORE.search(before):
        return True
    return "uthorit" in before and _SEAT_BEFORE.search(before) is not None
