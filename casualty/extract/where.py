"""Which place a claim's incident happened at, among the places its article names.

A sentence names places in several roles; only some say where violence happened:

- the seat of a speaker: "said in Moscow", "told reporters in Washington", "a statement from
  Geneva";
- an institution or a controller: "the Kyiv government", "the Donetsk military
  administration", "Gaza Health Ministry", "a Washington-based group", "Moscow-controlled
  parts of ...", "the Patriotic Union of Kurdistan", "Washington's campaign";
- a capital standing for its government: "which Moscow blamed on", "Kyiv said";
- a neighbouring country: "near the Chad border", "the border with Niger";
- a country as an actor's attribute: "US strikes on a port", "two US aircraft carriers".

Those are left out (`role_excluded`), as are authorities' seats, a route's ends and an
aggressor (`place_roles`, which also reads breakdowns, provinces and parts of a town). Of the
rest, a sub-city name the gazetteer may lack ("the Karrada district of Baghdad", "Kareto
village", "the Ras Isa oil port") is the most specific (`district_names`): it takes its parent
place's division, country and coordinates. Places named through a demonym ("the Iraqi
capital", "a Yemeni port") are read in `demonym_places`.
"""

from __future__ import annotations

import re
from typing import Final

from casualty import rx
from casualty.extract import place_roles

#: Most specific first: a district of a city, a city, a named region, a division, a country.
KIND_RANK: Final = {"district": -1, "city": 0, "region": 1, "admin1": 2, "country": 3}

