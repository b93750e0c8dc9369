"""Reading a claims CSV file: the column reader (`read_claim_table`) against the record path.

For each file and each reader, a child process imports what both need (numpy, pyarrow, the
registry), then reads the file once and reports the CPU seconds (all threads), the wall
seconds and its peak RSS (`ru_maxrss`, the imports included: `base` is the peak before
reading). The record path is `Session.read_any([FILE], ...)`, what `casualty cluster FILE`
reads today. The machine may be shared: compare CPU times, and read wall times with the
load average printed on each line.

Usage: python benchmarks/table_read_speed.py FILE.csv [FILE.csv ...] [--repeat 3]
       [--only table|records]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import numpy, pyarrow, pyarrow.compute, pyarrow.csv
from casualty.io.table_read import read_claim_table
from casualty.registry import load_registry
from casualty.session import Session

which, path = sys.argv[1], sys.argv[2]
registry = load_registry((), ())
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu, wall = time.process_time(), time.perf_counter()
if which == "table":
    table = read_claim_table(Path(path))
    n = None if table is None else table.n
else:
    n = len(Session().read_any([path], registry, published=None))
print(json.dumps({
    "rows": n,
    "cpu_s": round(time.process_time() - cpu, 2),
    "wall_s": round(time.perf_counter() - wall, 2),
    "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "base_mib": round(base / 1024),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("table", "records"))
    args = parser.parse_args()
    readers = [args.only] if args.only else ["table", "records"]
    for path in args.files:
        for which in readers:
            for _ in range(args.repeat):
                with open("/proc/loadavg") as f:
                    load = f.read().split()[0]
                done = subprocess.run(
                    [sys.executable, "-c", _CHILD, which, path], capture_output=True, text=True
                )
                result = done.stdout.strip() or done.stderr.strip()[-400:]
                print(f"{path}  {which:7s}  load {load}  {result}", flush=True)


if __name__ == "__main__":
    main()
