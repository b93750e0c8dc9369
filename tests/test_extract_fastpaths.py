"""The extractor's fast paths find exactly what the plain forms they replace find.

Word lists are matched as tries on lower-cased text (`lexicon.CaseFree`) instead of
IGNORECASE alternations, the registry's exact-case filter opens each branch with its first
character, and figure-less sentences have their speakers resolved only when needed. Each
test compares the fast form with the straightforward one on invented or random text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty.extract import _OMISSION_CUE, _OMISSION_WORDS
from casualty.extract.attribution import Attributor
from casualty.extract.claimant_words import speech_vocab
from casualty.extract.context import _VIOLENCE
from casualty.extract.lexicon import CaseFree, lead_chars, lexicon, lowered, trie_regex
from casualty.extract.mention_spans import QUALITATIVE
from casualty.extract.period_cues import PERIOD_CUE
from casualty.extract.sentences import (
    _BOUNDARY,
    _WORD_BEFORE,
    ABBREVIATIONS,
    _lower_start_ok,
    _next_starts_sentence,
    _wrapped,
    split_sentences,
)
from casualty.extract.subjects import _STOP_SUBJECT
from casualty.registry import builtin_registry

# Letters of the vocabularies, their capitals, the characters where str.lower and
# IGNORECASE disagree ("İ", "ı", "ſ", the Kelvin sign), spaces, digits and punctuation.
_ALPHABET = st.sampled_from(
    [*"aeiklnorstdwyhgmpu AEIKLNORSTDWY\n-',.;\"0123", "İ", "ı", "ſ", "\u212a", "’", "—"]
)
_PIECES = st.sampled_from(
    [
        "killed",
        "KILLED",
        "were killed",
        "lost their  lives",
        "said",
        "according to",
        "according\nto",
        "not",
        "didn't",
        "still",
        "heavy losses",
        "Heavy  Human Losses",
        "which",
        "whose",
        "by",
        "toll",
        "kılled",
        "ſaid",
        "İs",
        "since 2014",
        "SINCE THE WAR",
        "ſince the war",
        "in the past three weeks",
        "heavy casualties",
        "SEVERE HUMAN LOSSES",
        "major material and human losses",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(_ALPHABET, max_size=6)), max_size=12).map(" ".join)


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def _patterns() -> list[CaseFree]:
    lex = lexicon()
    return [
        lex.scanner,
        lex.quick,
        _OMISSION_CUE,
        speech_vocab().cue,
        _STOP_SUBJECT,
        QUALITATIVE,
        PERIOD_CUE,
        _VIOLENCE,
    ]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_case_free_patterns_find_what_ignorecase_finds(text: str) -> None:
    for pattern in _patterns():
        assert _spans(pattern.finditer(text)) == _spans(pattern.ci.finditer(text))
        fast, plain = pattern.search(text), pattern.ci.search(text)
        assert (fast and fast.span()) == (plain and plain.span())
        assert pattern.found_in(text, lowered(text)) == (plain is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 12.", "gunmen killed 12."),
        ("ISTANBUL", "istanbul"),
        ("İstanbul", None),  # lower-cases to two characters: offsets would move
        ("kılled", None),  # IGNORECASE equates "ı" with "i", str.lower does not
        ("ſaid", None),
    ],
)
def test_lowered_only_when_offsets_and_matches_are_kept(text: str, expected: str | None) -> None:
    assert lowered(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abkl i", min_size=1, max_size=5), min_size=1, max_size=8), _TEXT)
def test_trie_is_the_longest_first_alternation(words: list[str], text: str) -> None:
    words = [w.strip() for w in words if w.strip()]
    if not words:
        return
    longest_first = sorted(set(words), key=lambda w: (-len(w), w))
    plain = r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first) + ")"
    trie = r"\b(?:" + trie_regex(words) + ")"
    low = text.lower()
    assert _spans(re.finditer(trie, low)) == _spans(re.finditer(plain, low))


def test_omission_cue_words_as_written() -> None:
    assert _OMISSION_CUE.search("It did NOT say") is not None
    assert _OMISSION_CUE.search("Nothing stills the notion") is None
    assert set(_OMISSION_WORDS) >= {"no", "not", "still"}


def test_exact_case_filter_keeps_acronym_boundaries() -> None:
    reg = builtin_registry()
    text = "SANA said; the BBC and xSANA and SANAx did not. (SANA) again"
    starts = [s for s, _, _ in reg.find_sources(text)]
    assert starts == [m.start() for m in re.finditer(r"(?<!\w)(?:SANA|BBC)(?!\w)", text)]


def _speakers(text: str, lazy: bool) -> list[list[tuple[str, str]]]:
    """Speakers of the figures of each sentence, the figure-less ones passed over (`lazy`)
    or resolved as they come."""
    attributor = Attributor(builtin_registry(), text, "Daily Example")
    out = []
    for sentence in split_sentences(text):
        has_figure = any(ch.isdigit() for ch in sentence.text)
        if lazy and not has_figure:
            attributor.skip(sentence)
            continue
        positions = [i for i, ch in enumerate(sentence.text) if ch.isdigit()][:1]
        found = attributor.speakers(sentence, positions)
        if has_figure:
            out.append([(s.name, s.source_type) for group in found for s in group])
    return out


@pytest.mark.parametrize(
    "text",
    [
        "The health ministry said the strike hit a market. It said 12 people died.",
        'Colonel Jane Roe spoke to reporters. "We lost 4 men," Roe said. Nothing else.',
        'A monitoring group described the attack. "Dozens were hurt". 7 died, it added.',
        "Officials declined to comment. Later, police said 3 were killed and the army said 5.",
        # A cue word without an omission ("not", "still", "no") is passed over the same way.
        'The ministry said it was still searching. "We have not finished," it said. 9 died.',
        "No one has claimed the attack, a police chief said. He said 4 were killed.",
    ],
)
def test_passing_over_figureless_sentences_keeps_speakers(text: str) -> None:
    assert _speakers(text, lazy=True) == _speakers(text, lazy=False)


_SENTENCES = [
    "The health ministry said the strike hit a market.",
    "It said 12 people died.",
    "Colonel Jane Roe spoke to reporters.",
    '"We lost 4 men," Roe said.',
    '"The shelling went on all night.',
    'Nobody could leave," she said.',
    "That raises the toll to 30.",
    "A monitoring group, which tracks the war, described the attack.",
    "The group said 7 fighters were killed.",
    "Officials declined to comment.",
    "Police said 3 were killed and the army said 5.",
    "Residents described long queues for bread.",
    "They put the toll at 40, according to state media.",
    "The Syrian Observatory for Human Rights reported heavy clashes.",
    "UNICEF said 8 children died.",
    "It said 2 more died later.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=9))
def test_deferred_speakers_match_eager_ones_in_any_article(sentences: list[str]) -> None:
    text = " ".join(sentences)
    assert _speakers(text, lazy=True) == _speakers(text, lazy=False)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=30))
def test_ascii_word_pattern_finds_the_unicode_patterns_words(text: str) -> None:
    from casualty.geo.words import ASCII_TOKEN, TOKEN

    assert _spans(ASCII_TOKEN.finditer(text)) == _spans(TOKEN.finditer(text))


def _plain_words(text: str) -> tuple[list[int], list[int], list[str], list[bool]]:
    """The place scan's words by the per-word loop `Words` replaced."""
    from casualty.geo.words import ASCII_TOKEN, TOKEN

    starts, ends, texts, caps = [], [], [], []
    for m in (ASCII_TOKEN if text.isascii() else TOKEN).finditer(text):
        word, end = m.group(), m.end()
        if word[-1] in "sS" and len(word) > 2 and word[-2] in "'’":
            word, end = word[:-2], end - 2
        starts.append(m.start())
        ends.append(end)
        texts.append(word)
        caps.append(word[0].isupper() or not word[0].islower())
    return starts, ends, texts, caps


