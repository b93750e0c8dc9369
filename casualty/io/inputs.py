"""Resolve the command line's inputs (files, directories, `-`) into documents or claims.

The format of each input is told by its extension, or on stdin by sniffing its first
non-blank character (SPEC §5); `--input-format` overrides both.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from casualty.errors import InputError, UsageError
from casualty.io.claims import BadRow, ClaimRow, ErrorSink
from casualty.io.textstream import MAX_DOCUMENT_CHARS, TextStream, looks_binary
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
    #: Found by listing a directory (not named by the user): binary files are skipped.
    listed: bool = False


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
    """Yield each file to read: files as given, directories' files sorted, `-` for `stdin`.

    The caller hands over standard input (the CLI passes `sys.stdin.buffer`); the core never
    reaches for the process's stdin itself, so a library user decides what `-` means.
    """
    for item in inputs:
        if item == "-":
            if stdin is None:
                raise InputError("'-' names standard input, but there is none to read", item)
            stream = stdin
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
                yield InputFile(
                    str(child), functools.partial(_open_file, child), _suffix(child), listed=True
                )
        elif path.exists():
            yield InputFile(item, functools.partial(_open_file, path), _suffix(path))
        else:
            raise InputError("no such file or directory", item)


class _KeepOpen:
    """Standard input for one reader: closing the reader must not close the process's stdin."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size)

    def close(self) -> None:
        pass


def _identity(stream: BinaryIO) -> BinaryIO:
    return _KeepOpen(stream)  # type: ignore[return-value]


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _open_file(path: Path) -> BinaryIO:
    try:
        handle: BinaryIO = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open ({exc.strerror or exc})", str(path)) from None
    # Compressed data is recognised by its magic bytes (TextStream), whatever the name.
    return handle


class BinaryInput(InputError):
    """An input that is binary data, not text: skipped with a warning inside directories."""


