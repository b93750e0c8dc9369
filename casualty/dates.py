"""Dates in news text: publication dates, and incident dates resolved against them.

A casualty sentence rarely carries a full date: "on Thursday", "yesterday", "on Sept. 28",
"during August", "since 2014". `find_dates` finds such expressions with one linear-time
regular expression (no backtracking-prone nesting) and resolves each against the
publication date; `incident_date` picks the one that dates the incident a sentence reports.

Resolution rules (documented choices):

- A weekday is the most recent such day on or before publication: a Saturday story's
  "on Thursday" is two days earlier, a Thursday story's "on Thursday" the same day (but
  its "last Thursday" a week earlier). "Two days ago" counts back from publication.
- "Sept 28-29" and "28-29 September" give `date` and `date_end` at day precision; so does
  "last weekend" (Saturday and Sunday). "Between Sept 20 and 25" is a period of days.
  "Two weeks ago" is the week (from Monday) that many weeks before publication.
- "yesterday" and "last night" are the day before publication; "today", "this morning",
  "tonight" the publication day. "Overnight" is the night that ended on the publication day
  and resolves to that day: the day after midnight lies inside the night whichever side of
  midnight the incident fell, and news "overnight" attacks are mostly in the small hours.
  "Overnight into Sunday" (or "overnight Sunday") is that Sunday, by the same reasoning.
- A day and month without a year ("on Sept 28") take the publication year, or the year
  before when that would put the day after publication.
- "Last March", "in late March", "mid-March" (a capitalised month) are the time of one
  incident: that month, the year before when a "last" month is the publication's own.
- Periods ("during August", "in 2016", "since 2014", "so far this year", "last month",
  "this week", "since the war began") are returned with `period=True`; a period with no
  known start ("since the war began") has `date` and `date_end` set to the publication day
  and is skipped when there is none.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from casualty import rx


@dataclass(frozen=True, slots=True)
class DateRef:
    """One resolved date expression and where it stands in the text."""

    date: str  # YYYY-MM-DD; period start (publication day for an open-ended period)
    date_end: str | None  # period end, or the last day of a multi-day span
    precision: str  # "day" | "week" | "month" | "year"
    period: bool  # a period or cumulative span rather than one incident day
    start: int
    end: int


MONTHS: Final = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    )
} | {"sept": 9}
#: The weekday names, lower-case, Monday first as `date.weekday()` counts: the dates and the
#: extraction cue rules make their weekday patterns from it (word sets that mix weekdays with
#: other time words, in claimant_words, geo.mentions and cluster.features, still list them).
WEEKDAY_NAMES: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                         "sunday")  # fmt: skip
WEEKDAYS: Final = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
#: The weekday names as a regex group (compile it with IGNORECASE).
WEEKDAY_RE: Final = "(?:" + "|".join(WEEKDAY_NAMES) + ")"

# Only the spellings MONTHS holds: `sept?(?:ember)?` also matched the typo "Sepember", whose
# lookup raised KeyError (an internal error that stopped the run).
_MONTH_RE: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_RE: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE: Final = r"(?:19|20)\d\d"

#: What follows a month or "last week's" used as an attributive of one event ("a June
#: strike", "the March suicide bombing", "last month's attack"): one incident in that span.
BEFORE_EVENT: Final = (
    r"\s+(?:[a-z-]+\s+){0,2}(?:attacks?|(?:air\s?)?strikes?|airstrikes?|raids?|bombings?"
    r"|blasts?|explosions?|ambush(?:es)?|assaults?|massacres?|shelling|clash(?:es)?|killings?"
    r"|shootings?|bombardment|incursion|incident)\b"
)

# Alternatives are tried left to right at each position; each is a flat sequence of
# bounded pieces, so matching stays linear in the text length. The lookahead lists the first
# characters any alternative can start with, so most word starts are rejected at once.
_PATTERN_TEXT: Final = (
    r"\b(?=[0-9abdefijlmnopstwy])(?:"
    rf"(?P<iso>{_YEAR_RE})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)"
    rf"|(?:an?|the|that|its|their)\s+(?P<a_month>{_MONTH_RE})\.?(?:\s+(?P<a_year>{_YEAR_RE}))?"
    rf"(?={BEFORE_EVENT})"
    rf"|(?P<a_last>last|this)\s+(?P<a_unit>month|week)['’]s(?={BEFORE_EVENT})"
    rf"|(?P<period_kw>during|throughout|since|in|for|over|through(?:out)?)\s+"
    rf"(?:the\s+month\s+of\s+)?(?P<p_month>{_MONTH_RE})\.?(?:\s+(?P<p_month_year>{_YEAR_RE}))?"
    rf"(?!\.?\s+{_DAY_RE}\b)"
    rf"|(?P<since_year>since|in|during|throughout)\s+(?P<p_year>{_YEAR_RE})"
    rf"|(?:(?P<md_since>since)\s+)?"
    rf"(?P<md_month>{_MONTH_RE})\.?\s+(?P<md_day>{_DAY_RE})(?:\s?[-–]\s?(?P<md_day2>{_DAY_RE}))?"
    rf"\b(?:,?\s+(?P<md_year>{_YEAR_RE}))?"
    rf"|(?:(?P<dm_since>since)\s+)?(?P<dm_day>{_DAY_RE})(?:\s?[-–]\s?(?P<dm_day2>{_DAY_RE}))?\s+(?:of\s+)?"
    rf"(?P<dm_month>{_MONTH_RE})\b\.?(?:,?\s+(?P<dm_year>{_YEAR_RE}))?"
    # "last March", "in late March", "mid-March": that month as the time of an event (the
    # match starts at the month, as "late last month" does); "since late March" a period
    rf"|(?:(?P<pt_since>since)\s+(?:(?:last|late|early)\s|mid-\s?|mid\s)|(?<=\b(?P<pt_last>last)\s)"
    rf"|(?<=\blate\s)|(?<=\bearly\s)|(?<=\bmid-)|(?<=\bmid\s))(?P<pt_month>{_MONTH_RE})\b\.?"
    rf"(?:,?\s+(?P<pt_year>{_YEAR_RE}))?(?!\.?\s+{_DAY_RE}\b)"
    rf"|(?:(?P<wd_last>last)\s+|overnight\s+(?:(?:into|to|on)\s+)?)?(?P<weekday>{WEEKDAY_RE})"
    r"(?:\s+(?P<wd_part>morning|afternoon|evening|night))?"
    r"|(?P<ago_n>\d{1,2}|a|one|two|three|four|five|six|seven|ten)\s+(?P<ago_unit>days?|weeks?)"
    r"\s+ago"
    r"|(?P<weekend>(?:last|this|over\s+the)\s+weekend)"
    rf"|between\s+(?P<bt_month>{_MONTH_RE})\.?\s+(?P<bt_day>{_DAY_RE})\s+and\s+"
    rf"(?:(?P<bt_month2>{_MONTH_RE})\.?\s+)?(?P<bt_day2>{_DAY_RE})\b"
    r"|(?P<rel>yesterday|today|tonight|last\s+night|overnight|this\s+morning"
    r"|this\s+(?:week|month|year)|last\s+(?:week|month|year)|past\s+(?:week|month|year)"
    r"|so\s+far\s+this\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)"
    r"|since\s+the\s+(?:start|beginning|outbreak)\s+of\s+the\s+(?:war|conflict|year|month)"
    r"|since\s+the\s+(?:war|conflict|invasion|fighting)\s+(?:began|started|erupted|broke\s+out))"
    r")\b"
)
_PATTERN: Final = rx.compile(_PATTERN_TEXT, re.IGNORECASE)
#: The same pattern for lower-cased text: case-sensitive matching is several times faster.
_PATTERN_LOW: Final = rx.compile(_PATTERN_TEXT)
_SMALL_NUMBERS: Final = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}


def _iso(value: date) -> str:
    return value.isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_before(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _month_day(published: date | None, month: int, day: int, year: int | None) -> date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if published is None:
        return None
    found = _safe_date(published.year, month, day)
    if found is not None and found > published:
        found = _safe_date(published.year - 1, month, day)
    return found


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_named(name: str, year: str | None, pub: date | None) -> tuple[date, date] | None:
    """The first and last days of the month `name` of `year`, or when no year is written of
    the last such month up to `pub` ("a June strike" in a March story: last June)."""
    month = MONTHS[name]
    if year:
        return _month_span(int(year), month)
    if pub is None:
        return None
    return _month_span(pub.year if month <= pub.month else pub.year - 1, month)


def _in_calendar(groups: dict[str, Any], start: int, end: int, pub: date | None) -> DateRef | None:
    """`_resolve`, or None when the day it reckons falls outside years 1-9999: "yesterday"
    in an article published 0001-01-01 (a placeholder date some exporters write) raised
    OverflowError, an internal error that stopped the run."""
    try:
        return _resolve(groups, start, end, pub)
    except (OverflowError, ValueError):
        return None


def find_dates(text: str, published: str | None) -> list[DateRef]:
    """Every date expression in `text`, resolved against the publication date where needed.

    Expressions that need a publication date (weekdays, "yesterday", a month without a
    year) are skipped when `published` is None or unparseable.
    """
    pub = _publication(published) if published else None
    out: list[DateRef] = []
    low = _lowered(text)
    if low is not None:
        # Matched on the lower-cased text, every group is already its folded key (ASCII
        # words, digits and spaces): `_fold` would return each unchanged.
        for m in _PATTERN_LOW.finditer(low):
            if _lower_month(m, text):
                continue
            ref = _in_calendar(m.groupdict(), m.start(), m.end(), pub)
            if ref is not None:
                out.append(ref)
        return out
    for m in _PATTERN.finditer(text):
        if _lower_month(m, text):
            continue
        ref = _in_calendar(_folded_groups(m), m.start(), m.end(), pub)
        if ref is not None:
            out.append(ref)
    return out


def _lower_month(m: re.Match[str], text: str) -> bool:
    """Whether a "last/late/mid" month match is a lower-case word ("their last march", "the
    last may be"): a noun or a verb, no month. Only the written case tells, so both passes
    (the lower-cased text's and the text's own) check `text`."""
    return bool(m.group("pt_month")) and not text[m.start("pt_month")].isupper()


@functools.lru_cache(maxsize=256)
def _publication(published: str) -> date | None:
    """`published` as a date, None when it is no ISO date (articles share a few days)."""
    return date.fromisoformat(published) if _is_iso(published) else None


def _lowered(text: str) -> str | None:
    """`text` lower-cased when that keeps every offset and every case-insensitive match (not
    so for "İ", which lower-cases to two characters, nor for "ı" and "ſ", which IGNORECASE
    equates with "i" and "s"); else None."""
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        return None
    return low


def _fold(word: str) -> str:
    """A matched word as the lower-case key IGNORECASE matched it by ("ſept" is "sept")."""
    return word.lower().replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")


def _is_iso(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _folded_groups(m: re.Match[str]) -> dict[str, Any]:
    """The named groups of a match of the case-insensitive pattern, as lower-case keys."""
    return {key: _fold(value) if value else value for key, value in m.groupdict().items()}


def _resolve(g: dict[str, Any], s: int, e: int, pub: date | None) -> DateRef | None:
    """The DateRef of one match (its groups as folded keys, its span) against `pub`."""

    def day(d: date | None) -> DateRef | None:
        return DateRef(_iso(d), None, "day", False, s, e) if d else None

    if g["iso"]:
        return day(_safe_date(int(g["iso"]), int(g["iso_m"]), int(g["iso_d"])))
    for prefix in ("md", "dm"):
        if g[f"{prefix}_month"]:
            year = int(g[f"{prefix}_year"]) if g[f"{prefix}_year"] else None
            month = MONTHS[g[f"{prefix}_month"]]
            first = _month_day(pub, month, _num(g[f"{prefix}_day"]), year)
            if first is None:
                return None
            if g[f"{prefix}_since"] and pub is not None and pub >= first:
                # "since Oct. 7", "since 7 October": a period from that day to publication
                return DateRef(_iso(first), _iso(pub), "day", True, s, e)
            last = None
            if g[f"{prefix}_day2"]:
                # "Sept 28-29", "28-29 September": the span of days, in the same month.
                last = _safe_date(first.year, month, _num(g[f"{prefix}_day2"]))
                last = last if last is not None and last > first else None
            return DateRef(_iso(first), _iso(last) if last else None, "day", False, s, e)
    if g["a_month"]:
        # "a June strike": that month, one incident (no span of several)
        span = _month_named(g["a_month"], g["a_year"], pub)
        return DateRef(_iso(span[0]), _iso(span[1]), "month", False, s, e) if span else None
    if g["a_unit"] and pub is not None:
        # "last month's bombing", "this week's raid": one incident in that month or week
        ref = _relative(f"{g['a_last']} {g['a_unit']}", pub, s, e)
        return DateRef(ref.date, ref.date_end, ref.precision, False, s, e) if ref else None
    if g["p_month"] or g["pt_month"]:
        named = (g["p_month"], g["p_month_year"]) if g["p_month"] else (g["pt_month"], g["pt_year"])
        if g["pt_last"] and not named[1] and pub is not None and MONTHS[named[0]] == pub.month:
            named = (named[0], str(pub.year - 1))  # "last March" in a March story: a year ago
        span = _month_named(*named, pub)
        if span is None:
            return None
        first, last = span
        if g["period_kw"] == "since" or g["pt_since"]:
            last = pub if pub is not None and pub >= first else last
        # "last March", "in late March": a time, as "a June strike" (no span a toll counts over)
        period = not g["pt_month"] or bool(g["pt_since"])
        return DateRef(_iso(first), _iso(last), "month", period, s, e)
    if g["p_year"]:
        year = int(g["p_year"])
        last = date(year, 12, 31)
        if g["since_year"] == "since" and pub is not None and pub.year >= year:
            last = pub
        return DateRef(f"{year}-01-01", _iso(last), "year", True, s, e)
    if pub is None:
        return None
    if g["weekday"]:
        found = _weekday_before(pub, WEEKDAYS[g["weekday"]])
        if g["wd_last"] and found == pub:
            found -= timedelta(days=7)  # "last Thursday" in a Thursday story
        return day(found)
    if g["ago_n"]:
        n = g["ago_n"]
        count = int(n) if n.isdigit() else _SMALL_NUMBERS[n]
        if g["ago_unit"].startswith("week"):
            back = pub - timedelta(days=7 * count)
            return DateRef(_iso(back - timedelta(days=back.weekday())), None, "week", False, s, e)
        return day(pub - timedelta(days=count))
    if g["weekend"]:
        # The Saturday and Sunday on or before publication ("last weekend" in a Sunday
        # story is the weekend before).
        sunday = _weekday_before(pub, 6)
        if g["weekend"].startswith("last") and sunday == pub:
            sunday -= timedelta(days=7)
        saturday = sunday - timedelta(days=1)
        return DateRef(_iso(saturday), _iso(sunday), "day", False, s, e)
    if g["bt_month"]:
        month = MONTHS[g["bt_month"]]
        month2 = MONTHS[g["bt_month2"]] if g["bt_month2"] else month
        first = _month_day(pub, month, _num(g["bt_day"]), None)
        last = _month_day(pub, month2, _num(g["bt_day2"]), None)
        if first is None or last is None or last < first:
            return None
        return DateRef(_iso(first), _iso(last), "day", True, s, e)
    rel = " ".join(g["rel"].split())
    return _relative(rel, pub, s, e)


def _relative(rel: str, pub: date, s: int, e: int) -> DateRef | None:
    if rel in ("yesterday", "last night"):
        return DateRef(_iso(pub - timedelta(days=1)), None, "day", False, s, e)
    if rel in ("today", "tonight", "this morning", "overnight"):
        return DateRef(_iso(pub), None, "day", False, s, e)
    unit = rel.rsplit(" ", 1)[-1]
    if rel.startswith("since the"):
        if unit in ("year", "month"):
            first = pub.replace(month=1, day=1) if unit == "year" else pub.replace(day=1)
            return DateRef(_iso(first), _iso(pub), unit, True, s, e)
        return DateRef(_iso(pub), _iso(pub), "year", True, s, e)
    if rel.startswith("last ") or rel.startswith("past "):
        if unit == "week":
            return DateRef(_iso(pub - timedelta(days=7)), _iso(pub), "week", True, s, e)
        if unit == "month":
            if rel.startswith("past "):
                return DateRef(_iso(pub - timedelta(days=30)), _iso(pub), "month", True, s, e)
            prev = pub.replace(day=1) - timedelta(days=1)
            first, last = _month_span(prev.year, prev.month)
            return DateRef(_iso(first), _iso(last), "month", True, s, e)
        if rel.startswith("past "):
            return DateRef(_iso(pub - timedelta(days=365)), _iso(pub), "year", True, s, e)
        return DateRef(f"{pub.year - 1}-01-01", f"{pub.year - 1}-12-31", "year", True, s, e)
    # this week / so far this year / earlier this month
    if unit == "week":
        first = pub - timedelta(days=pub.weekday())
        return DateRef(_iso(first), _iso(pub), "week", True, s, e)
    if unit == "month":
        return DateRef(_iso(pub.replace(day=1)), _iso(pub), "month", True, s, e)
    return DateRef(_iso(pub.replace(month=1, day=1)), _iso(pub), "year", True, s, e)


def _num(day: str) -> int:
    return int(_NON_DIGITS.sub("", day))


_NON_DIGITS: Final = rx.compile(r"\D")


def incident_date(text: str, published: str | None) -> DateRef | None:
    """The single date that best dates the incident a claim sentence reports, or None.

    Day-precision expressions win over periods; among them the first in the sentence.
    A date after publication is ignored. None means the caller should fall back to the
    publication date with lower confidence.
    """
    refs = find_dates(text, published)
    if published:
        refs = [r for r in refs if r.date <= published]
    days = [r for r in refs if not r.period and r.precision == "day"]
    if days:
        return days[0]
    return refs[0] if refs else None
