"""The outcome vocabulary (casualty/data/outcomes.toml), compiled once into scanners."""

from __future__ import annotations

import functools
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from casualty import rx

#: Roles of an outcome phrase relative to the figure it governs.
AFTER = 1  # "12 soldiers were killed"
BEFORE = 2  # "killing 12"
NOUN = 4  # "the death toll climbed to 12"


@dataclass(frozen=True, slots=True)
class OutcomeWord:
    """One outcome phrase found in a sentence."""

    start: int
    end: int
    outcome: str
    roles: int


def lowered(text: str) -> str | None:
    """`text` lower-cased, when a case-sensitive lower-case pattern run on it finds exactly
    what the same pattern with re.IGNORECASE finds in `text` (same offsets); else None.

    Python's regex engine tries every branch of an alternation at every position, which with
    IGNORECASE costs several times more than a case-sensitive trie on lower-cased text. Only
    "İ" (two characters lower-cased) and the dotless "ı" and long "ſ" (which IGNORECASE equates
    with "i" and "s" but `str.lower` keeps) break the equivalence.
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        return None
    return low


def trie_regex(phrases: Iterable[str]) -> str:
    """A trie-shaped alternation of lower-case literal phrases; a space matches any spaces.

    At every point at most one branch can match the next character, so matching never
    backtracks further than one phrase, and the longest phrase that fits wins, as in an
    alternation sorted longest first.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if c == " " else re.escape(c)) + emit(node[c]) for c in sorted(node) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class CaseFree:
    """A case-insensitive pattern (`ci`) and its faster twin (`low`) for lower-cased text.

    Matches found through `low` are on the lower-cased text: take spans, not groups, when the
    original wording matters.
    """

    ci: re.Pattern[str]
    low: re.Pattern[str]

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = lowered(text)
        if low is None:
            return self.ci.search(text, pos, endpos)
        return self.low.search(low, pos, endpos)

    def found_in(self, text: str, low: str | None) -> bool:
        """Whether the pattern occurs in `text`, given `low` = `lowered(text)` (computed once
        for several patterns)."""
        return (self.ci.search(text) if low is None else self.low.search(low)) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lowered(text)
        return self.ci.finditer(text) if low is None else self.low.finditer(low)


def case_free(ci: str, low: str | None = None, lead: bool = False) -> CaseFree:
    r"""Compile `ci` with IGNORECASE and its lower-case equivalent `low` without it (by default
    `ci` itself, right when every letter it names is written in lower case).

    `lead` puts a lookahead of the characters a match can start with (`lead_chars`) before
    `low`: a long alternation of words each opening with `\b` gets no such filter from the
    regex engine, and tries every branch at every position (a third faster with it on the
    period cues). A trie that opens with literals has one already: it only gets slower.
    """
    fast = ci if low is None else low
    chars = lead_chars(fast) if lead else None
    if chars is not None:
        fast = "(?=" + chars + ")(?:" + fast + ")"
    return CaseFree(rx.compile(ci, re.IGNORECASE), rx.compile(fast))


def lead_chars(pattern: str) -> str | None:
    r"""A character class of what a match of `pattern` (case-sensitive) can start with, else
    None when that cannot be told simply (a wildcard, a negated class, an optional start...).

    >>> lead_chars(r"\b(?:since|to\s+date|\d+-day)")
    '[st\\d]'
    """
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _first(parsed.data, _parser)
    if not found:
        return None
    digits = r"\d" if _DIGIT in found else ""
    return "[" + re.escape("".join(sorted(found - {_DIGIT}))) + digits + "]"


_DIGIT = "\\d"  # in a set of first characters: any digit (`\d`), not one character


