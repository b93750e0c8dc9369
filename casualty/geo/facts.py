"""What the text scan reads of the gazetteer's names and rows, kept across texts.

The same names recur from article to article; what the gazetteer says of each does not
change (a row's country, kind and population are fixed; `Gazetteer.add_places` only adds
rows, keys and prefixes), so `mentions.find_places` reads it once per name or row rather
than once per mention: a row's fields (its columns decode bytes on each access), the
countries a name says a text is about, and the capitalised words that start no name.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Container
from typing import TYPE_CHECKING, Final

from casualty.geo.packed import LazyKeys

if TYPE_CHECKING:
    from casualty.geo.gazetteer import Gazetteer

#: Entries a table may hold before it is emptied (memory stays bounded on any input).
MAX_ENTRIES: Final = 65536


class NameFacts:
    """One gazetteer's facts, filled as the scan meets names and rows."""

    __slots__ = ("dead", "rows", "says", "sizes")

    def __init__(self) -> None:
        #: Row -> (country, kind, population).
        self.rows: dict[int, tuple[str, str, int]] = {}
        #: (a name's rows, several words) -> the countries it says a text is about.
        self.says: dict[tuple[tuple[int, ...], bool], tuple[str, ...]] = {}
        #: Capitalised ASCII words that start no name, and the sizes of the ASCII key and
        #: prefix tables they were found against (a table that grew may start one now).
        self.dead: set[str] = set()
        self.sizes = (-1, -1)

    def row(self, gaz: Gazetteer, i: int) -> tuple[str, str, int]:
        """(country, kind, population) of row `i`."""
        found = self.rows.get(i)
        if found is None:
            if len(self.rows) >= MAX_ENTRIES:
                self.rows.clear()
            found = self.rows[i] = gaz.row_facts(i)
        return found

    def dead_words(self, ascii_keys: Container[str], prefixes: Collection[str]) -> set[str]:
        """`dead`, emptied first if the key or prefix table grew since it was filled (a
        fresh set, kept nowhere, when the keys are no table whose growth can be seen)."""
        if not isinstance(ascii_keys, dict | LazyKeys):
            return set()
        sizes = (len(ascii_keys), len(prefixes))
        if sizes != self.sizes or len(self.dead) >= MAX_ENTRIES:
            self.dead, self.sizes = set(), sizes
        return self.dead


_FACTS: weakref.WeakKeyDictionary[Gazetteer, NameFacts] = weakref.WeakKeyDictionary()


def name_facts(gaz: Gazetteer) -> NameFacts:
    """The `NameFacts` of `gaz` (one per gazetteer, dropped with it)."""
    facts = _FACTS.get(gaz)
    if facts is None:
        facts = _FACTS[gaz] = NameFacts()
    return facts
