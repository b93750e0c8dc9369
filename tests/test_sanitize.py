"""Untrusted text stays inert: on the terminal, inside rich tables, and in spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from casualty.cli import app
from casualty.model import Claim
from casualty.render.claims import render_claims
from casualty.sanitize import csv_safe, markup_safe, terminal_safe

ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text", "plain text"),
        (f"{ESC}[31mred{ESC}[0m", "red"),
        (f"{ESC}[2J{ESC}[H wiped", " wiped"),
        (f"{ESC}]8;;https://evil.example{ESC}\\click{ESC}]8;;{ESC}\\", "click"),
        (f"{ESC}]0;new title\x07after", "after"),
        ("\x9b31mC1", "<U+009B>31mC1"),
        ("bell\x07", "bell<U+0007>"),
        ("over\rwrite", "over<U+000D>write"),
        ("back\x08space", "back<U+0008>space"),
        ("nul\x00", "nul<U+0000>"),
        (f"{ESC}{ESC}[31m[31m", "<U+001B>[31m"),  # removing one sequence must not form another
        (f"dangling{ESC}[", "dangling<U+001B>["),
        ("abc\u202edcba", "abc<U+202E>dcba"),
        ("\u2066isolate\u2069", "<U+2066>isolate<U+2069>"),
        ("\u200fmark", "<U+200F>mark"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("قتل 73 جنديا", "قتل 73 جنديا"),
        ("נהרגו 12 חיילים", "נהרגו 12 חיילים"),
        ("Ukraine: Харків", "Ukraine: Харків"),
    ],
)
def test_terminal_safe(raw: str, shown: str) -> None:
    assert terminal_safe(raw) == shown


@given(st.text())
def test_terminal_safe_output_has_no_escape_or_control(text: str) -> None:
    out = terminal_safe(text)
    assert not any((ord(ch) < 32 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F for ch in out)
    assert not any(ch in out for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@pytest.mark.parametrize(
    "raw",
    ["[bold]loud[/bold]", "[link=https://evil.example]x[/link]", "[red]", "a\\[b]", "[/]"],
)
def test_markup_is_shown_literally(raw: str) -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(markup_safe(raw))
    assert console.file.getvalue() == raw + "\n"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+2", "'=1+2"),
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("73", "73"),
        ("at least 73", "at least 73"),
        ("", ""),
    ],
)
def test_csv_safe(cell: str, expected: str) -> None:
    assert csv_safe(cell) == expected


def test_claim_table_shows_hostile_text_literally() -> None:
    claim = Claim(
        source=f"[bold]Evil[/bold] {ESC}[31mMonitor",
        outcome="killed",
        low=3,
        location="\u202eHoms",
        text="x",
    ).with_id()
    out = io.StringIO()
    render_claims([claim], Console(file=out, width=200, color_system=None, force_terminal=False))
    text = out.getvalue()
    assert ESC not in text and "\u202e" not in text
    assert "[bold]Evil[/bold]" in text and "<U+202E>Homs" in text


runner = CliRunner()
_HOSTILE_CSV = (
    "source,outcome,low,text,location\n"
    f'"=HYPERLINK(""http://evil"")",killed,3,"{ESC}[2Jwiped",@Homs\n'
    "[link=https://evil.example]Monitor[/link],killed,4,-cmd|calc,Hama\n"
)


def _hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.csv"
    path.write_text(_HOSTILE_CSV, encoding="utf-8")
    return path


def _clusterer() -> None:
    result = runner.invoke(
        app, ["cluster", "-", "-f", "jsonl"], input="source,outcome,low\nA,killed,1\n"
    )
    if result.exit_code != 0:
        pytest.skip("needs the clusterer")


def test_csv_output_neutralises_formulas_unless_raw(tmp_path: Path) -> None:
    _clusterer()
    path = _hostile(tmp_path)
    safe = runner.invoke(app, ["cluster", str(path), "-f", "csv"])
    raw = runner.invoke(app, ["cluster", str(path), "-f", "csv", "--raw-csv"])
    assert safe.exit_code == 0 and raw.exit_code == 0
    safe_rows = list(csv.DictReader(io.StringIO(safe.stdout)))
    raw_rows = list(csv.DictReader(io.StringIO(raw.stdout)))
    by_safe = {r["low"]: r for r in safe_rows}
    assert by_safe["3"]["source"] == '\'=HYPERLINK("http://evil")'
    assert by_safe["3"]["location"] == "'@Homs"
    assert by_safe["4"]["text"] == "'-cmd|calc"
    assert {r["source"] for r in raw_rows} >= {'=HYPERLINK("http://evil")'}
    # Data is untouched in JSONL: neutralising is for spreadsheets only.
    jsonl = runner.invoke(app, ["cluster", str(path), "-f", "jsonl"])
    assert '=HYPERLINK("http://evil")' in {
        json.loads(x)["source"] for x in jsonl.stdout.splitlines()
    }


def test_table_output_is_inert(tmp_path: Path) -> None:
    _clusterer()
    result = runner.invoke(app, ["cluster", str(_hostile(tmp_path)), "-f", "table"])
    assert result.exit_code == 0
    assert ESC not in result.stdout
    assert "[link=https://evil.example]Monitor[/link]" in "".join(result.stdout.split())


def test_error_messages_are_inert(tmp_path: Path) -> None:
    path = tmp_path / f"name{ESC}[31m.csv"
    path.write_text(f"source,outcome,low\nX,{ESC}]0;pwned\x07,3\n", encoding="utf-8")
    result = runner.invoke(app, ["cluster", str(path)])
    assert result.exit_code == 2
    assert ESC not in result.stderr and "\x07" not in result.stderr
    assert result.stderr.count("\n") == 1
