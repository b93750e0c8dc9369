"""Turn one input record (a CSV row or a JSON object) into a validated `Claim`.

Values that can be read unambiguously are read (` 73 `, `1,200`, `٧٣`); anything else is a
`ClaimValueError` with a reason the caller locates by file and line.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from casualty.model import (
    DATE_PRECISIONS,
    FIELDS,
    KINDS,
    OUTCOMES,
    SOURCE_TYPES,
    VICTIM_CATEGORIES,
    Claim,
)

#: Largest figure accepted: more than everyone who has ever lived is a typo, not a toll.
MAX_COUNT = 200_000_000_000

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_INT_RE = re.compile(r"[+]?\d{1,3}(?:[,\u066c\u00a0 ]\d{3})+|[+]?\d+")


class ClaimValueError(ValueError):
    """A value in an input record that cannot be read as its field requires."""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value).strip()
    return text or None


def parse_count(value: Any, name: str) -> int | None:
    """Read a count: an integer, possibly with thousands separators or Arabic-Indic digits."""
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
        if not _INT_RE.fullmatch(text):
            raise ClaimValueError(f"{name} must be a whole number, got {str(value)!r}")
        number = int(re.sub(r"[^\d]", "", text))
    if number < 0:
        raise ClaimValueError(f"{name} must not be negative, got {number}")
    if number > MAX_COUNT:
        raise ClaimValueError(f"{name} is implausibly large ({number})")
    return number


def parse_date(value: Any, name: str) -> str | None:
    """Read an ISO date (YYYY-MM-DD); impossible and far-future dates are errors."""
    text = _text(value)
    if text is None:
        return None
    try:
        day = _dt.date.fromisoformat(text[:10] if len(text) > 10 and text[10] == "T" else text)
    except ValueError:
        raise ClaimValueError(f"{name} must be a date as YYYY-MM-DD, got {text!r}") from None
    if day.year < 1800 or day.year > _dt.date.today().year + 1:
        raise ClaimValueError(f"{name} {text} is out of the plausible range")
    return day.isoformat()


def parse_coord(value: Any, name: str, limit: float) -> float | None:
    """Read a latitude or longitude in decimal degrees within ±limit."""
    text = _text(value)
    if text is None:
        return None
    try:
        number = float(text.translate(_DIGITS))
    except ValueError:
        raise ClaimValueError(f"{name} must be a number of degrees, got {text!r}") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise ClaimValueError(f"{name} {text} is outside -{limit:g}..{limit:g}")
    return number


def parse_span(value: Any) -> tuple[int, int] | None:
    """Read a span written `start:end` (CSV) or `[start, end]` (JSON)."""
    if value is None or value == "":
        return None
    parts: Sequence[Any] = (
        value if isinstance(value, list | tuple) else str(value).strip().split(":")
    )
    if len(parts) != 2:
        raise ClaimValueError(f"span must be start:end, got {value!r}")
    start = parse_count(parts[0], "span start")
    end = parse_count(parts[1], "span end")
    if start is None or end is None or end < start:
        raise ClaimValueError(f"span must be start:end with start <= end, got {value!r}")
    return (start, end)


def _choice(value: Any, name: str, allowed: Sequence[str], default: str | None) -> str | None:
    text = _text(value)
    if text is None:
        return default
    norm = text.lower().replace("-", "_").replace(" ", "_")
    if norm not in allowed:
        raise ClaimValueError(f"unknown {name} {text!r} (expected one of: {', '.join(allowed)})")
    return norm


def claim_from_mapping(
    values: Mapping[str, Any], extra_order: Sequence[str] | None = None
) -> Claim:
    """Validate one record and build the `Claim`; extra keys are kept in `Claim.extra`."""
    source = _text(values.get("source"))
    if source is None:
        raise ClaimValueError("missing required field 'source'")
    outcome = _choice(values.get("outcome"), "outcome", OUTCOMES, None)
    kind = _choice(values.get("kind"), "kind", KINDS, "claim") or "claim"
    if outcome is None:
        raise ClaimValueError("missing required field 'outcome'")
    low = parse_count(values.get("low"), "low")
    high = parse_count(values.get("high"), "high")
    if low is not None and high is not None and low > high:
        raise ClaimValueError(f"low ({low}) is greater than high ({high})")
    qualifier = _text(values.get("qualifier"))
    text = _text(values.get("text"))
    if low is None and high is None and qualifier is None and text is None and kind != "omission":
        raise ClaimValueError("a claim needs one of low, high, qualifier or text")
    date = parse_date(values.get("date"), "date")
    date_end = parse_date(values.get("date_end"), "date_end")
    if date and date_end and date_end < date:
        raise ClaimValueError(f"date_end ({date_end}) is before date ({date})")
    keys = extra_order if extra_order is not None else [k for k in values if k not in FIELDS]
    extra = tuple((k, "" if values.get(k) is None else str(values.get(k))) for k in keys)
    claim = Claim(
        claim_id=_text(values.get("claim_id")) or "",
        kind=kind,
        source=source,
        source_type=_choice(values.get("source_type"), "source_type", SOURCE_TYPES, None)
        or "unknown",
        reported_by=_text(values.get("reported_by")),
        doc=_text(values.get("doc")),
        span=parse_span(values.get("span")),
        published=parse_date(values.get("published"), "published"),
        date=date,
        date_end=date_end,
        date_precision=_choice(
            values.get("date_precision"), "date_precision", DATE_PRECISIONS, None
        ),
        location=_text(values.get("location")),
        admin1=_text(values.get("admin1")),
        country=_text(values.get("country")),
        lat=parse_coord(values.get("lat"), "lat", 90.0),
        lon=parse_coord(values.get("lon"), "lon", 180.0),
        perpetrator=_text(values.get("perpetrator")),
        victim=_text(values.get("victim")),
        victim_category=_choice(
            values.get("victim_category"), "victim_category", VICTIM_CATEGORIES, None
        ),
        outcome=outcome,
        low=low,
        high=high,
        qualifier=qualifier,
        text=text,
        url=_text(values.get("url")),
        incident_id=_text(values.get("incident_id")),
        extra=extra,
    )
    return claim.with_id()
