"""The claimant phrase before a speech verb: the noun phrase that ends the words before it
("..., the provincial governor has also confirmed"), or a clause's first noun phrase, which
a participle passes on ("Medics said ..., adding ...").

Searching backwards, a clause-stop word or mark (a verb, a conjunction, a digit, a quote)
ends the phrase; auxiliaries and adverbs just before the verb, leading conjunctions and
trailing time words are trimmed off.
"""

from __future__ import annotations

import re
from typing import Final

from casualty import rx
from casualty.dates import WEEKDAY_NAMES
from casualty.extract.claimant_words import TRAILING_TIME, WORD_RE, head_type, is_person
from casualty.extract.cue_rules import is_witness
from casualty.extract.lexicon import case_free, trie_regex, word_set

_STOP_WORDS: Final = sorted(
    word_set(
        """which that who whom whose while but after before when because since
    although though if whereas until as said says say told claimed reported stated killed
    killing wounded injured died were was is are have has had by attacked stormed ambushed
    raided shelled bombed abducted kidnapped targeted"""
    )
)
_STOP_MARKS: Final = r"[\"“”;:\[\]]|—|\s[-–]\s|\d|"
_STOP_SUBJECT: Final = case_free(
    _STOP_MARKS + r"\b(?:" + "|".join(_STOP_WORDS) + r")\b",
    _STOP_MARKS + r"\b(?:" + trie_regex(_STOP_WORDS) + r")\b",
)
_NON_SPACE: Final = rx.compile(r"\S+")
_CONJ: Final = rx.compile(r"^.*\band\s+(?=(?:a|an|the|another|two|three|some)\b)", re.IGNORECASE)
_AND: Final = rx.compile(r"\band\b")
#: A participle and its agent closing a subject: "the militia backed by Iran".
_PARTICIPLE_BY: Final = rx.compile(r"\b(?:[a-z]+(?:ed|en)|held|run|led)\s+by$")
#: A dateline or a leading place phrase before a clause's first noun phrase.
_CLAUSE_OPENING: Final = rx.compile(
    r"^\s*(?:[A-Z][A-Z ,]+(?:\([^)]*\))?\s*[:—–-]\s*)?(?i:(?:in|on|at)\s+[^,]{0,60},\s*)?"
)
_AUX_BEFORE_VERB: Final = word_set(
    """has have had was were is are also earlier later previously reportedly would will did
    does officially publicly further then separately initially subsequently already"""
)
_LEADING: Final = word_set(
    """and but so as while then also meanwhile however later earlier separately afterwards
    subsequently overnight yesterday today tonight"""
)
#: A leading time phrase of a subject without its comma: "On Monday the police said".
_TIME_OPENERS: Final = word_set("on late early last")
_WEEKDAYS: Final = frozenset(WEEKDAY_NAMES)


def is_relative(before: str) -> bool:
    """True when the clause of a cue opens with "that"/"which" (a relative clause)."""
    last = None
    for last in _STOP_SUBJECT.finditer(before):  # noqa: B007 - the last match is wanted
        pass
    if last is None or last.group().lower() not in {"that", "which", "who"}:
        return False
    return "," not in before[last.end() :]


#: The medium of a statement between its author and the verb: "the governor in a statement
#: confirmed", "the army in its daily bulletin said" (one optional adjective; bounded).
_MEDIUM: Final = rx.compile(
    r"\s(?:in|on|via)\s+(?:a|an|its|his|her|their)\s+(?:[a-z]+\s+)?"
    r"(?:statement|post|message|communiqu[eé]|release|tweet|bulletin|briefing)\s*$",
    re.IGNORECASE,
)
_MEDIUM_REACH: Final = 80
_SHARED_REACH: Final = 140
#: Lower-case words in -ly that are no adverbs: "the family said".
_LY_NOUNS: Final = word_set("family assembly ally rally supply daily weekly monthly")


def strip_aux(text: str) -> str:
    """Drop auxiliaries and adverbs just before the verb ("has also confirmed"), and the
    statement's medium ("in a statement confirmed")."""
    medium = _MEDIUM.search(text, max(0, len(text) - _MEDIUM_REACH))
    if medium is not None:
        text = text[: medium.start()]
    end = len(text)
    body = text.rstrip()
    while body:
        last = body.rsplit(None, 1)[-1]
        word = last.lower().strip(",")
        adverb = last.endswith("ly") and last.islower() and word not in _LY_NOUNS
        if word not in _AUX_BEFORE_VERB and not adverb:
            break
        end = len(body) - len(last)
        body = text[:end].rstrip()
    return text[:end]


#: A first verb, with an object, whose subject a speech verb after "and" / "but" shares: "the police
#: confirmed the toll and said" (a lower-case past form not after an article: "the armed").
_SHARED_VERB: Final = rx.compile(
    r"(?<!\bthe)(?<!\ba)\s([a-z]{3,}ed|did\s+not\s+[a-z]+|didn['’]t\s+[a-z]+)\s+[^\s,]+[^,]*?"
    r",?\s(?:and|but)\s*$"
)


