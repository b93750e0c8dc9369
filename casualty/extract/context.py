"""When and where a claim happened, and whether it is a period total, from its article.

Dates: the incident date of the claim's sentence, else of the nearest earlier dated sentence
of the same paragraph (an anaphoric "the attack" takes its antecedent's date, however old),
else of the article's first dated sentence that reports violence (within a week of
publication), else the day of the claim's own statement ("said on Sunday"), else the earliest
statement day of the article, else the publication date: nothing is reported before it
happens, so a statement day bounds the incident more tightly than publication. Places
(see `casualty.extract.placing` for the places that are not an incident's): the most specific
place named in the claim's sentence, else of its paragraph's earlier sentences, else of the
lead.
Period totals: a period reference or cumulative wording ("since 2014", "so far this year",
"the total number") in the claim's sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Final

from casualty import rx
from casualty.extract.datelines import DATELINE_HEAD
from casualty.extract.lexicon import case_free, lexicon
from casualty.extract.period_cues import PERIOD_CUE, period_cue
from casualty.extract.place_cues import OTHER_INCIDENT as _OTHER_INCIDENT
from casualty.extract.place_cues import after_separate, earlier, other_item
from casualty.extract.sentences import Sentence
from casualty.model import Claim, Document

#: Sentences shorter than this (datelines, bylines) are not used to date incidents.
_MIN_DATED_WORDS: Final = 6
#: A short sentence that is a clause telling when the incident was ("The attack happened on
#: Friday.", "The incident occurred late Sunday."): no dateline or byline, so it is dated.
_EVENT_CLAUSE: Final = rx.compile(r"\b(?:happened|occurred|took\s+place)\b", re.IGNORECASE)
#: How old a date taken from another sentence may be, in days before publication.
_BORROW_DAYS: Final = 7
#: How old an attack referred back to ("the blast") may be and still be the one meant.
_ANAPHOR_DAYS: Final = 365
#: Words of violence that make a sentence fit to date the article's incident.
_VIOLENCE: Final = case_free(
    r"\b(?:attack|strike(?!\s+(?:group|force|aircraft|fighter|package))|struck|bomb|shell|"
    r"raid|clash|fight|blast|explo|missile|rocket|drone|airstrike|ambush|assault|offensive|"
    r"fired|gunmen|gunfire|massacre|the\s+incident)"
)
#: A definite reference back to an attack already told ("in the attack", "the strikes").
_ANAPHOR: Final = rx.compile(
    r"\b(?:the|that|this|these)\s+(?:attacks?|strikes?|airstrikes?|raids?|bombings?|blasts?|"
    r"explosions?|assaults?|ambush|shelling)\b(?!\s+(?:group|force|aircraft|fighter))",
    re.IGNORECASE,
)
#: "came a day after", "comes two days after": what follows happened that many days earlier.
_DAYS_AFTER: Final = rx.compile(
    r"(?:\b(?:came|comes|come|follows|followed)\s+(?:just\s+|only\s+)?|,\s+|\s[-–—]\s+)"
    r"(a|one|two|three)\s+days?\s+after\b",
    re.IGNORECASE,
)
#: A toll's own event right after it ("were killed when gunmen raided / a bomb hit ..."),
#: and a bare "last month" or "this year" that then only dates it.
_ONE_EVENT: Final = rx.compile(
    r"[^.;:]{0,40}?\b(?:killed|died|dead|wounded|injured)\s+when\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?:raided|attacked|stormed|struck|hit|opened\s+fire|detonated|exploded|blew)\b",
    re.IGNORECASE,
)
_LAST_MONTH: Final = rx.compile(r"\b(?:last|this)\s+(?:month|year)\b(?!['’])", re.IGNORECASE)
_DAYS_BACK: Final = {"a": 1, "one": 1, "two": 2, "three": 3}


def _days_before(changes: dict[str, Any], days: int) -> dict[str, Any]:
    """`changes`' day-precision date moved `days` earlier (other precisions stay)."""
    from datetime import date, timedelta

    if changes.get("date_precision") != "day" or changes.get("date_end"):
        return {}
    try:
        day = date.fromisoformat(changes["date"]) - timedelta(days=days)
    except (ValueError, OverflowError):  # before year 1 (a 0001-01-01 placeholder date)
        return {}
    return {"date": day.isoformat()}


#: How much of an article is scanned for its main countries.
_CONTEXT_CHARS: Final = 4000


