"""Count expressions in a sentence: "at least 73", "seventy-three", "dozens of", "heavy losses".

Bounds follow SPEC §4 "Count expressions". Choices the table leaves open:

- "more than N" / "over N" give N+1 and no upper bound; "less than N" / "fewer than N" /
  "under N" give no lower bound and N-1 (modifier ``less_than``).
- A bound on a vague quantity applies to its own bounds: "more than a dozen" is 13/-,
  "at least dozens" 24/-, "up to hundreds" -/999.
- A vague word before a multiplier, or before "of" and a plural scale, multiplies:
  low * unit .. (high + 1) * unit - 1, so "several hundred" is 300/999, "a few dozen" 24/71 and
  "tens of thousands" 20000/99999 (SPEC's scores and hundreds follow the same rule).
- "a dozen" is the number 12 (modifier ``exact``), "two dozen" 24, "half a dozen" 6, "both" 2.
- "N to M", "N or M" and "N-M" are ranges only when N < M; "from N to M" is a change of a
  figure ("the toll rose from 12 to 30"), so it gives two exact counts.
- Explicit zeros ("no one", "none", "no casualties") are 0/0 with modifier ``denial``.
- A decimal point is read only before a scale ("1.5 million"); "1.200" is not a count, since
  it is 1.2 in English and 1200 in much of Europe.
- A number glued to letters ("3rd", "10pm", "5km", "F-16") or written as a time or date
  ("10:30", "28/9") is not a count; more than nine digits is not a count either.

Spelled-out numbers are valued by the text2num library (it validates word order, e.g. rejects
"seventy seventy", and knows "twelve hundred"); the vocabulary that says where such numbers and
the vague and qualitative phrases are lives in ``casualty/data/count_words.toml``.

Speed: words are located with ``str.find`` of a fixed anchor vocabulary and digits with one
linear regular expression; each anchor is then read from a bounded window of tokens, so the
time is linear in the text and no pattern can backtrack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from casualty.dates import MONTHS
from casualty.extract.count_context import is_non_casualty_number
from casualty.extract.count_lexicon import (
    DENIAL,
    DENIAL_NOUN,
    MOD,
    NUMBER,
    QUAL,
    QUAL_NOUN,
    VAGUE,
    Lexicon,
    Phrase,
    Tok,
    glued,
    lexicon,
    tokens,
)
from casualty.extract.count_numbers import DASHES, MAX_DIGITS, numeric
from casualty.extract.count_phrases import QUOTES, bound_after, bound_before, phrase_at

__all__ = ["Count", "find_counts", "is_non_casualty_number", "parse_number"]

#: How far past an anchor a count expression is read, in characters and tokens: first a
#: narrow window (almost every expression fits), then a wide one when the expression reaches
#: the narrow window's end.
_AHEAD: Final = ((40, 6), (200, 32))
#: Longest text whose counts keep their token window: beyond it (a whole book in one call)
#: the kept tokens would burden memory and the garbage collector more than re-reading costs.
_KEEP_WINDOW_UP_TO: Final = 20_000
_BEHIND_CHARS: Final = 36
_BEHIND_TOKENS: Final = 5

_DIGITS: Final = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_ASCII_WORD: Final = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Count:
    """One count expression: its span, its bounds, and where the counted noun phrase starts."""

    start: int
    end: int
    low: int | None
    high: int | None
    #: The expression as written: ``text[start:end]``.
    qualifier: str
    #: exact, at_least, more_than, about, nearly, up_to, less_than, range, vague,
    #: qualitative or denial.
    modifier: str
    #: Offset of the counted noun phrase (after the number and an "of").
    head_start: int
    #: Tokens just before and after the expression as read, and whether more text follows
    #: them, kept so that ``is_non_casualty_number`` need not read the text again.
    window: tuple[tuple[Tok, ...], tuple[Tok, ...], bool] | None = field(
        default=None, compare=False, repr=False
    )


def parse_number(token: str) -> int | None:
    """The integer a number written alone denotes, else None.

    >>> parse_number("1,200"), parse_number("seventy-three"), parse_number("1.5 million")
    (1200, 73, 1500000)
    """
    seq = tokens(token, 0, len(token), 32)
    if not seq:
        return None
    lex = lexicon()
    got = phrase_at(seq, 0, lex, kinds=(NUMBER,), anchored_start=True)
    if got is not None:
        phrase, first, last = got
        return phrase.low if last == len(seq) - 1 and first == 0 else None
    num = numeric(seq, 0, lex)
    if num is None or num[1] != len(seq) - 1:
        return None
    return num[0]


# --- reading -------------------------------------------------------------------------------


def _lowered(text: str) -> str:
    """``text.lower()`` with the same length, so offsets stay valid ("İ" lowers to 2 chars)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _anchors(text: str, lex: Lexicon, singular: bool) -> list[tuple[int, int, bool]]:
    """Where a count expression may start or be found: (start, end, is_digits), sorted."""
    found = [(m.start(), m.end(), True) for m in _DIGITS.finditer(text)]
    low = _lowered(text)
    vocab = lex.anchors | lex.singular_nouns if singular else lex.anchors
    n = len(low)
    for word in vocab.intersection(_ASCII_WORD.findall(low)):
        i = low.find(word)
        while i >= 0:
            e = i + len(word)
            if (i == 0 or not low[i - 1].isalpha()) and (e == n or not low[e].isalpha()):
                found.append((i, e, False))
            i = low.find(word, e)
    found.sort()
    return found


