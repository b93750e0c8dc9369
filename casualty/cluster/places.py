"""Places of claims resolved once per distinct value, for blocking and place features.

A claim's `location` may be a town, a village, a district, an admin area ("Deir ez-Zor
countryside", "Donbas"), or a place relative to a town ("a village near X", "east of X"). The
resolver strips the relative wording, looks the name up in the gazetteer (`casualty.geo`), and
returns a `Spot`: the most specific level it could pin, with coordinates where known, so that
identity, containment and distance become features. Each distinct (location, admin1, country,
lat, lon) tuple is resolved once.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from casualty.geo import Place

#: Levels of a resolved place, least to most specific.
NONE: Final = 0
COUNTRY: Final = 1
ADMIN: Final = 2
NEAR: Final = 3  # a place given relative to a town: somewhere around it
LOCALITY: Final = 4

_RELATIVE: Final = re.compile(
    r"^(?:(?:an?|the|one)\s+)?"
    r"(?:(?:small\s+|remote\s+)?(?:village|town|hamlet|area|district|suburb|neighbou?rhood|"
    r"outskirts|countryside|vicinity|region|place|positions?|base|camp|checkpoints?)s?\s+)?"
    r"(?:(?:just\s+|some\s+\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:near|outside|close\s+to|around|by|of|in|on\s+the\s+outskirts\s+of|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"(?:\s+of)?)\s+)+",
    re.IGNORECASE,
)
_COUNTRYSIDE: Final = re.compile(
    r"\s+(?:countryside|province|governorate|oblast|region|district|state)$",
    re.IGNORECASE,
)
_AROUND: Final = re.compile(r"\s+(?:outskirts|suburbs|environs|area|vicinity)$", re.IGNORECASE)
_ADMIN_WORDS: Final = re.compile(
    r"\b(?:province|governorate|oblast|region|state|district|countryside|wilayah|krai)\b",
    re.IGNORECASE,
)
_SLUG: Final = re.compile(r"[^a-z0-9]+")
#: A part of a town named by its position ("central Baghdad", "north-eastern Mosul"): inside
#: the town, unlike "east of Mosul" (around it). Two parts of one town are two places.
_SECTOR: Final = re.compile(
    r"(central|downtown|(?:north|south)(?:[-\s]?(?:east|west))?ern|(?:east|west)ern)\s+(?=\S)",
    re.IGNORECASE,
)
#: A division named by a direction ("Northern State", "South Darfur", "West Kordofan"): the
#: direction word and the rest of the name.
_DIRECTED: Final = re.compile(
    r"((?:north|south)(?:[-\s]?(?:east|west))?|east|west)(ern)?\s+(\S.*)", re.IGNORECASE
)
#: A sector's canonical key.
SECTORS: Final = {
    "central": 1, "downtown": 1, "northern": 2, "southern": 3, "eastern": 4, "western": 5,
    "northeastern": 6, "northwestern": 7, "southeastern": 8, "southwestern": 9,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Spot:
    """A claim's place as far as it could be resolved."""

    level: int
    country: str | None = None
    admin: str | None = None  # "SY:deir ez-zor"-style key, country-qualified
    place: str | None = None  # a gazetteer id or a normalised name, country-qualified
    name: str | None = None  # the display name used for incident ids
    lat: float | None = None
    lon: float | None = None
    #: Whether the gazetteer knew the place (else `place` is a normalised name).
    resolved: bool = False
    #: The part of the town (`SECTORS` code) the location names, 0 for the whole town.
    sector: int = 0


