"""Whether a count expression is a casualty-figure candidate or a year, age, time, amount...

The decision reads only the words around the expression: the counted noun right after it
("12 tanks", "three years", "10 pm", "5 percent"), and the words just before it ("aged 12",
"in 2014", "Sept 28", "$5", "Brigade 93"). Word lists live in the ``[context]`` section of
``casualty/data/count_words.toml``. A noun it does not know keeps the number a candidate:
missing a filter costs a false claim the attribution stage may still drop, while filtering a
real figure loses the claim for good.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Final

from casualty import rx
from casualty.extract.count_lexicon import Lexicon, Tok, glued, lexicon, tokens

if TYPE_CHECKING:
    from casualty.extract.counts import Count

_YEAR: Final = rx.compile(
    r"(?:(?:between|from)\s+)?\d{4}(?:\s*[-–/]\s*\d{2,4}|\s+(?:and|to)\s+\d{4})?", re.IGNORECASE
)  # "2014-15", "between 2015 and 2018"
_SKIP: Final = frozenset({"of", "the", "a", "an", "-", "–"})
#: How many words after the number may precede the counted noun ("73 Syrian army soldiers").
_NOUN_REACH: Final = 4


#: Words before "zero" that make it an aim ("the goal is zero casualties").
_GOAL: Final = frozenset({"goal", "aim", "aims", "target", "objective", "strive", "strives"})


def _lows(text: str, start: int) -> frozenset[str]:
    return frozenset(t.low for t in tokens(text, max(0, start - 40), start, 12)[-5:])


def _forms(word: str) -> tuple[str, ...]:
    """The word and its singular candidates ("strikes" -> "strike", "casualties" -> "casualty")."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return tuple(forms)


@cache
def _pairs() -> frozenset[str]:
    """Two-word things and units ("air strikes", "per cent", "local time")."""
    phrases = lexicon().context_phrases
    names = ("non_person_nouns", "percent_words", "time_words")
    return frozenset(" ".join(p) for name in names for p in phrases[name] if len(p) == 2)


@cache
def _pair_heads() -> frozenset[str]:
    """First words of `_pairs`: every form `_has` tries of "A B" still opens with "A ", so only
    a word listed here can start a pair (the test before building the pair's forms)."""
    return frozenset(p.split(" ", 1)[0] for p in _pairs())


@cache
def _classes() -> dict[str, bool]:
    """Noun -> True for things and units, False for persons (persons win a clash)."""
    ctx = lexicon().context
    out = dict.fromkeys(
        (
            w
            for name in ("non_person_nouns", "time_units", "currency_words", "percent_words")
            for w in ctx[name]
        ),
        True,
    )
    out.update(dict.fromkeys(ctx["person_nouns"], False))
    return out


def _noun_class(word: str) -> bool | None:
    """True for a thing, False for a person, None for a word of neither list."""
    classes = _classes()
    got = classes.get(word)
    if got is None and word.endswith("s"):
        for form in _forms(word)[1:]:
            got = classes.get(form)
            if got is not None:
                break
    return got


def modifies(word: str, nxt: str) -> bool:
    """Whether the thing noun ``word`` only qualifies the word ``nxt`` after it: a singular
    thing before a person noun ("three village guards", "two checkpoint police") or a
    capitalised word opening a name ("three Village Defence Force volunteers"). A plural is
    the thing counted, also in a title-case headline ("Three Drones Killed In Raid")."""
    if _classes().get(word.lower()) is not True:
        return False
    if word[:1].isupper() and nxt[:1].isupper() and nxt.isalpha():
        return True
    return _noun_class(nxt.lower()) is False


def _has(words: frozenset[str], word: str) -> bool:
    return any(f in words for f in _forms(word))