_WORD_ALPHABET = st.sampled_from([*"asSdA1 _-'`’‘ʼ.", "İ", "ب", "\u064e", "ǅ"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Syria's", "Ma'rib's", "a's", " 's", "X's's", "Ba’ath’s", "IS'S"]),
            st.text(_WORD_ALPHABET, max_size=8),
        ),
        max_size=10,
    ).map("".join)
)
def test_place_scan_words_match_the_per_word_loop(text: str) -> None:
    from casualty.geo.words import Words

    w = Words(text)
    assert (w.starts, w.ends, w.texts, w.caps) == _plain_words(text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_mention_tokens_match_the_per_match_loop(text: str) -> None:
    from casualty.extract.mention_spans import WORD, tokens

    low = text.lower()
    subject = low if len(low) == len(text) else text
    plain = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(subject)]
    assert tokens(text) == plain


def test_sentence_dates_memo_gives_the_uncached_answer() -> None:
    from casualty.extract.when import sentence_dates

    text = "Gunmen killed 4 people on Friday, the army said on Saturday."
    first = sentence_dates.__wrapped__(text, "2024-05-12", "2024-05-12")
    assert sentence_dates(text, "2024-05-12", "2024-05-12") == first
    assert sentence_dates(text, "2024-05-12", "2024-05-12") == first
    assert first[0] is not None and first[0].date == "2024-05-10"