def _window(
    text: str,
    s: int,
    e: int,
    floor: int,
    digits: bool,
    wide: bool,
    lex: Lexicon,
    look_back: bool,
) -> tuple[list[Tok], int]:
    lo = max(floor, s - _BEHIND_CHARS)
    pieces = text[lo:s].split()
    last = pieces[-1].lower() if pieces else ""
    glued_before = s > lo and not text[s - 1].isspace()  # "MH17", "$5", "T-72"
    if not last or (
        last.isalpha() and last not in lex.back_words and not (look_back or glued_before)
    ):
        back = []  # nothing before can bound or qualify the number: skip tokenising it
    else:
        back = tokens(text, lo, s, 16)
        if back and lo > floor and text[lo - 1].isalnum() and back[0].start == lo:
            back = back[1:]
        back = back[-_BEHIND_TOKENS:]
    chars, limit = _AHEAD[wide]
    ahead = min(len(text), e + chars)
    if digits:
        anchor = tuple.__new__(Tok, (text[s:e], s, e))  # digits: nothing to lowercase
        fwd = [anchor, *tokens(text, e, ahead, limit)]
    else:
        fwd = tokens(text, s, ahead, limit)
    return back + fwd, len(back)


class _Core(NamedTuple):
    """The quantity read at an anchor (a named tuple: one is built per anchor read)."""

    first: int
    last: int
    low: int | None
    high: int | None
    kind: str
    head: int | None = None


def _core(seq: list[Tok], a: int, lex: Lexicon, singular: bool) -> _Core | None:
    """The quantity at ``seq[a]`` without its bounding words."""
    got = phrase_at(seq, a, lex, kinds=(NUMBER, VAGUE, QUAL, QUAL_NOUN, DENIAL, DENIAL_NOUN, MOD))
    if got is not None:
        phrase, first, last = got
        if phrase.kind == MOD:
            return None
        if phrase.kind == NUMBER:
            return _Core(first, last, phrase.low, phrase.high, "exact")
        if phrase.kind == VAGUE:
            return _vague(seq, phrase, first, last, lex)
        kind = "denial" if phrase.kind in (DENIAL, DENIAL_NOUN) else "qualitative"
        head = seq[last].start if phrase.kind in (QUAL_NOUN, DENIAL_NOUN) else None
        return _Core(first, last, phrase.low, phrase.high, kind, head)
    num = numeric(seq, a, lex)
    if num is not None:
        return _range(seq, a, num, lex)
    if singular and seq[a].low in lex.singular_nouns:
        for art in (a - 1, a - 2):
            if art >= 0 and seq[art].low in ("a", "an"):
                if art == a - 2 and not seq[a - 1].word:
                    break
                return _Core(art, art, 1, 1, "exact", seq[art + 1].start)
    return None


