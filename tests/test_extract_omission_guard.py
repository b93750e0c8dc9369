"""`extract_document` runs `omissions.find_omissions` only on a sentence holding a word of
`_OMISSION_WORDS` (`_OMISSION_CUE`): every spelling of every omission cue must hold one, or
a new cue ("cant say how many") is skipped without a word. Checked by spelling each cue out
from its parse tree: each branch and optional part both ways, one space for `\\s+`, a
stand-in word for `\\w+`."""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from casualty.extract import _OMISSION_CUE, _OMISSION_WORDS, omissions

_LETTERS = re.compile(r"[a-z]+")
_SPACE = [(_parser.CATEGORY, _parser.CATEGORY_SPACE)]
_HINT = "an omission cue can be spelt without any of _OMISSION_WORDS: add the word it holds"


def _delimiter(items: Any, k: int) -> bool:
    """Whether item `k` of a parsed sequence is its edge, a boundary or a run of spaces."""
    if k < 0 or k >= len(items):
        return True
    op, av = items[k]
    if op is _parser.AT:
        return True
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and av[0] >= 1:
        inner = av[2].data
        return len(inner) == 1 and inner[0][0] is _parser.IN and inner[0][1] == _SPACE
    return False


def _class(av: Any) -> list[str]:
    literals = [chr(v) for op, v in av if op is _parser.LITERAL]
    if literals:
        return literals  # ['’] both ways
    return [" "] if av == _SPACE else ["qq"]  # \s, or \w and the like: a word of no cue


def _spellings(items: Any) -> list[str]:
    """Every spelling of the parsed regex `items`, but a branch of whole words none of which
    is a guard word, standing between spaces or boundaries: one of them speaks for all."""
    out = [""]
    for j, (op, av) in enumerate(items):
        if op is _parser.LITERAL:
            alt = [chr(av)]
        elif op is _parser.IN:
            alt = _class(av)
        elif op is _parser.BRANCH:
            alt = [s for b in av[1] for s in _spellings(b.data)]
            plain = all(_LETTERS.fullmatch(s) and not _OMISSION_CUE.search(s) for s in alt)
            if plain and _delimiter(items, j - 1) and _delimiter(items, j + 1):
                alt = alt[:1]
        elif op is _parser.SUBPATTERN:
            alt = _spellings(av[3].data)
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            once = _spellings(av[2].data)
            alt = ([""] if av[0] == 0 else []) + [s * max(av[0], 1) for s in once]
        elif op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
            alt = [""]
        else:
            raise AssertionError(f"no spelling for {op} in an omission cue: teach _spellings")
        out = [a + b for a in out for b in alt]
    return out


def _unguarded(words: tuple[str, ...]) -> list[str]:
    guard = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    parsed = _parser.parse(omissions._OMISSION.pattern, omissions._OMISSION.flags).data
    assert [op for op, _ in parsed] == [_parser.AT, _parser.BRANCH]
    cues = parsed[1][1][1]
    assert len(cues) > 20
    return [s for cue in cues for s in _spellings(cue.data) if not guard.search(s)]


def test_every_omission_cue_spelling_holds_a_guard_word() -> None:
    unguarded = _unguarded(_OMISSION_WORDS)
    assert not unguarded, f"{_HINT}: {unguarded[:5]}"


def test_a_neither_subject_is_guarded() -> None:
    # `_cues` adds the verb after "neither ... nor" without an `_OMISSION` cue
    assert "neither" in _OMISSION_WORDS


@pytest.mark.parametrize("dropped", ["cant", "refused", "difficult", "still"])
def test_the_check_fails_without_a_guard_word(dropped: str) -> None:
    words = tuple(w for w in _OMISSION_WORDS if w != dropped)
    assert _unguarded(words)


def test_cant_without_apostrophe_is_an_omission() -> None:
    from casualty.extract import extract_document
    from casualty.model import Document

    text = '"I cant say how many people were hurt," a nurse at the clinic said.'
    doc = Document(id="g", text=text, published="2023-03-14", outlet="Example Wire")
    found = [(c.source, c.kind) for c in extract_document(doc)]
    assert found == [("a nurse at the clinic", "omission")]
