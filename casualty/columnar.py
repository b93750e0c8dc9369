"""The `casualty cluster` command: one clean CSV file of claims goes a column at a time.

A million claims as `Claim` records cost twice what clustering them does: building and
validating each record on the way in, rebuilding it with its incident id, and writing it
out cell by cell. On this path the file is read into a `ClaimTable` (each field's distinct
values validated once), clustered from its columns, and written from its columns, with the
same output byte for byte. Anything else (several inputs, stdin, a file with a single faulty
or doubtful row, `--rejects`) takes the record path, which names each fault's file and line.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casualty.cluster import Clustering, Link
    from casualty.io.claim_table import ClaimTable
    from casualty.model import Claim
    from casualty.registry import Registry
    from casualty.session import Session


def cluster_command(
    session: Session,
    inputs: list[str],
    registry: Registry,
    *,
    fmt: str | None,
    threshold: float | None,
    explain: bool,
    raw_csv: bool,
    published: str | None,
) -> None:
    """Read the inputs, give every claim its incident id, and write the claims out."""
    fmt = fmt or session.default_format()
    table = read_table(session, inputs)
    if table is not None:
        table = with_incident_columns(table, registry, threshold, explain=explain)
        write_table(session, table, fmt, raw_csv=raw_csv)
        return
    claims = session.read_any(inputs, registry, published=published)
    clustering = session.cluster(claims, registry, threshold)
    out = with_link_columns(clustering) if explain else list(clustering.claims)
    session.write_claims(out, fmt, raw_csv=raw_csv)


def read_table(session: Session, inputs: list[str]) -> ClaimTable | None:
    """The inputs as one table when they are one clean CSV file of claims, else None."""
    if len(inputs) != 1 or inputs[0] == "-" or session.rejects is not None:
        return None
    path = Path(inputs[0])
    if not path.is_file():
        return None
    from casualty.io.table_read import read_claim_table

    return read_claim_table(path, input_format=session.input_format, encoding=session.encoding)


def with_incident_columns(
    table: ClaimTable, registry: Registry, threshold: float | None, *, explain: bool = False
) -> ClaimTable:
    """The table with every row's incident id set (and with `explain`, its link columns)."""
    from casualty.cluster import DEFAULT_THRESHOLD
    from casualty.cluster.engine import cluster_table as run
    from casualty.io.claim_table import Column

    incident, links = run(table, DEFAULT_THRESHOLD if threshold is None else threshold, registry)
    table = table.with_column("incident_id", Column.of_text(incident))
    if not explain:
        return table
    ids = table.column("claim_id").tolist()
    cells = [link_cells(links.get(claim_id)) for claim_id in ids]
    for i, name in enumerate(("link_to", "link_score", "link_features")):
        table = table.with_column(name, Column.of_text([c[i] for c in cells]))
    return table


def write_table(session: Session, table: ClaimTable, fmt: str, *, raw_csv: bool) -> None:
    """CSV, JSON Lines and JSON written from the columns; other formats render records."""
    from casualty.io import table_write
    from casualty.sanitize import csv_safe

    out = session.stdout
    if fmt == "csv":
        table_write.write_table_csv(table, out, safe=None if raw_csv else csv_safe)
    elif fmt == "jsonl":
        table_write.write_table_jsonl(table, out)
    elif fmt == "json":
        table_write.write_table_json(table, out)
    else:
        session.write_claims(table.claims(), fmt, raw_csv=raw_csv)
        return
    out.flush()


def with_link_columns(clustering: Clustering) -> list[Claim]:
    """Claims with the link that placed each one added as extra columns (`cluster --explain`)."""
    out: list[Claim] = []
    for claim in clustering.claims:
        extra = dict(claim.extra)
        cells = link_cells(clustering.links.get(claim.claim_id))
        extra.update(zip(("link_to", "link_score", "link_features"), cells, strict=True))
        out.append(replace(claim, extra=tuple(extra.items())))
    return out


def link_cells(link: Link | None) -> tuple[str, str, str]:
    """A claim's `link_to`, `link_score` and `link_features` cells (empty without a link)."""
    if link is None:
        return ("", "", "")
    features = "; ".join(f"{name}={value:+.2f}" for name, value in link.features)
    return (link.other_id or "", f"{link.score:.3f}", features)
