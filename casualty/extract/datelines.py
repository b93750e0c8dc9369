"""Datelines: where a report was filed, at the head of an article's body.

A dateline names the filing city ("BEIRUT:", "KYIV, Ukraine (AP) —"), which is not where the
incident happened: extraction skips it when it places or dates an incident.
"""

from __future__ import annotations

from typing import Final

from casualty import rx

_MONTHS_TITLE: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
#: A dateline at the start of a body: "BEIRUT:", "KYIV, Ukraine (AP) —", "DUBAI -",
#: "PESHAWAR, Pakistan --", and in title case with a bracket: "Sanaa, Yemen (AFP) -",
#: "Bosaso (Somalia) –", "Khartoum, Sep 16 (IANS)", set off by a bar: "Kano, Nigeria |", or
#: by a spaced dash: "Abidjan – Eight soldiers ...", or with a day and an agency: "Baku, April
#: 14, AZERTAC", or alone on its first line ("Goma,"); two cities and an agency's day:
#: "Bamako/Gao, Mali, Feb. 3 (EFE). –".
#: Where a report is filed is not where the incident happened.
DATELINE_HEAD: Final = rx.compile(
    r"^\s*(?:date\s+\d{4}-\d\d-\d\d\s+)?(?:[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,40})?"
    r"(?:\s*\([^)]{1,60}\)\s*(?:[:—–|]|-{1,2})?|\s*(?:[:—–|]|\s-{1,2}\s))"
    r"|(?!(?:On|In|At|Late|Early|Last|The|A|An|After|Before|During|When|While|Earlier|Later)\b)"
    r"[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}(?:/[A-Z][\w'’.-]+)?(?:\s*\[[^\]\d]{1,40}\])?"
    r"(?:,\s*[A-Z][\w .'’-]{1,40})?"
    r"(?:\s*\([^)\d]{1,60}\)\s*(?:[:—–|]|-{1,2})?|\s*\||\s+(?:[—–]|-{1,2})\s"
    r"|,\s*" + _MONTHS_TITLE + r"\.?\s+\d{1,2},\s*[A-Z]{2,}\b"
    r"|(?:,\s*" + _MONTHS_TITLE + r"\.?\s+\d{1,2})?,?\s*\([^)]{1,80}\)\s*"
    r"(?::|\.?\s*(?:[—–]|-{1,2}))"
    r"|,[ \t]*(?=\n)))"
)
