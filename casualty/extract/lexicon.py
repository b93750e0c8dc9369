"""The outcome vocabulary (casualty/data/outcomes.toml), compiled once into scanners."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

#: Roles of an outcome phrase relative to the figure it governs.
AFTER = 1  # "12 soldiers were killed"
BEFORE = 2  # "killing 12"
NOUN = 4  # "the death toll climbed to 12"


@dataclass(frozen=True, slots=True)
class OutcomeWord:
    """One outcome phrase found in a sentence."""

    start: int
    end: int
    outcome: str
    roles: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled outcome vocabulary: one regex over every phrase, longest first."""

    pattern: re.Pattern[str]
    table: dict[str, tuple[str, int]]
    prefilter: re.Pattern[str]

    def find(self, text: str) -> list[OutcomeWord]:
        """Every outcome phrase in `text`, left to right, without overlaps."""
        out: list[OutcomeWord] = []
        for m in self.pattern.finditer(text):
            key = _norm(m.group())
            outcome, roles = self.table[key]
            out.append(OutcomeWord(m.start(), m.end(), outcome, roles))
        return out


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set (for word lists in code)."""
    return frozenset(text.split())


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@functools.cache
def lexicon() -> Lexicon:
    """The built-in outcome vocabulary, parsed and compiled once per process."""
    raw = resources.files("casualty").joinpath("data", "outcomes.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    table: dict[str, tuple[str, int]] = {}
    for outcome, lists in data["outcome"].items():
        for key, role in (("after", AFTER), ("before", BEFORE), ("nouns", NOUN)):
            for phrase in lists.get(key, []):
                norm = _norm(phrase)
                prev = table.get(norm)
                if prev is not None and prev[0] != outcome:
                    raise ValueError(f"outcome phrase {phrase!r} listed under two outcomes")
                table[norm] = (outcome, (prev[1] if prev else 0) | role)
    phrases = sorted(table, key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)
    stems = sorted({max(p.split(), key=len)[:4] for p in phrases} | {"loss"})
    prefilter = re.compile("|".join(re.escape(s) for s in stems), re.IGNORECASE)
    return Lexicon(pattern, table, prefilter)
