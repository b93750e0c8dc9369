"""Figure + outcome pairing inside one sentence: "killing 12", "12 were killed", "the toll
rose to 30", "leaving 12 dead", "killed 12 soldiers and wounded 30".

A figure is a claim only when an outcome phrase governs it in the same clause: right after
the figure and its victim noun phrase (passive, adjectival, nominal), or right before it
(active verb, "the lives of", a toll noun with its bridge word "to"/"at"/"of").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from casualty import rx
from casualty.extract.counts import Count, find_counts, is_non_casualty_number
from casualty.extract.lexicon import (
    AFTER,
    BEFORE,
    NOUN,
    OutcomeWord,
    lexicon,
    word_set,
)
from casualty.extract.lone_victims import another_one, joined_singles, lone_joined
from casualty.extract.mention_asides import comma_aside, dash_aside, no_acronyms, whom_aside
from casualty.extract.mention_breakdowns import breakdowns
from casualty.extract.mention_rules import (
    SUBCOUNT_REACH,
    TOTAL_TO,
    agent_of,
    bridged,
    coordinated,
    either_bound,
    group_of,
    is_subcount,
    not_people,
    rescued,
    second_object,
    unbracket_figures,
)
from casualty.extract.mention_spans import (
    EVENT_SUBJECT,
    NP_STOP,
    ON,
    QUALITATIVE,
    Mention,
    qualitative,
    shared_victims,
    victim_span,
)
from casualty.extract.mention_spans import tokens as word_tokens

#: Words allowed between the figure's noun phrase and a following outcome phrase.
_AUX: Final = word_set(
    """were was are is be been being have has had reportedly also who which later all confirmed
    believed said feared thought reported allegedly subsequently either of them those others
    other"""
)
#: Words that end a clause: a figure and an outcome on either side of one are not paired.
_CLAUSE_BREAK: Final = word_set(
    """said says say told added after when while because but although though since before until
    whereas as if than where whom whose according announced claimed stated"""
)
_BREAK_PUNCT: Final = frozenset(";:()[]—–")
#: Words that may sit between an active outcome verb and its figure ("killed an estimated 12").
_PRE_GAP: Final = frozenset('"”“') | word_set(
    "an a the estimated another further additional total of some least at only just all"
)
#: A figure's own verb of exceeding, read as "more than" ("topped 45"): a toll noun's bridge.
_PASSED: Final = word_set("exceeded exceeding surpassed surpassing topped topping")
_MAX_AFTER_GAP: Final = 10
_MAX_BEFORE_GAP: Final = 2
_MAX_NOUN_GAP: Final = 8
#: How many more words a subject joined to a group of untold size may have (the longest gap).
_UNTOLD_EXTRA: Final = 16


def _participle_np(gap: list[str]) -> bool:
    """Whether the victims' noun has a participle phrase before their auxiliary ("aid-seekers
    trying to reach the depot in the city were killed"): longer, but one clause."""
    return len(gap) >= 3 and gap[1].endswith("ing") and "," not in gap and gap[-1] in _AUX_VERBS


def _lead_word(count: Count) -> str:
    return count.qualifier.split(None, 1)[0].lower() if count.qualifier.strip() else ""


