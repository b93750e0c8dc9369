"""Place mentions in running text: capitalised word n-grams looked up in the name index.

One pass of a single-class regular expression splits the text into words; each capitalised
word starts a scan of at most MAX_WORDS words that stops as soon as the words so far are
neither a key nor the start of one (`prefixes`). The longest key wins and scanning resumes
after it, so matches never overlap and the cost is linear in the text length.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Final

from casualty.dates import WEEKDAY_NAMES
from casualty.geo.facts import NameFacts, name_facts
from casualty.geo.normalize import ARTICLES, token_key
from casualty.geo.packed import KeyIndex
from casualty.geo.scope import (
    MULTI_WORD_FOREIGN_POPULATION,
    SINGLE_WORD_FOREIGN_POPULATION,
    SINGLE_WORD_POPULATION,
    Scope,
    text_scope,
)
from casualty.geo.words import Words

#: Name keys of single words, memoised: the same capitalised words recur across articles.
_token_key: Final = functools.lru_cache(maxsize=65536)(token_key)

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
#: "and" only inside a name the gazetteer has whole ("Jammu and Kashmir", "Trinidad and
#: Tobago"): the scan goes on only while the words so far start a known name.
_INNER: Final = CONNECTORS | GEO_NOUNS | {"and"}
_TIME_WORDS: Final = frozenset(name.capitalize() for name in WEEKDAY_NAMES) | frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December", "Province", "Governorate", "Oblast", "State", "City",
     "Region", "District"}
)  # fmt: skip
#: Prepositions capitalised at a sentence's start: no part of the name after them.
_OPENERS: Final = frozenset({"In", "At", "Near", "Outside", "Inside", "Around", "Across", "From"})
MAX_WORDS: Final = 6
_SPEECH_VERBS: Final = frozenset(
    {"said", "says", "told", "added", "stated", "wrote", "tweeted", "confirmed", "denied",
     "claimed", "announced", "reported", "warned"}
)  # fmt: skip
#: Words after a small place's name that confirm it is one ("the Sukhna area").
_AREA_WORDS: Final = frozenset(
    {"area", "areas", "axis", "front", "frontline", "highway", "road", "checkpoint", "checkpoints",
     "airport", "airbase", "crossing", "border", "outskirts", "countryside", "village", "town"}
)  # fmt: skip
#: What may stand between the words of one name.
GAPS: Final = frozenset({" ", "-", " - ", "–", "\u00a0"})


def as_code(country: str) -> str:
    """An ISO2 code for a code or a country name (unknown names are kept, upper-cased)."""
    if len(country) == 2:
        return country.upper()
    from casualty.geo import country_code

    return country_code(country) or country.upper()


def find_places(
    gaz: Gazetteer, text: str, context_countries: Sequence[str], unresolved: bool = False
) -> list[tuple[int, int, Place]]:
    """See `Gazetteer.find_places`."""
    w = Words(text)
    facts = name_facts(gaz)
    matches = _scan(gaz, text, w, facts)
    scope = text_scope(gaz, text, w, matches, facts, {as_code(c) for c in context_countries})
    out: list[tuple[int, int, Place]] = []
    for first, last, key in matches:
        resolved = _resolve(gaz, text, w, first, last, key, scope, facts)
        if resolved is not None:
            out.append(resolved)
    if unresolved:
        code = as_code(context_countries[0]) if context_countries else ""
        if not code and len(scope.mentioned) == 1:
            code = next(iter(scope.mentioned))
        from casualty.geo.unresolved import settlements

        out.extend(settlements(gaz, text, w, [(f[0], f[1]) for f in out], code))
        out.sort(key=lambda f: f[0])
    return out


def _scan(
    gaz: Gazetteer, text: str, w: Words, facts: NameFacts | None = None
) -> list[tuple[int, int, str]]:
    """Longest non-overlapping (first word, last word, key) matches. A capitalised word
    that starts no name (most: people, bodies, sentence openers) is noted in `facts.dead`
    and passed over in later texts without a lookup."""
    keys, prefixes = gaz._keys, gaz.prefix_probe()
    # The ASCII keys as a plain dict once built (a lookup without `KeyIndex.__contains__`'s
    # Python call); until then in place (`LazyKeys`): one article never pays for the dict.
    ascii_keys: Collection[str] = keys.ascii_probe() if isinstance(keys, KeyIndex) else keys
    starts, ends, texts, caps = w.starts, w.ends, w.texts, w.caps
    matches: list[tuple[int, int, str]] = []
    n = len(texts)
    resume = 0  # the word after the last match: matches never overlap
    dead = (facts or name_facts(gaz)).dead_words(ascii_keys, prefixes)
    # Only a capitalised word starts a name: the others are skipped without a Python step.
    for i in compress(range(n), caps):
        word = texts[i]
        if i < resume or word in dead:
            continue
        if word in _ARTICLE_WORDS and not _opens_name(text, w, i):
            continue
        acc: list[str] = []
        best: tuple[int, int, str] | None = None
        for j in range(i, min(n, i + MAX_WORDS)):
            if j > i:
                if text[ends[j - 1] : starts[j]] not in GAPS:
                    break
                # "the" inside a name only after "of": "Republic of the Congo"
                inner = texts[j] in _INNER or (texts[j] == "the" and texts[j - 1] == "of")
                if not caps[j] and not inner:
                    break
            part = _token_key(texts[j], not acc)
            if part:
                acc.append(part)
            if not acc:
                continue
            joined = " ".join(acc)
            if joined in ascii_keys if joined.isascii() else joined in keys:
                if caps[j] or (j > i and texts[j] in GEO_NOUNS):
                    best = (i, j, joined)
            elif joined not in prefixes:
                if j == i and joined.isascii():
                    dead.add(word)  # its key alone is neither a name nor a name's start
                break
        if best is not None and best[2] not in gaz._stop_keys:
            matches.append(best)
            resume = best[1] + 1
    return matches


#: Capitalised articles that can open a name; "As", "At", "An" only before a hyphen.
_ARTICLE_WORDS: Final = frozenset(w.capitalize() for w in ARTICLES) | frozenset(ARTICLES)
_AL: Final = frozenset({"al", "el", "Al", "El", "AL", "EL"})


def _opens_name(text: str, w: Words, i: int) -> bool:
    if i + 1 >= len(w.texts):
        return False
    gap = text[w.ends[i] : w.starts[i + 1]]
    return gap == "-" or (gap == " " and w.texts[i] in _AL)


def _resolve(
    gaz: Gazetteer,
    text: str,
    w: Words,
    first: int,
    last: int,
    key: str,
    scope: Scope,
    facts: NameFacts,
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
    choice = gaz._choose_for(key, prefer, scope.given, scope.mentioned)
    row = facts.row(gaz, choice)  # not the Place, which is assembled on each access
    kind = row[1]
    if prefer == "admin1" and kind not in ("admin1", "region"):
        # "X district" where X is only a town: the town, without the suffix.
        prefer = "city"
        if suffix in ADMIN_SUFFIXES and suffix not in ("district", "region", "state"):
            suffix = ""
    if suffix and (prefer == "admin1" or suffix in CITY_SUFFIXES):
        end = ends[last + 1]
    single = " " not in key
    if not _plausible(gaz, text, w, first, last, choice, row, cue or bool(suffix), single, scope):
        return None
    return (start, end, gaz._place(choice))


def _plausible(
    gaz: Gazetteer,
    text: str,
    w: Words,
    first: int,
    last: int,
    choice: int,
    row: tuple[str, str, int],
    cued: bool,
    single: bool,
    scope: Scope,
) -> bool:
    """Whether a match is a place mention rather than a name, an acronym or a common word.

    Outside the text's countries a place must be large: a lone word 100,000 inhabitants,
    several words 15,000 (so "Khan said" in a Pakistani story is not Haan, Germany).
    """
    texts, caps = w.texts, w.caps
    country, kind, population = row
    foreign = scope.any() and not scope.has(country) and kind != "country"
    if not single:
        if all(texts[k] in gaz._stop or not caps[k] for k in range(first, last + 1)) and not (
            texts[first] in gaz._demonyms and texts[last] in GEO_NOUNS
        ):
            return False  # not "the Syrian desert": a demonym and a geographic noun
        return not (foreign and population < MULTI_WORD_FOREIGN_POPULATION)
    word = texts[last]
    if word in gaz._stop or word in gaz._demonyms:
        return False
    if word.casefold() in scope.lower_words and not cued:
        return False  # the text uses the word as a word: "the hit", "a mine"
    if kind != "country" and (len(word) < 3 or (word.isupper() and len(word) <= 4)):
        return False  # "Ho", acronyms such as "SANA", "IDF"
    # A lone word beside another capitalised word is part of a longer name ("Hassan
    # Rouhani", "Abu Bakr al-Baghdadi"), even after "in" or "to".
    head = first
    if (
        first > 1
        and texts[first - 1] in ARTICLES
        and text[w.ends[first - 1] : w.starts[first]] == "-"
    ):
        head = first - 1  # "Karm al-Zeitoun": look past the article
    for near, lo, hi in ((head - 1, head - 1, head), (last + 1, last, last + 1)):
        if (
            0 <= near < len(texts)
            and caps[near]
            and texts[near] not in _TIME_WORDS
            and texts[near] not in ARTICLES
            and texts[near] not in _OPENERS  # "In Rafah, two died": a sentence's preposition
            and text[w.ends[lo] : w.starts[hi]] == " "
        ):
            return False
    if foreign and population < SINGLE_WORD_FOREIGN_POPULATION:
        return False
    if cued or kind == "country":
        return True
    folded = word.casefold()
    if folded in gaz._common and not (
        population >= 1_000_000 and gaz._rows[choice][0].casefold() == folded
    ):
        return False  # "Same", "Way", "Toll": a common word, unless "London" or after "in"
    if kind in ("admin1", "region"):
        return True
    after = texts[last + 1] if last + 1 < len(texts) else ""
    spoke = after in _SPEECH_VERBS and text[w.ends[last] : w.starts[last + 1]] == " "
    if spoke or _after_initial(text, w, first):
        return False  # "Khan said", "Harry S. Truman"; not "in Obeid, says the network"
    if population >= SINGLE_WORD_POPULATION:
        return True
    # A small place needs its country in context, and not the capital of a sentence's
    # first word ("Late on Monday"), unless a word such as "area" follows.
    if not scope.has(country):
        return False
    return after in _AREA_WORDS or not _sentence_start(text, w.starts[first])


def _after_initial(text: str, w: Words, first: int) -> bool:
    prev = first - 1
    return prev >= 0 and len(w.texts[prev]) == 1 and text[w.ends[prev] : w.starts[first]] == ". "


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n:—–-"
