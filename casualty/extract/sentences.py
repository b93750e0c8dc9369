"""Sentence splitting with character spans, aware of abbreviations, quotes and paragraphs.

The splitter is a single linear scan over candidate boundaries (`.`, `!`, `?` and line
breaks), so its cost is proportional to the text length whatever the text holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

#: Words that end with a full stop without ending the sentence (compared lower-cased).
ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cpt",
        "cmdr",
        "adm",
        "brig",
        "cpl",
        "pvt",
        "st",
        "sr",
        "jr",
        "rev",
        "gov",
        "sen",
        "rep",
        "pres",
        "hon",
        "fr",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "vs",
        "etc",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.n",
        "u.k",
        "u.a.e",
        "e.u",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "d.c",
        "s.a",
        "u.s.a",
    ]
)

# A boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the text, its text and the index of its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Single capital initials ("John F. Kennedy", "U.S.") but not a sentence-final pronoun "I".
    return len(word) == 1 and m.group(1).isupper() and word != "i"


def _next_starts_sentence(text: str, pos: int) -> bool:
    """True when the first non-space character after `pos` can open a sentence."""
    n = len(text)
    while pos < n and text[pos] in " \t\r":
        pos += 1
    if pos >= n or text[pos] == "\n":
        return True
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘(["


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with exact spans; blank lines start a new paragraph.

    >>> [s.text for s in split_sentences("Gen. Smith said 3 died. Two were hurt.")]
    ['Gen. Smith said 3 died.', 'Two were hurt.']
    """
    out: list[Sentence] = []
    paragraph = 0
    start = 0
    n = len(text)

    def emit(end: int) -> None:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, text[s:e], paragraph))

    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            emit(m.start())
            start = m.end()
            # A line break ends the paragraph (news bodies put one paragraph a line).
            if out and out[-1].paragraph == paragraph:
                paragraph += 1
            continue
        end = m.end()
        last_dot = m.start() + len(m.group().rstrip("\"'”’)]")) - 1
        if _is_abbreviation(text, last_dot) and not _quote_closed(m.group()):
            continue
        if not _next_starts_sentence(text, end) and not _lower_start_ok(text, m.start(), end):
            continue
        emit(end)
        start = end
    if start < n:
        emit(n)
    return [piece for sentence in out for piece in _bounded(sentence)]


#: Longest sentence handed on whole: run-on text is cut so per-sentence work stays bounded.
MAX_SENTENCE: Final = 1000


def _bounded(sentence: Sentence) -> list[Sentence]:
    """`sentence` cut at commas (else spaces) into pieces of at most MAX_SENTENCE characters."""
    if sentence.end - sentence.start <= MAX_SENTENCE:
        return [sentence]
    pieces: list[Sentence] = []
    text, base = sentence.text, sentence.start
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + MAX_SENTENCE)
        if end < len(text):
            cut = max(text.rfind(", ", pos, end), text.rfind(" ", pos, end))
            if cut > pos:
                end = cut + 1
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            s = base + pos + lead
            pieces.append(Sentence(s, s + len(stripped), stripped, sentence.paragraph))
        pos = end
    return pieces


def _lower_start_ok(text: str, punct: int, end: int) -> bool:
    """A full stop after an ordinary word, then a lower-case "the ": a sentence the source
    left uncapitalised (it happens in copied news text)."""
    if text[punct] != "." or punct < 3 or not text[punct - 3 : punct].isalpha():
        return False
    return text.startswith(" the ", end) and text[punct - 3 : punct].islower()


def _quote_closed(boundary: str) -> bool:
    return any(ch in boundary for ch in '"”’')
