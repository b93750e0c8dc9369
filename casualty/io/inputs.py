"""Resolve the command line's inputs (files, directories, `-`) into documents or claims.

The format of each input is told by its extension, or on stdin by sniffing its first
non-blank character (SPEC §5); `--input-format` overrides both.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from casualty.errors import InputError, UsageError
from casualty.model import FIELDS, Claim, Document

INPUT_FORMATS = ("csv", "jsonl", "json", "txt", "articles")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
}
_CLAIM_COLUMNS = frozenset(FIELDS)


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input: a display name for messages and a way to open it as bytes."""

    name: str
    open: Callable[[], BinaryIO]
    suffix: str


@dataclass(frozen=True, slots=True)
class Notice:
    """Something skipped or noticed while reading, reported on stderr by the CLI."""

    path: str
    message: str


def expand_inputs(
    inputs: Iterable[str],
    stdin: BinaryIO | None = None,
    warn: Callable[[Notice], None] | None = None,
) -> Iterator[InputFile]:
    """Yield each file to read: files as given, directories' files sorted, `-` for stdin."""
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield InputFile("<stdin>", functools.partial(_identity, stream), "")
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if _suffix(child) not in _EXTENSIONS:
                    if warn is not None:
                        warn(Notice(str(child), "skipped: not a supported file type"))
                    continue
                yield InputFile(str(child), functools.partial(_open_file, child), _suffix(child))
        elif path.exists():
            yield InputFile(item, functools.partial(_open_file, path), _suffix(path))
        else:
            raise InputError("no such file or directory", item)


def _identity(stream: BinaryIO) -> BinaryIO:
    return stream


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _open_file(path: Path) -> BinaryIO:
    try:
        handle: BinaryIO = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open ({exc.strerror})", str(path)) from None
    if path.suffix.lower() == ".gz":
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    return handle


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes to text: a given encoding, a BOM, UTF-8, else a detected legacy encoding."""
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot decode as {encoding} ({exc})", name) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(
                f"not text in a known encoding (byte {exc.start}); set --encoding", name
            ) from None
        return str(best)


def read_text(source: InputFile, encoding: str | None = None) -> str:
    """The whole input as text, with line endings normalised to `\\n`."""
    try:
        with source.open() as handle:
            data = handle.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read ({exc})", source.name) from None
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("contains NUL bytes: binary data, not text", source.name, line)
    text = decode(data, source.name, encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_format(text: str, suffix: str) -> str:
    """The input format from the extension, else from the first non-blank character."""
    fmt = _EXTENSIONS.get(suffix)
    if fmt is not None:
        if fmt == "jsonl" and _looks_like_articles(text):
            return "articles"
        return fmt
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "articles" if _looks_like_articles(text) else "jsonl"
    if stripped.startswith("["):
        return "json"
    first_line = stripped.split("\n", 1)[0]
    cells = {c.strip().strip('"').lstrip("\ufeff") for c in first_line.replace(";", ",").split(",")}
    if {"source", "outcome"} <= cells or len(cells & _CLAIM_COLUMNS) >= 3:
        return "csv"
    return "txt"


def _looks_like_articles(text: str) -> bool:
    for line in text.split("\n", 50)[:50]:
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                return False
            return isinstance(obj, dict) and "text" in obj and "outcome" not in obj
    return False


@dataclass(frozen=True, slots=True)
class Loaded:
    """The decoded text of one input and the format it is in."""

    source: InputFile
    text: str
    format: str


def load(source: InputFile, input_format: str | None, encoding: str | None = None) -> Loaded:
    """Read one input and tell its format."""
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown --input-format {input_format!r}")
    text = read_text(source, encoding)
    fmt = input_format or sniff_format(text, source.suffix)
    return Loaded(source, text, fmt)


def documents_of(loaded: Loaded, published: str | None = None) -> Iterator[Document]:
    """The documents of an input that holds articles."""
    from casualty.io.documents import document_from_text, read_articles_jsonl

    if loaded.format == "articles":
        yield from read_articles_jsonl(io.StringIO(loaded.text), loaded.source.name, published)
    else:
        yield document_from_text(loaded.text, loaded.source.name, published)


def claims_of(loaded: Loaded, on_bad: Callable[..., None] | None = None) -> Iterator[Claim]:
    """The claims of an input that holds claims (CSV, JSONL or JSON)."""
    from casualty.io import claims as cio

    stream: TextIO = io.StringIO(loaded.text)
    name = loaded.source.name
    kwargs = {} if on_bad is None else {"on_bad": on_bad}
    if loaded.format == "csv":
        yield from cio.read_claims_csv(stream, name, **kwargs)
    elif loaded.format == "jsonl":
        yield from cio.read_claims_jsonl(stream, name, **kwargs)
    elif loaded.format == "json":
        yield from cio.read_claims_json(stream, name, **kwargs)
    else:
        raise InputError(
            "expected claims (CSV, JSONL or JSON) but this looks like article text "
            "(run `casualty extract` or `casualty reconcile` on it)",
            name,
        )
