"""Numbers as written in news text: "1,200", "٧٣", "1.5 million", "3m", "seventy-three".

Spelled-out numbers are valued by the text2num library, which validates word order (it
rejects "seventy seventy") and knows forms such as "twelve hundred"; "dozen" multiplies.
A decimal point is read only before a scale ("1.5 million"): "1.200" is 1.2 in English and
1200 in much of Europe, so it is no count.
"""

from __future__ import annotations

from typing import Final

from casualty.extract.count_lexicon import Lexicon, Tok, glued

#: Longest digit string (separators excluded) still read as a count.
MAX_DIGITS: Final = 9
DASHES: Final = frozenset({"-", "–", "—", "‑"})


def _digit_value(tok: Tok) -> tuple[int, int] | None:
    """Integer part and decimal part (as numerator, denominator digits) of a digit token."""
    if tok.low.isascii() and tok.low.isdigit():  # "12": most figures, no separator to read
        return (int(tok.low), 0) if len(tok.low) <= MAX_DIGITS else None
    raw = tok.low.replace("٬", ",").replace("٫", ".")
    seps = raw.count(",") + raw.count(".")
    if len(raw) - seps > MAX_DIGITS or raw.count(".") > 1:
        return None
    whole, _, frac = raw.partition(".")
    if "," in whole:
        groups = whole.split(",")
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            return None
        whole = "".join(groups)
    if "," in frac:
        return None
    return int(whole), len(frac)


def _scaled(tok: Tok, scale: int) -> int | None:
    if tok.low.isascii() and tok.low.isdigit():
        return int(tok.low) * scale
    raw = tok.low.replace("٬", ",").replace("٫", ".").replace(",", "")
    whole, _, frac = raw.partition(".")
    value = int(whole) * scale
    if frac:
        num = int(frac) * scale
        if num % 10 ** len(frac):
            return None
        value += num // 10 ** len(frac)
    return value


def numeric(seq: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """Value and last token index of the number starting at ``seq[i]``, else None."""
    tok = seq[i]
    if tok.digit:
        return _digits_number(seq, i, lex)
    if tok.low in lex.number_words:
        return _word_number(seq, i, lex)
    return None


def _digits_number(seq: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    tok = seq[i]
    parsed = _digit_value(tok)
    if parsed is None:
        return None
    prev = seq[i - 1] if i > 0 else None
    if (
        prev is not None
        and glued(prev, tok)
        and (
            prev.word
            or prev.low in ":/"
            or (prev.low in DASHES and i > 1 and glued(seq[i - 2], prev) and seq[i - 2].word)
        )
    ):
        # "MH17", "10:30", "28/9", "T-72": names, times and dates, not counts.
        return None
    grouped = _space_grouped(seq, i, lex.context["months"])
    if grouped is not None:
        return grouped
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    scale, last = 1, i
    if nxt is not None and glued(tok, nxt):
        if nxt.word:
            if nxt.low not in lex.scales_glued:
                return None
            scale, last = lex.scales_glued[nxt.low], i + 1
        elif nxt.low in ":/" and i + 2 < len(seq) and seq[i + 2].digit:
            return None
    elif nxt is not None and nxt.low in lex.scales:
        scale, last = lex.scales[nxt.low], i + 1
    if parsed[1] and scale == 1:
        return _dot_grouped(tok.low, last)
    value = _scaled(tok, scale)
    return None if value is None else (value, last)


def _dot_grouped(raw: str, last: int) -> tuple[int, int] | None:
    """A figure with a dot for its thousands ("12.000 troops", as many writers of English
    put it): a count of people has no decimals, so one dot before three digits groups them."""
    whole, _, frac = raw.partition(".")
    if len(frac) != 3 or not 1 <= len(whole) <= 3 or whole[0] == "0" or "," in raw:
        return None
    return (int(whole + frac), last) if (whole + frac).isdigit() else None


#: Glued after a thousands group, these still end a plain figure ("4 000," "4 000.").
_ENDS_FIGURE: Final = frozenset(".,;:)!?'\"”’")


def _space_grouped(seq: list[Tok], i: int, months: frozenset[str]) -> tuple[int, int] | None:
    """Value and last index of "4 000" / "1 200 000": a space as thousands separator.

    Only one to three digits then at most two groups of exactly three (``MAX_DIGITS``), each
    one character apart (a wider gap is two numbers), and not right after one of `months`
    (the lexicon's: "on March 3 200 soldiers" is a date then a figure, not "3 200"). Tokens
    keep no text between them, so a single line break also joins ("4\\n000").
    """
    tok = seq[i]
    if not (tok.low.isascii() and tok.low.isdigit() and len(tok.low) <= 3):
        return None
    if i > 0 and seq[i - 1].low.rstrip(".") in months:
        return None
    value, last = int(tok.low), i
    while last + 1 < len(seq) and last - i < 2:
        nxt = seq[last + 1]
        if not (nxt.start - seq[last].end == 1 and len(nxt.low) == 3 and nxt.low.isdigit()):
            break
        after = seq[last + 2] if last + 2 < len(seq) else None
        if after is not None and glued(nxt, after) and after.low not in _ENDS_FIGURE:
            break  # "4 000-strong", "4 000/5", "4 000km": not a plain figure
        value, last = value * 1000 + int(nxt.low), last + 1
    return None if last == i else (value, last)


def _word_number(seq: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    from text_to_num import text2num

    words = [seq[i].low]
    idx = [i]
    j = i + 1
    while j < len(seq) and len(words) < 12 and words[-1] != "dozen":
        tok = seq[j]
        if tok.low in DASHES and j + 1 < len(seq) and glued(seq[j - 1], tok):
            if glued(tok, seq[j + 1]) and seq[j + 1].low in lex.number_words:
                j += 1
                continue
            break
        if tok.low in lex.number_words:
            words.append(tok.low)
            idx.append(j)
        elif (
            tok.low == "and"
            and words[-1] in lex.scale_words
            and j + 1 < len(seq)
            and seq[j + 1].low in lex.number_words
        ):
            pass
        else:
            break
        j += 1
    while words:
        mult = 1
        body = words
        if body[-1] == "dozen":
            mult, body = 12, body[:-1]
        try:
            value = text2num(" ".join(body), "en") if body else 1
        except ValueError:
            words, idx = words[:-1], idx[:-1]
            continue
        return value * mult, idx[-1]
    return None
