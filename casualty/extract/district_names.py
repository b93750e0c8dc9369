"""Sub-city places the gazetteer may lack, read from the words that name them.

"the Karrada district of Baghdad", "Kareto village", "the village of Kafr Sous", "an oil port
called Ras Isa", "the town of Tangouri": a district, village, camp, town or site is found by
its keyword and the name before, after "of", or after "called"; written right before a
resolved place ("of Baghdad", ", Kirkuk") it takes that place's division, country and
coordinates (`district_place`).
`placing` ranks such a name as the most specific place of its sentence.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

from casualty import rx

if TYPE_CHECKING:
    from casualty.geo import Place

#: Lower-case words allowed inside a district's name ("Bab al-Tabbaneh", "Karm el Zeitoun").
_JOIN: Final = r"(?:al|el|ad|ed|ar|as|ash|az|at|an|bin|ibn|abu|umm|de|la|of)"
#: Words start after a non-word character and are matched possessively, so a long run of
#: letters is scanned once, not once per capital in it.
_NAME: Final = rf"(?<![\w'’-])[A-Z][\w'’-]++(?:\s+(?:{_JOIN}[-\s])?[A-Z][\w'’-]++){{0,3}}"
_DISTRICT_WORDS: Final = (
    r"(?:district|neighbou?rhood|quarter|suburb|village|hamlet|area|locality|camp|township)"
)
#: Facilities named after their site: "the Ras Isa oil port", "the Tabqa airbase".
_SITE_WORDS: Final = (
    r"(?:(?:oil|fuel|gas|sea|naval|river|air)\s+)?"
    r"(?:port|harbou?r|airport|airbase|air\s+base|terminal|refinery)"
)
#: A district or site word; the name it goes with is looked for around it (scanning for the
#: words first is several times faster than trying a name at every capital). The lookahead
#: holds the letters the words open with, so most positions fail before the alternation.
_KEYWORD: Final = rx.compile(
    r"\b(?=[acdfghlnopqrstv])"
    rf"(?:(?P<district>{_DISTRICT_WORDS})|(?P<site>{_SITE_WORDS})|town|city)\b",
    re.IGNORECASE,
)
#: "the Karrada district", "Kareto village", "the Ras Isa oil port": the name before the word.
_NAME_BEFORE: Final = rx.compile(rf"({_NAME})\s+$")
#: "the village of Kafr Sous", "the port of Ras Isa": the name after the word.
_OF_NAME: Final = rx.compile(rf"\s+of\s+(?:the\s+)?({_NAME})")
#: "an oil port, called Ras Isa", "a village known as Umm Sayala".
_CALLED_NAME: Final = rx.compile(rf",?\s+(?i:called|named|known\s+as)\s+({_NAME})")
#: How far before a district word its name may start.
_NAME_REACH: Final = 80
_SITE_MODIFIERS: Final = frozenset({"oil", "fuel", "gas", "sea", "naval", "river", "air"})
#: Words without which a sentence names no district, site or demonym's place (a cheap check
#: that spares most sentences the name scans).
_SITE_HINTS: Final = (
    "district", "neighbo", "quarter", "suburb", "village", "hamlet", "area", "locality", "camp",
    "township", "port", "harbo", "base", "terminal", "refinery", "called", "named", "known as",
    "town", "city", "hospital", "school", "market", "province", "region",
)  # fmt: skip


#: `_SITE_HINTS` as one alternation, searched in the lower-cased text (one C-level scan
#: instead of a substring test per word; the same answer, as the hints are lower-case).
_SITE_HINT: Final = rx.compile("|".join(map(re.escape, _SITE_HINTS)))


@functools.lru_cache(maxsize=1024)
def site_hint(text: str) -> bool:
    """Whether `text` has one of `_SITE_HINTS` (memoised: a sentence asks twice)."""
    return _SITE_HINT.search(text.lower()) is not None


#: Words that are no place alone but open one's name ("Ras Isa", "Tal Afar", "Deir Hafer").
_NAME_HEADS: Final = frozenset(
    {"Ras", "Tal", "Tell", "Wadi", "Jebel", "Jabal", "Ain", "Bir", "Kafr", "Beit", "Khan",
     "Sheikh", "Deir", "Abu", "Umm", "Mount", "Port", "Camp", "Saint", "St", "Fort", "Lake",
     "Bab", "Al", "El", "New", "Old"}
)  # fmt: skip
#: A word that is a compound adjective, not a name ("Houthi-controlled", "Russian-held").
_COMPOUND: Final = rx.compile(r"[^\W\d_]{3}-[a-z]{3}")
#: A parent place written right after a district: "of Baghdad", "in Borno", ", Kirkuk".
_PARENT_GAP: Final = rx.compile(r"\s*(?:of|in|,)\s+(?:the\s+)?")


def _name_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_NAME_BEFORE.search(text, start, end)`, not run when it cannot match: the name's last
    word opens with a capital and a space follows it, so without a capital in the last word
    before `end`, or without a space before `end`, there is none (the search costs ~10 us)."""
    if end <= start or not text[end - 1].isspace():
        return None
    last = text[start:end].rsplit(None, 1)
    if not last or _CAPITAL.search(last[-1]) is None:
        return None
    return _NAME_BEFORE.search(text, start, end)


