"""The clustering run: features → candidate pairs → scores → incidents → ids and links."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

from casualty.cluster import assign, blocking, features, ids, scoring
from casualty.cluster.claim_fields import Fields, FrameFields, TableFields, with_claim_ids
from casualty.cluster.features import EXACT, KIND_CODES, Table
from casualty.cluster.links import Links as Links
from casualty.cluster.links import best_links
from casualty.cluster.places import NEAR
from casualty.model import Claim

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from casualty.io.claim_table import ClaimTable
    from casualty.registry import Registry

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]
    BoolArray = npt.NDArray[np.bool_]

_PERIOD = KIND_CODES["period_total"]
_OMISSION = KIND_CODES["omission"]


def names_incident(t: Table) -> IntArray:
    """Which claims take part in incident clustering: all but period totals that name none."""
    import numpy as np

    period = t.kind == _PERIOD
    named = (t.dating == EXACT) & (t.level >= NEAR)
    return np.asarray(~period | named)


def run(
    claims: Sequence[Claim], threshold: float, registry: Registry | None
) -> tuple[list[str], Links]:
    """Incident id of every claim (input order) and the link of every claim."""
    return cluster_frame(features.claims_frame(claims), threshold, registry)


def canonical_order(frame: pd.DataFrame) -> IntArray:
    """Row order by claim id (then content): codes, keys and ties never follow input order."""
    import numpy as np

    key = frame["claim_id"].astype(str)
    if not key.is_unique:
        # `str` of each value (astype(str) keeps missing values missing, which join refuses).
        key = key + "\x1f" + frame.map(str).agg("\x1f".join, axis=1)
    # Fixed-width unicode sorts in C, unlike an object array of str.
    return np.asarray(np.argsort(key.to_numpy(dtype=np.str_), kind="stable"), dtype=np.int64)


def cluster_frame(
    frame: pd.DataFrame, threshold: float, registry: Registry | None
) -> tuple[list[str], Links]:
    """Incident id of every row of a claims frame (`features.COLUMNS`), and the links.

    The columnar path for large inputs: no `Claim` records are built.
    """
    frame = frame.reindex(columns=list(features.COLUMNS))
    order = canonical_order(frame)
    with _gc_paused():
        ordered = FrameFields(frame, order)
        del frame
        t, period = _features(ordered, registry)
        # The text is let go before the pair stages, whose peak limits the input size.
        del ordered
        return _finish(t, period, order, threshold)


def cluster_table(
    table: ClaimTable, threshold: float, registry: Registry | None
) -> tuple[list[str], Links]:
    """Incident id of every row of a `ClaimTable`, and the links: what `cluster_claims` gives
    for `table.claims()`, read from the table's codes (no frame or records are built)."""
    fields = TableFields.of(with_claim_ids(table), features.COLUMNS)
    order = fields.canonical_order()
    with _gc_paused():
        t, period = _features(fields.reordered(order), registry)
        return _finish(t, period, order, threshold)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The run allocates many small objects while a million records may be alive: cyclic
    garbage collection would rescan them again and again, for no garbage to find."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _features(ordered: Fields, registry: Registry | None) -> tuple[Table, dict[int, Any]]:
    """The features of fields in canonical order, and the date, end date and source of each
    period total that names no incident (the only rows whose text is needed later)."""
    import numpy as np

    t = features.build_fields(_countries_of_namesakes(ordered), registry)
    rows = np.flatnonzero(~names_incident(t))
    period = zip(*(ordered.take(name, rows).tolist() for name in _PERIOD_FIELDS), strict=True)
    return t, dict(zip(rows.tolist(), period, strict=True))


def _finish(
    t: Table, period: dict[int, Any], order: IntArray, threshold: float
) -> tuple[list[str], Links]:
    """Incident ids in input order (`order`: the input row of each canonical row), and links."""
    import numpy as np

    _release_freed_memory()
    incident_sorted, links = _run_sorted(t, period, threshold)
    incident = np.empty(len(order), dtype=object)
    incident[order] = incident_sorted
    return incident.tolist(), links


