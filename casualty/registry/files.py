"""Reading registry TOML files into records, with errors located by file and line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from casualty import rx
from casualty.errors import InputError
from casualty.model import SOURCE_TYPES, VICTIM_CATEGORIES
from casualty.registry.records import Actor, Descriptor, Source

_TOML_LINE_RE = rx.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")
_SOURCE_KEYS = frozenset({"name", "type", "aliases", "acronyms", "country", "side", "generic"})
_ACTOR_KEYS = frozenset(
    {"name", "aliases", "acronyms", "category", "country", "side", "generic", "government"}
)
_DESCRIPTOR_KEYS = frozenset({"text", "type"})
_TABLES = ("source", "actor", "descriptor")


@dataclass(frozen=True, slots=True)
class Parsed:
    """The records of one registry file, in file order."""

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
        self.entry: dict[str, object] = entry
        unknown = sorted(set(self.entry) - keys)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (expected one of: {', '.join(sorted(keys))})")

    def fail(self, reason: str) -> NoReturn:
        raise InputError(reason, self.path, self.line)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.fail(f"missing required key {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty string")
        return value.strip()

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{key!r} must be a list of non-empty strings")
        return tuple(dict.fromkeys(str(v).strip() for v in value))

    def choice(self, key: str, allowed: Sequence[str], default: str | None = None) -> str:
        value = self.text(key, required=default is None) or default
        if value is None or value not in allowed:
            self.fail(f"{key!r} is {value!r}; expected one of: {', '.join(allowed)}")
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


def parse(text: str, path: str) -> Parsed:
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
                        generic=reader.flag("generic"),
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
    return Parsed(tuple(sources), tuple(actors), tuple(descriptors))


def _first_line(text: str, key: str) -> int | None:
    found = re.search(r"^[ \t]*\[*[ \t]*" + re.escape(key) + r"\b", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def read(path: Path) -> Parsed:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read registry file: {exc.strerror or exc}", str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError("registry file is not valid UTF-8", str(path), line) from None
    return parse(text, str(path))
