"""The command line's choices and options, declared once and shared by the commands.

Kept apart from `casualty.cli` so that the commands read as what they do; nothing here
imports more than typer.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class ClaimFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    html = "html"


class OnError(StrEnum):
    stop = "stop"
    skip = "skip"


class By(StrEnum):
    source = "source"
    type = "type"


class Sort(StrEnum):
    date = "date"
    spread = "spread"
    toll = "toll"


# Options shared by several commands, defined once.
InputsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, directories or - for standard input.", show_default=False, metavar="INPUTS..."
    ),
]
SourcesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--sources",
        metavar="FILE",
        help="TOML file of extra sources (adds to the built-in registry).",
    ),
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        metavar="FILE",
        help="TOML file of extra actors (adds to the built-in registry).",
    ),
]
InputFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        metavar="FORMAT",
        help="Read inputs as csv, jsonl, json (claims), txt or articles (JSONL of articles).",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding", metavar="NAME", help="Text encoding of the inputs (default: detect)."
    ),
]
OnErrorOpt = Annotated[
    OnError,
    typer.Option(
        "--on-error", help="stop at the first bad row (exit 2), or skip bad rows and report them."
    ),
]
RejectsOpt = Annotated[
    Path | None,
    typer.Option(
        "--rejects",
        metavar="FILE",
        help="With --on-error skip: write bad rows verbatim to this file.",
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for undated articles."
    ),
]
ThresholdOpt = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        metavar="SCORE",
        help="Link score needed to join an incident (see `cluster`).",
    ),
]
RawCsvOpt = Annotated[
    bool, typer.Option("--raw-csv", help="Do not neutralise spreadsheet formulas in CSV cells.")
]


# Options of the report commands (`table`, `reconcile`).
FormatReportOpt = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
ByOpt = Annotated[By, typer.Option("--by", help="One column per source, or per source type.")]
QuotesOpt = Annotated[
    bool, typer.Option("--quotes", help="Show the evidence sentences under each table.")
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help="Only incidents on or after DATE.")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Only incidents on or before DATE.")
]
CountryOpt = Annotated[
    str | None,
    typer.Option(
        "--country", metavar="COUNTRY", help="Only incidents in this country (name or code)."
    ),
]
SourceTypeOpt = Annotated[
    str | None,
    typer.Option("--source-type", metavar="TYPE", help="Only incidents with a claim of this type."),
]
MinSpreadOpt = Annotated[
    float | None,
    typer.Option("--min-spread", metavar="RATIO", help="Only rows whose spread is at least this."),
]
FlagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--flag",
        metavar="FLAG",
        help="Only rows with this flag (repeatable: omission, self_serving…).",
    ),
]
SortOpt = Annotated[Sort, typer.Option("--sort", help="Order incidents by date, spread or toll.")]
