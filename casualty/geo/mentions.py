"""Place mentions in running text: capitalised word n-grams looked up in the name index.

One pass of a single-class regular expression splits the text into words; each capitalised
word starts a scan of at most MAX_WORDS words that stops as soon as the words so far are
neither a key nor the start of one (`prefixes`). The longest key wins and scanning resumes
after it, so matches never overlap and the cost is linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from casualty.geo.normalize import ARTICLES, token_key

if TYPE_CHECKING:
    from casualty.geo.gazetteer import Gazetteer, Place

#: Words after a name that say which kind of place it is ("Homs province").
ADMIN_SUFFIXES: Final = frozenset(
    {"province", "governorate", "oblast", "region", "state", "district", "prefecture",
     "county", "rayon", "raion", "muhafazah", "wilayah", "division"}
)  # fmt: skip
AREA_SUFFIXES: Final = frozenset({"countryside", "outskirts", "suburbs", "environs"})
CITY_SUFFIXES: Final = frozenset({"city", "town", "village", "camp"})
DIVISION_SUFFIXES: Final = ADMIN_SUFFIXES | AREA_SUFFIXES
_ALL_SUFFIXES: Final = DIVISION_SUFFIXES | CITY_SUFFIXES
#: Words before a name that make it a place ("near X", "east of X", "in X").
CUES: Final = frozenset(
    {"in", "near", "at", "from", "outside", "around", "of", "into", "towards", "toward",
     "across", "inside", "to", "via", "nearby", "village", "town", "city", "province",
     "district", "region", "governorate", "oblast", "outskirts", "countryside", "struck",
     "shelled", "hit", "bombed", "attacked", "captured", "besieged", "entered", "seized"}
)  # fmt: skip
#: Lower-case words allowed inside a multi-word name ("Deir ez-Zor", "Jisr al-Shughur").
CONNECTORS: Final = frozenset(
    {"al", "el", "il", "ul", "ad", "ed", "az", "ez", "as", "es", "ash", "esh", "ar", "er", "an",
     "en", "at", "et", "ath", "adh", "ud", "uz", "de", "del", "della", "di", "da", "do", "dos",
     "du", "la", "le", "les", "los", "of", "on", "upon", "sur", "am", "im", "bin", "ibn",
     "bani", "beni", "abu", "umm", "um", "wa"}
)  # fmt: skip
#: Lower-case geographic nouns that can end a multi-word name ("Badia desert").
GEO_NOUNS: Final = frozenset(
    {"desert", "mountains", "mountain", "valley", "plain", "plains", "strip", "heights",
     "hills", "river", "lake", "sea", "gulf", "coast", "peninsula", "bank", "islands"}
)  # fmt: skip
_INNER: Final = CONNECTORS | GEO_NOUNS
#: Minimum population for a lone capitalised word, without a cue, to count as a place.
SINGLE_WORD_POPULATION: Final = 15_000
MAX_WORDS: Final = 6
_GAPS: Final = frozenset({" ", "-", " - ", "–", "\u00a0"})
# A word: a letter, then letters, digits or combining marks (Arabic vowel signs), with inner
# apostrophes ("Ma'rib"). One character class per step keeps the scan fast.
_MARKS: Final = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
)
_TOKEN: Final = re.compile(rf"[^\W\d_][\w{_MARKS}]*(?:['’ʼʿʾ‘`][^\W\d_][\w{_MARKS}]*)*")


class _Words:
    """The words of a text as parallel lists (cheaper than one object per word)."""

    __slots__ = ("caps", "ends", "starts", "texts")

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.caps: list[bool] = []
        for m in _TOKEN.finditer(text):
            word, end = m.group(), m.end()
            if word[-1] in "sS" and len(word) > 2 and word[-2] in "'’":
                word, end = word[:-2], end - 2  # possessive: "Syria's"
            first = word[0]
            self.starts.append(m.start())
            self.ends.append(end)
            self.texts.append(word)
            self.caps.append(first.isupper() or not first.islower())


def find_places(
    gaz: Gazetteer, text: str, context_countries: Sequence[str]
) -> list[tuple[int, int, Place]]:
    """See `Gazetteer.find_places`."""
    w = _Words(text)
    matches = _scan(gaz, text, w)
    lower_words = {t for t, cap in zip(w.texts, w.caps, strict=True) if not cap}
    context = [c.upper() for c in context_countries]
    for first, last, key in matches:
        if first == last:
            code = gaz._demonyms.get(w.texts[first])
            if code and code not in context:
                context.append(code)
        best = gaz._rows[gaz._found(key)[0]]
        if best[5] == "country" and best[1] not in context:
            context.append(best[1])
    out: list[tuple[int, int, Place]] = []
    chosen: dict[tuple[str, str], int] = {}
    for first, last, key in matches:
        resolved = _resolve(gaz, text, w, first, last, key, context, lower_words, chosen)
        if resolved is not None:
            out.append(resolved)
    return out


def _scan(gaz: Gazetteer, text: str, w: _Words) -> list[tuple[int, int, str]]:
    """Longest non-overlapping (first word, last word, key) matches."""
    keys, prefixes = gaz._keys, gaz._prefixes
    starts, ends, texts, caps = w.starts, w.ends, w.texts, w.caps
    matches: list[tuple[int, int, str]] = []
    i, n = 0, len(texts)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        acc: list[str] = []
        best: tuple[int, int, str] | None = None
        for j in range(i, min(n, i + MAX_WORDS)):
            if j > i:
                if text[ends[j - 1] : starts[j]] not in _GAPS:
                    break
                if not caps[j] and texts[j] not in _INNER:
                    break
            part = token_key(texts[j], not acc)
            if part:
                acc.append(part)
            if not acc:
                continue
            joined = " ".join(acc)
            if joined in keys:
                if caps[j] or (j > i and texts[j] in GEO_NOUNS):
                    best = (i, j, joined)
            elif joined not in prefixes:
                break
        if best is None:
            i += 1
        else:
            matches.append(best)
            i = best[1] + 1
    return matches


def _resolve(
    gaz: Gazetteer,
    text: str,
    w: _Words,
    first: int,
    last: int,
    key: str,
    context: Sequence[str],
    lower_words: set[str],
    chosen: dict[tuple[str, str], int],
) -> tuple[int, int, Place] | None:
    starts, ends, texts = w.starts, w.ends, w.texts
    start, end = starts[first], ends[last]
    cue = False
    if first > 0:
        gap = text[ends[first - 1] : start]
        if texts[first - 1] in ARTICLES and gap == "-":
            start = starts[first - 1]  # "al-Bab"
        cue = gap == " " and texts[first - 1].casefold() in CUES
    suffix = ""
    if last + 1 < len(texts):
        word = texts[last + 1].casefold()
        if word in _ALL_SUFFIXES and text[end : starts[last + 1]] == " ":
            suffix = word
    prefer = "admin1" if suffix in DIVISION_SUFFIXES else "city"
    choice = chosen.get((key, prefer))
    if choice is None:
        choice = chosen[(key, prefer)] = gaz._choose(gaz._found(key), context, prefer)
    row = gaz._rows[choice]
    if prefer == "admin1" and row[5] not in ("admin1", "region"):
        # "X district" where X is only a town: the town, without the suffix.
        prefer = "city"
        if suffix in ADMIN_SUFFIXES and suffix not in ("district", "region", "state"):
            suffix = ""
    if suffix and (prefer == "admin1" or suffix in CITY_SUFFIXES):
        end = ends[last + 1]
    if first == last:
        if not _single_ok(gaz, w, first, row, cue or bool(suffix), context, lower_words):
            return None
    elif all(texts[k] in gaz._stop or not w.caps[k] for k in range(first, last + 1)):
        return None
    return (start, end, gaz._place(choice))


def _single_ok(
    gaz: Gazetteer,
    w: _Words,
    index: int,
    row: tuple[Any, ...],
    cued: bool,
    context: Sequence[str],
    lower_words: set[str],
) -> bool:
    """Whether a lone capitalised word is a place mention (see `Gazetteer.find_places`)."""
    word = w.texts[index]
    if word in gaz._stop or word.casefold() in lower_words or word in gaz._demonyms:
        return False
    if word.isupper() and len(word) <= 4 and row[5] != "country":
        return False  # acronyms: "SANA", "IDF"
    if cued:
        return True
    # A lone word beside another capitalised word is part of a longer name ("Hassan
    # Rouhani", "Bashar al-Assad").
    for near in (index - 1, index + 1):
        if 0 <= near < len(w.texts) and w.caps[near] and w.texts[near] not in gaz._stop:
            lo, hi = min(index, near), max(index, near)
            if w.starts[hi] - w.ends[lo] <= 1:
                return False
    if row[5] in ("country", "admin1", "region"):
        return True
    return bool(row[7] >= SINGLE_WORD_POPULATION or row[1] in context)
