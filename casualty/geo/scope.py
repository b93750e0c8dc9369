"""Which countries a text is about, as the place scan reads them from its names.

A mention's place is judged against the text's countries: those the caller gives (an
article's outlet or dateline), and those the text itself names, as a country ("Syria"), a
demonym ("Syrian", not "Russian strikes on X"), a region ("the Golan Heights") or an
unambiguous large city ("Deir ez-Zor"). `Scope` holds them with the text's lower-case words.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import not_
from typing import TYPE_CHECKING, Final

from casualty.geo.facts import MAX_ENTRIES, NameFacts
from casualty.geo.words import Words

if TYPE_CHECKING:
    from casualty.geo.gazetteer import Gazetteer

#: Minimum population for a lone capitalised word, without a cue, to count as a place.
SINGLE_WORD_POPULATION: Final = 15_000
#: Minimum population of a place outside the countries a text is about.
SINGLE_WORD_FOREIGN_POPULATION: Final = 100_000
MULTI_WORD_FOREIGN_POPULATION: Final = 15_000
#: A lone word naming a city this large tells which country the text is about.
WELL_KNOWN: Final = 500_000
#: Nouns after a demonym that make it the attacker's ("Russian strikes on X", "Israeli
#: shelling of Y"): such a demonym says who struck, not which country the text is about.
#: Forces are left out: "Syrian troops advanced" is most often a text about Syria.
_ATTACKER_NOUNS: Final = frozenset(
    {"strike", "strikes", "airstrike", "airstrikes", "air", "shelling", "bombardment",
     "bombing", "bombings", "missile", "missiles", "drone", "drones", "rocket", "rockets",
     "artillery", "attack", "attacks", "raid", "raids", "jets", "warplanes", "fire",
     "invasion"}
)  # fmt: skip
#: Participles that make a demonym a maker's, holder's or backer's ("Iranian-made rocket",
#: "Israeli-occupied Golan"): no more the text's country than an attacker's.
_ACTOR_PARTICIPLES: Final = frozenset(
    {"made", "built", "supplied", "manufactured", "designed", "backed", "funded", "sponsored",
     "supported", "trained", "armed", "led", "allied", "aligned", "occupied", "annexed",
     "controlled", "held", "administered"}
)  # fmt: skip


def says_countries(
    gaz: Gazetteer, facts: NameFacts, found: tuple[int, ...], several: bool
) -> tuple[str, ...]:
    """The countries a name with gazetteer rows `found` (of `several` words) says a text is
    about: each country the name is, and the country of a large city that no other sizable
    place shares the name with ("Deir ez-Zor", "Mosul"). Kept in `facts.says`."""
    rows = [facts.row(gaz, i) for i in found]
    out = [country for country, kind, _ in rows if kind == "country"]
    top_country, top_kind, top_pop = rows[0]
    big = top_pop >= (SINGLE_WORD_FOREIGN_POPULATION if several else WELL_KNOWN)
    if (
        big
        and top_kind == "city"
        and all(c == top_country or pop < SINGLE_WORD_POPULATION for c, _, pop in rows)
    ):
        # "Deir ez-Zor", "Mosul": an unambiguous large place says where the text is about
        out.append(top_country)
    # A named region lies in one country ("the Golan Heights", "Darfur"): the text is about
    # it, whoever the text says holds the land (the gazetteer files Golan towns in Syria).
    out += [country for country, kind, _ in rows if kind == "region"]
    if len(facts.says) >= MAX_ENTRIES:
        facts.says.clear()
    said = facts.says[(found, several)] = tuple(out)
    return said


def demonym_countries(text: str, w: Words, demonyms: dict[str, str]) -> set[str]:
    """Countries a text names by a demonym ("Syrian"), except an attacker's ("Russian
    strikes on Kherson" is a text about Ukraine as much as Russia) or a maker's, holder's or
    backer's ("an Iranian-made rocket", "the Israeli-occupied Golan")."""
    out: set[str] = set()
    texts, starts, ends = w.texts, w.starts, w.ends
    for k in compress(range(len(texts)), w.caps):
        code = demonyms.get(texts[k])
        if code is None:
            continue
        after = texts[k + 1].lower() if k + 1 < len(texts) else ""
        if after in _ATTACKER_NOUNS:
            continue
        if after in _ACTOR_PARTICIPLES and text[ends[k] : starts[k + 1]] in _HYPHENS:
            continue
        out.add(code)
    return out


_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011"})


class Scope:
    """What the whole text says about itself: its countries, its lower-case vocabulary."""

    __slots__ = ("given", "lower_words", "mentioned")

    def __init__(self, given: set[str], mentioned: set[str], lower_words: set[str]) -> None:
        self.given = frozenset(given)
        self.mentioned = frozenset(mentioned)
        self.lower_words = lower_words

    def any(self) -> bool:
        return bool(self.given or self.mentioned)

    def has(self, country: str) -> bool:
        return country in self.given or country in self.mentioned


def text_scope(
    gaz: Gazetteer,
    text: str,
    w: Words,
    matches: Sequence[tuple[int, int, str]],
    facts: NameFacts,
    given: set[str],
) -> Scope:
    """The countries `text` is about: `given` (country codes), and those its demonyms and the
    names of its `matches` (from the name scan) say, linked ones included."""
    lower_words = set(compress(w.texts, map(not_, w.caps)))
    found_in_text = demonym_countries(text, w, gaz._demonyms)
    says = facts.says
    for _, _, key in matches:
        found = gaz._found(key)
        said = says.get((found, " " in key))
        if said is None:
            said = says_countries(gaz, facts, found, " " in key)
        found_in_text.update(said)
    linked = gaz._linked
    for code in found_in_text & linked.keys():
        found_in_text.add(linked[code])  # "in Jenin, Israel said": the West Bank town
    return Scope(given, found_in_text - given, lower_words)
