"""Asides between a figure's victims and their outcome verb that do not end the figure's
clause: a bracketed acronym ("a reserve police force (CRPF) trooper were killed"), a comma
aside describing the victims ("Twelve people, mostly women, were killed") and a part of them
set off by dashes or brackets ("200 people – most of them villagers – have been killed")."""

from __future__ import annotations

from typing import Final

from casualty.extract.lexicon import word_set

#: Auxiliaries of a passive outcome ("were killed", "have been killed").
AUX_VERBS: Final = word_set("were was are is be been had have has")


def no_acronyms(gap: list[str]) -> list[str]:
    """`gap` without one-word bracketed asides ("(CRPF)"): a name's acronym, no clause."""
    if "(" not in gap:
        return gap
    out: list[str] = []
    i = 0
    while i < len(gap):
        if gap[i] == "(" and i + 2 < len(gap) and gap[i + 2] == ")" and gap[i + 1].isalnum():
            i += 3
            continue
        out.append(gap[i])
        i += 1
    return out


#: Words that open a describing aside right after the victims' comma ("Twelve people, mostly
#: women, were killed"). Unlike "including", they may also open a new clause ("five soldiers,
#: and all the others were wounded"): the aside must be closed by a comma before auxiliaries.
_ASIDE_OPENERS: Final = word_set("mostly most mainly largely both all many")
#: Words of the victims' noun phrase before such an aside ("pro-government soldiers").
_ASIDE_NOUN: Final = 3


def comma_aside(gap: list[str]) -> bool:
    """Whether `gap` is the victims' noun, a comma aside that describes them and then their
    verb's auxiliaries: "people, both fighters and bystanders, were" ("20 people, both
    fighters and bystanders, were killed")."""
    if gap.count(",") != 2:
        return False
    first = gap.index(",")
    close = gap.index(",", first + 1)
    return (
        0 < first <= _ASIDE_NOUN
        and all(w[0].isalpha() for w in gap[:first])
        and gap[first + 1] in _ASIDE_OPENERS
        and close > first + 2
        and all(w in AUX_VERBS for w in gap[close + 1 :])
    )


_DASHES: Final = frozenset("—–")
_DASH_ASIDE_WORDS: Final = frozenset(
    ["most", "mostly", "including", "among", "many", "all", "them", "whom"]
)


def dash_aside(gap: list[str]) -> list[str]:
    """`gap` (the words between a figure and its outcome) without an aside set off by two
    dashes or brackets ("200 people – most of them villagers – have been killed", "12 people
    (five of them children) were killed"), else `gap` itself."""
    marks = [i for i, w in enumerate(gap) if w in _DASHES]
    if not marks and gap.count("(") == 1 and gap.count(")") == 1:
        marks = [gap.index("("), gap.index(")")]
    if len(marks) != 2 or not _DASH_ASIDE_WORDS.intersection(gap[marks[0] : marks[1]]):
        return gap
    return gap[: marks[0]] + gap[marks[1] + 1 :]


def whom_aside(gap: list[str]) -> list[str]:
    """`gap` without a relative aside on a part of the victims between two commas ("20
    people, three of whom were children, were killed"), else `gap` itself."""
    if gap.count(",") != 2 or "whom" not in gap:
        return gap
    first = gap.index(",")
    close = gap.index(",", first + 1)
    if not 0 < first <= _ASIDE_NOUN or "whom" not in gap[first:close]:
        return gap
    return gap[:first] + gap[close + 1 :]
