"""Phrases around a figure in a token sequence: number phrases ("a dozen", "seventy-three"),
the bounds before a figure ("at least", "up to") and after it ("or more").

The phrases come from the count lexicon (``casualty/data/count_words.toml``); each lookup
starts from the words at one index, so it costs a few dictionary hits, never a scan.
"""

from __future__ import annotations

from typing import Final

from casualty.extract.count_lexicon import Lexicon, Phrase, Tok, glued
from casualty.extract.count_numbers import DASHES

#: Quotation marks that may stand between a bound and its figure ('up to "150,000"').
QUOTES: Final = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})


def phrase_at(
    seq: list[Tok],
    a: int,
    lex: Lexicon,
    kinds: tuple[str, ...],
    anchored_start: bool = False,
) -> tuple[Phrase, int, int] | None:
    """Longest phrase of ``kinds`` that covers ``seq[a]``: (phrase, first index, last index)."""
    candidates = lex.by_word.get(seq[a].low, ())
    for phrase in candidates:
        if phrase.kind not in kinds:
            continue
        for k, word in enumerate(phrase.words):
            if word != seq[a].low:
                continue
            first = a - k
            last = first + len(phrase.words) - 1
            if first < 0 or last >= len(seq) or (anchored_start and first != a):
                continue
            if all(seq[first + n].low == w for n, w in enumerate(phrase.words)):
                return phrase, first, last
    return None


def bound_before(seq: list[Tok], c: int, lex: Lexicon) -> tuple[str, int] | None:
    """Modifier class and first index of a bounding phrase that ends right before ``seq[c]``.

    An opening quote may sit between them ('up to "150,000"'). A phrase is ignored after a
    verb that makes it literal ("the toll went up to 32" is exact).
    """
    if c > 0 and seq[c - 1].low in QUOTES and glued(seq[c - 1], seq[c]):
        c -= 1
    for phrase in lex.modifiers.get(seq[c - 1].low, ()) if c > 0 else ():
        n = len(phrase.words)
        if c - n < 0:
            continue
        if all(seq[c - n + k].low == w for k, w in enumerate(phrase.words)):
            verb = seq[c - n - 1].low if c - n > 0 else ""
            if verb in lex.literal_after.get(phrase.modifier, ()):
                return None
            return phrase.modifier, c - n
    return None


def bound_after(seq: list[Tok], j: int, lex: Lexicon) -> tuple[str, int] | None:
    """Modifier class and last index of a bounding phrase right after ``seq[j]`` ("12 or
    more"); a dash glued to the figure may sit between them."""
    start = j + 1
    if start < len(seq) and seq[start].low in DASHES and glued(seq[j], seq[start]):
        start += 1
    if start >= len(seq):
        return None
    for phrase in lex.postfixes.get(seq[start].low, ()):
        n = len(phrase.words)
        if start + n > len(seq):
            continue
        if all(seq[start + k].low == w for k, w in enumerate(phrase.words)):
            return phrase.modifier, start + n - 1
    return None
