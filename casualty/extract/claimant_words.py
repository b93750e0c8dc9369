"""Words and small tests for claimant phrases, shared by the phrase finders and `Claimants`:
the `Speaker` record, the speech vocabulary (`casualty/data/attribution.toml`), the
source_type a phrase's head implies, and whether a phrase names a person or a newsroom.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Final

from casualty import rx
from casualty.dates import WEEKDAY_NAMES
from casualty.extract.lexicon import CaseFree, case_free, trie_regex, word_set
from casualty.registry import Actor, Descriptor, Registry, Source

WORD_RE: Final = rx.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
MEDIA_HEAD: Final = rx.compile(
    r"\b(?:TV|television|channel|radio|broadcaster|news\s+agency|newspaper)$", re.IGNORECASE
)
TRAILING_TIME: Final = frozenset(WEEKDAY_NAMES) | word_set(
    """on in at late last this yesterday today tonight morning evening night afternoon now a
    an"""
)
#: Nouns for a person speaking for an organisation: the phrase as written names the claimant
#: better than the organisation's canonical name ("a health ministry official").
PERSON_NOUNS: Final = word_set(
    """official officials spokesman spokeswoman spokesperson officer officers general
    commander mayor governor minister chief director advisor adviser envoy secretary source
    sources activist activists resident residents witness witnesses doctor doctors medic
    brigadier colonel lieutenant captain president deputy representative coordinator analyst
    researcher head"""
)
_ORG_WORDS: Final = word_set(
    """ministry army forces police command council office agency committee observatory
    department government military authority authorities directorate service services
    television news radio group movement front brigade brigades battalion corps"""
)
_NAME_PARTICLES: Final = word_set("al el bin ibn abu de del van von der la le da di")
#: Titles written in lower case before a name ("police superintendent Jo Li").
_TITLES: Final = PERSON_NOUNS | word_set("superintendent inspector commissioner prosecutor")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved claimant: canonical name (or the phrase as written) and its source_type."""

    name: str
    source_type: str
    #: True for a registry source or actor, False for a phrase kept as written.
    named: bool = False


@dataclass(frozen=True, slots=True)
class _Vocab:
    cue: CaseFree
    participles: frozenset[str]
    relays: frozenset[str]
    needs_toll: frozenset[str]
    #: Participles that pass a subject on only after "with X" (`participles` has them too).
    with_only: frozenset[str]
    heads: tuple[tuple[str, str], ...]
    #: Capitals that stand for their governments as speakers, lower-cased.
    seats: frozenset[str]
    #: Wire agencies (registry names), which relay what they report.
    wires: frozenset[str]


@functools.cache
def speech_vocab() -> _Vocab:
    raw = resources.files("casualty").joinpath("data", "attribution.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    speech = data["speech"]
    words = sorted(
        set(speech["subject"])
        | set(speech["participle"])
        | set(speech["needs_toll"])
        | set(speech.get("with_participle", ())),
        key=len,
        reverse=True,
    )
    cue = case_free(
        r"\baccording\s+to\b|\b(?:" + "|".join(words) + r")\b",
        r"\b(?:" + trie_regex(["according to", *(w.lower() for w in words)]) + r")\b",
    )
    heads = tuple((head, kind) for kind, items in data["heads"].items() for head in items)
    heads = tuple(sorted(heads, key=lambda h: -len(h[0])))
    return _Vocab(
        cue,
        frozenset(speech["participle"]) | frozenset(speech.get("with_participle", ())),
        frozenset(speech["relay"]),
        frozenset(speech["needs_toll"]),
        frozenset(speech.get("with_participle", ())),
        heads,
        frozenset(seat.lower() for seat in data.get("seats", {}).get("government", ())),
        frozenset(data.get("wires", {}).get("agencies", ())),
    )


@functools.lru_cache(maxsize=65536)
def head_type(phrase: str) -> str:
    """The source_type implied by the head nouns of an unnamed claimant phrase."""
    low = phrase.lower()
    words = set(WORD_RE.findall(low))
    health = "health" in words or "medical" in words
    for head, kind in speech_vocab().heads:
        if (" " in head and head in low) or head in words:
            if kind in ("official", "belligerent") and health:
                return "medical"  # "the district health officer": no soldier
            if kind == "belligerent" and "police" in words:
                return "official"  # a police rank ("Police Brigadier X") is no soldier
            return kind
    return "unknown"


@functools.lru_cache(maxsize=65536)
def registry_lookup(
    registry: Registry, phrase: str
) -> tuple[
    tuple[tuple[int, int, Source], ...],
    tuple[tuple[int, int, Actor], ...],
    tuple[tuple[int, int, Descriptor], ...],
]:
    """Registry mentions in a short claimant phrase; phrases recur, so they are memoised."""
    return (
        tuple(registry.find_sources(phrase)),
        tuple(registry.find_actors(phrase)),
        tuple(registry.find_descriptors(phrase)),
    )


def singular_person(name: str) -> bool:
    """A phrase naming one person ("Igor Strelkov", "a police officer"), not a body."""
    words = WORD_RE.findall(name.split(",")[0])
    if not words:
        return False
    head = words[-1].lower()
    return is_person(name.split(",")[0]) or (head in PERSON_NOUNS and not head.endswith("s"))


def titled_person(name: str) -> bool:
    """A title in lower case, then a personal name: "mayor Jo Li", "police superintendent K Jo
    Li" (a phrase `singular_person` does not take for one person)."""
    parts = name.split(",")[0].split()
    lower = [i for i, w in enumerate(parts) if w[:1].islower()]
    if not lower or parts[lower[-1]].lower() not in _TITLES or parts[lower[-1]].endswith("s"):
        return False
    return is_person(" ".join(parts[lower[-1] + 1 :]))


def is_newsroom(speaker: Speaker) -> bool:
    """A broadcaster or agency, state-run or not ("the Houthis' al-Masirah TV")."""
    return (
        speaker.source_type in ("media", "state_media")
        or MEDIA_HEAD.search(speaker.name) is not None
    )


def head_word(phrase: str) -> str:
    words = WORD_RE.findall(phrase.lower())
    return words[-1] if words else ""


def government_seat(bare: str) -> bool:
    """Whether `bare` (a phrase without its article) is a capital written for its government:
    "Moscow said", "Kyiv says" (attribution.toml's seats)."""
    return bare.lower() in speech_vocab().seats


def is_proper(part: str) -> bool:
    """A short run of capitalised words ("Major General Jane Doe", "Pavlo Kyrylenko")."""
    words = part.split()
    if not words or len(words) > 8:
        return False
    caps = [w for w in words if w[:1].isupper()]
    return words[0][:1].isupper() and len(caps) >= len(words) - 1


def is_person(part: str) -> bool:
    """A personal name, maybe with a rank: two or more capitalised words, no organisation."""
    words = part.split()
    if len(words) < 2 or any(w.lower().strip(",.") in _ORG_WORDS for w in words):
        return False
    if any(w.lower() in TRAILING_TIME for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def statement_body(author: str, words: list[str], last: Speaker | None) -> str | None:
    """The type of the body an indefinite statement names ("a defence statement", "an army
    statement said"), which speaks for it, unless the source told of last is that body ("the
    defense ministry ..., according to a ministry statement"): None then, or for no body."""
    kind = head_type(author) if author else "unknown"
    if kind not in ("belligerent", "official") or len(words) < 2:
        return None
    return None if last is not None and words[-2] in last.name.lower() else kind
