"""The bundled seed example end to end: the claims it must give, and golden outputs.

Golden files are regenerated with `CASUALTY_UPDATE_GOLDEN=1 pytest tests/test_seed.py`; a
diff in them is a change of behaviour to review, not noise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from casualty.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed"
GOLDEN = Path(__file__).resolve().parent / "golden"

runner = CliRunner()


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return json.loads(_run("reconcile", str(SEED), "--format", "json"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def claims() -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in _run("extract", str(SEED), "--format", "jsonl").splitlines()
    ]


def _find(claims: list[dict[str, Any]], **want: Any) -> list[dict[str, Any]]:
    return [c for c in claims if all(c.get(k) == v for k, v in want.items())]


def test_monitor_claims_at_least_73_government_troops(claims: list[dict[str, Any]]) -> None:
    (c,) = _find(claims, source="Syrian Observatory for Human Rights", low=73)
    assert (c["high"], c["outcome"], c["kind"]) == (None, "killed", "claim")
    assert c["source_type"] == "monitor"
    assert c["victim"] == "Syrian government forces"
    assert c["perpetrator"] == "Islamic State"
    assert c["date"] == "2017-09-28" and c["country"] == "SY"
    assert c["reported_by"] == "Arab News"


def test_islamic_state_claims_dozens(claims: list[dict[str, Any]]) -> None:
    (c,) = _find(claims, source="Islamic State", outcome="killed")
    assert (c["low"], c["high"], c["source_type"]) == (24, 99, "belligerent")
    assert "dozens" in c["qualifier"]
    assert c["victim"] == "Syrian government forces" and c["date"] == "2017-09-28"


def test_monitor_claims_45_islamic_state_fighters(claims: list[dict[str, Any]]) -> None:
    (c,) = _find(claims, source="Syrian Observatory for Human Rights", low=45)
    assert c["high"] is None and c["victim"] == "Islamic State"


def test_state_media_heavy_losses_without_figure(claims: list[dict[str, Any]]) -> None:
    (c,) = _find(claims, source="SANA", kind="claim")
    assert c["source_type"] == "state_media"
    assert (c["low"], c["high"], c["qualifier"]) == (None, None, "heavy losses")
    assert c["victim"] == "Islamic State"


def test_state_media_omits_the_army_losses(claims: list[dict[str, Any]]) -> None:
    (c,) = _find(claims, kind="omission")
    assert c["source_type"] == "state_media"
    assert c["victim"] == "Syrian government forces" and c["outcome"] == "killed"


def test_coalition_period_totals(claims: list[dict[str, Any]]) -> None:
    totals = _find(claims, kind="period_total")
    assert sorted((c["low"], c["high"]) for c in totals) == [(50, 50), (735, 735)]
    for c in totals:
        assert c["source"] == "US-led coalition" and c["source_type"] == "belligerent"
        assert c["victim"] == "civilians"
    (august,) = _find(totals, low=50)
    assert (august["date"], august["date_end"]) == ("2017-08-01", "2017-08-31")


def test_nothing_else_is_a_claim(claims: list[dict[str, Any]]) -> None:
    figures = {c["low"] for c in claims if c["low"] is not None}
    assert figures == {73, 24, 45, 50, 735}
    assert len(claims) == 7


def test_one_incident_with_a_column_per_source(report: dict[str, Any]) -> None:
    (incident,) = report["incidents"]
    assert incident["date"] == "2017-09-28" and incident["country"] == "SY"
    assert incident["incident_id"].startswith("2017-09-28-")
    rows = {(r["victim"], r["outcome"]): r for r in incident["rows"]}
    government = rows[("Syrian government forces", "killed")]
    assert {c["source"] for c in government["claims"]} == {
        "Syrian Observatory for Human Rights",
        "Islamic State",
    }
    assert government["omissions"] and "omission" in government["flags"]
    assert len(report["period_totals"]) == 2


def test_table_shows_not_mentioned_for_state_media() -> None:
    out = _run("reconcile", str(SEED))
    assert "not mentioned" in out and "≥73" in out and '"heavy losses"' in out


@pytest.mark.parametrize(("fmt", "name"), [("json", "seed.json"), ("csv", "seed.csv")])
def test_golden_output(fmt: str, name: str) -> None:
    out = _run("reconcile", str(SEED), "--format", fmt)
    path = GOLDEN / name
    if os.environ.get("CASUALTY_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")
