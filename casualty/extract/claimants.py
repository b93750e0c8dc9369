"""Whom a claimant phrase names: a registry source or actor, a pronoun's or descriptor's
antecedent in the article, or the phrase as written with the source_type its head implies.

`Claimants` resolves a phrase; the article's speaker history it refers back to (pronouns,
"the ministry") is its base, `casualty.extract.speaker_history.SpeakerHistory`.
`casualty.extract.attribution` finds the phrases (subjects of speech verbs, objects of
"according to") and asks it to resolve them.
"""

from __future__ import annotations

import re
from typing import Final

from casualty import rx
from casualty.extract.claimant_words import (
    MEDIA_HEAD,
    PERSON_NOUNS,
    WORD_RE,
    Speaker,
    government_seat,
    head_type,
    head_word,
    is_newsroom,
    is_proper,
    registry_lookup,
    statement_body,
)
from casualty.extract.cue_context import (
    ADJECTIVAL,
    DEFINITE,
    IMAGES,
    NAMED_APPOSITION,
    NOT_A_SUBJECT,
)
from casualty.extract.cue_rules import is_witness, name_cut, no_speaker
from casualty.extract.lexicon import word_set
from casualty.extract.speaker_history import STATE_WORDS, SpeakerHistory

#: After a registry name: a possessive before more words ("X's health ministry").
_POSSESSOR: Final = rx.compile(r"(?:\s+government)?['’]s\s+\w")
_PRONOUN: Final = rx.compile(r"^(?:it|they|he|she|we|him|her|them)$", re.IGNORECASE)
_ARTICLE: Final = rx.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: A person referred back to as a pronoun would be: "the person", "the man", "the woman".
_ONE_PERSON: Final = rx.compile(r"(?:the|this|that)\s+(?:person|man|woman)", re.IGNORECASE)
_ONE_WITNESS: Final = rx.compile(
    r"(?:an?|one|another)\s+(?:local\s+)?(?:resident|(?:eye)?witness|villager|survivor|relative)",
    re.IGNORECASE,
)
#: "both" opening "both X and Y": not part of X's name.
_BOTH: Final = rx.compile(r"\s*both\s+", re.IGNORECASE)
#: "X and Y" where Y may be a second claimant ("the mayor and security officials").
_COORDINATED: Final = rx.compile(
    r"\s+and\s+(?=(?:the|a|an|another|two|three|several|some)?\s*[\w-]+)"
)
#: Two modifiers sharing one plural head: "security and medical sources", "Iraqi military and
#: police officials", "local and security sources". One claimant, as the corpus labels it;
#: two noun phrases ("the mayor and security officials", "police and witnesses") stay two.
_SHARED_HEAD: Final = rx.compile(
    r"(?:(?!The\b|An?\b)[A-Z][a-z]+\s+|other\s+|local\s+)?"
    r"(?:(?!the\b|and\b)[A-Za-z][a-z]*[a-rt-z]|[Pp]olice)\s+and\s+"
    r"[a-z]+\s+(?:sources|officials|officers|authorities|personnel)"
)
#: A member of a body referred back to: "the group's director", "the monitor's head".
_ITS_MEMBER: Final = rx.compile(
    r"(?:the|that)\s+(?:group|monitor|observatory|organi[sz]ation|agency|network)['’]s\s+\w"
)
_SURNAME: Final = rx.compile(r"[A-Z][\w'’\-]+")
_STATE_MEDIA: Final = rx.compile(r"\bstate(?:-run)?\b|\bofficial\b", re.IGNORECASE)
#: Generic heads kept as written: which army "the army" is, the article rarely names.
_HEAD_KEPT: Final = rx.compile(r"army|military|government|forces|troops|police|regime")
#: A named owner before the head: "the Prime Minister's office", "the Governor's office" is
#: that body, no back-reference to the last official heard.
_NAMED_OWNER: Final = rx.compile(r"\b[A-Z][\w-]*['’]s\s+[a-z]+$")
_STATEMENT: Final = word_set("statement report communique communiqué post tweet release")


