"""Who claims a figure: the speaker of the clause that carries it, resolved in the article.

Named claimants come from the source registry ("the Syrian Observatory for Human Rights
said"), inverted ("said the observatory") or after "according to". Descriptors ("the
monitoring group", "the ministry") and pronouns ("It said") resolve to the most recent
compatible claimant of the article; a participle ("..., saying 12 died") passes on the
subject of its clause. Relays ("told AFP", "citing state television") are never claimants.
With no speaker in sight the claim stays with the previous sentence's speaker inside a
reported passage, else with the outlet itself (`media`).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

from casualty.extract.lexicon import CaseFree, case_free, lexicon, trie_regex, word_set
from casualty.extract.sentences import Sentence
from casualty.registry import Actor, Descriptor, Registry, Source

_NEGATED: Final = re.compile(r"\b(?:not|never|n't|no)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRONOUN: Final = re.compile(r"^(?:it|they|he|she|we)$", re.IGNORECASE)
_WORDS: Final = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TOLL_OBJECT: Final = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:toll|number|figure|tally|count|estimate)",
    re.IGNORECASE,
)
#: A relative or bracketed aside inside a subject: ", who asked not to be named,".
_ASIDE: Final = re.compile(r",\s*(?:who|which|whose)\b[^,]*,|\[[^\]]*\]|\([^)]*\)")
_BACKGROUND: Final = re.compile(r",\s*(?:whose|which)\b[^,]*,")
#: Sentence openings that continue the previous sentence's report ("That raises the toll").
_CONTINUES: Final = re.compile(
    r"^(?:that|this|these|those|of\s+(?:the|those|them|these)|among\s+(?:them|those|the)"
    r"|as\s+a\s+result|consequently)\b",
    re.IGNORECASE,
)
_BY_AGENT: Final = re.compile(r"\s+by\s+(?=[A-Za-z])")
_MEDIA_HEAD: Final = re.compile(
    r"\b(?:TV|television|channel|radio|broadcaster|news\s+agency|newspaper)$", re.IGNORECASE
)
_STATE_MEDIA: Final = re.compile(r"\bstate(?:-run)?\b|\bofficial\b", re.IGNORECASE)
#: Generic heads kept as written: which army "the army" is, the article rarely names.
_HEAD_KEPT: Final = re.compile(r"army|military|government|forces|troops|police|regime")
#: Characters around a speech verb searched for its subject, relative clause or source cited.
_WINDOW: Final = 300
_CITING: Final = re.compile(
    r"\b(?:citing|quoting|with\s+reference\s+to|referring\s+to)\s+", re.IGNORECASE
)
_STOP_WORDS: Final = sorted(
    word_set(
        """which that who whom whose while but after before when because since
    although though if whereas until as said says say told claimed reported stated killed
    killing wounded injured died were was is are have has had by"""
    )
)
_STOP_MARKS: Final = r"[\"“”;:\[\]]|—|\s[-–]\s|\d|"
_STOP_SUBJECT: Final = case_free(
    _STOP_MARKS + r"\b(?:" + "|".join(_STOP_WORDS) + r")\b",
    _STOP_MARKS + r"\b(?:" + trie_regex(_STOP_WORDS) + r")\b",
)
_AUX_BEFORE_VERB: Final = word_set(
    """has have had was were is are also earlier later previously reportedly would will did
    does officially publicly further then separately initially subsequently already"""
)
_LEADING: Final = word_set("and but so as while then also meanwhile however")
_TRAILING_TIME: Final = word_set(
    """on in at late last this monday tuesday wednesday thursday friday saturday sunday
    yesterday today tonight morning evening night afternoon a an"""
)
#: Nouns for a person speaking for an organisation: the phrase as written names the claimant
#: better than the organisation's canonical name ("a health ministry official").
_PERSON_NOUNS: Final = word_set(
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
_STATEMENT: Final = word_set("statement report communique communiqué post tweet release")
#: Words of a source-like head that make an actor mention only a qualifier ("Syrian army
#: General Command", "Syrian regime media").
_NON_STATE: Final = word_set(
    """extremist extremists terrorist terrorists jihadist jihadists militant militants
    insurgent insurgents rebel rebels group"""
)
_STATE_WORDS: Final = re.compile(
    r"government|army|forces|military|ministry|police|coalition|regime|troops", re.IGNORECASE
)


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
    heads: tuple[tuple[str, str], ...]


@functools.cache
def _vocab() -> _Vocab:
    raw = resources.files("casualty").joinpath("data", "attribution.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    speech = data["speech"]
    words = sorted(
        set(speech["subject"]) | set(speech["participle"]) | set(speech["needs_toll"]),
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
        frozenset(speech["participle"]),
        frozenset(speech["relay"]),
        frozenset(speech["needs_toll"]),
        heads,
    )


@functools.lru_cache(maxsize=65536)
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
    speakers: tuple[Speaker, ...]
    #: The cue sits in a relative clause ("a bombing that IS said it carried out").
    relative: bool = False


@functools.lru_cache(maxsize=65536)
def _lookup(
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


class Attributor:
    """Resolves claimants sentence by sentence through one article."""

    def __init__(self, registry: Registry, text: str, outlet: str | None) -> None:
        self.registry = registry
        self.text = text
        self.outlet = outlet or "unattributed"
        self.history: list[Speaker] = []
        self.carry: tuple[Speaker, ...] = ()
        self.sentences_seen = 0
        self.quoted = False
        self.open_quote = False
        self._named_cache: list[tuple[int, Speaker]] | None = None
        self._actors_cache: list[tuple[int, Actor]] | None = None
        #: Sentences without figures, read only when a later sentence needs their speakers.
        self._pending: list[Sentence] = []

    @property
    def _named(self) -> list[tuple[int, Speaker]]:
        """Registry sources named anywhere in the article (found on first need)."""
        if self._named_cache is None:
            self._named_cache = [
                (s, Speaker(src.name, src.source_type, True))
                for s, _, src in self.registry.find_sources(self.text)
                if src.source_type != "media"
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

    @property
    def default(self) -> Speaker:
        """The outlet speaking in its own voice (a monitor's own page keeps its type)."""
        source = self.registry.source(self.outlet)
        if source is not None and source.source_type == "monitor":
            return Speaker(source.name, source.source_type, True)
        return Speaker(self.outlet, "media")

    def skip(self, sentence: Sentence) -> None:
        """Pass over a sentence without figures: its speakers are resolved only if a later
        sentence needs them (for pronouns and carried speakers), so an article's trailing
        sentences without figures cost nothing."""
        self._pending.append(sentence)

    def _catch_up(self) -> None:
        pending, self._pending = self._pending, []
        for sentence in pending:
            self.speakers(sentence, [])

    def speakers(self, sentence: Sentence, positions: list[int]) -> list[tuple[Speaker, ...]]:
        """The claimants of each figure at `positions` (sentence offsets), in order."""
        if self._pending:
            self._catch_up()
        cues = self._cues(sentence)
        self.quoted = sentence.text[:1] in "\"“‘'" or self.open_quote
        self.open_quote = _opens_quote(sentence.text, self.open_quote)
        asides = [m.span() for m in _BACKGROUND.finditer(sentence.text)] if positions else []
        out = [self._pick(cues, pos, asides, sentence.text) for pos in positions]
        live = [c for c in cues if c.speakers]
        for cue in live:
            self.history.extend(cue.speakers)
        if live:
            main = [c for c in live if not c.relative] or live
            self.carry = main[-1].speakers
        elif self.sentences_seen == 0:
            self.carry = ()
        self.sentences_seen += 1
        return out

    def _pick(
        self,
        cues: list[_Cue],
        pos: int,
        asides: Sequence[tuple[int, int]] = (),
        text: str = "",
    ) -> tuple[Speaker, ...]:
        for a_start, a_end in asides:
            if a_start < pos < a_end and not any(a_start <= c.start < a_end for c in cues):
                return (self.default,)  # "Hamas, whose attack killed 1,400, said": background
        live = [c for c in cues if c.speakers]
        if any(c.kind != "according" or _named_claimant(c) for c in live):
            # "according to AP" only relays when someone else in the sentence speaks.
            live = [c for c in live if c.kind != "according" or _named_claimant(c)]
        according = [c for c in live if c.kind == "according"]
        if according:
            return min(according, key=lambda c: abs(c.start - pos)).speakers
        before = [c for c in live if c.end <= pos]
        if before:
            return before[-1].speakers
        after = [c for c in live if c.start >= pos and not c.relative]
        if after:
            return after[0].speakers
        if cues:
            return (self.default,)
        if self.carry and (self.quoted or _CONTINUES.match(text)):
            return self.carry
        return (self.default,)

    def omitter(self, sentence: Sentence, pos: int) -> Speaker | None:
        """Who the omission cue at `pos` speaks of: the subject of its clause, else the
        speaker of the sentence ("X said ..., adding that losses were still being counted")."""
        if self._pending:
            self._catch_up()
        found = self._subject(sentence, pos)
        if not found or all(f.source_type == "media" for f in found):
            found = tuple(s for s in self._pick(self._cues(sentence), pos) if s.name != self.outlet)
        if not found:
            return None
        speaker = found[0]
        if speaker.source_type == "unknown":
            speaker = Speaker(speaker.name, head_type(speaker.name), speaker.named)
        return speaker

    # --- cues -------------------------------------------------------------------------------

    def _cues(self, sentence: Sentence) -> list[_Cue]:
        text = sentence.text
        vocab = _vocab()
        cues: list[_Cue] = []
        for m in vocab.cue.finditer(text):
            word = m.group().lower()
            if word.startswith("according"):
                found = self._object(sentence, m.end())
                cues.append(_Cue(m.start(), m.end(), "according", found))
            elif word in vocab.participles:
                main = next((c.speakers for c in cues if c.kind == "subject" and c.speakers), ())
                if not main:
                    main = self._subject(sentence, m.start(), first=True)
                cues.append(_Cue(m.start(), m.end(), "participle", main))
            else:
                if word in vocab.needs_toll and not _TOLL_OBJECT.match(text, m.end()):
                    continue
                if _NEGATED.search(text, max(0, m.start() - 16), m.start()):
                    continue  # "did not say": an omission, not an attribution
                found = self._inverted(sentence, m.start(), m.end())
                agent = _BY_AGENT.match(text, m.end())
                if not found and agent is not None:
                    found = self._object(sentence, agent.end())  # "confirmed by the army"
                if not found:
                    found = self._subject(sentence, m.start())
                relative = _is_relative(text[max(0, m.start() - _WINDOW) : m.start()])
                found = tuple(self._as_newsroom(f) for f in found)
                if found and all(_newsroom(f) for f in found):
                    cited = self._relay(sentence, m.end())
                    if cited:
                        found = cited  # a broadcaster "citing health authorities"
                    elif all(f.source_type == "media" and f.named for f in found):
                        found = ()  # a wire agency relays: nobody named claims it
                if word == "reported":
                    found = tuple(
                        Speaker(f.name, "media") if f.source_type == "unknown" else f for f in found
                    )
                cues.append(_Cue(m.start(), m.end(), "subject", found, relative))
        return cues

    def _as_newsroom(self, speaker: Speaker) -> Speaker:
        """The publishing outlet named as a speaker ("Trend reports") is a newsroom."""
        name = speaker.name.lower()
        if not speaker.named and len(name) > 2 and self.outlet.lower().startswith(name):
            return Speaker(speaker.name, "media")
        return speaker

    def _relay(self, sentence: Sentence, pos: int) -> tuple[Speaker, ...]:
        """A newsroom reported it: the claimant is whom it cites, else nobody named."""
        citing = _CITING.search(sentence.text, pos, pos + _WINDOW)
        if citing is not None:
            found = self._object(sentence, citing.end(), cited=True)
            if found and all(f.source_type != "media" for f in found):
                return found
        return ()

    def _inverted(self, sentence: Sentence, start: int, end: int) -> tuple[Speaker, ...]:
        """`..., said the observatory` / `"...," said X`."""
        before = sentence.text[:start].rstrip()
        if not before or before[-1] not in ",\"”'’":
            return ()
        stripped = sentence.text[end:].lstrip()
        if not stripped or not stripped[0].isalpha():
            return ()
        clause = re.split(r"[,;.]", stripped, maxsplit=1)[0]
        if re.search(r"\d", clause) or lexicon().scanner.search(clause):
            return ()  # "..., said nine troops died": a reported clause, not an inversion
        return self._object(sentence, end)

    def _object(self, sentence: Sentence, pos: int, cited: bool = False) -> tuple[Speaker, ...]:
        """The claimant phrase that starts at `pos` (after "according to" or inverted "said")."""
        rest = sentence.text[pos:]
        m = re.match(r"\s*((?:[^\W_]|['’.\-& ])+)", rest)
        if m is None:
            return ()
        cut: list[str] = []
        stops = {"on", "at", "who", "which", "that", "after", "citing", "told"}
        for w in m.group(1).split():
            low = w.lower()
            if low in stops or (low == "in" and not (cited and cut and cut[-1][:1].islower())):
                break
            cut.append(w)
        phrase = " ".join(cut[:12]).rstrip(".")
        tail = rest[m.end() :]
        name = re.match(r",\s*((?:[A-Z][\w'’.\-]*\s?){1,4})\s*(?:[.,;]|$)", tail)
        if name is not None and phrase and not _is_proper(phrase):
            phrase = phrase + ", " + name.group(1).strip()
        if not phrase:
            return ()
        return self._resolve_all(phrase, sentence.start + pos)

    def _subject(self, sentence: Sentence, verb: int, first: bool = False) -> tuple[Speaker, ...]:
        """The subject noun phrase before a speech verb (or the clause's first subject)."""
        # Subjects are short: a bounded window keeps long run-on text linear.
        offset = 0 if first else max(0, verb - _WINDOW)
        raw = sentence.text[offset : min(verb, offset + _WINDOW)]
        masked = _ASIDE.sub(lambda m: "," + " " * (len(m.group()) - 2) + ",", raw)
        masked = _strip_aux(masked)
        phrase, start, end = _leading_np(masked) if first else _subject_phrase(masked)
        if not phrase or len(phrase.split()) > 14:
            return ()
        if phrase.split()[-1].lower() in _vocab().relays:
            return ()
        # Keep an aside that follows the subject: gold-standard wording of an unnamed source.
        written = phrase
        aside = _ASIDE.match(raw, end) if not first else None
        if aside is not None and re.match(r",\s*who\b", aside.group()):
            written = raw[start : aside.end() - 1].strip()
        return self._resolve_all(phrase, sentence.start + offset + start, written)

    # --- resolution -------------------------------------------------------------------------

    def _resolve_all(
        self, phrase: str, offset: int, written: str | None = None
    ) -> tuple[Speaker, ...]:
        """One speaker per coordinated claimant ("the mayor and security officials")."""
        parts = re.split(
            r"\s+and\s+(?=(?:the|a|an|another|two|three|several|some)?\s*[\w-]+)", phrase
        )
        left = parts[0].strip()
        left_np = bool(_ARTICLE.match(left)) or len(left.split()) >= 2 or left[:1].isupper()
        if len(parts) == 2 and left_np and all(self._claimant_like(p) for p in parts):
            out = [self._resolve(p.strip(), offset) for p in parts]
            return tuple(s for s in out if s is not None)
        one = self._resolve(phrase, offset, written)
        return (one,) if one is not None else ()

    def _claimant_like(self, part: str) -> bool:
        reg = self.registry
        return bool(
            reg.find_sources(part)
            or reg.find_descriptors(part)
            or head_type(part) != "unknown"
            or [a for a in reg.find_actors(part) if not a[2].generic]
        )

    def _resolve(self, phrase: str, offset: int, written: str | None = None) -> Speaker | None:
        if _MEDIA_HEAD.search(phrase) and not _STATE_MEDIA.search(phrase):
            return Speaker(written or phrase, "media")  # "the group's al-Masirah TV"
        found, found_actors, descriptors = _lookup(self.registry, phrase)
        sources = [f for f in found if f[2].source_type != "media"]
        if found and not sources and len(phrase.split()) <= len(found[0][2].name.split()) + 3:
            return Speaker(found[0][2].name, "media", True)  # a newsroom: a relay, see _relay
        if sources:
            src = sources[0][2]
            canonical = set(_WORDS.findall(src.name.lower()))
            people = [w for w in _WORDS.findall(phrase.lower()) if w in _PERSON_NOUNS]
            if src.name[:1].islower() or any(w not in canonical for w in people):
                # A generic entry ("security sources"): the wording of the text says more.
                return Speaker(written or phrase, src.source_type)
            return Speaker(src.name, src.source_type, True)
        bare = _ARTICLE.sub("", phrase).strip()
        if _PRONOUN.match(bare):
            return self._pronoun(bare.lower())
        if re.fullmatch(r"[A-Z][\w'’\-]+", bare):
            for speaker in reversed(self.history):
                if not speaker.named and bare in _WORDS.findall(speaker.name):
                    # A surname ("Roe said" after "Colonel Jane Roe"): same person and type.
                    return Speaker(written or phrase, speaker.source_type)
        words = _WORDS.findall(bare.lower())
        if words and words[0] in _STATEMENT:
            # "a statement seen by Reuters": the statement's author speaks, named elsewhere.
            return None
        if words and words[-1] in _STATEMENT:
            return self.history[-1] if self.history else None
        kind = descriptors[0][2].source_type if descriptors else head_type(phrase)
        if head_type(phrase) == "media" and kind in ("media", "unknown"):
            return Speaker(written or phrase, "media")
        definite = phrase.lower().startswith(("the ", "its ", "their "))
        actors = [a for a in found_actors if not a[2].generic and a[2].category != "civilians"]
        if actors:
            s, e, actor = actors[0]
            rest = (phrase[:s] + phrase[e:]).strip(" '’s")
            rest = _ARTICLE.sub("", rest)
            if len(rest) <= 3 or (kind in ("unknown", "belligerent") and not _WORDS.search(rest)):
                party = actor.side or actor.name
                if _STATE_WORDS.search(party) and not _STATE_WORDS.search(phrase):
                    return Speaker(
                        written or phrase, "official"
                    )  # "Azerbaijan said": its government
                if definite and _STATE_WORDS.search(phrase):
                    return Speaker(written or phrase, "belligerent")  # "the military said"
                return Speaker(party, "belligerent", True)
            if kind == "unknown":
                kind = "belligerent"
        short = len(phrase.split()) <= 4
        if definite and _HEAD_KEPT.fullmatch(_head(phrase)):
            return Speaker(written or phrase, kind)  # "the army": its own wording is clearest
        if short and (definite or (descriptors and kind == "monitor")):
            found_sp = self._antecedent(kind, offset, not definite, phrase)
            if found_sp is not None:
                return found_sp
        if kind == "unknown" and not _is_proper(bare):
            return None  # not a claimant ("a breakdown of the toll adds up to")
        return Speaker(written or phrase, kind)

    def _pronoun(self, word: str) -> Speaker | None:
        """ "it"/"they" -> the last named claimant; "he"/"she" -> the last person, else any."""
        if not self.history:
            return None
        if word in ("it", "they", "we"):
            for speaker in reversed(self.history):
                if speaker.named:
                    return speaker
        else:
            for speaker in reversed(self.history):
                if not speaker.named and _singular_person(speaker.name):
                    return speaker
        return self.history[-1]

    def _antecedent(self, kind: str, offset: int, forward: bool, phrase: str) -> Speaker | None:
        """The most recent claimant of `kind` before `offset` (or the next one when `forward`)."""
        words = _WORDS.findall(phrase.lower())
        head = words[-1] if words else ""
        non_state = kind in ("belligerent", "unknown") and any(w in _NON_STATE for w in words)
        person = head in _PERSON_NOUNS or head == "general"
        state = _STATE_WORDS.search(phrase) is not None and not non_state
        for speaker in reversed(self.history):
            if state and not _STATE_WORDS.search(speaker.name):
                continue
            if person:
                same = head in speaker.name.lower()
            else:
                same = head in _WORDS.findall(speaker.name.lower()) or (
                    speaker.source_type == kind and speaker.named
                )
            if same and not (non_state and _STATE_WORDS.search(speaker.name)):
                return speaker
        if person:
            return None
        before = [
            sp
            for s, sp in self._named
            if s < offset and sp.source_type == kind and (not state or _STATE_WORDS.search(sp.name))
        ]
        if before:
            return before[-1]
        if non_state:
            tally: dict[str, int] = {}
            for s, actor in self._actors:
                name = actor.side or actor.name
                if s < offset and not (non_state and _STATE_WORDS.search(name)):
                    tally[name] = tally.get(name, 0) + 1
            if tally:
                best = max(tally.items(), key=lambda kv: kv[1])[0]
                return Speaker(best, "belligerent", True)
        if forward:
            after = [sp for s, sp in self._named if s >= offset and sp.source_type == kind]
            if after:
                return after[0]
        return None


def _opens_quote(text: str, inside: bool) -> bool:
    """Whether a quotation is still open at the end of `text` (it runs on into the next)."""
    opens = text.count("“")
    closes = text.count("”")
    if opens or closes:
        return opens > closes or (inside and opens == closes and text.lstrip()[:1] != "“")
    return inside and text.count('"') % 2 == 0


def _singular_person(name: str) -> bool:
    """A phrase naming one person ("Igor Strelkov", "a police officer"), not a body."""
    words = _WORDS.findall(name.split(",")[0])
    if not words:
        return False
    head = words[-1].lower()
    return _person(name.split(",")[0]) or (head in _PERSON_NOUNS and not head.endswith("s"))


def _newsroom(speaker: Speaker) -> bool:
    """A broadcaster or agency, state-run or not ("the Houthis' al-Masirah TV")."""
    return (
        speaker.source_type in ("media", "state_media")
        or _MEDIA_HEAD.search(speaker.name) is not None
    )


def _named_claimant(cue: _Cue) -> bool:
    return any(s.source_type != "media" for s in cue.speakers)


def _is_relative(before: str) -> bool:
    """True when the clause of a cue opens with "that"/"which" (a relative clause)."""
    last = None
    for last in _STOP_SUBJECT.finditer(before):  # noqa: B007 - the last match is wanted
        pass
    if last is None or last.group().lower() not in {"that", "which", "who"}:
        return False
    return "," not in before[last.end() :]


def _strip_aux(text: str) -> str:
    """Drop auxiliaries and adverbs just before the verb ("has also confirmed")."""
    words = list(re.finditer(r"\S+", text))
    end = len(text)
    while words and words[-1].group().lower().strip(",") in _AUX_BEFORE_VERB:
        end = words[-1].start()
        words.pop()
    return text[:end]


def _subject_phrase(text: str) -> tuple[str, int, int]:
    """The noun phrase that ends `text` (the words before a speech verb), with its span."""
    start = 0
    for m in _STOP_SUBJECT.finditer(text):
        start = m.end()
    parts: list[tuple[int, int]] = []
    pos = start
    for chunk in text[start:].split(","):
        parts.append((pos, pos + len(chunk)))
        pos += len(chunk) + 1
    parts = [p for p in parts if _WORDS.search(text[p[0] : p[1]])]
    if not parts:
        return "", 0, 0
    s, e = parts[-1]
    last = text[s:e]
    conj = re.match(r"^.*\band\s+(?=(?:a|an|the|another|two|three|some)\b)", last, re.IGNORECASE)
    if conj is not None and len(parts) == 1 and not _both_claimants(last):
        s += conj.end()
    s, e = _trim(text, s, e)
    if len(parts) >= 2:
        ps, pe = _trim(text, *parts[-2])
        prev = text[ps:pe]
        cur = text[s:e]
        if (_person(prev) and head_type(cur) != "unknown") or (
            _person(cur) and head_type(prev) != "unknown"
        ):
            return text[ps:e], ps, e
    return text[s:e], s, e


def _both_claimants(part: str) -> bool:
    pieces = re.split(r"\band\b", part)
    return len(pieces) == 2 and all(head_type(p) != "unknown" for p in pieces)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim leading conjunctions/datelines and trailing time words of `text[s:e]`."""
    words = list(re.finditer(r"\S+", text[s:e]))
    while words and words[0].group().lower().strip(",") in _LEADING:
        words.pop(0)
    while words and words[-1].group().lower().strip(",.") in _TRAILING_TIME:
        words.pop()
    if not words:
        return s, s
    return s + words[0].start(), s + words[-1].end()


def _head(phrase: str) -> str:
    words = _WORDS.findall(phrase.lower())
    return words[-1] if words else ""


def _is_proper(part: str) -> bool:
    """A short run of capitalised words ("Major General Jane Doe", "Pavlo Kyrylenko")."""
    words = part.split()
    if not words or len(words) > 8:
        return False
    caps = [w for w in words if w[:1].isupper()]
    return words[0][:1].isupper() and len(caps) >= len(words) - 1


def _person(part: str) -> bool:
    """A personal name, maybe with a rank: two or more capitalised words, no organisation."""
    words = part.split()
    if len(words) < 2 or any(w.lower().strip(",.") in _ORG_WORDS for w in words):
        return False
    if any(w.lower() in _TRAILING_TIME for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _leading_np(text: str) -> tuple[str, int, int]:
    """The first noun phrase of a clause (the subject a participle passes on)."""
    m = re.match(
        r"^\s*(?:[A-Z][A-Z ,]+(?:\([^)]*\))?\s*[:—–-]\s*)?(?i:(?:in|on|at)\s+[^,]{0,60},\s*)?",
        text,
    )
    start = m.end() if m else 0
    words = list(re.finditer(r"\S+", text[start:]))
    end = start
    stop = {"claimed", "said", "has", "had", "have", "was", "were", "is", "on", "put"}
    for i, w in enumerate(words[:8]):
        low = w.group().lower().strip(",.;:")
        if low in stop or (i and low.endswith("ed") and low.isalpha() and w.group().islower()):
            break
        end = start + w.end()
    return text[start:end].strip(" ,"), start, end
