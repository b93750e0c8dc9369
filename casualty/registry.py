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
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

from casualty.errors import InputError
from casualty.model import SOURCE_TYPES, VICTIM_CATEGORIES

__all__ = [
    "Actor",
    "Descriptor",
    "Registry",
    "Source",
    "builtin_registry",
    "load_registry",
    "sources_rows",
]


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


T = TypeVar("T")

# One character to one character, so that offsets in the folded text are offsets in the input.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
#: A token is a run of word characters or one other character; spaces and hyphens separate.
_TOKEN_RE = re.compile(r"\w+|[^\w\s\-]")
_NEXT_TOKEN_RE = re.compile(r"[\s\-]*(\w+|[^\w\s\-])")
_ARTICLES = ("the ", "a ", "an ")
_NON_WORD_RE = re.compile(r"[^\w]+")
_SHORT_CAPS_RE = re.compile(r"\b([A-Z]{2,3})\b")
_DOTTED_CAP_RE = re.compile(r"(?<![A-Za-z])([A-Z])\.")
_POSSESSIVE_RE = re.compile(r"'s\b")
_PARENTHESES_RE = re.compile(r"\(([^()]*)\)")
_TOML_LINE_RE = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


_FOLD_PAIRS = tuple((chr(k), str(v)) for k, v in _FOLD.items())
_FOLD_CHARS_RE = re.compile("[" + "".join(re.escape(a) for a, _ in _FOLD_PAIRS) + "]")


def fold(text: str) -> str:
    """Fold quotes, apostrophes and dashes to ASCII, keeping the length of `text`."""
    # str.replace per character present is many times faster than str.translate on long text
    if _FOLD_CHARS_RE.search(text) is None:
        return text
    for char, ascii_char in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, ascii_char)
    return text


def lookup_key(name: str) -> str:
    """The key for exact lookups: no case, punctuation, leading article or possessive."""
    text = _POSSESSIVE_RE.sub("", fold(unicodedata.normalize("NFKC", name)).lower())
    text = _NON_WORD_RE.sub(" ", text.replace("'", "")).strip()
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


def _is_acronym(term: str) -> bool:
    """An all-capitals single token ("SANA", "CJTF-OIR") must keep its case to match."""
    stripped = term.strip()
    return (
        " " not in stripped
        and any(c.isalpha() for c in stripped)
        and not any(c.islower() for c in stripped)
    )


def _variants(term: str) -> set[str]:
    """The term plus its dotted/undotted forms ("U.S.-led" <-> "US-led")."""
    out = {term}
    if "." in term:
        out.add(_DOTTED_CAP_RE.sub(r"\1", term))
    if len(term.split()) > 1 or "-" in term:
        dotted = _SHORT_CAPS_RE.sub(lambda m: ".".join(m.group(1)) + ".", term)
        if dotted != term:
            out.add(dotted)
    return {v for v in out if v.strip()}


_BOUNDARY = "\x00"  # in a trie key: the end of a word token, emitted as (?!\w)
_GAP = "\x01"  # in a trie key: between two tokens, emitted as optional separators
_FILTER_FANOUT = 4


