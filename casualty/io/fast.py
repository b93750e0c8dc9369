"""Building a million records quickly: memoised readers of repeated values, slot filling.

A claims file names a few thousand sources, places, dates and outcomes a million times
over, and the reader builds one frozen `Claim` a row. Both costs are cut here without
changing what is read: each distinct short value is read once (`Memo`), and records are
built by a constructor that fills their slots directly (`slot_constructor`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

#: Distinct raw values a memo keeps; past that, further values are read without one.
MEMO_MAX = 1 << 18
#: Longest raw text kept (longer ones, such as a claim's text, are unique to a row).
MEMO_CHARS = 48


class Memo(dict[Any, Any]):
    """`memo[raw]` is `read(raw)`, computed once for each distinct short text.

    Only texts read without error are kept, so a bad value raises its own error every time
    it is met; other values (None excepted) are read every time. `read(None)` must be pure:
    it is computed once, for the columns an input lacks. A value a dict cannot hold (a list)
    raises TypeError: read it with `Plain`.
    """

    __slots__ = ("read",)

    def __init__(self, read: Callable[[Any], Any]) -> None:
        super().__init__()
        self.read = read
        self[None] = read(None)

    def __missing__(self, key: Any) -> Any:
        value = self.read(key)
        if type(key) is str and len(key) <= MEMO_CHARS and len(self) < MEMO_MAX:
            self[key] = value
        return value


class Plain:
    """`plain[raw]` is `read(raw)`, with no memo: for values a dict cannot hold."""

    __slots__ = ("read",)

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read

    def __getitem__(self, value: Any) -> Any:
        return self.read(value)


def slot_constructor(cls: type[T]) -> Callable[..., T]:
    """`cls(*values)` (every field, in field order) for a frozen slotted dataclass, faster.

    A frozen dataclass's `__init__` sets each field through `object.__setattr__`; for a
    record of 27 fields built a million times that is seconds. The function made here stores
    each value with its slot's own setter instead, which is about twice as fast. `cls`
    itself is returned when it has a `__post_init__` (that must not be skipped) or no slots.
    """
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    slots = getattr(cls, "__slots__", ())
    if hasattr(cls, "__post_init__") or set(names) - set(slots):
        return cls
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update({f"_set_{n}": getattr(cls, n).__set__ for n in names})
    lines = [f"def new({', '.join(names)}):", "    record = _new(_cls)"]
    lines += [f"    _set_{n}(record, {n})" for n in names]
    lines.append("    return record")
    # The source is made only of the dataclass's own field names (identifiers).
    exec("\n".join(lines) + "\n", scope)
    built: Callable[..., T] = scope["new"]
    return built


@contextmanager
def gc_paused() -> Iterator[None]:
    """Cyclic garbage collection off while a large input is read.

    Reading a million claims makes millions of long-lived objects and no cycles; the
    collector would traverse all of them again at every full collection (a quarter of
    the reading time at a million claims). Anything cyclic is still collected afterwards.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
