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
import functools
from typing import TYPE_CHECKING

from casualty.cluster.features import EXACT, NO_DAY, UNDATED, Table
from casualty.cluster.places import ADMIN, COUNTRY, NEAR, slug

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    IntArray = npt.NDArray[np.int64]

_EPOCH = dt.date(1970, 1, 1)


def day_text(day: int) -> str:
    return (_EPOCH + dt.timedelta(days=day)).isoformat()


def incident_ids(t: Table, label: IntArray) -> list[str]:
    """The incident id of every claim's cluster ("" where label < 0)."""
    import numpy as np
    import pandas as pd

    n = len(t)
    names = pd.Series(t.place_name, dtype=object)
    codes, uniques = pd.factorize(names)
    slugs = np.array([_slug(v) for v in uniques.tolist()] + [""], dtype=object)[codes]
    frame = pd.DataFrame(
        {
            "label": label,
            "lo": t.lo,
            "hi": t.hi,
            "dating": t.dating,
            "level": t.level,
            "slug": slugs,
            "country": np.array(t.countries, dtype=object)[t.country],
            "pub": np.where(t.pub == NO_DAY, 10**9, t.pub),
            # Rows come sorted by claim id: the smallest row is the smallest claim id.
            "row": np.arange(n),
        }
    )
    frame = frame[frame["label"] >= 0]
    if frame.empty:
        return [""] * n
    date = _dates(frame)
    place = _places(frame)
    keys = frame.groupby("label").agg(pub=("pub", "min"), first=("row", "min"))
    keys["base"] = date.reindex(keys.index) + "-" + place.reindex(keys.index)
    keys = keys.reset_index().sort_values(["base", "pub", "first"], kind="stable")
    rank = keys.groupby("base").cumcount().to_numpy() + 1
    keys["name"] = np.where(rank == 1, keys["base"], keys["base"] + "-" + rank.astype(str))
    by_label = dict(zip(keys["label"].tolist(), keys["name"].tolist(), strict=True))
    return [by_label.get(int(lab), "") for lab in label.tolist()]


def _dates(frame: pd.DataFrame) -> pd.Series:
    """Per label: the most common exact day, else the latest day its windows allow."""
    import pandas as pd

    exact = frame[frame["dating"] == EXACT]
    counts = exact.groupby(["label", "lo"]).size().rename("n").reset_index()
    counts = counts.sort_values(["label", "n", "lo"], ascending=[True, False, True])
    best = counts.drop_duplicates("label").set_index("label")["lo"]
    dated = frame[frame["dating"] != UNDATED].groupby("label")["hi"].min()
    day = best.combine_first(dated)
    labels = pd.Index(frame["label"].unique())
    text = day.reindex(labels).map(lambda d: "undated" if d != d else day_text(int(d)))
    return text.astype(object)


def _places(frame: pd.DataFrame) -> pd.Series:
    """Per label: the most common slug at the most specific level, else the country."""
    import pandas as pd

    top = frame.groupby("label")["level"].transform("max")
    named = frame[(frame["level"] == top) & (frame["level"] >= ADMIN) & (frame["slug"] != "")]
    counts = named.groupby(["label", "slug", "level"]).size().rename("n").reset_index()
    counts = counts.sort_values(["label", "n", "slug"], ascending=[True, False, True])
    best = counts.drop_duplicates("label").set_index("label")
    slug_text = best["slug"].where(best["level"] != NEAR, "near-" + best["slug"])
    with_country = frame[(frame["country"] != "") & (frame["level"] >= COUNTRY)]
    country = (
        with_country.groupby(["label", "country"])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["label", "n", "country"], ascending=[True, False, True])
        .drop_duplicates("label")
        .set_index("label")["country"]
        .map(_slug)
    )
    labels = pd.Index(frame["label"].unique())
    out = slug_text.reindex(labels).combine_first(country.reindex(labels))
    return out.fillna("unknown").replace("", "unknown").astype(object)


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
