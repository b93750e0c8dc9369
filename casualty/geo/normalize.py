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
    {"al", "el", "il", "ul", "ad", "ed", "az", "ez", "as", "es", "ash", "esh", "ar", "er", "an",
     "en", "at", "et", "ath", "adh", "ud", "uz"}
)  # fmt: skip

# Apostrophes, ayn/hamza marks and the like vanish inside words (Ma'rib, Ta‘izz).
_MARKS: Final = "'’‘`´ʼʻʿʾ′"
_MARK_TABLE: Final = {ord(c): None for c in _MARKS}
_SPLIT: Final = re.compile(r"[^\w]+|_")
_LETTER: Final = (
    r"(?:[^\W\d_]|[\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F"
    r"\u0670\u06D6-\u06ED])"
)
#: A word of running text: letters (with combining marks) and inner apostrophes.
WORD: Final = re.compile(rf"{_LETTER}+(?:['’ʼʿʾ‘`]{_LETTER}+)*")
# ASCII: marks vanish, every other non-alphanumeric character separates words.
_ASCII_TABLE: Final = {
    c: (None if chr(c) in _MARKS else " ") for c in range(128) if not chr(c).isalnum()
}
# An article glued to the next word by assimilation: "Ezzor", "Assukhnah" (not after "l").
_GLUED_ARTICLE: Final = re.compile(r"^[ae](sh|th|dh|[tdrzsn])\1(?=[a-z]{2})")
_GLUED_AL: Final = re.compile(r"^[ae]l(?=[a-z]{3})")
_ARABIC_AL: Final = re.compile(r"^[\u0627\u0671]\u0644(?=\w{2})")
_DOUBLE: Final = re.compile(r"([a-z])\1+")
_FOLDS: Final = (
    ("dj", "j"),
    ("q", "k"),
    ("ph", "f"),
    ("ck", "k"),
    ("ou", "u"),
    ("aw", "o"),
    ("au", "o"),
    ("ei", "ai"),
    ("ey", "ai"),
    ("ay", "ai"),
    ("o", "u"),
)
# A final -ah/-eh/-e/-a/-h after at least three letters (Sukhnah, Sukhne, Sukhna).
_FINAL_A: Final = re.compile(r"(?<=[a-z]{3})(?:ah|eh|e|a|h)\b")


def _ascii_fold(text: str) -> str:
    """Lower-case, strip diacritics and ayn marks; non-Latin letters are kept as they are."""
    if text.isascii():
        return text.lower().translate(_MARK_TABLE)
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_MARK_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _first_group(m: re.Match[str]) -> str:
    # A function, not the template r"\1": templates cost microseconds a call.
    return m.group(1)


def _fold_latin(text: str) -> str:
    """Spelling folds on lower-case ASCII; words are folded independently."""
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    return _FINAL_A.sub("a", _DOUBLE.sub(_first_group, text))


def _strip_glued(word: str) -> str:
    if word[0] not in "ae":
        return word
    stripped = _GLUED_ARTICLE.sub(_first_group, word)
    return stripped if stripped != word else _GLUED_AL.sub("", word)


def _word_keys(folded: list[str]) -> list[str]:
    """Keys of a name's folded words, articles dropped (shared by both entry points)."""
    keys: list[str] = []
    for word in folded:
        if word.isascii():
            if word in ARTICLES:
                continue
            keys.append(_strip_glued(word) if keys else word)
        elif keys:
            keys.append(_ARABIC_AL.sub("", word))
        else:
            keys.append(word)
    return keys


@lru_cache(maxsize=200_000)
def token_key(token: str, first: bool) -> str:
    """The key of one word of a name; "" for an article.

    `first` tells whether the word opens the name: a glued article ("Ezzor", "Alzour")
    is only stripped from later words, so that "Essen" or "Albania" keep their start.
    Joining the keys of a name's words with spaces gives `normalize_place` of the name.
    """
    folded = "".join(_fold_words(token))
    if not folded:
        return ""
    keys = _word_keys([folded] if first else ["x", folded])[0 if first else 1 :]
    return _fold_latin(keys[0]) if keys else ""


def _fold_words(name: str) -> list[str]:
    folded = _ascii_fold(name)
    if folded.isascii():
        return folded.translate(_ASCII_TABLE).split()
    return [w for w in _SPLIT.split(folded) if w]


def words(name: str) -> list[str]:
    """The words of a name, split on spaces, hyphens and punctuation (marks removed)."""
    if name.isascii():
        return name.translate(_ASCII_TABLE).split()
    return [m.group().translate(_MARK_TABLE) for m in WORD.finditer(name)]


@lru_cache(maxsize=100_000)
def normalize_place(name: str) -> str:
    """A transliteration key: the same key for the common spellings of one place name.

    Memoised: claims name the same places again and again (a clustering run asks for a
    name about six times, from the resolver, the gazetteer and the place keys).

    >>> normalize_place("Deir ez-Zor") == normalize_place("Dayr az Zawr") == normalize_place(
    ...     "Deir Ezzor") == normalize_place("Deir al-Zour")
    True
    """
    folded = _fold_words(name)
    keys = _word_keys(folded)
    if not keys:
        # A name made only of articles ("Al", "As") keeps its own spelling.
        return " ".join(folded)
    return _fold_latin(" ".join(keys))
