"""Relays: wire agencies and "according to <agency>" openers that pass a figure on.

"Reuters reported" relays other people's figures, where a broadcaster or a paper saying a
toll claims its own; "According to AFP, ..." opening a sentence relays what follows, while
"according to an AFP tally" is the agency's own count; an embedded post's account ("(@handle)")
only relays the words of who signs it. Used by `casualty.extract.attribution`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Final

from casualty import rx
from casualty.extract.claimant_words import is_newsroom, speech_vocab

if TYPE_CHECKING:
    from collections.abc import Callable

    from casualty.extract.claimant_words import Speaker
    from casualty.extract.sentences import Sentence

#: Words of an agency's own count after its name ("an AFP tally", "Reuters reporters").
_OWN_COUNT: Final = rx.compile(
    r"tall(?:y|ies)|count|figures?|data|estimates?|correspondents?|reporters?|journalists?"
    r"|witness|staff|calculation",
    re.IGNORECASE,
)


def is_wire(speaker: Speaker) -> bool:
    """Whether a registry newsroom is a wire agency, which relays what it reports."""
    return speaker.named and speaker.name in speech_vocab().wires


def opens_relay(text: str, end: int) -> bool:
    """Whether "According to X," ending at `end` opens the sentence and names the agency bare:
    a wire named so relays the rest ("According to AFP, ..."); its own tally or reporter
    ("according to an AFP tally") and a trailing "..., according to AFP" are its claims."""
    start = end - len("according to")
    if text[:start].strip(' "“(') or "," not in text[end : end + 40]:
        return False
    name = text[end : text.index(",", end)]
    return len(name.split()) <= 4 and _OWN_COUNT.search(name) is None


#: "According to NAN, Bello reacted to ...": after the agency, a capitalised name and its verb.
_RELAYED_NAME: Final = rx.compile(
    r"[^,]{1,60},\s+((?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’\-]*)\s+(?:said|told|says|[a-z]+ed)\b"
)


def relayed(
    sentence: Sentence,
    end: int,
    found: tuple[Speaker, ...],
    resolve: Callable[[str, int], tuple[Speaker, ...]],
) -> tuple[Speaker, ...]:
    """Who speaks after "According to <newsroom>" ending at `end`: any agency opening the
    sentence before a named person ("According to NAN, Bello reacted ...") relays that person,
    who is the one quoted next; a wire opening it relays (nobody, see `opens_relay`); else
    `found`, the agency's own claim."""
    text = sentence.text
    named = _RELAYED_NAME.match(text, end)
    if named is not None and not text[: end - len("according to")].strip(' "“('):
        who = resolve(named.group(1), sentence.start + named.start(1))
        if who and not any(map(is_newsroom, who)):
            return who
    return () if all(map(is_wire, found)) and opens_relay(text, end) else found


#: The signature of an embedded post closing a paragraph: ": <who> #tag — <Agency> (@handle)
#: <date>"; <who> speaks for the paragraph, the account only relays it.
_POST_SIGNATURE: Final = rx.compile(
    r":\s+([A-Z][^:#\n—–]{2,80}?)\s*(?:#\w+\s*){0,4}[—–]\s*[^\n()]{1,60}\(@\w{1,30}\)[^\n]{0,40}$"
)
#: How far before its paragraph's end a post's signature may start (a few hundred characters
#: at most: searching further would make each figure of a long paragraph scan all of it).
_POST_REACH: Final = 400


class PostSignatures:
    """Who signs an embedded post that ends a paragraph of `text`: '... were killed.
    Search is on: District SP Jo Roe #Region — NewsWire (@NewsWire) May 2, 2023'.

    The text's line breaks and handles ("(@") are found on the first look; each later look is
    two bisections, and a paragraph without a handle is never searched.
    """

    __slots__ = ("_breaks", "_handles", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None
        self._handles: list[int] = []

    def after(self, position: int) -> tuple[str, int] | None:
        """The signer's phrase and its offset, for the paragraph holding `position`."""
        text = self.text
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", text)]
            self._handles = [m.start() for m in re.finditer(r"\(@", text)]
        i = bisect_left(self._breaks, position)
        end = self._breaks[i] if i < len(self._breaks) else len(text)
        j = bisect_left(self._handles, position)
        if j == len(self._handles) or self._handles[j] >= end:
            return None  # the usual case: no handle before the paragraph ends
        post = _POST_SIGNATURE.search(text, max(position, end - _POST_REACH), end)
        if post is None:
            return None
        return post.group(1).strip(), post.start(1)
