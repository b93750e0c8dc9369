"""Speech cues that name no speaker where the plain reading would take one.

Pure checks used by `casualty.extract.attribution`, each cheap (a substring test before any
regex): a passive speech verb, whose subject is what was reported, not who reported it
("twelve people were reported killed", "are estimated to have died"); "X was quoted as
saying", whose speaker is X, not the sentence's first noun; an inverted "said" followed by a
time ("..., said Sunday that"), which names no speaker; and the figures a source compiled
("according to figures compiled by X"), whose compiler is the claimant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from casualty import rx
from casualty.dates import WEEKDAY_RE

__all__ = [
    "carries_on",
    "figures_of",
    "is_passive",
    "is_witness",
    "more_victims",
    "name_cut",
    "no_speaker",
    "opens_paragraph",
    "own_relative",
    "quoted_as",
    "quoted_object",
    "relative_before",
    "says_other",
    "statement_reads",
    "toll_verb",
    "unmasked",
]

#: A form of "be" (and adverbs) right before the verb: a passive ("were reportedly said").
_PASSIVE: Final = rx.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+|also\s+|later\s+|now\s+){0,2}$",
    re.IGNORECASE,
)
#: What "reported" as a participle says of the noun before it: "reported killed", "reported
#: to have died" ("claimed to have killed" is the claimant's own speech).
_REPORTED_AS: Final = rx.compile(
    r"\s+(?:to\s+(?:have|be)\b|(?:killed|dead|missing|wounded|injured|hurt|captured|kidnapped"
    r"|abducted|detained|arrested)\b)",
    re.IGNORECASE,
)
#: "X was quoted as saying": the subject before it speaks.
_QUOTED_AS: Final = rx.compile(
    r"\b(?:is|are|was|were|been)\s+(?:[a-z]+ly\s+)?quoted\s+(?:by\s+[^,;]{1,40}?\s+)?as\s+$",
    re.IGNORECASE,
)
#: From a figure to a speech verb in a relative clause on its victims: "11 soldiers, which
#: the ministry " (then "said were killed").
_OWN_RELATIVE: Final = rx.compile(
    r"[\w.,-]+(?:\s+[^\W\d_][\w'’-]*){0,4},?\s+(?:who|whom|which|that)(?:\s+[\w'’-]+){1,4}\s+",
    re.IGNORECASE,
)
_AUX_NEXT: Final = rx.compile(r"\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s", re.I)
#: After "who", the subject of the verb that follows: "who the ministry said", "who police
#: said" (not "who was hurt in the blast said", whose subject is before "who").
_OBJECT_RELATIVE: Final = rx.compile(
    r"(?:(?:the|its|their|it|they|he|she|police|officials|authorities)\b|[A-Z])"
    r"(?!\S*\s+(?:\S+\s+)*?(?:was|were|is|are|had|has|have|been)\b)[^\s,;]*(?:\s+[^\s,;]+){0,3}\s*"
)
#: "Local media quoted the ministry as saying": the one quoted (the object) speaks.
_QUOTED_OBJECT: Final = rx.compile(
    r"\b(?:quot|cit)(?:ed|es|ing)\s+(?!(?:as|by|in|from)\b)([^;:.\"“”]{2,120}?),?\s+as\s+$",
    re.IGNORECASE,
)
_RELATIVE: Final = rx.compile(r"\s(?:who|which|that)\s")
#: Words that name no speaker after an inverted verb or as a subject.
_NO_SPEAKER: Final = rx.compile(
    r"(?:there|here|no\s+one|nobody|none|neither\s.*"
    r"|(?:fake|false|misleading)\s+(?:news|reports?|claims?|rumou?rs?)"
    rf"|(?:on\s+|late\s+|early\s+)?(?:{WEEKDAY_RE}"
    r"|yesterday|today|tonight|earlier|later|last\s+\w+|this\s+(?!(?:source|official|officer"
    r"|spokesman|spokeswoman|spokesperson|witness|resident|doctor|medic|commander)\b)\w+))\b",
    re.IGNORECASE,
)
#: The figures a source compiled: "figures compiled by", "data from", "a tally by".
_FIGURES_OF: Final = rx.compile(
    r"\s*(?:the\s+|an?\s+)?(?:latest\s+|official\s+|preliminary\s+)?(?:figures|data|estimates?"
    r"|tall(?:y|ies)|statistics|counts?|records)\s+(?:(?:\w+ed|shown|given|drawn|kept|seen)\s+)?"
    r"(?:by|from|of)\s+"
    # "a report in Wednesday's issue of the newssheet X", "a report by X": X's report
    r"|\s*an?\s+report\s+(?:by|from|in)\s+(?:[\w'’]+\s+issue\s+of\s+)?(?:the\s+)?"
    r"(?:(?:independent|local|state|daily|weekly|online)\s+)*(?:newssheet|newspaper|daily"
    r"|weekly|news\s+site|website|outlet|paper)?\s*[\"“]?",
    re.IGNORECASE,
)
#: A sentence that adds to the last one's toll: "Nine others were hurt", "A further six".
_MORE: Final = rx.compile(
    r"(?:another|a\s+further|(?:[\w-]+\s+){1,2}(?:other|more|further)\b(?!\s+(?:attack|strike|incident)))",
    re.IGNORECASE,
)
#: People who speak for themselves (their head type is `unknown`): "residents and an officer",
#: "one survivor", "another witness".
_WITNESS: Final = rx.compile(
    r"(?:(?:the|a|an|one|another|local|some|other)\s+)*(?:residents?|witness(?:es)?"
    r"|eyewitness(?:es)?|villagers?|survivors?|relatives|locals)",
    re.IGNORECASE,
)
#: A written text as the subject of "read(s)": "The statement read:", "the post reads".
_TEXT_READS: Final = rx.compile(
    r"\b(?:statement|communiqu[eé]|post|message|letter|notice|release|tweet)['’\"”]?\s+$",
    re.IGNORECASE,
)
#: "..., as X said an operation was ongoing": X's own clause follows the verb.
_AS_CLAUSE: Final = rx.compile(r",\s+as\s+[^,;]{2,80}$", re.IGNORECASE)
_CONTENT: Final = rx.compile(
    r"\s+(?:that\s+)?(?!(?:on|in|at|late|early|last|this|earlier|later)\b)(?:[\w'’-]+\s+){1,9}?"
    r"(?:was|were|is|are|had|has|have|would|will|could)\b",
    re.IGNORECASE,
)
_TOLL_OBJECT: Final = rx.compile(
    r"\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:toll|number|figure|tally|count|estimate|statement|communiqu[eé])",
    re.IGNORECASE,
)
_AFTER_QUOTE: Final = rx.compile(r"[”\"]\s*,\s*$")
_ACCUSED_OF: Final = rx.compile(
    r"\s+[“\"]?[^.;:]{1,60}?\bof\s+(?:killing|murdering|massacring|executing|abducting"
    r"|kidnapping|wounding)\b",
    re.IGNORECASE,
)
#: "spoke of" and a figure (or a toll noun): "a deputy spoke of 23 deaths".
_OF_FIGURE: Final = rx.compile(r"\s+of\s+(?:at\s+least\s+|more\s+than\s+|about\s+)?[\w-]+", re.I)
#: A determiner before "updated"/"revised": an adjective ("an updated figure"), not a verb.
_DETERMINED: Final = rx.compile(r"\b(?:a|an|the|its|their|this|that)\s+$", re.IGNORECASE)
#: What a masked bracket leaves in a phrase: "Officer ,   ,, Jo Li" for "Officer (RPO), Jo Li".
_MASK_LEFT: Final = rx.compile(r"\s*,(?:\s*,)+|\s+,|\s{2,}")
_FIGURE_WORDS: Final = (
    "figure", "data", "estimate", "tall", "statistic", "count", "record", "report"
)  # fmt: skip


def is_passive(text: str, start: int, end: int) -> bool:
    """Whether the speech verb at `start` is a passive ("were reported", "is estimated"), a
    participle of a reduced relative ("five soldiers reported killed", "a man previously
    reported to have died") or names someone ("a commander identified as X", "described
    as"): no speaker either way."""
    if text.startswith(" as ", end) and text[start:end].lower() in ("identified", "described"):
        return True
    if text[start:end].lower() == "reported" and _REPORTED_AS.match(text, end):
        return True
    before = text[max(0, start - 40) : start]
    return " " in before and _PASSIVE.search(before) is not None


def quoted_as(text: str, start: int) -> int:
    """Where "was quoted as" (or "was quoted by AFP as", the relay between) before the
    participle at `start` begins, else -1."""
    if "quoted" not in text[max(0, start - 80) : start]:
        return -1
    m = _QUOTED_AS.search(text, max(0, start - 80), start)
    if m is None:
        return -1
    before = text[: m.start()].rstrip().rstrip(",")
    comma = before.rfind(",") + 1
    relative = _RELATIVE.search(before, comma)  # "Jane Roe, a reporter who tracks the strikes,"
    return relative.start() if relative is not None else m.start()


def own_relative(text: str, pos: int, start: int, end: int) -> bool:
    """Whether the speech verb at text[start:end] is in a relative clause on the victims of
    the figure at `pos`, reporting their fate: "11 soldiers, which the ministry said were
    killed" (the ministry's claim), not "12 died in a bombing that IS said it carried out"."""
    if start - pos > 120:
        return False
    return (
        _OWN_RELATIVE.fullmatch(text, pos, start) is not None
        and _AUX_NEXT.match(text, end) is not None
    )


def quoted_object(text: str, start: int) -> tuple[int, int] | None:
    """The span of X in "quoted X as" (or "cited X as") right before the participle at
    `start` ("State TV quoted a police officer as saying"): X speaks; the one quoting only
    relays."""
    window = text[max(0, start - 160) : start].lower()
    if "quot" not in window and "cit" not in window:
        return None
    m = _QUOTED_OBJECT.search(text, max(0, start - 160), start)
    return m.span(1) if m is not None else None


def quoting(text: str, start: int) -> bool:
    """Whether the participle at `start` is "quoted X as saying" or "X was quoted as"."""
    return quoted_object(text, start) is not None or quoted_as(text, start) >= 0


def no_speaker(phrase: str) -> bool:
    """Whether a claimant phrase is a time or "no one" ("said Sunday", "No one has claimed")."""
    return _NO_SPEAKER.fullmatch(phrase.strip(" ,\"“”‘’'")) is not None


def figures_of(text: str, pos: int) -> int:
    """Past "figures compiled by" at `pos` (after "according to"), else `pos` itself."""
    head = text[pos : pos + 24].lower()
    if not any(w in head for w in _FIGURE_WORDS):
        return pos
    m = _FIGURES_OF.match(text, pos)
    return m.end() if m is not None else pos


def more_victims(text: str, after_speaker: bool) -> bool:
    """Whether a sentence right `after_speaker`'s opens by adding to its toll ("Two others
    died", "A further six were hurt"): it carries on that speaker's report."""
    if not after_speaker:
        return False
    head = text[:40].lower()
    if "other" not in head and "further" not in head and "more" not in head:
        return False
    return _MORE.match(text) is not None


def is_witness(phrase: str) -> bool:
    """Whether a phrase is residents or witnesses ("local residents", "a witness")."""
    return _WITNESS.fullmatch(phrase.strip()) is not None


def relative_before(text: str, verb: int) -> int:
    """Where a relative "who" opens in the clause before the verb at `verb`, when no comma
    closes it ("a journalist who was hurt in the blast said"): the subject ends there."""
    window = text[max(0, verb - 120) : verb]
    if " who " not in window:
        return -1
    at = window.rfind(" who ")
    if any(c in window[at:] for c in ',;"“”') or window[:at].endswith(","):
        return -1  # closed by a comma, or opened by one (", who say ...": see attribution)
    if _OBJECT_RELATIVE.fullmatch(window, at + 5):
        return -1  # "11 soldiers who the ministry said were killed": the ministry speaks
    return verb - len(window) + at


#: An inverted "read" after a quotation: '"...," read a statement from the council'.
_READ_TEXT: Final = rx.compile(
    r"\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:statement|communiqu[eé]|post|message"
    r"|letter|notice|release|tweet)\b",
    re.IGNORECASE,
)


def statement_reads(text: str, start: int) -> bool:
    """Whether "read(s)" at `start` has a written text as subject ("The statement read:"),
    or as inverted subject after a quotation ('"...," read a statement from X')."""
    if _TEXT_READS.search(text, max(0, start - 30), start) is not None:
        return True
    before = text[max(0, start - 3) : start].rstrip()
    end = start + (5 if text.startswith("reads", start) else 4)
    return before[-1:] in ",\"”'’" and _READ_TEXT.match(text, end) is not None


def says_other(text: str, start: int, end: int) -> bool:
    """Whether the verb at `start` opens an aside with its own reported clause after an earlier
    figure ("12 died, as the commander said an operation was ongoing"): not that figure's source."""
    if " as " not in text[max(0, start - 82) : start]:
        return False
    return bool(_AS_CLAUSE.search(text, max(0, start - 82), start) and _CONTENT.match(text, end))


def toll_verb(text: str, start: int, end: int) -> bool:
    """Whether "put", "updated", "raised" at `start` attribute a toll: a verb with the toll as
    its object ("put the toll at 12"), not an adjective ("came with an updated figure")."""
    if _AFTER_QUOTE.search(text, max(0, start - 4), start):
        return True  # '"...", published the tracker': an inverted speech verb
    if text[start:end].lower().startswith("accus"):
        return _ACCUSED_OF.match(text, end) is not None  # "accused the RSF of killing 43"
    if text[start:end].lower().startswith("spo"):
        return _OF_FIGURE.match(text, end) is not None  # "spoke of 23 deaths"
    if _TOLL_OBJECT.match(text, end) is None:
        return False
    return _DETERMINED.search(text, max(0, start - 8), start) is None


def unmasked(phrase: str) -> str:
    """A subject phrase without the commas and blanks a masked aside left in it."""
    if "  " not in phrase and ",," not in phrase and " ," not in phrase:
        return phrase
    return _MASK_LEFT.sub(lambda m: "," if "," in m.group() else " ", phrase).strip(" ,")


#: Capitalised words only: a name after a descriptor ("The News Agency Nigeria").
_NAME_TAIL: Final = rx.compile(r"(?:\s+[A-Z][\w'’.\-]*)+")


def name_cut(phrase: str, descriptors: Sequence[tuple[int, int, object]]) -> str:
    """`phrase` cut after its descriptor (ending at `end`) when only a name follows it: "The News
    Agency Nigeria" is an agency, and its last word must not match an earlier "Nigeria Police
    Force" as the head of a descriptor does ("the force" after "Nigeria Police Force")."""
    end = descriptors[0][1] if descriptors else 0
    if 0 < end < len(phrase) and _NAME_TAIL.fullmatch(phrase, end):
        return phrase[:end]
    return phrase


#: A sentence that opens on its figure and says only its outcome: "Five volunteers were
#: slightly wounded", "Two of them died later".
_BARE_TOLL: Final = rx.compile(
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"dozens|scores|hundreds)\s+(?:[\w-]+\s+){0,3}?(?:were|was|have\s+been|had\s+been|are)\s+"
    r"(?:[a-z]+ly\s+)?(?:killed|wounded|injured|hurt|dead|hospitali[sz]ed)"
    r"(?:\s+with\s+[^,;:.\d]{1,50})?\s*[.!]?$",
    re.IGNORECASE,
)


#: A quoted run of at least three words (a scare quote, '"terrorists"', is no quotation).
_QUOTED_WORDING: Final = rx.compile(r"[\"“](?:[^\"“”\s]+\s+){2,12}[^\"“”\s]+[\"”]")


def opens_paragraph(text: str, start: int) -> bool:
    """Whether the sentence at `start` of the article `text` opens a paragraph."""
    return "\n" in text[max(0, start - 8) : start] or start == 0


def carries_on(text: str, after_speaker: bool, new_paragraph: bool, toll: bool = True) -> bool:
    """Whether a sentence without a speaker of its own carries on the speaker of the sentence
    right before it: it adds to that sentence's toll (`toll`: it gave one; "Two others
    died", see `more_victims`), or it only states a toll in the same paragraph ("X said ... .
    Five volunteers were slightly wounded."), or quotes words in the same paragraph, as an
    analyst reads it; a new paragraph is the outlet's own voice again."""
    if more_victims(text, after_speaker and toll):
        return True
    if not after_speaker or new_paragraph:
        return False
    # ... or it quotes the same statement's wording without a speaker ("Gunmen attacked the
    # post using 'rockets and armed drones', killing 12."): not the outlet's own words.
    return _BARE_TOLL.match(text) is not None or _QUOTED_WORDING.search(text) is not None
