"""Read many CSV rows into claims a column at a time (the fast path of `io.chunked`).

Each column goes through its field's memo in one pass and the claims are built in another:
the same claims `values.claim_from_mapping` makes row by row, at about half the cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from casualty.io.values import MEMOISED, ClaimValueError, new_claim, parse_span, text_value
from casualty.model import Claim, make_claim_id


def claims_from_cells(
    header: Sequence[str], rows: Sequence[Sequence[str]], extra_columns: Sequence[str]
) -> list[Claim]:
    """The claims of CSV rows (cells under `header`), read a column at a time.

    Gives what `claim_from_mapping(dict(zip(header, row)), extra_columns)` gives row by row,
    at about half the cost: each column goes through its memo in one pass and the records
    are built in another. A fault in any row raises `ClaimValueError` without saying which:
    the caller reads the rows one by one again for the error of the first faulty one.
    """
    if not rows:
        return []
    n = len(rows)
    columns = list(zip(*rows, strict=True))
    at = {name: i for i, name in enumerate(header)}
    missing: tuple[None, ...] = (None,) * n

    def cells(name: str) -> Sequence[Any]:
        i = at.get(name)
        return missing if i is None else columns[i]

    if extra_columns:
        values = zip(*(columns[at[name]] for name in extra_columns), strict=True)
        extra: Sequence[Any] = [tuple(zip(extra_columns, v, strict=True)) for v in values]
    else:
        extra = ((),) * n
    return _claims_of_columns(cells, extra)


def _claims_of_columns(cells: Callable[[str], Sequence[Any]], extra: Sequence[Any]) -> list[Claim]:
    """`_claim` on every record, a field at a time; `cells(name)` is a field's column."""

    def read(memo: Any, name: str) -> list[Any]:
        return list(map(memo.__getitem__, cells(name)))

    def own(name: str) -> list[str | None]:
        return [v.strip() or None if type(v) is str else text_value(v) for v in cells(name)]

    r = MEMOISED
    source = read(r.text, "source")
    if None in source:
        raise ClaimValueError("missing required field 'source'")
    outcome = read(r.outcome, "outcome")
    kind = [k or "claim" for k in read(r.kind, "kind")]
    if None in outcome:
        raise ClaimValueError("missing required field 'outcome'")
    low = read(r.low, "low")
    high = read(r.high, "high")
    if any(a is not None and b is not None and a > b for a, b in zip(low, high, strict=True)):
        raise ClaimValueError("low is greater than high")
    qualifier = read(r.text, "qualifier")
    said = own("text")
    for a, b, q, s, k in zip(low, high, qualifier, said, kind, strict=True):
        if a is None and b is None and q is None and s is None and k != "omission":
            raise ClaimValueError("a claim needs one of low, high, qualifier or text")
    date = read(r.date, "date")
    date_end = read(r.date_end, "date_end")
    if any(a and b and b < a for a, b in zip(date, date_end, strict=True)):
        raise ClaimValueError("date_end is before date")
    claims = list(
        map(
            new_claim,
            source,
            outcome,
            kind,
            [v or "" for v in own("claim_id")],
            [v or "unknown" for v in read(r.source_type, "source_type")],
            read(r.text, "reported_by"),
            list(map(text_value, cells("doc"))),
            list(map(parse_span, cells("span"))),
            read(r.published, "published"),
            date,
            date_end,
            read(r.date_precision, "date_precision"),
            read(r.text, "location"),
            read(r.text, "admin1"),
            read(r.text, "country"),
            read(r.lat, "lat"),
            read(r.lon, "lon"),
            read(r.text, "perpetrator"),
            read(r.text, "victim"),
            read(r.victim_category, "victim_category"),
            low,
            high,
            qualifier,
            said,
            own("url"),
            list(map(text_value, cells("incident_id"))),
            extra,
        )
    )
    for claim in claims:
        if not claim.claim_id:
            object.__setattr__(claim, "claim_id", make_claim_id(claim))
    return claims
