"""Turn one input record (a CSV row or a JSON object) into a validated `Claim`.

Values that can be read unambiguously are read (` 73 `, `1,200`, `٧٣`); anything else is a
`ClaimValueError` with a reason the caller locates by file and line.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import math
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from casualty.io.fast import MEMO_CHARS, Memo, Plain, slot_constructor
from casualty.model import (
    DATE_PRECISIONS,
    FIELDS,
    KINDS,
    OUTCOMES,
    SOURCE_TYPES,
    VICTIM_CATEGORIES,
    Claim,
    make_claim_id,
)

#: Largest figure accepted: more than everyone who has ever lived is a typo, not a toll.
MAX_COUNT = 200_000_000_000

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INT_RE = re.compile(r"[+]?\d{1,3}(?:[,\u066c\u00a0 ]\d{3})+|[+]?\d+")


class ClaimValueError(ValueError):
    """A value in an input record that cannot be read as its field requires."""


_SHARED_MAX = MEMO_CHARS


def text_value(value: Any) -> str | None:
    if type(value) is str:
        text = value.strip()
    elif value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    else:
        text = str(value).strip()
    if len(text) <= _SHARED_MAX:
        # Names, places and dates repeat across rows: one shared string each keeps a large
        # claims file from holding thousands of copies (interned strings are freed as usual).
        return sys.intern(text) if text else None
    return text


def own_text(value: Any) -> str | None:
    """`text_value` for a value unique to its row (claim id, text, url): not worth interning."""
    if type(value) is str:
        return value.strip() or None
    return text_value(value)


def show(value: Any, limit: int = 60) -> str:
    """A value for an error message: quoted, escaped, and cut short if long."""
    text = str(value)
    if len(text) > limit:
        return repr(text[:limit]) + f"… ({len(text):,} characters)"
    return repr(text)


_FLOAT_INT = re.compile(r"[+]?\d+\.0*")
_WORDS = re.compile(r"[a-z]+(?:[ -]+[a-z]+)*")


def _number_words(text: str) -> int | None:
    """`seventy-three` → 73: spelled-out English numbers read by text2num; else None."""
    norm = text.lower()
    if not _WORDS.fullmatch(norm) or len(norm) > 80:
        return None
    from text_to_num import text2num

    try:
        return int(text2num(norm.replace(" and ", " "), "en"))
    except ValueError:
        return None


_FIELD_SET = frozenset(FIELDS)


def parse_count(value: Any, name: str) -> int | None:
    """Read a count: digits (`73`, ` 73 `, `1,200`, `٧٣`, `73.0`) or words (`seventy-three`).

    Anything else is refused rather than guessed: `1.200` (a decimal point or a European
    thousands separator?), `7.5`, `dozens` (a range, not a figure: put it in `qualifier`).
    """
    if type(value) is int and 0 <= value <= MAX_COUNT:
        return value  # a JSON number
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ClaimValueError(f"{name} must be a whole number, got {value!r}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ClaimValueError(f"{name} must be a whole number, got {value!r}")
        number = int(value)
    else:
        text = str(value).strip().translate(_DIGITS)
        if not text:
            return None
        if text.startswith(("-", "−")) and _INT_RE.fullmatch(text[1:].strip()):
            raise ClaimValueError(f"{name} must not be negative, got {show(value)}")
        if _INT_RE.fullmatch(text):
            number = int(re.sub(r"[^\d]", "", text))
        elif _FLOAT_INT.fullmatch(text):
            number = int(text.split(".")[0])
        else:
            words = _number_words(text)
            if words is None:
                raise ClaimValueError(f"{name} must be a whole number, got {show(value)}")
            number = words
    if number < 0:
        raise ClaimValueError(f"{name} must not be negative, got {number}")
    if number > MAX_COUNT:
        raise ClaimValueError(f"{name} is implausibly large ({number:,})")
    return number


_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _day_month_year(text: str, name: str) -> _dt.date | None:
    """`30/09/2017` or `09/30/2017`: read when only one of day/month or month/day is a date."""
    match = _DMY.fullmatch(text)
    if match is None:
        return None
    a, b, year = (int(g) for g in match.groups())
    readings: set[_dt.date] = set()
    for day, month in ((a, b), (b, a)):
        with contextlib.suppress(ValueError):
            readings.add(_dt.date(year, month, day))
    if not readings:
        raise ClaimValueError(f"{name} {show(text)} is not a real calendar date")
    if len(readings) > 1:
        raise ClaimValueError(
            f"{name} {show(text)} is ambiguous (day/month or month/day?): write YYYY-MM-DD"
        )
    return readings.pop()


@functools.lru_cache(maxsize=1)
def _latest_year() -> int:
    """Next year: a date later than that is a typo (read once a run, not once a row)."""
    return _dt.date.today().year + 1


def parse_date(value: Any, name: str) -> str | None:
    """Read a date: YYYY-MM-DD (a time after it is ignored), or an unambiguous `30/09/2017`.

    Impossible dates (`2017-02-31`) and implausible years (before 1800, after next year)
    are errors.
    """
    text = text_value(value)
    if text is None:
        return None
    iso = text[:10] if len(text) > 10 and text[10] in "T " else text
    iso = iso.translate(_DIGITS)
    try:
        day = _dt.date.fromisoformat(iso)
    except ValueError:
        other = _day_month_year(iso, name)
        if other is None:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
                raise ClaimValueError(f"{name} {show(text)} is not a real calendar date") from None
            raise ClaimValueError(
                f"{name} must be a date as YYYY-MM-DD, got {show(text)}"
            ) from None
        day = other
    if day.year < 1800 or day.year > _latest_year():
        raise ClaimValueError(f"{name} {show(text)} is out of the plausible range")
    return sys.intern(day.isoformat())


def parse_coord(value: Any, name: str, limit: float) -> float | None:
    """Read a latitude or longitude in decimal degrees within ±limit (`33,5` is 33.5)."""
    if type(value) is float and math.isfinite(value) and abs(value) <= limit:
        return value  # a JSON number (as float(str(value)) would read it)
    text = text_value(value)
    if text is None:
        return None
    text = text.translate(_DIGITS)
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma: a thousands reading is out of range
    try:
        number = float(text)
    except ValueError:
        raise ClaimValueError(f"{name} must be a number of degrees, got {show(text)}") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise ClaimValueError(f"{name} {show(text)} is outside -{limit:g}..{limit:g}")
    return number


def parse_span(value: Any) -> tuple[int, int] | None:
    """Read a span written `start:end` (CSV) or `[start, end]` (JSON)."""
    if value is None or value == "":
        return None
    parts: Sequence[Any] = (
        value if isinstance(value, list | tuple) else str(value).strip().split(":")
    )
    if len(parts) != 2:
        raise ClaimValueError(f"span must be start:end, got {show(value)}")
    start = parse_count(parts[0], "span start")
    end = parse_count(parts[1], "span end")
    if start is None or end is None or end < start:
        raise ClaimValueError(f"span must be start:end with start <= end, got {show(value)}")
    return (start, end)


def _choice(value: Any, name: str, allowed: Sequence[str], default: str | None) -> str | None:
    text = text_value(value)
    if text is None:
        return default
    norm = text.lower().replace("-", "_").replace(" ", "_")
    if norm not in allowed:
        raise ClaimValueError(
            f"unknown {name} {show(text)} (expected one of: {', '.join(allowed)})"
        )
    return allowed[allowed.index(norm)]  # the vocabulary's own string, shared


def _extra_value(value: Any) -> str:
    """An extra column's value as text; JSON values other than strings stay JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    import json

    return json.dumps(value, ensure_ascii=False)


