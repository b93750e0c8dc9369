"""Places of claims resolved once per distinct value, for blocking and place features.

A claim's `location` may be a town, a village, a district, an admin area ("Deir ez-Zor
countryside", "Donbas"), or a place relative to a town ("a village near X", "east of X"). The
resolver strips the relative wording, looks the name up in the gazetteer (`casualty.geo`), and
returns a `Spot`: the most specific level it could pin, with coordinates where known, so that
identity, containment and distance become features. Each distinct (location, admin1, country,
lat, lon) tuple is resolved once.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Final

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
    r"\s+(?:countryside|outskirts|suburbs|environs|area|region|province|governorate|oblast|"
    r"district|state|countryside\s+area)$",
    re.IGNORECASE,
)
_ADMIN_WORDS: Final = re.compile(
    r"\b(?:province|governorate|oblast|region|state|district|countryside|wilayah|krai)\b",
    re.IGNORECASE,
)
_SLUG: Final = re.compile(r"[^a-z0-9]+")


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


def _geo() -> Any:
    """The gazetteer module, or None while it is not available."""
    try:
        module = importlib.import_module("casualty.geo")
    except ImportError:
        return None
    return module if hasattr(module, "gazetteer") else None


def fold(text: str) -> str:
    """Lower-case ASCII-ish key: diacritics, apostrophes and punctuation folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’‘`´ʼʻʿʾ]", "", plain)
    return re.sub(r"[\s\-_,.;:()]+", " ", plain).strip()


def slug(text: str) -> str:
    """The id-safe form of a name: lower-case ASCII words joined by hyphens."""
    geo = _geo()
    if geo is not None and hasattr(geo, "slug"):
        value = str(geo.slug(text))
        if value:
            return value
    return _SLUG.sub("-", fold(text).encode("ascii", "ignore").decode()).strip("-")


def _name_key(text: str) -> str:
    geo = _geo()
    if geo is not None and hasattr(geo, "normalize_place"):
        return str(geo.normalize_place(text))
    words = [w for w in fold(text).split() if w not in {"al", "el", "as", "ad", "az", "ash", "the"}]
    return " ".join(words)


def _country(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    geo = _geo()
    if geo is not None and hasattr(geo, "country_code"):
        code = geo.country_code(value)
        if code:
            return str(code)
    text = value.strip()
    return text.upper() if len(text) == 2 and text.isalpha() else fold(text)


def strip_relative(location: str) -> tuple[str, bool, bool]:
    """(core name, relative?, admin-area?) of a location as written.

    >>> strip_relative("a village near Raqqa")
    ('Raqqa', True, False)
    >>> strip_relative("Deir ez-Zor countryside")
    ('Deir ez-Zor', False, True)
    """
    text = " ".join(location.split())
    core = _RELATIVE.sub("", text)
    relative = core != text
    admin = False
    stripped = _COUNTRYSIDE.sub("", core)
    if stripped != core and stripped:
        admin = True
        core = stripped
    return core.strip(" ,.") or text, relative, admin


def resolve(
    location: str | None,
    admin1: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
) -> Spot:
    """Resolve one place description to a `Spot` (see module docstring)."""
    cc = _country(country)
    geo = _geo()
    gaz = geo.gazetteer() if geo is not None else None
    admin_spot = _resolve_admin(admin1, cc, gaz)
    if admin_spot.country:
        cc = cc or admin_spot.country
    if location and location.strip():
        core, relative, is_admin = strip_relative(location)
        place = _lookup(gaz, core, cc)
        if place is not None:
            pcc = _country(getattr(place, "country", None)) or cc
            padmin = getattr(place, "admin1", None)
            admin_key = f"{pcc}:{_name_key(padmin)}" if padmin else admin_spot.admin
            kind = str(getattr(place, "kind", "") or "")
            plat = getattr(place, "lat", None)
            plon = getattr(place, "lon", None)
            name = str(getattr(place, "name", core))
            if is_admin or kind in {"admin1", "admin2", "region", "country"}:
                if kind == "country":
                    return Spot(COUNTRY, pcc, None, None, name)
                own = kind in {"admin1", "region"}
                key = f"{pcc}:{_name_key(name)}" if own else admin_key
                return Spot(ADMIN, pcc, key or admin_key, None, name, plat, plon)
            pid = getattr(place, "id", None) or _name_key(name)
            return Spot(
                NEAR if relative else LOCALITY,
                pcc,
                admin_key,
                f"{pcc}:{pid}",
                name,
                plat if lat is None else lat,
                plon if lon is None else lon,
            )
        key = _name_key(core)
        if is_admin:
            return Spot(ADMIN, cc, f"{cc}:{key}", None, core, lat, lon)
        if key:
            return Spot(
                NEAR if relative else LOCALITY,
                cc,
                admin_spot.admin,
                f"{cc}:{key}",
                core,
                lat,
                lon,
            )
    if admin_spot.level:
        return admin_spot
    return Spot(COUNTRY if cc else NONE, cc, None, None, None, lat, lon)


def _lookup(gaz: Any, name: str, cc: str | None) -> Any:
    if gaz is None:
        return None
    try:
        return gaz.lookup(name, cc)
    except (KeyError, ValueError):
        return None


def _resolve_admin(admin1: str | None, cc: str | None, gaz: Any) -> Spot:
    if not admin1 or not admin1.strip():
        return Spot(NONE, cc)
    core = _ADMIN_WORDS.sub("", admin1).strip(" ,.") or admin1
    place = _lookup(gaz, core, cc)
    if place is not None:
        pcc = _country(getattr(place, "country", None)) or cc
        name = getattr(place, "admin1", None) or getattr(place, "name", core)
        return Spot(
            ADMIN,
            pcc,
            f"{pcc}:{_name_key(str(name))}",
            None,
            str(name),
            getattr(place, "lat", None),
            getattr(place, "lon", None),
        )
    return Spot(ADMIN, cc, f"{cc}:{_name_key(core)}", None, core)
