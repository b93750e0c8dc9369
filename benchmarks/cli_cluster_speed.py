"""`casualty cluster` end to end on synthetic claims: wall time, CPU time and peak memory.

The engine alone is measured by `cluster_bench.py`; a user runs the CLI, where reading and
writing claims come around it. For each size this script

1. writes `synth-N-SEED.claims.csv` (the `benchmarks/synth.py` claims without the `gold`
   column, as a user's file would be) in the work directory, once. The generator ends every
   set before 2024 (a million claims span decades); a file from an older generator, with
   dates past next year that the reader refuses as implausible, has every date moved back
   by the same whole number of weeks (intervals and weekdays unchanged);
2. runs `python -m casualty cluster FILE -f FORMAT > /dev/null` in a child process and reports
   its wall time, CPU time (user + system) and peak RSS (the child's own `ru_maxrss`);
3. runs the same three steps (read, cluster, write) in another child with a timer around
   each, so the total splits into read / cluster / write (CPU seconds), with the peak RSS
   reached by the end of reading, of clustering, and of the whole run. The last column says
   which path the command took: `columns` (a clean CSV file, `casualty.columnar`) or
   `records` (claim by claim: JSONL input, or a file with a faulty row).

The machine may be shared: compare CPU times, and read wall times with `/proc/loadavg`
(printed first).

Usage: python benchmarks/cli_cluster_speed.py [--sizes 10000,100000,1000000]
       [--format csv|jsonl] [--input csv|jsonl] [--seed 0] [--workdir DIR] [--no-split]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Runs in the child: the steps of `casualty.cli.cluster` with a timer around each. A CSV file
# takes the column path (`casualty.columnar`) as the command does; a file it refuses, and a
# JSONL file, take the record path.
_SPLIT = r"""
import json, resource, sys, time
from pathlib import Path
from casualty import columnar
from casualty.registry import load_registry
from casualty.session import Session

path, fmt = sys.argv[1], sys.argv[2]
times = {}
session = Session(stdout=open(1, "w", encoding="utf-8", closefd=False))
registry = load_registry((), ())
t = time.process_time()
table = columnar.read_table(session, [path])
claims = None if table is not None else session.read_any([path], registry, published=None)
times["path"] = "columns" if table is not None else "records"
times["read"] = time.process_time() - t
times["read_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.process_time()
if table is not None:
    table = columnar.with_incident_columns(table, registry, None)
else:
    out = list(session.cluster(claims, registry, None).claims)
times["cluster"] = time.process_time() - t
times["cluster_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.process_time()
if table is not None:
    columnar.write_table(session, table, fmt, raw_csv=False)
else:
    session.write_claims(out, fmt)
session.finish()
times["write"] = time.process_time() - t
print(json.dumps(times), file=sys.stderr)
"""


def _dated_until_this_year(frame: Any) -> Any:
    """The claims with every date moved back by whole weeks so that none is after this year."""
    import datetime as dt

    import pandas as pd

    columns = [c for c in ("published", "date", "date_end") if c in frame.columns]
    days = {c: pd.to_datetime(frame[c], format="%Y-%m-%d", errors="coerce") for c in columns}
    latest = max(d.max() for d in days.values())
    excess = (latest - pd.Timestamp(dt.date.today().year, 12, 31)).days
    if pd.isna(latest) or excess <= 0:
        return frame
    shift = pd.Timedelta(days=-(-excess // 7) * 7)
    for column, day in days.items():
        moved = (day - shift).dt.strftime("%Y-%m-%d")
        frame[column] = moved.where(day.notna(), frame[column])
    return frame


def _claims_file(n: int, seed: int, workdir: Path, kind: str) -> Path:
    """The synthetic claims of size n as a user's CSV (or JSONL), generated once."""
    csv_path = workdir / f"synth-{n}-{seed}.claims.csv"
    if not csv_path.exists():
        sys.path.insert(0, str(HERE))
        from synth import generate

        tmp = csv_path.with_suffix(".tmp")
        _dated_until_this_year(generate(n, seed).drop(columns=["gold"])).to_csv(tmp, index=False)
        tmp.replace(csv_path)
    if kind == "csv":
        return csv_path
    jsonl_path = csv_path.with_suffix(".jsonl")
    if not jsonl_path.exists():
        tmp = jsonl_path.with_suffix(".tmp")
        with tmp.open("wb") as out:
            subprocess.run(
                [sys.executable, "-m", "casualty", "cluster", str(csv_path), "-f", "jsonl"],
                stdout=out,
                check=True,
            )
        tmp.replace(jsonl_path)
    return jsonl_path


def _run(args: list[str], stderr: int | None = None) -> dict[str, Any]:
    """Wall, CPU and peak RSS of one child process (its own rusage, not all children's)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(args, stdout=devnull, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode() if proc.stderr is not None else ""
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {proc.returncode}\n{err}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mib": usage.ru_maxrss / 1024,  # KiB on Linux
        "stderr": err,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--format", default="csv", choices=("csv", "jsonl"))
    parser.add_argument("--input", default="csv", choices=("csv", "jsonl"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", default="/tmp/casualty-bench")
    parser.add_argument("--no-split", action="store_true", help="skip the read/cluster/write run")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    with open("/proc/loadavg", encoding="ascii") as load:
        print(f"load average at start: {load.read().split()[0]} (cores: {os.cpu_count()})")
    print(f"input {args.input}, output {args.format}")
    header = f"{'claims':>9} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}"
    if not args.no_split:
        header += f"   split cpu s: {'read':>5} {'cluster':>7} {'write':>5}"
        header += f"   peak MiB after: {'read':>5} {'cluster':>7} {'write':>5}   path"
    print(header)
    for n in (int(s) for s in args.sizes.split(",")):
        path = _claims_file(n, args.seed, workdir, args.input)
        cli = _run([sys.executable, "-m", "casualty", "cluster", str(path), "-f", args.format])
        line = f"{n:>9,} {cli['wall']:>7.1f} {cli['cpu']:>7.1f} {cli['rss_mib']:>9.0f}"
        if not args.no_split:
            split = _run(
                [sys.executable, "-c", _SPLIT, str(path), args.format], stderr=subprocess.PIPE
            )
            times = json.loads(split["stderr"].strip().splitlines()[-1])
            line += (
                f"   {'':>12} {times['read']:>5.1f} {times['cluster']:>7.1f} "
                f"{times['write']:>5.1f}   {'':>15} {times['read_mib']:>5.0f} "
                f"{times['cluster_mib']:>7.0f} {split['rss_mib']:>5.0f}   {times['path']}"
            )
        print(line, flush=True)


if __name__ == "__main__":
    main()