def fold(text: str) -> str:
    """Lower-case ASCII-ish key: diacritics, apostrophes and punctuation folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’‘`´ʼʻʿʾ]", "", plain)
    return re.sub(r"[\s\-_,.;:()]+", " ", plain).strip()


def slug(text: str) -> str:
    """The id-safe form of a name: lower-case ASCII words joined by hyphens."""
    return _SLUG.sub("-", fold(text).encode("ascii", "ignore").decode()).strip("-")


def country_of(value: str | None) -> str | None:
    """ISO2 code of a country written as a name, ISO2 or ISO3 code (folded text if unknown)."""
    return _country(value)


@functools.lru_cache(maxsize=10_000)
def _country(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    from casualty.geo import country_code

    code = country_code(value)
    if code:
        return code
    text = value.strip()
    return text.upper() if len(text) == 2 and text.isalpha() else fold(text)


@functools.lru_cache(maxsize=200_000)
def strip_relative(location: str) -> tuple[str, bool, bool]:
    """(core name, relative?, admin-area?) of a location as written.

    >>> strip_relative("a village near Raqqa")
    ('Raqqa', True, False)
    >>> strip_relative("Deir ez-Zor countryside")
    ('Deir ez-Zor', False, True)
    """
    text = " ".join(location.split())
    if " " not in text:  # each pattern below needs a space: one word is a name as it stands
        return text.strip(" ,.") or text, False, False
    core = _RELATIVE.sub("", text)
    if _ADMIN_WORDS.fullmatch(core.strip(" ,.")):
        # "Northern State", "Eastern Province": the direction is part of the name.
        core = text
    relative = core != text
    admin = False
    around = _AROUND.sub("", core)
    if around != core and around:
        core, relative = around, True
    stripped = _COUNTRYSIDE.sub("", core)
    if stripped != core and stripped:
        admin = True
        core = stripped
    return core.strip(" ,.") or text, relative, admin


def resolve(
    location: str | None,
    admin1: str | None,
    country: str | None,
    lat: float | None = None,
    lon: float | None = None,
) -> Spot:
    """Resolve one place description to a `Spot` (see module docstring)."""
    cc = _country(country)
    admin_spot = _resolve_admin(admin1, cc)
    cc = cc or admin_spot.country
    if location and location.strip():
        sector = _sector(location, cc, admin_spot, lat, lon)
        if sector is not None:
            return sector
        spot = _resolve_location(location, cc, admin_spot, lat, lon)
        if spot is not None:
            return spot
    if admin_spot.level:
        return admin_spot
    return Spot(COUNTRY if cc else NONE, cc, None, None, cc, lat, lon, resolved=True)


def _sector(
    location: str, cc: str | None, admin_spot: Spot, lat: float | None, lon: float | None
) -> Spot | None:
    """The town of "central X", "eastern X" with its sector, when X is a town the gazetteer
    knows; None otherwise ("eastern Ukraine", "Northern State" keep their own reading)."""
    from dataclasses import replace

    text = location.strip()
    match = _SECTOR.match(text)
    if match is None:
        return None
    code = SECTORS.get(re.sub(r"[-\s]", "", match.group(1).lower()), 0)
    rest = text[match.end() :]
    town = _resolve_location(rest, cc, admin_spot, lat, lon)
    if town is None or town.level != LOCALITY or not town.resolved or not code:
        return None
    # As a whole the words must read as around that town, or as a name nobody knows whose
    # rest is the town's own name: not as a division named by a direction ("Northern State").
    whole = _resolve_location(text, cc, admin_spot, lat, lon)
    if whole is not None and whole.resolved:
        if whole.place != town.place:
            return None
    elif fold(town.name or "") != fold(rest):
        return None
    return replace(town, sector=code)


def _resolve_location(
    location: str, cc: str | None, admin_spot: Spot, lat: float | None, lon: float | None
) -> Spot | None:
    from casualty.geo import normalize_place

    division = _directed_division(location.strip(), cc)
    if division is not None:
        name = division.admin1 or division.name
        key = admin_key(division.country, name)
        return Spot(ADMIN, division.country, key, None, name, division.lat, division.lon, True)
    core, relative, is_admin = strip_relative(location)
    place = _lookup(f"{core} countryside" if is_admin else core, cc)
    if place is None and not is_admin and "y" in core.lower():
        # Romanisations trade i and y ("Bynnish", "Kharyan"); the gazetteer has one of them.
        place = _lookup(core.replace("y", "i").replace("Y", "I"), cc)
    if place is None:
        key = normalize_place(core)
        if not key:
            return None
        if is_admin:
            return Spot(ADMIN, cc, admin_key(cc, core), None, core, lat, lon)
        return Spot(
            NEAR if relative else LOCALITY, cc, admin_spot.admin, f"{cc}:{key}", core, lat, lon
        )
    pcc = place.country
    admin = admin_key(pcc, place.admin1) if place.admin1 else admin_spot.admin
    if place.kind == "country":
        return Spot(COUNTRY, pcc, None, None, place.name, resolved=True)
    if place.kind == "region":
        # A named region ("Donbas") spans several divisions: only its country is certain.
        return Spot(COUNTRY, pcc, None, None, place.name, place.lat, place.lon, True)
    if place.kind == "admin1" or is_admin:
        name = place.admin1 or place.name
        return Spot(ADMIN, pcc, admin, None, name, place.lat, place.lon, True)
    return Spot(
        NEAR if relative else LOCALITY,
        pcc,
        admin,
        f"{pcc}:{place.id}",
        place.name,
        place.lat if lat is None else lat,
        place.lon if lon is None else lon,
        True,
    )


@functools.lru_cache(maxsize=100_000)
def _directed_division(text: str, cc: str | None) -> Place | None:
    """The first-level division a name starting with a direction denotes, if the gazetteer has
    one of that whole name ("Northern State", "West Kordofan province"), also written with or
    without "-ern" ("South Darfur" is the gazetteer's "Southern Darfur"). Without it the
    direction reads as a part of the rest ("Southern Darfur" became the region Darfur,
    "Northern State" a division "State"). Only in the claim's country, or in a single one."""
    match = _DIRECTED.fullmatch(text)
    if match is None:
        return None
    from casualty.geo import gazetteer

    direction, ern, rest = match.groups()
    other = direction if ern else direction + "ern"
    bodies = [rest]
    bare = _COUNTRYSIDE.sub("", rest)
    if bare != rest and bare:
        bodies.append(bare)
    found = []
    for body in bodies:
        for head in (direction + (ern or ""), other):
            found = [
                p
                for p in gazetteer().candidates(f"{head} {body}")
                if p.kind == "admin1" and (cc is None or p.country == cc)
            ]
            if found:
                break
        if found:
            break
    if not found or len({p.country for p in found}) > 1:
        return None
    return found[0]


@functools.lru_cache(maxsize=200_000)
def _lookup(name: str, cc: str | None) -> Place | None:
    """The gazetteer's place for a name, never one in another country than the claim's."""
    from casualty.geo import gazetteer

    place = gazetteer().lookup(name, cc)
    if place is None or (cc and place.country != cc):
        return None
    return place


@functools.lru_cache(maxsize=100_000)
def _resolve_admin(admin1: str | None, cc: str | None) -> Spot:
    if not admin1 or not admin1.strip():
        return Spot(NONE, cc)

    division = _directed_division(" ".join(admin1.split()), cc)
    if division is not None:
        name = division.admin1 or division.name
        key = admin_key(division.country, name)
        return Spot(ADMIN, division.country, key, None, name, division.lat, division.lon, True)
    core = _ADMIN_WORDS.sub("", admin1).strip(" ,.") or admin1
    place = _lookup(f"{core} province", cc)
    if place is not None and place.kind in {"admin1", "city"}:
        name = place.admin1 or place.name
        key = admin_key(place.country, name)
        return Spot(ADMIN, place.country, key, None, name, place.lat, place.lon, True)
    return Spot(ADMIN, cc, admin_key(cc, core), None, core)


@functools.lru_cache(maxsize=100_000)
def admin_key(cc: str | None, name: str) -> str:
    """The key of a first-level division: country code and normalised name."""
    from casualty.geo import normalize_place

    return f"{cc}:{normalize_place(_ADMIN_WORDS.sub('', name).strip(' ,.') or name)}"
