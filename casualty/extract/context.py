"""When and where a claim happened, and whether it is a period total, from its article.

Dates: the incident date of the claim's sentence, else of the nearest earlier sentence of the
same paragraph, else the article's first dated sentence, else the publication date. Places:
the most specific place named in the claim's sentence, else the first place of the lead.
Period totals: a period reference or cumulative wording ("since 2014", "so far this year",
"the total number") in the claim's sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Final

from casualty.extract.sentences import Sentence
from casualty.model import Claim, Document

_PERIOD_CUE: Final = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)|(?:the\s+)?(?:war|conflict|fighting|"
    r"campaign|operation|offensive|invasion|uprising)|\d{4}|january|february|march|april|may|"
    r"june|july|august|september|october|november|december)"
    r"|\bso\s+far\s+this\s+(?:year|month)|\bto\s+date\b|\bin\s+total\b|\bthe\s+total\s+number\b"
    r"|\b(?:total|cumulative|overall)\s+(?:death\s+)?(?:toll|number|tally)\b"
    r"|\b(?:during|throughout|over|in)\s+(?:the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:days|weeks|months|years)|the\s+(?:war|conflict)|(?:january|february|march|april|"
    r"june|july|august|september|october|november|december)\b(?!\s+\d))"
    r"|\bthis\s+(?:year|month)\b|\blast\s+(?:year|month)\b|\bin\s+\d{4}\b(?!\s*,)",
    re.IGNORECASE,
)
_KIND_RANK: Final = {"city": 0, "region": 1, "admin1": 2, "country": 3}


class ArticleContext:
    """Per-article caches of sentence dates and places, filled lazily."""

    def __init__(self, doc: Document, sentences: list[Sentence]) -> None:
        self.doc = doc
        self.sentences = sentences
        self._dates: dict[int, Any] = {}
        self._places: dict[int, list[tuple[int, int, Any]]] = {}
        self._countries: list[str] | None = None

    # --- dates ------------------------------------------------------------------------------

    def _date(self, index: int) -> Any:
        if index not in self._dates:
            from casualty.dates import incident_date

            self._dates[index] = incident_date(self.sentences[index].text, self.doc.published)
        return self._dates[index]

    def incident_date(self, index: int) -> Any:
        """The DateRef for sentence `index` by the fallback chain, or None."""
        ref = self._date(index)
        if ref is not None:
            return ref
        paragraph = self.sentences[index].paragraph
        for j in range(index - 1, -1, -1):
            if self.sentences[j].paragraph != paragraph:
                break
            ref = self._date(j)
            if ref is not None:
                return ref
        for j in range(len(self.sentences)):
            ref = self._date(j)
            if ref is not None:
                return ref
        return None

    def period(self, index: int) -> Any:
        """A period reference of sentence `index` (DateRef with `period`), or None."""
        from casualty.dates import find_dates

        text = self.sentences[index].text
        for ref in find_dates(text, self.doc.published):
            if ref.period and _PERIOD_CUE.search(text, max(0, ref.start - 40), ref.end + 1):
                return ref
        return None

    # --- places -----------------------------------------------------------------------------

    def _find_places(self, index: int) -> list[tuple[int, int, Any]]:
        if index not in self._places:
            from casualty.geo import gazetteer

            self._places[index] = gazetteer().find_places(
                self.sentences[index].text, self.countries()
            )
        return self._places[index]

    def countries(self) -> list[str]:
        """Countries named in the article's first sentences: context for ambiguous names."""
        if self._countries is None:
            self._countries = []
            from casualty.geo import gazetteer

            lead = " ".join(s.text for s in self.sentences[:4])
            for _, _, place in gazetteer().find_places(lead):
                if place.country not in self._countries:
                    self._countries.append(place.country)
        return self._countries

    def place(self, index: int) -> Any:
        """The most specific place of sentence `index`, else of the lead, else None."""
        order = [index, *range(min(3, len(self.sentences)))]
        for j in order:
            found = self._find_places(j)
            if found:
                return min(found, key=lambda f: (_KIND_RANK.get(f[2].kind, 9), f[0]))[2]
        return None

    # --- claims -----------------------------------------------------------------------------

    def locate(self, claim: Claim, index: int, position: int) -> Claim:
        """`claim` with its date, place and kind (claim or period_total) filled in."""
        text = self.sentences[index].text
        changes: dict[str, Any] = {}
        period = self.period(index)
        if period is not None or _PERIOD_CUE.search(text):
            changes["kind"] = "period_total"
        if period is not None:
            changes.update(
                date=period.date, date_end=period.date_end, date_precision=period.precision
            )
        else:
            ref = self.incident_date(index)
            if ref is not None:
                changes.update(date=ref.date, date_end=ref.date_end, date_precision=ref.precision)
            elif self.doc.published:
                changes.update(date=self.doc.published, date_precision="day")
        place = self.place(index)
        if place is not None:
            changes.update(
                location=place.name if place.kind != "country" else None,
                admin1=place.admin1,
                country=place.country,
                lat=place.lat if place.kind != "country" else None,
                lon=place.lon if place.kind != "country" else None,
            )
        return replace(claim, **changes)
