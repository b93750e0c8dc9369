"""Settlements the gazetteer lacks, found by their wording: "the village of X", "X camp".

`Gazetteer.find_places(..., unresolved=True)` adds them to the places it resolves: a capitalised
name of up to four words, not part of a resolved place, after "the village of" (or a like noun)
or before "village" (or a like noun), becomes a Place without coordinates in the text's first
context country (else the one country the text names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from casualty.geo.gazetteer import Place
from casualty.geo.mentions import CONNECTORS, GAPS
from casualty.geo.normalize import ARTICLES, normalize_place

if TYPE_CHECKING:
    from casualty.geo.gazetteer import Gazetteer
    from casualty.geo.words import Words

#: Words that announce a settlement's name: "the village of X", "X village".
_SETTLEMENT_BEFORE: Final = frozenset(
    {"village", "town", "city", "district", "neighbourhood", "neighborhood", "suburb", "area",
     "camp", "hamlet", "settlement", "locality"}
)  # fmt: skip
_SETTLEMENT_AFTER: Final = frozenset(
    {"village", "district", "neighbourhood", "neighborhood", "camp", "hamlet", "locality"}
)


def settlements(
    gaz: Gazetteer, text: str, w: Words, spans: list[tuple[int, int]], country: str
) -> list[tuple[int, int, Place]]:
    """Names the gazetteer lacks, where the wording says they are settlements.

    "the village of Kafr Nabudah", "Karm al-Zeitoun neighbourhood": a Place without
    coordinates, `id` "name:<country>:<key>", in the text's first context country.
    """
    texts, caps, starts, ends = w.texts, w.caps, w.starts, w.ends
    taken = {k for k, at in enumerate(starts) if any(a <= at < b for a, b in spans)}
    out: list[tuple[int, int, Place]] = []
    i, n = 0, len(texts)
    while i < n:
        last = _name_run(text, w, i) if caps[i] and i not in taken else -1
        if last < 0:
            i += 1
            continue
        before = i >= 2 and texts[i - 1] == "of" and texts[i - 2].casefold() in _SETTLEMENT_BEFORE
        after = last + 1 < n and texts[last + 1] in _SETTLEMENT_AFTER
        span = range(i, last + 1)
        if (
            (before or after)
            and not any(k in taken for k in span)
            and not all(texts[k] in gaz.stopwords or not caps[k] for k in span)
        ):
            start = starts[i]
            if i > 0 and texts[i - 1] in ARTICLES and text[ends[i - 1] : start] == "-":
                start = starts[i - 1]
            name = text[start : ends[last]]
            key = normalize_place(name).replace(" ", "-")
            place = Place(name, country, None, None, None, "city", f"name:{country}:{key}")
            out.append((start, ends[last], place))
        i = last + 1
    return out


def _name_run(text: str, w: Words, i: int) -> int:
    """The last word of a capitalised name of up to four words starting at `i`, else -1."""
    last = i
    for j in range(i + 1, min(len(w.texts), i + 4)):
        if text[w.ends[j - 1] : w.starts[j]] not in GAPS:
            break
        if w.caps[j]:
            last = j
        elif w.texts[j] not in CONNECTORS:
            break
    return last
