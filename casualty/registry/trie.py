"""The registries' in-text scanner: terms as token tries, found by a regex of first tokens.

The scanner stores every term as a sequence of tokens (runs of word characters, or single
other characters; spaces and hyphens only separate) in a trie. A small regex of the first
token(s) of every term finds, in C, the positions where a term may start; from there a
dictionary walk over the following tokens takes the longest term. Every regex here is a trie
of literals with no nested quantifier, so no input can make it backtrack catastrophically, and
each position of the text is visited a bounded number of times: scanning is linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, Generic, TypeVar

from casualty import rx

T = TypeVar("T")

_NEXT_TOKEN_RE = rx.compile(r"[\s\-]*(\w+|[^\w\s\-])")
_BOUNDARY = "\x00"  # in a trie key: the end of a word token, emitted as (?!\w)
_GAP = "\x01"  # in a trie key: between two tokens, emitted as optional separators
_FILTER_FANOUT = 4


def _key(tokens: list[str]) -> str:
    """A filter key for a term's leading `tokens`: separators between, a word's end after."""
    return _GAP.join(tokens) + (_BOUNDARY if _is_word(tokens[-1]) else "")


def _trie_regex(keys: Iterable[str]) -> str:
    """A regex alternation shaped as a trie: longest match first, no nested quantifiers."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    atoms = {_BOUNDARY: r"(?!\w)", _GAP: r"[\s\-]*"}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (atoms[c] if c in atoms else re.escape(c)) + emit(node[c]) for c in sorted(node) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def _by_first_char(word_keys: list[str], other_keys: list[str]) -> str:
    r"""The filter as one branch per first character, which consumes only that character.

    The same starts as `(?<!\w)(?=trie)`, but a pattern whose branches open with literals
    lets the regex engine skip, in C, every character that starts no term: for the
    exact-case terms (acronyms, mostly capitals) that is most of the text, four times faster.
    """
    branches = []
    for keys, before in ((word_keys, r"(?<!\w.)"), (other_keys, "")):
        rests: dict[str, list[str]] = {}
        for key in keys:
            rests.setdefault(key[0], []).append(key[1:])
        for first in sorted(rests):
            # "(?<!\w.)" after the first character: no word character before it.
            branches.append(re.escape(first) + before + "(?=" + _trie_regex(rests[first]) + ")")
    return "|".join(branches) or r"(?!)"


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


class _Node(Generic[T]):
    __slots__ = ("children", "value")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.value: T | None = None


