"""What around a speech cue changes its reading: quotations, asides, nouns that look like verbs,
and phrases that name no speaker or another one.

Pure functions and patterns used by `casualty.extract.attribution` and `.claimants`: whether a
quotation runs on past a sentence, which relative clauses tell background ("Hamas, whose
attack killed 1,400, said") and which are a quoted speaker's own words, whether "claim" is a
noun ("its latest claim") or a verb ("the rebels claim"), the short phrases that move a
speaker ("with the ministry saying", "X, however, said"), and claimant phrases that name no
speaker ("circulating in foreign media") or another one ("images on X's page", "Hamas-run").
"""

from __future__ import annotations

import re
from typing import Final

from casualty import rx
from casualty.dates import WEEKDAY_RE
from casualty.extract.sentences import Sentence

__all__ = [
    "ADJECTIVAL",
    "ASIDE_ADVERB",
    "CITED_STATEMENT",
    "DEFINITE",
    "IMAGES",
    "LIVES",
    "NAMED_APPOSITION",
    "NOT_A_SUBJECT",
    "QUOTE_CLOSE",
    "SENTENCE_STOP",
    "WITH_SUBJECT",
    "attack_claimed",
    "background_asides",
    "claim_is_noun",
    "misturned_close",
    "opens_quote",
]

_BACKGROUND: Final = rx.compile(r",\s*(?:whose|which)\b(?:[^,]|,(?=\d{3}\b))*,")  # not "1,400"
_DETERMINED: Final = rx.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|such|its|their|his|her|whose|any|no|multiple|"
    r"several|other|earlier|unconfirmed)|['’]s)\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER: Final = rx.compile(
    r"\s+(?:of|was|is|were|for|about|by|from|in|has|had|indicate|suggest|say)\b", re.IGNORECASE
)
_LAST_TWO: Final = rx.compile(r"([\w'’]+)\s+([\w'’]+)\s+$")
_DETERMINER: Final = rx.compile(
    r"the|a|an|this|that|its|their|his|her|whose|any|no|[\w]+['’]s", re.IGNORECASE
)

#: "quoting the statement": its author, reported just before, is the claimant.
CITED_STATEMENT: Final = rx.compile(
    r"(?:the|its|their|this|that)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|report)\b", re.IGNORECASE
)
#: A parenthetical adverb before a speech verb: "Mr Roe, however, said" is no inversion.
ASIDE_ADVERB: Final = rx.compile(
    r",\s*(?:however|meanwhile|though|too|also|in\s+turn|in\s+contrast|by\s+contrast|separately"
    r"|for\s+(?:his|her|its|their)"
    r"\s+part)\s*,$",
    re.IGNORECASE,
)
#: "claimed 2,000 lives", "claimed the lives of": an outcome, not speech.
LIVES: Final = rx.compile(r"\s+(?:the\s+lives\b|(?:[\w,.-]+\s+){1,4}lives\b)", re.IGNORECASE)
QUOTE_CLOSE: Final = rx.compile(r"[”\"]")
SENTENCE_STOP: Final = rx.compile(r"[.!?\n]")
#: "with" and a short subject right before a participle: "with the ministry saying".
WITH_SUBJECT: Final = rx.compile(r"\bwith\s+((?:[\w'’.\-]+\s+){1,8}?)$", re.IGNORECASE)


#: A phrase opening with a preposition or a lower-case verb in "-ing" with its object names no
#: speaker ("circulating in foreign media"; "leading monitors" stays one).
NOT_A_SUBJECT: Final = rx.compile(
    r"(?:by|in|on|at|from|through|with|via|into|after|before)\b(?!-)"
    r"|[a-z]+ing\s+(?:in|on|at|to|from|through|with|by|into|of|the|a|an|its|their|his|her)\b"
)
#: Pictures as a subject: their owner, if named, is the claimant ("videos posted by X"); so is
#: the author of "a statement from the governor".
IMAGES: Final = rx.compile(
    r"(?:the\s+|disturbing\s+|graphic\s+|an?\s+)?(?:(?:earlier|later|new|latest|second|separate)\s+)?"
    r"(?:images?|photos?|photographs?|pictures?"
    r"|videos?|footage|statements?(?=\s+(?:(?:issued|released|signed|sent|posted)\s+)?(?:from|by)\s))"
    r"\b(?:[^,;]*?\b(?:of|by|from)\s+(?:the\s+)?(?!the\b)(.+?))?"
    rf"(?:\s+(?:on\s+)?{WEEKDAY_RE})?$",
    re.IGNORECASE,
)
#: A definite claimant phrase ("the statement", "its report").
DEFINITE: Final = rx.compile(r"(?:the|its|their|this|that)\s", re.IGNORECASE)
#: A descriptor with the name beside it: "the spokesman, Jane Roe".
NAMED_APPOSITION: Final = rx.compile(r",\s*[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){1,3}$")
#: A name used as an adjective: "the Hamas-run ministry".
ADJECTIVAL: Final = rx.compile(
    r"-(?:run|controlled|held|led|backed|affiliated|aligned|allied|based|appointed|installed)\b",
    re.IGNORECASE,
)


