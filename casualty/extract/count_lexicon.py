"""The count-expression vocabulary of ``casualty/data/count_words.toml``, loaded once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final, NamedTuple

#: Phrase kinds.
NUMBER: Final = "number"
VAGUE: Final = "vague"
QUAL: Final = "qualitative"
QUAL_NOUN: Final = "qualitative_noun"
DENIAL: Final = "denial"
DENIAL_NOUN: Final = "denial_noun"
MOD: Final = "modifier"


_TOKEN: Final = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\s\w]|_")


class Tok(NamedTuple):
    """A token of a count window: lowercased text and its span in the original text.

    A named tuple rather than a dataclass: windows make many of them, and tuples are cheaper
    to build.
    """

    low: str
    start: int
    end: int

    @property
    def digit(self) -> bool:
        # isdecimal, as `\d` in the tokeniser: "²" is isdigit() but starts a word token, and
        # was read as a number ("12 to ² people" stopped the whole run with a ValueError).
        return self.low[0].isdecimal()

    @property
    def word(self) -> bool:
        return self.low[0].isalpha()


def tokens(text: str, start: int, end: int, limit: int) -> list[Tok]:
    """At most ``limit`` tokens of ``text[start:end]``: digit runs, words, single symbols.

    Whitespace-separated pieces that are all letters or all digits (most of them) become
    tokens without the regular expression, which costs several times more per token.
    """
    chunk = text[start:end]
    out: list[Tok] = []
    new = tuple.__new__  # skips the Python-level NamedTuple constructor: this is the hot loop
    pos = 0
    for piece in chunk.split()[:limit]:  # a piece gives at least one token
        pos = chunk.find(piece, pos)
        at = start + pos
        if piece.isalpha() or piece.isdecimal():
            out.append(new(Tok, (piece.lower(), at, at + len(piece))))
        else:
            for m in _TOKEN.finditer(piece):
                s, e = m.span()
                out.append(new(Tok, (m.group().lower(), at + s, at + e)))
        pos += len(piece)
    return out[:limit]


def glued(a: Tok, b: Tok) -> bool:
    """Whether two tokens touch, with no space between them."""
    return a.end == b.start


@dataclass(frozen=True, slots=True)
class Phrase:
    """A fixed phrase: its words, what it is, and its bounds where it has any."""

    words: tuple[str, ...]
    kind: str
    low: int | None = None
    high: int | None = None
    #: For modifiers and postfixes: the modifier class (``at_least``, ``about``...).
    modifier: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the count reader looks up, indexed for speed."""

    number_words: frozenset[str]
    scale_words: frozenset[str]
    scales: dict[str, int]
    scales_glued: dict[str, int]
    multipliers: dict[str, int]
    vague_need_of: frozenset[str]
    #: Phrases (numbers, vague, qualitative, denial, modifiers) by each of their words,
    #: longest phrase first.
    by_word: dict[str, tuple[Phrase, ...]]
    #: Bounding phrases before a number by their last word, longest first.
    modifiers: dict[str, tuple[Phrase, ...]]
    #: Bounding phrases after a number by their first word, longest first.
    postfixes: dict[str, tuple[Phrase, ...]]
    singular_nouns: frozenset[str]
    #: Words after which a modifier is literal: "went up to 32" is not "up to 32".
    literal_after: dict[str, frozenset[str]]
    #: Words whose presence may start a count expression.
    anchors: frozenset[str]
    #: Context word lists of ``[context]`` by name.
    context: dict[str, frozenset[str]]
    #: Multi-word context phrases by name, as word tuples.
    context_phrases: dict[str, tuple[tuple[str, ...], ...]]
    #: Words that matter right before a number: the last words of bounding phrases, the words
    #: before an anchor inside a phrase, range openers and the context words. After any other
    #: word the reader need not look back.
    back_words: frozenset[str]
    #: One-word qualitative nouns ("casualties"): whether one is a count's head needs the
    #: words before it.
    bare_nouns: frozenset[str]
    #: Anchor words that only ever sit inside a phrase after another word ("dead" only in
    #: "no dead"), with those words: where none of them is written just before the anchor,
    #: the anchor starts no count and its window need not be read.
    needs_before: dict[str, frozenset[str]]


_WORDS: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\s\w]|_")


def _split(phrase: str) -> tuple[str, ...]:
    """Words of a phrase as the count reader tokenises text ("no-one" is three tokens)."""
    return tuple(_WORDS.findall(phrase.lower()))