class TokenTrie(Generic[T]):
    """Terms as token sequences; a small regex of first tokens finds where a walk may start.

    Only the first tokens go into the regex, which keeps it small (fast to compile) and lets
    every position of the text be tested in C; the rest of each term is a dictionary walk.
    """

    __slots__ = ("_after_gap", "_ignorecase", "_pattern", "exact", "root")

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.root: _Node[T] = _Node()
        self._pattern: re.Pattern[str] | None = None
        self._ignorecase: re.Pattern[str] | None = None
        #: `_pattern` matches the non-word character before a start, not the start itself.
        self._after_gap = False

    def add(self, tokens: Sequence[str], value: T) -> T | None:
        """Insert a term; return the value it displaces, if any."""
        node = self.root
        for token in tokens:
            node = node.children.setdefault(token, _Node())
        previous, node.value = node.value, value
        return previous

    def _compile(self, flags: int) -> re.Pattern[str]:
        """A filter for where a walk can start: the first token of every term, or the first two
        where the first is common to many terms ("the", "a"), or the first and the next one's
        first character where the first alone is no term: the filter stays small (quick to
        compile) yet rarely sends the walk after a bare article or a common word."""
        word_keys: list[str] = []
        other_keys: list[str] = []
        for first, node in self.root.children.items():
            keys: list[str]
            if node.value is not None:
                keys = [_key([first])]
            elif len(node.children) > _FILTER_FANOUT:
                keys = [_key([first, second]) for second in node.children]
            else:
                # No term of this one token alone: the next token's first character too
                # ("three c", not every "three" of the text, for "three civilians"), which
                # spares most vain walks yet adds little to compile.
                head = _key([first]) + _GAP
                keys = [head + char for char in {second[0] for second in node.children}]
            (word_keys if _is_word(first) else other_keys).extend(keys)
        if self.exact and not flags:
            return rx.compile(_by_first_char(word_keys, other_keys))
        if word_keys and not other_keys and not flags:
            # The character before a start rather than `(?<!\w)` at every position: a fifth
            # faster on news text. A start at offset 0 has none (`scan` tries it alone).
            self._after_gap = True
            return rx.compile(r"\W(?=" + _trie_regex(word_keys) + ")")
        # Zero-width: the filter must not consume the start of a term the walk then rejects.
        alternatives = []
        if word_keys:
            alternatives.append(r"(?<!\w)(?=" + _trie_regex(word_keys) + ")")
        if other_keys:
            alternatives.append("(?=" + _trie_regex(other_keys) + ")")
        return rx.compile("|".join(alternatives) or r"(?!)", flags)

    def prepare(self) -> None:
        """Build the filter a scan of text whose lower case keeps its offsets needs."""
        if self._pattern is None:
            self._pattern = self._compile(0)

    def __getstate__(self) -> tuple[Any, ...]:
        # The filters as their text: unpickling a compiled pattern would compile it again
        # with `re`, where `rx.compile` reads its code from the user cache.
        pattern, ignorecase = self._pattern, self._ignorecase
        return (
            self.exact,
            self.root,
            None if pattern is None else pattern.pattern,
            None if ignorecase is None else ignorecase.pattern,
            self._after_gap,
        )

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.exact, self.root, pattern, ignorecase, self._after_gap = state
        self._pattern = None if pattern is None else rx.compile(pattern)
        self._ignorecase = None if ignorecase is None else rx.compile(ignorecase, re.IGNORECASE)

    def scan(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Leftmost-longest, non-overlapping mentions in `text` (already folded)."""
        fold_case: Callable[[str], str] | None = None
        subject = text
        if self.exact:
            if self._pattern is None:
                self._pattern = self._compile(0)
            pattern = self._pattern
        else:
            subject = text.lower()
            if len(subject) == len(text):
                if self._pattern is None:
                    self._pattern = self._compile(0)
                pattern = self._pattern
            else:  # lower-casing moved offsets ("İ"): match the original text without case
                subject = text
                fold_case = str.lower
                if self._ignorecase is None:
                    self._ignorecase = self._compile(re.IGNORECASE)
                pattern = self._ignorecase
        token_at, root = _NEXT_TOKEN_RE.match, self.root.children
        starts: Iterable[int]
        if pattern is self._pattern and self._after_gap:
            starts = map(_MATCH_END, pattern.finditer(subject))
            if subject[:1].isalnum() or subject[:1] == "_":
                # A walk from a word at offset 0 finds a term exactly where the filter would
                # have let it start (the walk checks every token the filter checks).
                starts = chain((0,), starts)
        else:
            starts = map(_MATCH_START, pattern.finditer(subject))
        end = 0
        for start in starts:
            if start < end:
                continue
            first = token_at(subject, start)
            if first is None:
                continue
            key = first.group(1)
            node = root.get(fold_case(key) if fold_case else key)
            pos = first.end()
            best = None
            while node is not None:
                if node.value is not None:
                    best = (pos, node.value)
                if not node.children:
                    break
                token = token_at(subject, pos)
                if token is None:
                    break
                key = token.group(1)
                node = node.children.get(fold_case(key) if fold_case else key)
                pos = token.end()
            if best is not None:
                end = best[0]
                yield start, best[0], best[1]


_MATCH_START = re.Match.start
_MATCH_END = re.Match.end
