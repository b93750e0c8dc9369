"""Whether a count expression is a casualty-figure candidate or a year, age, time, amount..."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casualty.extract.counts import Count


def is_non_casualty_number(text: str, c: Count) -> bool:
    """True when ``c`` is not a casualty figure candidate."""
    return False