def _plain_scan(gaz: object, text: str, w: object) -> list[tuple[int, int, str]]:
    """The place scan's matches by the word-by-word loop `_scan` replaced."""
    from casualty.geo import mentions as m

    g: Any = gaz
    ww: Any = w
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(ww.texts)
    while i < n:
        if not ww.caps[i] or (ww.texts[i] in m._ARTICLE_WORDS and not m._opens_name(text, ww, i)):
            i += 1
            continue
        acc: list[str] = []
        best = None
        for j in range(i, min(n, i + m.MAX_WORDS)):
            if j > i:
                if text[ww.ends[j - 1] : ww.starts[j]] not in m.GAPS:
                    break
                if not ww.caps[j] and ww.texts[j] not in m._INNER:
                    break
            part = m._token_key(ww.texts[j], not acc)
            if part:
                acc.append(part)
            if not acc:
                continue
            joined = " ".join(acc)
            if joined in g._keys:
                if ww.caps[j] or (j > i and ww.texts[j] in m.GEO_NOUNS):
                    best = (i, j, joined)
            elif joined not in g._prefixes:
                break
        if best is None or best[2] in g._stop_keys:
            i += 1
        else:
            out.append(best)
            i = best[1] + 1
    return out


_PLACE_PIECES = [
    *("Aleppo", "Deir", "ez-Zor", "Deir ez-Zor", "al-Bab", "Al", "The", "in", "the", "New"),
    *("York", "Homs province", "Gaza Strip", "Mosul's", "Said", "Kharkiv", ",", "killed"),
    *("Badia desert", "Jisr al-Shughur", "Monday", "US", "-", "Rafah"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_PIECES), max_size=14).map(" ".join))
def test_place_scan_matches_the_word_by_word_loop(text: str) -> None:
    from casualty.geo import gazetteer
    from casualty.geo.mentions import _scan
    from casualty.geo.words import Words

    gaz = gazetteer()
    w = Words(text)
    assert _scan(gaz, text, w) == _plain_scan(gaz, text, w)


_SITE_PIECES = st.sampled_from(
    ["DISTRICT", "Neighbourhood", "known as", "known  as", "PORT", "harbour", "the", "İ", "ı"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_SITE_PIECES, st.text(_ALPHABET, max_size=6)), max_size=10).map("".join))
def test_site_hint_alternation_matches_the_substring_tests(text: str) -> None:
    from casualty.extract.district_names import _SITE_HINTS, site_hint

    low = text.lower()
    assert site_hint(text) == any(word in low for word in _SITE_HINTS)


def _plain_role_excluded(text: str, start: int, end: int, kind: str) -> bool:
    from casualty.extract import where as w

    before = text[max(0, start - w._REACH) : start]
    if any(p.search(before) for p in (w._SPEECH_BEFORE, w._INSTITUTION_BEFORE, w._BLAMED_BEFORE)):
        return True
    if any(p.match(text, end) for p in (w._COMPOUND_AFTER, w._INSTITUTION_AFTER)):
        return True
    if w._CARE_BEFORE.search(before):
        return True
    if w._POSSESSIVE_AFTER.match(text, end):
        return True
    if kind == "city" and w._ACTOR_AFTER.match(text, end):
        return True
    if kind != "country":
        return False
    if w._STATE_FORCE_AFTER.match(text, end):
        return True
    if w._BORDER_AFTER.match(text, end) or w._BORDER_BEFORE.search(before):
        return True
    if w._BASED_BEFORE.search(before):
        return True
    return bool(w._ATTRIBUTIVE_AFTER.match(text, end)) and not w._LOCATIVE_BEFORE.search(before)


