"""Relays: wire agencies and "according to <agency>" openers that pass a figure on.

"Reuters reported" relays other people's figures, where a broadcaster or a paper saying a
toll claims its own; "According to AFP, ..." opening a sentence relays what follows, while
"according to an AFP tally" is the agency's own count. Used by
`casualty.extract.attribution`.
"""

from __future__ import annotations

import re
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
