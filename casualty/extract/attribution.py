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

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final, NamedTuple

from casualty import rx
from casualty.extract import cue_rules as rules
from casualty.extract import relays, speaker_rules
from casualty.extract.claimant_words import (
    Speaker,
    head_type,
    is_newsroom,
    speech_vocab,
)
from casualty.extract.cue_context import (
    CITED_STATEMENT,
    LIVES,
    QUOTE_CLOSE,
    SENTENCE_STOP,
    attack_claimed,
    background_asides,
    claim_is_noun,
    opens_quote,
    says_this_next,
)
from casualty.extract.omissions import neither_as_and
from casualty.extract.relays import PostSignatures
from casualty.extract.sentences import Sentence
from casualty.extract.speaker_phrases import WINDOW as _WINDOW
from casualty.extract.speaker_phrases import SpeakerPhrases
from casualty.extract.subjects import is_relative, strip_aux
from casualty.registry import Registry

__all__ = ["Attributor", "Speaker", "head_type"]

_NEGATED: Final = rx.compile(r"(?:\b(?:not|never|no|cannot|cant)|n['’]t)\s+(?:\w+\s+)?$", re.I)
#: Openings continuing the last report ("That raises the toll"; not "That attack killed ...").
_CONTINUES: Final = rx.compile(
    r"^(?:(?:that|this|these|those)\b(?!\s+(?:attack|strike|bombing|raid|assault|massacre|war"
    r"|conflict|blast|explosion|incident|offensive)s?\b)|of\s+(?:the|those|them|these)"
    r"|among\s+(?:them|those|the)|as\s+a\s+result|consequently)\b",
    re.IGNORECASE,
)
_BY_AGENT: Final = rx.compile(r"\s+by\s+(?=[A-Za-z])")
_CITING: Final = rx.compile(r"\b(?:citing|quoting|with\s+reference\s+to|referring\s+to)\s+", re.I)
_WHO_BEFORE: Final = rx.compile(r",\s*who\s+$")
_FROM: Final = rx.compile(r"\bfrom\s+")
#: The source a "No X source was available" cue names inside itself: "army source".
_NO_SOURCE: Final = rx.compile(r"no\s+((?:[\w-]+\s+){0,3}?(?:source|official|spokesman))\b", re.I)
_STATEMENT_WORD: Final = rx.compile(r"\bstatement\b", re.IGNORECASE)


def has_statement_word(text: str) -> bool:
    """Whether `text` has the word "statement" (any case). A substring test in the lower-cased
    text first spares the case-insensitive search in most sentences: only ASCII letters
    lower-case to "tatement", and the long s ("ſ") the search takes for "s" is left out."""
    return "tatement" in text.lower() and _STATEMENT_WORD.search(text) is not None


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    kind: str  # "subject", "according", "participle"
    speakers: tuple[Speaker, ...]
    #: The cue sits in a relative clause ("a bombing that IS said it carried out").
    relative: bool = False


class _Deferred(NamedTuple):
    """A figure-less sentence whose speakers are not resolved yet, and its number."""

    number: int
    sentence: Sentence