_CAPITAL: Final = rx.compile("[A-Z]")


def districts(
    text: str,
    places: list[tuple[int, int, Place]],
    stop: frozenset[str],
) -> list[tuple[int, int, str, int | None]]:
    """Sub-city names of `text` the gazetteer did not resolve: (start, end, name, index of
    the resolved place in `places` written right after it as its parent, else None).

    Words that are never place names on their own (`stop`: "Shiite", "Old") are dropped from
    the front of a name; names overlapping a resolved place are left to it.
    """
    out: list[tuple[int, int, str, int | None]] = []
    if not site_hint(text):
        return out
    for key in _KEYWORD.finditer(text):
        k0, k1 = key.span()
        if key.group("district") or key.group("site"):
            found = _name_before(text, max(0, k0 - _NAME_REACH), k0)
            if found is None and (key.group("district") or key.group().lower() == "port"):
                found = _OF_NAME.match(text, k1)
        else:
            # "the town of X", "the city of X": a settlement the gazetteer may lack
            found = _OF_NAME.match(text, k1)
        if found is None:
            found = _CALLED_NAME.match(text, k1)
        if found is None:
            continue
        start, end = found.span(1)
        after = k1 if found.end() <= k0 + 1 else found.end()
        words = text[start:end].split()
        while words and ((words[0] in stop and words[0] not in _NAME_HEADS) or _demonym(words[0])):
            words = words[1:]  # "Shiite", "the Colombian municipality of X": no name
        while len(words) > 1 and words[-1].casefold() in _SITE_MODIFIERS:
            words = words[:-1]  # "the Ras Isa Fuel Port"
        if words:
            start = text.index(words[0], start)
            end = text.index(words[-1], start) + len(words[-1])
        if not words or any(
            (w in stop and w not in _NAME_HEADS) or _COMPOUND.search(w) for w in words
        ):
            continue
        if any(s < end and start < e for s, e, _ in places):
            continue
        parent: int | None = None
        gap = _PARENT_GAP.match(text, after)
        if gap is not None:
            for k, (s, _, _) in enumerate(places):
                if s == gap.end():
                    parent = k
        out.append((start, end, " ".join(words), parent))
    return out


def _demonym(word: str) -> bool:
    """Whether `word` is a country's demonym ("Colombian"), no name of a district."""
    from casualty.geo import gazetteer

    return word in gazetteer().demonyms


def district_place(name: str, parent: Place | None) -> Place | None:
    """A Place for a sub-city `name` within `parent` (its division, country, and coordinates
    when the parent is a city); None without a parent."""
    from casualty.geo import Place, normalize_place

    if parent is None:
        return None
    city = parent.kind in ("city", "district")
    key = normalize_place(name).replace(" ", "-")
    admin1 = parent.admin1 or (parent.name if parent.kind == "admin1" else None)
    return Place(
        name,
        parent.country,
        admin1,
        parent.lat if city else None,
        parent.lon if city else None,
        "district",
        f"name:{parent.country}:{key}",
    )
