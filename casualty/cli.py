"""The `casualty` command line: open inputs, call one core function per command, render.

Heavy modules (pandas, the gazetteer, the extractor) are imported inside the commands so
that `casualty --help` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from casualty import __version__
from casualty.cli_exit import fail, guarded, quiet_broken_pipe
from casualty.cli_options import (
    ActorsOpt,
    By,
    ByOpt,
    ClaimFormat,
    CountryOpt,
    EncodingOpt,
    FlagOpt,
    FormatReportOpt,
    InputFormatOpt,
    InputsArg,
    MinSpreadOpt,
    OnError,
    OnErrorOpt,
    PublishedOpt,
    QuotesOpt,
    RawCsvOpt,
    RejectsOpt,
    ReportFormat,
    SinceOpt,
    Sort,
    SortOpt,
    SourcesOpt,
    SourceTypeOpt,
    ThresholdOpt,
    UntilOpt,
)
from casualty.errors import UsageError

if TYPE_CHECKING:
    from casualty.registry import Registry
    from casualty.session import Session


app = typer.Typer(
    name="casualty",
    help=(
        "Reconcile conflicting casualty claims: extract who claims how many were killed, "
        "wounded, captured or missing; group the claims by incident; show the discrepancies."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casualty {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback on internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Reconcile conflicting casualty claims from news reports."""
    if debug:
        os.environ["CASUALTY_DEBUG"] = "1"


def _session(
    on_error: OnError = OnError.stop,
    rejects: Path | None = None,
    input_format: str | None = None,
    encoding: str | None = None,
) -> Session:
    from casualty.session import Session

    if rejects is not None and on_error is not OnError.skip:
        raise UsageError("--rejects needs --on-error skip")
    return Session(
        skip_bad=on_error is OnError.skip,
        rejects=rejects,
        input_format=input_format,
        encoding=encoding,
    )


def _registry(sources: list[Path] | None, actors: list[Path] | None) -> Registry:
    from casualty.registry import load_registry

    return load_registry(sources or (), actors or ())


def _inputs(inputs: list[str] | None) -> list[str]:
    if not inputs:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no input given: name files or directories, or - for stdin")
        return ["-"]
    return inputs


@app.command()
@guarded
def extract(
    inputs: InputsArg = None,
    fmt: Annotated[
        ClaimFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else jsonl)."
        ),
    ] = None,
    published: PublishedOpt = None,
    sources: SourcesOpt = None,
    actors: ActorsOpt = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    on_error: OnErrorOpt = OnError.stop,
    rejects: RejectsOpt = None,
    raw_csv: RawCsvOpt = False,
) -> None:
    """Extract casualty claims from articles (.txt, JSONL of articles, directories, -)."""
    session = _session(on_error, rejects, input_format, encoding)
    registry = _registry(sources, actors)
    claims = session.extract(_inputs(inputs), registry, published=_check_date(published))
    session.write_claims(claims, fmt.value if fmt else None, raw_csv=raw_csv)
    session.finish()


@app.command()
@guarded
def cluster(
    inputs: InputsArg = None,
    fmt: Annotated[
        ClaimFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else jsonl)."
        ),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Add each claim's link and score to the output.")
    ] = False,
    threshold: ThresholdOpt = None,
    published: PublishedOpt = None,
    sources: SourcesOpt = None,
    actors: ActorsOpt = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    on_error: OnErrorOpt = OnError.stop,
    rejects: RejectsOpt = None,
    raw_csv: RawCsvOpt = False,
) -> None:
    """Group claims that describe the same incident; fill in each claim's incident_id."""
    from casualty.columnar import cluster_command

    session = _session(on_error, rejects, input_format, encoding)
    registry = _registry(sources, actors)
    paths = _inputs(inputs)
    cluster_command(
        session,
        paths,
        registry,
        fmt=fmt.value if fmt else None,
        threshold=threshold,
        explain=explain,
        raw_csv=raw_csv,
        published=_check_date(published),
    )
    session.finish()


def _report_command(
    inputs: list[str] | None,
    fmt: ReportFormat,
    *,
    by: By,
    quotes: bool,
    threshold: float | None,
    published: str | None,
    sources: list[Path] | None,
    actors: list[Path] | None,
    input_format: str | None,
    encoding: str | None,
    on_error: OnError,
    rejects: Path | None,
    raw_csv: bool,
    filters: dict[str, object],
) -> None:
    session = _session(on_error, rejects, input_format, encoding)
    registry = _registry(sources, actors)
    claims = session.read_any(_inputs(inputs), registry, published=_check_date(published))
    if any(c.incident_id is None and c.kind != "period_total" for c in claims):
        claims = list(session.cluster(claims, registry, threshold).claims)
    session.write_report(
        claims, registry, fmt.value, by=by.value, quotes=quotes, raw_csv=raw_csv, filters=filters
    )
    session.finish()


