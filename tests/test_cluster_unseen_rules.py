"""Rules that keep the reports of one incident together across outlets on articles the
project has not seen: a report whose text names no day is dated by extraction to its
publication day, which most often follows the incident by a day. Invented sentences.
"""

from __future__ import annotations

from casualty.cluster import cluster_claims
from casualty.cluster.features import build, text_day
from casualty.extract import extract_document
from casualty.model import Claim, Document


def _claims(doc_id: str, text: str, published: str, outlet: str) -> list[Claim]:
    doc = Document(id=doc_id, text=text, published=published, outlet=outlet)
    return [c for c in extract_document(doc) if c.kind == "claim"]


# Saturday 2024-03-09: the market bombing; the second outlet writes on Sunday.
_SAME_DAY = (
    "A suicide bomber killed 9 people at the cattle market in Maiduguri on Saturday, police said."
)
_NEXT_DAY_SILENT = (
    "A bomb that went off at the cattle market in Maiduguri killed 11 people, hospital staff said."
)
_NEXT_DAY_NAMED = (
    "A bomb that went off at the cattle market in Maiduguri on Sunday killed 11 people, "
    "hospital staff said."
)


def _pair(second: str) -> tuple[Claim, Claim]:
    first = _claims("a", _SAME_DAY, "2024-03-09", "Wire One")
    later = _claims("b", second, "2024-03-10", "Daily Two")
    assert len(first) == 1 and len(later) == 1
    return first[0], later[0]


def test_extraction_dates_a_silent_report_by_its_publication() -> None:
    first, later = _pair(_NEXT_DAY_SILENT)
    assert first.date == "2024-03-09"
    assert later.date == "2024-03-10"
    assert text_day(later.text, 0) < 0  # no day word the cluster could read either


def test_a_silent_report_out_the_next_day_joins_the_dated_one() -> None:
    first, later = _pair(_NEXT_DAY_SILENT)
    out = cluster_claims([first, later]).claims
    assert out[0].incident_id == out[1].incident_id


def test_a_report_naming_the_next_day_stays_apart() -> None:
    # "on Sunday" is a day the text gives: the next day's bombing, not Saturday's.
    first, later = _pair(_NEXT_DAY_NAMED)
    assert later.date == "2024-03-10"
    out = cluster_claims([first, later]).claims
    assert out[0].incident_id != out[1].incident_id


def test_two_silent_reports_a_day_apart_stay_apart() -> None:
    # Neither names its day: nothing says the later one is about the earlier day.
    first = _claims("a", _NEXT_DAY_SILENT, "2024-03-09", "Wire One")
    later = _claims("b", _NEXT_DAY_SILENT.replace("11", "14"), "2024-03-10", "Daily Two")
    out = cluster_claims([*first, *later]).claims
    assert out[0].incident_id != out[1].incident_id


def test_the_publication_flag_reads_only_silent_texts() -> None:
    first, later = _pair(_NEXT_DAY_SILENT)
    named = _pair(_NEXT_DAY_NAMED)[1]
    table = build([first, later, named], None)
    assert table.by_pub is not None
    assert table.by_pub.tolist() == [False, True, False]


def test_as_of_dates_the_count_not_the_incident() -> None:
    # "As of <day>" is the day a count holds; the strike is the day the article gives.
    text = (
        "A glide bomb hit the hardware store in Kharkiv on May 25, killing 9 people. "
        "As of May 28, 20 wounded people remained in hospital after the strike."
    )
    claims = _claims("c", text, "2024-05-29", "Daily Three")
    wounded = [c for c in claims if c.outcome == "wounded"]
    assert [c.date for c in wounded] == ["2024-05-25"]


def test_the_incident_dated_after_the_lead_dates_the_lead() -> None:
    # The toll comes first, its day one sentence later, named through "the incident".
    text = (
        "A military drone dropped two bombs on the village square, killing 12 people. "
        "The incident happened late on Sunday in the village of Gidan Waya, a local "
        "official said."
    )
    claims = _claims("d", text, "2024-03-12", "Daily Four")
    assert [c.date for c in claims if c.low == 12] == ["2024-03-10"]


def test_the_incident_id_takes_the_day_a_report_names_over_publication_days() -> None:
    # Two silent next-day reports outnumber the one that names Saturday; the id keeps Saturday.
    first = _claims("a", _SAME_DAY, "2024-03-09", "Wire One")
    silent = [
        *_claims("b", _NEXT_DAY_SILENT, "2024-03-10", "Daily Two"),
        *_claims("c", _NEXT_DAY_SILENT.replace("hospital staff", "medics"), "2024-03-10", "Three"),
    ]
    assert len(first) == 1 and len(silent) == 2
    out = cluster_claims([*first, *silent]).claims
    assert len({c.incident_id for c in out}) == 1
    assert str(out[0].incident_id).startswith("2024-03-09-")
