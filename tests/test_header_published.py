"""The `published:` line of a .txt article's header: common date forms read, junk refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from casualty.cli import app
from casualty.errors import InputError
from casualty.io.documents import document_from_text

BODY = "Gunmen killed 12 soldiers near Aleppo on Monday, the army said.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-09-29", "2017-09-29"),
        ("Sept 29, 2017", "2017-09-29"),
        ("29 September 2017", "2017-09-29"),
        ("Fri, 29 Sep 2017 08:15:00 GMT", "2017-09-29"),
        ("29/09/2017", "2017-09-29"),
        ("unknown", None),
        ("", None),
        ("0001-01-01", None),  # an exporter's placeholder: no date, as 'unknown'
    ],
)
def test_header_date_forms(value: str, expected: str | None) -> None:
    doc = document_from_text(f"outlet: Wire\npublished: {value}\n\n{BODY}", "a.txt")
    assert doc.published == expected


@pytest.mark.parametrize(
    "value", ["next week", "2017-02-31", "31/31/2017", "2017", "Monday", "Sept 2017"]
)
def test_header_junk_is_an_error_on_its_line(value: str) -> None:
    raw = f"outlet: Wire\ntitle: A raid\npublished: {value}\n\n{BODY}"
    with pytest.raises(InputError) as err:
        document_from_text(raw, "a.txt")
    assert (err.value.path, err.value.line) == ("a.txt", 3)
    assert repr(value) in err.value.reason


def test_cli_names_file_and_line_and_skips_on_request(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(f"outlet: Wire\npublished: someday\n\n{BODY}", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(f"outlet: Wire\npublished: 29 September 2017\n\n{BODY}", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(bad), str(good), "-f", "csv"])
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["extract", str(bad), str(good), "-f", "csv", "--on-error", "skip"])
    assert result.exit_code == 0
    assert "good.txt" in result.stdout and "2017-09-29" in result.stdout
    assert "bad.txt" not in result.stdout
