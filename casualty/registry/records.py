"""The registry records: a claimant (`Source`), a party or victim group (`Actor`), and a
generic phrase that points at a source of some type (`Descriptor`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """A claimant: a monitor, a ministry, a news agency, a hospital..."""

    name: str
    source_type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    #: The canonical actor this source speaks for (belligerents and their media), else None.
    side: str | None = None
    #: Forms matched with their exact case ("SOHR", "IS").
    acronyms: tuple[str, ...] = ()
    #: A kind of claimant ("medics", "police", "residents") rather than a named body: the
    #: extractor may prefer the words of the article ("Iraqi police officials") as the name.
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to the fighting, or a group of victims."""

    name: str
    aliases: tuple[str, ...] = ()
    #: The `victim_category` of this actor when it is the victim.
    category: str = "unspecified"
    country: str | None = None
    #: The party this actor belongs to ("Wagner Group" -> "Russian forces"), None if itself.
    side: str | None = None
    #: A common noun ("soldiers", "militants") whose party the extractor resolves in context.
    generic: bool = False
    acronyms: tuple[str, ...] = ()
    #: The state's own forces in `country`: what "the army" or "government troops" means there.
    government: bool = False


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A generic phrase that designates a source of some type ("a monitoring group")."""

    text: str
    source_type: str