def _vague(seq: list[Tok], phrase: Phrase, first: int, last: int, lex: Lexicon) -> _Core | None:
    low, high = phrase.low or 0, phrase.high or 0
    nxt = seq[last + 1].low if last + 1 < len(seq) else ""
    after = seq[last + 2].low if last + 2 < len(seq) else ""
    if phrase.words[-1] in lex.vague_need_of and nxt not in ("of", "more"):
        return None  # "tens of people", "tens more injured"; not "in the tens"
    unit = 0
    if nxt in lex.multipliers and not nxt.endswith("s"):
        unit, last = lex.multipliers[nxt], last + 1
    elif nxt == "of" and after.endswith("s") and after in lex.multipliers:
        unit, last = lex.multipliers[after], last + 2
    if unit:
        low, high = low * unit, (high + 1) * unit - 1
    return _Core(first, last, low, high, "vague")


#: Words that make a second figure the upper end of a range ("20 and possibly 40").
_HEDGES: Final = frozenset({"possibly", "perhaps", "maybe", "probably"})


def _range(seq: list[Tok], a: int, num: tuple[int, int], lex: Lexicon) -> _Core:
    value, last = num
    opener = seq[a - 1].low if a > 0 else ""
    hedged = last + 3 < len(seq) and seq[last + 2].low in _HEDGES  # "20 and possibly 40"
    if hedged and seq[last + 1].low in ("and", "or", ","):
        other = numeric(seq, last + 3, lex)
        if other is not None and other[0] > value:
            return _Core(a, other[1], value, other[0], "hedged")
    if last + 2 < len(seq):
        link = seq[last + 1].low
        joins = link in DASHES or link == "or" or (link == "to" and opener != "from")
        # "NAIROBI, Feb 3 – Fifteen people were killed": a dateline's day, then the toll.
        month = opener if opener != "." or a < 2 else seq[a - 2].low
        joins = joins and month not in MONTHS
        if joins or (link == "and" and opener == "between"):
            other = numeric(seq, last + 2, lex)
            if other is not None and other[0] > value:
                first = a - 1 if opener == "between" else a
                return _Core(first, other[1], value, other[0], "range")
    return _Core(a, last, value, value, "exact")


def _bounded(mod: str, low: int | None, high: int | None) -> tuple[int | None, int | None]:
    if mod == "at_least":
        return low, None
    if mod == "more_than":
        return (None if low is None else low + 1), None
    if mod == "up_to":
        return None, high
    if mod == "less_than":
        return None, (None if low is None else max(low - 1, 0))
    return low, high


def _as_many_again(seq: list[Tok], first: int, last: int, prev: Count) -> bool:
    """Whether "many" at `first` is "as many" (not "as many as") after an exact figure."""
    if prev.low is None or prev.low != prev.high or seq[first].low != "many":
        return False
    after = seq[last + 1].low if last + 1 < len(seq) else ""
    return first > 0 and seq[first - 1].low == "as" and after != "as"


def _is_head_of(prev: Count | None, seq: list[Tok], first: int) -> bool:
    """Whether a bare noun ("casualties") is the counted noun of the count just before it."""
    if prev is None or seq[first].start - prev.end > 40:
        return False
    between = [t for t in seq[:first] if t.start >= prev.end]
    return len(between) <= 3 and all(t.word for t in between)


