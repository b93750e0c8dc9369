"""`retractions.retracted` runs its cue only on a sentence holding one of `_QUICK`'s letters:
every wording of the cue must hold one, or a new one ("came back to life") would be skipped
without a word. Checked on the cue's parse tree, as the period-cue guard is."""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]

import pytest
from test_extract_speed_paths3 import _holds_a_word

from casualty.extract import retractions

_HINT = "a _BACK_ALIVE wording holds none of retractions._QUICK: add a word it always contains"


def test_every_back_alive_cue_holds_a_quick_word() -> None:
    parsed = _parser.parse(retractions._BACK_ALIVE.pattern).data
    assert _holds_a_word(parsed, retractions._QUICK), _HINT


@pytest.mark.parametrize("dropped", retractions._QUICK)
def test_the_check_fails_without_any_one_quick_word(dropped: str) -> None:
    parsed = _parser.parse(retractions._BACK_ALIVE.pattern).data
    words = tuple(w for w in retractions._QUICK if w != dropped)
    assert not _holds_a_word(parsed, words)