@cache
def _before_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word phrases that make the next number a measure or an age, by their last word."""
    ages = (("age", "of"), ("ages", "of"), ("aged", "between"), ("ages", "between"))
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in (*lexicon().context_phrases["measure_phrases"], *ages):
        out.setdefault(phrase[-1], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _phrase_before(before: tuple[Tok, ...]) -> bool:
    phrases = _before_phrases().get(before[-1].low, ())
    if not phrases:
        return False
    lows = tuple(t.low for t in before)
    return any(lows[-len(p) :] == p for p in phrases)


def _noun_says(text: str, after: tuple[Tok, ...], lex: Lexicon) -> bool | str | None:
    """True if the counted noun is a thing, False if a person, None if neither is known.

    ``"more"`` when the tokens ran out before a decision.
    """
    ctx = lex.context
    seen = 0
    for i, tok in enumerate(after):
        if not tok.word:
            if tok.low in ctx["percent_words"] or tok.low in ctx["currency_symbols"]:
                return True
            if tok.low in _SKIP:
                continue
            return None
        if tok.low in _SKIP:
            continue
        if (
            i + 1 < len(after)
            and tok.low in _pair_heads()
            and _has(_pairs(), f"{tok.low} {after[i + 1].low}")
        ):
            return True
        kind = _noun_class(tok.low)
        if (
            kind
            and i + 1 < len(after)
            and after[i + 1].word
            and modifies(text[tok.start : tok.end], text[after[i + 1].start : after[i + 1].end])
        ):
            seen += 1
            continue
        if kind and _hyphen_person(text, after, i):
            seen += 1  # "six aid-seekers": the compound's person noun is the one counted
            continue
        if kind is not None:
            return kind
        if tok.low in ctx["time_words"] and (i == 0 or tok.low != "am"):
            return True
        if tok.low in ctx["stop_words"]:
            return None
        seen += 1
        if seen >= _NOUN_REACH:
            return None
    return "more"


def _hyphen_person(text: str, after: tuple[Tok, ...], i: int) -> bool:
    """Whether the thing noun ``after[i]`` opens a hyphenated compound whose last part is a
    person noun ("aid-seekers", "checkpoint-guards")."""
    if i + 2 >= len(after):
        return False
    tok, dash, head = after[i], after[i + 1], after[i + 2]
    return (
        dash.low == "-"
        and dash.start == tok.end
        and head.start == dash.end
        and head.word
        and _noun_class(head.low) is False
    )


def _before_says(text: str, c: Count, before: tuple[Tok, ...], lex: Lexicon) -> bool:
    ctx = lex.context
    if not before:
        return False
    prev = before[-1]
    orig = text[prev.start : prev.end]
    if prev.low in ctx["currency_symbols"] or (prev.low == "+" and prev.end == c.start):
        return True
    if prev.word and orig[0].isupper() and prev.low in ctx["unit_prefixes"]:
        return True
    if prev.low == "." and len(before) > 1 and before[-2].low in ("no", "nos"):
        return True
    if prev.low in ctx["code_prefixes"] or prev.low in ctx["age_words"]:
        return True
    if prev.low in ctx["currency_words"] or prev.low in ("us", "usd"):
        return True
    if prev.word and prev.low in ctx["months"] and (orig[0].isupper() or len(orig) > 5):
        return True
    if prev.low in ("cost", "costing") and _LIVES_AFTER.match(text, c.end):
        return False  # "has cost 2,000 lives": a toll, not a price
    return prev.low in ctx["measure_phrases"] or _phrase_before(before)


def _is_year(
    text: str, c: Count, before: tuple[Tok, ...], after: tuple[Tok, ...], lex: Lexicon
) -> bool:
    if c.modifier not in ("exact", "range") or c.low is None or not 1800 <= c.low <= 2100:
        return False
    if not _YEAR.fullmatch(c.qualifier):
        return False
    if before and before[-1].low in lex.context["year_words"]:
        return True
    return _noun_says(text, after, lex) is not False


#: Killings named as events after a qualitative quantifier ("a wave of (unclaimed) killings"):
#: a figure counts the dead ("40 murders"), a quantifier of them the incidents.
_KILLINGS: Final = rx.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:killings|murders|homicides)\b", re.IGNORECASE
)


def is_non_casualty_number(text: str, c: Count) -> bool:
    """True when ``c`` is not a casualty figure candidate.

    Reads the counted noun after the expression (things, time units, currencies, percentages,
    months) and the words before it (ages, years, months, money, unit and code names).

    >>> from casualty.extract.counts import find_counts
    >>> s = "Since 2014, 12 strikes killed 30 people."
    >>> [(c.qualifier, is_non_casualty_number(s, c)) for c in find_counts(s)]
    [('2014', True), ('12', True), ('30', False)]
    """
    lex = lexicon()
    ctx = lex.context
    if c.modifier in ("qualitative", "denial"):
        # A quantifier counts the noun after it: "numerous cattle", "a wave of bombings".
        if c.modifier == "denial":
            # "nobody knew how many were hurt": a question about the toll, no zero
            return _ASKS_HOW_MANY.match(text, c.end) is not None
        if _HOW.search(text, max(0, c.start - 8), c.start):
            return True  # "it is not clear how many were taken": a question, no quantity
        if _KILLINGS.match(text, c.end):
            return True  # "a wave of targeted killings", "many murders": events, no toll
        if c.head_start < c.end:
            return False
        after = tuple(tokens(text, c.end, min(len(text), c.end + 64), 9))
        return _noun_says(text, after, lex) is True
    if c.window is not None and (len(c.window[1]) >= 3 or not c.window[2]):
        before, after, cut = c.window
    else:
        before = tuple(tokens(text, max(0, c.start - 32), c.start, 12)[-4:])
        after, cut = tuple(tokens(text, c.end, min(len(text), c.end + 64), 9)), False
    if after and glued(Tok("", c.end, c.end), after[0]):
        nxt = after[0].low
        if nxt == "%" or (
            nxt in (":", "/", ".") and len(after) > 1 and after[1].digit and glued(*after[:2])
        ):
            return True
        if nxt in ("st", "nd", "rd", "th"):
            return True
    digits = c.qualifier.strip()
    if digits[:1] == "0" and len(digits) > 1 and digits.isdigit():
        return True  # "0300 GMT", "011 555": numbers are not written with a leading zero
    if _is_phone(before, after, c):
        return True
    if _is_year(text, c, before, after, lex):
        return True
    if _before_says(text, c, before, lex) or _age_list(text, c, lex) or _kin(text, c, after):
        return True
    if _NAME_AGE_BEFORE.search(text, max(0, c.start - 40), c.start) and _AGE_CLOSE.match(
        text, c.end
    ):
        return True  # "Jo Li Roe, 53, and Ann Bo, 30 - were killed": their ages
    if _household(before, after):
        return True
    if c.low == 0 and _GOAL & _lows(text, c.start):
        return True  # "the aim is zero deaths": an aim, not a count
    if after and after[0].word:
        orig = text[after[0].start : after[0].end]
        if orig[0].isupper() and after[0].low in ctx["unit_suffixes"]:
            return True
        if after[0].low in ctx["months"] and (orig[0].isupper() or len(orig) > 5):
            return True
        if after[0].low in ("a", "p") and len(after) > 1 and after[1].low == ".":
            return True  # "10 a.m."
    verdict = _noun_says(text, after, lex)
    if verdict == "more" and cut:
        more = tuple(tokens(text, c.end, min(len(text), c.end + 64), 9))
        verdict = _noun_says(text, more, lex)
    return verdict is True


_LIVES_AFTER: Final = rx.compile(r"\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?li(?:ves|fe)\b", re.I)
_HOW: Final = rx.compile(r"\bhow\s+$", re.IGNORECASE)
_ASKS_HOW_MANY: Final = rx.compile(r"(?:\s+[\w'’]+){1,3}?\s+how\s+many\b", re.IGNORECASE)
_LIST_JOINS: Final = frozenset({"and", "or", "to", ",", "-", "–"})
_HAVE: Final = frozenset({"had", "has", "have", "having"})
_HOUSEHOLDS: Final = frozenset({"family", "families", "household", "households", "clan", "clans"})
_JOIN_BEFORE: Final = rx.compile(r"(?:\band|\bor|\bto|[,\-–])\s*$")

#: A person's full name and a comma just before a bare number, and the comma, dash or
#: bracket that closes it: the age set off after a name, not a toll.
_NAME_AGE_BEFORE: Final = rx.compile(
    r"(?<!\bin )(?<!\bIn )(?<!\bat )(?<!\bnear )(?<!\bof )(?<!\bfrom )"
    r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,\s*$"
)
_AGE_CLOSE: Final = rx.compile(r"(?<=\d)\s*(?:,|[-–—]\s|\))")


def _age_list(text: str, c: Count, lex: Lexicon) -> bool:
    """A later number of a list of ages: the 9 of "two children, ages 3 and 9"."""
    if not _JOIN_BEFORE.search(text, max(0, c.start - 5), c.start):
        return False  # the usual case, settled without tokens
    before = tokens(text, max(0, c.start - 40), c.start, 12)
    i = len(before) - 1
    if i < 0 or before[i].low not in _LIST_JOINS:
        return False
    numbers = 0
    while i >= 0 and (
        before[i].low in _LIST_JOINS or before[i].digit or before[i].low in lex.number_words
    ):
        numbers += before[i].low not in _LIST_JOINS
        i -= 1
    if numbers and i >= 0 and before[i].low == "between":
        i -= 1
    return bool(numbers) and i >= 0 and before[i].low in lex.context["age_words"]


#: After "have N children": what befell them ("who are still missing"), so no family's size.
_KIN_FATE: Final = rx.compile(
    r"\s+(?:[\w-]+\s+)?(?:who|that)\s+(?:are|were|have\s+been|had\s+been)\s+(?:still\s+)?"
    r"(?:missing|dead|killed|wounded|injured|abducted|kidnapped|unaccounted)\b",
    re.IGNORECASE,
)


def _kin(text: str, c: Count, after: tuple[Tok, ...]) -> bool:
    """The size of someone's family: "a cleric who had six children" counts no victims
    ("we have four children who were taken" does)."""
    if not after or after[0].low not in lexicon().context["kin_nouns"]:
        return False
    before = tokens(text, max(0, c.start - 16), c.start, 4)
    return bool(before) and before[-1].low in _HAVE and not _KIN_FATE.match(text, c.end)


def _household(before: tuple[Tok, ...], after: tuple[Tok, ...]) -> bool:
    """The household counted people came from: the "one" of "nine children from one family"
    and the "two" of "11 members of two families" count households, not more victims (it
    took the toll: "Five members of one family were killed" gave 1)."""
    if not after or after[0].low not in _HOUSEHOLDS or len(before) < 2:
        return False
    return before[-1].low in ("of", "from") and _noun_class(before[-2].low) is False


def _is_phone(before: tuple[Tok, ...], after: tuple[Tok, ...], c: Count) -> bool:
    """Three digit groups in a row ("555 123 4567", "+963 11 234") make a phone number."""
    if not c.qualifier.isdigit():
        return False
    groups = 1
    for side in (reversed(before), iter(after)):
        for tok in side:
            if tok.digit:
                groups += 1
            elif tok.low not in ("-", "–", ".", "+", "(", ")"):
                break
    return groups >= 3