_ROLE_PIECES = st.sampled_from(
    [
        *("said in", "told reporters on Friday in", "a statement from", "who was visiting"),
        *("trip to", "Union of the", "accused", "BLAMES the", "urging", "border with the"),
        *("neighbouring", "IN THE", "near", "the", "The", "in\n", "viſit", "ſaid in", "x-in"),
        *("across", "3in", "of", "the the", "strikes", "troops", "border", "-based", "'s army"),
        *("AA and", "Bb Cc,", "or the", "airlifted to", "taken to a hospital in", "group based in"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(_ROLE_PIECES, st.text(_ALPHABET, max_size=5)), max_size=8).map(" ".join),
    st.sampled_from(["", " ", "  ", "\n", " \u00a0"]),
    st.sampled_from(["", " strikes", " troops", "-based", " border", "'s army", " said", " x"]),
    st.sampled_from(["city", "country", "admin1"]),
)
def test_role_exclusion_prefilter_matches_the_plain_searches(
    before: str, gap: str, after: str, kind: str
) -> None:
    from casualty.extract.where import role_excluded

    text = f"{before}{gap}Placeton{after} and more"
    start = len(before) + len(gap)
    end = start + len("Placeton")
    assert role_excluded(text, start, end, kind) == _plain_role_excluded(text, start, end, kind)


@pytest.mark.parametrize(
    "before",
    [
        *(
            "They said in ",
            "a trip to ",
            "a trip ",
            "the Union of the ",
            "officials blamed ",
            "urging ",
        ),
        *("near the border with ", "the frontier with the ", "neighbouring ", "strikes against "),
        *("fighting in the ", "clashes across ", "viſit to ", "x-in ", "", "the ", "killed 3 "),
    ],
)
@pytest.mark.parametrize("after", ["", " troops", " warships", " border", "-based", " said"])
@pytest.mark.parametrize("kind", ["city", "country"])
def test_role_exclusion_prefilter_on_each_cue(before: str, after: str, kind: str) -> None:
    from casualty.extract.where import role_excluded

    text = f"{before}Placeton{after} and more"
    start, end = len(before), len(before) + len("Placeton")
    assert role_excluded(text, start, end, kind) == _plain_role_excluded(text, start, end, kind)


def _plain_split(text: str) -> list[tuple[int, int, str, int]]:
    """The sentence splitter as first written: one alternation for both kinds of boundary,
    the word before a full stop found by `_WORD_BEFORE`, whitespace stripped char by char."""
    out: list[tuple[int, int, str, int]] = []
    paragraph = start = 0

    def emit(end: int) -> None:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            body = text[s:e]
            if "\n" in body:
                body = body.replace("\r", " ").replace("\n", " ")
            out.append((s, e, body, paragraph))

    def abbreviation(dot: int) -> bool:
        if text[dot] != ".":
            return False
        m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
        if m is None:
            return False
        word = m.group(1).lower().rstrip(".")
        if word in ABBREVIATIONS:
            return True
        return len(word) == 1 and m.group(1).isupper() and word != "i"

    for m in _BOUNDARY.finditer(text):
        if m.group() == "\n":
            if _wrapped(text, m.start()):
                continue  # a hard-wrapped line, not its end
            emit(m.start())
            start = m.end()
            if out and out[-1][3] == paragraph:
                paragraph += 1
            continue
        end = m.end()
        last_dot = m.start() + len(m.group().rstrip("\"'”’)]")) - 1
        if abbreviation(last_dot) and not any(ch in m.group() for ch in '"”’'):
            continue
        if not _next_starts_sentence(text, end) and not _lower_start_ok(text, m.start(), end):
            continue
        emit(end)
        start = end
    if start < len(text):
        emit(len(text))
    return out


_SPLIT_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["Gen.", "U.S.", "e.g.", "approx.", "No. 3", "I.", "A.\n", " the ", "..."]),
        st.text(st.sampled_from([*"ab Ab.!?\n\t\r\"'”’)]Σ", "İ", "\u2029", "\u00a0"]), max_size=8),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SPLIT_TEXT)
def test_sentence_splitter_matches_its_plain_form(text: str) -> None:
    got = [(s.start, s.end, s.text, s.paragraph) for s in split_sentences(text)]
    assert got == _plain_split(text)


