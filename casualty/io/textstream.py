"""Decode an input incrementally into lines, with line numbers, in bounded memory.

The encoding is decided on a prefix (a BOM, else UTF-8, else a detector), then the rest of
the input is decoded chunk by chunk: a 200k-row CSV never sits in memory as one string.
Line endings (`\\r\\n`, `\\r`, `\\n`, mixed) are all read as `\\n`.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from typing import BinaryIO, Protocol, cast

from casualty.errors import InputError, UsageError

#: Bytes looked at to decide the encoding and the format.
PREFIX_BYTES = 1 << 16
_CHUNK = 1 << 16
#: Longest line a claim file may have: a claim row is a sentence and some fields.
MAX_LINE_CHARS = 1 << 20
#: Longest article (or JSON document) read: longer input is refused rather than swallowed.
MAX_DOCUMENT_CHARS = 16 << 20
_GZIP_MAGIC = b"\x1f\x8b"
# Control characters that never occur in text: their share of a prefix tells binary data.
_BINARY_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v\x1b")


class LineSource(Protocol):
    """Anything the readers can pull lines from: a `TextStream`, `io.StringIO`, a text file."""

    def readline(self, size: int = -1, /) -> str: ...


class LineTooLong(InputError):
    """A line longer than the reader's limit; the stream has skipped past it."""


class _Prepend:
    """A byte stream that returns `head` first, then the rest of `tail`."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        self._head = head
        self._tail = tail

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0 or size >= len(self._head):
                head, self._head = self._head, b""
                rest = self._tail.read(-1 if size < 0 else size - len(head))
                return head + rest
            head, self._head = self._head[:size], self._head[size:]
            return head
        return self._tail.read(size)


def _read_prefix(raw: BinaryIO) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size < PREFIX_BYTES:
        part = raw.read(PREFIX_BYTES - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def check_encoding(encoding: str) -> str:
    """The codec name if Python knows it, else a usage error."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown --encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        # base64, rot13, zlib...: bytes-to-bytes or str-to-str codecs crashed the reader.
        raise UsageError(f"--encoding {encoding!r} is not a text encoding")
    return info.name


