"""Where each sentence's incident happened, for one article.

A sentence's own places are found in one scan of the article (`Gazetteer.find_places`), with
"the Iraqi capital" and "a Yemeni port" (`demonym_places`); those
that name a speaker's seat, an institution, a government or a neighbour are left out
(`where.role_excluded`), a local official's town or a distance's reference point only used
when nothing else places the sentence (`where.weak`), and a district of a city the gazetteer
lacks is the most specific (`district_names`). A sentence without a place of its own borrows
its paragraph's, else the lead's (see `ArticlePlaces.place`; the cues it reads for that, and
how places compare, are in `place_cues`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from casualty import rx
from casualty.extract import demonym_places, district_names, namesakes, place_roles, where
from casualty.extract.place_cues import (
    FIGURE_CLAUSE_END,
    OTHER_INCIDENT,
    SAME_ATTACK,
    THE_ATTACK,
    THE_CITY,
    THE_VICTIMS,
    after_separate,
    earlier,
    filed_from_capital,
    joins_places,
    more_specific,
    most_specific,
    within,
)

if TYPE_CHECKING:
    from casualty.extract.sentences import Sentence

#: Sentences that make up an article's lead, where its main place is named.
LEAD: Final = 3
#: The lead's attackers opening a later sentence ("The gunmen arrived at X village in Y
#: state"): like "The attack ...", it tells where the lead's incident happened.
_THE_ATTACKERS: Final = rx.compile(
    r"the\s+(?:gunmen|attackers|assailants|raiders|bandits|militants|insurgents|jihadists)\b(?!['’])",
    re.IGNORECASE,
)
#: How far into the sentence after the lead its place must stand to be the lead's (`_told_next`).
_TOLD_REACH: Final = 100
#: A body opening with a title-case place and a colon ("Lagos: Police said ..."): where the
#: report was filed, or where it happened ("Kandahar: At least 12 were killed ..."); the place
#: counts only when the lead names no other.
_COLON_HEAD: Final = rx.compile(r"\s*[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}:\s")
#: What ends a sentence: a first line ending otherwise is a headline.
_SENTENCE_END: Final = '.!?:"”’)'
#: How many headline or byline lines may stand above a dateline.
_HEAD_LINES: Final = 2
#: A byline line: "By Ann Lee, Jr.", "By JOHN SMITH, Associated Press" (its full stop ends
#: no sentence).
_BYLINE: Final = rx.compile(r"By\s+[A-Z][\w'’.-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’.-]*){0,7}$")
#: Between a word for the attack and a place: the place is another event's or a comparison's.
_NOT_THIS: Final = rx.compile(r"\b(?:after|before|since|than|like|following|ago|last)\b")
#: Between a word for the attack and a place: the clause has ended ("in the raid, the X
#: committee said").
_CLAUSE_BREAK: Final = rx.compile(r"[,;:]")


class ArticlePlaces:
    """Per-article caches of the places of sentences, filled lazily."""

    def __init__(self, text: str, sentences: list[Sentence], dateline: re.Pattern[str]) -> None:
        self.text = text
        self.sentences = sentences
        self._dateline = dateline
        self._places: dict[int, list[tuple[int, int, Any]]] = {}
        self._countries: list[str] | None = None
        self._all_places: list[tuple[int, int, Any]] | None = None
        self._place_starts: list[int] = []
        self._placed: dict[int, Any] = {}
        self._placed_before: dict[int, Any] = {}
        self._owned: dict[int, tuple[Any, list[str]]] = {}
        self._chosen: dict[int, Any] = {}
        self._weak: dict[int, Any] = {}
        self._cities: dict[int, Any] = {}
        self._later_country: tuple[Any] | None = None
        self._strong: dict[int, list[tuple[int, int, Any]]] = {}
        #: Sentences without a place whose district names `_own` left unread (`_loose`).
        self._unread: set[int] = set()
        #: Per sentence, countries outside the article's main ones it puts a scene in.
        self._abroad: dict[int, list[tuple[int, int, Any]]] = {}
        #: The country the article names at least twice, and twice as often as any other.
        self._leader: str | None = None

    def _doc_places(self) -> list[tuple[int, int, Any]]:
        """Every place of the article, found in one scan (the dateline's city left out)."""
        if self._all_places is None:
            from casualty.geo import gazetteer

            text = self.text
            cut = self._dateline_end(text)
            found = sorted(gazetteer().find_places(text), key=lambda f: f[0])
            found = namesakes.lone_abroad(text, namesakes.rehomed(text, found))
            # Read with the dateline, whose country tells namesakes apart ("ZAMBOANGA CITY
            # -- ... in Sulu"), but its city is where the report was filed, not a scene.
            self._all_places = [f for f in found if f[0] >= cut]
            self._place_starts = [f[0] for f in self._all_places]
        return self._all_places

    def _dateline_end(self, text: str) -> int:
        """Where the dateline opening the body ends (0: none), also when up to `_HEAD_LINES`
        lines of a headline without a full stop or a byline stand above it ("Clinic shelled
        again\nKANO, Nigeria (AP) ...", "By Ann Lee, Jr.\nNews Service\n\nKANO -- ...")."""
        start = 0
        for _ in range(_HEAD_LINES + 1):
            head = self._dateline.match(text[start : start + 300])
            if head is not None:
                return start + head.end()
            end = text.find("\n", start) + 1
            line = text[start : max(end - 1, start)].strip()
            if not end or not line or (line[-1] in _SENTENCE_END and not _BYLINE.match(line)):
                return 0
            start = end
        return 0

    def _find_places(self, index: int) -> list[tuple[int, int, Any]]:
        if index not in self._places:
            from bisect import bisect_left

            sentence = self.sentences[index]
            found = self._doc_places()
            first = bisect_left(self._place_starts, sentence.start)
            last = bisect_left(self._place_starts, sentence.end, first)
            self._places[index] = [
                (s - sentence.start, e - sentence.start, place)
                for s, e, place in found[first:last]
                if e <= sentence.end
            ]
        return self._places[index]

    def countries(self) -> list[str]:
        """Countries the article names most (datelines aside): context for ambiguous names."""
        if self._countries is None:
            tally: dict[str, int] = {}
            for _, _, place in self._doc_places():
                tally[place.country] = tally.get(place.country, 0) + 1
            self._countries = sorted(tally, key=lambda c: (-tally[c], c))
            ranked = self._countries
            # Twice as often as any other: a country named as an actor now and then ("US
            # strikes", "Washington said") does not lead a story about the country struck.
            # And more than once: a lone "France's force said" is no story about France.
            top = tally[ranked[0]] if ranked else 0
            if top >= 2 and (len(ranked) == 1 or top >= 2 * tally[ranked[1]]):
                self._leader = ranked[0]
        return self._countries

    def place(self, index: int) -> Any:
        """Where the incident of sentence `index` happened.

        The most specific place of the sentence, a named district first. A sentence that
        names no place takes its paragraph's (earlier sentences), else the lead's; one that
        names only a division takes a place within it from either; one that names only its
        country, only from its paragraph. Places outside the article's main countries are
        passed over when the sentence also names one inside them (a person called "Michael"
        is not a village in Austria).
        """
        if index not in self._chosen:
            own = self._own(index)[0]
            loose = self._loose(index)
            best = own
            if own is None or own.kind not in ("city", "district"):
                other = OTHER_INCIDENT.search(self.sentences[index].text) is not None
                borrowed = self._borrowed(index, other)
                if borrowed is not None and (
                    own is None or (more_specific(borrowed, own) and within(borrowed, own))
                ):
                    best = borrowed
            if index == 0 and (best is None or best.kind == "country"):
                best = self._told_next(best) or best
            if loose and best is not None and best.kind != "district":
                best = district_names.district_place(loose[0], best)
            self._chosen[index] = place_roles.with_sector(self.sentences[index].text, best)
        return self._chosen[index]

    def place_at(self, index: int, position: int) -> Any:
        """Where the figure at `position` of sentence `index` happened: the place named in
        its own clause when the sentence names several ("two soldiers in X and three
        civilians in Y died"), else the sentence's (`place`)."""
        chosen = self.place(index)
        strong = (self._strong.get(index) or []) + self._abroad.get(index, [])
        if len({f[2].id for f in strong}) < 2:
            return chosen
        text = self.sentences[index].text
        stop = FIGURE_CLAUSE_END.search(text, position)
        end = stop.start() if stop is not None else len(text)
        if stop is not None and joins_places(text, strong, stop):
            return chosen  # "in strikes in Iraq and Syria": one figure over several places
        best = most_specific([f for f in strong if position <= f[0] < end]) or most_specific(
            place_roles.fronted(text, strong, position)
        )
        if best is None or chosen is None:
            return best or chosen
        if chosen.id.split("#")[0] == best.id or within(chosen, best):
            return chosen  # the same place, or the sentence's choice within it
        return best

    def _own(self, index: int) -> tuple[Any, list[str]]:
        """(The most specific place sentence `index` names for an incident, else None; its
        district names without a parent place written beside them)."""
        if index not in self._owned:
            from casualty.geo import gazetteer

            gaz = gazetteer()
            text = self.sentences[index].text
            found = self._find_places(index)
            by_demonym = [
                *demonym_places.capitals(text, gaz.demonyms),
                *demonym_places.demonym_countries(text, gaz.demonyms),
            ]
            if by_demonym:
                found = sorted([*found, *by_demonym], key=lambda f: f[0])
            elif not found:
                # No place: nothing below can place the sentence. Its district names, which
                # have no place to belong to, are read only if it is placed (`_loose`).
                self._owned[index] = (None, [])
                self._weak[index] = None
                self._unread.add(index)
                return self._owned[index]
            kept = [f for f in found if not where.role_excluded(text, f[0], f[1], f[2].kind)]
            kept = namesakes.consistent(text, place_roles.refined(text, kept))
            main = set(self.countries()[:2])
            if main:
                inside = [f for f in kept if f[2].country in main]
                if inside:  # "a day after rebels killed 20 troops in Chad": that figure's own
                    self._abroad[index] = namesakes.abroad(text, kept, main)
                kept = inside or kept
            head = _COLON_HEAD.match(text) if index == 0 else None
            if head is not None:
                kept = filed_from_capital(text, kept, head.end())
            strong = [
                f
                for f in kept
                if not where.weak(text, f[0], f[1]) and (head is None or f[0] >= head.end())
            ]
            # A town of the division the sentence names ("Damboa, Borno State") over a
            # namesake elsewhere.
            named = {f[2].admin1 or f[2].name for f in kept if f[2].kind == "admin1"}
            if named:
                lands = {f[2].country for f in kept if f[2].kind == "admin1"}
                strong = [f for f in strong if f[2].kind != "city" or f[2].country in lands]
            if named and any(f[2].kind == "city" and f[2].admin1 in named for f in strong):
                strong = [f for f in strong if f[2].kind != "city" or f[2].admin1 in named]
            loose: list[str] = []
            for start, _, name, parent in district_names.districts(text, found, gaz.stopwords):
                anchor = found[parent] if parent is not None else None
                if anchor is not None and anchor in strong:
                    strong.append((start, start, district_names.district_place(name, anchor[2])))
                else:
                    loose.append(name)
            self._owned[index] = (most_specific(strong), loose)
            self._strong[index] = strong
            self._weak[index] = most_specific([f for f in kept if f not in strong])
        return self._owned[index]

    def _loose(self, index: int) -> list[str]:
        """The district names of sentence `index` without a place written beside them (call
        `_own` first). A sentence that names no place has them read here, once (`_own` leaves
        them unread: most such sentences are only looked at for a place to lend)."""
        if index in self._unread:
            from casualty.geo import gazetteer

            self._unread.discard(index)
            text = self.sentences[index].text
            loose = [
                name for _, _, name, _ in district_names.districts(text, [], gazetteer().stopwords)
            ]
            self._owned[index] = (None, loose)
        return self._owned[index][1]

    def _told_next(self, country: Any) -> Any:
        """The lead's town when the lead names at most its country and a sentence of the next
        few tells where its incident happened at once: one opening on it ("... a roadside
        bombing in Somalia." "The explosion tore through a truck just outside X."; not
        "according to X's ..." later), or one naming the place right after a word for the
        same attack ("A council member said the car bomb exploded near a compound in X").
        The search stops at a sentence about another incident."""
        for index in range(1, min(LEAD + 1, len(self.sentences))):
            text = self.sentences[index].text
            if OTHER_INCIDENT.search(text):
                return None
            if THE_ATTACK.match(text.lstrip()) or _THE_ATTACKERS.match(text.lstrip()):
                self._own(index)
                near = [
                    f
                    for f in self._strong.get(index) or []
                    if f[0] < _TOLD_REACH and not _NOT_THIS.search(text, 0, f[0])
                ]
            elif index > 1 and (same := SAME_ATTACK.search(text)) is not None:
                self._own(index)
                near = [
                    f
                    for f in self._strong.get(index) or []
                    if 0 <= f[0] - same.end() < _TOLD_REACH
                    and not _NOT_THIS.search(text, same.end(), f[0])
                    and not _CLAUSE_BREAK.search(text, same.end(), f[0])
                ]
            else:
                continue
            own = most_specific(near)
            ok = own is not None and own.kind in ("city", "district", "admin1")
            if ok and (country is None or within(own, country)):
                return own
        return None

    def _borrowed(self, index: int, other: bool) -> Any:
        """The place sentence `index` borrows: of the nearest earlier sentence of its paragraph
        that names one (unless it is about another incident; for "the city", of any earlier
        sentence naming a city), else a local official's place or a distance's reference point
        the sentence names ("the X mayor said", "20 km north of X"), else the article's main
        one (not for a sentence that names its country)."""
        if not other and THE_CITY.search(self.sentences[index].text) is not None:
            found = earlier(self.sentences, index, self._cities, self._city, across=True)
            if found is not None:
                return found
        elif not other:
            found = earlier(self.sentences, index, self._placed, lambda j: self._own(j)[0])
            if found is None and (
                THE_ATTACK.search(self.sentences[index].text) is not None
                or after_separate(self.sentences, index)
            ):
                found = self._paragraph_before(index)
            if found is None and THE_VICTIMS.match(self.sentences[index].text) is not None:
                found = earlier(
                    self.sentences, index, self._placed_before, self._below_country, across=True
                )
            if found is not None:
                return found
        own = self._own(index)[0]
        if own is not None and own.kind == "country":
            # A sentence that names its country keeps it rather than take a town named in
            # another paragraph ("US strikes on a Yemeni port" is not the lead's Sanaa).
            return self._weak[index]
        return self._weak[index] or self.main_place()

    def _paragraph_before(self, index: int) -> Any:
        """The last place below country level named in the paragraph just before that of
        sentence `index` when that paragraph opens on another incident ("In another attack,
        in X province, ..."), else None: "the attack" of a paragraph naming no place is that
        one, not the lead's."""
        sentences = self.sentences
        para = sentences[index].paragraph
        j = index - 1
        while j >= 0 and sentences[j].paragraph == para:
            j -= 1
        found = None
        while j >= 0 and sentences[j].paragraph == para - 1:
            own = self._own(j)[0]
            if found is None and own is not None and own.kind != "country":
                found = own
            j -= 1
        if found is None or OTHER_INCIDENT.search(sentences[j + 1].text) is None:
            return None
        return found

    def _below_country(self, index: int) -> Any:
        """The place of sentence `index` below country level when it names one (a district
        alone counts: "Karada is a busy area"), else None."""
        own = self._own(index)[0]
        if own is None and not self._loose(index):
            return None
        found = self.place(index)
        return found if found is not None and found.kind != "country" else None

    def _city(self, index: int) -> Any:
        found = self._own(index)[0]
        return found if found is not None and found.kind in ("city", "district") else None

    def main_place(self) -> Any:
        """The article's main incident place: the first place below country level a lead
        sentence names inside the article's main countries, else the first country; when
        the lead names none, the country it names twice as often as any other, else the
        country of the first place a later sentence names."""
        main = set(self.countries()[:2])
        first = None
        for j in range(min(LEAD, len(self.sentences))):
            found = self._own(j)[0]
            if found is not None and (not main or found.country in main):
                if found.kind != "country":
                    return found
                first = first or found
        if first is None and self._later_country is None:
            own = (self._own(j)[0] for j in range(LEAD, len(self.sentences)))
            later = next(
                (p for p in own if p is not None and (not main or p.country in main)), None
            )
            code = self._leader or (later.country if later else None)
            self._later_country = (demonym_places.country_place(code) if code else None,)
        return first or (self._later_country[0] if self._later_country else None)
