"""When and where a claim happened, and whether it is a period total, from its article.

Dates: the incident date of the claim's sentence, else of the nearest earlier dated sentence
of the same paragraph (an anaphoric "the attack" takes its antecedent's date, however old),
else of the article's first dated sentence that reports violence (within a week of
publication), else the day of the claim's own statement ("said on Sunday"), else the earliest
statement day of the article, else the publication date: nothing is reported before it
happens, so a statement day bounds the incident more tightly than publication. Places
(see `casualty.extract.where` for the places that are not an incident's): the most specific
place named in the claim's sentence, else of its paragraph's earlier sentences, else of the
lead.
Period totals: a period reference or cumulative wording ("since 2014", "so far this year",
"the total number") in the claim's sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Final

from casualty.extract.lexicon import case_free, lexicon
from casualty.extract.sentences import Sentence
from casualty.model import Claim, Document

_MONTHS: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
#: Matched on the lower-cased text where that is exact (`lexicon.CaseFree`): three times faster.
_PERIOD_CUE: Final = case_free(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)|(?:the\s+)?(?:war|conflict|fighting|"
    r"campaign|operation|offensive|invasion|uprising|insurgency)|\d{4}|" + _MONTHS + r")"
    r"|\bso\s+far\s+this\s+(?:year|month)|\bto\s+date\b|\bin\s+total\b|\bthe\s+total\s+number\b"
    r"|\b(?:total|cumulative|overall)\s+(?:death\s+)?(?:toll|number|tally)\b"
    r"|\b(?:during|throughout|over|for|in)\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|years)\b"
    r"|\b(?:during|throughout)\s+(?:the\s+(?:war|conflict)|" + _MONTHS + r"\b(?!\s+\d))"
    r"|\bthis\s+(?:year|month)\b|\blast\s+(?:year|month)\b"
    r"|\b\d+-(?:day|week|month|year)\s+(?:war|conflict|bombardment|siege"
    r"|insurgency|uprising)\b"
    r"|\b(?:war|conflict|insurgency|uprising)['’]s\b"
    r"|\b(?:in|during|throughout)\s+the\s+(?:\d+-year(?:-old)?\s+)?(?:war|conflict|insurgency|uprising)\b"
    r"|\b(?:war|conflict|insurgency|uprising),?\s+which\s+has\s+(?:killed|claimed|left)"
    r"|\bin\s+(?:just\s+)?(?:over|under|more\s+than|less\s+than)\s+(?:a|one|two|three|\d+)\s+"
    r"(?:year|years|months)\b"
    r"|\b(?:war|conflict|insurgency|uprising|violence)\s+(?:has|have|had)\s+(?:killed|claimed|left)"
)
#: Sentences that make up an article's lead, where the incident is dated.
_LEAD: Final = 3
#: Sentences shorter than this (datelines, bylines) are not used to date incidents.
_MIN_DATED_WORDS: Final = 6
#: How far (characters) cumulative wording may stand from a figure it makes a period total.
_PERIOD_REACH: Final = 120
#: How old a date taken from another sentence may be, in days before publication.
_BORROW_DAYS: Final = 7
#: Words of violence that make a sentence fit to date the article's incident.
_VIOLENCE: Final = re.compile(
    r"\b(?:attack|strike(?!\s+(?:group|force|aircraft|fighter|package))|struck|bomb|shell|"
    r"raid|clash|fight|blast|explo|missile|rocket|drone|airstrike|ambush|assault|offensive|"
    r"fired|gunmen|gunfire|massacre)",
    re.IGNORECASE,
)
#: Words that mark a sentence as about another incident than the article's own.
_OTHER_INCIDENT: Final = re.compile(
    r"\b(?:separate(?:ly)?|elsewhere|another|previous(?:ly)?|similar|last\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
#: A dateline at the start of a body: "BEIRUT:", "KYIV, Ukraine (AP) —", "DUBAI -".
_DATELINE_HEAD: Final = re.compile(
    r"^\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?"
    r"(?:\s*\([^)]{1,60}\))?\s*(?:[:—–]|\s-\s)"
)
_DATELINE: Final = re.compile(
    r"[A-Z][A-Z .'’-]{1,40}(?:,[^:—–]{0,60})?\s*(?:\([^)]*\))?\s*(?:[:—–]|\s-\s)"
)
#: How much of an article is scanned for its main countries.
_CONTEXT_CHARS: Final = 4000


class ArticleContext:
    """Per-article caches of sentence dates and places, filled lazily."""

    def __init__(self, doc: Document, sentences: list[Sentence]) -> None:
        self.doc = doc
        self.sentences = sentences
        self._dates: dict[int, tuple[Any, Any]] = {}
        self._reference: tuple[str | None] | None = None
        self._places: dict[int, list[tuple[int, int, Any]]] = {}
        self._countries: list[str] | None = None
        self._all_places: list[tuple[int, int, Any]] | None = None
        self._parties: tuple[str | None, str | None] | None = None
        self._owned: dict[int, tuple[Any, list[str]]] = {}
        self._chosen: dict[int, Any] = {}
        self._weak: dict[int, Any] = {}

    def parties(self, registry: Any) -> tuple[str | None, str | None]:
        """The article's main state and non-state parties (found on first need)."""
        if self._parties is None:
            from casualty.extract.victims import article_parties

            self._parties = article_parties(registry, self.doc.text)
        return self._parties

    # --- dates ------------------------------------------------------------------------------

    @property
    def reference(self) -> str | None:
        """The day weekday words are resolved against: the dateline's, else publication."""
        if self._reference is None:
            from casualty.extract.when import reference_day

            self._reference = (reference_day(self.doc.text, self.doc.published),)
        return self._reference[0]

    def _latest(self) -> str | None:
        """The last day an incident of the article can fall on."""
        days = [d for d in (self.doc.published, self.reference) if d]
        return max(days) if days else None

    def _date(self, index: int) -> tuple[Any, Any]:
        """(incident date, statement date) of sentence `index`, either None."""
        if index not in self._dates:
            from casualty.extract.when import dateline_end, sentence_dates

            text = self.sentences[index].text
            # A dateline line ("KYIV, Ukraine, Oct. 12") dates the report, not the incident.
            short = len(text.split()) < _MIN_DATED_WORDS
            if index == 0:
                head = _DATELINE_HEAD.match(text)
                cut = max(head.end() if head else 0, dateline_end(text, self.doc.published))
                text = " " * cut + text[cut:]
            self._dates[index] = (
                (None, None) if short else sentence_dates(text, self.reference, self._latest())
            )
        return self._dates[index]

    def incident_date(self, index: int) -> Any:
        """The DateRef for sentence `index` by the fallback chain, or None."""
        own, said = self._date(index)
        if own is not None:
            return own
        paragraph = self.sentences[index].paragraph
        for j in range(index - 1, -1, -1):
            if self.sentences[j].paragraph != paragraph:
                break
            ref = self._date(j)[0]
            if ref is not None:
                return ref
        for j in range(len(self.sentences)):
            ref = self._date(j)[0]
            if ref is not None and self._recent(ref) and self._violent(j):
                return ref
        if said is not None:
            return said
        reports = [r for j in range(len(self.sentences)) if (r := self._date(j)[1]) is not None]
        reports = [r for r in reports if self._recent(r)]
        return min(reports, key=lambda r: r.date) if reports else None

    def _violent(self, index: int) -> bool:
        """Whether sentence `index` reports violence (an attack or a casualty word) and is not
        marked as about another incident ("separately", "elsewhere", "a similar attack")."""
        text = self.sentences[index].text
        if _OTHER_INCIDENT.search(text) is not None:
            return False
        return _VIOLENCE.search(text) is not None or lexicon().prefilter.search(text) is not None

    def _recent(self, ref: Any) -> bool:
        """A borrowed date must be close to publication: older ones date background events."""
        reference = self.reference
        if not reference or ref.date is None:
            return True
        from datetime import date

        try:
            gap = date.fromisoformat(reference) - date.fromisoformat(ref.date)
        except ValueError:
            return True
        return gap.days <= _BORROW_DAYS

    def _periods(self, index: int) -> list[tuple[int, int, str | None, str | None, str]]:
        """Period references of sentence `index`: (start, end, date, date_end, precision)."""
        from casualty.dates import find_dates

        text = self.sentences[index].text
        published = self.reference
        refs = [
            r
            for r in find_dates(text, published)
            if r.period and _PERIOD_CUE.search(text, max(0, r.start - 40), r.end + 1)
        ]
        out: list[tuple[int, int, str | None, str | None, str]] = []
        skip = -1
        for i, ref in enumerate(refs):
            if i == skip:
                continue
            date, date_end, precision, end = ref.date, ref.date_end, ref.precision, ref.end
            if text[ref.start : ref.start + 5].lower() == "since":
                date_end = published or date_end
                nxt = refs[i + 1] if i + 1 < len(refs) else None
                open_start = published and (date is None or date >= published)
                # "since the war began in 2014": the year that follows gives the start.
                if open_start and nxt is not None and nxt.start - ref.end <= 12:
                    date, precision, end, skip = nxt.date, nxt.precision, nxt.end, i + 1
            out.append((ref.start, end, date, date_end, precision))
        return out

    def period(self, index: int, position: int) -> tuple[str | None, str | None, str] | None:
        """The period a figure at `position` counts over: the nearest period reference of its
        sentence, else one stated in the next two sentences ("during August, ...")."""
        near = [
            (abs(p[0] - position), p) for p in self._periods(index) if abs(p[0] - position) < 120
        ]
        if near:
            best = min(near)[1]
            return best[2], best[3], best[4]
        paragraph_end = min(index + 3, len(self.sentences))
        for j in range(index + 1, paragraph_end):
            found = self._periods(j)
            if found:
                return found[0][2], found[0][3], found[0][4]
        return None

    # --- places -----------------------------------------------------------------------------

    def _doc_places(self) -> list[tuple[int, int, Any]]:
        """Every place of the article, found in one scan (the dateline's city left out)."""
        if self._all_places is None:
            from casualty.geo import gazetteer

            text = self.doc.text
            head = _DATELINE_HEAD.match(text)
            if head is not None:
                text = " " * head.end() + text[head.end() :]
            self._all_places = gazetteer().find_places(text)
        return self._all_places

    def _find_places(self, index: int) -> list[tuple[int, int, Any]]:
        if index not in self._places:
            sentence = self.sentences[index]
            self._places[index] = [
                (s - sentence.start, e - sentence.start, place)
                for s, e, place in self._doc_places()
                if sentence.start <= s and e <= sentence.end
            ]
        return self._places[index]

    def countries(self) -> list[str]:
        """Countries the article names most (datelines aside): context for ambiguous names."""
        if self._countries is None:
            tally: dict[str, int] = {}
            for _, _, place in self._doc_places():
                tally[place.country] = tally.get(place.country, 0) + 1
            self._countries = sorted(tally, key=lambda c: (-tally[c], c))
        return self._countries

    def place(self, index: int) -> Any:
        """Where the incident of sentence `index` happened: see `casualty.extract.where`.

        The most specific place of the sentence, a named district first. A sentence that
        names no place takes its paragraph's (earlier sentences), else the lead's; one that
        names only a division takes a place within it from either; one that names only its
        country, only from its paragraph. Places outside
        the article's main countries are passed over when the sentence also names one inside
        them (a person called "Michael" is not a village in Austria).
        """
        if index not in self._chosen:
            from casualty.extract import where

            own, loose = self._own(index)
            best = own
            if own is None or own.kind not in ("city", "district"):
                other = _OTHER_INCIDENT.search(self.sentences[index].text) is not None
                borrowed = self._borrowed(index, other)
                if borrowed is not None and (
                    own is None
                    or (where.more_specific(borrowed, own) and where.within(borrowed, own))
                ):
                    best = borrowed
            if loose and best is not None and best.kind != "district":
                best = where.district_place(loose[0], best)
            self._chosen[index] = best
        return self._chosen[index]

    def _own(self, index: int) -> tuple[Any, list[str]]:
        """(The most specific place sentence `index` names for an incident, else None; its
        district names without a parent place written beside them)."""
        if index not in self._owned:
            from casualty.extract import where
            from casualty.geo import gazetteer

            gaz = gazetteer()
            text = self.sentences[index].text
            found = self._find_places(index)
            found = sorted(
                [
                    *found,
                    *where.capitals(text, gaz._demonyms),
                    *where.demonym_countries(text, gaz._demonyms),
                ],
                key=lambda f: f[0],
            )
            kept = [f for f in found if not where.role_excluded(text, f[0], f[1], f[2].kind)]
            main = set(self.countries()[:2])
            if main:
                inside = [f for f in kept if f[2].country in main]
                kept = inside or kept
            strong = [f for f in kept if not where.weak(text, f[0], f[1])]
            # A town of the division the sentence names ("Damboa, Borno State") over a
            # namesake elsewhere.
            named = {f[2].admin1 or f[2].name for f in kept if f[2].kind == "admin1"}
            if named:
                lands = {f[2].country for f in kept if f[2].kind == "admin1"}
                strong = [f for f in strong if f[2].kind != "city" or f[2].country in lands]
            if named and any(f[2].kind == "city" and f[2].admin1 in named for f in strong):
                strong = [f for f in strong if f[2].kind != "city" or f[2].admin1 in named]
            loose: list[str] = []
            for start, _, name, parent in where.districts(text, found, gaz._stop):
                anchor = found[parent] if parent is not None else None
                if anchor is not None and anchor in strong:
                    strong.append((start, start, where.district_place(name, anchor[2])))
                else:
                    loose.append(name)
            self._owned[index] = (where.most_specific(strong), loose)
            self._weak[index] = where.most_specific([f for f in kept if f not in strong])
        return self._owned[index]

    def _borrowed(self, index: int, other: bool) -> Any:
        """The place sentence `index` borrows: of the nearest earlier sentence of its paragraph
        that names one (unless it is about another incident; for "the city", of any earlier
        sentence naming a city), else a local official's place or a distance's reference point
        the sentence names ("the X mayor said", "20 km north of X"), else the article's main
        one (not for a sentence that names its country)."""
        from casualty.extract import where

        if not other:
            paragraph = self.sentences[index].paragraph
            city = where.THE_CITY.search(self.sentences[index].text) is not None
            for j in range(index - 1, -1, -1):
                if self.sentences[j].paragraph != paragraph and not city:
                    break
                found = self._own(j)[0]
                if found is not None and (not city or found.kind in ("city", "district")):
                    return found
        own = self._own(index)[0]
        if own is not None and own.kind == "country":
            # A sentence that names its country keeps it rather than take a town named in
            # another paragraph ("US strikes on a Yemeni port" is not the lead's Sanaa).
            return self._weak[index]
        return self._weak[index] or self.main_place()

    def main_place(self) -> Any:
        """The article's main incident place: the first place below country level a lead
        sentence names inside the article's main countries, else the first country."""
        main = set(self.countries()[:2])
        first = None
        for j in range(min(_LEAD, len(self.sentences))):
            found = self._own(j)[0]
            if found is not None and (not main or found.country in main):
                if found.kind != "country":
                    return found
                first = first or found
        return first

    # --- claims -----------------------------------------------------------------------------

    def locate(self, claim: Claim, index: int, position: int) -> Claim:
        """`claim` with its date, place and kind (claim or period_total) filled in."""
        return replace(claim, **self.placement(index, position))

    def placement(self, index: int, position: int) -> dict[str, Any]:
        """The fields `locate` fills in for a figure at `position` of sentence `index` (for
        callers that build the claim with them at once: a claim costs one construction)."""
        text = self.sentences[index].text
        changes: dict[str, Any] = {}
        cue = _PERIOD_CUE.search(text, max(0, position - _PERIOD_REACH), position + _PERIOD_REACH)
        total = cue is not None
        period = self.period(index, position) if total else None
        if total:
            changes["kind"] = "period_total"
        if period is not None:
            changes.update(date=period[0], date_end=period[1], date_precision=period[2])
        elif not total:
            ref = self.incident_date(index)
            if ref is not None:
                changes.update(date=ref.date, date_end=ref.date_end, date_precision=ref.precision)
            elif self.reference:
                changes.update(date=self.reference, date_precision="day")
        place = self.place(index)
        if place is not None:
            changes.update(
                location=place.name if place.kind != "country" else None,
                admin1=place.admin1,
                country=place.country,
                lat=place.lat if place.kind != "country" else None,
                lon=place.lon if place.kind != "country" else None,
            )
        return changes
