"""The words of a text for the place scan, as parallel lists of starts, ends, texts and
capitalisation.

A word is a letter, then letters, digits or combining marks (Arabic vowel signs), with inner
apostrophes ("Ma'rib"); a possessive ending ("Syria's") is not part of it. One pass of a
single-class regular expression finds them, and C-level maps build the lists.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter, not_
from typing import Final

from casualty import rx

# A word: a letter, then letters, digits or combining marks (Arabic vowel signs), with inner
# apostrophes ("Ma'rib"). One character class per step keeps the scan fast.
_MARKS: Final = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
)
TOKEN: Final = rx.compile(rf"[^\W\d_][\w{_MARKS}]*(?:['’ʼʿʾ‘`][^\W\d_][\w{_MARKS}]*)*")
#: `TOKEN` for ASCII text, where its Unicode classes are these (a third faster to match).
ASCII_TOKEN: Final = rx.compile(r"[A-Za-z][A-Za-z0-9_]*(?:['`][A-Za-z][A-Za-z0-9_]*)*")


class Words:
    """The words of a text as parallel lists (cheaper than one object per word).

    The lists are built by mapping C-level methods over the matches, not by a Python loop
    per word; possessives ("Syria's") are then cut back to their name, found by a search for
    the possessive ending rather than by testing every word.
    """

    __slots__ = ("caps", "ends", "starts", "texts")

    def __init__(self, text: str) -> None:
        matches = list((ASCII_TOKEN if text.isascii() else TOKEN).finditer(text))
        self.starts: list[int] = list(map(_START, matches))
        self.ends: list[int] = list(map(_END, matches))
        self.texts: list[str] = list(map(_GROUP, matches))
        if matches and ("'" in text or "’" in text):
            ends = self.ends
            for m in _POSSESSIVE.finditer(text):
                # The word ending where the possessive does: the ends are ascending.
                k = bisect_left(ends, m.end())
                if k < len(ends) and ends[k] == m.end() and self.starts[k] < m.start():
                    self.texts[k] = self.texts[k][:-2]  # possessive: "Syria's"
                    self.ends[k] -= 2
        # The first character is a letter: capitalised unless lower-case (caseless scripts
        # count as capitalised).
        self.caps: list[bool] = list(map(not_, map(str.islower, map(_FIRST, self.texts))))


_START: Final = re.Match.start
_END: Final = re.Match.end
_GROUP: Final = re.Match.group
_FIRST: Final = itemgetter(0)
#: The end of a possessive: an apostrophe and "s" that end a word.
_POSSESSIVE: Final = rx.compile(r"['’][sS]")
