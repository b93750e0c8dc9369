"""Claimant phrases in a sentence: the subject before a speech verb, the object after
"according to" or an inverted "said", the antecedent of a relative "who", the subject of an
absolute participle, each resolved against the article by `Claimants`.

`SpeakerPhrases` is the base of `casualty.extract.attribution.Attributor`, which decides which
of these phrases speaks for which figure.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from casualty import rx
from casualty.extract import cue_rules as rules
from casualty.extract import speaker_rules
from casualty.extract.claimant_words import Speaker, is_proper, speech_vocab
from casualty.extract.claimants import Claimants
from casualty.extract.cue_context import ASIDE_ADVERB, WITH_SUBJECT, misturned_close
from casualty.extract.sentences import Sentence
from casualty.extract.subjects import leading_np, strip_aux, subject_phrase

__all__ = ["WINDOW", "SpeakerPhrases"]

#: Characters around a speech verb searched for its subject, relative clause or source cited.
WINDOW: Final = 300
#: Asides between a subject and its verb: ", who ...,", "[...]", "(...)", a dash pair ("A
#: member of the PVC — the People's Vigilance Corps — said"; bounded, no nesting), a list of
#: some of the speakers (", including chief Jo Li,"), where one works (", based in Kato,"),
#: and another name of a body (" known by its acronym KRW", ", better known as the Blue Vests"),
#: and where a place named before lies (", 80 km (50 miles) east of the border,").
_ASIDE: Final = rx.compile(
    r",\s*(?:who|which|whose|including|based\s+in)\b[^,]*,|\[[^\]]*\]|\([^)]*\)"
    r"|,\s*(?:about|some|around|nearly|roughly)?\s*\d[\d,.]*\s*(?:km|kilometres|kilometers"
    r"|miles)\b[^,]{0,80},"
    r"|\s[—–]\s[^—–]{1,100}?\s[—–](?=\s)"
    r"|\s(?:also\s+|better\s+|widely\s+)?known\s+(?:as|by)\s[^,]{1,60}(?=,)"
)
#: A speaker's role for two bodies: "Jo Li, a spokesman for the ministry and the army".
_ROLE_FOR_BOTH: Final = rx.compile(r",\s+(?:an?|the)\s[^,]{0,40}?\b(?:for|of)\s[^,]+?\sand\s")
#: An aside on why a source is unnamed, between it and its verb: ", requesting anonymity as
#: they were not authorised to speak to the media,", "who asked not to be named", ", not
#: being allowed to talk to reporters,", " speaking on condition of anonymity" (bounded; it
#: must end at a comma or at the verb). Without it the aside was read as the speaker.
_ANONYMOUS: Final = rx.compile(
    r"(?:,|\s(?=(?:who|speaking|requesting|asking)\s))\s*[^,]{0,80}?\b(?:anonymity|anonymously"
    r"|not\s+to\s+be\s+(?:named|identified)"
    r"|(?:authori[sz]ed|allowed|permitted)\s+to\s+(?:speak|talk|brief|comment))\b[^,]{0,80}(?=,|$)"
)
_CLAUSE_END: Final = rx.compile(r"[,;.]")
_OBJECT_WORDS: Final = rx.compile(r"\s*((?:[^\W_]|['’.\-& ])+)")
#: A name in apposition after a claimant phrase: "the governor, Jane Doe".
_APPOSITION: Final = rx.compile(r",\s*((?:[A-Z][\w'’.\-]*\s?){1,4})\s*(?:[.,;]|$)")
_WHO: Final = rx.compile(r",\s*who\b")
_LAST_PREPOSITION: Final = rx.compile(r"^.*\b(?:from|by|with|to|for)\s+")
#: More claimants listed after an inverted "said X": "said a nurse at the clinic and an aid
#: worker", "said a farmer, a member of a vigilance group and the local chief" (items without
#: commas of their own, the last after "and"; each bounded, so the scan stays linear).
_MORE: Final = rx.compile(
    r"(?:\s+(?:at|in|on)\s+[^,.;:\"”]{1,40}?)?"
    r"((?:,\s+(?:an?|the)\s+[^,.;:\"”]{2,80}?)*)"
    r",?\s+and\s+([^,.;:\"”]{2,80}?)\s*(?=[.,;:\"”]|$)"
)
_ITEM_START: Final = rx.compile(r"(?:an?|the)\s", re.IGNORECASE)
#: A dateline with its agency or date in brackets opening a sentence: "West Bank, (XYZ -
#: Wire - 3rd Mar, 2021) Paramedics in Jenin said": the place is no part of the speaker.
_BRACKET_DATELINE: Final = rx.compile(
    r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s*\((?=[^)]*(?:\d|[A-Z]{2}))[^)]{1,80}\)"
)
#: An outlet's name and a slash opening the article: "Example News/ A police source said".
_SLASH_DATELINE: Final = rx.compile(r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*/\s+(?=[A-Z])")
#: A possessor's figures: "according to the ministry's latest tally" is the ministry's.
_POSSESSED_FIGURES: Final = rx.compile(
    r"(.+?)['’]s?\s+(?:(?:latest|official|own|preliminary|updated|new)\s+)?"
    r"(?:figures|data|tall(?:y|ies)|toll|counts?|estimates?|statistics|records)",
    re.IGNORECASE,
)
#: A named body's tally: "according to an AFP tally of official figures" is AFP's.
_NAMED_TALLY: Final = rx.compile(
    r"(?:an?|the)\s+((?:[A-Z][\w.’'-]*\s+){1,4}?)(?:tall(?:y|ies)|counts?|figures|data)\b.*"
)


#: A clause inside an absolute "with" phrase: a figure or a participle, then "and".
_CLAUSE_IN: Final = rx.compile(r"(?:\d|\b\w+ing\b)[^,;]*\band\s", re.IGNORECASE)
#: The subject of a participle coordinated by "and" in that phrase: "and local media saying".
_AND_SUBJECT: Final = rx.compile(r"\band\s+((?:[\w'’.\-]+\s+){1,5}?)$", re.IGNORECASE)


#: A line naming whose news an item is ("Source: Jo Li, head of the district, on Telegram"),
#: the first of its kind: its figures, said in no one's voice, are that source's.
_SOURCE_LINE: Final = rx.compile(
    r"^Source:[ \t]+([^\n]{3,160}?)(?:,?[ \t]+(?:on|in|via)[ \t]+[^\n,]{1,40})?[ \t]*$",
    re.MULTILINE,
)

#: A headline line that names its source after a dash or a colon, as wires title items
#: ("Shelling kills 9 in border town - governor", "... leaves seven dead: health ministry").
_HEADLINE_TAG: Final = rx.compile(
    r"(?:\s[–—-]|:)[ \t]+([A-Za-z][\w'’]*(?:[ \t][\w'’]+){0,4})[ \t]*$"
)


class SpeakerPhrases(Claimants):
    """Finds and resolves the claimant phrases of a sentence (see the module docstring)."""

    @functools.cached_property
    def default(self) -> Speaker:
        """The outlet's voice, unless a "Source:" line names an official or a body whose
        figures the item reports (a wire's credit line, "Source: AFP", names no claimant)."""
        line = _SOURCE_LINE.search(self.text) if "Source:" in self.text else None
        found = self._resolve(line.group(1), line.start(1)) if line is not None else None
        if found is not None and found.source_type not in ("media", "unknown"):
            return found
        return super().default

    def _tagged(self, sentence: Sentence) -> tuple[Speaker, ...]:
        """The source a headline line names after a dash or a colon (a line of its own, with
        no full stop), when it is an official, a body or a monitor: not a newsroom's credit."""
        tag = _HEADLINE_TAG.search(sentence.text)
        if tag is None or self.text[sentence.end : sentence.end + 1] not in ("", "\n"):
            return ()
        found = self._resolve_all(tag.group(1), sentence.start + tag.start(1))
        if not found or any(f.source_type in ("media", "state_media", "unknown") for f in found):
            return ()
        return found

    def _antecedent_np(self, sentence: Sentence, end: int) -> tuple[Speaker, ...]:
        """The noun phrase a relative "who" refers to: the one ending at `end`, after its last
        "from"/"by"/"with" ("no comment from Ukrainian authorities, who say ...")."""
        before = sentence.text[max(0, end - WINDOW) : end]
        phrase = _LAST_PREPOSITION.sub("", subject_phrase(strip_aux(before))[0])
        if not phrase:
            return ()
        return self._resolve_all(phrase, sentence.start + end - len(phrase))

    def _with_subject(self, sentence: Sentence, verb: int) -> tuple[Speaker, ...]:
        """The subject of an absolute participle: "..., with the ministry saying 9 died"."""
        text = sentence.text
        found = WITH_SUBJECT.search(text, max(0, verb - 80), verb)
        if found is None or _CLAUSE_IN.search(found.group(1)):
            # "with the army announcing two dead and local media saying ...": the second
            # participle's own subject, after the "and" that opens its clause
            with_at = text.rfind("with ", max(0, verb - 160), verb)
            found = _AND_SUBJECT.search(text, max(0, verb - 60), verb) if with_at >= 0 else None
            if found is None or found.start() < with_at:
                return ()
        return self._resolve_all(found.group(1).strip(), sentence.start + found.start(1))

    def _as_newsroom(self, speaker: Speaker) -> Speaker:
        """The publishing outlet named as a speaker ("Trend reports") is a newsroom."""
        name = speaker.name.lower()
        if not speaker.named and len(name) > 2 and self.outlet.lower().startswith(name):
            return Speaker(speaker.name, "media")
        return speaker

    def _listed(
        self,
        sentence: Sentence,
        pos: int,
        rest: str,
        first: int,
        words: int,
        found: tuple[Speaker, ...],
    ) -> tuple[Speaker, ...]:
        """The other claimants of a list after a first one of `words` words ("said a nurse at
        the clinic and an official of the council"): each item that resolves, once."""
        ends = [w.end() for w in re.finditer(r"\S+", rest[first:])]
        if len(ends) < words or words == 0:
            return ()
        at = first + ends[words - 1]
        more = _MORE.match(rest, at)
        if more is None:
            return ()
        items = [i.strip() for i in more.group(1).split(",") if i.strip()] + [more.group(2)]
        names = {f.name for f in found}
        out: list[Speaker] = []
        offset = len(sentence.text) - len(rest)
        for item in items:
            if not _ITEM_START.match(item) and not self._claimant_like(item):
                continue  # "said a resident and added that ...": no claimant
            for speaker in self._resolve_all(item, sentence.start + offset + rest.find(item, at)):
                if speaker.name not in names:
                    names.add(speaker.name)
                    out.append(speaker)
        return tuple(out)

    def _inverted(self, sentence: Sentence, start: int, end: int) -> tuple[Speaker, ...]:
        """`..., said the observatory` / `"...," said X`."""
        before = sentence.text[:start].rstrip()
        if not before or sentence.text[start:end] == "told":
            return ()
        if before[-1] not in ",\"”'’" and not misturned_close(sentence.text, start - 1):
            return ()
        if ASIDE_ADVERB.search(before):
            return ()  # "Mr Roe, however, said ...": the subject is before the adverb
        end = speaker_rules.inverted_subject(sentence.text, end)  # '..., posted on Monday the X'
        stripped = sentence.text[end:].lstrip()
        if not stripped or not stripped[0].isalpha():
            return ()
        clause = _CLAUSE_END.split(stripped, maxsplit=1)[0]
        if speaker_rules.reported_clause(clause):
            return ()  # "..., said nine troops died": a reported clause, not an inversion
        return self._object(sentence, end)

    def _object(self, sentence: Sentence, pos: int, cited: bool = False) -> tuple[Speaker, ...]:
        """The claimant phrase that starts at `pos` (after "according to" or inverted "said")."""
        rest = sentence.text[rules.figures_of(sentence.text, pos) :]  # "figures compiled by X"
        m = _OBJECT_WORDS.match(rest)
        if m is None:
            return ()
        cut: list[str] = []
        stops = {"on", "at", "who", "which", "that", "after", "citing", "told", "over"}
        for w in m.group(1).split():
            low = w.lower()
            if low in stops or (low == "in" and not (cited and cut and cut[-1][:1].islower())):
                break
            cut.append(w)
        phrase = " ".join(cut[:12]).rstrip(".")
        possessor = _POSSESSED_FIGURES.fullmatch(phrase)
        phrase = possessor.group(1) if possessor is not None else phrase
        tally = _NAMED_TALLY.fullmatch(phrase)
        phrase = tally.group(1).strip() if tally is not None else phrase
        tail = rest[m.end() :]
        name = _APPOSITION.match(tail)
        if name is not None and phrase and not is_proper(phrase):
            phrase = phrase + ", " + name.group(1).strip().rstrip(".")
        if not phrase:
            return ()
        found = self._resolve_all(phrase, sentence.start + pos)
        if name is None and found and not is_proper(phrase):
            found += self._listed(sentence, pos, rest, m.start(1), len(cut), found)
        # "said Jo Li, spokesman for the police": the kind of source the person speaks as
        # ("according to the X Club, a rights group": a name after its article too)
        proper = is_proper(phrase.removeprefix("the ").removeprefix("The "))
        desc = speaker_rules.descriptor(tail) if name is None and proper else None
        kind = speaker_rules.described_type(self.registry, desc) if desc else "unknown"
        return tuple(Speaker(f.name, kind) if f.source_type == "unknown" else f for f in found)

    def _subject(self, sentence: Sentence, verb: int, first: bool = False) -> tuple[Speaker, ...]:
        """The subject noun phrase before a speech verb (or the clause's first subject)."""
        # Subjects are short: a bounded window keeps long run-on text linear.
        offset = 0 if first else max(0, verb - WINDOW)
        raw = sentence.text[offset : min(verb, offset + WINDOW)]
        dateline = (
            (_BRACKET_DATELINE.match(raw) or _SLASH_DATELINE.match(raw)) if not offset else None
        )
        if dateline is not None:  # blanked, so offsets stay
            raw = " " * dateline.end() + raw[dateline.end() :]
        masked = _ASIDE.sub(lambda m: "," + " " * (len(m.group()) - 2) + ",", raw)
        masked = _ANONYMOUS.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 1), masked)
        adverb = ASIDE_ADVERB.search(masked.rstrip())
        if adverb is not None:  # "Mr Roe, however, said": blank the adverb out
            masked = masked[: adverb.start()] + " " * (len(masked) - adverb.start())
        masked = strip_aux(masked)
        phrase, start, end = leading_np(masked) if first else subject_phrase(masked)
        phrase = rules.unmasked(phrase)  # "Officer (RPO), Jo Li": no mask left in the name
        if not phrase or len(phrase.split()) > 14:
            return ()
        if phrase.split()[-1].lower() in speech_vocab().relays:
            return ()
        # Keep an aside that follows the subject: gold-standard wording of an unnamed source.
        written = phrase
        aside = _ASIDE.match(raw, end) if not first else None
        # Not after a name ("Jo Li, who"); after "Two Afghan officials, who" it stays.
        words = phrase.split()
        unnamed = len(words) < 2 or not words[-1][:1].isupper()
        if aside is not None and unnamed and _WHO.match(aside.group()):
            written = raw[start : aside.end() - 1].strip()
        head = speaker_rules.apposed(masked, start, phrase)  # "X, a French force, said": X if named
        named = self._resolve_all(head[0], sentence.start + offset + head[1]) if head else ()
        if named and all(s.named for s in named):
            return named
        if (
            named
            and head
            and len(head[0].split()) <= 4
            and _same_kind(named, self._resolve(phrase, 0))
        ):
            return named  # "the civil defence, a rescue service, said": the body described
        if _ROLE_FOR_BOTH.search(phrase):  # "Jo Li, a spokesman for A and B": one speaker
            one = self._resolve(phrase, sentence.start + offset + start, written)
            return (one,) if one is not None else named
        # "Jo Li, a farmer, said": the apposition names no source, the name does.
        return self._resolve_all(phrase, sentence.start + offset + start, written) or named


def _same_kind(named: tuple[Speaker, ...], apposed: Speaker | None) -> bool:
    """Whether a body and the indefinite apposition describing it are of one known type."""
    kinds = {s.source_type for s in named}
    return apposed is not None and kinds == {apposed.source_type} and "unknown" not in kinds