def _trie_regex(keys: Iterable[str]) -> str:
    """A regex alternation shaped as a trie: longest match first, no nested quantifiers."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    atoms = {_BOUNDARY: r"(?!\w)", _GAP: r"[\s\-]*"}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (atoms[c] if c in atoms else re.escape(c)) + emit(node[c]) for c in sorted(node) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


class _Node(Generic[T]):
    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.value: T | None = None


class _TokenTrie(Generic[T]):
    """Terms as token sequences; a small regex of first tokens finds where a walk may start.

    Only the first tokens go into the regex, which keeps it small (fast to compile) and lets
    every position of the text be tested in C; the rest of each term is a dictionary walk.
    """

    __slots__ = ("_ignorecase", "_pattern", "exact", "root")

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.root: _Node[T] = _Node()
        self._pattern: re.Pattern[str] | None = None
        self._ignorecase: re.Pattern[str] | None = None

    def add(self, tokens: Sequence[str], value: T) -> T | None:
        """Insert a term; return the value it displaces, if any."""
        node = self.root
        for token in tokens:
            node = node.children.setdefault(token, _Node())
        previous, node.value = node.value, value
        return previous

    def _compile(self, flags: int) -> re.Pattern[str]:
        """A filter for where a walk can start: the first token of every term, or the first two
        where the first is common to many terms ("the", "a"), so that the filter stays small
        (quick to compile) yet rarely sends the walk after a bare article."""
        word_keys: list[str] = []
        other_keys: list[str] = []
        for first, node in self.root.children.items():
            if node.value is not None or len(node.children) <= _FILTER_FANOUT:
                prefixes = [[first]]
            else:
                prefixes = [[first, second] for second in node.children]
            for prefix in prefixes:
                key = _GAP.join(prefix) + (_BOUNDARY if _is_word(prefix[-1]) else "")
                (word_keys if _is_word(first) else other_keys).append(key)
        # Zero-width: the filter must not consume the start of a term the walk then rejects.
        alternatives = []
        if word_keys:
            alternatives.append(r"(?<!\w)(?=" + _trie_regex(word_keys) + ")")
        if other_keys:
            alternatives.append("(?=" + _trie_regex(other_keys) + ")")
        return re.compile("|".join(alternatives) or r"(?!)", flags)

    def scan(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Leftmost-longest, non-overlapping mentions in `text` (already folded)."""
        fold_case: Callable[[str], str] | None = None
        subject = text
        if self.exact:
            if self._pattern is None:
                self._pattern = self._compile(0)
            pattern = self._pattern
        else:
            subject = text.lower()
            if len(subject) == len(text):
                if self._pattern is None:
                    self._pattern = self._compile(0)
                pattern = self._pattern
            else:  # lower-casing moved offsets ("İ"): match the original text without case
                subject = text
                fold_case = str.lower
                if self._ignorecase is None:
                    self._ignorecase = self._compile(re.IGNORECASE)
                pattern = self._ignorecase
        token_at, root = _NEXT_TOKEN_RE.match, self.root.children
        end = 0
        for match in pattern.finditer(subject):
            start = match.start()
            if start < end:
                continue
            first = token_at(subject, start)
            if first is None:
                continue
            key = first.group(1)
            node = root.get(fold_case(key) if fold_case else key)
            pos = first.end()
            best = None
            while node is not None:
                if node.value is not None:
                    best = (pos, node.value)
                if not node.children:
                    break
                token = token_at(subject, pos)
                if token is None:
                    break
                key = token.group(1)
                node = node.children.get(fold_case(key) if fold_case else key)
                pos = token.end()
            if best is not None:
                end = best[0]
                yield start, best[0], best[1]


class _Matcher(Generic[T]):
    """Finds the longest non-overlapping mentions of many terms.

    Case-insensitive terms are matched on the lower-cased text, exact-case terms (acronyms) on
    the text as written; the two passes are merged leftmost-longest. Patterns are compiled on
    first use, so lookups alone never pay for them.
    """

    __slots__ = ("_ci", "_cs", "conflicts")

    def __init__(self, terms: Iterable[tuple[str, bool, T]], name: Callable[[T], str]) -> None:
        self._ci: _TokenTrie[T] = _TokenTrie(exact=False)
        self._cs: _TokenTrie[T] = _TokenTrie(exact=True)
        #: (term, earlier name, later name) for every term claimed by two entries; later wins.
        self.conflicts: list[tuple[str, str, str]] = []
        for term, exact, value in terms:
            for variant in _variants(term):
                is_exact = exact or _is_acronym(variant)
                tokens = _TOKEN_RE.findall(fold(variant))
                if not tokens:
                    continue
                trie = self._cs if is_exact else self._ci
                previous = trie.add(tokens if is_exact else [t.lower() for t in tokens], value)
                if previous is not None and name(previous) != name(value):
                    self.conflicts.append((variant, name(previous), name(value)))

    def find(self, text: str) -> list[tuple[int, int, T]]:
        folded = fold(text)
        found = sorted(
            (*self._ci.scan(folded), *self._cs.scan(folded)), key=lambda m: (m[0], -m[1])
        )
        out: list[tuple[int, int, T]] = []
        end = -1
        for start, stop, value in found:
            if start >= end:
                out.append((start, stop, value))
                end = stop
        return out


