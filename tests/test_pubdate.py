"""Publication-day flags: the fast paths (lower-cased ASCII, pyarrow's regex) answer as the
case-insensitive pattern does on every text."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.cluster import pubdate

#: Text columns as the engine holds them: Python objects, or strings kept by pyarrow.
_DTYPES: tuple[Any, ...] = (object, "string[pyarrow]")

_PIECES = st.sampled_from(
    ["On", "MONDAY", "sunday", "Mayādīn", "may", "Ma", "y", "ſunday", "FRİDAY", "today", "s",
     "last night", "Dec.", "décembre", "’", " ", ",", "_", "9", "yesterday’s", "Jan", "ı"]
)  # fmt: skip


def _reference(value: object) -> bool:
    return isinstance(value, str) and pubdate._NAMES_DAY.search(value) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(_PIECES, max_size=6).map("".join)), max_size=12))
def test_flags_match_the_case_insensitive_pattern(values: list[str | None]) -> None:
    on = np.array([i % 3 != 1 for i in range(len(values))], dtype=bool)
    want = np.array([_reference(v) for v in values], dtype=bool) & on
    for dtype in _DTYPES:
        texts = pd.Series(values, dtype=dtype)
        assert (pubdate.silent(texts) & on).tolist() == want.tolist()
    assert [pubdate.names_no_day(v) for v in values] == [_reference(v) for v in values]
    for dtype in _DTYPES:
        maybe = pubdate.may_match(pd.Series(values, dtype=dtype), pubdate._DAY_WORDS)
        assert maybe is not None
        # Only a text it rules out is never read again: those must name no day.
        assert all(_reference(v) or v is None for v, m in zip(values, maybe, strict=True) if not m)


def test_flags_without_pyarrow_and_with_other_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    values = ["Killed on Sunday.", "Three were killed.", 7, None, "Killed in Al Mayādīn."]
    texts = pd.Series(values, dtype=object)
    want = [False, True, False, False, True]
    assert pubdate.silent(texts).tolist() == want
    monkeypatch.delitem(__import__("sys").modules, "pyarrow.compute", raising=False)
    assert pubdate.silent(texts).tolist() == want