def claim_is_noun(text: str, start: int, end: int) -> bool:
    """Whether "claim" (or "report(s)") at `start` is the noun: after a determiner ("the claim",
    "its latest claim", "these reports", "a UN report") or before a noun's company ("claim of",
    "claim was"); "the rebels claim", "hospital officials report" are verbs.
    """
    if _NOUN_AFTER.match(text, end):
        return True
    if _DETERMINED.search(text, max(0, start - 12), start):
        return True
    if text[start:end].lower() not in ("claim", "report"):
        return False  # "the agency reports": a verb after a singular subject
    before = _LAST_TWO.search(text, max(0, start - 40), start)
    return bool(
        before and _DETERMINER.fullmatch(before.group(1)) and not before.group(2).endswith("s")
    )


#: "an attack in the capital claimed by X": X claimed the attack, not its toll.
_ATTACK_CLAIMED: Final = rx.compile(
    r"\b(?:attacks?|bombings?|blasts?|explosions?|assaults?|raids?|ambush(?:es)?|strikes?"
    r"|massacres?|killings?|operations?)\b[^,;:.\"“”]{0,40}$",
    re.IGNORECASE,
)


_RELATIVE_CLAIMED: Final = rx.compile(
    r"\b(?:that|which)\s+(?:was|were|has\s+been|had\s+been)\s+(?:later\s+|subsequently\s+|"
    r"also\s+|since\s+)?$",
    re.IGNORECASE,
)


def attack_claimed(text: str, start: int, end: int) -> bool:
    """Whether "claimed" at `start` is followed by "by" and follows an attack noun: "an
    attack in the capital claimed by the Front" names who did it, not who counted."""
    if not text[end : end + 4].lower().startswith(" by "):
        return False
    if _RELATIVE_CLAIMED.search(text, max(0, start - 40), start):
        return True  # "..., that was later claimed by the Islamic State group"
    return _ATTACK_CLAIMED.search(text, max(0, start - 48), start) is not None


def background_asides(text: str) -> list[tuple[int, int]]:
    """Relative asides that tell background ("Hamas, whose attack killed 1,400, said"); one
    inside a quotation is the quoted speaker's own words ("'The raid, which hit the depot on
    Monday resulted in three deaths,' the spokesman said")."""
    out = []
    for m in _BACKGROUND.finditer(text):
        before = text[: m.start()]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue
        if text[m.end() : m.end() + 16].lstrip().lower().startswith("according to"):
            continue  # "the attack, which killed 1,200, according to X": X's figure
        out.append(m.span())
    return out


#: An opening mark typed where a quotation closes, glued to its speech verb ('..., “said X').
_MISTURNED: Final = rx.compile(r"“(?=(?:said|says|added|adds|told)\b)")


def misturned_close(text: str, pos: int) -> bool:
    """Whether the "“" at `pos` closes a quotation: it is glued to the speech verb after it
    ('... were found, “said the officer'), a typo for "”"."""
    return text.startswith("“", pos) and _MISTURNED.match(text, pos) is not None


def opens_quote(text: str, inside: bool) -> bool:
    """Whether a quotation is still open at the end of `text` (it runs on into the next)."""
    opens = text.count("“")
    closes = text.count("”")
    if opens:
        misturned = len(_MISTURNED.findall(text))
        opens, closes = opens - misturned, closes + misturned
    if opens or closes:
        return opens > closes or (inside and opens == closes and text.lstrip()[:1] != "“")
    return inside != (text.count('"') % 2 == 1)  # an odd count opens or closes one


#: A sentence whose speaker says "this" of the one before: "Jo Li, head of the regional
#: administration, announced this on Telegram." (not "said this was the worst attack").
_SAYS_THIS: Final = rx.compile(
    r"\s*([^.!?\n]{2,160}?)\s(?:said|says|announced|reported|wrote|stated|posted|confirmed)"
    r"\s+(?:this|so)(?=\s+(?:on|in|via|at|to|during)\b|\s*[,.;])"
)


#: A sentence that adds to the one before and names its speaker at its end: "An 80-year-old
#: woman was killed and two were injured. In addition, a man was taken to hospital, Governor
#: Jo Li said on Telegram." The speaker is the earlier sentence's too.
_ADDS_NEXT: Final = rx.compile(
    r"\s*(?:In\s+addition|Additionally),\s[^.!?\n]{2,240}?,\s+([^.!?\n,]{2,100}?)"
    r"\s(?:said|says|wrote|reported)\b(?=[^.!?\n]{0,40}[.!?])"
)


def says_this_next(text: str, end: int) -> tuple[Sentence, int] | None:
    """The sentence after the one ending at `end` (up to its speech verb) and the verb's
    offset in it, when its speaker says "this" of that sentence (or adds to it, naming the
    speaker at its end): its figures are his."""
    m = _SAYS_THIS.match(text, end) or _ADDS_NEXT.match(text, end)
    if m is None:
        return None
    return Sentence(m.start(1), m.end(), text[m.start(1) : m.end()], -1), m.end(1) - m.start(1)
