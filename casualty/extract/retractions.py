"""Deaths the text itself takes back: "A third man reported dead was later resuscitated",
"One soldier reported killed was later found alive". The figure stands for no death, so it
is no claim of one (a toll revised down, "lowered to nine", is read as the new figure)."""

from __future__ import annotations

import re
from typing import Final

from casualty import rx
from casualty.extract.mention_spans import Mention

#: A victim brought back or found living after being reported dead.
_BACK_ALIVE: Final = rx.compile(
    r"\b(?:resuscitated|revived|(?:found|confirmed|discovered|turned\s+up)\s+(?:to\s+be\s+)?"
    r"alive|(?:is|are|was|were)\s+(?:still\s+)?alive)\b",
    re.IGNORECASE,
)
#: What ends the clause of the retracted figure before the cue: another clause's figure stands.
_CLAUSE_BREAK: Final = rx.compile(r"[,;]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
#: How far after the figure the cue may stand.
_REACH: Final = 150
#: Cheap test: a sentence without these letters has no retraction.
_QUICK: Final = ("alive", "resuscitat", "revived")


def retracted(text: str, mention: Mention) -> bool:
    """True when `mention` is a death that its own clause then takes back."""
    if mention.outcome != "killed":
        return False
    low = text.lower()
    if not any(q in low for q in _QUICK):
        return False
    cue = _BACK_ALIVE.search(text, mention.end, mention.end + _REACH)
    if cue is None:
        return False
    return _CLAUSE_BREAK.search(text, mention.end, cue.start()) is None