_WORD: Final = r"\w[\w'’.-]*"
#: A word between a place and its institution: a name ("Central", "Health") or a qualifier
#: ("regional", "military-civilian"), never a verb or a figure ("in Kyiv killed 5 army ...").
_QUALIFIER: Final = (
    r"(?:[A-Z][\w'’.-]*|[a-z]+-[a-z]+|regional|city|municipal|local|provincial|state|federal|"
    r"interim|central|military|health|healthy|interior|defen[cs]e|foreign|civil|civilian|"
    r"de\s+facto)"
)
#: After a place: a compound that makes it a seat or a controller ("Kyiv-based", "Moscow-held").
_COMPOUND_AFTER: Final = rx.compile(
    r"[-‐‑]\s?(?:based|backed|controlled|held|led|installed|run|allied|aligned|occupied|"
    r"annexed|sponsored|supported|appointed|friendly|headquartered|affiliated)\b",
    re.IGNORECASE,
)
#: After a place: up to two words, then a national institution ("Kyiv government", "Gaza
#: Health Ministry", "Donetsk military-civilian administration").
_INSTITUTION_AFTER: Final = rx.compile(
    rf"(?:\s+{_QUALIFIER}){{0,2}}?\s+(?i:government|administration|authorities|authority|"
    r"ministry|parliament|regime|court|embassy|cabinet)\b"
)
#: After a country: its armed forces or a department ("US Central Command", "Ukraine army");
#: after a town the same words name a site there ("the Mosul army base").
_STATE_FORCE_AFTER: Final = rx.compile(
    rf"(?:\s+{_QUALIFIER}){{0,2}}?\s+(?i:command|military|army|navy|department|forces|troops|bases?)\b"
)
#: Before a place: an allegiance to it ("pro-Iran fighters", "anti-Russia protests").
_ALLEGIANCE_BEFORE: Final = rx.compile(r"\b(?:pro|anti)[-‐‑]\s?$", re.IGNORECASE)
#: After a place: a local official ("Kirkuk police chief", "the Dibis mayor"): the place is
#: the official's, which is often but not always the incident's.
_LOCAL_OFFICIAL_AFTER: Final = rx.compile(
    rf"(?:\s+{_QUALIFIER})?\s+(?i:police|governor|mayor|council|municipality|"
    r"prosecutor(?:'s|’s)?|spokes(?:man|woman|person)|officials?)\b"
)
#: Before a place: a distance that makes it a reference point ("95 miles south of Mosul").
_REFERENCE_BEFORE: Final = rx.compile(
    r"\b(?:\d[\d,.]*\s*(?:km|kilometres|kilometers|miles|mi)\b\.?|kilometres|kilometers|miles)"
    r"(?:\s+\([^)]{0,30}\))?\s+(?:\w+\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:\w+\s+){0,4}?$",
    re.IGNORECASE,
)
#: After a place: its government speaking or acting ("Moscow said", "which Kyiv blamed").
_ACTOR_AFTER: Final = rx.compile(
    r"\s+(?:(?:has|have|had|later|also|quickly|swiftly)\s+)?(?:said|says|claimed|claims|"
    r"attributed|attributes|blamed|blames|accused|accuses|denied|denies|announced|insisted|"
    r"maintained|alleged|alleges|responded|vowed|rejected|condemned|dismissed|admitted|"
    r"acknowledged)\b",
    re.IGNORECASE,
)
#: Before a town that a speech verb follows: the speakers' seat ("police in X said"), a place
#: used only when nothing else places the sentence (`weak`), not a government speaking.
_SEAT_BEFORE: Final = rx.compile(
    r"\b(?:police|officials?|authorities|residents|sources|witnesses|medics|doctors)\s+in\s+$",
    re.IGNORECASE,
)
#: After a place: a possessive that makes it a state actor ("Washington's 15-month campaign").
_POSSESSIVE_AFTER: Final = rx.compile(
    rf"['’]s(?:\s+{_WORD}){{0,2}}?\s+(?:government|military|army|armed\s+forces|forces?|troops|"
    r"campaign|war|offensive|ally|allies|envoy|officials|leadership|regime|administration|"
    r"ministry|decision|policy|air\s+force|navy|invasion|parties|party|president|leaders?|"
    r"embassy|sanctions|bombardment|bombing|blockade|siege|retaliation|assault|attacks|"
    r"strikes|air\s+strikes|airstrikes|raids?|missiles|drones|jets"
    # "Russia's deadliest attack on civilians": the attacker ("the country's deadliest
    # attack this year" is the scene)
    r"|(?:attack|strike|airstrike|air\s+strike)\s+(?:on|against))\b",
    re.IGNORECASE,
)
#: After a country: a verb of attack whose subject it is ("Russia struck the city of X",
#: "Israel bombed"): the attacker, not the scene ("X struck by missiles" is the target).
_ATTACKS_AFTER: Final = rx.compile(
    r"\s+(?:(?:has|have|had|later|also|again|then)\s+)?(?:struck|attacked|bombed|shelled|"
    r"launched|fired|pounded|targeted|invaded|hammered|bombarded|carried\s+out|conducted"
    r"|staged|raided|stormed)\b(?!\s+by\b)",
    re.IGNORECASE,
)
#: Around a country: it gave no comment ("no word from the militia or Turkey",
#: "Israel declined to comment"): a party asked, not where anything happened.
_SILENT_BEFORE: Final = rx.compile(
    r"\b(?:comment|response|reaction|word)\s+from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:(?:or|and|nor)\s+)?$",
    re.IGNORECASE,
)
_SILENT_AFTER: Final = rx.compile(
    r"\s+(?:(?:has|have|had|also|did|does|would)\s+)?(?:not\s+)?(?:declined|declines|refused"
    r"|refuses|commented|comment|responded|respond)\b(?:\s+to\s+(?:comment|respond))?",
    re.IGNORECASE,
)
#: Before a place: a speech act that names where it was made ("said in", "told reporters
#: on Friday in", "a statement from", "a news conference in").
_SPEECH_BEFORE: Final = rx.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|the\s+press|(?:a|the)\s+(?:news|press)"
    r"\s+(?:conference|briefing))|(?:news|press)\s+(?:conference|briefing)|statement|"
    r"briefing|speaking|spoke|interview|remarks|address|summit|talks)"
    r"(?:\s+(?:in\s+a\s+statement|on\s+\w+|late\s+\w+|early\s+\w+|\w+day))?"
    r"\s+(?:in|from|at)\s+(?:the\s+)?$"
    r"|\b(?:who|which)\s+(?:is|was|are|were)\s+(?:currently\s+)?(?:in|visiting)\s+$"
    r"|\b(?:visit|visiting|trip|tour)\s+(?:to\s+)?$"
    # an addressee or a source cited, never a scene: "told Kurdistan 24", "citing Kyiv"
    r"|\b(?:told|telling|citing|quoting)\s+$",
    re.IGNORECASE,
)
#: Before a place: a verb of blame or appeal whose object is a government ("accused Israel
#: of", "blamed Kyiv", "urged Moscow").
_BLAMED_BEFORE: Final = rx.compile(
    r"\b(?:accus|blam|condemn|denounc|urg|criticis|criticiz|sanction)(?:e|es|ed|ing)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: Before a place: an institution "of" it ("the Patriotic Union of Kurdistan", "the Armed
#: Forces of Ukraine").
_INSTITUTION_BEFORE: Final = rx.compile(
    r"\b(?:union|ministry|government|council|party|front|movement|committee|parliament|"
    r"embassy|university|forces|army|military|navy)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: After a country not governed by a preposition: a noun it qualifies as an actor ("US
#: strikes on a port", "the United States airstrikes", "two US aircraft carriers").
_ATTRIBUTIVE_AFTER: Final = rx.compile(
    r"\s+(?:\w+\s+)?(?:air\s*strikes?|strikes?|raids?|bombing|bombers?|jets?|warplanes?|"
    r"aircraft|carriers?|warships?|ships?|vessels?|drones?|missiles?|soldiers|troops|forces|"
    r"personnel|officials|envoy|citizens|nationals|military|navy|army)\b",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE: Final = rx.compile(
    r"\b(?:in|on|at|into|inside|across|throughout|within|near|from|to|of|over|against|"
    r"toward|towards|around)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Around a country: a neighbour named for a border ("near the Niger border").
_BORDER_AFTER: Final = rx.compile(r"\s+(?:border|borders|frontier)\b", re.IGNORECASE)
#: A neighbour's name before the next one: capitalised words, whatever the case flag.
_NEIGHBOUR: Final = r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}"
_BORDER_BEFORE: Final = rx.compile(
    r"\b(?:(?:borders?|frontiers?)(?:\s+(?:area|areas|region|zone))?\s+with|neighbou?ring"
    r"|bordering)\s+(?:the\s+)?"
    # the second of two neighbours: "the border with Burkina Faso and Niger"
    rf"(?:{_NEIGHBOUR}(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?)?$"
    # "islands near Nigeria", "near Togo and Benin"; not a town's country ("near Gao, Mali")
    rf"|\bnear\s+(?:the\s+)?(?:{_NEIGHBOUR}\s+(?:and|or)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
#: Before a country: an actor's seat ("a group based in Mali"), no scene.
_BASED_BEFORE: Final = rx.compile(
    r"\b(?:group|affiliate|organi[sz]ation|monitor|observatory|faction|branch|network|movement"
    r"|outfit|charity|agency),?\s+(?:(?:which|that)\s+is\s+)?(?:based|headquartered)\s+in\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: Before a place: where the wounded were taken or fled ("airlifted to Nairobi", "taken to a
#: hospital in Kabul", "conveyed to X by road", "the Teaching Hospital of X", "reached
#: hospitals in X"), not where they were hurt.
_CARE_BEFORE: Final = rx.compile(
    r"\b(?:evacuated|airlifted|flown|fled|rushed|taken|transferred|transported|referred|conveyed"
    r"|ferried)\s+(?:to\s+(?:the\s+)?|(?:to|at)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:hospitals?|clinics?)\s+(?:in|of)\s+(?:the\s+)?)$"
    r"|\breached\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:hospitals?|clinics?)\s+in\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_CARE_FINALS: Final = frozenset({"to", "in", "of"})
#: How much text before a place the "before" patterns look at.
_REACH: Final = 70


def weak(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] is a local official's or a distance's reference
    point: used only when nothing better places the sentence."""
    before = text[max(0, start - _REACH) : start]
    if _ACTOR_AFTER.match(text, end) and _SEAT_BEFORE.search(before):
        return True  # "police in X said": the speakers' town
    return bool(_LOCAL_OFFICIAL_AFTER.match(text, end) or _REFERENCE_BEFORE.search(before))


#: The last word of each "before" pattern's matches (before an optional "the"): a place
#: after another word is spared that pattern's search.
_SPEECH_FINALS: Final = frozenset(
    {"in", "from", "at", "visiting", "visit", "trip", "tour", "to", "told", "telling", "citing"}
    | {"quoting"}
)
_INSTITUTION_FINALS: Final = frozenset({"of"})
_BLAMED_FINALS: Final = frozenset(
    stem + end
    for stem in ("accus", "blam", "condemn", "denounc", "urg", "criticis", "criticiz", "sanction")
    for end in ("e", "es", "ed", "ing")
)
_BORDER_FINALS: Final = frozenset(
    {"with", "neighbouring", "neighboring", "bordering", "near", "and", "or"}
)
_LOCATIVE_FINALS: Final = frozenset(
    {"in", "on", "at", "into", "inside", "across", "throughout", "within", "near", "from", "to",
     "of", "over", "against", "toward", "towards", "around"}
)  # fmt: skip


def _cue_word(before: str) -> str | None:
    """The lower-cased last word of `before` but a final "the"; None if none; "" when it has
    other than ASCII letters, left to the patterns (IGNORECASE folds "ſ" to "s")."""
    words = before.rsplit(None, 2)
    if not words:
        return None
    last = words[-1]
    if last.isascii() and last.isalpha() and last.lower() == "the":
        if len(words) < 2:
            return None
        last = words[-2]
    if not (last.isascii() and last.isalpha()):
        return ""
    return last.lower()


def _cued(word: str | None, finals: frozenset[str], pattern: re.Pattern[str], before: str) -> bool:
    """`pattern.search(before)`, not run when `word` ends none of its matches."""
    if word is None or (word and word not in finals):
        return False
    return pattern.search(before) is not None


def role_excluded(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the place at text[start:end] names a speaker's seat, an institution, a
    government or a neighbouring country rather than where something happened."""
    before = text[max(0, start - _REACH) : start]
    word = _cue_word(before)
    if (
        place_roles.not_the_scene(text, start, end)
        or _cued(word, _SPEECH_FINALS, _SPEECH_BEFORE, before)
        or _cued(word, _INSTITUTION_FINALS, _INSTITUTION_BEFORE, before)
        or _cued(word, _BLAMED_FINALS, _BLAMED_BEFORE, before)
    ):
        return True
    if (
        _COMPOUND_AFTER.match(text, end)
        or _INSTITUTION_AFTER.match(text, end)
        or _POSSESSIVE_AFTER.match(text, end)
        or _cued(word, _CARE_FINALS, _CARE_BEFORE, before)
        or _ALLEGIANCE_BEFORE.search(before)
    ):
        return True
    if kind == "city" and _ACTOR_AFTER.match(text, end) and not _SEAT_BEFORE.search(before):
        return True
    if kind != "country":
        return False
    if _STATE_FORCE_AFTER.match(text, end) or _ATTACKS_AFTER.match(text, end):
        return True
    if _SILENT_AFTER.match(text, end) or ("from" in before and _SILENT_BEFORE.search(before)):
        return True  # "no immediate comment from Russia", "Israel declined to comment"
    if _BORDER_AFTER.match(text, end) or _cued(word, _BORDER_FINALS, _BORDER_BEFORE, before):
        return True
    if word == "in" and _BASED_BEFORE.search(before):
        return True  # "a jihadist faction based in Niger": a group's seat abroad
    return bool(_ATTRIBUTIVE_AFTER.match(text, end)) and not _cued(
        word, _LOCATIVE_FINALS, _LOCATIVE_BEFORE, before
    )
