"""Sentence splitting with character spans, aware of abbreviations, quotes and paragraphs.

The splitter is a single linear scan over candidate boundaries (`.`, `!`, `?` and line
breaks), so its cost is proportional to the text length whatever the text holds. Terminal
punctuation is found by a regex that opens with a character class (the engine then skips, in
C, every other character: several times faster than `[.!?]+`), line breaks by `str.find`.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from casualty import rx

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

#: A full stop glued to the next sentence ("were killed.The army said", "Sadi.Matazem lies"),
#: as pages stripped of their markup give it: after a word of three lower-case letters and
#: before a capitalised word. Like `_PUNCT` it opens with a character class; `split_sentences`
#: merges its matches in only for a text that has one.
_GLUED = rx.compile(r"[.!?](?<=[a-z]{3}[.!?])(?<!www\.)[\"'”’)\]]*(?=[“‘]?(?:[A-Z][a-z]|[AI]\s))")
# A boundary: terminal punctuation, optional closing quotes/brackets, then whitespace; a glued
# full stop; or a line break. `_PUNCT` is its first branch written `[.!?][.!?]*` (the same
# matches): a leading character class lets the regex engine skip non-candidates in C. It
# starts only at the first mark of a run (the lookbehind) and takes the run whole (`*+`): a
# run of 20,000 dots not followed by a space was rescanned from each of its dots (quadratic,
# 4 s).
_BOUNDARY = rx.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|" + _GLUED.pattern + r"|\n")
_PUNCT = rx.compile(r"[.!?](?<![.!?].)[.!?]*+[\"'”’)\]]*(?=\s)")
_CLOSERS = "\"'”’)]"
_WORD_BEFORE = rx.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the text, its text and the index of its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int


def _start(match: re.Match[str]) -> int:
    return match.start()


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    # What `_WORD_BEFORE.search(text, max(0, dot - 12), dot)` finds, by two C-level strips:
    # the run of letters and dots that ends the window (or, as `$` allows, that ends it but
    # for one line break), from its first letter.
    window = text[max(0, dot - 12) : dot]
    if window[-1:] == "\n":
        window = window[:-1]
    found = window[len(window.rstrip(_WORD_CHARS)) :].lstrip(".")
    if not found:
        return False
    word = found.lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Single capital initials ("John F. Kennedy", "U.S.") but not a sentence-final pronoun "I".
    return len(word) == 1 and found.isupper() and word != "i"


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
    long = False

    def emit(end: int) -> None:
        nonlocal long
        chunk = text[start:end]
        body = chunk.strip()  # str.strip drops exactly the characters str.isspace accepts
        if "\n" in body:  # a wrapped line (`_line_break`): one space each, offsets kept
            body = body.replace("\r", " ").replace("\n", " ")
        if body:
            s = start + len(chunk) - len(chunk.lstrip())
            out.append(Sentence(s, s + len(body), body, paragraph))
            long = long or len(body) > MAX_SENTENCE

    # Boundaries in text order: each line break before the next punctuation boundary first
    # (a punctuation boundary never holds a line break, so the two never overlap).
    nl = _line_break(text, 0)
    marks: Iterable[re.Match[str]] = _PUNCT.finditer(text)
    if _GLUED.search(text) is not None:  # rare: merged only where needed
        marks = heapq.merge(marks, _GLUED.finditer(text), key=_start)
    for m in marks:
        at = m.start()
        while 0 <= nl < at:
            emit(nl)
            start = nl + 1
            # A line break ends the paragraph (news bodies put one paragraph a line).
            if out and out[-1].paragraph == paragraph:
                paragraph += 1
            nl = _line_break(text, start)
        end = m.end()
        mark = m.group()
        last_dot = at + len(mark.rstrip(_CLOSERS)) - 1
        if _is_abbreviation(text, last_dot) and not _quote_closed(mark):
            continue
        if not _next_starts_sentence(text, end) and not _lower_start_ok(text, at, end):
            continue
        emit(end)
        start = end
    while nl >= 0:
        emit(nl)
        start = nl + 1
        if out and out[-1].paragraph == paragraph:
            paragraph += 1
        nl = _line_break(text, start)
    if start < n:
        emit(n)
    if not long:
        return out
    return [piece for sentence in out for piece in _bounded(sentence)]


def _line_break(text: str, pos: int) -> int:
    """The next line break from `pos` that ends a line, or -1. A break inside a sentence of
    hard-wrapped copy (a lower-case word or a comma before it, a lower-case word opening the
    next line: "a raid killed five" / "civilians on Saturday") only wraps it: skipped."""
    nl = text.find("\n", pos)
    while nl > 0 and _wrapped(text, nl):
        nl = text.find("\n", nl + 1)
    return nl


def _wrapped(text: str, nl: int) -> bool:
    """Whether the line break at `nl` wraps a sentence rather than ending a line."""
    before = text[nl - 1]
    if before == "\r" and nl > 1:
        before = text[nl - 2]
    if not (before.islower() or before == ","):
        return False
    after = nl + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    return after < len(text) and text[after].islower()


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