_COUNT_WORDS = [
    *("dead", "death", "deaths", "wounded", "losses", "number", "few", "single", "victims"),
    *("no", "No", "a", "heavy", "high", "large", "not", "one", "12", "seven", "of", "the"),
    *("people", "killed", "casualties", "dozens", "İ", "'s", "’", "-", ",", ".", "no-one"),
]
_COUNT_TEXT = st.lists(
    st.tuples(st.sampled_from(_COUNT_WORDS), st.sampled_from([" ", " ", "", "\n", "'", "-", "_"])),
    max_size=14,
).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=400, deadline=None)
@given(_COUNT_TEXT, st.booleans())
def test_unread_anchors_start_no_count(text: str, singular: bool) -> None:
    """Anchors passed over without reading their window ("dead" with no "no" before it)
    would have given no count either."""
    from casualty.extract import counts

    fast = counts.find_counts(text, singular)
    real = counts._unread
    counts._unread = lambda *args: False
    try:
        assert fast == counts.find_counts(text, singular)
    finally:
        counts._unread = real


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.sampled_from(sorted(p for p in lexicon().table if " " not in p)).map(
            lambda w: w.upper() if len(w) % 2 else w.title()
        ),
        st.text(st.sampled_from([*"killedwoundsa'-. ", "İ", "ı", "ſ", "\u212a"]), max_size=9),
    )
)
def test_outcome_word_lookup_is_the_pattern(word: str) -> None:
    lex = lexicon()
    assert lex.is_phrase(word) == (lex.pattern.fullmatch(word) is not None)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_qualitative_claims_skip_only_texts_without_their_noun(text: str) -> None:
    """`qualitative` passes over a text with neither "losses" nor "casualties" at once."""
    from casualty.extract import mention_spans as mentions

    tokens = mentions.tokens(text)
    fast = mentions.qualitative(text, tokens, [])
    names = vars(mentions)
    real = names["lowered"]
    names["lowered"] = lambda _text: None  # as if the text could not be lower-cased
    try:
        assert fast == mentions.qualitative(text, tokens, [])
    finally:
        names["lowered"] = real


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsince\s+\d{4}|\bto\s+date\b|\b\d+-day", r"[st\d]"),
        (r"(?<![\w-])(?:kill|wound)(?![\w-])", "[kw]"),
        (r"[a-c]x|y+z", "[abcy]"),
        (r"a?b", None),  # may start with b as well: not told
        (r"[^a]b", None),
        (r".b", None),
        (r"(?i)ab", None),
        (r"\b", None),
        (r"(a|)b", None),
    ],
)
def test_lead_chars(pattern: str, expected: str | None) -> None:
    assert lead_chars(pattern) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_lead_lookahead_keeps_the_period_cue(text: str) -> None:
    """The period cue with its lookahead of first characters finds what it finds without."""
    low = lowered(text)
    if low is None:
        return
    plain = re.compile(PERIOD_CUE.ci.pattern)
    assert _spans(PERIOD_CUE.low.finditer(low)) == _spans(plain.finditer(low))
    for pos in range(0, len(low), 7):
        fast, slow = PERIOD_CUE.low.search(low, pos, pos + 30), plain.search(low, pos, pos + 30)
        assert (fast and fast.span()) == (slow and slow.span())


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_self_outcome_scan_is_the_substring_tests(text: str) -> None:
    from casualty.extract.mentions import _SELF_OUTCOME, _self_outcome

    low = text.lower()
    assert _self_outcome(text) == ("ſ" in low or any(k in low for k in _SELF_OUTCOME))


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


_AFTER_WORDS = [
    *("air", "strikes", "strike", "per", "cent", "local", "time", "fighter", "jets", "people"),
    *("percentage", "points", "es", "s", "ies", "children", "the", "of", "-", "%", "am", "pm"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_WORDS), max_size=6))
def test_pair_heads_only_skip_words_that_open_no_pair(words: list[str]) -> None:
    """`_noun_says` tries a two-word pair only after a word that opens one: same verdicts."""
    from casualty.extract import count_context
    from casualty.extract.count_lexicon import lexicon as count_lexicon
    from casualty.extract.count_lexicon import tokens

    text = " ".join(words)
    after = tuple(tokens(text, 0, len(text), 9))
    fast = count_context._noun_says(text, after, count_lexicon())
    names = vars(count_context)
    real = names["_pair_heads"]
    names["_pair_heads"] = _Everything
    try:
        assert fast == count_context._noun_says(text, after, count_lexicon())
    finally:
        names["_pair_heads"] = real


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789", min_size=1, max_size=12), st.sampled_from([1, 1000, 1_000_000]))
def test_plain_digits_read_as_the_general_digit_path(digits: str, scale: int) -> None:
    """ASCII digits without separators are read by a shortcut; the same figure written in
    Arabic-Indic digits takes the general path and must give the same value."""
    from casualty.extract.count_lexicon import Tok
    from casualty.extract.count_numbers import _digit_value, _scaled

    plain, general = Tok(digits, 0, len(digits)), Tok(digits.translate(_ARABIC_INDIC), 0, 0)
    assert _digit_value(plain) == _digit_value(general)
    if _digit_value(plain) is not None:
        assert _scaled(plain, scale) == _scaled(general, scale)
