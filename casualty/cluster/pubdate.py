"""Which claims are dated only by their publication: extraction gives a sentence that names
no day the article's publication day, which most often follows the incident by a day."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    BoolArray = npt.NDArray[np.bool_]

#: Words that name a day or a date in a claim's text ("on Sunday", "yesterday", "25 May").
_DAY_WORDS: Final = (
    r"\b(?:yesterday|today|tonight|overnight|last night|this morning|this afternoon|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\b"
)
_NAMES_DAY: Final = re.compile(_DAY_WORDS, re.IGNORECASE)
#: The same on lower-cased ASCII text, where it finds what `_NAMES_DAY` finds (case folding
#: only differs on other letters: the Kelvin sign, the long s), at a third of the cost.
_NAMES_DAY_LOWER: Final = re.compile(_DAY_WORDS)


def names_no_day(text: Any) -> bool:
    """Whether `text` is a claim's text that names no day or date (False for no text)."""
    if not isinstance(text, str):
        return False
    if text.isascii():
        return _NAMES_DAY_LOWER.search(text.lower()) is None
    return _NAMES_DAY.search(text) is None


def silent(texts: pd.Series) -> BoolArray:
    """`names_no_day` of each text."""
    import numpy as np

    found = _silent_arrow(texts)
    if found is None:
        found = np.fromiter(map(names_no_day, texts.tolist()), dtype=bool, count=len(texts))
    return found


def _silent_arrow(texts: pd.Series) -> BoolArray | None:
    """`names_no_day` of each text, the ASCII ones matched in C by pyarrow's regex engine;
    None where `_ascii_arrow` gives nothing.

    RE2's `\\b` knows only ASCII word characters ("Mayādīn" has a word "May" to it), so
    texts with other characters go through `names_no_day`.
    """
    import numpy as np

    arrow = _ascii_arrow(texts)
    if arrow is None:
        return None
    pc, arr, ascii_text = arrow
    named = pc.fill_null(pc.match_substring_regex(arr, _DAY_WORDS, ignore_case=True), True)
    silent = np.asarray(pc.and_(ascii_text, pc.invert(named)), dtype=bool)
    other = np.flatnonzero(~np.asarray(ascii_text, dtype=bool) & np.asarray(arr.is_valid()))
    if len(other):
        values = texts.take(other).tolist()
        silent[other] = np.fromiter(map(names_no_day, values), dtype=bool, count=len(other))
    return silent


def may_match(texts: pd.Series, pattern: str) -> BoolArray | None:
    """Per text whether case-insensitive `pattern` may match it: ASCII texts are searched
    in C by pyarrow's regex engine (as `_silent_arrow`), other texts and missing ones are
    kept for Python to read. None where `_ascii_arrow` gives nothing."""
    import numpy as np

    arrow = _ascii_arrow(texts)
    if arrow is None:
        return None
    pc, arr, ascii_text = arrow
    found = pc.fill_null(pc.match_substring_regex(arr, pattern, ignore_case=True), False)
    return np.asarray(pc.or_(found, pc.invert(ascii_text)), dtype=bool)


def _ascii_arrow(texts: pd.Series) -> tuple[Any, Any, Any] | None:
    """(`pyarrow.compute`, the texts as an arrow array, which of them are ASCII: missing ones
    are not); None when pyarrow is not loaded already (importing it would cost more than it
    saves) or the column holds other objects than text."""
    pc = sys.modules.get("pyarrow.compute")
    pa = sys.modules.get("pyarrow")
    if pc is None or pa is None:
        return None
    try:
        arr = pa.array(texts, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    return pc, arr, pc.fill_null(pc.string_is_ascii(arr), False)
