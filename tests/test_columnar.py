"""`casualty cluster` on one CSV file goes a column at a time: the same output as records.

Standard input always takes the record path, so the same bytes through a file path and
through stdin compare the two paths end to end.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from casualty import columnar
from casualty.cli import app

runner = CliRunner()

PLACES = ["Aleppo", "Deir ez-Zor", "Dayr az Zawr", "Mosul", "Kharkiv", "Kharkov", "Gao", ""]
SOURCES = ["SOHR", "the army", "=cmd|' /C calc'!A0", "Reuters", "health ministry"]


def _claims_csv(n: int, seed: int, *, extra: bool = False, ids: bool = True) -> str:
    rng = random.Random(seed)
    out = io.StringIO()
    header = ["claim_id", "source", "outcome", "date", "location", "country", "low", "high"]
    header += ["victim", "lat", "lon", "text", "span", "doc"] + (["note"] if extra else [])
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i in range(n):
        low = rng.randint(1, 60)
        row = [
            f"c{i:04d}" if ids else "",
            rng.choice(SOURCES),
            rng.choice(["killed", "wounded", "captured"]),
            f"2024-03-{rng.randint(1, 9):02d}",
            rng.choice(PLACES),
            rng.choice(["SY", "Syria", "IQ", "UA", "ML", ""]),
            str(low),
            str(low + rng.choice([0, 0, 5])),
            rng.choice(["civilians", "soldiers", ""]),
            rng.choice(["", "36.2", "-0.0"]),
            rng.choice(["", "37.1"]),
            rng.choice(["", 'He said "12, maybe more"\nwere killed.', "-1 dead", "Ünïcode ✓"]),
            rng.choice(["", "3:40"]),
            f"doc{rng.randint(1, n // 3 + 1)}",
        ]
        if extra:
            row.append(rng.choice(["", "+note", "x"]))
        writer.writerow(row)
    return out.getvalue()


def _both(tmp_path: Path, text: str, *args: str, name: str = "claims.csv") -> tuple[str, str]:
    """Output through the column path (a file) and through the record path (stdin)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    tables: list[int] = []
    write = columnar.write_table

    def counted(session: Any, table: Any, fmt: str, *, raw_csv: bool) -> None:
        tables.append(len(table))
        write(session, table, fmt, raw_csv=raw_csv)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columnar, "write_table", counted)
        by_file = runner.invoke(app, ["cluster", str(path), *args])
        assert tables, "the file did not take the column path"
        by_stdin = runner.invoke(app, ["cluster", "-", *args], input=text)
        assert len(tables) == 1, "stdin took the column path"
    assert by_file.exit_code == 0, by_file.output
    assert by_stdin.exit_code == 0, by_stdin.output
    return by_file.stdout, by_stdin.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("-f", "csv"),
        ("-f", "csv", "--raw-csv"),
        ("-f", "jsonl"),
        ("-f", "json"),
        ("-f", "jsonl", "--explain"),
        ("-f", "csv", "--explain", "--threshold", "2"),
    ],
)
@pytest.mark.parametrize("seed", [0, 1])
def test_file_and_stdin_give_the_same_output(tmp_path: Path, args: tuple[str, ...], seed: int):
    by_file, by_stdin = _both(tmp_path, _claims_csv(120, seed, extra=seed == 1), *args)
    assert by_file == by_stdin
    assert by_file.count("\n") >= 120


def test_a_claims_file_without_extension_is_sniffed_and_takes_the_column_path(
    tmp_path: Path,
) -> None:
    by_file, by_stdin = _both(tmp_path, _claims_csv(40, 5), "-f", "csv", name="claims")
    assert by_file == by_stdin


def test_rows_without_ids_get_the_same_ids(tmp_path: Path) -> None:
    by_file, by_stdin = _both(tmp_path, _claims_csv(60, 3, ids=False), "-f", "jsonl")
    assert by_file == by_stdin


def test_a_faulty_row_is_still_named_by_file_and_line(tmp_path: Path) -> None:
    lines = _claims_csv(30, 4).splitlines()
    at = next(i for i, line in enumerate(lines) if i > 5 and "\n" not in line and '"' not in line)
    cells = next(csv.reader([lines[at]]))
    cells[6] = "lots"  # low
    lines[at] = ",".join(cells)
    path = tmp_path / "claims.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["cluster", str(path), "-f", "csv"])
    assert result.exit_code == 2
    assert f"{path}:{at + 1}:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "header"),
    [((), '\'=HYPERLINK("http://x")'), (("--raw-csv",), '=HYPERLINK("http://x")')],
)
def test_an_extra_column_named_like_a_formula_is_neutralised(
    tmp_path: Path, args: tuple[str, ...], header: str
) -> None:
    text = _claims_csv(20, 5, extra=True).replace(",note\n", ',"=HYPERLINK(""http://x"")"\n', 1)
    by_file, by_stdin = _both(tmp_path, text, "-f", "csv", *args)
    assert by_file == by_stdin
    assert next(csv.reader(io.StringIO(by_file)))[-1] == header
