"""The source and actor registries: who makes claims, and who fights or suffers.

Knowledge lives in TOML files (`casualty/data/sources.toml`, `casualty/data/actors.toml`);
users add to and override them with files of the same format (`--sources`, `--actors`).

Matching rules, shared by lookups and by the `find_*` scanners:

- names and `aliases` match case-insensitively; `acronyms` match with their exact case, so
  "IS" finds Islamic State but the word "is" does not. Any single-token term written wholly in
  capitals ("SANA", "TASS") is treated as an acronym wherever it is listed.
- curly quotes and apostrophes, and the dash family, are folded to their ASCII forms; a run of
  spaces or hyphens matches any other run ("al-Sham" = "al Sham"); "U.S." and "US" variants of
  a term are generated.
- a mention must stand on word boundaries; a trailing possessive ("the army's") still matches.

Layout: `records` (the records), `files` (reading and checking TOML), `matching` (folding, lookup
keys and the linear-time scanner); this module ties them into `Registry`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Final, TypeVar

from casualty import usercache
from casualty.registry.files import Parsed, parse, read
from casualty.registry.matching import Index, Matcher, fold, lookup_key, terms
from casualty.registry.records import Actor, Descriptor, Source
from casualty.registry.textscan import TextScan

__all__ = [
    "Actor",
    "Descriptor",
    "Registry",
    "Source",
    "builtin_registry",
    "fold",
    "load_registry",
    "lookup_key",
    "sources_rows",
]

T = TypeVar("T")


class Registry:
    """Sources, actors and source descriptors, with lookups and in-text scanners."""

    __slots__ = (
        "_actor_index",
        "_actors_matcher",
        "_article",
        "_descriptor_index",
        "_descriptors_matcher",
        "_government",
        "_source_index",
        "_sources_matcher",
        "actors",
        "descriptors",
        "sources",
    )

    def __init__(
        self,
        sources: Sequence[Source] = (),
        actors: Sequence[Actor] = (),
        descriptors: Sequence[Descriptor] = (),
    ) -> None:
        self.sources: tuple[Source, ...] = tuple(sources)
        self.actors: tuple[Actor, ...] = tuple(actors)
        self.descriptors: tuple[Descriptor, ...] = tuple(descriptors)
        self._source_index = Index(
            ((s.name, s.aliases, s.acronyms, s) for s in self.sources), _source_name
        )
        self._actor_index = Index(
            ((a.name, a.aliases, a.acronyms, a) for a in self.actors), _actor_name
        )
        self._descriptor_index = Index(
            ((d.text, (), (), d) for d in self.descriptors), _descriptor_name
        )
        # a user's entry comes after the built-in one, so it wins
        self._government = {a.country: a for a in self.actors if a.government and a.country}
        # Built on first scan: commands that only look names up never pay for them.
        self._sources_matcher: Matcher[Source] | None = None
        self._actors_matcher: Matcher[Actor] | None = None
        self._descriptors_matcher: Matcher[Descriptor] | None = None
        #: The article being read (see `article`).
        self._article: TextScan | None = None

    def _source_finder(self) -> Matcher[Source]:
        if self._sources_matcher is None:
            self._sources_matcher = Matcher(
                terms((s.name, s.aliases, s.acronyms, s) for s in self.sources), _source_name
            )
        return self._sources_matcher

    def _actor_finder(self) -> Matcher[Actor]:
        if self._actors_matcher is None:
            self._actors_matcher = Matcher(
                terms((a.name, a.aliases, a.acronyms, a) for a in self.actors), _actor_name
            )
        return self._actors_matcher

    def _descriptor_finder(self) -> Matcher[Descriptor]:
        if self._descriptors_matcher is None:
            self._descriptors_matcher = Matcher(
                ((d.text, False, d) for d in self.descriptors), _descriptor_name
            )
        return self._descriptors_matcher

    def source(self, name_or_alias: str) -> Source | None:
        """The source with this name or alias (case-, article-, punctuation-insensitive)."""
        return self._source_index.get(name_or_alias)

    def actor(self, name_or_alias: str) -> Actor | None:
        """The actor with this name or alias (case-, article-, punctuation-insensitive)."""
        return self._actor_index.get(name_or_alias)

    def government_forces(self, country: str | None) -> Actor | None:
        """The state's own forces in `country` (ISO2), to resolve "the army", "troops"...

        >>> builtin_registry().government_forces("SY").name
        'Syrian government forces'
        """
        return self._government.get(country.upper()) if country else None

    def descriptor(self, text: str) -> Descriptor | None:
        """The descriptor written as `text`, if any."""
        return self._descriptor_index.get(text)

    def article(self, text: str) -> None:
        """Say which article is being read: once `find_*` has scanned it, a sentence or a
        phrase written in it takes its mentions from that scan (the same ones)."""
        current = self._article
        if current is None or current.text is not text:
            self._article = TextScan(text)

    def _find(self, matcher: Matcher[T], text: str) -> list[tuple[int, int, T]]:
        article = self._article
        if article is not None:
            if text is article.text:
                return article.find(matcher)
            found = article.find_in(matcher, text)
            if found is not None:
                return found
        return matcher.find(text)

    def find_sources(self, text: str) -> list[tuple[int, int, Source]]:
        """Every source mention in `text` as (start, end, source), longest match first."""
        return self._find(self._source_finder(), text)

    def find_actors(self, text: str) -> list[tuple[int, int, Actor]]:
        """Every actor mention in `text` as (start, end, actor), longest match first."""
        return self._find(self._actor_finder(), text)

    def find_descriptors(self, text: str) -> list[tuple[int, int, Descriptor]]:
        """Every source descriptor in `text` ("a monitoring group", "medics")."""
        return self._find(self._descriptor_finder(), text)

    def alias_conflicts(self) -> list[tuple[str, str, str, str]]:
        """Terms that two entries both claim, as (kind, term, earlier name, later name).

        The later entry (a user file's, over a built-in) wins; the built-in registry has none.
        """
        found = {
            (kind, *conflict)
            for kind, index, matcher in (
                ("source", self._source_index, self._source_finder()),
                ("actor", self._actor_index, self._actor_finder()),
                ("descriptor", self._descriptor_index, self._descriptor_finder()),
            )
            for conflict in (*index.conflicts, *matcher.conflicts)
        }
        return sorted(found)

    def source_type_of(self, name: str) -> str:
        """The `source_type` of a source or descriptor, "unknown" when not known."""
        source = self.source(name)
        if source is not None:
            return source.source_type
        descriptor = self.descriptor(name)
        return descriptor.source_type if descriptor is not None else "unknown"


def _source_name(source: Source) -> str:
    return source.name


def _actor_name(actor: Actor) -> str:
    return actor.name


def _descriptor_name(descriptor: Descriptor) -> str:
    return descriptor.text


def _builtin_texts() -> list[bytes]:
    data = resources.files("casualty").joinpath("data")
    return [data.joinpath(name).read_bytes() for name in ("sources.toml", "actors.toml")]


@functools.cache
def _builtin() -> Parsed:
    """The packaged registry files, parsed (or read from the user cache: parsing and
    checking 3,700 entries costs ~40 ms a run, reading them back ~5 ms)."""
    texts = _builtin_texts()
    path = _cache_path(texts)
    cached = usercache.read_pickle(path)
    if isinstance(cached, Parsed):
        return cached
    sources = parse(texts[0].decode("utf-8"), "casualty/data/sources.toml")
    actors = parse(texts[1].decode("utf-8"), "casualty/data/actors.toml")
    parsed = Parsed(
        sources.sources + actors.sources,
        sources.actors + actors.actors,
        sources.descriptors + actors.descriptors,
    )
    if usercache.enabled():
        usercache.write_pickle(path, parsed)
    return parsed


def _cache_path(texts: list[bytes], kind: str = "registry", modules: Sequence[str] = ()) -> Path:
    """The cached parse of these files: keyed by their bytes and the code that reads them
    (and the code of `modules`)."""
    import hashlib
    import sys

    package = resources.files("casualty")
    names = (*_PARSING_CODE, *modules)
    code = [package.joinpath(f"{name}.py").read_bytes() for name in names]
    digest = hashlib.sha1(sys.version.encode())
    for part in (*code, *texts):
        digest.update(hashlib.sha1(part).digest())
    return usercache.cache_dir() / f"{kind}-{digest.hexdigest()[:16]}.pickle"


#: The modules whose code shapes a parsed registry (their change makes a new cache key).
_PARSING_CODE: Final = ("registry/files", "registry/records", "model")
#: ... and those that shape a built one, its indexes and scanners.
_BUILDING_CODE: Final = ("registry/__init__", "registry/matching", "registry/trie")


def _merge(base: Sequence[T], extra: Sequence[T], key: Callable[[T], str]) -> tuple[T, ...]:
    """`base` with entries of `extra` replacing those of the same name, others appended."""
    merged: dict[str, T] = {key(item): item for item in base}
    for item in extra:
        merged[key(item)] = item
    return tuple(merged.values())


@functools.cache
def builtin_registry() -> Registry:
    """The registry shipped with the package, parsed and compiled once per process.

    Kept built in the user cache, indexes and scanner filters included: building them
    costs ~45 ms a run, reading them back ~12 ms (the filters' code through `rx`).
    """
    path = _cache_path(_builtin_texts(), "registry_built", _BUILDING_CODE)
    cached = usercache.read_pickle(path)
    if isinstance(cached, Registry):
        return cached
    parsed = _builtin()
    registry = Registry(parsed.sources, parsed.actors, parsed.descriptors)
    if usercache.enabled():
        for matcher in (
            registry._source_finder(),
            registry._actor_finder(),
            registry._descriptor_finder(),
        ):
            matcher.prepare()
        usercache.write_pickle(path, registry)
    return registry


def load_registry(sources: Sequence[Path] = (), actors: Sequence[Path] = ()) -> Registry:
    """The built-in registry extended and overridden (by canonical name) by user TOML files.

    Files are applied in order, so a later file overrides an earlier one. Raises
    `InputError(reason, path, line)` for a file that cannot be read or parsed.
    """
    if not sources and not actors:
        return builtin_registry()
    parsed = _builtin()
    all_sources, all_actors, all_descriptors = parsed.sources, parsed.actors, parsed.descriptors
    for path in (*sources, *actors):
        user = read(Path(path))
        all_sources = _merge(all_sources, user.sources, lambda s: lookup_key(s.name))
        all_actors = _merge(all_actors, user.actors, lambda a: lookup_key(a.name))
        all_descriptors = _merge(all_descriptors, user.descriptors, lambda d: lookup_key(d.text))
    return Registry(all_sources, all_actors, all_descriptors)


def sources_rows(registry: Registry) -> list[dict[str, str]]:
    """One row per source for display: name, type, aliases ("; "-joined), country."""
    return [
        {
            "name": s.name,
            "type": s.source_type,
            "aliases": "; ".join((*s.acronyms, *s.aliases)),
            "country": s.country or "",
        }
        for s in registry.sources
    ]
