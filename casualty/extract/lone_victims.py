"""A lone "another" victim: one more person killed, wounded or taken after a toll.

Used by `casualty.extract.mentions` once a sentence's figures are paired with outcomes:
"killing six guards and wounding another", "the blast also wounded another militia member",
"four were killed and another wounded" each add one victim. "another" before a figure or a
thing ("another 20", "another attack") adds none, nor does a lone "Another soldier was
wounded" with no toll before it (a figure-less mention, as the corpus labels it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from casualty.extract.count_lexicon import lexicon as count_lexicon
from casualty.extract.lexicon import AFTER, BEFORE, OutcomeWord

if TYPE_CHECKING:
    from casualty.extract.mention_spans import Mention

__all__ = ["another_one"]

#: Words that may follow a lone victim: its clause goes on ("wounding another in the raid").
_NEXT: Final = r"in|during|at|on|and|while|before|after|when"
#: "killing six guards and wounding another": "another" alone is one more victim.
_ANOTHER: Final = re.compile(
    r"\s+another(?=\s*(?:[,.;:)]|$|\s+(?:" + _NEXT + r")\b))", re.IGNORECASE
)
#: "another" and the words of a victim noun phrase after it ("another PMF member").
_ANOTHER_NP: Final = re.compile(
    r"\s+(?:also\s+)?another((?:\s+[\w-]+){1,4}?)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:" + _NEXT + r"|was|were|had|has|is)\b))",
    re.IGNORECASE,
)
#: "... and another (member) (was) wounded": a lone victim as the subject of a later outcome.
_AND_ANOTHER: Final = re.compile(
    r"\band\s+another((?:\s+[\w-]+){0,4}?)\s+(?:(?:was|had\s+been|has\s+been|is)\s+)?$",
    re.IGNORECASE,
)
#: A figure right after the outcome: "and another killed five", an active verb.
_FIGURE_NEXT: Final = re.compile(
    r"\s+(?:at\s+least\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens"
    r"|scores|hundreds|several|a|an)\b)",
    re.IGNORECASE,
)


def _victim_np(words: str) -> bool:
    """Whether `words` (after "another") are a singular victim's noun phrase: "soldier",
    "PMF member", "police officer" (no figure, no thing: "another 20", "another attack")."""
    parts = words.split()
    if not parts or any(p[:1].isdigit() for p in parts):
        return False
    return parts[-1].lower() in count_lexicon().singular_nouns


def another_one(text: str, words: list[OutcomeWord], found: list[Mention]) -> list[Mention]:
    """Mentions of a lone "another" victim: after an active outcome verb ("and wounding
    another", "also wounded another PMF member"), or joined by "and" as the subject of a
    later outcome ("four were killed and another wounded", "and another guard was hurt")."""
    if "another" not in text.lower():
        return []
    taken = {m.start for m in found}
    out = []
    for w in words:
        if not w.roles & BEFORE:
            continue
        m = _ANOTHER.match(text, w.end)
        start = m.end() - len("another") if m is not None else -1
        if m is not None and start not in taken:
            out.append(_one(w, start, m.end(), m.end(), m.end()))
            continue
        np = _ANOTHER_NP.match(text, w.end)
        if np is not None and _victim_np(np.group(1)):
            start = np.start(1) - len("another")
            if start not in taken:
                out.append(_one(w, start, np.start(1), np.start(1) + 1, np.end(1)))
                taken.add(start)
    for w in words:
        m = _AND_ANOTHER.search(text, max(0, w.start - 60), w.start) if w.roles & AFTER else None
        if m is None or _FIGURE_NEXT.match(text, w.end):
            continue
        phrase = m.group(1)
        start = m.start(1) - len("another")
        if (phrase.strip() and not _victim_np(phrase)) or start in taken:
            continue
        if any(f.start < start for f in found):
            v_start, v_end = (m.start(1) + 1, m.end(1)) if phrase.strip() else (m.start(1),) * 2
            out.append(_one(w, start, m.start(1), v_start, v_end))
            taken.add(start)
    return out


def _one(w: OutcomeWord, start: int, end: int, v_start: int, v_end: int) -> Mention:
    """The mention of one victim, written "another" at text[start:end], of outcome `w`."""
    from casualty.extract.mention_spans import Mention

    return Mention(w.outcome, 1, 1, "another", start, end, v_start, v_end, w.start, w.end)