def _between(tokens: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    return [t[2] for t in tokens if t[0] >= start and t[1] <= end]


def _after_ok(gap: list[str], others_between: bool) -> bool:
    """Can the figure's noun phrase (`gap`) reach a following outcome phrase?"""
    if gap == ["and"] or gap[-1:] in (["a"], ["an"]):
        # "it may pass 40 and wounded are flown out": "wounded" heads a new clause; "two
        # others carried a dead body": the outcome word is another noun's
        return False
    if gap[:2] == ["of", "whom"]:
        gap = gap[2:]  # "the soldiers, three of whom were wounded": the figure's own clause
    if "since" in gap:  # "have since been killed": an adverb between the auxiliaries
        gap = [w for k, w in enumerate(gap) if w != "since" or gap[k - 1 : k] != ["have"]]
    gap = _said_clause(gap)  # "11 soldiers, which the ministry said were killed"
    dashed = whom_aside(dash_aside(gap))  # "200 people – most of them villagers – have been"
    aside_cut, gap = dashed is not gap, dashed
    gap = no_acronyms(gap)  # "a reserve police force (CRPF) trooper were killed"
    aside = any(w in gap for w in ("including", "among", "them", "whom"))
    longer = _UNTOLD_EXTRA if _untold(gap) else 6 if aside or _participle_np(gap) else 0
    if len(gap) > _MAX_AFTER_GAP + longer:
        return False
    if any(w in _CLAUSE_BREAK or w in _BREAK_PUNCT for w in gap):
        return False
    if "that" in gap:
        # "told one of our reporters that two men were killed": "that" opens a new clause.
        following = gap[gap.index("that") + 1 :][:1]
        if following and following[0] not in _AUX:
            return False
    if others_between:
        # Only an "including N children" / "3 of them women" aside may hold another figure.
        # So may a comma aside ("20 people, both fighters and bystanders, were killed").
        return (
            aside_cut  # the figure sat in a dash aside ("14 people – including 3 children – were")
            or "including" in gap
            or "among" in gap
            or "them" in gap
            or "whom" in gap
            or comma_aside(gap)
        )
    # A comma is fine inside an aside ("30 people, including 4 children, were killed", "two
    # boys, aged 4 and 9, were killed").
    # "three women, who have been reported missing": a relative clause with only auxiliaries
    comma = gap.index(",") if "," in gap else -1
    relative = gap[comma + 1 : comma + 2] == ["who"] and all(w in _AUX for w in gap[comma + 2 :])
    return "," not in gap or relative or any(w in gap for w in _ASIDE_WORDS) or comma_aside(gap)


_ASIDE_WORDS: Final = ("including", "among", "them", "whom", "aged", "ages", "having")
#: "an unknown number of": a second victim group without a figure, joined to the first.
_UNTOLD: Final = word_set("unknown undisclosed unspecified unconfirmed uncounted")


def _untold(gap: list[str]) -> bool:
    """Whether `gap` joins a victim group of untold size ("Two soldiers and an unknown number
    of rebels opposed to the truce were killed"): its words lengthen the subject, no clause."""
    if "number" not in gap:
        return False
    i = gap.index("number")
    if i < 2 or gap[i - 1] not in _UNTOLD or "and" not in gap[: i - 1]:
        return False
    # "Two soldiers were on patrol and an unknown number ...": a verb before the outcome's
    # own auxiliaries ("were", "have been") ends the subject
    end = len(gap)
    while end and gap[end - 1] in _AUX:
        end -= 1
    return not any(w in _AUX_VERBS for w in gap[:end])


_AUX_VERBS: Final = word_set("were was are is be been had have has")


#: Between an attributive "wounded" and a death verb: the victim noun and an adverb.
_DIED_GAP: Final = 5


def _died_after(
    tokens: list[tuple[int, int, str]], words: list[OutcomeWord], w: OutcomeWord, gap: list[str]
) -> OutcomeWord:
    """The death word after `w` when `w` is a "wounded" that only describes the victims
    ("three more wounded border guards succumbed to their wounds", "Two injured guards
    later died"): they died. Else `w` itself."""
    if w.outcome != "wounded" or any(g in _AUX_VERBS for g in gap):
        return w
    later = [x for x in words if x.start >= w.end]
    if not later or later[0].outcome != "killed" or not later[0].roles & AFTER:
        return w
    between = _between(tokens, w.end, later[0].start)
    if not 0 < len(between) <= _DIED_GAP or any(
        g in _AUX_VERBS or g in _CLAUSE_BREAK or g in _BREAK_PUNCT or g in {",", "and"}
        for g in between
    ):
        return w
    return later[0]


_SAID: Final = word_set("said says claimed claims")
_RELATIVE: Final = word_set("who whom which that")
#: Words of the victims' noun phrase and of the speaker's in a reporting relative clause.
_SAID_WORDS: Final = 4


def _said_clause(gap: list[str]) -> list[str]:
    """`gap` without a reporting clause between the victims and their outcome's auxiliary:
    "11 soldiers, which the ministry said were killed", "7 guards who it said had been
    killed" read as "11 soldiers were killed" (`attribution` takes the clause's speaker)."""
    if len(gap) < 3 or not _SAID.intersection(gap):
        return gap
    i = next(k for k, w in enumerate(gap) if w in _SAID)
    tail = gap[i + 1 :]
    if not tail or any(w not in _AUX_VERBS for w in tail):
        return gap
    start = i
    while start > 0 and i - start < _SAID_WORDS and gap[start - 1].isalpha():
        if gap[start - 1] in _RELATIVE:
            break
        start -= 1
    if start == i or start == 0 or gap[start - 1] not in _RELATIVE:
        return gap  # "7 soldiers it said were killed": no clause the speaker is sure of
    start -= 1
    if start > 0 and gap[start - 1] == ",":
        start -= 1
    victims = gap[:start]
    if len(victims) > _SAID_WORDS or not all(w.isalpha() for w in victims):
        return gap
    return victims + tail


def find_mentions(text: str) -> list[Mention]:
    """Every (figure, outcome) pair of one sentence, left to right."""
    if "(" in text:
        # "rose to (31) people": a figure in brackets is still the figure (same offsets).
        text = unbracket_figures(text)
    words = lexicon().find(text)
    if not words and not _self_outcome(text):
        return []  # no outcome phrase for a figure to pair with
    singular = lone_joined(text)  # "17 rebels and a soldier were killed"
    counts = [
        c
        for c in find_counts(text, singular)
        if not is_non_casualty_number(text, c) and not not_people(text, c)
    ]
    if singular:
        counts = joined_singles(text, counts)
    text, counts = breakdowns(text, counts)  # "Ten soldiers, nine men and one officer, died"
    # Tokens only serve figures and qualitative phrases: most sentences have neither.
    tokens = word_tokens(text) if counts or QUALITATIVE.search(text) else []
    out: list[Mention] = []
    for i, count in enumerate(counts):
        if out and count.start - out[-1].end <= SUBCOUNT_REACH and is_subcount(text, count):
            continue  # "9 civilians, 4 of them women, were killed": part of the toll before
        own = _own_outcome(count)
        if own is not None:
            out.append(_bare(text, tokens, count, own))
            continue
        best = _govern(text, tokens, words, counts, i, out[-1].outcome if out else None)
        first = None  # the first object, when this figure is a second one of its verb
        if best is None and out and out[-1].outcome_end <= out[-1].start:
            # "killed two guards and up to 30 attackers": a second object of one verb.
            last = out[-1]
            if last.start < count.start < last.victim_end and singular:
                # "killed 3 herders and a child": the one was read into the first phrase.
                v_end = last.end + len(text[last.end : count.start].rstrip().removesuffix("and"))
                out[-1] = last = replace(last, victim_end=len(text[:v_end].rstrip(" ,")))
            if second_object(text, last.victim_end, count.start, count.end):
                verb = OutcomeWord(last.outcome_start, last.outcome_end, last.outcome, BEFORE)
                best, first = (verb, False), last
        best, count = rescued(text, words, out, count, best)  # "and eight in Dalo", "N others"
        if best is None:
            continue
        word, after = best
        v_start, v_end = victim_span(text, tokens, count, word, after)
        first = first or shared_victims(text, out, word.start, after)  # "killed 4 people and
        if v_start == v_end and first is not None:  # wounded six"; "60 people ... and 50 on"
            v_start, v_end = first.victim_start, first.victim_end
        elif v_start == v_end and not after and not EVENT_SUBJECT.search(text, 0, word.start):
            # "the total number of civilians it has killed to 735": the noun sits before (not
            # "An attack by X on a camp killed at least 14": that subject is the attack).
            v_start, v_end = max(0, word.start - 60), word.start
        out.append(
            Mention(
                word.outcome,
                either_bound(text, word.start, word.end, word.outcome, count.low),
                count.high,
                count.qualifier,
                count.start,
                count.end,
                v_start,
                v_end,
                word.start,
                word.end,
            )
        )
    if len(out) < len(counts):
        out.extend(coordinated(text, counts, out))
    out.extend(qualitative(text, tokens, out))
    out.extend(another_one(text, words, out))  # "... and wounding another"
    return sorted(out, key=lambda m: (m.start, m.outcome))


#: What a figure-less or qualitative claim contains ("heavy losses", "dozens of casualties").
_SELF_OUTCOME: Final = ("casualt", "wounded", "loss", "dead", "death", "fatalit")


def _self_outcome(text: str) -> bool:
    """Whether `text` may hold a claim that names its own outcome (see `_own_outcome` and
    `mention_spans.qualitative`); when not, a sentence without outcome phrases holds no claim."""
    return _SELF_OUTCOME_IN.search(text.lower()) is not None


#: Any of `_SELF_OUTCOME` (or "ſ") anywhere: one scan in C instead of a substring test each.
_SELF_OUTCOME_IN: Final = rx.compile("|".join(re.escape(k) for k in ("ſ", *_SELF_OUTCOME)))


def _own_outcome(count: Count) -> str | None:
    """The outcome a figure-less expression names by itself ("heavy losses", "casualties")."""
    if count.modifier != "qualitative":
        return None
    low = count.qualifier.lower()
    if len(low.split()) < 2:
        return None  # a bare "casualties" is a topic, not a claim; "heavy casualties" is one
    if "casualt" in low or "wounded" in low:
        return "killed_or_wounded"
    if "loss" in low or "dead" in low or "death" in low or "fatalit" in low:
        return "killed"
    return None


def _bare(text: str, tokens: list[tuple[int, int, str]], count: Count, outcome: str) -> Mention:
    """A qualitative claim with its victim phrase ("heavy losses on the enemy")."""
    v_start = v_end = count.end
    on = ON.match(text, count.end)
    if on is not None:
        v_start = v_end = on.end()
        for taken, (_, t_end, low) in enumerate(t for t in tokens if t[0] >= on.end()):
            if taken >= 6 or low in NP_STOP or not low[0].isalnum():
                break
            v_end = t_end
    return Mention(
        outcome,
        None,
        None,
        count.qualifier,
        count.start,
        count.end,
        v_start,
        v_end,
        count.start,
        count.end,
    )


def _govern(
    text: str,
    tokens: list[tuple[int, int, str]],
    words: list[OutcomeWord],
    counts: list[Count],
    i: int,
    previous: str | None = None,
) -> tuple[OutcomeWord, bool] | None:
    """The outcome phrase governing figure `i`, and whether it follows the figure."""
    count = counts[i]
    nxt = counts[i + 1].start if i + 1 < len(counts) else len(text)
    prev_end = counts[i - 1].end if i > 0 else 0
    candidates: list[tuple[int, int, OutcomeWord, bool]] = []
    for w in words:
        if w.start >= count.end and w.roles & AFTER:
            gap = _between(tokens, count.end, w.start)
            if len(gap) > _MAX_AFTER_GAP + _UNTOLD_EXTRA:
                break  # too far for `_after_ok`, and every later phrase is further still
            others = w.start > nxt
            if gap[:2] == ["of", "the"] and len(gap) == 2:
                continue  # "one of the wounded": a subset, not a figure of wounded
            if _after_ok(gap, others):
                if w.roles & BEFORE and agent_of(text, gap, w.end):
                    break  # "Two gunmen killed a guard": the figure did the killing
                w = _died_after(tokens, words, w, gap)  # "two wounded guards later died"
                candidates.append((len(gap), 0, w, True))
                # Only the first following phrase is used, and the later ones all follow.
                break
        elif w.end <= count.start and w.end >= prev_end:
            gap = _between(tokens, w.end, count.start)
            if w.roles & BEFORE and (
                (len(gap) <= _MAX_BEFORE_GAP and all(g in _PRE_GAP for g in gap)) or group_of(gap)
            ):
                candidates.append((len(gap), 1, w, False))
            elif (
                w.roles & NOUN
                and len(gap) <= _MAX_NOUN_GAP
                # "the toll has topped 45", or "the toll topped 45": the verb is the figure's
                and (bridged(gap) if gap else _lead_word(count) in _PASSED)
                and not any(g in _BREAK_PUNCT or g in {"said", "says"} for g in gap)
            ):
                candidates.append((len(gap), 2, w, False))
    total = TOTAL_TO.search(text, prev_end, count.start)
    if total is not None:
        inner = [w for w in words if total.start() < w.end and w.end <= total.end()]
        if inner:
            candidates.append((3, 2, inner[0], False))
        elif previous is not None:
            # "X said 25 died, but Y put the number at eight": the same outcome again.
            candidates.append(
                (3, 2, OutcomeWord(total.start(), total.start(), previous, NOUN), False)
            )
    if not candidates:
        return None
    # The first following outcome phrase only: a later one belongs to a later figure.
    following = [c for c in candidates if c[3]]
    preceding = [c for c in candidates if not c[3]]
    pool = following[:1] + preceding[-1:]
    best = min(pool, key=lambda c: (c[0], c[1]))
    return best[2], best[3]
