"""Rules on how figures of one sentence relate: parts of a toll, coordinated figures, brackets.

Used by `casualty.extract.mentions`: a part of a toll given after it ("9 civilians, 4 of them
women") is no claim of its own; figures coordinated before one outcome ("Four soldiers and 12
civilians were killed") all take it; a figure in brackets ("rose to (31) people") is a figure;
a figure of things, an age or a date ("185 reports", "28-year-old") counts no people.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from casualty import rx
from casualty.extract.count_context import modifies
from casualty.extract.lexicon import AFTER, BEFORE, OutcomeWord, lexicon, word_set
from casualty.extract.mention_breakdowns import listed_object

if TYPE_CHECKING:
    from casualty.extract.counts import Count
    from casualty.extract.mention_spans import Mention

__all__ = [
    "SUBCOUNT_REACH",
    "TOTAL_TO",
    "agent_of",
    "and_others",
    "bridged",
    "captives_killed",
    "coordinated",
    "either_bound",
    "elided",
    "group_of",
    "is_subcount",
    "not_people",
    "plus_one",
    "rescued",
    "unbracket_figures",
]

_BRACKETED_FIGURE: Final = rx.compile(r"\((\d[\d,.]*)\)")
_SUB_AFTER: Final = rx.compile(r"\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)
_SUB_BEFORE: Final = rx.compile(r"\b(?:including|among\s+(?:them|whom))\s*$", re.IGNORECASE)
#: How far (characters) a part of a toll stands from the toll's figure: farther, as in "more
#: than 12,000 died since 2011, the monitor said, including 900 since the truce", it is a
#: figure of its own.
SUBCOUNT_REACH: Final = 48
#: Between two coordinated figures: "Four soldiers and 12 civilians", "4 police, 3 guards".
#: (A unit's acronym in brackets may stand in it: "Three members of the Popular Mobilisation
#: Forces (PMF) and two policemen".)
COORD_GAP: Final = rx.compile(r"\s+(?:[^,;:.()\[\]—–\d\"“”]|\([A-Z]{2,8}\)){1,90}?(?:,|\s+and)\s*")
#: A verb in that gap gives the first figure an outcome of its own ("12 million uprooted").
VERB_LIKE: Final = rx.compile(
    r"\b(?!(?:un)?armed\b|uniformed\b|retired\b|unidentified\b|suspected\b)"
    r"[a-z]+(?:ed|ing)\b|\b(?:were|was|are|is|have|has|had)\b"
)


def _unbracket(m: re.Match[str]) -> str:
    return " " + m.group(1) + " "


def unbracket_figures(text: str) -> str:
    """`text` with "(31)" written " 31 " (same length, so offsets still hold)."""
    return _BRACKETED_FIGURE.sub(_unbracket, text)


#: Nouns of a group whose figure counts its people: "killed a family of eight".
_GROUP_NOUNS: Final = frozenset(["family", "household", "group", "crowd", "team", "crew"])


def group_of(gap: list[str]) -> bool:
    """Words between an active outcome verb and its figure that name a group of people
    counted by the figure: "a family of", "an entire family of", "a group of"."""
    if len(gap) < 3 or len(gap) > 4 or gap[0] not in {"a", "an", "the"} or gap[-1] != "of":
        return False
    if len(gap) == 4 and gap[1] not in {"entire", "whole"}:
        return False
    return gap[-2] in _GROUP_NOUNS


#: Passive auxiliaries: with one between a figure and its verb the figure is the victim.
_PASSIVE: Final = word_set("were was are is be been being")
#: After an active outcome verb, the start of its object: "two gunmen killed a guard".
_OBJECT: Final = rx.compile(
    r"\s+(?:(?:a|an)\s+(?!(?:day|week|month|year|few|while|little)\b)"
    r"|the\s+(?!(?:previous|same|following|next|day|night|week|weekend|morning|afternoon|"
    r"evening|month|year|first|last|past|other|time)\b)"
    r"|(?:his|her|their|its|several|dozens|scores|hundreds|some|many|at\s+least|more\s+than)\b"
    r"|\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
    re.IGNORECASE,
)


def agent_of(text: str, gap: list[str], verb_end: int) -> bool:
    """True when a figure before an outcome verb is its subject, not its victim: the verb is
    active and has an object ("Two gunmen killed a guard", "three raiders shot dead the
    driver"), with no passive auxiliary between ("two men were killed the same day")."""
    if any(w in _PASSIVE for w in gap):
        return False
    return _OBJECT.match(text, verb_end) is not None


#: Between an active outcome verb and "N others": one object of it ("killed a cleric and").
_FIRST_OBJECT: Final = rx.compile(r"\s+(?:[^\s,;:.()\d]+\s+){1,8}?and\s+$")
_OTHERS: Final = rx.compile(r"\s+others?\b", re.IGNORECASE)


def and_others(text: str, words: list[OutcomeWord], start: int, end: int) -> OutcomeWord | None:
    """The active verb whose second object is the figure at `start`..`end` that counts
    "others" after a first one without a figure: "killed a cleric and more than 80 others"."""
    if _OTHERS.match(text, end) is None:
        return None
    verbs = [w for w in words if w.end <= start and w.roles & BEFORE]
    if not verbs or _FIRST_OBJECT.fullmatch(text, verbs[-1].end, start) is None:
        return None
    # The verb is active, its object right after it ("one killed in Homs and two others"
    # lists the dead: no object).
    return verbs[-1] if _OBJECT.match(text, verbs[-1].end) else None


#: Between a first object of an active verb and a second: "killed four soldiers and".
_COORDINATED: Final = rx.compile(r"\s*,?\s*(?:and|as well as|plus)\s*")
#: ... or the first object closed by a place or day: "killed 37 civilians in Rafah and nine
#: soldiers in Sderot", when the second has no verb of its own ("... in the village and 300
#: residents fled" is no second object). Also the gap of `elided`: "38 killed in Arbo and".
_PLACED_AND: Final = rx.compile(
    r"\s+(?:in|at|on|near|across)\s+[^,;:.()\d\"“”]{1,40}?\s+and\s+", re.IGNORECASE
)
_OBJECT_TAIL: Final = rx.compile(r"[^,;:.()\"“”]{0,80}")
_FINITE: Final = rx.compile(r"\b(?:were|was|are|is|have|has|had)\b")
_FIRST_PREP: Final = rx.compile(r"\s(?:in|at|on|near|across)\b", re.IGNORECASE)


def second_object(text: str, gap_start: int, start: int, end: int) -> bool:
    """Whether the figure at `start`..`end` is a second object of the verb whose first one
    ends at `gap_start`: "killed three guards and up to 20 raiders"."""
    if _COORDINATED.fullmatch(text, gap_start, start) is not None:
        return True
    if listed_object(text, gap_start, start, end):
        return True  # "killed one civilian, three soldiers and seven militiamen"
    if _PLACED_AND.fullmatch(text, gap_start, start) is None:
        return False
    tail = _OBJECT_TAIL.match(text, end)
    if tail is None:
        return False
    # a manner or time adjunct after the figure's own place or day is no verb of its own:
    # "killed 30 on Monday and 12 on Tuesday with knives" (but "... and 40 fled", "and
    # 12 in Dalo were hurt" are)
    prep = _FIRST_PREP.search(tail.group())
    cut = prep.start() if prep is not None else tail.end() - tail.start()
    head, rest = tail.group()[:cut], tail.group()[cut:]
    return VERB_LIKE.search(head) is None and _FINITE.search(rest) is None


#: "38 killed in Arbo and eight in Dalo": after the outcome's place or day and "and" (the gap
#: `_PLACED_AND`), another place or day.
_ELIDED_TAIL: Final = rx.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:in|at|on|near|across)\b")


