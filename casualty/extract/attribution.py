"""Who claims a figure: the speaker of the clause that carries it, resolved in the article.

Named claimants come from the source registry ("the Syrian Observatory for Human Rights
said"), inverted ("said the observatory") or after "according to". Descriptors ("the
monitoring group", "the ministry") and pronouns ("It said") resolve to the most recent
compatible claimant of the article; a participle ("..., saying 12 died") passes on the
subject of its clause. Relays ("told AFP", "citing state television") are never claimants.
With no speaker in sight the outlet itself is the claimant (`media`).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Final

from casualty.extract.sentences import Sentence
from casualty.registry import Registry

#: Speech verbs that attribute a figure only with a toll as their object ("put the toll at").
_NEEDS_TOLL: Final = frozenset(
    [
        "put",
        "puts",
        "gave",
        "gives",
        "listed",
        "raised",
        "revised",
        "issued",
        "published",
        "updated",
    ]
)
_TOLL_OBJECT: Final = re.compile(
    r"^\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:\w+\s+){0,2}"
    r"(?:toll|number|figure|tally|count|estimate)",
    re.IGNORECASE,
)
_PRONOUN: Final = re.compile(r"^(?:it|they|he|she|we)$", re.IGNORECASE)
_TIME_WORDS: Final = frozenset(
    [
        "on",
        "in",
        "at",
        "earlier",
        "later",
        "late",
        "also",
        "had",
        "has",
        "have",
        "would",
        "then",
        "previously",
        "separately",
        "last",
        "this",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "morning",
        "evening",
        "night",
        "afternoon",
        "statement",
        "a",
        "an",
        "told",
    ]
)
_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_WORDS: Final = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved claimant: canonical name (or the phrase as written) and its source_type."""

    name: str
    source_type: str
    #: True for a registry source or actor, False for a phrase kept as written.
    named: bool = False


@dataclass(frozen=True, slots=True)
class _Vocab:
    cue: re.Pattern[str]
    participles: frozenset[str]
    relays: frozenset[str]
    heads: tuple[tuple[str, str], ...]