class _Readers:
    """The reader of each kind of field, used as `readers.date[raw]`."""

    __slots__ = (
        "date",
        "date_end",
        "date_precision",
        "high",
        "kind",
        "lat",
        "lon",
        "low",
        "outcome",
        "published",
        "source_type",
        "text",
        "victim_category",
    )

    def __init__(self, wrap: Callable[[Callable[[Any], Any]], Any]) -> None:
        self.text = wrap(text_value)
        self.date = wrap(partial(parse_date, name="date"))
        self.date_end = wrap(partial(parse_date, name="date_end"))
        self.published = wrap(partial(parse_date, name="published"))
        self.low = wrap(partial(parse_count, name="low"))
        self.high = wrap(partial(parse_count, name="high"))
        self.lat = wrap(partial(parse_coord, name="lat", limit=90.0))
        self.lon = wrap(partial(parse_coord, name="lon", limit=180.0))
        self.outcome = wrap(partial(_choice, name="outcome", allowed=OUTCOMES, default=None))
        self.kind = wrap(partial(_choice, name="kind", allowed=KINDS, default="claim"))
        self.source_type = wrap(
            partial(_choice, name="source_type", allowed=SOURCE_TYPES, default=None)
        )
        self.date_precision = wrap(
            partial(_choice, name="date_precision", allowed=DATE_PRECISIONS, default=None)
        )
        self.victim_category = wrap(
            partial(_choice, name="victim_category", allowed=VICTIM_CATEGORIES, default=None)
        )


