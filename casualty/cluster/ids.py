"""Readable, stable incident ids (SPEC §6): `YYYY-MM-DD-place-slug`, `-2`, `-3` ...

- The date is the most common exact day among the incident's claims (the earliest on a tie);
  the publication day given to a report whose text names no day counts only where no report
  names its day. With no exact day, the latest day its window allows (for publication-only
  dating: the earliest publication); `undated` when no claim has a date.
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
import functools
from typing import TYPE_CHECKING

from casualty.cluster import arrays
from casualty.cluster.features import EXACT, NO_DAY, UNDATED, Table
from casualty.cluster.places import ADMIN, COUNTRY, NEAR, slug

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

_EPOCH = dt.date(1970, 1, 1)


def day_text(day: int) -> str:
    return (_EPOCH + dt.timedelta(days=day)).isoformat()


def incident_ids(t: Table, label: IntArray) -> list[str]:
    """The incident id of every claim's cluster ("" where label < 0)."""
    import numpy as np

    n = len(t)
    rows = np.flatnonzero(label >= 0)
    if len(rows) == 0:
        return [""] * n
    _, group = arrays.unique_inverse(label[rows])
    n_groups = int(group.max()) + 1
    base = [
        f"{d}-{p}"
        for d, p in zip(
            _dates(t, rows, group, n_groups), _places(t, rows, group, n_groups), strict=True
        )
    ]
    pub = np.full(n_groups, 10**9, dtype=np.int64)
    np.minimum.at(pub, group, np.where(t.pub[rows] == NO_DAY, 10**9, t.pub[rows]))
    # Rows come sorted by claim id: the smallest row is the smallest claim id.
    first = np.full(n_groups, n, dtype=np.int64)
    np.minimum.at(first, group, rows)
    _, base_rank = np.unique(np.array(base, dtype=np.str_), return_inverse=True)
    order = np.lexsort((first, pub, base_rank.reshape(-1)))
    ranked = base_rank.reshape(-1)[order]
    starts = np.flatnonzero(np.concatenate([[True], ranked[1:] != ranked[:-1]]))
    run = np.repeat(starts, np.diff(np.concatenate([starts, [len(order)]])))
    names = np.array(base, dtype=object)
    suffix = np.empty(n_groups, dtype=np.int64)
    suffix[order] = np.arange(len(order)) - run + 1
    for g in np.flatnonzero(suffix > 1).tolist():
        names[g] = f"{base[g]}-{suffix[g]}"
    out = np.full(n, "", dtype=object)
    out[rows] = names[group]
    return list(out.tolist())


def _mode(group: IntArray, value: IntArray, n_groups: int) -> IntArray:
    """Per group, its most common value, the smallest on a tie (-1 for a group without any).

    Values are non-negative ranks: a smaller rank is the smaller value.
    """
    import numpy as np

    out = np.full(n_groups, -1, dtype=np.int64)
    if len(group) == 0:
        return out
    width = np.int64(value.max()) + 1
    pairs, count = np.unique(group * width + value, return_counts=True)
    g, v = pairs // width, pairs % width
    order = np.lexsort((v, -count, g))
    g, v = g[order], v[order]
    first = np.concatenate([[True], g[1:] != g[:-1]])
    out[g[first]] = v[first]
    return out


def _dates(t: Table, rows: IntArray, group: IntArray, n_groups: int) -> list[str]:
    """Per group: the most common exact day, else the latest day its windows allow."""
    import numpy as np

    exact = t.dating[rows] == EXACT
    day = np.full(n_groups, np.iinfo(np.int64).max, dtype=np.int64)
    dated = t.dating[rows] != UNDATED
    np.minimum.at(day, group[dated], t.hi[rows[dated]])
    # A day a report's text names outranks a publication day given to a text that names none
    # (see `pubdate`): the latter counts only in a group without the former.
    by_pub = t.by_pub[rows] if t.by_pub is not None else np.zeros(len(rows), dtype=bool)
    for chosen in (exact & by_pub, exact & ~by_pub):
        if chosen.any():
            lo = t.lo[rows[chosen]]
            shift = int(lo.min())
            common = _mode(group[chosen], lo - shift, n_groups)
            day = np.where(common >= 0, common + shift, day)
    known = day != np.iinfo(np.int64).max
    values, inverse = np.unique(day[known], return_inverse=True)
    texts = np.array([day_text(int(d)) for d in values.tolist()] + ["undated"], dtype=object)
    index = np.full(n_groups, len(values), dtype=np.int64)
    index[known] = inverse.reshape(-1)
    return list(texts[index].tolist())


def _ranks(texts: list[str]) -> IntArray:
    """Each text's rank in sorted order (equal texts, equal ranks)."""
    import numpy as np

    if not texts:
        return np.zeros(0, dtype=np.int64)
    _, inverse = np.unique(np.array(texts, dtype=np.str_), return_inverse=True)
    return np.asarray(inverse.reshape(-1), dtype=np.int64)


def _places(t: Table, rows: IntArray, group: IntArray, n_groups: int) -> list[str]:
    """Per group: the most common slug at the most specific level, else the country."""
    import numpy as np
    import pandas as pd

    level = t.level[rows]
    top = np.full(n_groups, -1, dtype=np.int64)
    np.maximum.at(top, group, level)
    codes, uniques = pd.factorize(pd.Series([t.place_name[i] for i in rows.tolist()], dtype=object))
    slugs = [_slug(v) for v in uniques.tolist()] + [""]
    rank = np.append(_ranks(slugs[:-1]), -1)[codes]
    named = (level == top[group]) & (level >= ADMIN) & (rank >= 0)
    named[named] = np.array([slugs[c] != "" for c in codes[named].tolist()], dtype=bool)
    best = _mode(group[named], rank[named], n_groups)
    by_rank = dict(zip(rank[named].tolist(), codes[named].tolist(), strict=True))
    country = t.country[rows]
    with_country = (country > 0) & (level >= COUNTRY)
    country_rank = _ranks(t.countries)
    best_country = _mode(group[with_country], country_rank[country[with_country]], n_groups)
    country_of_rank = dict(zip(country_rank.tolist(), t.countries, strict=True))
    # Each named rank's and each country rank's slug once, then every group's by lookup.
    named_slug = np.empty(max(by_rank, default=-1) + 1, dtype=object)
    for r, c in by_rank.items():
        named_slug[r] = slugs[c]
    country_slug = np.empty(max(country_of_rank, default=-1) + 2, dtype=object)
    country_slug[-1] = "unknown"
    for r, name in country_of_rank.items():
        country_slug[r] = _slug(name) or "unknown"
    out = country_slug[best_country]  # -1: no country, the trailing "unknown"
    has = best >= 0
    out[has] = named_slug[best[has]]
    for g in np.flatnonzero(has & (top == NEAR)).tolist():
        out[g] = f"near-{out[g]}"
    return list(out.tolist())


@functools.lru_cache(maxsize=100_000)
def _slug(name: str) -> str:
    return slug(name) if name else ""


def period_id(date: object, date_end: object, source: object, t: Table, i: int) -> str:
    """The id of a period total that names no incident."""
    start = date[:10] if isinstance(date, str) and date else "undated"
    end = date_end[:10] if isinstance(date_end, str) and date_end else ""
    span = f"--{end}" if end and end != start else ""
    level = int(t.level[i])
    name = t.place_name[i] if level >= ADMIN else t.countries[int(t.country[i])]
    place = _slug(name or "") or "unknown"
    if level == NEAR:
        place = f"near-{place}"
    who = _slug(source if isinstance(source, str) else "") or "unknown"
    return f"period-{start}{span}-{place}-{who}"