def _filters(
    since: str | None,
    until: str | None,
    country: str | None,
    source_type: str | None,
    min_spread: float | None,
    flag: list[str] | None,
    sort: Sort,
) -> dict[str, object]:
    return {
        "since": _check_date(since, "--since"),
        "until": _check_date(until, "--until"),
        "country": country,
        "source_type": source_type,
        "min_spread": min_spread,
        "flags": tuple(flag or ()),
        "sort": sort.value,
    }


@app.command()
@guarded
def table(
    inputs: InputsArg = None,
    fmt: FormatReportOpt = ReportFormat.table,
    by: ByOpt = By.source,
    quotes: QuotesOpt = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    source_type: SourceTypeOpt = None,
    min_spread: MinSpreadOpt = None,
    flag: FlagOpt = None,
    sort: SortOpt = Sort.date,
    threshold: ThresholdOpt = None,
    sources: SourcesOpt = None,
    actors: ActorsOpt = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    on_error: OnErrorOpt = OnError.stop,
    rejects: RejectsOpt = None,
    raw_csv: RawCsvOpt = False,
) -> None:
    """Print the discrepancy table of clustered claims (clusters them first if needed)."""
    _report_command(
        inputs,
        fmt,
        by=by,
        quotes=quotes,
        threshold=threshold,
        published=None,
        sources=sources,
        actors=actors,
        input_format=input_format,
        encoding=encoding,
        on_error=on_error,
        rejects=rejects,
        raw_csv=raw_csv,
        filters=_filters(since, until, country, source_type, min_spread, flag, sort),
    )


@app.command()
@guarded
def reconcile(
    inputs: InputsArg = None,
    fmt: FormatReportOpt = ReportFormat.table,
    by: ByOpt = By.source,
    quotes: QuotesOpt = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    source_type: SourceTypeOpt = None,
    min_spread: MinSpreadOpt = None,
    flag: FlagOpt = None,
    sort: SortOpt = Sort.date,
    threshold: ThresholdOpt = None,
    published: PublishedOpt = None,
    sources: SourcesOpt = None,
    actors: ActorsOpt = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    on_error: OnErrorOpt = OnError.stop,
    rejects: RejectsOpt = None,
    raw_csv: RawCsvOpt = False,
) -> None:
    """Extract (from articles), cluster and tabulate in one step."""
    _report_command(
        inputs,
        fmt,
        by=by,
        quotes=quotes,
        threshold=threshold,
        published=published,
        sources=sources,
        actors=actors,
        input_format=input_format,
        encoding=encoding,
        on_error=on_error,
        rejects=rejects,
        raw_csv=raw_csv,
        filters=_filters(since, until, country, source_type, min_spread, flag, sort),
    )


@app.command()
@guarded
def explain(
    incident_id: Annotated[
        str, typer.Argument(help="The incident to explain, e.g. 2017-09-28-sukhna.")
    ],
    inputs: InputsArg = None,
    threshold: ThresholdOpt = None,
    published: PublishedOpt = None,
    sources: SourcesOpt = None,
    actors: ActorsOpt = None,
    input_format: InputFormatOpt = None,
    encoding: EncodingOpt = None,
    on_error: OnErrorOpt = OnError.stop,
) -> None:
    """Explain why claims were grouped into an incident, feature by feature."""
    session = _session(on_error, None, input_format, encoding)
    registry = _registry(sources, actors)
    claims = session.read_any(_inputs(inputs), registry, published=_check_date(published))
    session.explain(incident_id, claims, registry, threshold)
    session.finish()


@app.command("sources")
@guarded
def sources_cmd(
    sources: SourcesOpt = None,
    actors: ActorsOpt = None,
    fmt: Annotated[
        ClaimFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: table on a terminal, else jsonl)."
        ),
    ] = None,
    raw_csv: RawCsvOpt = False,
) -> None:
    """List the source registry: canonical names, aliases and source types."""
    session = _session()
    registry = _registry(sources, actors)
    session.write_sources(registry, fmt.value if fmt else None, raw_csv=raw_csv)


def _check_date(value: str | None, option: str = "--published") -> str | None:
    if value is None:
        return None
    from casualty.io.documents import valid_iso_date

    date = valid_iso_date(value)
    if date is None:
        raise UsageError(
            f"{option} must be a date as YYYY-MM-DD from 1800 to next year, got {value!r}"
        )
    return date


def main(args: list[str] | None = None) -> None:
    """Console-script entry point: every way out is one line on stderr and an exit code."""
    argv = sys.argv[1:] if args is None else args
    if not argv:
        app(args=argv, prog_name="casualty")  # no arguments: typer prints the help
        return
    try:
        code = typer.main.get_command(app).main(
            args=argv, prog_name="casualty", standalone_mode=False
        )
    except BrokenPipeError:
        quiet_broken_pipe()
        raise SystemExit(141) from None
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as exc:
        # typer's own usage errors (unknown option, bad choice) carry an exit code and a
        # message; SPEC §5 wants them as one line, like the project's own errors.
        message = getattr(exc, "format_message", None)
        if message is None or not hasattr(exc, "exit_code"):
            raise
        fail(f"{message()} (see `casualty {' '.join(argv[:1])} --help`)", 2)
    raise SystemExit(code if isinstance(code, int) else 0)
