"""An article's registry mentions, reused for the sentences and phrases written in it.

A sentence is scanned for actors once per figure's claim after its article was scanned for
them already; it takes the article's mentions inside it instead, when no token and no
mention of the article runs across its ends: scanning it alone would find the same ones
(the scanner is leftmost-longest and token-based, so what lies outside a stretch cannot
change what is found inside it unless a token or a mention crosses its ends).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Final

from casualty.registry.matching import Matcher, fold, merge_mentions

Mention = tuple[int, int, Any]
#: Two word characters: a token runs across the offset between them.
_JOINED: Final = re.compile(r"\w\w")


class TextScan:
    """The mentions of any matchers in one text (an article), found on first need."""

    __slots__ = ("_found", "_hint", "_sorted", "folded", "lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        #: The text folded (see `fold`), and lower-cased, on the first scan of it; `lowered`
        #: stays None when lower-casing moves offsets ("İ"): stretches are then scanned alone.
        self.folded = ""
        self.lowered: str | None = None
        #: Per matcher, its (case-insensitive, exact-case) mentions before merging.
        self._found: dict[Matcher[Any], tuple[list[Mention], list[Mention]]] = {}
        #: Per matcher, all its mentions by start, their starts and the longest one's length:
        #: `find_in` bisects to a stretch's mentions instead of reading every one.
        self._sorted: dict[Matcher[Any], tuple[list[Mention], list[int], int]] = {}
        #: Where the last stretch was found: sentences are read in article order, so the
        #: next is looked for from there before from the start.
        self._hint = 0

    def find(self, matcher: Matcher[Any]) -> list[Mention]:
        """`matcher.find(self.text)`, kept for the stretches of the text."""
        found = self._found.get(matcher)
        if found is None:
            if not self._found:
                self.folded = fold(self.text)
                lowered = self.folded.lower()
                self.lowered = lowered if len(lowered) == len(self.text) else None
            found = matcher.scans(self.folded)
            self._found[matcher] = found
        return merge_mentions(*found)

    def find_in(self, matcher: Matcher[Any], text: str) -> list[Mention] | None:
        """`matcher.find(text)` for a `text` written in this one, from this one's mentions;
        None when this one was not scanned by `matcher` or `text` must be scanned itself."""
        found = self._found.get(matcher)
        lowered = self.lowered
        if found is None or lowered is None or not text:
            return None
        start = self.text.find(text, self._hint)
        if start < 0:
            start = self.text.find(text)
            if start < 0:
                return None
        self._hint = start
        end = start + len(text)
        folded = self.folded
        for at in (start, end):
            # A token across an end would be cut in two by scanning `text` alone.
            if at > 0 and (_JOINED.match(folded, at - 1) or _JOINED.match(lowered, at - 1)):
                return None
        if lowered[start:end] != fold(text).lower():
            return None  # lower-casing that depends on the context (a final sigma)
        by_start = self._sorted.get(matcher)
        if by_start is None:
            every = sorted(found[0] + found[1], key=lambda m: (m[0], m[1]))
            longest = max((e - s for s, e, _ in every), default=0)
            by_start = self._sorted[matcher] = (every, [m[0] for m in every], longest)
        every, starts, longest = by_start
        inside: list[Mention] = []
        for k in range(bisect_left(starts, start - longest), len(every)):
            s, e, value = every[k]
            if s >= end:
                break
            if s < start < e or s < end < e:
                return None  # a mention across an end: `text` alone may have another
            if start <= s and e <= end:
                inside.append((s - start, e - start, value))
        return merge_mentions(inside)