def detect_encoding(prefix: bytes, complete: bool) -> str | None:
    """The encoding of a file from its first bytes: BOM, UTF-8, else charset-normalizer's guess.

    `complete` says the prefix is the whole file (so a cut multi-byte character at its end
    is an error, not a boundary). None when no encoding fits: the data is not text.
    """
    if prefix.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    unmarked = _utf16_without_bom(prefix)
    if unmarked is not None:
        return unmarked
    try:
        codecs.getincrementaldecoder("utf-8")().decode(prefix, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from casualty.io.legacy import guess_legacy

    return guess_legacy(prefix)


def _utf16_without_bom(prefix: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-Latin text has a zero in every other byte."""
    sample = prefix[:2000]
    if len(sample) < 8 or sample.count(0) * 3 < len(sample):
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) * 10 >= len(odd) * 9 and even.count(0) * 10 < len(even):
        return "utf-16-le"
    if even.count(0) * 10 >= len(even) * 9 and odd.count(0) * 10 < len(odd):
        return "utf-16-be"
    return None


class TextStream:
    """Lines of one decoded input. `line` is the number of the last line returned."""

    def __init__(self, raw: BinaryIO, name: str, encoding: str | None = None) -> None:
        self.name = name
        try:
            prefix = _read_prefix(raw)
            if prefix.startswith(_GZIP_MAGIC):
                unzipped = gzip.GzipFile(fileobj=cast(BinaryIO, _Prepend(prefix, raw)), mode="rb")
                raw = cast(BinaryIO, unzipped)
                prefix = _read_prefix(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"cannot read ({_os_reason(exc)})", name) from None
        complete = len(prefix) < PREFIX_BYTES
        if encoding is None:
            encoding = detect_encoding(prefix, complete)
            if encoding is None:
                raise InputError("binary data, not text in a known encoding", name, 1)
        else:
            encoding = check_encoding(encoding)
        self.encoding = encoding
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        self._pending = prefix
        self._eof = False
        self._error: str | None = None
        self._cr = False
        self._buf = ""
        self._pos = 0
        self._scan = 0
        self._bytes = 0
        self.line = 0
        #: Longest line `readline()` returns; longer ones raise `LineTooLong` and are skipped.
        self.max_line = MAX_LINE_CHARS
        self._fill()
        if self._buf.startswith("\ufeff"):
            # A BOM under an explicit --encoding utf-8 (or a doubled one) is not text.
            self._pos = self._scan = 1

    # -- decoding ------------------------------------------------------------------------

    def _fill(self) -> bool:
        """Decode one more chunk into the buffer; False at the end of the input."""
        if self._eof:
            if self._error is not None:
                reason, self._error = self._error, None
                raise InputError(reason, self.name, self._line_here())
            return False
        if self._pending:
            data, self._pending = self._pending, b""
        else:
            try:
                data = self._raw.read(_CHUNK)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(
                    f"cannot read ({_os_reason(exc)})", self.name, self._line_here()
                ) from None
        final = not data
        try:
            text = self._decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            # Keep the text before the bad byte: its lines are read, then the error is raised
            # on the line it belongs to.
            text = codecs.getincrementaldecoder(self.encoding)(errors="replace").decode(
                data[: exc.start], final=True
            )
            self._error = (
                f"not valid {self.encoding} text (byte {self._bytes + exc.start}); set --encoding"
            )
            final = True
        except UnicodeError as exc:  # no position: "UTF-16 stream does not start with BOM"
            reason = f"not valid {self.encoding} text ({exc}); set --encoding"
            raise InputError(reason, self.name, self._line_here()) from None
        self._bytes += len(data)
        if self._cr:
            text = "\r" + text
            self._cr = False
        if text.endswith("\r") and not final:
            # A `\r\n` may be split across chunks: hold the `\r` back.
            text, self._cr = text[:-1], True
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self._pos:
            self._buf = self._buf[self._pos :]
            self._scan -= self._pos
            self._pos = 0
        self._buf += text
        if final:
            self._eof = True
        return True

    def _line_here(self) -> int:
        return self.line + self._buf.count("\n", self._pos) + 1

    # -- reading -------------------------------------------------------------------------

    def peek(self) -> str:
        """The decoded text not yet read (at least the prefix, at the start)."""
        return self._buf[self._pos :]

    def readline(self, size: int = -1, /) -> str:
        """The next line with its `\\n`; `""` at the end. Over `size` chars: `LineTooLong`."""
        limit = self.max_line if size is None or size < 0 else size
        while True:
            newline = self._buf.find("\n", self._scan)
            if newline >= 0:
                end = newline + 1
                break
            self._scan = len(self._buf)
            if self._scan - self._pos > limit:
                self._skip_line(limit)
            if not self._fill():
                end = len(self._buf)
                break
        if end - self._pos > limit:
            self._skip_line(limit)
        line = self._buf[self._pos : end]
        self._pos = self._scan = end
        if line:
            self.line += 1
        return line

    def _skip_line(self, limit: int) -> None:
        """Drop the rest of an over-long line without holding it, then report it."""
        lineno = self.line + 1
        while True:
            newline = self._buf.find("\n", self._pos)
            if newline >= 0:
                self._pos = self._scan = newline + 1
                break
            self._pos = self._scan = len(self._buf)
            if not self._fill():
                break
        self.line = lineno
        raise LineTooLong(
            f"line longer than {limit:,} characters (not a row of claims: corrupt or binary?)",
            self.name,
            lineno,
        )

    def __iter__(self) -> TextStream:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def read(self, limit: int = MAX_DOCUMENT_CHARS) -> str:
        """The rest of the input, or `InputError` if it is longer than `limit` characters.

        Chunks are collected in a list and joined once: growing one string chunk by chunk
        would copy a 16 MB article hundreds of times.
        """
        parts = [self._buf[self._pos :]]
        size = len(parts[0])
        self._buf, self._pos, self._scan = "", 0, 0
        while size <= limit:
            try:
                more = self._fill()
            except InputError as exc:
                exc.line = (exc.line or 1) + sum(p.count("\n") for p in parts)
                raise InputError(exc.reason, exc.path, exc.line) from None
            if not more:
                break
            parts.append(self._buf)
            size += len(self._buf)
            self._buf = ""
        if size > limit:
            raise InputError(
                f"longer than {limit:,} characters; split it into smaller files",
                self.name,
                self.line + 1,
            )
        text = "".join(parts)
        self.line += text.count("\n") + (0 if not text or text.endswith("\n") else 1)
        return text

    def close(self) -> None:
        close = getattr(self._raw, "close", None)
        if close is not None:
            close()


def looks_binary(text: str) -> bool:
    """True when a decoded prefix is mostly control characters: a binary file, not text."""
    if not text:
        return False
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch in _BINARY_CONTROLS)
    return controls * 20 > len(sample)


def _os_reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None)
    return str(reason or exc or type(exc).__name__)
