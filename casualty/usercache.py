"""Files derived from packaged data, kept under the user cache directory between runs.

`$XDG_CACHE_HOME/casualty/` (else `~/.cache/casualty/`) holds one pickle per kind of data and
per key of what it was derived from (package versions, data files, code). Reading is best
effort: any failure means "not cached", and an unwritable directory only costs speed. Set
`CASUALTY_NO_CACHE` to neither read nor write one (writers check `enabled()`).
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path
from typing import Any, Final

#: A cached file of another key (another version) unused this long is deleted when one of
#: its kind is written.
STALE_SECONDS: Final = 14 * 86_400
_DAY: Final = 86_400
#: What unpickling a damaged file can raise (it can claim any length or depth).
UNREADABLE: Final = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError,
                      TypeError, ImportError, IndexError, KeyError, MemoryError, OverflowError,
                      RecursionError)  # fmt: skip


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casualty"


def enabled() -> bool:
    return os.environ.get("CASUALTY_NO_CACHE") is None


def read_pickle(path: Path) -> Any:
    """The object pickled at `path`, or None if there is none or it cannot be read."""
    if not enabled():
        return None
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except UNREADABLE:
        return None
    _mark_used(path)
    return value


def write_pickle(path: Path, value: Any) -> None:
    """Write atomically, then delete files of the same kind (name up to the first "-")
    unused for `STALE_SECONDS`.

    Not the other keys at once: two installations or checkouts that share the cache would
    each delete the other's file and rebuild theirs, for seconds, on every switch.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        now = time.time()
        kind = path.name.split("-", 1)[0]
        for old in path.parent.glob(f"{kind}-*"):
            if old != path and now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _mark_used(path: Path) -> None:
    """Touch a file in use (at most daily), so no other version deems it stale."""
    try:
        if time.time() - path.stat().st_mtime > _DAY:
            os.utime(path)
    except OSError:
        pass