class Registry:
    """Sources, actors and source descriptors, with lookups and in-text scanners."""

    __slots__ = (
        "_actor_index",
        "_actors_matcher",
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
        self._source_index = _Index(
            ((s.name, s.aliases, s.acronyms, s) for s in self.sources), _source_name
        )
        self._actor_index = _Index(
            ((a.name, a.aliases, a.acronyms, a) for a in self.actors), _actor_name
        )
        self._descriptor_index = _Index(
            ((d.text, (), (), d) for d in self.descriptors), _descriptor_name
        )
        # a user's entry comes after the built-in one, so it wins
        self._government = {a.country: a for a in self.actors if a.government and a.country}
        # Built on first scan: commands that only look names up never pay for them.
        self._sources_matcher: _Matcher[Source] | None = None
        self._actors_matcher: _Matcher[Actor] | None = None
        self._descriptors_matcher: _Matcher[Descriptor] | None = None

    def _source_finder(self) -> _Matcher[Source]:
        if self._sources_matcher is None:
            self._sources_matcher = _Matcher(
                _terms((s.name, s.aliases, s.acronyms, s) for s in self.sources), _source_name
            )
        return self._sources_matcher

    def _actor_finder(self) -> _Matcher[Actor]:
        if self._actors_matcher is None:
            self._actors_matcher = _Matcher(
                _terms((a.name, a.aliases, a.acronyms, a) for a in self.actors), _actor_name
            )
        return self._actors_matcher

    def _descriptor_finder(self) -> _Matcher[Descriptor]:
        if self._descriptors_matcher is None:
            self._descriptors_matcher = _Matcher(
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

    def find_sources(self, text: str) -> list[tuple[int, int, Source]]:
        """Every source mention in `text` as (start, end, source), longest match first."""
        return self._source_finder().find(text)

    def find_actors(self, text: str) -> list[tuple[int, int, Actor]]:
        """Every actor mention in `text` as (start, end, actor), longest match first."""
        return self._actor_finder().find(text)

    def find_descriptors(self, text: str) -> list[tuple[int, int, Descriptor]]:
        """Every source descriptor in `text` ("a monitoring group", "medics")."""
        return self._descriptor_finder().find(text)

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


def _terms(
    entries: Iterable[tuple[str, tuple[str, ...], tuple[str, ...], T]],
) -> Iterator[tuple[str, bool, T]]:
    for name, aliases, acronyms, value in entries:
        # A name listed among the acronyms ("Saba") is matched with its exact case only.
        yield name, name in acronyms, value
        for alias in aliases:
            yield alias, False, value
        for acronym in acronyms:
            yield acronym, True, value


class _Index(Generic[T]):
    """Exact lookups: names and aliases without case; acronyms with their case."""

    __slots__ = ("_ci", "_cs", "conflicts")

    def __init__(
        self,
        entries: Iterable[tuple[str, tuple[str, ...], tuple[str, ...], T]],
        name: Callable[[T], str],
    ) -> None:
        self._ci: dict[str, T] = {}
        self._cs: dict[str, T] = {}
        self.conflicts: list[tuple[str, str, str]] = []
        for entry_name, aliases, acronyms, value in entries:
            for term in (entry_name, *aliases, *acronyms):
                exact_term = term in acronyms and term != entry_name
                for variant in _variants(term):
                    if exact_term or (variant != entry_name and _is_acronym(variant)):
                        self._put(self._cs, _cs_key(variant), variant, value, name)
                    else:
                        self._put(self._ci, lookup_key(variant), variant, value, name)

    def _put(
        self, table: dict[str, T], key: str, term: str, value: T, name: Callable[[T], str]
    ) -> None:
        previous = table.get(key)
        if previous is not None and name(previous) != name(value):
            self.conflicts.append((term, name(previous), name(value)))
        table[key] = value

    def get(self, name: str) -> T | None:
        found = self._exact(name)
        if found is None and "(" in name:
            # "SANA (Syrian Arab News Agency)", "US-led coalition (CJTF-OIR)"
            outside = _PARENTHESES_RE.sub(" ", name)
            inside = " ".join(_PARENTHESES_RE.findall(name))
            found = self._exact(outside) or self._exact(inside)
        return found

    def _exact(self, name: str) -> T | None:
        found = self._ci.get(lookup_key(name))
        return found if found is not None else self._cs.get(_cs_key(name))


def _cs_key(name: str) -> str:
    text = _POSSESSIVE_RE.sub("", fold(unicodedata.normalize("NFKC", name))).replace("'", "")
    text = _NON_WORD_RE.sub(" ", text).strip()
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text


# --- loading ---------------------------------------------------------------------------------

_SOURCE_KEYS = frozenset({"name", "type", "aliases", "acronyms", "country", "side"})
_ACTOR_KEYS = frozenset(
    {"name", "aliases", "acronyms", "category", "country", "side", "generic", "government"}
)
_DESCRIPTOR_KEYS = frozenset({"text", "type"})
_TABLES = ("source", "actor", "descriptor")


@dataclass(frozen=True, slots=True)
class _Parsed:
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    descriptors: tuple[Descriptor, ...] = ()


def _entry_lines(text: str, table: str) -> list[int]:
    """Line numbers (1-based) of each `[[table]]` header, in order."""
    header = re.compile(r"^[ \t]*\[\[[ \t]*" + table + r"[ \t]*\]\]", re.MULTILINE)
    return [text.count("\n", 0, m.start()) + 1 for m in header.finditer(text)]


class _EntryReader:
    """Typed access to one TOML table, raising InputError located at its header line."""

    def __init__(self, entry: object, keys: frozenset[str], path: str, line: int | None) -> None:
        self.path = path
        self.line = line
        if not isinstance(entry, dict):
            self.fail("an entry must be a table")
        self.entry: dict[str, object] = entry  # type: ignore[assignment]
        unknown = sorted(set(self.entry) - keys)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (expected one of: {', '.join(sorted(keys))})")

    def fail(self, reason: str) -> None:
        raise InputError(reason, self.path, self.line)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.fail(f"missing required key {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty string")
        assert isinstance(value, str)
        return value.strip()

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{key!r} must be a list of non-empty strings")
        assert isinstance(value, list)
        return tuple(dict.fromkeys(str(v).strip() for v in value))

    def choice(self, key: str, allowed: Sequence[str], default: str | None = None) -> str:
        value = self.text(key, required=default is None) or default
        if value not in allowed:
            self.fail(f"{key!r} is {value!r}; expected one of: {', '.join(allowed)}")
        assert value is not None
        return value

    def country(self) -> str | None:
        value = self.text("country")
        if value is not None and not re.fullmatch(r"[A-Z]{2}", value):
            self.fail(f"'country' must be an ISO 3166-1 alpha-2 code such as 'SY', not {value!r}")
        return value

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false")
        return bool(value)


def _parse(text: str, path: str) -> _Parsed:
    """Parse one registry file's text; every error names `path` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE_RE.search(message)
        line: int | None = None
        if found is not None:
            line = int(found.group(1)) if found.group(1) else text.count("\n") + 1
            message = message[: found.start()] + message[found.end() :]
        raise InputError(f"invalid TOML: {message}", path, line) from None
    for key in data:
        if key not in _TABLES:
            raise InputError(
                f"unknown table {key!r} (expected [[source]], [[actor]] or [[descriptor]])",
                path,
                _first_line(text, key),
            )
    sources: list[Source] = []
    actors: list[Actor] = []
    descriptors: list[Descriptor] = []
    for table, keys in (
        ("source", _SOURCE_KEYS),
        ("actor", _ACTOR_KEYS),
        ("descriptor", _DESCRIPTOR_KEYS),
    ):
        entries = data.get(table, [])
        lines = _entry_lines(text, table)
        if not isinstance(entries, list):
            raise InputError(
                f"{table!r} must be an array of tables: [[{table}]]", path, _first_line(text, table)
            )
        for i, raw in enumerate(entries):
            reader = _EntryReader(raw, keys, path, lines[i] if i < len(lines) else None)
            if table == "source":
                sources.append(
                    Source(
                        name=str(reader.text("name", required=True)),
                        source_type=reader.choice("type", SOURCE_TYPES),
                        aliases=reader.strings("aliases"),
                        country=reader.country(),
                        side=reader.text("side"),
                        acronyms=reader.strings("acronyms"),
                    )
                )
            elif table == "actor":
                actors.append(
                    Actor(
                        name=str(reader.text("name", required=True)),
                        aliases=reader.strings("aliases"),
                        category=reader.choice("category", VICTIM_CATEGORIES, "unspecified"),
                        country=reader.country(),
                        side=reader.text("side"),
                        generic=reader.flag("generic"),
                        acronyms=reader.strings("acronyms"),
                        government=reader.flag("government"),
                    )
                )
            else:
                descriptors.append(
                    Descriptor(
                        text=str(reader.text("text", required=True)),
                        source_type=reader.choice("type", SOURCE_TYPES),
                    )
                )
    return _Parsed(tuple(sources), tuple(actors), tuple(descriptors))


def _first_line(text: str, key: str) -> int | None:
    found = re.search(r"^[ \t]*\[*[ \t]*" + re.escape(key) + r"\b", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _read(path: Path) -> _Parsed:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read registry file: {exc.strerror or exc}", str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError("registry file is not valid UTF-8", str(path), line) from None
    return _parse(text, str(path))


@functools.cache
def _builtin() -> _Parsed:
    data = resources.files("casualty").joinpath("data")
    sources = _parse(data.joinpath("sources.toml").read_text("utf-8"), "casualty/data/sources.toml")
    actors = _parse(data.joinpath("actors.toml").read_text("utf-8"), "casualty/data/actors.toml")
    return _Parsed(
        sources.sources + actors.sources,
        sources.actors + actors.actors,
        sources.descriptors + actors.descriptors,
    )


def _merge(base: Sequence[T], extra: Sequence[T], key: Callable[[T], str]) -> tuple[T, ...]:
    """`base` with entries of `extra` replacing those of the same name, others appended."""
    merged: dict[str, T] = {key(item): item for item in base}
    for item in extra:
        merged[key(item)] = item
    return tuple(merged.values())


@functools.cache
def builtin_registry() -> Registry:
    """The registry shipped with the package, parsed and compiled once per process."""
    parsed = _builtin()
    return Registry(parsed.sources, parsed.actors, parsed.descriptors)


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
        user = _read(Path(path))
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