def open_text(source: InputFile, encoding: str | None = None) -> TextStream:
    """Open one input as a stream of decoded lines (gzip, BOM and encoding handled)."""
    try:
        stream = TextStream(source.open(), source.name, encoding)
    except InputError as exc:
        if "binary data" in exc.reason:
            raise BinaryInput(exc.reason, exc.path, exc.line) from None
        raise
    head = stream.peek()
    if looks_binary(head) and not head.lstrip().startswith(("{", "[")):
        stream.close()
        raise BinaryInput("binary data, not text (control characters, NUL bytes)", source.name, 1)
    return stream


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes to text: a given encoding, a BOM, UTF-8, else a detected legacy encoding."""
    stream = TextStream(io.BytesIO(data), name, encoding)
    return stream.read(max(len(data), 1) * 2)


def read_text(source: InputFile, encoding: str | None = None) -> str:
    """The whole input as text, with line endings normalised to `\\n`; NUL bytes refused."""
    stream = open_text(source, encoding)
    try:
        text = stream.read()
    finally:
        stream.close()
    check_no_nul(text, source.name)
    return text


def check_no_nul(text: str, name: str, first_line: int = 1) -> None:
    """Raise `InputError` at the line of the first NUL character, if any."""
    nul = text.find("\x00")
    if nul >= 0:
        line = first_line + text.count("\n", 0, nul)
        raise InputError("contains a NUL byte: binary data, not text", name, line)


def sniff_format(text: str, suffix: str) -> str:
    """The input format from the extension, else from the first non-blank character.

    `text` is the start of the input (the readers look at a prefix, not the whole file).
    """
    stripped = text.lstrip()
    fmt = _EXTENSIONS.get(suffix)
    if fmt is not None:
        if fmt == "jsonl" and stripped.startswith("["):
            return "json"
        if fmt == "jsonl" and _looks_like_articles(text):
            return "articles"
        return fmt
    if stripped.startswith("{"):
        return "articles" if _looks_like_articles(text) else "jsonl"
    if stripped.startswith("["):
        return "json"
    first_line = stripped.split("\n", 1)[0]
    # The delimiters `csvread.sniff_delimiter` knows: spreadsheets export `;` and tabs too.
    split = first_line.replace(";", ",").replace("\t", ",").split(",")
    cells = {c.strip().strip('"').lstrip("\ufeff") for c in split}
    cells = {c.lower() for c in cells}
    if {"source", "outcome"} <= cells or len(cells & _CLAIM_COLUMNS) >= 3:
        return "csv"
    return "txt"


_TEXT_KEY = re.compile(r'"text"\s*:')
_OUTCOME_KEY = re.compile(r'"outcome"\s*:')


def _looks_like_articles(text: str) -> bool:
    for line in text.split("\n", 50)[:50]:
        if line.strip():
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                # The first line may be longer than the prefix: judge by its keys.
                return bool(_TEXT_KEY.search(line)) and not _OUTCOME_KEY.search(line)
            return isinstance(obj, dict) and "text" in obj and "outcome" not in obj
    return False


@dataclass(slots=True)
class Loaded:
    """One input opened for reading: its stream of lines and the format it is in."""

    source: InputFile
    stream: TextStream
    format: str
    _text: str | None = None

    @property
    def empty(self) -> bool:
        """True when the input holds nothing but blanks (an empty file or stdin)."""
        return not self.stream.peek().strip() and self._text is None and self.stream.line == 0

    @property
    def text(self) -> str:
        """The whole input as text (articles): refused beyond `MAX_DOCUMENT_CHARS`."""
        if self._text is None:
            self._text = self.stream.read()
        return self._text

    def close(self) -> None:
        self.stream.close()


def load(source: InputFile, input_format: str | None, encoding: str | None = None) -> Loaded:
    """Open one input and tell its format; the caller reads it, then calls `close()`."""
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown --input-format {input_format!r}")
    stream = open_text(source, encoding)
    fmt = input_format or sniff_format(stream.peek(), source.suffix)
    return Loaded(source, stream, fmt)


def documents_of(
    loaded: Loaded, published: str | None = None, on_bad: ErrorSink | None = None
) -> Iterator[Document]:
    """The documents of an input that holds articles; NUL bytes are refused, line named."""
    from casualty.io.documents import document_from_text, read_articles_jsonl

    if loaded.empty:
        return
    name = loaded.source.name
    if loaded.format == "articles":
        loaded.stream.max_line = MAX_DOCUMENT_CHARS
        yield from read_articles_jsonl(loaded.stream, name, published, on_bad=on_bad)
        return
    text = loaded.text
    try:
        check_no_nul(text, name)
        doc = document_from_text(text, name, published)
    except InputError as exc:
        if on_bad is None:
            raise
        on_bad(BadRow(name, exc.line or 1, exc.reason, None))
        return
    yield doc


def claims_of(loaded: Loaded, on_bad: Callable[..., None] | None = None) -> Iterator[Claim]:
    """The claims of an input that holds claims (CSV, JSONL or JSON)."""
    for row in rows_of(loaded, on_bad):
        yield row.claim


def rows_of(loaded: Loaded, on_bad: Callable[..., None] | None = None) -> Iterator[ClaimRow]:
    """The claims of an input with the line and text each came from."""
    from casualty.io import claims as cio

    name = loaded.source.name
    sink: ErrorSink = on_bad if on_bad is not None else cio.raise_bad_row
    if loaded.empty:
        return
    fmt = loaded.format
    if fmt == "jsonl" and loaded.stream.peek().lstrip().startswith("["):
        fmt = "json"  # a JSON array where JSON Lines was expected: read it all the same
    if fmt == "csv":
        yield from cio.csv_rows(loaded.stream, name, sink)
    elif fmt == "jsonl":
        yield from cio.jsonl_rows(loaded.stream, name, sink)
    elif fmt == "json":
        yield from cio.json_rows(loaded.stream, name, sink)
    else:
        raise InputError(
            "expected claims (CSV, JSONL or JSON) but this looks like article text "
            "(run `casualty extract` or `casualty reconcile` on it)",
            name,
        )