class ArticleContext:
    """Per-article caches of sentence dates and places, filled lazily."""

    def __init__(self, doc: Document, sentences: list[Sentence]) -> None:
        self.doc = doc
        self.sentences = sentences
        self._dates: dict[int, tuple[Any, Any]] = {}
        self._dated: dict[int, Any] = {}
        self._anaphor: dict[int, tuple[int | None, Any]] = {}
        #: (the article's first recent violent date, the sentence it is in), once found.
        self._lead_date: tuple[Any, int] | None = None
        self._first_report: tuple[Any] | None = None
        self._reference: tuple[str | None] | None = None
        self._parties: tuple[str | None, str | None] | None = None
        self._placer: Any = None

    def parties(self, registry: Any) -> tuple[str | None, str | None]:
        """The article's main state and non-state parties (found on first need)."""
        if self._parties is None:
            from casualty.extract.victims import article_parties

            self._parties = article_parties(registry, self.doc.text, self.countries())
        return self._parties

    def countries(self) -> tuple[str, ...]:
        """Every country the article names a place in, most named first."""
        return tuple(self._places().countries())

    def _places(self) -> Any:
        """The article's `ArticlePlaces`, built on first need."""
        if self._placer is None:
            from casualty.extract.placing import ArticlePlaces

            self._placer = ArticlePlaces(self.doc.text, self.sentences, DATELINE_HEAD)
        return self._placer

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
            short = len(text.split()) < _MIN_DATED_WORDS and not _EVENT_CLAUSE.search(text)
            if index == 0:
                head = DATELINE_HEAD.match(text)
                cut = max(head.end() if head else 0, dateline_end(text, self.doc.published))
                text = " " * cut + text[cut:]
            self._dates[index] = (
                (None, None) if short else sentence_dates(text, self.reference, self._latest())
            )
        return self._dates[index]

    def _year(self, text: str, position: int) -> Any:
        """The year in the figure's own clause ("kidnapped in 2019"), when the sentence has
        no date of its own: it dates the figure, not a day borrowed from the lead."""
        from casualty.extract.when import year_of_figure

        return year_of_figure(text, position, self.reference)

    def _figure_day(self, text: str, position: int) -> Any:
        """The day written right after the figure ("killed 30 on Monday and 12 on Tuesday")."""
        from casualty.extract.when import figure_day

        return figure_day(text, position, self.reference, self._latest())

    def _own_day(self, index: int) -> bool:
        """Whether sentence `index` dates its incident to a day of its own ("on Monday")."""
        own = self._date(index)[0]
        return own is not None and own.precision == "day"

    def incident_date(self, index: int) -> Any:
        """The DateRef for sentence `index` by the fallback chain, or None."""
        own, said = self._date(index)
        if own is not None:
            return own
        ref = earlier(self.sentences, index, self._dated, lambda j: self._date(j)[0])
        if ref is not None:
            return ref
        # "the blast" of a paragraph refers back to the attack told just before; one over a
        # year old ("the site of the October 2017 bombing") is history told in passing when
        # the article has a recent incident of its own: that one is meant.
        back = self._paragraph_before(index)
        if back is not None and self._recent(back, _ANAPHOR_DAYS):
            return back
        if self._lead_date is None:
            dated = (self._date(j)[0] for j in range(len(self.sentences)))
            self._lead_date = next(
                ((r, j) for j, r in enumerate(dated) if r and self._recent(r) and self._violent(j)),
                (None, 0),
            )
        lead, at = self._lead_date
        if lead is not None and at > index and other_item(self.sentences[at].text):
            # "..., state media reported on Sunday. [...] On Friday, five were killed in ...":
            # a later item opened by its own day, with a toll of its own, is another
            # incident; the report's day (this sentence's, else the last before) dates this.
            said = next((d for j in range(index, -1, -1) if (d := self._date(j)[1])), said)
            if said is not None:
                return said
        # Without a publication date no date can be told recent: one stated only further on
        # ("since the army seized power on Feb. 1, 2021") is background, not this incident's.
        if lead is not None and (self.reference is not None or at <= index):
            return lead
        if back is not None:
            return back
        if said is not None:
            return said
        if self._first_report is None:
            reports = [r for j in range(len(self.sentences)) if (r := self._date(j)[1]) is not None]
            reports = [r for r in reports if self._recent(r)]
            self._first_report = (min(reports, key=lambda r: r.date) if reports else None,)
        return self._first_report[0]

    def _paragraph_before(self, index: int) -> Any:
        """The date of the last dated sentence of the paragraph just before, when the
        paragraph of sentence `index` (up to it) has no date and refers back to an attack with
        a definite "the attack" / "the strikes": the antecedent it names."""
        sentences = self.sentences
        para = sentences[index].paragraph
        if para not in self._anaphor:
            # Per paragraph, once: its first sentence with an anaphor, the date before it.
            first = index
            while first > 0 and sentences[first - 1].paragraph == para:
                first -= 1
            last = first
            while last + 1 < len(sentences) and sentences[last + 1].paragraph == para:
                last += 1
            hit = next(
                (j for j in range(first, last + 1) if _ANAPHOR.search(sentences[j].text)), None
            )
            if hit is None and after_separate(sentences, first):
                hit = first  # "In a separate incident, ... on Saturday night." then its toll
            before = None
            j = first - 1
            while hit is not None and before is None and j >= 0:
                if sentences[j].paragraph != para - 1:
                    break
                before = self._date(j)[0]
                j -= 1
            self._anaphor[para] = (hit, before)
        hit, before = self._anaphor[para]
        return before if hit is not None and hit <= index else None

    def _violent(self, index: int) -> bool:
        """Whether sentence `index` reports violence (an attack or a casualty word) and is not
        marked as about another incident ("separately", "elsewhere", "a similar attack")."""
        text = self.sentences[index].text
        if _OTHER_INCIDENT.search(text) is not None:
            return False
        return _VIOLENCE.search(text) is not None or lexicon().quick.search(text) is not None

    def _recent(self, ref: Any, days: int = _BORROW_DAYS) -> bool:
        """A borrowed date must be close to publication: older ones date background events."""
        reference = self.reference
        if not reference or ref.date is None:
            return True
        from datetime import date

        try:
            gap = date.fromisoformat(reference) - date.fromisoformat(ref.date)
        except ValueError:
            return True
        return gap.days <= days

    def _periods(self, index: int) -> list[tuple[int, int, str | None, str | None, str]]:
        """Period references of sentence `index`: (start, end, date, date_end, precision)."""
        from casualty.dates import find_dates
        from casualty.extract.when import year_spans

        text = self.sentences[index].text
        published = self.reference
        refs = [
            r
            for r in find_dates(text, published) + year_spans(text)  # "between 2015 and 2018"
            if r.period and PERIOD_CUE.search(text, max(0, r.start - 40), r.end + 1)
        ]
        refs.sort(key=lambda r: r.start)
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

    def period(
        self, index: int, position: int, dated: bool = False
    ) -> tuple[str | None, str | None, str] | None:
        """The period a figure at `position` counts over: the nearest period reference of its
        sentence, else one stated in the next two sentences ("during August, ..."), unless the
        sentence is `dated` to a day of its own (an aggregate of that day: `placement`)."""
        near = [
            (abs(p[0] - position), p) for p in self._periods(index) if abs(p[0] - position) < 120
        ]
        if near:
            best = min(near)[1]
            return best[2], best[3], best[4]
        if dated:
            return None
        paragraph_end = min(index + 3, len(self.sentences))
        for j in range(index + 1, paragraph_end):
            found = self._periods(j)
            if found:
                return found[0][2], found[0][3], found[0][4]
        return None

    # --- places -----------------------------------------------------------------------------

    def place(self, index: int) -> Any:
        """Where the incident of sentence `index` happened (`ArticlePlaces.place`)."""
        return self._places().place(index)

    def place_at(self, index: int, position: int) -> Any:
        """Where the figure at `position` of sentence `index` happened
        (`ArticlePlaces.place_at`)."""
        self.place(index)
        assert self._placer is not None
        return self._placer.place_at(index, position)

    # --- claims -----------------------------------------------------------------------------

    def locate(self, claim: Claim, index: int, position: int) -> Claim:
        """`claim` with its date, place and kind (claim or period_total) filled in."""
        return replace(claim, **self.placement(index, position))

    def placement(self, index: int, position: int) -> dict[str, Any]:
        """The fields `locate` fills in for a figure at `position` of sentence `index` (for
        callers that build the claim with them at once: a claim costs one construction)."""
        text = self.sentences[index].text
        changes: dict[str, Any] = {}
        cue = period_cue(text, position)
        # A war's start near a figure of a day's incident is background ("Boko Haram, which
        # began its insurgency in 2009, killed 12 farmers on Monday"), no period's total.
        total = cue == "period" or (cue == "war" and not self._own_day(index))
        period = self.period(index, position, self._own_day(index)) if total else None
        if total and not (
            _ONE_EVENT.match(text, position, position + 80) and _LAST_MONTH.search(text)
        ):  # "Last month, 53 were killed when bandits raided ...": one raid, dated last month
            changes["kind"] = "period_total"
        if period is None and total:
            own = self._date(index)[0]
            if own is not None and own.precision == "day":
                # An aggregate of one day ("a wave of bombings on Saturday killed 27").
                period = (own.date, own.date_end, own.precision)
        if period is not None:
            changes.update(date=period[0], date_end=period[1], date_precision=period[2])
        elif not total:
            ref = (
                self._figure_day(text, position)
                or self._date(index)[0]
                or self._year(text, position)
                or self.incident_date(index)
            )
            if ref is not None:
                changes.update(date=ref.date, date_end=ref.date_end, date_precision=ref.precision)
            elif self.reference:
                changes.update(date=self.reference, date_precision="day")
            back = _DAYS_AFTER.search(text, 0, position) if "after" in text else None
            own = self._date(index)[0] if back is not None else None
            if (
                back is not None
                and changes.get("date")
                and (own is None or own.end <= back.start())
            ):
                # "The attack came a day after a strike killed two", "... on Tuesday, a day
                # after rebels killed 20": that strike is older than the sentence's own day.
                changes.update(_days_before(changes, _DAYS_BACK[back.group(1).lower()]))
        place = self.place_at(index, position)
        if place is not None:
            changes.update(
                location=place.name if place.kind not in ("country", "admin1") else None,
                admin1=place.admin1,
                country=place.country,
                lat=place.lat if place.kind != "country" else None,
                lon=place.lon if place.kind != "country" else None,
            )
        return changes
