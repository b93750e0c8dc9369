"""The pieces of a figure's sentence that `mentions.find_mentions` reads around it: the
`Mention` record, the word tokens, the victim noun phrase after or before a figure, and the
figure-less claims ("inflicted heavy losses on the enemy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from casualty import rx
from casualty.extract.count_lexicon import lexicon as count_lexicon
from casualty.extract.counts import Count
from casualty.extract.lexicon import OutcomeWord, case_free, lexicon, lowered, trie_regex, word_set

WORD: Final = rx.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*|[^\w\s]")
#: Words that end a victim noun phrase after the figure.
NP_STOP: Final = word_set(
    """in on at near during after when while across from by as with since following including
    among inside outside into over under who which that were was are is had have has been
    will would could may might and or but to for of"""
)

#: An attack as the subject of an active outcome verb, with no figure or other outcome after
#: it before the verb ("An attack by X on a camp killed at least 14"): no victims there.
EVENT_SUBJECT: Final = rx.compile(
    r"\b(?:attack|strike|airstrike|raid|shelling|bombing|blast|explosion|assault|shell|drone)s?"
    r"\b(?:(?!kill|wound|injur|dead|died)[^\d.;:]){0,60}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure (or qualitative phrase) with the outcome that governs it, in sentence offsets."""

    outcome: str
    low: int | None
    high: int | None
    qualifier: str | None
    start: int
    end: int
    #: The victim noun phrase (may be empty: start == end).
    victim_start: int
    victim_end: int
    outcome_start: int
    outcome_end: int


def tokens(text: str) -> list[tuple[int, int, str]]:
    low = text.lower()
    if len(low) == len(text):  # the same spans: tokens need no case
        # Match methods mapped over the matches: no Python frame per token.
        ms = list(WORD.finditer(low))
        return list(zip(map(_START, ms), map(_END, ms), map(_GROUP, ms), strict=True))
    return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]


_START: Final = re.Match.start
_END: Final = re.Match.end
_GROUP: Final = re.Match.group


def victim_span(
    text: str, tokens: list[tuple[int, int, str]], count: Count, word: OutcomeWord, after: bool
) -> tuple[int, int]:
    """The victim noun phrase of a figure: between figure and outcome, or after the figure
    (after the outcome for "N bodies of X were found")."""
    start = max(count.end, count.head_start) if not after else count.end
    vague = count.modifier in ("vague", "qualitative")
    if after and vague and start < count.head_start < word.start:
        start = count.head_start  # "Dozens of soldiers were killed": the soldiers
    if not after and start >= len(text.rstrip(" .")):
        start = count.end
    limit = word.start if after else len(text)
    part = _PARTITIVE.match(text, start)
    if part is not None and part.end() < limit:
        start = part.end()  # "three of the gunmen were killed": the gunmen
    if after and start == word.start - 1 and text[word.end - 3 : word.end].lower() == " of":
        start, limit = word.end, len(text)  # "four bodies of rebels were found"
    end = start
    taken = 0
    for t_start, t_end, low in tokens:
        if t_start < start:
            continue
        if t_end > limit or taken >= 8:
            break
        if low in NP_STOP and not (low in {"and", "of"} and taken and np_continues(tokens, t_end)):
            break
        if not low[0].isalnum() and low not in "'’-":
            break
        end = t_end
        taken += 1
    return start, end


#: A part of a group after its figure: "three of the", "two of their".
_PARTITIVE: Final = rx.compile(r"\s+of\s+(?:the|these|those|its|their|our|his|her)\s+(?=\w)")


def np_continues(tokens: list[tuple[int, int, str]], after: int) -> bool:
    """True when the word after "and"/"of" looks like more of the noun phrase (not a number
    word opening the next figure: "killed three soldiers and four children")."""
    for t_start, _, low in tokens:
        if t_start >= after:
            return (
                low[0].isalpha()
                and low not in NP_STOP
                and not lexicon().is_phrase(low)
                and low not in count_lexicon().number_words
                and low not in _PLURAL_NUMBERS
            )
    return False


#: Plural number words that open a figure of their own ("two guards and dozens of others").
_PLURAL_NUMBERS: Final = word_set("dozens scores hundreds thousands")


_INTENSITY: Final = word_set(
    """heavy huge big severe significant great major considerable serious massive substantial
    enormous"""
)
_QUALITATIVE_TAIL: Final = r")\s+(?:human\s+|material\s+and\s+human\s+)?(losses|casualties|toll)\b"
QUALITATIVE: Final = case_free(
    r"\b(?:" + "|".join(sorted(_INTENSITY)) + _QUALITATIVE_TAIL,
    r"\b(?:" + trie_regex(_INTENSITY) + _QUALITATIVE_TAIL,
)
_TOLL_GIVEN: Final = rx.compile(r"\s+(?:of|at|to|rose|reached|stood|is|was)\b", re.IGNORECASE)
ON: Final = rx.compile(r"\s+(?:on|among|in|to)\s+(?:the\s+ranks\s+of\s+)?", re.IGNORECASE)


def qualitative(
    text: str, tokens: list[tuple[int, int, str]], found: list[Mention]
) -> list[Mention]:
    """Figure-less claims: "inflicted heavy losses on the enemy"."""
    out: list[Mention] = []
    low = lowered(text)
    if low is not None and "losses" not in low and "casualties" not in low and "toll" not in low:
        return out  # every match ends with one of the two words (`_QUALITATIVE_TAIL`)
    for m in QUALITATIVE.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        if m.group(1).lower() == "toll" and _TOLL_GIVEN.match(text, m.end()):
            continue  # "the heavy toll of 40 dead": the figure is the claim
        outcome = "killed_or_wounded" if m.group(1).lower() == "casualties" else "killed"
        v_start = v_end = m.end()
        on = ON.match(text, m.end())
        if on is not None:
            v_start = on.end()
            v_end = v_start
            taken = 0
            for t_start, t_end, low in tokens:
                if t_start < v_start:
                    continue
                if taken >= 6 or low in NP_STOP or not low[0].isalnum():
                    break
                v_end = t_end
                taken += 1
        qualifier = m.group().split(None, 1)[0].lower() + " " + m.group(1).lower()
        out.append(
            Mention(
                outcome,
                None,
                None,
                qualifier,
                m.start(),
                m.end(),
                v_start,
                v_end,
                m.start(),
                m.end(),
            )
        )
    return out


#: Between a first object and a second active outcome verb: "killed four people and wounded".
_AND_VERB: Final = rx.compile(r",?\s+and\s+")


def shared_victims(text: str, out: list[Mention], start: int, after: bool) -> Mention | None:
    """The mention whose victims a bare figure of a second active verb shares ("killed four
    people and wounded six": six people), else None."""
    last = out[-1] if out and not after else None
    if last is None or last.victim_start >= last.victim_end or last.outcome_end > last.start:
        return None
    return last if _AND_VERB.fullmatch(text, last.victim_end, start) is not None else None
