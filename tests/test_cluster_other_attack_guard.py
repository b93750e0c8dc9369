"""`other_attack.tells_other` runs `_OTHER` only on a text holding one of `_HINT`'s words:
every wording of `_OTHER` must hold one, or a new one ("in a fresh attack") is skipped
without a word. Checked on the pattern's parse tree, as the period-cue guard is."""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]

import pytest
from test_extract_speed_paths3 import _holds_a_word

from casualty.cluster import other_attack

_WORDS = tuple(other_attack._HINT.pattern.split("|"))
_HINT = "an other_attack._OTHER wording holds none of _HINT's words: add a word it always holds"


def _parsed() -> object:
    return _parser.parse(other_attack._OTHER.pattern, other_attack._OTHER.flags).data


def test_every_other_attack_wording_holds_a_hint_word() -> None:
    assert all(w.isalpha() and w.islower() for w in _WORDS)  # _HINT is a plain word list
    assert _holds_a_word(_parsed(), _WORDS), _HINT


@pytest.mark.parametrize("dropped", ["elsewhere", "another", "previous", "earlier"])
def test_the_check_fails_without_a_needed_word(dropped: str) -> None:
    assert not _holds_a_word(_parsed(), tuple(w for w in _WORDS if w != dropped))
