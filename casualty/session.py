"""One command's run: inputs read with their errors handled, results written, stderr kept.

This is the CLI side of the layers: it may print (to stderr for messages, stdout for the
result) and it decides terminal vs pipe behaviour. The core modules it calls never print.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from casualty.errors import InputError, UsageError
from casualty.io.claims import BadRow

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from casualty.cluster import Clustering
    from casualty.model import Claim, Document
    from casualty.registry import Registry

#: Show a progress bar from this many input files on (or rows, for claim files).
PROGRESS_MIN_FILES = 5


def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class Session:
    """State of one command: error policy, input options, and the bad rows seen so far."""

    skip_bad: bool = False
    rejects: Path | None = None
    input_format: str | None = None
    encoding: str | None = None
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    bad_rows: list[BadRow] = field(default_factory=list)

    # -- messages -------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        from casualty.sanitize import terminal_safe

        self.stderr.write(f"casualty: {terminal_safe(message)}\n")

    def _on_bad(self, bad: BadRow) -> None:
        if not self.skip_bad:
            raise InputError(bad.reason, bad.path, bad.line)
        self.bad_rows.append(bad)
        self.warn(f"{bad.path}:{bad.line}: {bad.reason} (row skipped)")

    def finish(self) -> None:
        """Write the rejects file and a summary of skipped rows."""
        if self.rejects is not None:
            try:
                with self.rejects.open("w", encoding="utf-8") as out:
                    for bad in self.bad_rows:
                        out.write(bad.raw + "\n")
            except OSError as exc:
                raise UsageError(f"cannot write --rejects file {self.rejects}: {exc}") from None
        if self.bad_rows:
            self.warn(f"{len(self.bad_rows)} bad row(s) skipped")

    # -- progress -------------------------------------------------------------------------

    def _progress_enabled(self) -> bool:
        return _isatty(self.stderr) and not _no_color()

    @contextmanager
    def _progress(self, total: int, what: str) -> Iterator[Progress | None]:
        if total < PROGRESS_MIN_FILES or not self._progress_enabled():
            yield None
            return
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(file=self.stderr), transient=True) as progress:
            progress.add_task(what, total=total)
            yield progress

    # -- reading --------------------------------------------------------------------------

    def _files(self, inputs: Iterable[str]) -> list[Any]:
        from casualty.io.inputs import expand_inputs

        return list(expand_inputs(inputs, warn=lambda n: self.warn(f"{n.path}: {n.message}")))

    def _loaded(self, inputs: Iterable[str]) -> Iterator[Any]:
        from casualty.io.inputs import load

        files = self._files(inputs)
        with self._progress(len(files), "reading") as progress:
            for item in files:
                yield load(item, self.input_format, self.encoding)
                if progress is not None:
                    progress.advance(progress.task_ids[0])

    def documents(self, inputs: Iterable[str], published: str | None) -> Iterator[Document]:
        from casualty.io.inputs import documents_of

        for loaded in self._loaded(inputs):
            if loaded.format not in ("txt", "articles"):
                raise InputError(
                    f"expected articles but this is a {loaded.format} file of claims "
                    "(use `casualty cluster` or `casualty table` on claims)",
                    loaded.source.name,
                )
            yield from documents_of(loaded, published)

    def extract(
        self, inputs: Iterable[str], registry: Registry, *, published: str | None
    ) -> list[Claim]:
        from casualty.extract import extract_documents

        return list(extract_documents(self.documents(inputs, published), registry))

    def read_any(
        self, inputs: Iterable[str], registry: Registry, *, published: str | None
    ) -> list[Claim]:
        """Claims from claim files, and extracted from any articles among the inputs."""
        from casualty.extract import extract_document
        from casualty.io.inputs import claims_of, documents_of

        claims: list[Claim] = []
        for loaded in self._loaded(inputs):
            if loaded.format in ("txt", "articles"):
                for doc in documents_of(loaded, published):
                    claims.extend(extract_document(doc, registry))
            else:
                claims.extend(claims_of(loaded, self._on_bad))
        return _check_unique_ids(claims)

    # -- stages ---------------------------------------------------------------------------

    def cluster(
        self, claims: list[Claim], registry: Registry, threshold: float | None
    ) -> Clustering:
        from casualty.cluster import DEFAULT_THRESHOLD, cluster_claims

        return cluster_claims(
            claims,
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            registry=registry,
        )

    def explain(
        self, incident_id: str, claims: list[Claim], registry: Registry, threshold: float | None
    ) -> None:
        from casualty.cluster import explain_incident, explanation_lines
        from casualty.sanitize import terminal_safe

        clustering = self.cluster(
            [replace(c, incident_id=None) for c in claims], registry, threshold
        )
        known = {c.incident_id for c in clustering.claims}
        if incident_id not in known:
            raise UsageError(
                f"no incident {incident_id!r} in these claims "
                f"(there are {len(known)}; `casualty cluster` lists their ids)"
            )
        for line in explanation_lines(explain_incident(incident_id, clustering)):
            self.stdout.write(terminal_safe(line) + "\n")

    # -- writing --------------------------------------------------------------------------

    def _console(self) -> Console:
        from rich.console import Console

        tty = _isatty(self.stdout)
        return Console(
            file=self.stdout,
            force_terminal=tty,
            no_color=_no_color() or not tty,
            highlight=False,
            emoji=False,
            markup=True,
            width=None if tty else int(os.environ.get("COLUMNS", "100") or 100),
        )

    def _default_format(self) -> str:
        return "table" if _isatty(self.stdout) else "jsonl"

    def write_claims(self, claims: list[Claim], fmt: str | None, *, raw_csv: bool = False) -> None:
        from casualty.io import claims as cio
        from casualty.sanitize import csv_safe

        fmt = fmt or self._default_format()
        if fmt == "jsonl":
            cio.write_claims_jsonl(claims, self.stdout)
        elif fmt == "json":
            cio.write_claims_json(claims, self.stdout)
        elif fmt == "csv":
            cio.write_claims_csv(claims, self.stdout, safe=None if raw_csv else csv_safe)
        else:
            from casualty.render.claims import render_claims

            render_claims(claims, self._console())
        self.stdout.flush()

    def write_report(
        self,
        claims: list[Claim],
        registry: Registry,
        fmt: str,
        *,
        by: str,
        quotes: bool,
        raw_csv: bool,
        filters: dict[str, Any],
    ) -> None:
        from casualty.reconcile import filter_report, reconcile

        report = filter_report(reconcile(claims, registry), **filters)
        if fmt == "json":
            import json

            from casualty.reconcile import report_to_json

            json.dump(report_to_json(report), self.stdout, ensure_ascii=False, indent=2)
            self.stdout.write("\n")
        elif fmt == "jsonl":
            from casualty.render.jsonout import report_jsonl

            for line in report_jsonl(report):
                self.stdout.write(line + "\n")
        elif fmt == "csv":
            from casualty.render.csvout import write_csv

            write_csv(report, self.stdout, raw=raw_csv)
        elif fmt == "md":
            from casualty.render.markdown import render_markdown

            self.stdout.write(render_markdown(report, by=by, quotes=quotes))
        elif fmt == "html":
            from casualty.render.html import render_html

            self.stdout.write(render_html(report, by=by))
        else:
            from casualty.render.table import render_table

            render_table(report, self._console(), by=by, quotes=quotes)
        self.stdout.flush()

    def write_sources(self, registry: Registry, fmt: str | None, *, raw_csv: bool) -> None:
        from casualty.registry import sources_rows

        rows = sources_rows(registry)
        fmt = fmt or self._default_format()
        if fmt in ("jsonl", "json"):
            import json

            if fmt == "json":
                json.dump(rows, self.stdout, ensure_ascii=False, indent=2)
                self.stdout.write("\n")
            else:
                for row in rows:
                    self.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            import csv

            from casualty.sanitize import csv_safe

            writer = csv.DictWriter(self.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: v if raw_csv else csv_safe(v) for k, v in row.items()})
        else:
            from casualty.render.claims import render_rows

            render_rows(rows, self._console(), title="Source registry")
        self.stdout.flush()


def _check_unique_ids(claims: list[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        other = seen.get(claim.claim_id)
        if other is not None and other != claim:
            where = claim.doc or "input"
            raise InputError(
                f"duplicate claim_id {claim.claim_id!r} for two different claims", where
            )
        seen[claim.claim_id] = claim
    return claims


def with_link_columns(clustering: Clustering) -> list[Claim]:
    """Claims with the link that placed each one added as extra columns (`cluster --explain`)."""
    out: list[Claim] = []
    for claim in clustering.claims:
        link = clustering.links.get(claim.claim_id)
        extra = dict(claim.extra)
        extra["link_to"] = (link.other_id or "") if link else ""
        extra["link_score"] = f"{link.score:.3f}" if link else ""
        extra["link_features"] = (
            "; ".join(f"{name}={value:+.2f}" for name, value in link.features) if link else ""
        )
        out.append(replace(claim, extra=tuple(extra.items())))
    return out