def _anchor_word(words: tuple[str, ...]) -> str:
    """The word that locates a phrase in text: its longest word (the rarest in practice)."""
    return max(words, key=len)


def _index(phrases: list[Phrase], at: int) -> dict[str, tuple[Phrase, ...]]:
    out: dict[str, list[Phrase]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.words)):
        out.setdefault(phrase.words[at], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def build(data: dict[str, Any]) -> Lexicon:
    """Index a parsed ``count_words.toml``."""
    phrases: list[Phrase] = []
    for text, value in data["number_phrases"].items():
        phrases.append(Phrase(_split(text), NUMBER, int(value), int(value)))
    for text, (low, high) in data["vague"].items():
        phrases.append(Phrase(_split(text), "vague", int(low), int(high)))
    for kind, section, key in (
        (QUAL, "qualitative", "quantifiers"),
        (QUAL_NOUN, "qualitative", "nouns"),
        (DENIAL, "denial", "quantifiers"),
        (DENIAL_NOUN, "denial", "nouns"),
    ):
        zero = 0 if section == "denial" else None
        phrases.extend(Phrase(_split(t), kind, zero, zero) for t in data[section][key])
    modifiers = [
        Phrase(_split(t), MOD, modifier=name)
        for name, items in data["modifiers"].items()
        for t in items
    ]
    postfixes = [
        Phrase(_split(t), MOD, modifier=name)
        for name, items in data["postfix"].items()
        for t in items
    ]
    number_words = frozenset(data["number_words"])
    by_word: dict[str, list[Phrase]] = {}
    anchors = set(number_words)
    for phrase in phrases:
        anchors.add(_anchor_word(phrase.words))
        for word in set(phrase.words):
            by_word.setdefault(word, []).append(phrase)
    for phrase in modifiers:
        # A modifier that holds an anchor word ("as many as") must be recognised at that
        # word so that the word is not read as a quantity of its own.
        for word in set(phrase.words):
            if word in anchors:
                by_word.setdefault(word, []).append(phrase)
    ordered = {w: tuple(sorted(ps, key=lambda p: -len(p.words))) for w, ps in by_word.items()}
    singular = frozenset(data["singular"]["nouns"])
    context: dict[str, frozenset[str]] = {}
    context_phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, items in data["context"].items():
        context[name] = frozenset(i.lower() for i in items if " " not in i)
        context_phrases[name] = tuple(_split(i) for i in items if " " in i)
    back = {"between", "from", "a", "an", "no", "us"}
    for phrase in modifiers:
        back.add(phrase.words[-1])
    for phrase in phrases:
        anchor = _anchor_word(phrase.words)
        back.update(phrase.words[: phrase.words.index(anchor)])
    for name in ("year_words", "age_words", "months", "unit_prefixes", "code_prefixes"):
        back.update(context[name])
    back.update(context["currency_words"])
    back.update(p[-1] for p in context_phrases["measure_phrases"])
    back.update(context["measure_phrases"])
    needs: dict[str, frozenset[str]] = {}
    for word, candidates in ordered.items():
        if word not in anchors or word in number_words or word in singular:
            continue  # a number or a singular noun reads alone
        before = {p.words[k - 1] for p in candidates for k, w in enumerate(p.words) if w == word}
        if all(p.words[0] != word for p in candidates) and all(w.isascii() for w in before):
            needs[word] = frozenset(before)
    return Lexicon(
        number_words=number_words,
        scale_words=frozenset({"hundred", "thousand", "million", "billion"}),
        scales={k: int(v) for k, v in data["scales"].items()},
        scales_glued={k: int(v) for k, v in data["scales_glued"].items()},
        multipliers={k: int(v) for k, v in data["multipliers"].items()},
        vague_need_of=frozenset(data["vague_need_of"]),
        by_word=ordered,
        modifiers=_index(modifiers, -1),
        postfixes=_index(postfixes, 0),
        singular_nouns=singular,
        literal_after={k: frozenset(v) for k, v in data["literal_after"].items()},
        anchors=frozenset(a for a in anchors if a.isascii() and a.isalpha()),
        context=context,
        context_phrases=context_phrases,
        back_words=frozenset(back),
        bare_nouns=frozenset(
            p.words[0] for p in phrases if p.kind == QUAL_NOUN and len(p.words) == 1
        ),
        needs_before=needs,
    )


@cache
def lexicon() -> Lexicon:
    """The packaged vocabulary."""
    raw = resources.files("casualty").joinpath("data", "count_words.toml").read_text("utf-8")
    return build(tomllib.loads(raw))
