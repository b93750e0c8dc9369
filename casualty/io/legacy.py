"""Guess the legacy 8-bit encoding of a file that is not UTF-8.

Short files (a claims CSV of a few rows) give a statistical detector too little to go on:
Arabic in Windows-1256 also decodes as "valid" Windows-1252 mojibake. So the candidates are
limited to the code pages conflict reporting actually comes in, and the one whose words look
like words wins: no word mixing scripts (`cafй`), no Latin word made mostly of accented
letters (`ÇáãÑÕÏ`), no Hebrew vowel points (news text does not use them). Ties go to
charset-normalizer's ranking, which decides alone when none of these code pages fits.
"""

from __future__ import annotations

import re
import unicodedata

#: Western European, Arabic, Cyrillic, Hebrew, Turkish, Greek, and KOI8 Cyrillic.
CANDIDATES = ("cp1252", "cp1256", "cp1251", "cp1255", "cp1254", "cp1253", "koi8_r")
_WORD = re.compile(r"[^\W\d_]+")
# Hebrew vowel points: news text never has them, Arabic bytes read as Windows-1255 are full.
_NIQQUD = re.compile(r"[\u0591-\u05c7]")


def _script(ch: str) -> str:
    if ch < "\x80":
        return "LATIN"
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def _odd(word: str) -> bool:
    """A word no one writes: several scripts, case flipping inside, or mostly accents."""
    scripts = {_script(ch) for ch in word}
    if len(scripts) > 1:
        return True
    tail = word[1:]
    if any(ch.isupper() for ch in tail) and any(ch.islower() for ch in tail):
        return True
    if scripts == {"LATIN"}:
        accented = sum(ch > "\x7f" for ch in word)
        return accented >= 2 and accented * 2 >= len(word)
    return False


def guess_legacy(data: bytes) -> str | None:
    """The most plausible code page for `data`, or None when nothing decodes it as text."""
    from charset_normalizer import from_bytes

    ranked = [m.encoding for m in from_bytes(data, cp_isolation=list(CANDIDATES))]
    scored: list[tuple[int, int, int, str]] = []
    for order, encoding in enumerate(CANDIDATES):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = sum(_odd(word) for word in _WORD.findall(text)) + len(_NIQQUD.findall(text))
        rank = ranked.index(encoding) if encoding in ranked else len(CANDIDATES)
        scored.append((odd, rank, order, encoding))
    if scored:
        return min(scored)[3]
    best = from_bytes(data).best()
    return None if best is None else str(best.encoding)
