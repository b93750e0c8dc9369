"""Transliteration keys for place names: one key for every common spelling of a name.

Arabic, Cyrillic and other names reach English text in many romanisations
(`Deir ez-Zor`, `Dayr az Zawr`, `Deir al-Zour`, `Deir Ezzor`). `normalize_place` folds them
to one key so that an index of keys finds the place whatever the spelling. The folding is
deliberately coarse (it merges some distinct names); ranking by country and population
then picks among the candidates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

#: Arabic (and similar) definite articles as separate words: dropped from keys.
ARTICLES: Final = frozenset(
    {
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ed",
        "az",
        "ez",
        "as",
        "es",
        "ash",
        "esh",
        "ar",
        "er",
        "an",
        "en",
        "at",
        "et",
        "ath",
        "adh",
        "ud",
        "uz",
        "us",
        "ur",
        "un",
        "ut",
        "l",
    }
)

# Apostrophes, ayn/hamza marks and the like vanish inside words (Ma'rib, Ta‘izz).
_MARKS: Final = "'’‘`´ʼʻʿʾ′"
_MARK_TABLE: Final = {ord(c): None for c in _MARKS}
_SPLIT: Final = re.compile(r"[^\w]+|_")
_ASCII_PUNCT: Final = {c: " " for c in range(128) if not chr(c).isalnum()}
# An article glued to the next word by assimilation: "Ezzor", "Assukhnah" (not after "l").
_GLUED_ARTICLE: Final = re.compile(r"^[ae](sh|th|dh|[tdrzsn])\1(?=[a-z]{2})")
_GLUED_AL: Final = re.compile(r"^[ae]l-?(?=[a-z]{3})")
_ARABIC_AL: Final = re.compile(r"^[\u0627\u0671]\u0644(?=\w{2})")
_DOUBLE: Final = re.compile(r"([a-z])\1+")
_FOLDS: Final = (
    ("dj", "j"),
    ("q", "k"),
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "u"),
    ("aw", "o"),
    ("ei", "ai"),
    ("ey", "ai"),
    ("ay", "ai"),
    ("o", "u"),
    ("y", "i"),
    ("w", "v"),
)
_FINAL_A: Final = re.compile(r"(?:ah|eh|e|a|h)$")


def _ascii_fold(text: str) -> str:
    """Lower-case, strip diacritics and ayn marks; non-Latin letters are kept as they are."""
    if text.isascii():
        return text.lower().translate(_MARK_TABLE)
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_MARK_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_latin(token: str) -> str:
    for old, new in _FOLDS:
        token = token.replace(old, new)
    token = _DOUBLE.sub(r"\1", token)
    if len(token) > 3:
        token = _FINAL_A.sub("a", token)
    return token


@lru_cache(maxsize=200_000)
def token_key(token: str, first: bool) -> str:
    """The key of one word of a name; "" for an article.

    `first` tells whether the word opens the name: a glued article ("Ezzor", "Alzour")
    is only stripped from later words, so that "Essen" or "Albania" keep their start.
    """
    word = _ascii_fold(token)
    if not word:
        return ""
    if word.isascii():
        if word in ARTICLES:
            return ""
        if not first:
            stripped = _GLUED_ARTICLE.sub(r"\1", word)
            word = stripped if stripped != word else _GLUED_AL.sub("", word)
        return _fold_latin(word)
    if not first:
        word = _ARABIC_AL.sub("", word)
    return word


def words(name: str) -> list[str]:
    """The words of a name, split on spaces, hyphens and punctuation (marks removed)."""
    name = name.translate(_MARK_TABLE)
    if name.isascii():
        return name.translate(_ASCII_PUNCT).split()
    return [w for w in _SPLIT.split(name) if w]


def normalize_place(name: str) -> str:
    """A transliteration key: the same key for the common spellings of one place name.

    >>> normalize_place("Deir ez-Zor") == normalize_place("Dayr az Zawr") == normalize_place(
    ...     "Deir Ezzor") == normalize_place("Deir al-Zour")
    True
    """
    keys: list[str] = []
    for word in words(name):
        key = token_key(word, not keys)
        if key:
            keys.append(key)
    if not keys:
        # A name made only of articles ("Al", "As") keeps its own spelling.
        return " ".join(_ascii_fold(w) for w in words(name))
    return " ".join(keys)
