"""Reconcile the hand-labelled corpus claims (gold, not extracted) and check the table.

This exercises reconciliation on real structure: many sources, relays across documents,
omissions by state media, period totals. It reads ../shared and skips when that is absent.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from casualty.model import Claim
from casualty.reconcile import Report, reconcile, report_to_json
from casualty.registry import Registry, builtin_registry
from casualty.render.markdown import render_markdown
from casualty.render.table import render_table

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FOLDERS = ("syria_iraq", "other")


def _gold(folder: str) -> dict[str, Any]:
    path = CORPUS / folder / "gold.json"
    if not path.is_file():
        pytest.skip("the shared corpus is not available")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _source(name: str, registry: Registry) -> str:
    found = registry.source(name) or next(iter(registry.find_sources(name)), (0, 0, None))[2]
    return found.name if found else name


def _actor(name: str | None, registry: Registry) -> str | None:
    if not name:
        return None
    found = registry.actor(name) or next(iter(registry.find_actors(name)), (0, 0, None))[2]
    return found.name if found else name


def gold_claims(folder: str, registry: Registry) -> list[Claim]:
    gold = _gold(folder)
    incidents = {i["id"]: i for i in gold["incidents"]}
    published = {d["doc"]: d["published"] for d in gold["docs"]}
    out = []
    for item in gold["claims"]:
        incident = incidents.get(item["incident"] or "", {})
        out.append(
            Claim(
                source=_source(item["claimant"], registry),
                source_type=item["claimant_type"],
                outcome=item["outcome"],
                kind="period_total" if item["period_total"] else "claim",
                claim_id=f"{folder}-{item['id']}",
                doc=item["doc"],
                published=published.get(item["doc"]),
                date=incident.get("date"),
                country=incident.get("country"),
                incident_id=item["incident"],
                victim=_actor(item["victim"], registry),
                victim_category=item["victim_category"],
                low=item["low"],
                high=item["high"],
                qualifier=item["qualitative"],
                text=item["quote"],
            )
        )
    for n, item in enumerate(gold["omissions"]):
        incident = incidents.get(item["incident"] or "", {})
        out.append(
            Claim(
                source=_source(item["claimant"], registry),
                outcome=item["outcome"] or "killed",
                kind="omission",
                source_type="unknown",
                claim_id=f"{folder}-omission-{n}",
                doc=item["doc"],
                published=published.get(item["doc"]),
                date=incident.get("date"),
                incident_id=item["incident"],
                victim=_actor(item["victim"], registry),
                text=item["quote"],
            )
        )
    return out


def _placed(report: Report) -> list[str]:
    data = report_to_json(report)
    ids = [t["claim_id"] for t in data["period_totals"]]
    for incident in data["incidents"]:
        for row in incident["rows"]:
            for cell in row["claims"]:
                ids += cell["claim_ids"] + [i for h in cell["history"] for i in h["claim_ids"]]
            for omission in row["omissions"]:
                ids += omission["claim_ids"]
    return ids


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_gold_claim_lands_in_exactly_one_place(folder: str) -> None:
    registry = builtin_registry()
    claims = gold_claims(folder, registry)
    assert sorted(_placed(reconcile(claims, registry))) == sorted(c.claim_id for c in claims)


def test_seed_incident_reads_as_the_analysts_table() -> None:
    registry = builtin_registry()
    report = reconcile(gold_claims("syria_iraq", registry), registry)
    (sukhna,) = [i for i in report.incidents if i.incident_id == "sukhna_shula_2017"]
    gov = next(
        r for r in sukhna.rows if r.victim == "Syrian government forces" and r.outcome == "killed"
    )
    sohr = next(c for c in gov.cells if c.source == "Syrian Observatory for Human Rights")
    assert (sohr.low, sohr.high) == (73, None)
    assert "omission" in gov.flags
    assert [(o.source, o.reported_as) for o in gov.omissions] == [("SANA", "Syrian state media")]
    console = Console(width=80, record=True, color_system=None, file=io.StringIO())
    render_table(filter_one(report, "sukhna_shula_2017"), console)
    text = console.export_text()
    assert "not mentioned" in text and "≥73" in text
    assert report.period_totals, "the coalition's totals are listed apart"
    assert all(t.claim.incident_id is None for t in report.period_totals)


def filter_one(report: Report, incident_id: str) -> Report:
    from dataclasses import replace

    return replace(
        report, incidents=tuple(i for i in report.incidents if i.incident_id == incident_id)
    )


@pytest.mark.parametrize("folder", FOLDERS)
def test_whole_corpus_renders_at_80_columns(folder: str) -> None:
    registry = builtin_registry()
    report = reconcile(gold_claims(folder, registry), registry)
    console = Console(width=80, record=True, color_system=None, file=io.StringIO())
    render_table(report, console, quotes=True)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.count("\n") > 50
    assert render_markdown(report).count("\n## ") == len(report.incidents) + 1
