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
from casualty.io.fast import gc_paused
from casualty.io.values import show

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
    bad_files: list[str] = field(default_factory=list)

    # -- messages -------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        from casualty.sanitize import terminal_safe

        self.stderr.write(f"casualty: {terminal_safe(message)}\n")

    def _on_bad(self, bad: BadRow) -> None:
        if not self.skip_bad:
            raise InputError(bad.reason, bad.path, bad.line)
        self.bad_rows.append(bad)
        note = "row skipped" if bad.raw is not None else "skipped, not written to --rejects"
        self.warn(f"{bad.path}:{bad.line}: {bad.reason} ({note})")

    def _on_bad_file(self, exc: InputError) -> None:
        """A whole input that cannot be read: stop, or with --on-error skip, report it."""
        if not self.skip_bad:
            raise exc
        self.bad_files.append(str(exc))
        self.warn(f"{exc} (rest of file skipped)")

    def finish(self) -> None:
        """Write the rejects file and a summary of skipped rows."""
        if self.rejects is not None:
            try:
                with self.rejects.open("w", encoding="utf-8") as out:
                    for bad in self.bad_rows:
                        if bad.raw is not None:
                            out.write(bad.raw + "\n")
            except OSError as exc:
                raise UsageError(f"cannot write --rejects file {self.rejects}: {exc}") from None
        if self.bad_rows or self.bad_files:
            files = f", {len(self.bad_files)} unreadable input(s)" if self.bad_files else ""
            self.warn(f"{len(self.bad_rows)} bad row(s) skipped{files}")

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

        inputs = list(inputs)
        if "-" in inputs and _isatty(sys.stdin):
            self.warn("reading standard input from the terminal (end it with Ctrl-D)")
        files = list(
            expand_inputs(
                inputs,
                stdin=sys.stdin.buffer if "-" in inputs and sys.stdin is not None else None,
                warn=lambda n: self.warn(f"{n.path}: {n.message}"),
            )
        )
        self._check_rejects(files)
        return files

    def _check_rejects(self, files: list[Any]) -> None:
        """Refuse an unwritable --rejects file, or one that is an input, before any work."""
        if self.rejects is None:
            return
        target = self.rejects.resolve()
        if any(f.name != "<stdin>" and Path(f.name).resolve() == target for f in files):
            raise UsageError(f"--rejects {self.rejects} is one of the inputs")
        try:
            with self.rejects.open("w", encoding="utf-8"):
                pass
        except OSError as exc:
            raise UsageError(
                f"cannot write --rejects file {self.rejects}: {exc.strerror or exc}"
            ) from None

    def _loaded(self, inputs: Iterable[str]) -> Iterator[Any]:
        """Each input opened, in order; closed once the caller has read it."""
        from casualty.io.inputs import BinaryInput, load

        files = self._files(inputs)
        with self._progress(len(files), "reading") as progress:
            for item in files:
                try:
                    loaded = load(item, self.input_format, self.encoding)
                except BinaryInput as exc:
                    if not item.listed:
                        self._on_bad_file(exc)
                    else:
                        self.warn(f"{exc.path}: skipped: {exc.reason}")
                    continue
                except InputError as exc:
                    self._on_bad_file(exc)
                    continue
                try:
                    if loaded.empty:
                        self.warn(f"{item.name}: empty input, nothing read")
                    yield loaded
                finally:
                    loaded.close()
                if progress is not None:
                    progress.advance(progress.task_ids[0])

    def _guarded(self, rows: Iterable[Any]) -> Iterator[Any]:
        """Rows of one input; an error that ends the input (bad encoding) skips its rest."""
        try:
            yield from rows
        except InputError as exc:
            if not self.skip_bad or isinstance(exc, UsageError):
                raise
            self._on_bad_file(exc)

    def documents(self, inputs: Iterable[str], published: str | None) -> Iterator[Document]:
        from casualty.io.inputs import documents_of

        for loaded in self._loaded(inputs):
            if loaded.format not in ("txt", "articles"):
                raise InputError(
                    f"expected articles but this is a {loaded.format} file of claims "
                    "(use `casualty cluster` or `casualty table` on claims)",
                    loaded.source.name,
                )
            yield from self._guarded(documents_of(loaded, published, self._on_bad))

    def extract(
        self, inputs: Iterable[str], registry: Registry, *, published: str | None
    ) -> Iterator[Claim]:
        """Claims of every article, produced as the articles are read (streaming)."""
        from casualty.extract import extract_documents

        return extract_documents(self.documents(inputs, published), registry)

    def read_any(
        self, inputs: Iterable[str], registry: Registry, *, published: str | None
    ) -> list[Claim]:
        """Claims from claim files, and extracted from any articles among the inputs.

        Every claim read is kept, once: a row repeated exactly (same claim id, same values)
        is reported and read once; a different claim under an id already used is a bad row.
        """
        from casualty.io.inputs import documents_of, rows_of
        from casualty.io.unique import UniqueIds

        claims: list[Claim] = []
        ids = UniqueIds()
        for loaded in self._loaded(inputs):
            if loaded.format in ("txt", "articles"):
                from casualty.extract import extract_document

                for doc in self._guarded(documents_of(loaded, published, self._on_bad)):
                    for claim in extract_document(doc, registry):
                        self._keep(claims, ids, claim, doc.id, None)
                continue
            with gc_paused():  # claim records only: extraction makes short-lived cycles
                for row in self._guarded(rows_of(loaded, self._on_bad)):
                    self._keep(claims, ids, row.claim, f"{row.path}:{row.line}", row)
        return claims

    def _keep(
        self, claims: list[Claim], ids: Any, claim: Claim, where: str, row: Any | None
    ) -> None:
        repeat = ids.check(claim, where)
        if repeat is None:
            claims.append(claim)
        elif repeat.same:
            self.warn(
                f"{where}: exact repeat of the claim on {repeat.first} "
                f"(claim_id {show(claim.claim_id)}): read once"
            )
        else:
            reason = (
                f"claim_id {show(claim.claim_id)} is already used by a different claim "
                f"on {repeat.first}"
            )
            if row is None:
                raise InputError(reason, where)
            self._on_bad(BadRow(row.path, row.line, reason, row.raw))

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

    def default_format(self) -> str:
        return "table" if _isatty(self.stdout) else "jsonl"

    def write_claims(
        self, claims: Iterable[Claim], fmt: str | None, *, raw_csv: bool = False
    ) -> None:
        """Write claims; JSONL and CSV stream when given an iterator (extracted claims)."""
        from casualty.io import claims as cio
        from casualty.sanitize import csv_safe

        fmt = fmt or self.default_format()
        if fmt == "jsonl":
            cio.write_claims_jsonl(claims, self.stdout)
        elif fmt == "json":
            cio.write_claims_json(claims, self.stdout)
        elif fmt == "csv":
            cio.write_claims_csv(claims, self.stdout, safe=None if raw_csv else csv_safe)
        else:
            from casualty.render.claims import render_claims

            render_claims(list(claims), self._console())
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
        fmt = fmt or self.default_format()
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