MEMOISED = _Readers(Memo)
_PLAIN = _Readers(Plain)


new_claim = slot_constructor(Claim)


def claim_from_mapping(
    values: Mapping[str, Any], extra_order: Sequence[str] | None = None
) -> Claim:
    """Validate one record and build the `Claim`; extra keys are kept in `Claim.extra`.

    Fields are checked in a fixed order, so a record with several faults always reports the
    same one (the first in `_claim`).
    """
    try:
        return _claim(values, extra_order, MEMOISED)
    except TypeError:
        # A value no dict can hold (a JSON list or object where text belongs): read the
        # record again without memos, which also re-raises a TypeError of any other origin.
        return _claim(values, extra_order, _PLAIN)


def _claim(values: Mapping[str, Any], extra_order: Sequence[str] | None, r: _Readers) -> Claim:
    get = values.get
    text = r.text
    source = text[get("source")]
    if source is None:
        raise ClaimValueError("missing required field 'source'")
    outcome = r.outcome[get("outcome")]
    kind = r.kind[get("kind")] or "claim"
    if outcome is None:
        raise ClaimValueError("missing required field 'outcome'")
    # A JSON number is its own count (as `parse_count` reads it) and no memo keeps ints.
    low = get("low")
    if type(low) is not int or not 0 <= low <= MAX_COUNT:
        low = r.low[low]
    high = get("high")
    if type(high) is not int or not 0 <= high <= MAX_COUNT:
        high = r.high[high]
    if low is not None and high is not None and low > high:
        raise ClaimValueError(f"low ({low}) is greater than high ({high})")
    qualifier = text[get("qualifier")]
    said = own_text(get("text"))
    if low is None and high is None and qualifier is None and said is None and kind != "omission":
        raise ClaimValueError("a claim needs one of low, high, qualifier or text")
    date = r.date[get("date")]
    date_end = r.date_end[get("date_end")]
    if date and date_end and date_end < date:
        raise ClaimValueError(f"date_end ({date_end}) is before date ({date})")
    if extra_order is not None:
        keys: Sequence[str] = extra_order
    elif values.keys() <= _FIELD_SET:
        keys = ()
    else:
        keys = [k for k in values if k not in FIELDS]
    extra = tuple((str(k), _extra_value(get(k))) for k in keys) if keys else ()
    claim = new_claim(
        source,
        outcome,
        kind,
        own_text(get("claim_id")) or "",
        r.source_type[get("source_type")] or "unknown",
        text[get("reported_by")],
        text_value(get("doc")),  # nearly one a claim: a memo would fill up with them
        parse_span(get("span")),
        r.published[get("published")],
        date,
        date_end,
        r.date_precision[get("date_precision")],
        text[get("location")],
        text[get("admin1")],
        text[get("country")],
        r.lat[get("lat")],
        r.lon[get("lon")],
        text[get("perpetrator")],
        text[get("victim")],
        r.victim_category[get("victim_category")],
        low,
        high,
        qualifier,
        said,
        own_text(get("url")),
        text_value(get("incident_id")),
        extra,
    )
    if claim.claim_id:
        return claim
    # Set the generated id in place of `dataclasses.replace`, which costs more than the
    # rest of the row: the claim is new and nothing else holds it yet.
    object.__setattr__(claim, "claim_id", make_claim_id(claim))
    return claim
