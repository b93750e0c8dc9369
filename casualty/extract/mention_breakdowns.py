"""A toll followed by its breakdown between commas: "Twelve guards, ten reserve conscripts and
two officers, had died" is twelve killed, and its parts are no claims of their own.

Used by `casualty.extract.mentions` before figures are matched to outcomes, as the other
relations of a sentence's figures in `mention_rules` are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from casualty import rx

if TYPE_CHECKING:
    from casualty.extract.counts import Count

#: A short noun phrase without figures or clause marks: "guards", "reserve conscripts".
_NP: Final = r"(?:\s+[^\W\d_][\w'’-]*){1,4}"
#: After a toll's noun phrase, the comma that opens its breakdown.
_BREAKDOWN_OPEN: Final = rx.compile(_NP + r"\s*,\s+")
#: Between two parts of the breakdown: "ten reserve conscripts and two officers".
_BREAKDOWN_JOIN: Final = rx.compile(_NP + r"\s*(?:,\s+(?:and\s+)?|\s+and\s+)")
#: After its last part, the comma that closes the breakdown, then the toll's verb.
_BREAKDOWN_CLOSE: Final = rx.compile(
    _NP + r"\s*,(?=\s+(?:were|was|are|is|had|have|has|died|perished|all)\b)", re.IGNORECASE
)


def breakdowns(text: str, counts: list[Count]) -> tuple[str, list[Count]]:
    """`text` and `counts` without the breakdown of a toll set off by commas before its verb:
    "Twelve guards, ten reserve conscripts and two officers, had died" is twelve killed; the
    parts (two or more, summing to at most the toll) are no claims of their own, as "4 of them
    women" is not. The breakdown is blanked (same length, so offsets hold) so that the toll
    reaches its verb; one that tells only some of the toll ("Ten soldiers, six conscripts and
    three officers, were killed": one left untold) leaves the toll too, its parts optional. A
    list ("killed 3 soldiers, 2 police and 1 guard, the army said") has no verb after its
    closing comma and sums no figure before it."""
    if len(counts) < 3 or text.count(",") < 2:
        return text, counts
    i = 0
    while i < len(counts) - 2:
        total = counts[i]
        opened = _BREAKDOWN_OPEN.fullmatch(text, total.end, counts[i + 1].start)
        parts = _breakdown_parts(text, counts, i + 1) if opened is not None else None
        if parts is None or total.low is None or total.low != total.high:
            i += 1
            continue
        last, close = parts
        lows = [c.low for c in counts[i + 1 : last + 1]]
        if (
            any(c.low != c.high for c in counts[i + 1 : last + 1])
            or sum(low or 0 for low in lows) > total.low
            or None in lows
        ):
            i += 1
            continue
        comma = total.end + text[total.end : counts[i + 1].start].rindex(",")
        text = text[:comma] + " " * (close - comma) + text[close:]
        counts = counts[: i + 1] + counts[last + 1 :]
        i += 1
    return text, counts


def _breakdown_parts(text: str, counts: list[Count], first: int) -> tuple[int, int] | None:
    """The index of the breakdown's last figure from `counts[first]` on, and the end of its
    closing comma, else None."""
    j = first
    while j + 1 < len(counts) and _BREAKDOWN_JOIN.fullmatch(
        text, counts[j].end, counts[j + 1].start
    ):
        j += 1
    if j == first:
        return None  # one part is an aside ("8 civilians, 3 children, ..."), not a breakdown
    close = _BREAKDOWN_CLOSE.match(text, counts[j].end)
    return (j, close.end()) if close is not None else None


#: After a listed object's figure, its noun and the join to the next figure of the list:
#: "three soldiers and seven", "three soldiers, 12" (not a place: "30 in Homs and 10 ...").
_LIST_GOES_ON: Final = rx.compile(
    r"(?!\s+(?:in|at|on|near|across|from|of)\b)"
    + _NP
    + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:at\s+least\s+|more\s+than\s+|about\s+)?"
    r"(?:\d|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores)\b)",
    re.IGNORECASE,
)


def listed_object(text: str, gap_start: int, start: int, end: int) -> bool:
    """Whether the figure at `start`..`end`, after a bare comma that ends the object before
    it (at `gap_start`), is a middle item of a list of objects that goes on to another
    figure: "killed one civilian, three soldiers and seven militiamen" (the comma alone
    joins no second object: "killed two, the army said")."""
    if text[gap_start:start].strip() != ",":
        return False
    return _LIST_GOES_ON.match(text, end) is not None