_PERIOD_FIELDS: Final = ("date", "date_end", "source")


def _countries_of_namesakes(fields: Fields) -> Fields:
    """A claim that names a place but no country takes the country the input's other claims
    give that place, when they all give the same one.

    Read alone, a name may resolve to a namesake abroad ("Sahar" in Oman for a town in Yemen)
    or to no place at all, and then matches none of its incident's reports: the reports that
    name the place with its country say which one is meant. A place given with several
    countries lends none. A location is matched as written; a claim without one, by its
    admin area.
    """
    import numpy as np
    import pandas as pd

    from casualty.cluster.places import country_of

    cc_codes, cc_values = fields.coded("country")
    iso = [country_of(v) if isinstance(v, str) else None for v in cc_values.tolist()]
    iso_codes, iso_values = pd.factorize(pd.Series([*iso, None], dtype=object))
    row_iso = iso_codes[cc_codes]  # the sentinel -1 picks the trailing None
    if not (row_iso < 0).any():
        return fields
    filled = row_iso.copy()
    for column in ("location", "admin1"):
        names, values = fields.coded(column)
        blank = np.array([not (isinstance(v, str) and v.strip()) for v in values.tolist()])
        names = np.where(blank[names], -1, names) if blank.any() else names
        need = (filled < 0) & (names >= 0)
        if not need.any():
            continue
        known = (row_iso >= 0) & (names >= 0)
        top = names.max() + 1
        low = np.full(top, np.iinfo(np.int64).max, dtype=np.int64)
        high = np.full(top, -1, dtype=np.int64)
        np.minimum.at(low, names[known], row_iso[known])
        np.maximum.at(high, names[known], row_iso[known])
        one = np.where(low == high, high, -1)
        filled = np.where(need, one[np.maximum(names, 0)], filled)
        if column == "location":
            filled = _read_among(filled, names, values, list(iso_values))
    borrowed = np.flatnonzero((filled >= 0) & (row_iso < 0))
    if len(borrowed) == 0:
        return fields
    return fields.replaced("country", borrowed, list(np.asarray(iso_values)[filled[borrowed]]))


def _read_among(filled: IntArray, names: IntArray, values: Any, countries: list[Any]) -> IntArray:
    """Claims whose place no report gives with a country read its name among the input's
    countries: a namesake in one of them, not a more populous one elsewhere."""
    import numpy as np

    from casualty.cluster.places import strip_relative
    from casualty.geo import gazetteer

    index = {c: k for k, c in enumerate(countries) if isinstance(c, str) and len(c) == 2}
    rest = (filled < 0) & (names >= 0)
    if not index or not rest.any():
        return filled
    wanted = np.unique(names[rest])
    found = np.full(len(values), -1, dtype=np.int64)
    gaz, present = gazetteer(), sorted(index)
    for k in wanted.tolist():
        place = gaz.lookup(strip_relative(str(values[k]))[0], None, present)
        if place is not None and place.country in index:
            found[k] = index[place.country]
    return np.asarray(np.where(rest, found[np.maximum(names, 0)], filled), dtype=np.int64)


#: Pairs scored at a time (`scoring.CHUNK`).
SCORE_CHUNK: Final = scoring.CHUNK


