"""Cumulative wording that makes a figure a period total rather than one incident's toll.

Used by `casualty.extract.context` for every figure: "since 2014", "so far this year", "the
total number", a war's start told near a toll ("the insurgency, which began in 2009").
"""

from __future__ import annotations

import re
from typing import Final

from casualty import rx
from casualty.dates import BEFORE_EVENT
from casualty.extract.lexicon import case_free, lowered

__all__ = ["PERIOD_CUE", "period_cue"]

_MONTHS: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
#: Words that may follow a span of years and leave it a span: "between 2015 and 2018 in the
#: province", "... across the region", "... when the group held the town".
_AFTER_SPAN: Final = (
    r"(?:in|across|throughout|around|near|along|inside|on|at|during|and|or|but|when|while"
    r"|as|after|before|under|amid|according)\b"
)
#: A war's start: "began its insurgency in 2009, killing", "the conflict, which erupted in".
_WAR_START_TEXT: Final = (
    r"\b(?:began|started|launched)\s+(?:its|their|the|an?)\s+(?:[\w-]+\s+)?(?:insurrection"
    r"|insurgency|uprising|rebellion|revolt|war)\b"
    r"|\b(?:insurrection|insurgency|uprising|rebellion|revolt|conflict|war)(?:,\s+which|\s+that)"
    r"\s+(?:began|started|erupted|broke\s+out)\b"
)
_WAR_START: Final = rx.compile(_WAR_START_TEXT, re.IGNORECASE)
#: Matched on the lower-cased text where that is exact (`lexicon.CaseFree`): three times faster.
#: Every alternative must hold one of `_CUE_WORDS` (or "day(s) of"): `period_cue` skips the
#: search for a figure whose window has none of them.
PERIOD_CUE: Final = case_free(
    r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:the\s+(?:start|beginning|outbreak|end|middle)"
    r"|it\s+(?:erupted|began|started|took\s+up\s+arms)"
    r"|(?:the\s+)?(?:[\w-]+\s+)?(?:war|conflict|"
    r"fighting|campaign|operation|offensive|invasion|uprising|insurgency|truce|ceasefire|crisis)\b"
    r"|\d{4}|" + _MONTHS + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r")"
    r"|\bso\s+far\s+this\s+(?:year|month)|\bto\s+date\b|\bin\s+total\b|\bthe\s+total\s+number\b"
    r"|\b(?:total|cumulative|overall)\s+(?:death\s+)?(?:toll|number|tally)\b"
    r"|\b(?:during|throughout|over|for|in)\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|years|decades)\b"
    # "in the past week" (not "in the last week of May")
    r"|\b(?:during|throughout|over|for|in)\s+the\s+(?:past|last)\s+(?:week|month|year)\b(?!\s+of\b)"
    # "between May 2012 and March 2015", "between 2015 and 2018 in the province" (not
    # "between 1900 and 2000 people": a word after the span other than a preposition or a
    # conjunction makes it a count)
    r"|\bbetween\s+(?:" + _MONTHS + r"\s+)?(?:19|20)\d\d\s+and\s+(?:" + _MONTHS + r"\s+)?"
    r"(?:19|20)\d\d\b(?!\s+(?!" + _AFTER_SPAN + r")[a-z])"
    # "over the three decades", "for two decades" (not a bare "the first attack in decades")
    r"|\b(?:during|throughout|over|for|in)\s+(?:the\s+)?(?:(?:past|last)\s+)?"
    r"(?:two|three|four|five|six|several|\d+)\s+decades\b"
    r"|\b(?:during|throughout)\s+(?:the\s+(?:war|conflict)|" + _MONTHS + r"\b(?!\s+\d))"
    r"|(?:\bthis|(?<!late\s)(?<!early\s)(?<!mid-)\blast)\s+(?:year|month)\b"
    # "last month's bombing" is one incident of last month; "last month's toll" a period
    r"(?!['’]s" + BEFORE_EVENT + r")"
    r"|\b\d+-(?:day|week|month|year)\s+(?:war|conflict|bombardment|siege"
    r"|insurgency|uprising)\b"
    r"|\b(?:war|conflict|insurgency|uprising)['’]s\b"
    r"|\b(?:in|during|throughout)\s+the\s+(?:\d+-year(?:-old)?\s+)?(?:war|conflict|insurgency|uprising)\b"
    r"|\b(?:war|conflict|insurgency|uprising),?\s+which\s+has\s+(?:killed|claimed|left)"
    r"|\bin\s+(?:just\s+)?(?:over|under|more\s+than|less\s+than)\s+(?:a|one|two|three|\d+)\s+"
    r"(?:year|years|months)\b"
    r"|\b(?:decades?|years?|months?)-long\s+(?:war|conflict|insurgency|uprising|campaign|revolt"
    r"|rebellion)\b"
    r"|\b(?:war|conflict|insurgency|uprising|violence|fighting|hostilities)\s+(?:has|have|had)\s+(?:killed|claimed|left|cost"
    r"|resulted\s+in|caused|led\s+to)"
    # a war's toll in the past tense: "the war killed tens of thousands", "That revolt,
    # which the army fought for years, cost 9,000 lives", "a rebellion from 1998-2003"
    r"|\b(?:the|that|this)\s+(?:civil\s+)?(?:war|conflict|insurgency|uprising|rebellion)"
    r"(?:,\s*which\b[^.;]{1,120}?)?\s+(?:killed|claimed|caused|cost)\s+(?:the\s+lives\s+of\s+"
    r"|(?:more|fewer|less)\s+than\s+|almost\s+|nearly\s+|about\s+|over\s+|at\s+least\s+"
    r"|some\s+|an\s+estimated\s+)*(?:\d|tens\b|hundreds\b|thousands\b|millions\b)"
    r"|\b(?:war|conflict|insurgency|uprising|rebellion)\s+(?:from|between|of)\s+(?:19|20)\d\d\b"
    # a span of days: "killed between March 3 and May 19"
    r"|\bbetween\s+(?:\d{1,2}\s+)?"
    + _MONTHS
    + r"(?:\s+\d{1,2})?\s+and\s+(?:\d{1,2}\s+)?"
    + _MONTHS
    + r"(?:\s+\d{1,2})?\b"
    # a campaign's toll, however long its name: "the campaign of strikes on X has killed 69"
    r"|\bcampaign\b[^.;]{0,120}?\b(?:has|have|had)\s+(?:killed|claimed|left)\b"
    # aggregates over several attacks or days: "in a week of attacks", "a wave of bombings"
    r"|\b(?:in|over|during)\s+(?:(?:nearly|almost|more\s+than|over|just\s+over)\s+)?"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?|years?)"
    r"\s+of\b|\bconsecutive\s+days?\b"
    r"|\b(?:wave|series|string|spate)\s+of\s+(?:\w+\s+)?(?:attacks|bombings|strikes|airstrikes"
    r"|raids|explosions|blasts)\b"
    r"|\b(?:violence|fighting|clashes|attacks|strikes)\s+across\b|\bacross\s+the\s+country\b|"
    + _WAR_START_TEXT,
    lead=True,  # a third faster: searched around every figure (`placement`)
)
#: How far (characters) cumulative wording may stand from a figure it makes a period total.
_PERIOD_REACH: Final = 120
#: Before a period cue: a superlative of the incident ("the deadliest attack on civilians this
#: year", "the worst bombing since 2015", "the heaviest attack to date", "the latest in a
#: string of attacks"), which ranks one incident among the period's, not the period's total;
#: "the deadliest year since 2014", "the latest toll since the war began" are a period's.
_SUPERLATIVE_BEFORE: Final = rx.compile(
    r"\blatest\s+in\s+an?\s+$"
    r"|\b(?:deadliest|bloodiest|worst|heaviest|biggest|largest"
    r"|most\s+(?:deadly|lethal|violent|serious))\s+"
    r"(?!(?:years?|months?|weeks?|decades?|periods?|tolls?|tall(?:y|ies)|totals?|figures?"
    r"|counts?|losses)\b)(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)


#: Words of which every match of `PERIOD_CUE` holds at least one (lower-cased): "since",
#: "so far this year", "to date", "total", "the past/last", "during", "this year", "last month",
#: "-day war", "the war's", "in the conflict", "for two decades", "the fighting has killed",
#: "campaign", "consecutive days", "a wave of", "across", "the insurgency, which began" ...
#: A figure whose window holds none of them (most figures) is spared the long search.
_CUE_WORDS: Final = (
    "since", "date", "total", "cumulative", "overall", "past", "last", "during", "throughout",
    "year", "month", "week", "-day", "decade", "war", "conflict", "insurgen", "uprising",
    "violence", "fighting", "hostilities", "campaign", "consecutive", "wave", "series",
    "string", "spate", "across", "rebellion", "revolt", "insurrection", "between",
)  # fmt: skip
#: The one cue without a word of `_CUE_WORDS`: "in two days of fighting", "over a day of".
_DAYS_OF: Final = rx.compile(r"days?\s+of")


def period_cue(text: str, position: int) -> str | None:
    """The cumulative wording near the figure at `position` that may make it a period total:
    "period" for a cue ("this year", "since 2015"; one that ranks an incident after a
    superlative does not count), "war" when only a war's start is near ("the insurgency,
    which began in 2009": see `placement`), else None."""
    pos, end = max(0, position - _PERIOD_REACH), position + _PERIOD_REACH
    low = lowered(text)
    if low is not None:
        # A match found in the window lies in it, and with it one of its words.
        window = low[pos:end]
        if not any(word in window for word in _CUE_WORDS) and (
            "day" not in window or _DAYS_OF.search(window) is None
        ):
            return None
    return _scan(text, pos, end)


def _scan(text: str, pos: int, end: int) -> str | None:
    """`period_cue` for the window text[pos:end], by the search itself."""
    found = None
    while (cue := PERIOD_CUE.search(text, pos, end)) is not None:
        if not _SUPERLATIVE_BEFORE.search(text, max(0, cue.start() - 60), cue.start()):
            if _WAR_START.fullmatch(text, cue.start(), cue.end()) is None:
                return "period"
            found = "war"
        pos = cue.end()
    return found
