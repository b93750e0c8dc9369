"""Explicit statements that a source gave no figure: "made no mention of the army's losses",
"did not give a toll", "had no immediate comment", "losses are still being counted"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from casualty import rx

_OMISSION: Final = rx.compile(
    r"\b(?:made|makes|make)\s+no\s+mention\s+of\b"
    r"|\b(?:did|does|do)\s+not\s+(?:immediately\s+)?(?:give|say|provide|mention|disclose|reveal"
    r"|release|share|specify|report|confirm|comment|publish|offer|respond|acknowledge|put"
    r"|clarify|indicate|state)\b"
    r"|\bdidn['’]?t\s+(?:give|say|provide|mention|disclose|reveal|release|share|specify|report)\b"
    # "does not have a clear idea of its losses", "has no precise count of the dead"
    r"|\b(?:(?:did|does|do)\s+not\s+have\s+an?|(?:had|has|have)\s+no)\s+"
    r"(?:clear\s+|precise\s+|exact\s+|accurate\s+|full\s+)?(?:idea|picture|count|tally)\s+of\b"
    r"|\b(?:did|does|do)\s+not\s+(?:yet\s+)?know\s+how\s+many\b"
    r"|\bgave\s+no\s+(?:toll|figure|figures|details|estimate|number|casualty)"
    r"|\b(?:had|has|have)\s+no\s+(?:immediate\s+)?comment\b"
    r"|\b(?:is|are|was|were)\s+(?:yet|still)\s+to\s+(?:confirm|give|release|comment|disclose"
    r"|issue|publish|make)\b"
    r"|\bcould(?:n['’]?t|\s+not)\s+(?:immediately\s+)?(?:provide|give|confirm)\b"
    r"|\bstill\s+being\s+(?:counted|established|assessed|verified|determined|tallied|gathered"
    r"|compiled)\b"
    # "I can't say how many people died", "it is hard to say the exact number"
    r"|\b(?:can(?:no|['’])?t|could(?:n['’]t|\s+not))\s+(?:yet\s+)?(?:say|tell)\s+"
    r"(?:exactly\s+|precisely\s+|yet\s+)?how\s+many\b"
    r"|\b(?:difficult|hard|impossible|too\s+early)\s+to\s+(?:say|tell|give|know)\s+(?:the\s+)?"
    r"(?:exact\s+|precise\s+)?(?:number|toll|how\s+many)\b"
    # "adding that losses among the rebels were not yet known", "the toll remains
    # unclear": a toll noun said to be unknown (the noun leads, so the topic is in the cue)
    r"|\b(?:(?:the|its|their)\s+)?(?:(?:exact|final|full|precise)\s+)?(?:casualt(?:y|ies)"
    r"|(?:death\s+)?tolls?|loss(?:es)?|fatalities|deaths"
    r"|number\s+of\s+(?:dead|deaths|casualties|victims|wounded|injured))\b[^.,;:]{0,40}?"
    r"\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+|as\s+yet\s+)?"
    r"(?:not\s+(?:yet\s+|immediately\s+)?(?:known|clear)|unknown|unclear)\b"
    r"|\bno\s+(?:\w+\s+){0,2}(?:figures?|toll|numbers?|estimates?|details)\s+(?:was|were|has\s+been"
    r"|have\s+been)\s+(?:provided|given|released|disclosed|published|made\s+public)\b"
    r"|\b(?:is|are|was|were)\s+(?:yet|still)\s+to\s+(?:confirm|give|release|disclose|provide)\b"
    r"|\bshied\s+away\s+from\b"
    # "it was not immediately clear whether the attackers suffered losses": no figure known
    r"|\b(?:not\s+(?:yet\s+|immediately\s+)?clear|unclear)\s+(?:whether|if|how\s+many)\b"
    # "the exact number of militants killed can only be ascertained once the operation ends"
    r"|\b(?:(?:the|its|their)\s+)?(?:exact|final|precise|actual)\s+(?:(?:death\s+)?toll"
    r"|(?:number|figure)\s+of\s+(?:[\w-]+\s+){0,3}?(?:killed|dead|deaths|casualties|victims"
    r"|wounded|injured|fatalities|losses))\b[^.;:]{0,50}?\b(?:can|could|will|would)\s+"
    r"(?:only\s+)?be\s+(?:ascertained|known|confirmed|established|determined|verified)\s+"
    r"(?:only\s+)?(?:once|after|when)\b"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment\b"
    # "No army source was available to confirm it", "No word was available from officials",
    # "The ministry was not available for comment"
    r"|\bno\s+(?:[\w-]+\s+){0,3}?(?:word|comment|confirmation|source|sources|official"
    r"|officials|spokesman|spokeswoman|spokesperson)\s+(?:was|were)\s+(?:immediately\s+)?"
    r"available\b"
    r"|\b(?:was|were)\s+not\s+(?:immediately\s+)?available\s+(?:for\s+comment|to\s+comment"
    r"|to\s+confirm)\b"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:issued|made|released|given|published)\s+"
    r"(?:a|an|any)\s+(?:\w+\s+)?(?:statement|comment)"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+|immediately\s+)?(?:acknowledged|admitted|disclosed"
    r"|confirmed|reported|announced|communicated|commented|responded)\b"
    r"|\b(?:has|have|had)\s+yet\s+to\s+(?:respond|comment|confirm|give|release|issue|disclose)\b"
    r"|\b(?:remained|remains|remain|kept|keeps)\s+silent\b"
    r"|\b(?:declined|refused)\s+to\s+(?:comment|give|provide|disclose|release|confirm)\b"
    # "refused to share its records or give the ministry a count of the casualties"
    r"|\b(?:declined|refused)\s+to\s+(?:[\w-]+\s+){1,4}?(?:or|and)\s+(?:to\s+)?"
    r"(?:give|provide|disclose|release|share)\b"
    r"|\bno\s+(?:immediate\s+)?(?:(?:confirmation|response)\s+or\s+)?comment\s+from\b"
    r"|\b(?:did|does|do)\s+not\s+(?:immediately\s+)?return\s+(?:a\s+|an\s+)?(?:\w+\s+)?"
    r"(?:messages?|calls?|requests?|e-?mails?)\s+(?:\w+\s+){0,3}?(?:for|seeking)\s+comment\b"
    r"|\bawaiting\s+(?:a\s+)?(?:confirmed\s+)?(?:toll|figures?|numbers?)\b"
    r"|\bno\s+(?:immediate\s+)?(?:information|word|details)\s+(?:yet\s+)?(?:on|about|of)\s+"
    r"(?:the\s+|any\s+)?(?:exact\s+|precise\s+)?(?:number|toll|casualt(?:y|ies)|figures?"
    r"|victims|deaths|injuries|fatalities)\b(?!['’])"
    r"|\bwithout\s+(?:giving|providing|specifying|disclosing|mentioning|revealing|stating)\s+"
    r"(?:a\s+|any\s+|the\s+)?"
    r"(?:\w+\s+)?(?:toll|figures?|numbers?|details|casualt(?:y|ies)|losses|deaths|fatalities)",
    re.IGNORECASE,
)
#: What must be omitted for the statement to be about casualties.
_TOPIC: Final = rx.compile(
    r"\b(?:loss(?:es)?|toll|casualt(?:y|ies)|dead|death|deaths|killed|died|wounded|injured"
    r"|fatalit(?:y|ies)|victims|number|figures?|comment|immediately|how many|combatants"
    r"|queries|requests|questions)\b",
    re.IGNORECASE,
)
_NEXT_CLAUSE: Final = rx.compile(r",?\s+but\b|;")
#: Cues that need no casualty word after them: declining to comment, a toll not yet known.
_SILENT: Final = rx.compile(r"comment|being|yet|silent|statement")
_NOT_TOLL: Final = rx.compile(
    r"\b(?:identit(?:y|ies)|names?|nationalit(?:y|ies)|ages|whereabouts)\b", re.IGNORECASE
)
#: What a source declined to comment on, when it is neither a toll nor an event: "did not
#: comment on reports that the mosque held prayers", "... comment on the accusations".
_COMMENT_ON: Final = rx.compile(r"\bcomment(?:ed)?\s+(?:on|about|regarding)\s+", re.IGNORECASE)
_EVENT: Final = rx.compile(
    r"\b(?:loss(?:es)?|toll|casualt(?:y|ies)|dead|deaths?|killed|killings?|died|wounded|injured"
    r"|fatalit(?:y|ies)|victims|attacks?|raids?|strikes?|bombings?|blasts?|explosions?|incidents?"
    r"|clash(?:es)?|fighting|operations?|assaults?|ambush(?:es)?|shelling|offensive|massacre"
    r"|figures?|numbers?|how\s+many|situation|events?|violence"
    # the stock refusal "we do not comment on foreign reports / reports in the foreign media"
    r"|foreign\s+(?:media\s+)?reports|reports\s+(?:in|by)\s+the\s+foreign\s+(?:media|press))\b",
    re.IGNORECASE,
)
#: Right after "did not say": a question other than the toll ("how many" is the toll).
_WHEN: Final = rx.compile(r"\s+(?:when|where|why|who|how(?!\s+many\b))\b", re.IGNORECASE)
#: Right after "did not say": whether the victims were civilians or fighters, not how many.
_STATUS: Final = rx.compile(
    r"\s+(?:whether|if)\b[^.;]{0,100}?\b(?:civilians?|combatants?|fighters?|militants?)"
    r"\s+or\s+(?:civilians?|combatants?|fighters?|militants?)\b",
    re.IGNORECASE,
)
#: A casualty word in what a "without ... the number of" leaves out.
_HARM: Final = rx.compile(
    r"\b(?:loss(?:es)?|tolls?|casualt(?:y|ies)|dead|deaths?|killed|died|wounded|injured"
    r"|injuries|hurt|fatalit(?:y|ies)|victims|bodies|lives)\b",
    re.IGNORECASE,
)
#: The ends of a "not clear whether / how many" cue, and where the question asked ends.
_OPEN_QUESTION: Final = ("whether", "if", "how many")
_CLAUSE_END: Final = rx.compile(r"[,;:.]|\s(?:or|and)\s+(?:if|whether)\b")
_SAID: Final = rx.compile(r"\b(?:said|says|say|told|according)\b", re.IGNORECASE)
_OF_BEFORE: Final = rx.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_KILLED: Final = rx.compile(r"\b(?:dead|killed|deaths?|died)\b", re.IGNORECASE)
_LOSSES: Final = rx.compile(r"\b(?:wounded|injured|injuries)\b", re.IGNORECASE)


#: "Neither X nor Y have confirmed a toll": a verb made negative by a "neither ... nor"
#: subject before it (the verb alone, "has confirmed", is no omission).
_NEITHER: Final = rx.compile(r"\bneither\b[^.;:]{1,120}?\bnor\b", re.IGNORECASE)
_BREAK: Final = rx.compile(r"[,;:()]|\b(?:but|and|who|which|that|while|as)\b", re.IGNORECASE)
_GIVEN: Final = rx.compile(
    r"\b(?:has|have|had|did|does|do)\s+(?:yet\s+)?(?:confirmed|given|released|disclosed"
    r"|provided|published|announced|commented|responded|confirm|give|release|disclose|provide"
    r"|publish|announce|comment|respond|said|say)\b"
    r"|\b(?:confirmed|gave|released|disclosed|provided|published|announced|commented"
    r"|responded|said|says|say)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Omission:
    """One explicit omission in a sentence: where the cue is and what was left out."""

    start: int
    end: int
    qualifier: str
    outcome: str


def find_omissions(sentence: str) -> list[Omission]:
    """Omission cues of one sentence whose object is a casualty topic."""
    out: list[Omission] = []
    for m in _cues(sentence):
        window = sentence[m.end() : m.end() + 80]
        cue = m.group().lower()
        if _SILENT.search(cue) or cue.startswith("no ") or _TOPIC.search(cue):
            topic_ok = True
        else:
            # "did not specify the target, but said the raid wounded two": the next clause's
            topic = _TOPIC.search(_NEXT_CLAUSE.split(window, 1)[0])
            # "did not give details as to the identity of the victims": a toll was given
            topic_ok = topic is not None and not _NOT_TOLL.search(window, 0, topic.start())
        if _OF_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # "the cause of the deaths was not known": the toll is no subject
        if not topic_ok or _WHEN.match(window) or _off_topic(sentence, m.start()):
            continue  # "did not say when the attack, which injured four, took place"
        if _STATUS.match(sentence, m.end(), m.end() + 160):
            continue  # "did not say whether the dead were civilians or fighters": no toll
        if cue.startswith("without") and window.startswith(" of") and not _HARM.search(window):
            continue  # "without revealing the number of gunmen": no toll left out
        if cue.endswith(_OPEN_QUESTION) and (
            not _HARM.search(_CLAUSE_END.split(window, 1)[0]) or not _SAID.search(sentence)
        ):
            continue  # "not clear whether police were warned": no toll asked; none says it
        told = m.group() + window  # "the number of wounded was unclear": the cue names it
        killed = _KILLED.search(told) is not None
        outcome = "wounded" if _LOSSES.search(told) and not killed else "killed"
        out.append(Omission(m.start(), m.end(), " ".join(m.group().split()), outcome))
    return out


def _off_topic(sentence: str, start: int) -> bool:
    """Whether the comment a cue at `start` speaks of is on something other than a toll or
    an event: "did not respond to requests for comment on the accusations"."""
    on = _COMMENT_ON.search(sentence, start, start + 60)
    if on is None:
        return False
    return _EVENT.search(sentence, on.end(), on.end() + 100) is None


def _cues(sentence: str) -> list[re.Match[str]]:
    """Omission cues, and the verb of a "neither X nor Y" subject (its first after "nor")."""
    found = list(_OMISSION.finditer(sentence))
    neither = _NEITHER.search(sentence)
    if neither is not None:
        verb = _GIVEN.search(sentence, neither.end(), neither.end() + 80)
        if verb is not None and _BREAK.search(sentence, neither.end(), verb.start()):
            verb = None  # "Neither X nor Y said how ..., but Z has confirmed": Z's
        if verb is not None and not any(m.start() <= verb.start() < m.end() for m in found):
            found.append(verb)
            found.sort(key=lambda m: m.start())
    return found


def neither_as_and(sentence: str, pos: int) -> str | None:
    """``sentence`` with a "Neither X nor Y" subject before ``pos`` read as "X and Y" (same
    length, offsets kept: "Neither" blanked, "nor" -> "and"), else None."""
    neither = _NEITHER.search(sentence, 0, pos)
    if neither is None:
        return None
    s, e = neither.span()
    nor = sentence[e - 3 : e]
    return (
        sentence[:s]
        + " " * 7
        + sentence[s + 7 : e - 3]
        + ("And" if nor[0].isupper() else "and")
        + sentence[e:]
    )