def elided(text: str, last: Mention, start: int, end: int) -> bool:
    """Whether the figure at `start`..`end` repeats the outcome of `last` left unsaid: "38
    people killed in Arbo and eight in Dalo", "12 were killed on Monday and four on Tuesday"."""
    if last.outcome_start < last.end:
        return False  # "killing 12 in Arbo and 5 in Dalo" is `coordinated`'s second object
    return (
        _PLACED_AND.fullmatch(text, last.outcome_end, start) is not None
        and _ELIDED_TAIL.match(text, end) is not None
    )


#: A relative clause after captives that says they died: "five prisoners who were killed".
_CAPTIVES_KILLED: Final = rx.compile(
    r"\s+(?:who|that)\s+(?:were|was|had\s+been|have\s+been)\s+(?:later\s+|then\s+)?"
    r"(killed|executed|slain|murdered|shot\s+dead)\b",
    re.IGNORECASE,
)


#: A relative clause of the wounded, then the main clause's death: "the two soldiers who
#: were seriously injured (in the ambush) later succumbed to their injuries / died".
_WOUNDED_CLAUSE: Final = rx.compile(
    r"\b(?:who|that)\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_THEN_DIED: Final = rx.compile(
    r"(?:\s+(?:in|at|during|on)(?:\s+[\w-]+){1,4}?)?\s+(?:(?:have|has|had|later|since|then"
    r"|subsequently)\s+){0,2}(died|succumbed\s+to\s+(?:(?:their|his|her)\s+)?(?:injuries|wounds))\b",
    re.IGNORECASE,
)