def subject_phrase(text: str) -> tuple[str, int, int]:
    """The noun phrase that ends `text` (the words before a speech verb), with its span."""
    shared = _SHARED_VERB.search(text, max(0, len(text) - _SHARED_REACH))
    if shared is not None and WORD_RE.search(text[: shared.start()]):
        head = subject_phrase(strip_aux(text[: shared.start()]))  # "X confirmed ... and said"
        if head[0]:
            return head
    start = 0
    last_stop = None
    for last_stop in _STOP_SUBJECT.finditer(text):
        start = last_stop.end()
    if last_stop is not None and last_stop.group().lower() == "by" and "," not in text[start:]:
        agent = _PARTICIPLE_BY.search(text, 0, last_stop.end())
        head = subject_phrase(text[: agent.start()]) if agent is not None else ("", 0, 0)
        if head[0]:
            return head  # "the police force in the area controlled by Moscow said": the force
    parts: list[tuple[int, int]] = []
    pos = start
    for chunk in text[start:].split(","):
        parts.append((pos, pos + len(chunk)))
        pos += len(chunk) + 1
    parts = [p for p in parts if WORD_RE.search(text[p[0] : p[1]])]
    if not parts:
        return "", 0, 0
    s, e = parts[-1]
    last = text[s:e]
    conj = _CONJ.match(last)
    if conj is not None and len(parts) == 1 and not _both_claimants(last):
        s += conj.end()
    s = _clause_end(text, s, e)
    s, e = _trim(text, s, e)
    # "killed by militants in X, Carta de Mocambique reports": the agent of a passive, then
    # the speaker, is no "descriptor, name" pair.
    passive_agent = (
        last_stop is not None and last_stop.group().lower() == "by" and parts[-2:][0][0] == start
    )
    if len(parts) >= 2 and not passive_agent:
        ps, pe = _trim(text, *parts[-2])
        prev = text[ps:pe]
        cur = text[s:e]
        if (is_person(prev) and head_type(cur) != "unknown") or (
            is_person(cur) and head_type(prev) != "unknown"
        ):
            return text[ps:e], ps, e
    return text[s:e], s, e


#: The end of the clause before a speaker when no comma marks it: a day ("killed nine
#: villagers on Monday police in X said"), a place right before a speaker's head ("attacked
#: camps in central Mali government said") or a lower-case "in the N" ("killed five in the
#: attack police said"): the speaker starts after it. Case tells a place: "the attack" is
#: none, so it is no part of the speaker ("the attack police").
_HEADS: Final = r"(?i:government|army|military|police|authorities|officials)\s*$"
_CLAUSE_END: Final = rx.compile(
    r"\b(?i:(?:on\s+)?(?:" + "|".join(sorted(WEEKDAY_NAMES)) + r")(?:\s+(?:morning|afternoon|"
    r"evening|night))?)\s+(?=[A-Za-z])"
    r"|\b(?i:in\s+(?:(?:northern|southern|eastern|western|central)\s+)?)(?=[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?\s+" + _HEADS + r")"
    r"|\b(?:in|at|near|during|after)\s+(?:the|an?)\s+[a-z][\w'’-]*\s+(?=(?:[a-z]+\s+)?"
    + _HEADS
    + r")"
)


def _clause_end(text: str, s: int, e: int) -> int:
    """Where the speaker of `text[s:e]` starts when the clause before it runs on without a
    comma (`_CLAUSE_END`); else `s`."""
    last = None
    for last in _CLAUSE_END.finditer(text, s, e):  # noqa: B007 - the last one is wanted
        pass
    if last is None or not WORD_RE.search(text, last.end(), e):
        return s
    return last.end()


def _both_claimants(part: str) -> bool:
    pieces = _AND.split(part)
    return len(pieces) == 2 and all(head_type(p) != "unknown" or is_witness(p) for p in pieces)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim leading conjunctions/datelines and trailing time words of `text[s:e]`."""
    words = list(_NON_SPACE.finditer(text[s:e]))
    while words:
        first = words[0].group().lower().strip(",")
        if first in _LEADING:
            words.pop(0)
        elif (
            first in _TIME_OPENERS
            and len(words) > 2
            and words[1].group().lower().strip(",") in _WEEKDAYS
        ):
            del words[:2]  # "On Monday the police", "Late Sunday the army"
        else:
            break
    while words and words[-1].group().lower().strip(",.") in TRAILING_TIME:
        words.pop()
    if not words:
        return s, s
    return s + words[0].start(), s + words[-1].end()


def leading_np(text: str) -> tuple[str, int, int]:
    """The first noun phrase of a clause (the subject a participle passes on)."""
    m = _CLAUSE_OPENING.match(text)
    start = m.end() if m else 0
    words = list(_NON_SPACE.finditer(text[start:]))
    end = start
    stop = {"claimed", "said", "has", "had", "have", "was", "were", "is", "on", "put"}
    for i, w in enumerate(words[:8]):
        low = w.group().lower().strip(",.;:")
        if low in stop or (i and low.endswith("ed") and low.isalpha() and w.group().islower()):
            break
        end = start + w.end()
    return text[start:end].strip(" ,"), start, end
