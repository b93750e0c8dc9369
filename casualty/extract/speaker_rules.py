"""Rules on who speaks, found on unseen articles: clauses that look like attribution but
are not ("since the president declared ...", "said the rebels attacked ..."), reports a
speaker calls false, appositions and descriptors that tell who a subject is, inverted
subjects after a time or channel, and groups that give no quotation.

Used by `casualty.extract.attribution`; each function reads only the text it is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from casualty import rx
from casualty.dates import WEEKDAY_RE

if TYPE_CHECKING:
    from casualty.extract.claimant_words import Speaker
    from casualty.registry import Registry

__all__ = [
    "adjective",
    "apposed",
    "debunked",
    "described_type",
    "descriptor",
    "in_time_clause",
    "inverted_subject",
    "quotes_nobody",
    "reported_clause",
    "untagged_quote",
]

#: "since X declared/announced ...": a time clause, its subject speaks of no toll.
_SINCE_SUBJECT: Final = rx.compile(r"\b(?:since|until|ever\s+since)\s+(?:[\w.'’-]+\s+){1,8}$", re.I)


def in_time_clause(text: str, start: int) -> bool:
    """Whether the speech verb at `start` is the verb of a "since ..." clause ("have been
    killed since the president declared the war over"): a date, not an attribution."""
    return _SINCE_SUBJECT.search(text, max(0, start - 80), start) is not None


#: A subject that is an indefinite apposition ("X, a French force,"): the words before it.
_INDEFINITE: Final = rx.compile(r"an?\s", re.IGNORECASE)


def apposed(masked: str, start: int, phrase: str) -> tuple[str, int] | None:
    """For a subject `phrase` at `start` that is an indefinite apposition ("Troops from
    Operation X, a French force, announced"), the noun phrase it describes and its offset."""
    from casualty.extract.subjects import subject_phrase

    before = masked[:start].rstrip()
    if not _INDEFINITE.match(phrase) or not before.endswith(","):
        return None
    head, s, _ = subject_phrase(before[:-1])
    # Only a sentence's own subject, or a speaker set off by commas ("..., the X Committee, a
    # local group, said"): "... killed 48 people, a medical source said" is no apposition.
    opening = masked[:s].strip(" \n\"“”'")
    return (head, s) if head and (not opening or opening.endswith(",")) else None


#: Between an inverted speech verb and its subject: a time, a channel ("published Thursday
#: morning on its Twitter account the tracker").
_INVERTED_ADVERBIALS: Final = rx.compile(
    rf"\s*(?:(?:on\s+)?(?:{WEEKDAY_RE}|late|early)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+)?"
    r"(?:on\s+(?:his|her|its|their)\s+(?:official\s+)?(?:twitter|x|facebook|telegram|website)"
    r"(?:\s+(?:account|page|channel))?\s+)?",
    re.IGNORECASE,
)


def inverted_subject(text: str, end: int) -> int:
    """Where the subject of an inverted speech verb ending at `end` starts."""
    m = _INVERTED_ADVERBIALS.match(text, end)
    return m.end() if m is not None and m.end() > end + 1 else end


#: A report the speaker calls false, and the clause it told: "a misleading report making the
#: rounds that bandits killed 40 people". Its figure is the report's, not the speaker's.
_DEBUNKED: Final = rx.compile(
    r"\b(?:(?:a|an|the|this|that|these|those)\s+)?(?:false|fake|misleading|baseless|unfounded"
    r"|unverified|untrue|erroneous|inaccurate|fabricated)\s+(?:[\w-]+\s+)?(?:reports?|claims?"
    r"|rumou?rs?|stor(?:y|ies)|news|posts?|publications?|videos?)\b[^.;:]{0,100}?\bthat\b"
    r"(?:(?!,\s*(?:saying|adding|but|while|insisting|stressing)\b)[^;:])*",
    re.IGNORECASE,
)
_DEBUNKED_NAME: Final = rx.compile(
    r"^.*?(?:reports?|claims?|rumou?rs?|stor(?:y|ies)|news|posts?|publications?|videos?)\b",
    re.IGNORECASE,
)


def debunked(text: str) -> list[tuple[int, int, str]]:
    """The reports a speaker calls false ("a misleading report") with the span of the clause
    each told ("that bandits killed 40 people"): a figure inside one is the report's."""
    if "that" not in text:
        return []
    out = []
    for m in _DEBUNKED.finditer(text):
        name = _DEBUNKED_NAME.match(m.group())
        if name is not None:
            out.append((m.start() + len(name.group()), m.end(), name.group()))
    return out


#: After "said": a subject and its verb, a reported clause ("X, a spokesman, said the rebels
#: attacked ..."), not an inverted subject ("..., said the rebels' spokesman").
_CLAUSE_AFTER_SAID: Final = rx.compile(
    r"(?:(?:the|a|an)\s+)?(?!(?:who|which|that|the|a|an)\b)[\w'’-]+(?:\s+(?!(?:who|which|that)\b)[\w'’-]+){0,2}?"
    r"\s+(?:[a-z]{3,}ed|had|has|have|was|were|would|will)\b"
)


def reported_clause(clause: str) -> bool:
    """Whether the words after a speech verb open a clause of their own: a figure or an
    outcome ("..., said nine troops died"), or a subject and its verb ("said the rebels
    attacked")."""
    from casualty.extract.lexicon import lexicon

    if any(ch.isdigit() for ch in clause) or lexicon().scanner.search(clause):
        return True
    return _CLAUSE_AFTER_SAID.match(clause) is not None


#: A descriptor after a person's name: ", spokesman for the provincial police chief".
_DESCRIBED: Final = rx.compile(r",\s*((?:(?:the|a|an)\s+)?[a-z][\w'’-]*(?:\s+[\w'’-]+){0,7})")


def descriptor(tail: str) -> str | None:
    """The lower-case descriptor set off after a name ("Jo Li, spokesman for the police"),
    which tells what kind of source the person speaks as; None when none follows."""
    m = _DESCRIBED.match(tail)
    return m.group(1) if m is not None else None


def described_type(registry: Registry, desc: str) -> str:
    """The source_type a person speaks as, by the descriptor after the name: the body it
    names ("spokesperson of the Kachin Independence Army": belligerent), else its head noun
    ("spokesman for the police chief": official)."""
    from casualty.extract.claimant_words import head_type, registry_lookup
    from casualty.extract.cue_context import ADJECTIVAL

    found, actors, _ = registry_lookup(registry, desc)
    # "a Taliban-appointed spokesperson": a name used as an adjective names no body
    found = tuple(f for f in found if not ADJECTIVAL.match(desc, f[1]))
    actors = tuple(a for a in actors if not ADJECTIVAL.match(desc, a[1]))
    bodies = [f[2].source_type for f in found if f[2].source_type != "media"]
    if bodies:
        return bodies[0]
    if any(not a[2].generic and a[2].category == "combatants" for a in actors):
        return "belligerent"
    return head_type(desc)


#: Speakers who give no quotation: several anonymous people at once ("several security
#: sources said"); a quotation after them is someone else's.
_NO_QUOTE: Final = rx.compile(
    r"^(?:several|some|many|multiple|various|other|two|three|four)\b|\bsources$", re.IGNORECASE
)


def quotes_nobody(speakers: Sequence[Speaker]) -> bool:
    """Whether none of `speakers` can be the voice of a quotation without a speaker."""
    return bool(speakers) and all(_NO_QUOTE.search(s.name) for s in speakers)


#: A determiner right before a word: "the alleged attacker" (an adjective, not a verb).
_DETERMINER_BEFORE: Final = rx.compile(
    r"\b(?:the|a|an|this|that|these|those|its|their|his|her)\s+$", re.IGNORECASE
)


def adjective(text: str, start: int) -> bool:
    """Whether the word at `start` follows a determiner ("the alleged attacker")."""
    return _DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None


#: A new sentence after a closing quotation mark: its subject speaks of something else.
_NEW_SENTENCE: Final = rx.compile(r"\s+[A-Z]")


def untagged_quote(text: str, start: int, close: int) -> bool:
    """Whether the quotation open at `start` and closing at `close` has no speech tag where it
    closes: it runs on into a new paragraph, or it ends with its own full stop and a new
    sentence follows ('... were also wounded." Jo Li claimed the attack.', unlike '...
    wounded," a witness said')."""
    if "\n" in text[start:close]:
        return True
    return text[close - 1 : close] == "." and _NEW_SENTENCE.match(text, close + 1) is not None
