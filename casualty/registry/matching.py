"""Text matching for the registries: folding, lookup keys, the in-text matcher and lookups.

The matcher stores every term's variants as token sequences in two tries (`casualty.registry.
trie`): one without case, one with case for acronyms; this module decides what the variants
and tokens of a term are, merges the two scans and looks names up exactly (`Index`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from casualty import rx
from casualty.registry.trie import TokenTrie

T = TypeVar("T")

# One character to one character, so that offsets in the folded text are offsets in the input.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
#: A token is a run of word characters or one other character; spaces and hyphens separate.
_TOKEN_RE = rx.compile(r"\w+|[^\w\s\-]")
_ARTICLES = ("the ", "a ", "an ")
_NON_WORD_RE = rx.compile(r"[^\w]+")
_SHORT_CAPS_RE = rx.compile(r"\b([A-Z]{2,3})\b")
_DOTTED_CAP_RE = rx.compile(r"(?<![A-Za-z])([A-Z])\.")
_POSSESSIVE_RE = rx.compile(r"'s\b")
_PARENTHESES_RE = rx.compile(r"\(([^()]*)\)")


_FOLD_PAIRS = tuple((chr(k), str(v)) for k, v in _FOLD.items())
_FOLD_CHARS_RE = rx.compile("[" + "".join(re.escape(a) for a, _ in _FOLD_PAIRS) + "]")


def fold(text: str) -> str:
    """Fold quotes, apostrophes and dashes to ASCII, keeping the length of `text`."""
    # str.replace per character present is many times faster than str.translate on long text.
    # All but the backtick are non-ASCII: an ASCII text without one skips the search.
    if (text.isascii() and "`" not in text) or _FOLD_CHARS_RE.search(text) is None:
        return text
    for char, ascii_char in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, ascii_char)
    return text


def lookup_key(name: str) -> str:
    """The key for exact lookups: no case, punctuation, leading article or possessive."""
    text = _POSSESSIVE_RE.sub("", fold(unicodedata.normalize("NFKC", name)).lower())
    text = _NON_WORD_RE.sub(" ", text.replace("'", "")).strip()
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


def _is_acronym(term: str) -> bool:
    """An all-capitals single token ("SANA", "CJTF-OIR") must keep its case to match."""
    stripped = term.strip()
    return (
        " " not in stripped
        and any(c.isalpha() for c in stripped)
        and not any(c.islower() for c in stripped)
    )


def _variants(term: str) -> set[str]:
    """The term plus its dotted/undotted forms ("U.S.-led" <-> "US-led")."""
    out = {term}
    if "." in term:
        out.add(_DOTTED_CAP_RE.sub(r"\1", term))
    if len(term.split()) > 1 or "-" in term:
        dotted = _SHORT_CAPS_RE.sub(lambda m: ".".join(m.group(1)) + ".", term)
        if dotted != term:
            out.add(dotted)
    return {v for v in out if v.strip()}


class Matcher(Generic[T]):
    """Finds the longest non-overlapping mentions of many terms.

    Case-insensitive terms are matched on the lower-cased text, exact-case terms (acronyms) on
    the text as written; the two passes are merged leftmost-longest. Patterns are compiled on
    first use, so lookups alone never pay for them.
    """

    __slots__ = ("_ci", "_cs", "conflicts")

    def __init__(self, terms: Iterable[tuple[str, bool, T]], name: Callable[[T], str]) -> None:
        self._ci: TokenTrie[T] = TokenTrie(exact=False)
        self._cs: TokenTrie[T] = TokenTrie(exact=True)
        #: (term, earlier name, later name) for every term claimed by two entries; later wins.
        self.conflicts: list[tuple[str, str, str]] = []
        for term, exact, value in terms:
            for variant in _variants(term):
                is_exact = exact or _is_acronym(variant)
                tokens = _TOKEN_RE.findall(fold(variant))
                if not tokens:
                    continue
                trie = self._cs if is_exact else self._ci
                previous = trie.add(tokens if is_exact else [t.lower() for t in tokens], value)
                if previous is not None and name(previous) != name(value):
                    self.conflicts.append((variant, name(previous), name(value)))

    def prepare(self) -> None:
        """Build the scanners' filters now rather than on the first scan."""
        self._ci.prepare()
        self._cs.prepare()

    def find(self, text: str) -> list[tuple[int, int, T]]:
        return merge_mentions(*self.scans(fold(text)))

    def scans(self, folded: str) -> tuple[list[tuple[int, int, T]], list[tuple[int, int, T]]]:
        """The case-insensitive and the exact-case mentions in `folded`, before merging."""
        return list(self._ci.scan(folded)), list(self._cs.scan(folded))


def merge_mentions(*scans: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """The mentions of several scans, leftmost-longest, none overlapping another."""
    found = sorted((m for scan in scans for m in scan), key=lambda m: (m[0], -m[1]))
    out: list[tuple[int, int, T]] = []
    end = -1
    for start, stop, value in found:
        if start >= end:
            out.append((start, stop, value))
            end = stop
    return out


def terms(
    entries: Iterable[tuple[str, tuple[str, ...], tuple[str, ...], T]],
) -> Iterator[tuple[str, bool, T]]:
    for name, aliases, acronyms, value in entries:
        # A name listed among the acronyms ("Saba") is matched with its exact case only.
        yield name, name in acronyms, value
        for alias in aliases:
            yield alias, False, value
        for acronym in acronyms:
            yield acronym, True, value


class Index(Generic[T]):
    """Exact lookups: names and aliases without case; acronyms with their case."""

    __slots__ = ("_ci", "_cs", "conflicts")

    def __init__(
        self,
        entries: Iterable[tuple[str, tuple[str, ...], tuple[str, ...], T]],
        name: Callable[[T], str],
    ) -> None:
        self._ci: dict[str, T] = {}
        self._cs: dict[str, T] = {}
        self.conflicts: list[tuple[str, str, str]] = []
        for entry_name, aliases, acronyms, value in entries:
            for term in (entry_name, *aliases, *acronyms):
                exact_term = term in acronyms and term != entry_name
                for variant in _variants(term):
                    if exact_term or (variant != entry_name and _is_acronym(variant)):
                        self._put(self._cs, _cs_key(variant), variant, value, name)
                    else:
                        self._put(self._ci, lookup_key(variant), variant, value, name)

    def _put(
        self, table: dict[str, T], key: str, term: str, value: T, name: Callable[[T], str]
    ) -> None:
        previous = table.get(key)
        if previous is not None and name(previous) != name(value):
            self.conflicts.append((term, name(previous), name(value)))
        table[key] = value

    def get(self, name: str) -> T | None:
        found = self._exact(name)
        if found is None and "(" in name:
            # "SANA (Syrian Arab News Agency)", "US-led coalition (CJTF-OIR)"
            outside = _PARENTHESES_RE.sub(" ", name)
            inside = " ".join(_PARENTHESES_RE.findall(name))
            found = self._exact(outside) or self._exact(inside)
        return found

    def _exact(self, name: str) -> T | None:
        found = self._ci.get(lookup_key(name))
        return found if found is not None else self._cs.get(_cs_key(name))


def _cs_key(name: str) -> str:
    text = _POSSESSIVE_RE.sub("", fold(unicodedata.normalize("NFKC", name))).replace("'", "")
    text = _NON_WORD_RE.sub(" ", text).strip()
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text
