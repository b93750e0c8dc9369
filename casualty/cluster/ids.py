"""Readable, stable incident ids (SPEC §6): `YYYY-MM-DD-place-slug`, `-2`, `-3` ...

- The date is the most common exact day among the incident's claims (the earliest on a tie);
  with none, the latest day its window allows (for publication-only dating: the earliest
  publication); `undated` when no claim has a date.
- The place is the most specific place named (the most common name at that level, the
  smallest slug on a tie): a town, else `near-<town>`, else the admin area, else the country
  code, else `unknown`.
- Distinct incidents with the same date and place are numbered by a content key: the earliest
  publication among their claims, then the smallest claim id. Incidents reported later
  therefore take the next free suffix and existing ids stay put. Residual case: a new claim
  whose publication is earlier than every claim of an existing same-day same-place incident
  (or a new incident reported earlier than it) can still renumber the suffixes of that one
  date and place.
- Period totals that name no incident get `period-<start>[--<end>]-<place>-<source>`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from casualty.cluster.features import EXACT, NO_DAY, UNDATED, Table
from casualty.cluster.places import ADMIN, COUNTRY, NEAR, slug
from casualty.model import Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

_EPOCH = dt.date(1970, 1, 1)


def day_text(day: int) -> str:
    return (_EPOCH + dt.timedelta(days=day)).isoformat()


def _place_slug(t: Table, members: Sequence[int]) -> str:
    top = max(int(t.level[i]) for i in members)
    if top >= ADMIN:
        names = Counter(
            slug(name)
            for i in members
            if int(t.level[i]) == top and (name := t.place_name[i]) is not None
        )
        names.pop("", None)
        if names:
            best = min(names, key=lambda s: (-names[s], s))
            return f"near-{best}" if top == NEAR else best
    codes = Counter(t.countries[int(t.country[i])] for i in members if int(t.country[i]) > 0)
    if top >= COUNTRY and codes:
        return slug(min(codes, key=lambda s: (-codes[s], s))) or "unknown"
    return "unknown"


def _date_text(t: Table, members: Sequence[int]) -> str:
    exact = Counter(int(t.lo[i]) for i in members if int(t.dating[i]) == EXACT)
    if exact:
        return day_text(min(exact, key=lambda d: (-exact[d], d)))
    windows = [int(t.hi[i]) for i in members if int(t.dating[i]) != UNDATED]
    return day_text(min(windows)) if windows else "undated"


def incident_ids(t: Table, label: IntArray, members_of: dict[int, list[int]]) -> dict[int, str]:
    """The incident id of every cluster label."""
    bases: dict[str, list[tuple[tuple[int, str], int]]] = {}
    for lab, members in members_of.items():
        base = f"{_date_text(t, members)}-{_place_slug(t, members)}"
        pubs = [int(t.pub[i]) for i in members if int(t.pub[i]) != NO_DAY]
        key = (min(pubs) if pubs else 10**9, min(t.ids[i] for i in members))
        bases.setdefault(base, []).append((key, lab))
    out: dict[int, str] = {}
    for base, entries in bases.items():
        entries.sort()
        for rank, (_, lab) in enumerate(entries, start=1):
            out[lab] = base if rank == 1 else f"{base}-{rank}"
    return out


def period_id(claim: Claim, t: Table, i: int) -> str:
    """The id of a period total that names no incident."""
    start = claim.date[:10] if claim.date else "undated"
    end = f"--{claim.date_end[:10]}" if claim.date_end and claim.date_end != claim.date else ""
    place = _place_slug(t, [i])
    who = slug(claim.source) or "unknown"
    return f"period-{start}{end}-{place}-{who}"