def _scores(
    t: Table, a: IntArray, b: IntArray
) -> tuple[FloatArray, FloatArray, BoolArray, BoolArray, BoolArray, BoolArray]:
    """(score, figures bonus, same place, same document, conflict, same victims) of every
    pair, in chunks.

    Chunks are scored on `blocking.WORKERS` threads (numpy lets go of the GIL on large
    arrays); each writes its own slice, so the result does not depend on the order they
    finish in.
    """
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    m = len(a)
    score, bonus = np.zeros(m), np.zeros(m)
    same_place, same_doc, conflict, accord = (np.zeros(m, dtype=bool) for _ in range(4))
    col = {name: k for k, name in enumerate(scoring.FEATURES)}

    def chunk(s: int) -> None:
        e = min(s + SCORE_CHUNK, m)
        total, parts = scoring.score_pairs(t, a[s:e], b[s:e])
        score[s:e] = total
        bonus[s:e] = parts[:, col["figures"]]
        same_place[s:e] = parts[:, col["place"]] >= 2.0
        same_doc[s:e] = parts[:, col["same_document"]] > 0
        actors = parts[:, [col["perpetrator"], col["victim"]]]
        # Other actors, a pair that scores below nothing, or an article telling another
        # attack beside its own (`scoring.OTHER_ATTACK`): two incidents on one seed key.
        other = parts[:, col["same_document"]] < 0
        conflict[s:e] = (actors.sum(axis=1) < 0) | (total < 0) | other
        accord[s:e] = parts[:, col["victim"]] > 0

    with ThreadPoolExecutor(max_workers=blocking.WORKERS) as pool:
        list(pool.map(chunk, range(0, m, SCORE_CHUNK)))
    return score, bonus, same_place, same_doc, conflict, accord


def _release_freed_memory() -> None:
    """Hand memory freed by a stage back to the system before the next one allocates.

    pandas keeps text in pyarrow buffers when pyarrow is installed, and its allocator holds
    on to freed pages; glibc's malloc keeps freed pages of each thread's arena. Either would
    stay resident through the pair stages, whose peak is what limits the input size.
    """
    import ctypes
    import sys

    pyarrow = sys.modules.get("pyarrow")
    if pyarrow is not None:
        pyarrow.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6")
        except OSError:  # another C library: nothing to trim
            return
        trim = getattr(libc, "malloc_trim", None)
        if trim is not None:
            trim(0)


def _run_sorted(t: Table, period: dict[int, Any], threshold: float) -> tuple[list[str], Links]:
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    a, b = blocking.candidate_pairs(t)
    active = names_incident(t)
    keep = active[a] & active[b]
    a, b = a[keep], b[keep]
    del keep
    _release_freed_memory()
    score, bonus, same_place, same_doc, conflict, accord = _scores(t, a, b)
    _release_freed_memory()
    label = assign.cluster(
        t, a, b, score, bonus, same_place, same_doc, conflict, threshold, accord=accord
    )
    del bonus, same_place, same_doc, conflict, accord
    label = _omissions_follow_victims(t, a, b, label)
    label = np.where(active, label, -1)

    # Ids and links are independent: the links (numpy) are found while the ids are named.
    with ThreadPoolExecutor(max_workers=1) as pool:
        links = pool.submit(best_links, t, a, b, score, label)
        incident = ids.incident_ids(t, label)
        for i in np.flatnonzero(label < 0).tolist():
            date, date_end, source = period[i]
            incident[i] = ids.period_id(date, date_end, source, t, i)
        other, best_score, best_parts = links.result()
    return incident, Links(t, other, best_score, best_parts)


def _omissions_follow_victims(t: Table, a: IntArray, b: IntArray, label: IntArray) -> IntArray:
    """An omission moves to the incident of a same-document claim about the same victims."""
    import numpy as np

    om_a = (t.kind[a] == _OMISSION) & (t.kind[b] != _OMISSION)
    om_b = (t.kind[b] == _OMISSION) & (t.kind[a] != _OMISSION)
    om = np.concatenate([a[om_a], b[om_b]])
    mate = np.concatenate([b[om_a], a[om_b]])
    match = (t.doc[om] == t.doc[mate]) & (t.doc[om] > 0) & (t.victim[om] == t.victim[mate])
    match &= t.victim[om] > 0
    om, mate = om[match], mate[match]
    if len(om) == 0:
        return label
    out = label.copy()
    order = np.lexsort((label[mate], om))
    om, mate = om[order], mate[order]
    first = np.ones(len(om), dtype=bool)
    first[1:] = om[1:] != om[:-1]
    out[om[first]] = label[mate[first]]
    return out
