"""An article's speakers so far, and which of them a pronoun or a descriptor refers back to:
"it" / "they" is the last named claimant (or the group that owned the attack), "he" / "she"
the last person heard, "the ministry" / "the group" the last claimant of that kind.

`SpeakerHistory` is the base of `casualty.extract.claimants.Claimants`, which resolves a
claimant phrase and, for a pronoun or a definite descriptor, asks the history here.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from casualty import rx
from casualty.extract.claimant_words import (
    PERSON_NOUNS,
    TRAILING_TIME,
    WORD_RE,
    Speaker,
    head_word,
    singular_person,
    titled_person,
)
from casualty.extract.lexicon import word_set
from casualty.registry import Actor, Registry

__all__ = ["STATE_WORDS", "SpeakerHistory"]

#: After an actor: it owned the attack ("Al Shabaab claimed responsibility").
_OWNED: Final = rx.compile(
    r"\s+(?:(?:has|have|had|later|quickly)\s+)?(?:claimed|took|accepted)\s+"
    r"(?:responsibility|credit)\b",
    re.IGNORECASE,
)
_STATEMENT_WORD: Final = rx.compile(r"\bstatement\b", re.IGNORECASE)
#: Words of a source-like head that make an actor mention only a qualifier ("Syrian army
#: General Command", "Syrian regime media").
_NON_STATE: Final = word_set(
    """extremist extremists terrorist terrorists jihadist jihadists militant militants
    insurgent insurgents rebel rebels group"""
)
#: Heads of distinct state bodies: "the ministry" is no earlier "police", nor "the army".
_BODIES: Final = word_set("ministry police army military forces troops coalition government")


def _definite_body(speaker: Speaker) -> bool:
    """An unnamed body written with "the" ("the civil defence agency"): what a later "it"
    refers to, as much as a registry name (not "the residents", "the mayor"; "the army" is
    left to the registry's name of that army)."""
    words = speaker.name.lower().split()
    return (
        len(words) >= 2
        and words[0] == "the"
        and not words[-1].endswith("s")
        and speaker.source_type in ("official", "medical", "monitor", "international")
        and not singular_person(speaker.name)
    )


def _other_body(head: str, name: str) -> bool:
    """Whether `name` is another state body than the one whose head word is `head`."""
    if head not in _BODIES:
        return False
    words = WORD_RE.findall(name.lower())
    return head not in words and any(w in _BODIES for w in words)


#: Words of a state body: "the military said" refers back to an army or a government, no group.
STATE_WORDS: Final = rx.compile(
    r"government|army|forces|military|ministry|police|coalition|regime|troops", re.IGNORECASE
)


class SpeakerHistory:
    """One article's claimants so far, and the lookups back into them."""

    def __init__(self, registry: Registry, text: str, outlet: str | None) -> None:
        self.registry = registry
        self.text = text
        registry.article(text)  # its sentences and phrases then reuse its registry scans
        self.outlet = outlet or "unattributed"
        #: Claimants resolved so far, in article order (see `history`).
        self._resolved: list[Speaker] = []
        self._named_cache: list[tuple[int, Speaker]] | None = None
        self._actors_cache: list[tuple[int, Actor]] | None = None
        #: Who issued the statement last told of ("X said in a statement"), for "the statement".
        self._stated: Speaker | None = None

    @property
    def stated(self) -> Speaker | None:
        """The author of the last statement told of (after the history so far is settled)."""
        self._settled()
        return self._stated

    @property
    def history(self) -> list[Speaker]:
        """Every claimant of the article so far, in order: antecedents of later phrases."""
        return self._settled()

    def _settled(self) -> list[Speaker]:
        """The resolved history; a subclass that defers sentences resolves them here."""
        return self._resolved

    @property
    def _named(self) -> list[tuple[int, Speaker]]:
        """Registry sources named anywhere in the article (found on first need)."""
        if self._named_cache is None:
            self._named_cache = [
                (s, Speaker(src.name, src.source_type, True))
                for s, _, src in self.registry.find_sources(self.text)
                if src.source_type not in ("media", "unknown")  # no "residents" for "the incident"
            ]
        return self._named_cache

    @property
    def _actors(self) -> list[tuple[int, Actor]]:
        """Named actors of the article (found on first need)."""
        if self._actors_cache is None:
            self._actors_cache = [
                (s, a) for s, _, a in self.registry.find_actors(self.text) if not a.generic
            ]
        return self._actors_cache

    @functools.cached_property
    def _first_statement(self) -> int:
        """Where the article first has the word "statement" (-1: nowhere)."""
        found = _STATEMENT_WORD.search(self.text)
        return found.start() if found is not None else -1

    @functools.cached_property
    def default(self) -> Speaker:
        """The outlet speaking in its own voice (a monitor's own page keeps its type)."""
        source = self.registry.source(self.outlet)
        if source is not None and source.source_type == "monitor":
            return Speaker(source.name, source.source_type, True)
        return Speaker(self.outlet, "media")

    def _by_head(self, bare: str) -> Speaker | None:
        """The last named source heard whose name or an alias ends with the head noun of
        `bare` ("cell later" -> a "... Media Cell"), for a definite phrase no rule resolves."""
        words = [w for w in WORD_RE.findall(bare.lower()) if w not in TRAILING_TIME]
        if len(words) != 1 or len(words[0]) < 4:
            return None
        for speaker in reversed(self.history):
            source = self.registry.source(speaker.name) if speaker.named else None
            names = (source.name, *source.aliases) if source is not None else ()
            if any(head_word(n) == words[0] for n in names):
                return speaker
        return None

    def _pronoun(self, word: str, offset: int) -> Speaker | None:
        """ "it"/"they" -> the last named claimant; "he"/"she" -> the last person, else any.

        "X claimed responsibility in a statement, in which they said ...": the group that
        owned the attack earlier in the sentence comes first; it is no claimant of its own.
        """
        if word in ("it", "they"):
            owner = self._owner(offset)
            if owner is not None:
                return owner
        if not self.history:
            return None
        if word in ("it", "they", "we", "them"):
            for speaker in reversed(self.history):
                if speaker.named or (word == "it" and _definite_body(speaker)):
                    return speaker
        else:
            last = self.history[-1]
            if not last.named and titled_person(last.name):
                return last  # "..., mayor Jo Li said. He added ...": the speaker just heard
            for speaker in reversed(self.history):
                if not speaker.named and singular_person(speaker.name):
                    return speaker
        return self.history[-1]

    def _owner(self, offset: int) -> Speaker | None:
        """The party that claimed the attack earlier in the sentence ending at `offset`."""
        start = max(self.text.rfind(". ", 0, offset), self.text.rfind("\n", 0, offset)) + 1
        clause = self.text[start:offset]
        if "responsib" not in clause and "credit" not in clause:
            return None
        for _, e, actor in reversed(self.registry.find_actors(clause)):
            if actor.generic or actor.category != "combatants":
                continue
            if _OWNED.match(clause, e):
                return Speaker(actor.side or actor.name, "belligerent", True)
        return None

    def _antecedent(self, kind: str, offset: int, forward: bool, phrase: str) -> Speaker | None:
        """The most recent claimant of `kind` before `offset` (or the next one when `forward`)."""
        words = WORD_RE.findall(phrase.lower())
        head = words[-1] if words else ""
        non_state = kind in ("belligerent", "unknown") and any(w in _NON_STATE for w in words)
        person = head in PERSON_NOUNS or head == "general"
        state = STATE_WORDS.search(phrase) is not None and not non_state
        for speaker in reversed(self.history):
            if state and not STATE_WORDS.search(speaker.name):
                continue
            if _other_body(head, speaker.name):
                continue
            if person:
                same = head in speaker.name.lower()
            else:
                same = head in WORD_RE.findall(speaker.name.lower()) or (
                    speaker.source_type == kind and speaker.named and kind != "unknown"
                )  # an unknown kind ("the region's information center") matches by its head
            if same and not (non_state and STATE_WORDS.search(speaker.name)):
                return speaker
        if person:
            return None
        before = [
            sp
            for s, sp in self._named
            if s < offset
            and sp.source_type == kind
            and (not state or STATE_WORDS.search(sp.name))
            and not (non_state and STATE_WORDS.search(sp.name))  # "the group": not an army
            and not _other_body(head, sp.name)
        ]
        if before:
            return before[-1]
        if non_state:
            tally: dict[str, int] = {}
            for s, actor in self._actors:
                name = actor.side or actor.name
                if actor.category != "combatants":
                    continue  # victims ("people", "civilians") are no party that speaks
                if s < offset and not (non_state and STATE_WORDS.search(name)):
                    tally[name] = tally.get(name, 0) + 1
            if tally:
                best = max(tally.items(), key=lambda kv: kv[1])[0]
                return Speaker(best, "belligerent", True)
        if forward:
            after = [sp for s, sp in self._named if s >= offset and sp.source_type == kind]
            if after:
                return after[0]
        return None
