"""Which claims are dated only by their publication: extraction gives a sentence that names
no day the article's publication day, which most often follows the incident by a day."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    BoolArray = npt.NDArray[np.bool_]

#: Words that name a day or a date in a claim's text ("on Sunday", "yesterday", "25 May").
_NAMES_DAY: Final = re.compile(
    r"\b(?:yesterday|today|tonight|overnight|last night|this morning|this afternoon|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?)\b",
    re.IGNORECASE,
)


def names_no_day(text: Any) -> bool:
    """Whether `text` is a claim's text that names no day or date (False for no text)."""
    return isinstance(text, str) and _NAMES_DAY.search(text) is None


def flags(texts: pd.Series, on_publication: BoolArray) -> BoolArray:
    """Per claim: dated to its publication day (`on_publication`) by a text naming no day."""
    import numpy as np

    rows = np.flatnonzero(on_publication)
    silent = [names_no_day(x) for x in texts.take(rows).tolist()]
    out = np.zeros(len(on_publication), dtype=bool)
    out[rows[np.asarray(silent, dtype=bool)]] = True
    return out
