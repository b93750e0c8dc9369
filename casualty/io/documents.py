"""Read articles: `.txt` with an optional header block and dateline, or JSONL of articles."""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterator

from casualty.errors import InputError
from casualty.io.claims import BadRow, ErrorSink
from casualty.io.textstream import LineSource, LineTooLong
from casualty.model import Document

HEADER_KEYS = frozenset({"outlet", "published", "url", "title", "id"})
_HEADER_LINE = re.compile(r"([A-Za-z_]+)[ \t]*:[ \t]?(.*)")
_ISO_DATELINE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# `BEIRUT, Sept 29 (Reuters) -` and `KYIV, Ukraine, Oct. 3 (AP) —`: place words, a month and
# a day near the top of the body. Bounded repetition keeps the match linear.
_WIRE_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Za-z .'’-]{1,40}(?:,[ A-Za-z.'’-]{1,40}){0,2},?\s+"
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+(\d{1,2})"
    r"(?:,?\s+(\d{4}))?"
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_ISO_ISH = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ].*)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
#: Header values that say the date is not known: no date, and no error.
_UNKNOWN = frozenset({"", "unknown", "none", "null", "n/a"})


def valid_iso_date(value: str) -> str | None:
    """`value` if it is a real calendar date as YYYY-MM-DD in a plausible year (1800 to next
    year, as claims' dates), else None. '0001-01-01' is a placeholder some exporters write:
    taken as the publication date it put incident dates before year 1 (an OverflowError in
    extraction, claims that `cluster` refuses)."""
    try:
        day = _dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    if not 1800 <= day.year <= _dt.date.today().year + 1:
        return None
    return day.isoformat()


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_published(value: str) -> str | None:
    """A publication date in any common form as YYYY-MM-DD; None when unparseable or
    impossible ("2017-02-31").

    Numeric day/month order is read day first ("30/09/2017"), as most non-US outlets write;
    other forms ("Sept 30, 2017", "Sat, 30 Sep 2017") are read by dateutil.
    """
    text = value.strip()
    if text.lower() in _UNKNOWN:
        return None
    m = _ISO_ISH.fullmatch(text)
    if m:
        return _day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    m = _NUMERIC.fullmatch(text)
    if m:
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day_first = _day(year, second, first) if first > 12 or second <= 12 else None
        return day_first or _day(year, first, second)
    from dateutil import parser

    try:
        # Parsed twice with different defaults: a value that leaves the year, month or day
        # to the default ("2017", "Monday", "Sept 2017") names no single day.
        one: _dt.datetime = parser.parse(text, dayfirst=True, default=_dt.datetime(2001, 1, 1))
        other: _dt.datetime = parser.parse(text, dayfirst=True, default=_dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        return None
    return one.date().isoformat() if one.date() == other.date() else None


def _split_header(raw: str) -> tuple[dict[str, str], int]:
    """The header block's fields and the offset where the body starts (0 without a header)."""
    fields: dict[str, str] = {}
    pos = 0
    while True:
        end = raw.find("\n", pos)
        line = raw[pos:] if end < 0 else raw[pos:end]
        if not line.strip():
            if fields:
                return fields, (len(raw) if end < 0 else end + 1)
            return {}, 0
        match = _HEADER_LINE.fullmatch(line.rstrip("\r"))
        if not match or match.group(1).lower() not in HEADER_KEYS:
            return {}, 0
        fields[match.group(1).lower()] = match.group(2).strip()
        if end < 0:
            return fields, len(raw)
        pos = end + 1


def dateline_date(body: str, hint_year: int | None = None) -> str | None:
    """The publication date a dateline gives: `date 2017-09-30 BEIRUT:` or `BEIRUT, Sept 29 -`.

    A wire dateline has no year: it is taken from `hint_year`, else from the latest year the
    body mentions, else left unknown (None) rather than guessed.
    """
    head = body[:300]
    iso = _ISO_DATELINE.match(head)
    if iso:
        return valid_iso_date(iso.group(1))
    wire = _WIRE_DATELINE.match(head)
    if not wire:
        return None
    month = _MONTHS[wire.group(1).lower()]
    day = int(wire.group(2))
    year = int(wire.group(3)) if wire.group(3) else hint_year
    if year is None:
        years = [int(y) for y in _YEAR.findall(body[:5000])]
        year = max((y for y in years if y <= _dt.date.today().year), default=None)
    if year is None:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def document_from_text(raw: str, doc_id: str, published: str | None = None) -> Document:
    """Build a Document from a `.txt` article: header block, then body."""
    fields, offset = _split_header(raw)
    body = raw[offset:]
    pub = _header_date(raw, fields.get("published", ""), doc_id)
    if pub is None:
        hint = int(published[:4]) if published else None
        pub = dateline_date(body, hint) or published
    return Document(
        id=fields.get("id") or doc_id,
        text=body,
        published=pub,
        outlet=fields.get("outlet") or None,
        url=fields.get("url") or None,
        title=fields.get("title") or None,
        offset=offset,
    )


def _header_date(raw: str, value: str, path: str) -> str | None:
    """The header's `published:` value as YYYY-MM-DD; None when absent, 'unknown' or a
    placeholder day outside 1800 to next year ('0001-01-01', as some exporters write). A
    value that is no date at all is an error on its header line, not a date silently
    dropped."""
    if value.strip().lower() in _UNKNOWN:
        return None
    parsed = parse_published(value)
    if parsed is None:
        lines = raw.split("\n", len(HEADER_KEYS) * 4)
        line = next(
            (i for i, text in enumerate(lines, 1) if text.lower().startswith("published")), 1
        )
        reason = f"published: is not a date (YYYY-MM-DD), got {value.strip()[:40]!r}"
        raise InputError(reason, path, line)
    return valid_iso_date(parsed)


def read_articles_jsonl(
    stream: LineSource,
    path: str,
    published: str | None = None,
    on_bad: ErrorSink | None = None,
) -> Iterator[Document]:
    """Yield one Document per JSONL line `{"id", "text", "published", "outlet", "url", "title"}`.

    A bad line raises `InputError`, or with `on_bad` is reported and skipped.
    """
    lineno = 0
    while True:
        try:
            line = stream.readline()
        except LineTooLong as exc:
            lineno = exc.line or lineno + 1
            _bad(on_bad, path, lineno, exc.reason, None)
            continue
        if not line:
            return
        lineno += 1
        raw = line.rstrip("\r\n")
        if not raw.strip():
            continue
        try:
            doc = _article(raw, path, lineno, published)
        except InputError as exc:
            _bad(on_bad, path, lineno, exc.reason, raw)
            continue
        yield doc


def _bad(on_bad: ErrorSink | None, path: str, line: int, reason: str, raw: str | None) -> None:
    if on_bad is None:
        raise InputError(reason, path, line)
    on_bad(BadRow(path, line, reason, raw))


#: json.loads recurses once per bracket: '[' * 100_000 exhausts the stack.
_TOO_DEEP = "not valid JSON (brackets nested too deeply)"


def _article(line: str, path: str, lineno: int, published: str | None) -> Document:
    if "\x00" in line:
        raise InputError("contains a NUL byte (binary data?)", path, lineno)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}, column {exc.colno})", path, lineno) from None
    except RecursionError:
        raise InputError(_TOO_DEEP, path, lineno) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError("an article needs a string field 'text'", path, lineno)
    pub_raw = obj.get("published")
    pub = valid_iso_date(str(pub_raw)) if pub_raw else None
    if pub_raw and pub is None:
        shown = str(pub_raw)[:40]
        reason = f"published must be YYYY-MM-DD from 1800 to next year, got {shown!r}"
        raise InputError(reason, path, lineno)
    text: str = obj["text"]
    if "\x00" in text:
        raise InputError("the article text contains a NUL character", path, lineno)
    if pub is None:
        pub = dateline_date(text, int(published[:4]) if published else None) or published

    def _opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value) if value not in (None, "") else None

    doc = Document(
        id=_opt("id") or f"{path}:{lineno}",
        text=text,
        published=pub,
        outlet=_opt("outlet"),
        url=_opt("url"),
        title=_opt("title"),
    )
    for value in (doc.id, doc.text, doc.outlet, doc.url, doc.title):
        _check_encodable(value, path, lineno)
    return doc


def _check_encodable(value: str | None, path: str, lineno: int) -> None:
    """A JSON escape of half a UTF-16 pair ("\\ud800") decodes to a lone surrogate: no text,
    and no output can encode it (claim ids, JSONL, CSV all write UTF-8)."""
    if value is None or value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = f"\\u{ord(value[exc.start]):04x}"
        reason = f"{code} at character {exc.start} is half a UTF-16 pair, not text"
        raise InputError(reason, path, lineno) from None
