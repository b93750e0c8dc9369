"""Fast paths of extraction against their plain forms, on invented sentences.

Each fast path computes once per article (or lazily) what the plain form computes per
sentence or per claim; these tests run both on the same texts and require the same answer.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casualty.extract import district_names, extract_document, placing
from casualty.extract.datelines import DATELINE_HEAD
from casualty.extract.placing import ArticlePlaces
from casualty.extract.sentences import split_sentences
from casualty.geo import gazetteer
from casualty.model import Document

PLACE_TEXTS = [
    "Shells hit the Karrada district of Baghdad and the Bab al-Tabbaneh quarter on Friday.",
    "Residents of Kareto village fled; the Ras Isa oil port was struck, near the Tabqa airbase.",
    "Fighting in the old city area and the camp of Yarmouk, in the Deir ez-Zor area.",
    "the village\tof Kafr Sous, Jisr al-Shughur district, CAMP Bastion area, Camp\u00a0area.",
    "an oil port, called Ras Isa, and a village known as Umm Sayala in the north.",
    "Aid reached the town, said the O'Neill-led mission in the Al-Hol camp.",
    "İdlib's district, Ḥama village, Zabadani  area\n\nand Baghdad’s Sadr City district",
]


@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_name_before_equals_its_search(text: str) -> None:
    from casualty.extract.district_names import _NAME_BEFORE, _name_before

    for end in range(len(text) + 1):
        for start in (0, max(0, end - 80), max(0, end - 7), end):
            got = _name_before(text, start, end)
            want = _NAME_BEFORE.search(text, start, end)
            assert (got and got.span(1)) == (want and want.span(1)), (start, end)


def _plain_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """`Words` as first written: the possessives found through a dict of word ends."""
    from casualty.geo.words import _POSSESSIVE, ASCII_TOKEN, TOKEN

    matches = list((ASCII_TOKEN if text.isascii() else TOKEN).finditer(text))
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    texts = [m.group() for m in matches]
    at_end = {end: k for k, end in enumerate(ends)}
    for m in _POSSESSIVE.finditer(text):
        k = at_end.get(m.end())
        if k is not None and starts[k] < m.start():
            texts[k] = texts[k][:-2]
            ends[k] -= 2
    return starts, ends, texts


@pytest.mark.parametrize(
    "text",
    [
        *PLACE_TEXTS,
        "Syria's army and Iraq’s police; the 's alone, O's, 's's, Ma'rib's port's gate's.",
        "'s 'S s's X'S it's ’s",
        "",
    ],
)
def test_words_possessives_equal_the_plain_form(text: str) -> None:
    from casualty.geo.words import Words

    w = Words(text)
    assert (w.starts, w.ends, w.texts) == _plain_words(text)


class _PlainPlaces(ArticlePlaces):
    """`ArticlePlaces` without its fast path: district names read with the sentence's own
    places, at once."""

    def _own(self, index: int) -> tuple[Any, list[str]]:
        own = super()._own(index)
        if index in self._unread:
            self._unread.discard(index)
            text = self.sentences[index].text
            names = [
                name for _, _, name, _ in district_names.districts(text, [], gazetteer().stopwords)
            ]
            self._owned[index] = (own[0], names)
        return self._owned[index]


PLACE_ARTICLES = [
    "Shelling hit Homs on Monday. Two children were killed in the Qasr Nabulan district, "
    "medics said. The Tell Zuhayrat neighbourhood was hit too, and 3 died there.",
    "Gunmen killed 4 farmers near a well on Tuesday, police said. The Karrada district was "
    "calm.\n\nIn the Bab al-Tabbaneh quarter, 3 people died. Shelling hit Homs.",
    "A Yemeni port was struck overnight, killing 7. The Syrian capital was quiet.\n\nIn "
    "another attack in Kareto village, 5 soldiers were killed.",
    "Five were killed in the old city area on Monday. Residents fled the camp.\n\nThe Iraqi "
    "army said 2 fighters died in the Ras Isa oil port area.",
    "No place is named here. Two were hurt in the market, a medic said.\n\nAnother 3 died "
    "in the village of Kafr Sous, the Russian strikes on Kherson killed 4.",
]


@pytest.mark.parametrize("text", PLACE_ARTICLES)
def test_places_equal_the_plain_form(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(id="d", text=text, published="2024-05-10", outlet="Test")
    fast = extract_document(doc)
    monkeypatch.setattr(placing, "ArticlePlaces", _PlainPlaces)
    plain = extract_document(doc)
    assert fast and fast == plain
    sentences = split_sentences(text)
    a = ArticlePlaces(text, sentences, DATELINE_HEAD)
    b = _PlainPlaces(text, sentences, DATELINE_HEAD)
    for i, s in enumerate(sentences):
        assert a.place(i) == b.place(i)
        assert a.place_at(i, len(s.text) // 2) == b.place_at(i, len(s.text) // 2)


def _plain_filter(trie: Any) -> Any:
    """The zero-width filter `TokenTrie` used before: `(?<!\\w)(?=first tokens)`."""
    import re

    from casualty.registry import trie as tries

    keys = []
    for first, node in trie.root.children.items():
        wide = node.value is None and len(node.children) > tries._FILTER_FANOUT
        for prefix in [[first, second] for second in node.children] if wide else [[first]]:
            keys.append(tries._GAP.join(prefix) + tries._BOUNDARY)
    return re.compile(r"(?<!\w)(?=" + tries._trie_regex(keys) + ")")


SCAN_TEXTS = [
    "The army said the Syrian Observatory for Human Rights counted 12 dead.",
    "army officials and the health ministry; the-army, (the army), the  army said",
    "Islamic State fighters attacked; al-Shabaab militants; Houthi rebels and the police.",
    "the",
    "",
    " the army",
    "-the army",
    "residents said government forces shelled; local officials said; medics at the scene",
    "\u00a0the army\u2019s ministry of health, the UN mission, state news agency SANA",
    "Thearmy: army_ army9 9army _army the armyX aid workers",
]


@pytest.mark.parametrize("text", SCAN_TEXTS)
@pytest.mark.parametrize("which", ["actors", "sources", "descriptors"])
def test_registry_scan_equals_the_zero_width_filter(text: str, which: str) -> None:
    from casualty.registry import builtin_registry

    reg = builtin_registry()
    matchers: dict[str, Any] = {
        "actors": reg._actor_finder(),
        "sources": reg._source_finder(),
        "descriptors": reg._descriptor_finder(),
    }
    trie = matchers[which]._ci
    fast = list(trie.scan(text))
    assert trie._after_gap
    saved = trie._pattern, trie._after_gap
    try:
        trie._pattern, trie._after_gap = _plain_filter(trie), False
        plain = list(trie.scan(text))
    finally:
        trie._pattern, trie._after_gap = saved
    assert fast == plain


def _plain_fold(text: str) -> str:
    """`fold` as first written: the character search on every text."""
    from casualty.registry.matching import _FOLD_CHARS_RE, _FOLD_PAIRS

    if _FOLD_CHARS_RE.search(text) is None:
        return text
    for char, ascii_char in _FOLD_PAIRS:
        text = text.replace(char, ascii_char)
    return text


FOLD_TEXTS = [
    "The mayor's office said 4 were hurt.",
    "The mayor`s office said 4 were hurt.",
    "The mayor’s office — not the army — said “four”.",
    "Plain ASCII with - hyphens and 'quotes' and \"double\" ones",
    "",
    "`",
    "caf\u00e9 in the old town\u00a0centre",
]


@pytest.mark.parametrize("text", FOLD_TEXTS)
def test_fold_equals_the_plain_form(text: str) -> None:
    from casualty.registry.matching import fold

    assert fold(text) == _plain_fold(text)


@given(st.text(alphabet=st.sampled_from("ab '`-\"\u2019\u201c\u2014\u00a0\u00e9\u00b4.")))
def test_fold_equals_the_plain_form_on_generated_text(text: str) -> None:
    from casualty.registry.matching import fold

    assert fold(text) == _plain_fold(text)
    assert fold(text.encode("ascii", "ignore").decode()) == _plain_fold(
        text.encode("ascii", "ignore").decode()
    )


SPEECH_WORDS = "said SAYS ſays told rose to 12 1,5 as of İnterview ınterview Citing x - , update q"

SPEECH_TEXTS = [
    "the army SAID on Friday that the toll Rose to 30",
    "According to medics, as of Monday the number climbed to more than 1,200",
    "ſaid the ſpokesman; İnterview, ıNTERVIEW and the Statement update",
    "Officials told reporters; the ministry tweeted, citing a briefing quoted by media",
    "the toll mounted to 9; police posted, then wrote to us",
    "unsaid retold misreported (said) -speaking- 'denies' reached 12.5",
    "",
]


def _plain_speech() -> Any:
    """`_SPEECH` as first written, without the lookahead on the opening letter."""
    import re

    from casualty.extract.when import _SPEECH

    plain = _SPEECH.pattern.replace(r"\b(?=[abcdimpqrstuw])", r"\b", 1)
    assert plain != _SPEECH.pattern
    return re.compile(plain, _SPEECH.flags)


def _spans(pattern: Any, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SPEECH_TEXTS)
def test_speech_words_equal_the_plain_pattern(text: str) -> None:
    from casualty.extract.when import _SPEECH

    assert _spans(_SPEECH, text) == _spans(_plain_speech(), text)


@given(st.lists(st.sampled_from([*SPEECH_WORDS.split(), " ", "  ", "at least"])).map("".join))
def test_speech_words_equal_the_plain_pattern_on_generated_text(text: str) -> None:
    from casualty.extract.when import _SPEECH

    assert _spans(_SPEECH, text) == _spans(_plain_speech(), text)


STATEMENT_TEXTS = [
    "The ministry said in a STATEMENT that 4 died.",
    "A ſtatement from İdlib; misstatements and statementless lines",
    "The Statement's wording; statements; a 'statement'",
    "No such word here, only a state and a tatement.",
    "",
]


def _statement_found(text: str) -> tuple[bool, bool]:
    from casualty.extract.attribution import _STATEMENT_WORD, has_statement_word

    return has_statement_word(text), _STATEMENT_WORD.search(text) is not None


@pytest.mark.parametrize("text", STATEMENT_TEXTS)
def test_statement_word_equals_the_plain_search(text: str) -> None:
    fast, plain = _statement_found(text)
    assert fast == plain


@given(st.lists(st.sampled_from([*"sStTaAeEmMnN ſİı_-'", "tatement", "STATEMENT"])).map("".join))
def test_statement_word_equals_the_plain_search_on_generated_text(text: str) -> None:
    fast, plain = _statement_found(text)
    assert fast == plain


KEYWORD_TEXTS = [
    "Shells hit the Karrada DISTRICT and the Ras Isa Oil Port near the Tabqa airbase.",
    "the ſuburb, a Neighborhood, the neighbourhood, the old Town; City hall; Camp Bastion",
    "subdistricts, townships, a township, an air  base, the river harbor, seaport, areas",
    "a quarter, the locality, Hamlet, fuel Terminal, gas refinery, naval port, village, a Port",
    "",
]


def _keyword_matches(pattern: Any, text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def _plain_keyword() -> Any:
    """`district_names._KEYWORD` as first written, without the lookahead on the opening letter."""
    import re

    plain = district_names._KEYWORD.pattern.replace(r"\b(?=[acdfghlnopqrstv])", r"\b", 1)
    assert plain != district_names._KEYWORD.pattern
    return re.compile(plain, district_names._KEYWORD.flags)


@pytest.mark.parametrize("text", KEYWORD_TEXTS)
def test_district_keywords_equal_the_plain_pattern(text: str) -> None:
    assert _keyword_matches(district_names._KEYWORD, text) == _keyword_matches(
        _plain_keyword(), text
    )


@given(
    st.lists(
        st.sampled_from(
            [
                *("district", "village", "camp", "port", "air", "base", "oil", "harbour"),
                *("town", "city", "ſ", "Q", " ", "-"),
            ]
        )
    ).map("".join)
)
def test_district_keywords_equal_the_plain_pattern_on_generated_text(text: str) -> None:
    assert _keyword_matches(district_names._KEYWORD, text) == _keyword_matches(
        _plain_keyword(), text
    )
