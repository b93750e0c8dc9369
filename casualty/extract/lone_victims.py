"""A lone victim: "another" after a toll, or "a soldier" joined by "and" to a figure.

Used by `casualty.extract.mentions`. Before figures are paired with outcomes,
`joined_singles` keeps a lone "a soldier" only in a list with a figure ("17 rebels and a
soldier", "an army captain and two rebels"). Once they are paired:
"killing six guards and wounding another", "the blast also wounded another militia member",
"four were killed and another wounded" each add one victim. "another" before a figure or a
thing ("another 20", "another attack") adds none, nor does a lone "Another soldier was
wounded" with no toll before it (a figure-less mention, as the corpus labels it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from casualty import rx
from casualty.extract.count_lexicon import lexicon as count_lexicon
from casualty.extract.lexicon import AFTER, BEFORE, OutcomeWord, word_set
from casualty.extract.mention_rules import COORD_GAP, VERB_LIKE

if TYPE_CHECKING:
    from casualty.extract.counts import Count
    from casualty.extract.mention_spans import Mention

__all__ = ["another_one", "joined_singles", "lone_joined"]

#: Words that may follow a lone victim: its clause goes on ("wounding another in the raid").
_NEXT: Final = r"in|during|at|on|and|while|before|after|when"
#: "killing six guards and wounding another": "another" alone is one more victim.
_ANOTHER: Final = rx.compile(
    r"\s+another(?=\s*(?:[,.;:)]|$|\s+(?:" + _NEXT + r")\b))", re.IGNORECASE
)
#: "another" and the words of a victim noun phrase after it ("another PMF member").
_ANOTHER_NP: Final = rx.compile(
    r"\s+(?:also\s+)?another((?:\s+[\w-]+){1,4}?)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:" + _NEXT + r"|was|were|had|has|is)\b))",
    re.IGNORECASE,
)
#: "... and another (member) (was) (seriously) wounded": a lone victim as the subject of a later
#: outcome ("and another was listed as missing", "and another remains missing" too).
_AND_ANOTHER: Final = rx.compile(
    r"\band\s+another((?:\s+[\w-]+){0,4}?)\s+(?:(?:was|had\s+been|has\s+been|is|remains?"
    r"|remained)\s+)?(?:(?:reported|feared|listed|presumed|still)\s+)?"
    r"(?:(?:critically|seriously|severely|badly|gravely|lightly|slightly|moderately)\s+)?$",
    re.IGNORECASE,
)
#: A figure right after the outcome: "and another killed five", an active verb.
_FIGURE_NEXT: Final = rx.compile(
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
    out.extend(_another_noun(text, found, taken))
    return out


#: "another" and a singular outcome noun ("reporting another death"); not a thing named
#: after one ("another death toll", "another death threat").
_ANOTHER_NOUN: Final = rx.compile(
    r"\banother\s+(death|fatality|casualty|injury)\b"
    r"(?!\s+(?:toll|threat|sentence|penalty|squad|rate|figure|count))",
    re.IGNORECASE,
)
_NOUN_OUTCOME: Final = {
    "death": "killed",
    "fatality": "killed",
    "casualty": "killed_or_wounded",
    "injury": "wounded",
}


def _another_noun(text: str, found: list[Mention], taken: set[int]) -> list[Mention]:
    """One more victim written "another death" (a singular outcome noun) after a toll of the
    sentence: "two fighters were killed, with the ministry reporting another death"."""
    from casualty.extract.mention_spans import Mention

    out = []
    for m in _ANOTHER_NOUN.finditer(text):
        if m.start() in taken or not any(f.start < m.start() for f in found):
            continue
        outcome = _NOUN_OUTCOME[m.group(1).lower()]
        s, e = m.start(), m.start() + len("another")
        out.append(Mention(outcome, 1, 1, "another", s, e, e, e, m.start(1), m.end(1)))
        taken.add(s)
    return out


def _one(w: OutcomeWord, start: int, end: int, v_start: int, v_end: int) -> Mention:
    """The mention of one victim, written "another" at text[start:end], of outcome `w`."""
    from casualty.extract.mention_spans import Mention

    return Mention(w.outcome, 1, 1, "another", start, end, v_start, v_end, w.start, w.end)


#: "and a" / "and an": a lone victim may be coordinated with a figure before it.
AND_A: Final = rx.compile(r"\band\s+an?\s", re.IGNORECASE)
#: "a" / "an", its noun phrase, then "and" and a figure: "An army captain and two rebels died".
_A_AND: Final = rx.compile(
    r"\ban?\s+(?:[\w'’-]+\s+){1,4}and\s+(?:at\s+least\s+|some\s+|about\s+|a\s+)?"
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|scores"
    r"|several)\b)",
    re.IGNORECASE,
)


def lone_joined(text: str) -> bool:
    """Whether a lone "a soldier" in `text` may be joined by "and" to a figure, before it ("17
    rebels and a soldier") or after it ("an army captain and two rebels")."""
    return AND_A.search(text) is not None or _A_AND.search(text) is not None


def joined_singles(text: str, counts: list[Count]) -> list[Count]:
    """`counts` (read with singular victims) without a lone "a soldier" unless it is joined by
    "and" to a figure just before or after it: "17 rebels and a soldier were killed",
    "captured two servicemen and a soldier", "An army captain and two rebels died" count the
    one (the corpus labels it), while a lone "a soldier was killed" stays a figure-less
    mention, as everywhere else."""
    out: list[Count] = []
    every = _far_singles(text, counts)
    for i, count in enumerate(every):
        if count.qualifier.lower() in ("a", "an"):
            prev = out[-1] if out else None
            nxt = every[i + 1] if i + 1 < len(every) else None
            if not _and_joined(text, prev, count) and not _and_joined(text, count, nxt):
                continue
        out.append(count)
    return out


#: "N others" / "N other workers" after the one: the one is counted into them.
_OTHERS: Final = rx.compile(r"\s+others?\b", re.IGNORECASE)


def _and_joined(text: str, first: Count | None, second: Count | None) -> bool:
    """Whether `first` and `second` are one list joined by "and" with no verb between them,
    one of them a figure ("17 rebels and a soldier", "an army captain and two rebels")."""
    if first is None or second is None:
        return False
    if first.qualifier.lower() in ("a", "an") and second.qualifier.lower() in ("a", "an"):
        return False
    if _OTHERS.match(text, second.end):
        return False  # "a teacher and 14 others": 15 in all (`mention_rules.and_others`)
    gap = COORD_GAP.fullmatch(text, first.end, second.start)
    return (
        gap is not None
        and gap.group().rstrip().endswith("and")
        and VERB_LIKE.search(gap.group()) is None
    )


#: Words of a lone victim's noun phrase between its article and its noun: "a regional
#: Border Guard Service (BGS) sentry" (a word, or a unit's acronym in brackets).
_NP_WORD: Final = rx.compile(r"\s+([A-Za-z][\w'’-]*|\([A-Z]{2,8}\))")
_NP_STOP: Final = word_set(
    """and or of the a an who which that was were is are has had have been in on at by with
    from to for as"""
)
#: How many words may stand between "and a" and the victim noun `find_counts` did not reach.
_FAR_WORDS: Final = 8


def _far_singles(text: str, counts: list[Count]) -> list[Count]:
    """`counts` and the lone victims joined by "and a" whose noun stands further from the
    article than `find_counts` looks ("Two rebels and a regional Border Guard Service
    (BGS) sentry died"); `joined_singles` keeps them only after a
    figure, as the near ones."""
    from casualty.extract.counts import Count

    nouns = count_lexicon().singular_nouns
    taken = {c.start for c in counts}
    extra: list[Count] = []
    articles = [m.end() - 1 - len(m.group().split()[-1]) for m in AND_A.finditer(text)]
    articles += [m.start() for m in _A_AND.finditer(text)]
    for art in sorted(set(articles)):
        if art in taken:
            continue
        pos, words = text.index(" ", art), 0
        while words <= _FAR_WORDS:
            w = _NP_WORD.match(text, pos)
            if w is None or w.group(1).lower() in _NP_STOP:
                break
            words += 1
            pos = w.end()
            if words > 2 and w.group(1).lower() in nouns:
                end = text.index(" ", art)
                extra.append(Count(art, end, 1, 1, text[art:end], "exact", end + 1))
                break
    return sorted([*counts, *extra], key=lambda c: c.start) if extra else counts
