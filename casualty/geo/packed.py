"""The gazetteer index in the form the cache stores, read in place.

A clustering run looks up a few thousand names; building the dicts and lists of the whole
index (620,000 keys, 240,000 rows) would cost more than all its lookups. So the cache keeps
UTF-8 bytes with offsets and typed arrays, copied as blocks when unpickled: a row is
assembled, a text decoded, a key's hash bucket split only when asked for (`Columns`,
`TextColumn`, `Multi`, `KeyIndex`).
"""

from __future__ import annotations

import itertools
import zlib
from array import array
from collections.abc import Iterator
from typing import Any, Final

#: One gazetteer row: name, country, admin1, lat, lon, kind, id, population.
Row = tuple[str, str, str | None, float | None, float | None, str, str, int]


class Columns:
    """Gazetteer rows stored by column, as loaded from the cache; `rows[i]` is a `Row`.

    Building 240,000 row tuples at start-up costs a quarter of a second; rows are only
    needed for the few candidates a text mentions, so they are assembled on access.
    """

    __slots__ = ("admin1", "country", "id", "kind", "lat", "lon", "name", "pop")

    def __init__(
        self,
        name: TextColumn,
        country: TextColumn,
        admin1: TextColumn,
        lat: array[float],
        lon: array[float],
        kind: TextColumn,
        id: TextColumn,
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


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _joined(values: list[str]) -> tuple[bytes, bytes]:
    """`values` as UTF-8, concatenated, and the end offset of each in the concatenation."""
    encoded = [_utf8(v) for v in values]
    return b"".join(encoded), array("I", itertools.accumulate(map(len, encoded))).tobytes()


def _uint(data: bytes, code: str = "I") -> array[int]:
    out = array(code)
    out.frombytes(data)
    return out


class TextColumn:
    """A column of strings kept as UTF-8 bytes and end offsets, read by position.

    Decoding and splitting a quarter of a million names costs ~10 ms per column at start-up,
    for the few rows a run reads; the list is made only if the column is written to
    (`add_places`).
    """

    __slots__ = ("_data", "_ends", "_list")

    def __init__(self, data: bytes, ends: array[int]) -> None:
        self._data, self._ends = data, ends
        self._list: list[str] | None = None

    def __len__(self) -> int:
        return len(self._ends) if self._list is None else len(self._list)

    def __getitem__(self, i: int) -> str:
        if self._list is not None:
            return self._list[i]
        ends = self._ends
        if i < 0:
            i += len(ends)
        return self._data[ends[i - 1] if i else 0 : ends[i]].decode("utf-8", "surrogatepass")

    def _values(self) -> list[str]:
        if self._list is None:
            self._list = [self[i] for i in range(len(self._ends))]
            self._data, self._ends = b"", array("I")
        return self._list

    def __setitem__(self, i: int, value: str) -> None:
        self._values()[i] = value

    def append(self, value: str) -> None:
        self._values().append(value)


class Multi:
    """The candidate tuples of keys naming several places, as one flat array and offsets."""

    __slots__ = ("_added", "_ends", "_flat")

    def __init__(self, flat: array[int], ends: array[int]) -> None:
        self._flat, self._ends = flat, ends
        self._added: list[tuple[int, ...]] = []

    def __len__(self) -> int:
        return len(self._ends) + len(self._added)

    def __getitem__(self, k: int) -> tuple[int, ...]:
        ends = self._ends
        if k >= len(ends):
            return self._added[k - len(ends)]
        return tuple(self._flat[ends[k - 1] if k else 0 : ends[k]])

    def __iter__(self) -> Iterator[tuple[int, ...]]:
        return (self[k] for k in range(len(self)))

    def append(self, found: tuple[int, ...]) -> None:
        self._added.append(found)


def _bucket(key: bytes, mask: int) -> int:
    # A stable hash (str's is salted per process), so buckets can be stored.
    return zlib.crc32(key) & mask


def _pack_keys(keys: dict[str, int]) -> dict[str, Any]:
    """Keys grouped in hash buckets: the keys as UTF-8 lines, their rows, bucket bounds."""
    size = 1 << max(4, (len(keys) // 8).bit_length())
    mask = size - 1
    encoded = {key: _utf8(key) for key in keys}
    by_bucket = sorted(keys, key=lambda k: _bucket(encoded[k], mask))
    counts = [0] * size
    sizes = [0] * size
    for key in by_bucket:
        b = _bucket(encoded[key], mask)
        counts[b] += 1
        sizes[b] += len(encoded[key]) + 1
    return {
        "text": b"".join(encoded[k] + b"\n" for k in by_bucket),
        "rows": array("i", (keys[k] for k in by_bucket)).tobytes(),
        "at": array("I", [0, *itertools.accumulate(sizes)]).tobytes(),
        "first": array("I", [0, *itertools.accumulate(counts)]).tobytes(),
    }


class _Buckets:
    """`_pack_keys`'s form, looked up in place: a lookup splits one bucket of a few keys."""

    __slots__ = ("at", "first", "mask", "rows", "text")

    def __init__(self, packed: dict[str, Any]) -> None:
        self.text: bytes = packed["text"]
        self.rows = _uint(packed["rows"], "i")
        self.at = _uint(packed["at"])
        self.first = _uint(packed["first"])
        self.mask = len(self.at) - 2

    def get(self, key: str) -> int | None:
        if not key:  # "" would match the empty string after a bucket's last newline
            return None
        data = _utf8(key)
        b = _bucket(data, self.mask)
        names = self.text[self.at[b] : self.at[b + 1]].split(b"\n")
        try:
            return self.rows[self.first[b] + names.index(data)]
        except ValueError:
            return None

    def __len__(self) -> int:
        return len(self.rows)

    def to_dict(self) -> dict[str, int]:
        names = self.text.decode("utf-8", "surrogatepass").split("\n")
        names.pop()  # after the last key's newline
        return dict(zip(names, self.rows.tolist(), strict=True))


#: Lookups a `LazyKeys` answers in place before it builds the dict of all its keys. One in
#: place costs ~1 us; the dict of the 440,000 ASCII names ~0.1 s (and ~50 MB): one article
#: (a few hundred lookups) never pays for it, and a corpus at most about twice the dict's
#: cost before it has it.
PROBES_BEFORE_DICT: Final = 100_000


class LazyKeys:
    """Membership in a `_Buckets` table: looked up in place for the first `budget` lookups,
    then in the dict of all its keys, built once (`as_dict`)."""

    __slots__ = ("_buckets", "_dict", "_left")

    def __init__(self, buckets: _Buckets, budget: int = PROBES_BEFORE_DICT) -> None:
        self._buckets = buckets
        self._dict: dict[str, int] | None = None
        self._left = budget

    def __contains__(self, key: object) -> bool:
        found = self._dict
        if found is None:
            self._left -= 1
            if self._left >= 0:
                return isinstance(key, str) and self._buckets.get(key) is not None
            found = self.as_dict()
        return key in found

    def __len__(self) -> int:
        return len(self._buckets) if self._dict is None else len(self._dict)

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_dict())

    @property
    def built(self) -> bool:
        return self._dict is not None

    def get(self, key: str) -> int | None:
        """The row of `key`, without spending the lookup budget (the clustering's few)."""
        found = self._dict
        return self._buckets.get(key) if found is None else found.get(key)

    def as_dict(self) -> dict[str, int]:
        if self._dict is None:
            self._dict = self._buckets.to_dict()
            self._buckets = _Buckets(_pack_keys({}))  # the bytes are no longer needed
        return self._dict


class KeyIndex:
    """Name key -> row code (see `build.IndexBuilder.finish`), read from `_pack_keys`' form.

    A clustering run looks up a few thousand keys: building the dict of 600,000 keys would
    cost more than all its lookups. The ASCII keys, which the text scan probes word by word
    (`ascii_probe`), are looked up in place until enough lookups make their dict pay
    (`LazyKeys`); keys in other scripts, rare in English text, become a dict only if they
    are listed or written to.
    """

    __slots__ = ("_ascii", "_other", "_other_dict")

    def __init__(self, ascii_keys: _Buckets, other: _Buckets) -> None:
        self._ascii, self._other = LazyKeys(ascii_keys), other
        self._other_dict: dict[str, int] | None = None

    @property
    def ascii(self) -> dict[str, int]:
        return self._ascii.as_dict()

    def ascii_probe(self) -> dict[str, int] | LazyKeys:
        """The ASCII keys for membership tests: their dict once built, else in place."""
        found = self._ascii._dict
        return self._ascii if found is None else found

    def other(self) -> dict[str, int]:
        if self._other_dict is None:
            self._other_dict = self._other.to_dict()
        return self._other_dict

    def get(self, key: str) -> int | None:
        if key.isascii():
            return self._ascii.get(key)
        found = self._other_dict
        return self._other.get(key) if found is None else found.get(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __setitem__(self, key: str, value: int) -> None:
        (self.ascii if key.isascii() else self.other())[key] = value

    def items(self) -> Iterator[tuple[str, int]]:
        yield from self.ascii.items()
        yield from self.other().items()

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.items())


def pack(index: dict[str, Any]) -> dict[str, Any]:
    """A form of the index that loads fast: joined strings, typed arrays, hash buckets.

    Unpickling ~600,000 dict entries and ~240,000 tuples takes a second or more, and even
    splitting joined strings into lists and dicts a third of one; strings and arrays are
    copied as blocks, and are read in place (`TextColumn`, `Multi`, `KeyIndex`).
    """
    rows = index["rows"]
    packed = {k: v for k, v in index.items() if k not in ("rows", "keys", "multi")}
    for column, col in (("name", 0), ("country", 1), ("admin1", 2), ("kind", 5), ("id", 6)):
        packed[column] = _joined([r[col] or "" for r in rows])
    nan = float("nan")
    packed["lat"] = array("d", (nan if r[3] is None else r[3] for r in rows)).tobytes()
    packed["lon"] = array("d", (nan if r[4] is None else r[4] for r in rows)).tobytes()
    packed["pop"] = array("q", (r[7] for r in rows)).tobytes()
    multi = index["multi"]
    packed["multi"] = (
        array("i", itertools.chain.from_iterable(multi)).tobytes(),
        array("I", itertools.accumulate(len(m) for m in multi)).tobytes(),
    )
    keys = dict(index["keys"].items())
    for part, wanted in (("ascii", True), ("other", False)):
        packed[f"keys_{part}"] = _pack_keys(
            {k: v for k, v in keys.items() if k.isascii() is wanted}
        )
    packed["prefixes"] = _pack_keys(dict.fromkeys(index["prefixes"], 0))
    return packed


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The index as `build_index` returns it, from `pack`'s form (`prefixes` as `LazyKeys`:
    the text scan looks them up in place until it has asked for many)."""
    index = {k: v for k, v in packed.items() if k not in _PACKED}
    lat, lon, pop = array("d"), array("d"), array("q")
    lat.frombytes(packed["lat"])
    lon.frombytes(packed["lon"])
    pop.frombytes(packed["pop"])

    def text(column: str) -> TextColumn:
        joined, ends = packed[column]
        return TextColumn(joined, _uint(ends))

    index["rows"] = Columns(
        text("name"), text("country"), text("admin1"), lat, lon, text("kind"), text("id"), pop
    )
    flat, ends = packed["multi"]
    index["multi"] = Multi(_uint(flat, "i"), _uint(ends))
    index["keys"] = KeyIndex(_Buckets(packed["keys_ascii"]), _Buckets(packed["keys_other"]))
    index["prefixes"] = LazyKeys(_Buckets(packed["prefixes"]))
    return index


_PACKED: Final = frozenset(
    {"name", "country", "admin1", "kind", "id", "lat", "lon", "pop", "multi", "keys_ascii",
     "keys_other", "prefixes"}
)  # fmt: skip
