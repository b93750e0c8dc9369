"""Which claims tell of another attack than the article's own: "Separately, ...", "In
another incident, ...", "killed in a previous strike on X".

An article's claims that are not vetoed by date or place form one unit and move together;
such a claim, told beside the article's own incident on the same day in the same town, went
with it. Its words say it is another attack, so its pairs with the article's other claims
lose the same-document bonus (`scoring`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    BoolArray = npt.NDArray[np.bool_]

#: One attack (not "separate attacks", which a lead sums up).
_ATTACK: Final = (
    r"(?:attack|strike|airstrike|air\s+strike|raid|bombing|blast|explosion|assault|ambush|"
    r"incident|shelling|operation|encounter|clash)\b(?!s)"
)
_OTHER: Final = re.compile(
    r"^\W*(?:separately|elsewhere)\b"
    # "another strike", not "yet another assault" (the article's own, one of a series)
    rf"|\b(?=[aA])(?:(?<!yet\s)another\s+(?:[\w-]+\s+){{0,2}}?{_ATTACK}"
    rf"|an?\s+(?:separate|previous|similar|earlier)\s+(?:[\w-]+\s+){{0,2}}?{_ATTACK})",
    re.IGNORECASE,
)
#: Words without which `_OTHER` cannot match, in lower-cased text (a cheap first pass).
_HINT: Final = re.compile("separately|elsewhere|another|separate|previous|similar|earlier")


def tells_other(text: object) -> bool:
    """Whether a claim's text tells of another attack than its article's own."""
    if not isinstance(text, str) or _HINT.search(text.lower()) is None:
        return False
    return _OTHER.search(text) is not None


def other_attacks(texts: pd.Series) -> BoolArray:
    """`tells_other` of each text."""
    import numpy as np

    return np.fromiter(map(tells_other, texts.tolist()), dtype=bool, count=len(texts))