class Attributor(SpeakerPhrases):
    """Resolves claimants sentence by sentence through one article."""

    def __init__(self, registry: Registry, text: str, outlet: str | None) -> None:
        super().__init__(registry, text, outlet)
        self.sentences_seen = 0
        self.quoted = self.open_quote = self.new_paragraph = False
        #: After the first deferred sentence: (number, sentence) still to resolve, and the
        #: speakers of later sentences, in article order (see `skip`).
        self._later: list[_Deferred | tuple[Speaker, ...]] = []
        self._last_deferred = -1
        self._resolving = False
        #: The last speakers of the last sentence with a live cue, and that sentence's number.
        self._carry: tuple[Speaker, ...] = ()
        self._carry_at = -1
        #: Numbers of the sentences that gave figures ("Two others died" adds only to a toll).
        self._tolls: set[int] = set()
        self._posts = PostSignatures(text)

    def skip(self, sentence: Sentence) -> None:
        """Pass over a sentence without figures. Its speakers are resolved only when a later
        sentence reads the history (a pronoun, a descriptor's antecedent) or the carried
        speaker, and then in article order, so each sees the history it would have seen."""
        self._later.append(_Deferred(self.sentences_seen, sentence))
        self._last_deferred = self.sentences_seen
        self.quoted = sentence.text[:1] in "\"“‘'" or self.open_quote
        self.open_quote = opens_quote(sentence.text, self.open_quote)
        self.sentences_seen += 1

    def _settled(self) -> list[Speaker]:
        if self._later and not self._resolving:
            self._resolving = True  # while resolving, the history is what came before
            try:
                later, self._later = self._later, []
                for item in later:
                    if isinstance(item, _Deferred):
                        self._record(self._cues(item.sentence), item.number)
                    else:
                        self._resolved.extend(item)
            finally:
                self._resolving = False
        return self._resolved

    @property
    def carry(self) -> tuple[Speaker, ...]:
        """The speakers a sentence without its own carries on from (the last live cue's)."""
        if self._later and self._last_deferred > self._carry_at:
            self._settled()
        return self._carry

    def _record(self, cues: list[_Cue], number: int) -> None:
        """Add the live cues of sentence `number` to the history and the carried speaker."""
        live = [c for c in cues if c.speakers]
        found = tuple(s for cue in live for s in cue.speakers)
        if self._later:
            self._later.append(found)
        else:
            self._resolved.extend(found)
        if live and number > self._carry_at:
            main = [c for c in live if not c.relative] or live
            self._carry, self._carry_at = main[-1].speakers, number

    def speakers(self, sentence: Sentence, positions: list[int]) -> list[tuple[Speaker, ...]]:
        """The claimants of each figure at `positions` (sentence offsets), in order."""
        cues = self._cues(sentence)
        self.quoted = sentence.text[:1] in "\"“‘'" or self.open_quote
        self.open_quote = opens_quote(sentence.text, self.open_quote)
        self.new_paragraph = rules.opens_paragraph(self.text, sentence.start)
        asides = background_asides(sentence.text) if positions else []
        ahead: tuple[Speaker, ...] = ()
        if positions and not any(c.speakers for c in cues):
            ahead = self._closing_speaker(sentence) if self.open_quote else self._tagged(sentence)
            ahead = ahead or self._tweeter(sentence)
            said = says_this_next(self.text, sentence.end) if not ahead else None
            if said is not None:  # "... . Jo Li announced this on Telegram.": Jo Li's figures
                ahead = self._subject(*said)
        out = [self._pick(cues, pos, asides, sentence.text, ahead) for pos in positions]
        if positions:
            self._tolls.add(self.sentences_seen)
        for start, end, report in speaker_rules.debunked(sentence.text) if positions else ():
            for k, pos in enumerate(positions):  # "a misleading report that 40 were killed"
                out[k] = (Speaker(report, "unknown"),) if start < pos < end else out[k]
        self._record(cues, self.sentences_seen)
        self.sentences_seen += 1
        return out

    def _pick(
        self,
        cues: list[_Cue],
        pos: int,
        asides: Sequence[tuple[int, int]] = (),
        text: str = "",
        ahead: tuple[Speaker, ...] = (),
    ) -> tuple[Speaker, ...]:
        for a_start, a_end in asides:
            if a_start < pos < a_end and not any(
                a_start <= c.start < a_end or (c.end <= a_start and c.speakers) for c in cues
            ):
                # "Hamas, whose attack killed 1,400, said": background; after a speech verb
                # ("X said the raid, which killed 20, took place ...") the speaker's words
                return (self.default,)
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
        own = [c for c in live if c.relative and rules.own_relative(text, pos, c.start, c.end)]
        if own:
            return own[0].speakers  # "11 soldiers, which the ministry said were killed"
        if ahead:
            return ahead  # a quotation whose speaker is named where it closes
        if cues and not (self.quoted and self.carry):
            return (self.default,)  # inside a quotation a cue without a speaker is the quoted's
        if self.carry and (
            self.quoted
            or _CONTINUES.match(text)
            or rules.carries_on(
                text,
                self._carry_at == self.sentences_seen - 1,
                self.new_paragraph,
                self._carry_at in self._tolls,
            )
        ):
            if self.quoted and speaker_rules.quotes_nobody(self.carry):  # not "several sources"
                voice = [h for h in self._settled() if not speaker_rules.quotes_nobody((h,))]
                return (voice[-1],) if voice else (self.default,)
            return self.carry  # _more: "Nine others were hurt" right after the speaker's toll
        return (self.default,)

    def omitters(self, sentence: Sentence, pos: int) -> tuple[Speaker, ...]:
        """Who the omission cue at `pos` speaks of: the subject of its clause, else the
        speaker of the sentence ("X said ..., adding that losses were still being counted");
        each of a joint subject ("The army and the police did not respond")."""
        # "X confirmed the attack without giving a toll": not the words before "without"
        without = sentence.text[pos : pos + 7].lower() == "without"
        joint = neither_as_and(sentence.text, pos)  # "Neither X nor Y have confirmed": both
        if joint is not None:
            sentence = replace(sentence, text=joint)
        found = () if without else self._subject(sentence, pos)
        if not found or all(f.source_type == "media" for f in found):
            found = tuple(s for s in self._pick(self._cues(sentence), pos) if s.name != self.outlet)
        if not found or found[0].name.lower() == "there":
            source = _FROM.search(sentence.text, pos, pos + 40)  # "no comment from the army"
            found = self._object(sentence, source.end()) if source is not None else ()
        named = _NO_SOURCE.match(sentence.text, pos) if not found else None
        if named is not None:  # "No army source was available to confirm": the army's
            found = self._resolve_all(named.group(1), sentence.start + named.start(1))
        if not found and without:  # the speaker, else the clause's subject ("It praised ...")
            found = self._subject(sentence, pos, first=True)
        if not found or found[0].name.lower() == "there":
            return ()
        return tuple(
            Speaker(s.name, head_type(s.name), s.named) if s.source_type == "unknown" else s
            for s in found
        )

    # --- cues -------------------------------------------------------------------------------

    def _cues(self, sentence: Sentence) -> list[_Cue]:
        text = sentence.text
        vocab = speech_vocab()
        cues: list[_Cue] = []
        for m in vocab.cue.finditer(text):
            word = m.group().lower()
            if word.startswith("according"):
                found = self._object(sentence, m.end())
                if not found and CITED_STATEMENT.match(text, m.end() + 1):
                    found = self._statement_author()  # "according to the statement"
                if found and all(map(is_newsroom, found)):  # "According to AFP, ...": relays
                    found = relays.relayed(sentence, m.end(), found, self._resolve_all)
                cues.append(_Cue(m.start(), m.end(), "according", found))
            elif word in vocab.participles:
                quoted = rules.quoted_as(text, m.start())  # "X was quoted as saying": X
                main = self._subject(sentence, quoted) if quoted >= 0 else ()
                obj = rules.quoted_object(text, m.start())  # "Y quoted X as saying": X
                if obj is not None and not main:
                    cut = replace(sentence, text=text[: obj[1]])
                    main = self._object(cut, obj[0])
                main = main or self._with_subject(sentence, m.start())
                if not main and word in vocab.with_only:
                    continue  # "are reporting that ...": no "with X reporting", no participle
                if not main:
                    main = next(
                        (c.speakers for c in cues if c.kind == "subject" and c.speakers), ()
                    )
                if not main:
                    main = self._subject(sentence, m.start(), first=True)
                cues.append(_Cue(m.start(), m.end(), "participle", main))
            else:
                if word in vocab.needs_toll and not rules.toll_verb(text, m.start(), m.end()):
                    continue
                if word in ("read", "reads") and not rules.statement_reads(text, m.start()):
                    continue  # only "the statement read: ..." speaks
                if word.startswith("alleg") and speaker_rules.adjective(text, m.start()):
                    continue  # "the alleged attacker": no speech
                if word in ("claim", "report", "reports") and claim_is_noun(text, *m.span()):
                    continue  # "the claim of 40 dead", "on these reports": a noun
                if word.startswith("claim") and (
                    LIVES.match(text, m.end()) or attack_claimed(text, m.start(), m.end())
                ):
                    continue  # "claimed 2,000 lives", "an attack claimed by X": no speech
                if _NEGATED.search(
                    text, max(0, m.start() - 16), m.start()
                ) or speaker_rules.in_time_clause(text, m.start()):
                    continue  # "did not say": an omission; "since X declared ...": a date
                found = self._inverted(sentence, m.start(), m.end())
                agent = _BY_AGENT.match(text, m.end())
                if not found and agent is not None:
                    found = self._object(sentence, agent.end())  # "confirmed by the army"
                if not found and rules.is_passive(text, m.start(), m.end()):
                    continue  # "twelve were reported killed": the subject is not the speaker
                if not found:  # "a reporter who was hurt said": the subject ends at "who"
                    rel = rules.relative_before(text, m.start())
                    found = self._subject(sentence, rel if rel >= 0 else m.start())
                who = _WHO_BEFORE.search(text, max(0, m.start() - 12), m.start())
                if not found and who is not None:  # "X, who say 12 died": X, after "from"
                    found = self._antecedent_np(sentence, who.start())
                relative = is_relative(strip_aux(text[max(0, m.start() - _WINDOW) : m.start()]))
                relative = relative or rules.says_other(text, m.start(), m.end())
                found = tuple(self._as_newsroom(f) for f in found)
                if found and all(is_newsroom(f) for f in found):
                    cited = self._relay(sentence, m.end())
                    if cited:
                        found = cited  # a broadcaster "citing health authorities"
                    elif all(f.source_type == "media" and relays.is_wire(f) for f in found):
                        found = ()  # a wire agency relays: nobody named claims it
                if word == "reported":
                    found = tuple(
                        Speaker(f.name, "media") if f.source_type == "unknown" else f for f in found
                    )
                cues.append(_Cue(m.start(), m.end(), "subject", found, relative))
        if cues and has_statement_word(text):
            # "X said in a statement": X is who "the statement" of a later sentence means;
            # a statement with no speaker found forgets the last one.
            self._stated = next((c.speakers[0] for c in cues if c.speakers), None)
        if not any(c.speakers for c in cues):
            citing = _CITING.search(text)
            if citing is not None:  # "multiple reports, citing health officials, of ..."
                found = self._object(sentence, citing.end(), cited=True)
                found = tuple(f for f in found if not is_newsroom(f))
                if found:
                    cues.append(_Cue(citing.start(), citing.end(), "according", found))
        return cues

    def _statement_author(self) -> tuple[Speaker, ...]:
        """The author of "the statement" just reported: the last speaker not a newsroom."""
        return next(((s,) for s in reversed(self.history) if not is_newsroom(s)), ())

    def _closing_speaker(self, sentence: Sentence) -> tuple[Speaker, ...]:
        """Who is named where a quotation open at the end of `sentence` closes, in the same
        paragraph: '"... resulting in casualties. We found nine bodies," an officer said.'"""
        limit = min(len(self.text), sentence.end + _WINDOW)
        close = QUOTE_CLOSE.search(self.text, sentence.end, limit)
        if close is None or speaker_rules.untagged_quote(self.text, sentence.end, close.start()):
            return ()
        stop = SENTENCE_STOP.search(self.text, close.end(), min(len(self.text), close.end() + 160))
        end = stop.start() if stop is not None else min(len(self.text), close.end() + 160)
        tail = Sentence(close.start() - 1, end, self.text[close.start() - 1 : end], -1)
        for cue in self._cues(tail):
            quoting = cue.kind == "participle" and rules.quoting(tail.text, cue.start)
            if cue.speakers and (cue.kind == "subject" or quoting):
                return cue.speakers  # '...," a report quoted an officer as saying': the officer
        return ()

    def _tweeter(self, sentence: Sentence) -> tuple[Speaker, ...]:
        """Who signs an embedded post that ends the sentence's paragraph (`PostSignatures`)."""
        signer = self._posts.after(sentence.end)
        return self._resolve_all(*signer) if signer is not None else ()

    def _relay(self, sentence: Sentence, pos: int) -> tuple[Speaker, ...]:
        """A newsroom reported it: the claimant is whom it cites, else nobody named."""
        citing = _CITING.search(sentence.text, pos, pos + _WINDOW)
        if citing is not None:
            found = self._object(sentence, citing.end(), cited=True)
            if not found and CITED_STATEMENT.match(sentence.text, citing.end()):
                found = self._statement_author()  # "quoting the statement"
            if found and all(f.source_type != "media" for f in found):
                return found
        return ()


def _named_claimant(cue: _Cue) -> bool:  # "X said, according to the state agency": X's
    return any(not is_newsroom(s) for s in cue.speakers)
