"""Hostile and huge inputs: peak memory of the readers, and extraction time on adversarial text.

Run: .venv/bin/python benchmarks/hostile.py [--quick]

Memory: each case runs in a child process and its peak resident set size (VmHWM) is
printed next to the peak of a child that only imports the package, so the difference is what
reading costs. Streaming shows as a difference that does not grow with the file.

Time: `extract_document` on adversarial text (long digit runs, repeated count phrases, comma
runs, deep brackets) at two sizes; linear behaviour shows as a time ratio near the size ratio
(2x), where a quadratic pattern would show ~4x. Times are CPU seconds (best of two runs), so
other load on the machine does not blur them.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# -- children: each reads one input and exits ----------------------------------------------


def _child_import() -> str:
    import casualty.io.inputs
    import casualty.session  # noqa: F401

    return "imported"


def _child_claims(path: str) -> str:
    from casualty.session import Session

    err = io.StringIO()
    session = Session(skip_bad=True, stdout=io.StringIO(), stderr=err)
    claims = session.read_any([path], None, published=None)  # type: ignore[arg-type]
    return f"{len(claims):,} claims, {len(session.bad_rows)} bad row(s)"


def _child_article(path: str) -> str:
    from casualty.errors import InputError
    from casualty.io.inputs import documents_of, expand_inputs, load

    (source,) = expand_inputs([path])
    loaded = load(source, None)
    try:
        docs = list(documents_of(loaded))
    except InputError as exc:
        return f"refused: {exc.reason[:70]}"
    finally:
        loaded.close()
    return f"{len(docs)} document(s), {sum(len(d.text) for d in docs):,} characters"


CHILDREN: dict[str, Callable[..., str]] = {
    "import": _child_import,
    "claims": _child_claims,
    "article": _child_article,
}


def _peak_mb() -> float:
    """This process's peak resident memory in MB.

    /proc's VmHWM belongs to the process image and starts afresh at exec; ru_maxrss would
    carry over the parent's peak from before the fork.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_child(kind: str, *args: str) -> tuple[str, float, float]:
    """Run one child; return its one-line result, peak RSS in MB and CPU seconds."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    out, _, peak = proc.stdout.read().decode().strip().rpartition("\t")
    err = proc.stderr.read().decode().strip()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = usage.ru_utime + usage.ru_stime
    if proc.returncode != 0:
        out = f"FAILED ({proc.returncode}): {err.splitlines()[-1] if err else out}"
    return out, float(peak or "nan"), elapsed


# -- inputs ----------------------------------------------------------------------------------


def _write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("source,outcome,low,high,location,date,text\n")
        for i in range(rows):
            out.write(
                f"Monitor {i % 97},killed,{i % 500},{i % 500 + 3},Place {i % 331},"
                f"2017-{i % 12 + 1:02d}-{i % 28 + 1:02d},Row {i} says {i % 500} were killed.\n"
            )


def _write_article(path: Path, megabytes: float) -> None:
    sentence = (
        "Fighting near the river town went on for a third day, and a local monitor said "
        "that at least 12 fighters were killed and 30 wounded in the shelling. "
    )
    repeat = int(megabytes * 1_000_000 / len(sentence)) + 1
    path.write_text("published: 2020-01-02\n\n" + sentence * repeat, encoding="utf-8")


def memory(quick: bool) -> None:
    rows = 20_000 if quick else 200_000
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        csv_small, csv_big = d / "small.csv", d / "big.csv"
        _write_csv(csv_small, rows // 10)
        _write_csv(csv_big, rows)
        article = d / "article.txt"
        _write_article(article, 1 if quick else 5)
        line_mb = 4 if quick else 20
        long_jsonl = d / "long.jsonl"
        long_jsonl.write_text(
            '{"source": "A", "outcome": "killed", "low": 1}\n'
            + '{"source": "'
            + "x" * (line_mb << 20)
            + '", "outcome": "killed", "low": 2}\n'
            + '{"source": "B", "outcome": "killed", "low": 3}\n',
            encoding="utf-8",
        )
        long_txt = d / "long.txt"
        long_txt.write_text("killed " * ((line_mb << 20) // 7), encoding="utf-8")

        cases = [
            ("import only (baseline)", "import", ()),
            (f"CSV {rows // 10:,} rows ({_mb(csv_small)})", "claims", (str(csv_small),)),
            (f"CSV {rows:,} rows ({_mb(csv_big)})", "claims", (str(csv_big),)),
            (f"article ({_mb(article)})", "article", (str(article),)),
            (f"JSONL with a {line_mb} MB line", "claims", (str(long_jsonl),)),
            (f"article: one {line_mb} MB line", "article", (str(long_txt),)),
        ]
        print("Peak memory of the readers (child process VmHWM)")
        print(f"{'case':40} {'peak MB':>8} {'CPU s':>7}  result")
        for label, kind, args in cases:
            result, peak, elapsed = _run_child(kind, *args)
            print(f"{label:40} {peak:8.1f} {elapsed:7.2f}  {result}")


def _mb(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


# -- extraction on adversarial text -------------------------------------------------------


def _adversarial(n: int) -> dict[str, str]:
    """Texts of about `n` units each that stress regexes and tokenisers."""
    return {
        "digits": "killed " + "7" * n,
        "killed at least": "killed at least " * (n // 2),
        "commas": "soldiers were killed" + "," * n,
        "nested brackets": "(" * (n // 2) + "12 killed" + ")" * (n // 2),
        "digit groups": "killed " + ",".join(["123"] * (n // 4)),
        "no spaces": "killedatleast73soldiers" * (n // 23),
        "dot run": "killed 12. " + "." * n,  # once rescanned from each dot: quadratic
        "figure list": "killed 12 " * (n // 10),  # one run-on sentence of figures
    }


def extraction(quick: bool) -> None:
    try:
        from casualty.extract import extract_document
    except ImportError as exc:
        print(f"\nExtraction timing skipped: casualty.extract is not importable yet ({exc}).")
        return
    from casualty.model import Document

    small, large = (50_000, 100_000) if quick else (100_000, 200_000)
    print(f"\nExtraction time on adversarial text, {small:,} vs {large:,} units")
    print(f"{'text':20} {'t(small) s':>11} {'t(large) s':>11} {'ratio':>6}  claims")
    smalls, larges = _adversarial(small), _adversarial(large)
    extract_document(Document(id="warm-up", text="At least 3 soldiers were killed."))
    for name in smalls:
        times: list[float] = []
        found = 0
        for text in (smalls[name], larges[name]):
            doc = Document(id=name, text=text)
            best = float("inf")
            for _ in range(2):  # best of two: other processes share the machine
                start = time.process_time()
                found = len(extract_document(doc))
                best = min(best, time.process_time() - start)
            times.append(best)
        ratio = times[1] / times[0] if times[0] > 0 else float("nan")
        print(f"{name:20} {times[0]:11.3f} {times[1]:11.3f} {ratio:6.2f}  {found}")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        result = CHILDREN[sys.argv[2]](*sys.argv[3:])
        print(f"{result}\t{_peak_mb():.1f}")
        return
    quick = "--quick" in sys.argv
    memory(quick)
    extraction(quick)


if __name__ == "__main__":
    main()