class Claimants(SpeakerHistory):
    """Resolves claimant phrases against one article's registry mentions and history."""

    def _resolve_all(
        self, phrase: str, offset: int, written: str | None = None
    ) -> tuple[Speaker, ...]:
        """One speaker per coordinated claimant ("the mayor and security officials")."""
        both = _BOTH.match(phrase)
        if both is not None and _COORDINATED.search(phrase, both.end()):
            phrase, offset = phrase[both.end() :], offset + both.end()  # "both X and Y": X, Y
        if _SHARED_HEAD.fullmatch(phrase.strip()):
            one = self._resolve(phrase, offset, written)
            return (one,) if one is not None else ()
        parts = _COORDINATED.split(phrase)
        left = parts[0].strip()
        left_np = bool(_ARTICLE.match(left)) or len(left.split()) >= 2 or left[:1].isupper()
        # "officials and the insurgents said" (not "security and medical sources"): split
        # only when both resolve, else the phrase stays one claimant as written.
        # "residents and X", "police and witnesses"
        bare_plural = left.endswith(("s", "police")) and self._claimant_like(left)
        if len(parts) == 2 and (left_np or bare_plural) and all(map(self._claimant_like, parts)):
            out = [self._resolve(p.strip(), offset) for p in parts]
            if left_np or len({s.name for s in out if s is not None}) == 2:
                return tuple(s for s in out if s is not None)
        if (
            len(parts) == 2
            and not left_np  # a bare common noun: "claimed responsibility and spokesman X"
            and not self._claimant_like(left)
            and self._claimant_like(parts[1])
        ):
            # "X claimed responsibility and spokesman Y claimed": the object is no speaker.
            right = parts[1].strip()
            one = self._resolve(right, offset + phrase.find(right))
            return (one,) if one is not None else ()
        one = self._resolve(phrase, offset, written)
        return (one,) if one is not None else ()

    def _claimant_like(self, part: str) -> bool:
        sources, actors, descriptors = registry_lookup(self.registry, part)
        return bool(
            sources
            or descriptors
            or head_type(part) != "unknown"
            or [a for a in actors if not a[2].generic]
        )

    def _resolve(self, phrase: str, offset: int, written: str | None = None) -> Speaker | None:
        if NOT_A_SUBJECT.match(phrase) or no_speaker(phrase):
            return None  # "by circulating in foreign media, reports aimed at ...": no speaker
        if _ITS_MEMBER.match(phrase):
            # "the group's director X", "the monitor's head": speaks for the body last named
            for speaker in reversed(self.history):
                if speaker.named and speaker.source_type != "media":
                    return speaker
        shown = IMAGES.match(phrase)
        if shown is not None:
            # "images on the Facebook page of X Hospital claim to show": X speaks.
            owner = shown.group(1)
            return self._resolve(owner, offset + shown.start(1)) if owner else None
        if MEDIA_HEAD.search(phrase) and not _STATE_MEDIA.search(phrase):
            return Speaker(written or phrase, "media")  # "the group's al-Masirah TV"
        found, found_actors, descriptors = registry_lookup(self.registry, phrase)
        if descriptors:
            # "the health ministry of the Hamas-controlled territory": a name used as an
            # adjective qualifies the speaker, it is not the speaker.
            found = tuple(f for f in found if not ADJECTIVAL.match(phrase, f[1]))
        # "the Hamas government's health ministry": a possessor qualifies the speaker
        found = tuple(f for f in found if not _POSSESSOR.match(phrase, f[1]))
        sources = [f for f in found if f[2].source_type != "media"]
        if found and not sources and len(phrase.split()) <= len(found[0][2].name.split()) + 3:
            return Speaker(found[0][2].name, "media", True)  # a newsroom: a relay, see _relay
        if sources:
            src = sources[0][2]
            canonical = set(WORD_RE.findall(src.name.lower()))
            people = [w for w in WORD_RE.findall(phrase.lower()) if w in PERSON_NOUNS]
            if src.name[:1].islower() or any(w not in canonical for w in people):
                # A generic entry ("security sources"): the wording of the text says more.
                return Speaker(written or phrase, src.source_type)
            return Speaker(src.name, src.source_type, True)
        bare = _ARTICLE.sub("", phrase).strip()
        if bare in ("I", "me"):
            return None  # a quotation's "I can't say how many": its speaker is named outside
        if _PRONOUN.match(bare):
            return self._pronoun(bare.lower(), offset)
        if _ONE_PERSON.fullmatch(phrase.strip()):
            # "..., the person said": the one just heard, a lone witness too ("a villager")
            last = self.history[-1] if self.history else None
            if last is not None and _ONE_WITNESS.fullmatch(last.name):
                return last
            return self._pronoun("he", offset)
        if _SURNAME.fullmatch(bare):
            for speaker in reversed(self.history):
                if not speaker.named and bare in WORD_RE.findall(speaker.name):
                    # A surname ("Roe said" after "Colonel Jane Roe"): same person and type.
                    return Speaker(written or phrase, speaker.source_type)
        words = WORD_RE.findall(bare.lower())
        if words and words[0] in _STATEMENT:
            if DEFINITE.match(phrase):  # "the statement said": its author, told before;
                # with no statement told of before, the last source heard ("Officials said
                # ...", then "X, the statement added"); one told of without a speaker stays so
                if self.stated is not None or 0 <= self._first_statement < offset:
                    return self.stated
                return next((s for s in reversed(self.history) if not is_newsroom(s)), None)
            # "a statement seen by Reuters": the statement's author speaks, named elsewhere.
            return None
        if words and words[-1] in _STATEMENT:
            author = phrase.rsplit(None, 1)[0] if len(words) > 1 else ""
            last = next(reversed(self.history), None)
            if author.lower().startswith("the ") and head_type(author) not in ("unknown", "media"):
                return self._resolve(author, offset) or last  # "the army statement"
            kind = statement_body(author, words, last)  # "a defence statement said"
            return Speaker(written or phrase, kind) if kind else last
        kind = descriptors[0][2].source_type if descriptors else head_type(phrase)
        if head_type(phrase) == "media" and kind in ("media", "unknown"):
            return Speaker(written or phrase, "media")
        definite = phrase.lower().startswith(("the ", "its ", "their "))
        # a party that speaks, not a victim noun of no country ("the person said": no "people")
        actors = [
            a
            for a in found_actors
            if not a[2].generic
            and a[2].category != "civilians"
            and (a[2].category == "combatants" or a[2].country is not None)
        ]
        if actors:
            s, e, actor = actors[0]
            rest = (phrase[:s] + phrase[e:]).strip(" '’s")
            rest = _ARTICLE.sub("", rest)
            if len(rest) <= 3 or (kind in ("unknown", "belligerent") and not WORD_RE.search(rest)):
                party = actor.side or actor.name
                if STATE_WORDS.search(party) and not STATE_WORDS.search(phrase):
                    return Speaker(
                        written or phrase, "official"
                    )  # "Azerbaijan said": its government
                if definite and STATE_WORDS.search(phrase):
                    return Speaker(written or phrase, "belligerent")  # "the military said"
                return Speaker(party, "belligerent", True)
            tail = phrase[e:].strip()
            if kind == "unknown" and is_proper(tail) and tail.split()[-1][:1].isupper():
                # "the Palestinian Prisoners Club": a body named in its own right, which a
                # nationality only qualifies; no antecedent of the actor's side.
                return Speaker(written or phrase, kind)
            if kind == "unknown":
                kind = "belligerent"
        if NAMED_APPOSITION.search(phrase):
            return Speaker(written or phrase, kind)  # "the spokesman, Jane Roe": named here
        short = len(phrase.split()) <= 4
        if definite and _HEAD_KEPT.fullmatch(head_word(phrase)):
            return Speaker(written or phrase, kind)  # "the army": its own wording is clearest
        if definite and _NAMED_OWNER.search(phrase):
            return Speaker(written or phrase, kind)
        if short and (definite or (descriptors and kind == "monitor")):
            found_sp = self._antecedent(kind, offset, not definite, name_cut(phrase, descriptors))
            if found_sp is not None:
                return found_sp
        if kind == "unknown" and definite and short and (heard := self._by_head(bare)):
            return heard  # "the cell" after the Security Media Cell spoke
        if kind == "unknown" and government_seat(bare):
            return Speaker(written or phrase, "official")  # "Moscow said": its government
        if kind == "unknown" and not is_proper(bare) and not is_witness(phrase):
            return None  # not a claimant ("a breakdown of the toll adds up to")
        return Speaker(written or phrase, kind)