def wounded_died(text: str, word: OutcomeWord) -> OutcomeWord | None:
    """The death said of people a relative clause calls wounded ("the two soldiers who were
    injured had succumbed to their injuries"): the figure is a toll of the dead; else None."""
    if (
        word.outcome != "wounded"
        or _WOUNDED_CLAUSE.search(text, max(0, word.start - 40), word.start) is None
    ):
        return None
    m = _THEN_DIED.match(text, word.end)
    return None if m is None else OutcomeWord(m.start(1), m.end(1), "killed", AFTER)


def captives_killed(text: str, word: OutcomeWord) -> OutcomeWord | None:
    """The killing said of captives named by `word` ("prisoners", "hostages"), when a
    relative clause right after says so; else None."""
    if word.outcome != "captured":
        return None
    m = _CAPTIVES_KILLED.match(text, word.end)
    return None if m is None else OutcomeWord(m.start(1), m.end(1), "killed", AFTER)


def plus_one(count: Count) -> Count:
    """`count` with the one victim named before it added: "the commander and 19 others"
    were 20 killed (the README's derived figure), "more than 80 others" more than 81."""
    from dataclasses import replace

    low = None if count.low is None else count.low + 1
    return replace(count, low=low, high=None if count.high is None else count.high + 1)


def either_bound(text: str, start: int, end: int, outcome: str, low: int | None) -> int | None:
    """The lower bound of a figure governed by the outcome phrase `text[start:end]`: none when
    the phrase joins killing with capture ("killed or captured 20": at most 20 were killed,
    SPEC has no outcome for the two together), else `low`."""
    if outcome == "killed" and " or " in text[start:end]:
        return None
    return low


def is_subcount(text: str, count: Count) -> bool:
    """A part of a figure given before it: "4 of them women", "including 3 children"."""
    return (
        _SUB_AFTER.match(text, count.end) is not None
        or _SUB_BEFORE.search(text, max(0, count.start - 20), count.start) is not None
    )


def coordinated(text: str, counts: list[Count], found: list[Mention]) -> list[Mention]:
    """Figures coordinated with a later one that has its outcome after it: "Four soldiers and
    12 civilians were killed" gives the four killed too (only the 12 reached "killed")."""
    from casualty.extract.mention_spans import Mention

    by_start = {m.start: m for m in found}
    out: list[Mention] = []
    for i in range(len(counts) - 2, -1, -1):
        count, nxt = counts[i], counts[i + 1]
        later = by_start.get(nxt.start)
        if count.start in by_start or later is None or later.outcome_start < later.end:
            continue
        gap = COORD_GAP.fullmatch(text, count.end, nxt.start)
        if gap is None or is_subcount(text, count) or VERB_LIKE.search(gap.group()):
            continue  # "12 million uprooted and dozens killed": the first has its own verb
        v_end = count.end + len(text[count.end : nxt.start].rstrip(" ,").removesuffix(" and"))
        mention = Mention(
            later.outcome,
            count.low,
            count.high,
            count.qualifier,
            count.start,
            count.end,
            min(count.end + 1, v_end),
            v_end,
            later.outcome_start,
            later.outcome_end,
        )
        out.append(mention)
        by_start[count.start] = mention
    return out


# --- figures that count no people ---------------------------------------------------------

#: A word of the figure's noun phrase (as `mentions` splits words).
_HEAD_WORD: Final = rx.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*|[^\w\s]")
_NON_PERSON: Final = word_set(
    """reports report incidents incident strikes strike airstrikes raids attacks attack
    villages village towns vehicles vehicle trucks tanks drones missiles rockets shells bombs
    buildings homes houses years year months month days day weeks week hours minutes km
    kilometres kilometers miles metres meters percent per cent units positions checkpoints
    bases sorties targets rifles weapons guns aircraft planes jets helicopters boats tunnels
    dollars million billion times cases claims allegations complaints arms munitions ammunition"""
)
_VERBS: Final = frozenset(["was", "is", "had", "has", "were", "of"])
#: Prepositions that end the figure's noun phrase ("eight in the village" counts no village).
_PLACE_PREP: Final = frozenset(["in", "on", "at", "near", "inside", "across", "during"])
#: Openers of a time phrase end it too ("800 people last year", "20 people this week").
_TIME_OPENERS: Final = word_set("last this next past over since within throughout earlier later")
_MONTH_BEFORE: Final = rx.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)
_AGE: Final = rx.compile(r"^[\s-]*(?:-?year|years?[\s-]old|yr)", re.IGNORECASE)
_ORDINALS: Final = (" second", " third", " fourth", " fifth")
_OF: Final = rx.compile(r"\s+of\b")


