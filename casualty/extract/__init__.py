"""Claim extraction: sentences, counts, outcomes, claimants, dates and places.

`extract_document` turns one article into claims; `extract_documents` streams many. Each
sentence is first checked for an outcome word (a cheap regex), so text without casualty
language costs one scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from casualty import rx
from casualty.extract.attribution import Attributor, Speaker
from casualty.extract.context import ArticleContext
from casualty.extract.lexicon import case_free, lexicon, lowered, trie_regex
from casualty.extract.mention_spans import Mention
from casualty.extract.mentions import find_mentions
from casualty.extract.omissions import Omission, find_omissions
from casualty.extract.retractions import retracted
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
    kept: set[int] = set()  # indices in `claims` of no restatement of an equal one (`_twins`)
    for index, sentence in enumerate(sentences):
        low = lowered(sentence.text)
        has_outcome = lex.quick.found_in(sentence.text, low)
        has_omission = _OMISSION_CUE.found_in(sentence.text, low)
        mentions = find_mentions(sentence.text) if has_outcome else []
        mentions = [m for m in mentions if not retracted(sentence.text, m)]
        # A cue word alone ("not", "still") is no omission: such a sentence is passed over
        # like any figure-less one (its speakers resolved only if a later sentence asks).
        omissions = find_omissions(sentence.text) if has_omission else []
        if not mentions and not omissions:
            attributor.skip(sentence)
            continue
        speakers = attributor.speakers(sentence, [m.start for m in mentions])
        twins = _twins(sentence.text, mentions) if len(mentions) > 1 else set()
        built: list[tuple[int, Claim]] = []
        for k, (mention, found) in enumerate(zip(mentions, speakers, strict=True)):
            for speaker in found:
                built.append((k, _claim(doc, reg, context, index, sentence, mention, speaker)))
        if twins:
            built, twin_at = _kept_twins(built, twins, sentence.text, mentions)
            kept.update(len(claims) + i for i in twin_at)
        more = _others(sentence.text, mentions) if len(mentions) > 1 else set()
        kept.update(len(claims) + i for i, (k, _) in enumerate(built) if k in more)
        claims.extend(c for _, c in built)
        if omissions:
            claims.extend(_omissions(doc, reg, context, index, sentence, attributor, omissions))
    claims = _drop_restatements(claims, kept)
    claims = [_with_id(c) for c in claims]
    return sorted(claims, key=lambda c: (c.span or (0, 0), c.outcome, c.claim_id))


def _with_id(claim: Claim) -> Claim:
    """`claim.with_id()` without copying the claim: the claims here were just built by this
    module and are referenced nowhere else, so the id is set in place (as a frozen dataclass's
    own __post_init__ would) instead of building each 28-field claim a second time."""
    if not claim.claim_id:
        object.__setattr__(claim, "claim_id", make_claim_id(claim))
    return claim


#: The victims of a figure that counts people besides those of an equal figure before it in
#: the sentence ("killing two people ..., killing two others"): never its restatement.
_MORE = rx.compile(r"\s*(?:others?|more)\b", re.IGNORECASE)

#: Between two equal figures of one sentence that count different groups: "Two drivers and
#: two cooks were wounded", "3 guards, 3 porters".
_TWIN_GAP = rx.compile(r"\s*(?:,|and|,\s*and)\s*$")


def _twins(text: str, mentions: list[Mention]) -> set[int]:
    """Indices of mentions that repeat the figure and outcome of the mention just before
    them for another group joined to it ("Two drivers and two cooks were wounded"): a
    second claim, not a restatement."""
    out: set[int] = set()
    for k in range(1, len(mentions)):
        a, b = mentions[k - 1], mentions[k]
        if (a.outcome, a.low, a.high) != (b.outcome, b.low, b.high) or a.low != a.high:
            continue
        first = text[a.victim_start : a.victim_end].strip().lower()
        second = text[b.victim_start : b.victim_end].strip().lower()
        if first and second and first != second and _TWIN_GAP.search(text[: b.start]):
            out.add(k)
    return out


def _others(text: str, mentions: list[Mention]) -> set[int]:
    """Indices of mentions of "N others" ("more") after an equal figure of the same outcome
    in the sentence: "killing two people, and later ..., killing two others"."""
    seen = {(m.outcome, m.low, m.high) for m in mentions[:1]}
    out: set[int] = set()
    for k in range(1, len(mentions)):
        m = mentions[k]
        if (m.outcome, m.low, m.high) in seen and _MORE.match(text, m.victim_start):
            out.add(k)
        seen.add((m.outcome, m.low, m.high))
    return out


def _kept_twins(
    built: list[tuple[int, Claim]],
    twins: set[int],
    text: str,
    mentions: list[Mention],
) -> tuple[list[tuple[int, Claim]], set[int]]:
    """`built` (mention index, claim), and the positions in it of each twin pair's claims;
    when both groups resolve to the same victim (or none), each takes its group as the
    sentence words it ("drivers", "cooks"), so the two claims differ."""
    from dataclasses import replace

    victims: dict[int, set[str | None]] = {}
    for k, c in built:
        victims.setdefault(k, set()).add(c.victim)
    out: list[tuple[int, Claim]] = []
    kept: set[int] = set()
    for k, c in built:
        pair = k if k in twins else k + 1 if k + 1 in twins else -1
        if pair >= 0:
            if victims.get(pair - 1) == victims.get(pair):
                m = mentions[k]
                c = replace(c, victim=text[m.victim_start : m.victim_end].strip())
            kept.add(len(out))
        out.append((k, c))
    return out, kept


def _drop_restatements(claims: list[Claim], kept: set[int]) -> list[Claim]:
    """One claim per estimate: a later sentence repeating the same source's same figure for
    the same outcome, kind and dates ("the additional 50 deaths") adds nothing. Figures of
    different victims ("5 soldiers ... 5 civilians") are kept apart, as are the `kept`
    claims (indices in `claims`: a second group's equal figure in the same sentence)."""
    seen: dict[tuple[object, ...], list[tuple[str | None, object, object]]] = {}
    out: list[Claim] = []
    for i, c in enumerate(claims):
        if (c.low is None and c.high is None) or i in kept:
            out.append(c)
            continue
        key = (c.kind, c.source, c.outcome, c.low, c.high, c.date, c.date_end)
        groups = seen.setdefault(key, [])
        category = c.victim_category if c.victim_category != "unspecified" else None
        # A vague figure twice in one sentence is two ("dozens of them wounded and dozens of
        # ours"); an exact one repeated ("killed 12 ... 12 killed") stays one.
        again = c.span if c.low != c.high else None
        # The same figure in another province is another incident ("seven killed in Hama ...
        # Meanwhile, seven killed in Aleppo"), not a restatement.
        where = (c.country, c.admin1) if c.admin1 else None
        if any(
            (g is None or category is None or g == category)
            and s != again
            and (w is None or where is None or w == where)
            for g, s, w in groups
        ):
            continue
        groups.append((category, c.span, where))
        out.append(c)
    return out


_OMISSION_WORDS = (
    "no",
    "not",
    "didn",
    "didnt",  # "didnt give": no apostrophe, no word break after "didn"
    "couldn",
    "couldnt",
    "yet",
    "still",
    "shied",
    "awaiting",
    "without",
    "silent",
    "declined",
    "refused",
    "neither",
    "unknown",
    "unclear",
    "exact",  # "the exact number ... can only be ascertained once ..."
    "precise",
    "actual",
    "final",
    "can",  # "I can't say how many", "cannot say how many"
    "cannot",
    "cant",  # "I cant say how many": no apostrophe, no word break after "can"
    "difficult",  # "difficult / hard / impossible / too early to say the exact number"
    "hard",
    "impossible",
    "early",
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
        victim = generic_victim(phrase, lambda: context.parties(reg), reg)
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
        victim = generic_victim(phrase, lambda: context.parties(reg), reg)
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