@functools.cache
def _vocab() -> _Vocab:
    raw = resources.files("casualty").joinpath("data", "attribution.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    speech = data["speech"]
    words = sorted(set(speech["subject"]) | set(speech["participle"]), key=len, reverse=True)
    cue = re.compile(r"\baccording\s+to\b|\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    heads = tuple((head, kind) for kind, items in data["heads"].items() for head in items)
    heads = tuple(sorted(heads, key=lambda h: -len(h[0])))
    return _Vocab(cue, frozenset(speech["participle"]), frozenset(speech["relay"]), heads)


def head_type(phrase: str) -> str:
    """The source_type implied by the head nouns of an unnamed claimant phrase."""
    low = phrase.lower()
    words = set(_WORDS.findall(low))
    health = "health" in words or "medical" in words
    for head, kind in _vocab().heads:
        if (" " in head and head in low) or head in words:
            if kind == "official" and health:
                return "medical"
            return kind
    return "unknown"


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    kind: str  # "subject", "according", "participle"
    speaker: Speaker | None


class Attributor:
    """Resolves claimants sentence by sentence through one article."""

    def __init__(self, registry: Registry, text: str, outlet: str | None) -> None:
        self.registry = registry
        self.text = text
        self.outlet = outlet or "unattributed"
        self.history: list[Speaker] = []
        self.last_quote_speaker: Speaker | None = None
        self._named = [
            (s, e, Speaker(src.name, src.source_type, True))
            for s, e, src in registry.find_sources(text)
            if src.source_type != "media"
        ]

    @property
    def default(self) -> Speaker:
        """The outlet speaking in its own voice (a monitor's own page keeps its type)."""
        source = self.registry.source(self.outlet)
        if source is not None:
            return Speaker(source.name, source.source_type, True)
        return Speaker(self.outlet, "media")

    def speakers(self, sentence: Sentence, positions: list[int]) -> list[Speaker]:
        """The claimant of each figure at `positions` (sentence offsets), in order."""
        cues = self._cues(sentence)
        out: list[Speaker] = []
        for pos in positions:
            out.append(self._pick(cues, pos, sentence))
        for cue in cues:
            if cue.speaker is not None and cue.speaker.source_type != "media":
                self.history.append(cue.speaker)
        if cues and any(q in sentence.text for q in '"“”'):
            spoken = [c.speaker for c in cues if c.speaker is not None]
            self.last_quote_speaker = spoken[-1] if spoken else None
        elif not cues:
            self.last_quote_speaker = None
        return out

    def omitter(self, sentence: Sentence, pos: int) -> Speaker | None:
        """Who the omission cue at `pos` speaks of: the subject of its clause."""
        speaker = self._subject(sentence, pos)
        if speaker is not None and speaker.source_type == "unknown":
            speaker = Speaker(speaker.name, head_type(speaker.name))
        return speaker

    def _pick(self, cues: list[_Cue], pos: int, sentence: Sentence) -> Speaker:
        live = [c for c in cues if c.speaker is not None]
        according = [c for c in live if c.kind == "according"]
        if according:
            return min(according, key=lambda c: abs(c.start - pos)).speaker or self.default
        before = [c for c in live if c.end <= pos]
        if before:
            return before[-1].speaker or self.default
        after = [c for c in live if c.start >= pos]
        if after:
            return after[0].speaker or self.default
        if sentence.text[:1] in '"“' and self.last_quote_speaker is not None:
            return self.last_quote_speaker
        return self.default

    # --- cues -------------------------------------------------------------------------------

    def _cues(self, sentence: Sentence) -> list[_Cue]:
        text = sentence.text
        vocab = _vocab()
        cues: list[_Cue] = []
        for m in vocab.cue.finditer(text):
            word = m.group().lower()
            if word.startswith("according"):
                cues.append(_Cue(m.start(), m.end(), "according", self._object(sentence, m.end())))
            elif word in vocab.participles:
                main = next((c.speaker for c in cues if c.kind == "subject" and c.speaker), None)
                if main is None:
                    main = self._subject(sentence, m.start(), first=True)
                cues.append(_Cue(m.start(), m.end(), "participle", main))
            else:
                if word in _NEEDS_TOLL and not _TOLL_OBJECT.match(text, m.end()):
                    continue
                speaker = self._inverted(sentence, m.start(), m.end())
                if speaker is None:
                    speaker = self._subject(sentence, m.start())
                cues.append(_Cue(m.start(), m.end(), "subject", speaker))
        return cues

    def _inverted(self, sentence: Sentence, start: int, end: int) -> Speaker | None:
        """`..., said the observatory` / `"...," said X`."""
        before = sentence.text[:start].rstrip()
        if not before or before[-1] not in ",\"”'’":
            return None
        after = sentence.text[end:]
        stripped = after.lstrip()
        if not stripped or not (stripped[0].isalpha()):
            return None
        return self._object(sentence, end)

    def _object(self, sentence: Sentence, pos: int) -> Speaker | None:
        """The claimant phrase that starts at `pos` (after "according to" or inverted "said")."""
        text = sentence.text
        rest = text[pos:]
        m = re.match(r"\s*((?:[^\W_]|['’.\-& ])+)", rest)
        if m is None:
            return None
        phrase = m.group(1).strip()
        words = phrase.split()
        cut: list[str] = []
        for w in words:
            if w.lower() in {"on", "in", "at", "who", "which", "that", "after", "citing", "told"}:
                break
            cut.append(w)
        phrase = " ".join(cut[:12])
        if not phrase:
            return None
        start = sentence.start + pos + (len(rest) - len(rest.lstrip()))
        return self._resolve(phrase, start)

    def _subject(self, sentence: Sentence, verb: int, first: bool = False) -> Speaker | None:
        """The subject noun phrase before a speech verb (or the clause's first subject)."""
        text = _mask_relatives(sentence.text[:verb])
        phrase = _leading_np(text) if first else _subject_phrase(text)
        phrase = _trim_trailing(phrase)
        if not phrase or len(phrase.split()) > 14:
            return None
        if phrase.split()[-1].lower() in _vocab().relays:
            return None
        found = sentence.text.find(phrase)
        offset = sentence.start + (found if found >= 0 else 0)
        return self._resolve(phrase, offset)

    # --- resolution -------------------------------------------------------------------------

    def _resolve(self, phrase: str, offset: int) -> Speaker | None:
        reg = self.registry
        found = reg.find_sources(phrase)
        sources = [f for f in found if f[2].source_type != "media"]
        if found and not sources and len(phrase.split()) <= len(found[0][2].name.split()) + 3:
            return None  # a newsroom relaying the claim: not the claimant
        if sources:
            src = sources[0][2]
            return Speaker(src.name, src.source_type, True)
        bare = _ARTICLE.sub("", phrase).strip()
        if _PRONOUN.match(bare):
            return self._pronoun(bare.lower())
        actors = [a for a in reg.find_actors(phrase) if not a[2].generic]
        descriptors = reg.find_descriptors(phrase)
        kind = descriptors[0][2].source_type if descriptors else head_type(phrase)
        low = phrase.lower()
        definite = low.startswith(("the ", "its ", "their "))
        if actors and (not descriptors or len(phrase.split()) <= 4):
            actor = actors[0][2]
            return Speaker(actor.side or actor.name, "belligerent", True)
        short = len(phrase.split()) <= 4
        if short and (definite or (descriptors and kind == "monitor")):
            found_sp = self._antecedent(kind, offset, forward=not definite, head=_head(phrase))
            if found_sp is not None:
                return found_sp
        return Speaker(phrase, kind)

    def _pronoun(self, word: str) -> Speaker | None:
        """ "it"/"they" -> the last named claimant; "he"/"she" -> the last person, else any."""
        if not self.history:
            return None
        if word in ("it", "they", "we"):
            for speaker in reversed(self.history):
                if speaker.named:
                    return speaker
        return self.history[-1]

    def _antecedent(self, kind: str, offset: int, forward: bool, head: str) -> Speaker | None:
        """The most recent claimant of `kind` before `offset` (or the next one when `forward`)."""
        for speaker in reversed(self.history):
            if speaker.source_type == kind and (speaker.named or head in speaker.name.lower()):
                return speaker
        before = [sp for s, _, sp in self._named if s < offset and sp.source_type == kind]
        if before:
            return before[-1]
        if kind == "belligerent":
            actors = [
                (s, a) for s, _, a in self.registry.find_actors(self.text[:offset]) if not a.generic
            ]
            if actors:
                return Speaker(actors[-1][1].name, "belligerent")
        if forward:
            after = [sp for s, _, sp in self._named if s >= offset and sp.source_type == kind]
            if after:
                return after[0]
        return None


_RELATIVE: Final = re.compile(r",\s*(?:who|which|whose|where)\b[^,]*,")
_STOP_SUBJECT: Final = re.compile(
    r"[\"“”;:()\[\]]|—|\d|\b(?:which|that|who|whom|whose|while|but|after|before|when|because|"
    r"since|although|though|if|whereas|until|as|said|says|say|told|claimed|reported|stated|"
    r"killed|killing|wounded|injured|died|were|was|is|are|have|has|had)\b",
    re.IGNORECASE,
)
_AND_NEW: Final = re.compile(r"^.*\band\s+(?=(?:a|an|the|another|two|three|some)\b)", re.IGNORECASE)


def _mask_relatives(text: str) -> str:
    """Blank out ", who ... ," asides so the subject before them stays reachable."""
    return _RELATIVE.sub(lambda m: "," + " " * (len(m.group()) - 2) + ",", text)


def _subject_phrase(text: str) -> str:
    """The noun phrase that ends `text` (the words just before a speech verb)."""
    start = 0
    for m in _STOP_SUBJECT.finditer(text):
        start = m.end()
    parts = [p for p in text[start:].split(",")]
    while parts and not _WORDS.search(parts[-1]):
        parts.pop()
    if not parts:
        return ""
    last = _AND_NEW.sub("", parts[-1]).strip()
    if len(parts) >= 2 and _is_apposition(last):
        prev = parts[-2].strip()
        if _is_proper(prev):
            return prev + ", " + last
    return last


def _is_proper(part: str) -> bool:
    """A short run of capitalised words ("Major General Jane Doe", "Pavlo Kyrylenko")."""
    words = part.split()
    if not words or len(words) > 8:
        return False
    caps = [w for w in words if w[:1].isupper()]
    return words[0][:1].isupper() and len(caps) >= len(words) - 1


def _is_apposition(part: str) -> bool:
    """A comma part that reads as an apposition ("a Britain-based monitoring group")."""
    return part.strip().lower().startswith(("a ", "an ", "the ", "which ", "who "))


def _leading_np(phrase: str) -> str:
    phrase = re.sub(r"^[A-Z][A-Z ,]+(?:\([^)]*\))?\s*[:—–-]\s*", "", phrase.strip())
    phrase = re.sub(r"^(?:in|on|at)\s+[^,]{0,60},\s*", "", phrase, flags=re.IGNORECASE)
    words = phrase.split()
    out: list[str] = []
    for w in words:
        if w.lower() in {"claimed", "said", "has", "had", "have", "was", "were", "is", "on"}:
            break
        out.append(w)
        if len(out) >= 8:
            break
    return " ".join(out)


def _trim_trailing(phrase: str) -> str:
    words = phrase.replace("\n", " ").split()
    while words and words[-1].lower().strip(",.") in _TIME_WORDS:
        words.pop()
    while words and words[0].lower() in {"and", "but", "so", "as", "while", "then", "also"}:
        words.pop(0)
    return " ".join(words).strip(" ,")


def _head(phrase: str) -> str:
    words = _WORDS.findall(phrase.lower())
    return words[-1] if words else ""