#: "None of the soldiers killed ... have been identified": the victims are already counted,
#: the "none" is about them (not "none of the soldiers were killed", a denial).
_NONE_OF_VICTIMS: Final = rx.compile(
    r"\s+of\s+(?:the|those|them)\s+(?:(?!(?:were|was|are|is|have|has|had|been)\b)[a-z-]+\s+){0,3}?"
    r"(?:killed|dead|wounded|injured|slain|hurt)\b",
    re.IGNORECASE,
)


#: A verb of rescue right before a figure: "rescued 12 hostages", "to free several captives".
_RESCUED: Final = rx.compile(
    r"\b(?:rescu(?:e|ed|es|ing)|free(?:d|s|ing)?|releas(?:e|ed|es|ing))\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def not_people(text: str, count: Count) -> bool:
    """Counts of things, ages and durations: "185 reports", "28-year-old", "14 incidents"."""
    if count.modifier == "denial":
        return _NONE_OF_VICTIMS.match(text, count.end) is not None
    if _AGE.match(text, count.end) or _MONTH_BEFORE.search(
        text, max(0, count.start - 12), count.start
    ):
        return True
    if count.qualifier.lower().endswith(_ORDINALS) and _OF.match(text, count.end):
        return True  # "a fifth of them are dead": a fraction of people, not one
    if _RESCUED.search(text, max(0, count.start - 24), count.start):
        return True  # "troops rescued 12 hostages": people saved are no toll (README)
    head = _HEAD_WORD.findall(text[count.head_start : count.head_start + 40])
    words = 0
    for i, word in enumerate(head[:6]):
        low = word.lower()
        if low in _NON_PERSON and not (i + 1 < len(head) and modifies(word, head[i + 1])):
            return True
        if low in _PLACE_PREP or low in _TIME_OPENERS:
            break  # "a family of eight in the village": the noun phrase has ended
        if not low.isalpha():
            continue  # "seven 4x4 vehicles", "nine 4×4 vehicles": a model, not the noun
        if lexicon().is_phrase(low):
            break
        words += 1
        if words == 3:
            break
    # A bare "one" ("another one was seized") stands for a noun said before, rarely a person;
    # "and one was injured" is one: only people are killed or wounded.
    if not (count.qualifier.lower().endswith("one") and head and head[0].lower() in _VERBS):
        return False
    nxt = head[1].lower() if len(head) > 1 else ""
    told = lexicon().table.get(nxt) if nxt.isalpha() else None
    return told is None or told[0] not in {"killed", "wounded", "killed_or_wounded"}


def rescued(
    text: str,
    words: list[OutcomeWord],
    found: list[Mention],
    count: Count,
    best: tuple[OutcomeWord, bool] | None,
) -> tuple[tuple[OutcomeWord, bool] | None, Count]:
    """The outcome (and figure) a count gets from around it when `mentions._govern` found
    none, or only a "victims" noun: an outcome said once for two places ("38 killed in Arbo
    and eight in Dalo"), a second object of an active verb ("killed a cleric and 80 others":
    81); captives a relative clause says were killed ("five prisoners who were killed")."""
    if best is None and found and elided(text, found[-1], count.start, count.end):
        last = found[-1]
        best = (OutcomeWord(last.outcome_start, last.outcome_end, last.outcome, AFTER), False)
    if best is None or (best[1] and best[0].outcome == "killed_or_wounded"):
        other = and_others(text, words, count.start, count.end)
        if other is not None:
            best, count = (other, False), plus_one(count)
    if best is not None:
        best = (captives_killed(text, best[0]) or wounded_died(text, best[0]) or best[0], best[1])
    return best, count


#: The last words from a toll noun to its figure ("the toll rose to 30", "the tally stood at").
_BRIDGE: Final = word_set(
    """to at of reached hit is was stood stands passed topped exceeded surpassed rose climbed
    risen jumped increased mounted now had has be :"""
)
#: A hedge between a toll noun's bridge and its figure: "the number wounded is probably 40".
_HEDGE: Final = word_set("likely probably possibly")


def bridged(gap: list[str]) -> bool:
    """Whether the words from a toll noun to its figure end with a bridge ("rose to"), a
    hedge after it or not ("was likely")."""
    return gap[-1] in _BRIDGE or (len(gap) > 1 and gap[-1] in _HEDGE and gap[-2] in _BRIDGE)


#: A toll noun and the verb putting it at the figure after ("rose to 25"; "death toll ... is 25")
TOTAL_TO: Final = rx.compile(
    r"\b(?:number|total|toll|tally|figure|count)\b[^.;:]{0,160}?\b(?:to|at|reached|hit)\s*$"
    r"|\b(?:death|casualty)\s+(?:toll|count|tally)\b[^.;:]{0,160}?\b(?:is|was)\s*$"
)