def _first(items: Any, p: Any) -> set[str] | None:
    """First characters of a parsed sequence (`lead_chars`)."""
    for op, av in items:
        if op in (p.AT, p.ASSERT, p.ASSERT_NOT):
            continue  # zero-width: the first character is the next item's
        if op is p.LITERAL:
            return {chr(av)}
        if op is p.IN:
            out: set[str] = set()
            for kind, arg in av:
                if kind is p.LITERAL:
                    out.add(chr(arg))
                elif kind is p.RANGE:
                    out.update(chr(c) for c in range(arg[0], arg[1] + 1))
                elif kind is p.CATEGORY and arg is p.CATEGORY_DIGIT:
                    out.add(_DIGIT)
                else:
                    return None
            return out
        if op is p.BRANCH:
            out = set()
            for branch in av[1]:
                got = _first(branch.data, p)
                if got is None:
                    return None
                out |= got
            return out
        if op is p.SUBPATTERN:
            return None if av[1] or av[2] else _first(av[3].data, p)
        if op in (p.MAX_REPEAT, p.MIN_REPEAT) and av[0] >= 1:
            return _first(av[2].data, p)
        return None
    return None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled outcome vocabulary: one regex over every phrase, longest first."""

    pattern: re.Pattern[str]
    table: dict[str, tuple[str, int]]
    #: Slow (an IGNORECASE alternation: ~30 us a sentence): search with `quick` (~2 us).
    prefilter: re.Pattern[str]
    #: `pattern` and `prefilter` with a fast path for lower-cased text.
    scanner: CaseFree
    quick: CaseFree
    #: The one-word phrases, when every one of them is ASCII (else None): `is_phrase` looks an
    #: ASCII word up here instead of running `pattern` (hundreds of branches) on it.
    words: frozenset[str] | None = None

    def is_phrase(self, word: str) -> bool:
        """Whether `word` as a whole is an outcome phrase: `pattern.fullmatch(word)`."""
        if self.words is not None and word.isascii() and word.isalpha():
            return word.lower() in self.words
        return self.pattern.fullmatch(word) is not None

    def find(self, text: str) -> list[OutcomeWord]:
        """Every outcome phrase in `text`, left to right, without overlaps."""
        out: list[OutcomeWord] = []
        for m in self.scanner.finditer(text):
            key = _norm(m.group())
            outcome, roles = self.table[key]
            out.append(OutcomeWord(m.start(), m.end(), outcome, roles))
        return out

    def mentioned(self, text: str) -> bool:
        """Whether `text` may hold an outcome phrase (a cheap test before `find`)."""
        return self.quick.search(text) is not None


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set (for word lists in code)."""
    return frozenset(text.split())


def _norm(phrase: str) -> str:
    return " ".join(phrase.translate(_FOLDS).lower().replace("’", "'").split())


#: Letters IGNORECASE matches to an ASCII letter that lower() does not turn into it ('KİLLED'
#: lowers to 'ki̇lled', two characters for the 'İ'): folded first, or `find`'s table lookup
#: of a phrase the pattern did match fails.
_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


@functools.cache
def lexicon() -> Lexicon:
    """The built-in outcome vocabulary, parsed and compiled once per process."""
    raw = resources.files("casualty").joinpath("data", "outcomes.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    table: dict[str, tuple[str, int]] = {}
    for outcome, lists in data["outcome"].items():
        for key, role in (("after", AFTER), ("before", BEFORE), ("nouns", NOUN)):
            for phrase in lists.get(key, []):
                norm = _norm(phrase)
                prev = table.get(norm)
                if prev is not None and prev[0] != outcome:
                    raise ValueError(f"outcome phrase {phrase!r} listed under two outcomes")
                table[norm] = (outcome, (prev[1] if prev else 0) | role)
    phrases = sorted(table, key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    pattern = rx.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)
    scanner = CaseFree(pattern, rx.compile(r"(?<![\w-])(?:" + trie_regex(phrases) + r")(?![\w-])"))
    stems = sorted({max(p.split(), key=len)[:4] for p in phrases} | {"loss"})
    prefilter = rx.compile("|".join(re.escape(s) for s in stems), re.IGNORECASE)
    quick = CaseFree(prefilter, rx.compile(trie_regex(stems)))
    single = [p for p in phrases if " " not in p]
    words = frozenset(single) if all(p.isascii() for p in single) else None
    return Lexicon(pattern, table, prefilter, scanner, quick, words)
