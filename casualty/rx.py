"""`re.compile` with the compiled code kept in the user cache between runs.

`re` parses and compiles a pattern in Python: the extractor's large patterns (registry
filters, outcome and omission phrases) cost ~0.07 s of a one-article run that way, while
their compiled form (the `_sre` engine's code) loads from a file in a few milliseconds.
`compile` keeps that code in `$XDG_CACHE_HOME/casualty/regex-<key>.pickle` (see
`casualty.usercache`), keyed by the interpreter's version and the engine's magic number, so
code is never handed to another engine. An entry is stored only after the pattern made from
it compared equal to `re.compile`'s on this interpreter (a pattern's equality covers its
code); any failure falls back to `re.compile`. `CASUALTY_NO_CACHE` disables the file.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import pickle
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any, Final

from casualty import usercache

#: Bump when the layout of an entry or of the file changes.
FORMAT: Final = 1
#: Entries a file may hold: past that, a run writes only the entries it used.
MAX_ENTRIES: Final = 4096

#: (flags, code as bytes, groups, groupindex, indexgroup): `_sre.compile`'s arguments.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

try:  # CPython's engine and compiler, private modules: typed as Any, checked on each use
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _CODE_TYPE: str | None = next((t for t in "IL" if array(t).itemsize == _sre.CODESIZE), None)
    _MAGIC = str(_sre.MAGIC)
except (ImportError, AttributeError):  # pragma: no cover - another implementation
    _CODE_TYPE, _MAGIC = None, ""

#: Errors that mean the engine's internals are not what this module expects.
_INTERNALS: Final = (AttributeError, TypeError, ValueError, IndexError, RuntimeError)


class _State:
    """The entries read from the file, and those this run used or made."""

    def __init__(self) -> None:
        self.loaded: dict[tuple[str, int], Entry] | None = None
        self.used: dict[tuple[str, int], Entry] = {}
        self.new = 0
        self.registered = False


_STATE: Final = _State()


def cache_path() -> Path:
    parts = [sys.version, _MAGIC, str(_CODE_TYPE), str(FORMAT)]
    key = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return usercache.cache_dir() / f"regex-{key}.pickle"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the compiled code of an earlier run when there is."""
    if _CODE_TYPE is None or not usercache.enabled():
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    state = _STATE
    if state.loaded is None:
        state.loaded = _read(cache_path())
    entry = state.used.get(key) or state.loaded.get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
        except _INTERNALS:
            entry = None
        else:
            state.used[key] = entry
            return compiled
    compiled = re.compile(pattern, flags)
    entry = _entry(pattern, flags, compiled)
    if entry is not None:
        state.used[key] = entry
        state.new += 1
        if not state.registered:
            state.registered = True
            atexit.register(save)
    return compiled


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    assert _CODE_TYPE is not None
    words = array(_CODE_TYPE)
    words.frombytes(code)
    built: re.Pattern[str] = _sre.compile(
        pattern, flags, words.tolist(), groups, groupindex, indexgroup
    )
    return built


def _entry(pattern: str, flags: int, compiled: re.Pattern[str]) -> Entry | None:
    """What `_build` needs to make `compiled` again; None unless it makes an equal pattern."""
    assert _CODE_TYPE is not None
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry: Entry = (
            int(flags | parsed.state.flags),
            array(_CODE_TYPE, code).tobytes(),
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        same = _build(pattern, entry) == compiled
    except _INTERNALS:
        return None
    return entry if same else None


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    stored = usercache.read_pickle(path)
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT):
        return {}
    _, checksum, payload = stored
    if not isinstance(payload, bytes) or zlib.crc32(payload) != checksum:
        return {}
    try:
        entries: Any = pickle.loads(payload)
    except usercache.UNREADABLE:
        return {}
    return entries if isinstance(entries, dict) else {}


def save() -> None:
    """Write the entries made this run beside those read (only those used, when too many)."""
    state = _STATE
    if not state.new or not usercache.enabled():
        return
    path = cache_path()
    entries = {**_read(path), **state.used}
    if len(entries) > MAX_ENTRIES:
        entries = dict(state.used)
    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    usercache.write_pickle(path, (FORMAT, zlib.crc32(payload), payload))
    state.loaded = entries
    state.new = 0
