"""Which date in a sentence dates its incident, which dates only a report, and the day an
article speaks from.

A news sentence often carries two kinds of date: the day something happened ("an air strike
on Thursday killed 12") and the day someone said so ("a monitor said on Friday"). The first
dates the incident; the second only bounds it (nothing is reported before it happens), so it
is kept apart as a weaker fallback. Weekday words are resolved against the article's
reference day: its dateline's date when the body opens with one ("KYIV, Oct. 12", "MOSCOW
(Agency - 4th October, 2020)"), else the publication date.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Final

from casualty import rx
from casualty.dates import MONTHS, WEEKDAY_RE, DateRef, find_dates

#: Words that say who reported something, or that a toll was updated: a date right after
#: them dates the report ("said on Friday", "speaking on Friday", "rose to 30 on Friday"),
#: as does "as of" ("as of May 28, 20 remained in hospital": the day the count holds).
#: The lookahead holds the letters the words open with: it lets a position that opens none
#: fail before the alternation is tried (the search takes half the time).
_SPEECH: Final = rx.compile(
    r"\b(?=[abcdimpqrstuw])"
    r"(?:as\s+of|said|says|say|told|tells|announced|announces|reported|reports|stated|added|"
    r"adds|confirmed|confirms|claimed|claims|denied|denies|wrote|writes|tweeted|posted|warned|"
    r"statement|update|briefing|interview|speaking|according\s+to|reference\s+to|citing|quoted|"
    r"(?:rose|risen|climbed|reached|increased|mounted)\s+(?:to\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+)?\d[\d,.]*)\b",
    re.IGNORECASE,
)
#: Speech verbs that follow the date of their own report: "the ministry on Friday said".
_SPEECH_AFTER: Final = rx.compile(
    r"\s*(?:said|says|announced|reported|stated|added|confirmed|claimed|denied|wrote|tweeted)\b",
    re.IGNORECASE,
)
#: An act of violence right after a date: the date is its clause's ("the governor said raiders
#: on May 9 stormed a camp"), not the statement's.
_ACT_AFTER: Final = rx.compile(
    r"\s*(?:attacked|killed|stormed|raided|ambushed|shot|abducted|kidnapped|bombed|struck"
    r"|invaded|shelled|opened\s+fire)\b",
    re.IGNORECASE,
)
#: An attack named right after a day, whose day it is: "the Sunday raid", "Monday's strikes".
_ATTACK_AFTER: Final = rx.compile(
    r"(['’]s)?\s+(?:(?:night|morning|evening|afternoon|dawn|overnight)\s+)?(?:air\s*)?"
    r"(?:raids?|strikes?|attacks?|bombings?|blasts?|explosions?|shelling|assaults?|ambush)\b",
    re.IGNORECASE,
)
_DETERMINER: Final = rx.compile(r"\b(?:the|a|an|this|that)\s+$", re.IGNORECASE)
#: Words that open a clause of their own or name an event: a date after them dates that
#: clause or event ("said 12 people were killed on Friday", "said the strike on Friday"),
#: not the report.
_CLAUSE: Final = rx.compile(
    r"\b(?:that|who|which|when|where|after|before|while|and|but|were|was|is|are|been|being|"
    r"had|has|"
    r"have|went|blew|killed|killing|died|dying|dead|wounded|wounding|injured|injuring|hurt|"
    r"struck|hit|attacked|fired|launched|exploded|detonated|bombed|shelled|stormed|raided|"
    r"ambushed|clashed|targeted|fell|left|took|began|broke|lives|life|attacks?|strikes?|raids?|"
    r"bombings?|blasts?|explosions?|shelling|assaults?|ambush|clashes|fighting|incident)\b"
    r"|[\"“”;!?]",
    re.IGNORECASE,
)
#: What may stand between a clause boundary and a date that opens the clause ("Late on").
_OPENER: Final = rx.compile(
    r"(?:^|[,;:(—–]|\s-)\s*(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$", re.IGNORECASE
)
#: What may stand between a weekday and the calendar date it names.
_APPOSITION: Final = rx.compile(r"[\s,(]{1,3}")
_WEEKDAY_WORD: Final = rx.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
#: How far (characters) a speech word may stand from the date of its report.
_SPEECH_REACH: Final = 80
#: A body that opens with a dateline ("BEIRUT, Sept 17 (Reuters) -", "BAKU, Azerbaijan,").
_DATELINE_START: Final = rx.compile(r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}\s*[,(:—–-]")
#: Words a time stamp may hold besides its date: zone and weekday abbreviations, am/pm.
_STAMP_WORD: Final = rx.compile(r"[A-Z]{1,5}|[A-Z][a-z]{2}|[ap]\.?m\.?")
_WORD: Final = rx.compile(r"[^\W\d_]+(?:\.[ap]\.?)?")
#: Two lower-case words in a row: running prose, which a dateline's head never holds.
_CLAUSE_WORDS: Final = rx.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\b")
#: How far (days) a dateline's date may stand from the publication date and still be used.
_DATELINE_DAYS: Final = 2


def is_report_date(text: str, ref: DateRef) -> bool:
    """True when `ref` dates a statement rather than an incident.

    A date right after a speech word, with no clause in between ("the army said in a
    statement on Friday", "with reference to the prosecutor on Oct. 12"), or a date that
    opens a clause whose verb is a speech verb ("On Sunday, the group said ...", "the
    ministry on Friday said"). A date after a clause of its own ("said 12 people were killed
    on Friday") dates that clause.
    """
    attack = _ATTACK_AFTER.match(text, ref.end)
    if attack and (attack.group(1) or _DETERMINER.search(text, max(0, ref.start - 6), ref.start)):
        return False  # "the toll of the Sunday morning raid", "Monday's strikes": their day
    before = text[max(0, ref.start - _SPEECH_REACH) : ref.start]
    last = None
    for last in _SPEECH.finditer(before):  # noqa: B007 - the last speech word is wanted
        pass
    if last is not None and _CLAUSE.search(before, last.end()) is None:
        return _ACT_AFTER.match(text, ref.end) is None
    if _SPEECH_AFTER.match(text, ref.end):
        return True
    if _OPENER.search(before) is None:
        return False
    after = text[ref.end : ref.end + _SPEECH_REACH]
    speech = _SPEECH.search(after)
    return speech is not None and _CLAUSE.search(after, 0, speech.start()) is None


@functools.lru_cache(maxsize=4096)
def sentence_dates(
    text: str, reference: str | None, latest: str | None
) -> tuple[DateRef | None, DateRef | None]:
    """(incident date, report date) of one sentence, either None.

    The incident date is the first day-precision date that is neither a period nor a
    report's date, else a coarser one ("in November"); the report date is the first date of
    a statement. Dates after `latest` (the article's last possible day) are ignored.
    Memoised (a pure function of its arguments): wire copy and follow-up stories repeat
    sentences word for word.
    """
    events: list[DateRef] = []
    reports: list[DateRef] = []
    refs = find_dates(text, reference)
    for i, ref in enumerate(refs):
        if latest and ref.date > latest:
            continue
        if ref.period and not _named_month(text, ref) and not _event_week(text, ref):
            continue
        if i + 1 < len(refs) and _appositive(text, ref, refs[i + 1]):
            continue  # "Saturday, November 16": the calendar date is the one to trust
        # "Last week, the army said ...": a week's statement dates its incident to that
        # week at the latest, closer than a day borrowed from the article's lead.
        report = is_report_date(text, ref) and not _event_week(text, ref)
        report = report and not _month_part(text, ref)
        if not report and reference and _LAST_WEEK.match(text, ref.start, ref.end):
            ref = _last_week(ref, reference)
        (reports if report else events).append(ref)
    days = [r for r in events if r.precision == "day"]
    # "the group, whose attack last week killed 300, called on Tuesday for ...": a week named
    # as the time of an attack dates that attack; the weekday after it dates another clause.
    named = [
        r
        for r in events
        if _event_week(text, r) and _ATTACK_BEFORE.search(text, max(0, r.start - 30), r.start)
    ]
    event = named[0] if named else days[0] if days else (events[0] if events else None)
    if event is None and reference:
        event = _weeks_before(text, reference)
    said = next((r for r in reports if r.precision == "day" and not r.period), None)
    return event, said


#: "This attack comes just weeks after X", "The raid came days after X": a short subject
#: (the article's own incident) and what follows "after" is older by days, weeks or months.
_WEEKS_AFTER: Final = rx.compile(
    r"^[^,;:\d]{0,50}?\b(?:came|comes|come)\s+(?:just\s+|only\s+|barely\s+|a\s+few\s+|"
    r"several\s+|some\s+)?(days|weeks|months)\s+after\b",
    re.IGNORECASE,
)
#: The days before the reference day that "weeks after" / "months after" may reach.
_WEEKS_BACK: Final = {"days": (10, 2), "weeks": (63, 8), "months": (365, 28)}


def _weeks_before(text: str, reference: str) -> DateRef | None:
    """The window "comes weeks (months) after X" puts X in, before `reference`; else None."""
    found = _WEEKS_AFTER.search(text)
    if found is None:
        return None
    from datetime import timedelta

    # "weekſ" (long s) matches under IGNORECASE but is no key: read the unit by its start.
    unit = next(u for u in ("days", "weeks", "months") if found.group(1).lower()[0] == u[0])
    try:
        day = date.fromisoformat(reference)
        first, last = (day - timedelta(days=n) for n in _WEEKS_BACK[unit])
    except (ValueError, OverflowError):  # before year 1 (a 0001-01-01 placeholder date)
        return None
    precision = "month" if unit == "months" else "week"  # "days after": within the week
    return DateRef(first.isoformat(), last.isoformat(), precision, False, *found.span(1))


def _appositive(text: str, weekday: DateRef, nxt: DateRef) -> bool:
    """A weekday followed by the calendar date it names ("Saturday, November 16",
    "Tuesday (Oct 17)"); the weekday alone would be resolved to the wrong week when the
    story was published more than a week later."""
    return (
        nxt.precision == "day"
        and not nxt.period
        and _APPOSITION.fullmatch(text, weekday.end, nxt.start) is not None
        and _WEEKDAY_WORD.search(text, weekday.start, weekday.end) is not None
    )


def _named_month(text: str, ref: DateRef) -> bool:
    """A month named as the time of an event ("In November, gunmen ...", "Late last month,
    gunmen ..."), not a span."""
    if ref.precision != "month":
        return False
    return text[ref.start : ref.start + 3].lower() == "in " or _month_part(text, ref)


def _month_part(text: str, ref: DateRef) -> bool:
    """A part of a month ("late last month"): the time of an event even when it opens a
    statement ("Late last month, the ministry said ... were killed")."""
    return (
        ref.precision == "month"
        and _MONTH_PART.search(text, max(0, ref.start - 10), ref.start) is not None
    )


#: A part of a month names a time, not a span: "late last month", "in mid-March"; so does
#: "last March" (its match starts at the month).
_MONTH_PART: Final = rx.compile(r"(?:\b(?:late|early|last)\s+|\bmid-?\s?)$", re.IGNORECASE)


#: A recent week named as the time of an event ("Last week, gunmen ...", "earlier this week").
_LAST_WEEK_TEXT: Final = r"(?:(?:late|early)\s+)?last\s+week"
_EVENT_WEEK: Final = rx.compile(
    _LAST_WEEK_TEXT + r"|(?:earlier|late|early)\s+this\s+week", re.IGNORECASE
)

#: A violence noun right before a date: the date is that event's ("the raid last week").
_ATTACK_BEFORE: Final = rx.compile(
    r"\b(?:attacks?|strikes?|airstrikes?|raids?|bombings?|blasts?|explosions?|assaults?|"
    r"ambush(?:es)?|massacres?|offensive|shelling|incursion)\s+$",
    re.IGNORECASE,
)

#: "Last week" as the time of an event (not "this week").
_LAST_WEEK: Final = rx.compile(_LAST_WEEK_TEXT + r"\b", re.IGNORECASE)
#: The days before the reference day that "last week" may name: a reporter writes "last week"
#: of an event from two to about thirteen days back, never of yesterday or today.
_LAST_WEEK_DAYS: Final = (13, 2)


def _last_week(ref: DateRef, reference: str) -> DateRef:
    """`ref` ("last week") spanning the days "last week" can name before `reference`."""
    from dataclasses import replace
    from datetime import timedelta

    try:
        day = date.fromisoformat(reference)
        first, last = (day - timedelta(days=n) for n in _LAST_WEEK_DAYS)
    except (ValueError, OverflowError):  # before year 1 (a 0001-01-01 placeholder date)
        return ref
    return replace(ref, date=first.isoformat(), date_end=last.isoformat())


def _event_week(text: str, ref: DateRef) -> bool:
    """A recent week as the time of an event: dated to that week, not to a borrowed day
    ("in the past week", "so far this week" stay spans)."""
    return ref.precision == "week" and _EVENT_WEEK.fullmatch(text, ref.start, ref.end) is not None


def reference_day(body: str, published: str | None) -> str | None:
    """The day the article speaks from: its dateline's date, else the publication date.

    The dateline wins when it is within two days of publication (a wire story filed late
    in the evening, published after midnight) or when there is no publication date.
    """
    ref = _dateline_date(body.lstrip()[:160].split("\n", 1)[0], published)
    if ref is None:
        return published
    if published is None:
        return ref.date
    gap = abs((date.fromisoformat(ref.date) - date.fromisoformat(published)).days)
    return ref.date if gap <= _DATELINE_DAYS else published


def dateline_end(text: str, published: str | None) -> int:
    """Where the date of a dateline opening `text` ends ("MOSUL, Iraq, March 3, 2017"), else 0."""
    ref = _dateline_date(text[:160], published)
    return ref.end if ref is not None else 0


def _dateline_date(head: str, published: str | None) -> DateRef | None:
    """The date of a dateline ("BAKU, Oct. 12") or of a line that is only a time stamp
    ("September 28, 2017 - 18:42 AMT"), else None."""
    days = [r for r in find_dates(head, published) if not r.period and r.precision == "day"]
    if not days:
        return None
    if _DATELINE_START.match(head):
        # "DAMASCUS, Syria (AP) - Gunmen killed nine policemen on Monday": a weekday after a
        # clause has begun dates the incident, not the dateline.
        clause = _CLAUSE_WORDS.search(head, 0, days[0].start)
        return days[0] if days[0].start < 80 and clause is None else None
    rest = head
    for r in reversed(days):
        rest = rest[: r.start] + rest[r.end :]
    return days[0] if all(_STAMP_WORD.fullmatch(w) for w in _WORD.findall(rest)) else None


#: A year as the time of what happened in its clause: "kidnapped in 2019", "In 2021, ...";
#: not one of a span ("in 2014-15") nor of a life or a body ("born in 2009", "formed in 2012").
_IN_YEAR: Final = rx.compile(
    r"(?<!born\s)(?<!founded\s)(?<!formed\s)(?<!created\s)(?<!established\s)(?<!elected\s)"
    r"\b[Ii]n\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)"
)
#: What parts a year from a figure: another clause or a statement's verb between them.
_CLAUSE_BREAK: Final = rx.compile(
    r"[,;:()\"“”—–]|\b(?:which|who|whose|that|when|where|after|before|since|while|until|but"
    r"|said|says|say|told|reported|according)\b",
    re.IGNORECASE,
)
#: How far (characters) a year may stand from the figure it dates.
_YEAR_REACH: Final = 90


def year_of_figure(text: str, position: int, reference: str | None) -> DateRef | None:
    """The year ("in 2019") that dates the figure at `position` of sentence `text`, when the
    two stand in one clause ("two aid workers were kidnapped in 2019", "In 2017, gunmen
    killed 12"), else None. A year after the article's reference day names no incident."""
    if "19" not in text and "20" not in text:
        return None  # no year at all (not "n 19": "in  2019", "in\xa02019" match `_IN_YEAR`)
    for found in _IN_YEAR.finditer(text):
        year = int(found.group(1))
        if reference and year > int(reference[:4]):
            continue
        if found.start() > position:
            between = text[position : found.start()]
        else:
            between = text[found.end() : position]
            if not text[: found.start()].strip(" \"“'‘"):  # "In 2021, 40 villagers ..."
                between = between.lstrip(", ")
        if len(between) <= _YEAR_REACH and _CLAUSE_BREAK.search(between) is None:
            return DateRef(f"{year}-01-01", f"{year}-12-31", "year", False, *found.span(1))
    return None


_MONTH_NAME: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
#: A span of two years, or of months of two years: "between 2015 and 2018", "between August
#: 2014 and July 2017", when `period_cues` takes it for one (not "between 1900 and 2000 people").
_YEAR_SPAN: Final = rx.compile(
    rf"\bbetween\s+(?:({_MONTH_NAME})\s+)?((?:19|20)\d\d)\s+and\s+(?:({_MONTH_NAME})\s+)?"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def year_spans(text: str) -> list[DateRef]:
    """The spans "between 2015 and 2018" of `text` as periods (year precision, or month when
    a month is named), for a period total to be dated to them."""
    import calendar

    if "etween" not in text:
        return []
    out = []
    from casualty.extract.period_cues import PERIOD_CUE

    for found in _YEAR_SPAN.finditer(text):
        cue = PERIOD_CUE.search(text, found.start(), len(text))
        if cue is None or cue.start() != found.start():
            continue  # "between 1900 and 2000 people": a range of people, no span
        first_month = MONTHS.get(found.group(1).lower(), 0) if found.group(1) else 1
        last_month = MONTHS.get(found.group(3).lower(), 0) if found.group(3) else 12
        first_year, last_year = int(found.group(2)), int(found.group(4))
        if not first_month or not last_month or (last_year, last_month) < (first_year, first_month):
            continue  # a long s read as "s" by IGNORECASE ("ſeptember"), or a span backwards
        last_day = calendar.monthrange(last_year, last_month)[1]
        precision = "month" if found.group(1) or found.group(3) else "year"
        first = f"{first_year}-{first_month:02d}-01"
        last = f"{last_year}-{last_month:02d}-{last_day:02d}"
        out.append(DateRef(first, last, precision, True, found.start(), found.end()))
    return out


#: A figure's own day right after it: "killed 30 people on Monday and 12 on Tuesday".
_FIGURE_DAY: Final = rx.compile(
    rf"[^\s,;]+(?:\s+[^\s,;]+){{0,4}}?\s+(on\s+{WEEKDAY_RE})\b", re.IGNORECASE
)
_WEEKDAY: Final = rx.compile(rf"\b{WEEKDAY_RE}\b", re.IGNORECASE)


def figure_day(
    text: str, position: int, reference: str | None, latest: str | None
) -> DateRef | None:
    """The day written right after the figure at `position` when sentence `text` names two or
    more ("killed 30 people on Monday and 12 on Tuesday": the 12 died on Tuesday), else
    None (one day dates every figure of the sentence, as `sentence_dates` finds it)."""
    if len(_WEEKDAY.findall(text)) < 2:
        return None
    day = _FIGURE_DAY.match(text, position, position + 80)
    if day is None:
        return None
    for ref in find_dates(text, reference):
        if ref.start >= day.start(1) and ref.end <= day.end(1):
            # "the toll rose to 30 on Friday": the day of a report, not of the figure's event
            late = latest is not None and ref.date > latest
            return None if late or ref.period or is_report_date(text, ref) else ref
    return None
