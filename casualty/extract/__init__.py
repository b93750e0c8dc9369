"""Claim extraction: sentences, counts, outcomes, claimants, dates and places.

`extract_document` turns one article into claims; `extract_documents` streams many. Each
sentence is first checked for an outcome word (a cheap regex), so text without casualty
language costs one scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from casualty.extract.attribution import Attributor, Speaker
from casualty.extract.context import ArticleContext
from casualty.extract.lexicon import case_free, lexicon, lowered, trie_regex
from casualty.extract.mention_spans import Mention
from casualty.extract.mentions import find_mentions
from casualty.extract.omissions import Omission, find_omissions
from casualty.extract.sentences import Sentence, split_sentences
from casualty.extract.victims import generic_victim, perpetrator_of, victim_of
from casualty.model import Claim, Document, make_claim_id
from casualty.registry import Registry, builtin_registry

__all__ = ["extract_document", "extract_documents"]


def extract_documents(
    docs: Iterable[Document], registry: Registry | None = None
) -> Iterator[Claim]:
    """Claims of every document, document by document (streaming: one article in memory)."""
    reg = registry or builtin_registry()
    for doc in docs:
        yield from extract_document(doc, reg)


def extract_document(doc: Document, registry: Registry | None = None) -> list[Claim]:
    """Every casualty claim and omission of one article, sorted by span then outcome."""
    reg = registry or builtin_registry()
    text = doc.text
    sentences = split_sentences(text)
    attributor = Attributor(reg, text, doc.outlet)
    context = ArticleContext(doc, sentences)
    lex = lexicon()
    claims: list[Claim] = []
    for index, sentence in enumerate(sentences):
        low = lowered(sentence.text)
        has_outcome = lex.quick.found_in(sentence.text, low)
        has_omission = _OMISSION_CUE.found_in(sentence.text, low)
        mentions = find_mentions(sentence.text) if has_outcome else []
        # A cue word alone ("not", "still") is no omission: such a sentence is passed over
        # like any figure-less one (its speakers resolved only if a later sentence asks).
        omissions = find_omissions(sentence.text) if has_omission else []
        if not mentions and not omissions:
            attributor.skip(sentence)
            continue
        speakers = attributor.speakers(sentence, [m.start for m in mentions])
        for mention, found in zip(mentions, speakers, strict=True):
            for speaker in found:
                claims.append(_claim(doc, reg, context, index, sentence, mention, speaker))
        if omissions:
            claims.extend(_omissions(doc, reg, context, index, sentence, attributor, omissions))
    claims = _drop_restatements(claims)
    claims = [_with_id(c) for c in claims]
    return sorted(claims, key=lambda c: (c.span or (0, 0), c.outcome, c.claim_id))


def _with_id(claim: Claim) -> Claim:
    """`claim.with_id()` without copying the claim: the claims here were just built by this
    module and are referenced nowhere else, so the id is set in place (as a frozen dataclass's
    own __post_init__ would) instead of building each 28-field claim a second time."""
    if not claim.claim_id:
        object.__setattr__(claim, "claim_id", make_claim_id(claim))
    return claim


def _drop_restatements(claims: list[Claim]) -> list[Claim]:
    """One claim per estimate: a later sentence repeating the same source's same figure for
    the same outcome, kind and dates ("the additional 50 deaths") adds nothing. Figures of
    different victims ("5 soldiers ... 5 civilians") are kept apart."""
    seen: dict[tuple[object, ...], list[tuple[str | None, object]]] = {}
    out: list[Claim] = []
    for c in claims:
        if c.low is None and c.high is None:
            out.append(c)
            continue
        key = (c.kind, c.source, c.outcome, c.low, c.high, c.date, c.date_end)
        groups = seen.setdefault(key, [])
        category = c.victim_category if c.victim_category != "unspecified" else None
        # A vague figure twice in one sentence is two ("dozens of them wounded and dozens of
        # ours"); an exact one repeated ("killed 12 ... 12 killed") stays one.
        again = c.span if c.low != c.high else None
        if any((g is None or category is None or g == category) and s != again for g, s in groups):
            continue
        groups.append((category, c.span))
        out.append(c)
    return out


_OMISSION_WORDS = (
    "no",
    "not",
    "didn",
    "couldn",
    "yet",
    "still",
    "shied",
    "awaiting",
    "without",
    "silent",
    "declined",
    "refused",
    "neither",
)
_OMISSION_CUE = case_free(
    r"\b(?:" + "|".join(_OMISSION_WORDS) + r")\b", r"\b(?:" + trie_regex(_OMISSION_WORDS) + r")\b"
)


def _claim(
    doc: Document,
    reg: Registry,
    context: ArticleContext,
    index: int,
    sentence: Sentence,
    mention: Mention,
    speaker: Speaker,
) -> Claim:
    phrase = sentence.text[mention.victim_start : mention.victim_end]
    countries = context.countries
    victim, category = victim_of(phrase, reg, countries)
    if victim is None:
        victim = generic_victim(phrase, lambda: context.parties(reg))
    perpetrator = perpetrator_of(
        sentence.text, (mention.victim_start, mention.victim_end), reg, victim, countries
    )
    placed = context.placement(index, mention.start)
    return Claim(
        source=speaker.name,
        source_type=speaker.source_type,
        outcome=mention.outcome,
        kind=placed.pop("kind", "claim"),
        reported_by=doc.outlet,
        doc=doc.id,
        span=(sentence.start, sentence.end),
        published=doc.published,
        perpetrator=perpetrator,
        victim=victim,
        victim_category=category,
        low=mention.low,
        high=mention.high,
        qualifier=mention.qualifier,
        text=sentence.text,
        url=doc.url,
        **placed,
    )


def _omissions(
    doc: Document,
    reg: Registry,
    context: ArticleContext,
    index: int,
    sentence: Sentence,
    attributor: Attributor,
    omissions: list[Omission],
) -> list[Claim]:
    out: list[Claim] = []
    for om in omissions:
        for speaker in attributor.omitters(sentence, om.start):
            out.append(_omission(doc, reg, context, index, sentence, om, speaker))
    return out


def _omission(
    doc: Document,
    reg: Registry,
    context: ArticleContext,
    index: int,
    sentence: Sentence,
    om: Omission,
    speaker: Speaker,
) -> Claim:
    """One omission record: ``speaker`` gave no figure of ``om``."""
    phrase = sentence.text[om.end : om.end + 60]
    victim, category = victim_of(phrase, reg, context.countries)
    if victim is None:
        victim = generic_victim(phrase, lambda: context.parties(reg))
    placed = context.placement(index, om.start)
    placed.pop("kind", None)  # an omission stays one, even of a period total
    return Claim(
        source=speaker.name,
        source_type=speaker.source_type,
        outcome=om.outcome,
        kind="omission",
        reported_by=doc.outlet,
        doc=doc.id,
        span=(sentence.start, sentence.end),
        published=doc.published,
        victim=victim,
        victim_category=category,
        qualifier=om.qualifier,
        text=sentence.text,
        url=doc.url,
        **placed,
    )
