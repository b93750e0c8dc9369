"""One claim as the cells of a CSV row or as a line of JSON, quickly and exactly.

Writing a million claims cell by cell in Python costs more than clustering them; these
functions hand whole rows to C (`csv.writer`, `%`-formatting with a template, the json
module's string encoder) and stay byte-for-byte what `claim_to_row` with `csv.DictWriter`
or `json.dumps(..., ensure_ascii=False)` produce (tests/test_io_fastpaths.py checks).
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Sequence
from typing import Any

from casualty.model import FIELDS, Claim
from casualty.sanitize import FORMULA_STARTS, csv_safe

#: The values of a claim's SPEC §4 fields, in order, as one tuple.
FIELD_VALUES = operator.attrgetter(*FIELDS)
_SPAN_AT = FIELDS.index("span")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


#: Values the csv module writes as `cell_text` would (None empty, numbers by `str`): they pass
#: through as they are. Floats do not, so that `-inf` meets the formula check as text.
_WRITTEN_AS_IS = frozenset({str, int, bool, type(None)})


def csv_cells(claim: Claim, extra_columns: Sequence[str], formula_safe: bool) -> list[Any]:
    """The claim's cells under SPEC §4 columns then `extra_columns` (empty where it has none).

    Cells are text, or None and ints, which the csv module writes as `cell_text` would. With
    `formula_safe`, cells are as `csv_safe` makes them; it is called only on the text that
    could change (one starting like a formula), since a claim has 27 cells.
    """
    values = FIELD_VALUES(claim)
    if formula_safe:
        starts = FORMULA_STARTS
        cells = [
            v
            if v is None or (type(v) is str and v[:1] not in starts) or type(v) is int
            else csv_safe(cell_text(v))
            for v in values
        ]
    else:
        plain = _WRITTEN_AS_IS
        cells = [v if type(v) in plain else cell_text(v) for v in values]
    span = values[_SPAN_AT]
    if span is not None:
        cell = f"{span[0]}:{span[1]}"
        cells[_SPAN_AT] = csv_safe(cell) if formula_safe else cell
    if extra_columns:
        extra: dict[str, Any] = {}
        for key, value in claim.extra:
            extra.setdefault(key, value)  # the first of a repeated name, as in claim_to_row
        more = [cell_text(extra.get(name)) for name in extra_columns]
        cells.extend([csv_safe(c) for c in more] if formula_safe else more)
    return cells


class _NotPlain(Exception):
    """A value `json_line` leaves to the json module."""


def _json_float(value: float) -> str:
    if value != value:
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _json_pair(value: tuple[Any, ...]) -> str:
    if len(value) == 2 and type(value[0]) is int and type(value[1]) is int:
        return f"[{int.__repr__(value[0])}, {int.__repr__(value[1])}]"
    raise _NotPlain


# What json.dumps writes for a value of each exact type (allow_nan, ensure_ascii=False).
_JSON_VALUE: dict[type, Callable[[Any], str]] = {
    str: json.encoder.encode_basestring,
    type(None): {None: "null"}.__getitem__,
    bool: {True: "true", False: "false"}.__getitem__,
    int: int.__repr__,
    float: _json_float,
    tuple: _json_pair,  # a span, written as a JSON array
}
_JSON_LINE = "{" + ", ".join(f"{json.dumps(name)}: %s" for name in FIELDS) + "}\n"


def json_line(claim: Claim) -> str | None:
    """The claim as `json.dumps(claim_to_row(claim), ensure_ascii=False)` and a newline.

    None for a claim with extra columns or a value of another type than str, None, bool,
    int, float or a pair of ints: the caller then uses the json module itself.
    """
    if claim.extra:
        return None
    convert = _JSON_VALUE
    try:
        return _JSON_LINE % tuple([convert[type(v)](v) for v in FIELD_VALUES(claim)])
    except (KeyError, _NotPlain):
        return None
