"""Hand-built claims for the clustering tests: each file's defaults, a fresh id per claim."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from casualty.model import Claim


def claim_factory(
    claim_id: str, doc: str, source: str = "Monitor", **defaults: object
) -> Callable[..., Claim]:
    """A `claim(**fields)` for hand-built claim sets: outcome "killed" and `defaults`, with
    the given fields over them.

    `claim_id`, `doc` and `source` are formats of the call's number n, counted per factory
    from 0 (`claim_factory("t{n:06d}", "doc{n}")` gives t000000/doc0, then t000001/doc1), so
    every claim is a report of its own unless a test says otherwise.
    """
    numbers = itertools.count()

    def claim(**fields: object) -> Claim:
        n = next(numbers)
        base: dict[str, object] = {
            "source": source.format(n=n),
            "outcome": "killed",
            "claim_id": claim_id.format(n=n),
            "doc": doc.format(n=n),
            **defaults,
        }
        base.update(fields)
        return Claim(**base)  # type: ignore[arg-type]

    return claim