def _read(
    text: str,
    s: int,
    e: int,
    floor: int,
    lex: Lexicon,
    singular: bool,
    prev: Count | None,
    wide: bool = False,
) -> Count | None:
    if e - s > 2 * MAX_DIGITS + 2 and text[s].isdigit():
        return None
    word = text[s:e].lower()
    # "a Syrian soldier", and "casualties" that may be the head of the count before it
    look_back = word in lex.bare_nouns or (singular and word in lex.singular_nouns)
    seq, a = _window(text, s, e, floor, text[s].isdigit(), wide, lex, look_back)
    if a >= len(seq):
        return None
    core = _core(seq, a, lex, singular)
    if core is None:
        return None
    first, last, low, high, mod = core.first, core.last, core.low, core.high, core.kind
    bare_noun = mod == "qualitative" and core.head is not None and first == last
    if mod == "qualitative" and prev is not None and _as_many_again(seq, first, last, prev):
        # "four killed and as many wounded": the same number again
        first, low, high, mod = first - 1, prev.low, prev.high, "exact"
    if bare_noun and _is_head_of(prev, seq, first):
        return None
    if mod == "hedged":  # "(at least) 20 and possibly 40": the second figure is the top
        mod = "range"
        pre = bound_before(seq, first, lex)
        if pre is not None and pre[0] in ("at_least", "more_than"):
            first = pre[1]
            low = _bounded(pre[0], low, high)[0]
    elif mod in ("exact", "range", "vague"):
        pre = bound_before(seq, first, lex)
        if pre is not None:
            mod, first = pre
            low, high = _bounded(mod, low, high)
            after = seq[last + 1] if last + 1 < len(seq) else None
            if after is not None and after.low in QUOTES and glued(seq[last], after):
                last += 1
        elif mod == "exact":
            post = bound_after(seq, last, lex)
            if post is not None:
                mod, last = post
                low, high = _bounded(mod, low, high)
    if not wide and last + 3 >= len(seq) and seq[-1].end < len(text):
        return _read(text, s, e, floor, lex, singular, prev, wide=True)
    start, end = seq[first].start, seq[last].end
    head = core.head
    if head is None:
        head = end
        if last + 1 < len(seq):
            nxt = seq[last + 1]
            head = nxt.start
            if nxt.low == "of":
                head = seq[last + 2].start if last + 2 < len(seq) else nxt.end
    window = None
    if len(text) <= _KEEP_WINDOW_UP_TO:
        tail = seq[-1].end
        cut = tail < len(text) and not text[tail:].isspace()
        window = (tuple(seq[max(0, first - 4) : first]), tuple(seq[last + 1 :]), cut)
    return Count(start, end, low, high, text[start:end], mod, head, window)


#: Characters after an anchor word that end its token (a quote may join "dead's").
_ENDS_TOKEN: Final = frozenset(' \t\n\r\f\v!"#$%&()*+,-./:;<=>?@[\\]^`{|}~')


def _unread(text: str, s: int, e: int, floor: int, lex: Lexicon) -> bool:
    """Whether the word anchor ``text[s:e]`` surely starts no count, without its window: it
    only occurs inside phrases after a word (`Lexicon.needs_before`) that the text just
    before it (all the window ``_read`` would look back on) does not even contain."""
    need = lex.needs_before.get(text[s:e].lower())
    if need is None or (e < len(text) and text[e] not in _ENDS_TOKEN):
        return False
    before = text[max(floor, s - _BEHIND_CHARS) : s].lower()
    return not any(word in before for word in need)


def find_counts(text: str, singular: bool = False) -> list[Count]:
    """Every count expression in ``text``, left to right, non-overlapping.

    ``singular`` also reads "a" / "an" before a victim noun ("a soldier was killed") as a
    count of one; it is off by default because most such articles are not counts.

    >>> [(c.qualifier, c.low, c.high) for c in find_counts("at least 73 killed, dozens hurt")]
    [('at least 73', 73, None), ('dozens', 24, 99)]
    """
    lex = lexicon()
    out: list[Count] = []
    floor = 0
    for s, e, digits in _anchors(text, lex, singular):
        if s < floor or (not digits and _unread(text, s, e, floor, lex)):
            continue
        count = _read(text, s, e, floor, lex, singular, out[-1] if out else None)
        if count is not None:
            out.append(count)
            floor = count.end
    return out
