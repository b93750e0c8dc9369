"""Writing the claims of `casualty cluster`: record writers against column writers.

`io.claims.write_claims_*` format a list of `Claim` records; `io.table_write.write_table_*`
format a `ClaimTable` (a column at a time) and must write the same bytes. This script

1. builds the table once from `synth-N-SEED.claims.csv` (made by `cli_cluster_speed.py`),
   read with the row reader, each claim given an incident id as `cluster` would (its date
   and place), and pickles it in the work directory;
2. for each format and writer runs a child that loads the table (and, for the record writer,
   turns it into records first, as the CLI holds them today), writes to /dev/null as the CLI
   writes to stdout, and reports the CPU time of the write alone, the peak RSS of the child
   and how much the peak grew while writing;
3. with `--check`, also compares the two writers' output byte for byte (the digests).

The machine may be shared: compare CPU times and read them with `/proc/loadavg` (printed).

Usage: python benchmarks/table_write_speed.py [--size 1000000] [--formats csv,jsonl]
       [--seed 0] [--workdir /tmp/casualty-bench] [--writers records,columns] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

_BUILD = r"""
import dataclasses, pickle, re, sys
from casualty.io.claims import read_claims_csv
from casualty.io.claim_table import ClaimTable

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8", newline="") as stream:
    claims = list(read_claims_csv(stream, source))
slug = lambda text: re.sub(r"[^a-z0-9]+", "-", (text or "").lower()).strip("-")
claims = [
    dataclasses.replace(c, incident_id=f"{c.date or c.published}-{slug(c.location)}")
    for c in claims
]
with open(target, "wb") as out:
    pickle.dump(ClaimTable.from_claims(claims), out, protocol=5)
"""

_WRITE = r"""
import hashlib, json, os, pickle, resource, sys, time
from casualty.io import claims as cio
from casualty.io import table_write as tw
from casualty.sanitize import csv_safe

path, fmt, writer, check = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
with open(path, "rb") as stream:
    table = pickle.load(stream)
data = table.claims() if writer == "records" else table
write = {
    ("records", "csv"): lambda out: cio.write_claims_csv(data, out, safe=csv_safe),
    ("records", "jsonl"): lambda out: cio.write_claims_jsonl(data, out),
    ("records", "json"): lambda out: cio.write_claims_json(data, out),
    ("columns", "csv"): lambda out: tw.write_table_csv(data, out, safe=csv_safe),
    ("columns", "jsonl"): lambda out: tw.write_table_jsonl(data, out),
    ("columns", "json"): lambda out: tw.write_table_json(data, out),
}[writer, fmt]


class Digest:
    def __init__(self):
        self.hash = hashlib.sha256()

    def write(self, text):
        self.hash.update(text.encode("utf-8", "surrogateescape"))

    def flush(self):
        pass


before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.process_time()
with open(os.devnull, "w", encoding="utf-8") as out:
    write(out)
cpu = time.process_time() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
digest = ""
if check:
    sink = Digest()
    write(sink)
    digest = sink.hash.hexdigest()[:16]
print(json.dumps({"cpu": cpu, "peak": peak, "growth": peak - before, "digest": digest}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--formats", default="csv,jsonl")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", default="/tmp/casualty-bench")
    parser.add_argument("--writers", default="records,columns", help="records and/or columns")
    parser.add_argument("--check", action="store_true", help="compare the outputs' digests")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    source = workdir / f"synth-{args.size}-{args.seed}.claims.csv"
    if not source.exists():
        raise SystemExit(f"{source} is missing: make it with benchmarks/cli_cluster_speed.py")
    table = workdir / f"synth-{args.size}-{args.seed}.table.pickle"
    if not table.exists() or table.stat().st_mtime < source.stat().st_mtime:
        subprocess.run([sys.executable, "-c", _BUILD, str(source), str(table)], check=True)
    with open("/proc/loadavg", encoding="ascii") as load:
        print(f"load average at start: {load.read().split()[0]} (cores: {os.cpu_count()})")
    print(f"{args.size:,} claims")
    print(f"{'format':>6} {'writer':>8} {'cpu s':>6} {'peak MiB':>9} {'growth MiB':>11} digest")
    for fmt in args.formats.split(","):
        for writer in args.writers.split(","):
            child = [sys.executable, "-c", _WRITE, str(table), fmt, writer, str(int(args.check))]
            done = subprocess.run(child, check=True, capture_output=True, text=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"{fmt:>6} {writer:>8} {result['cpu']:>6.2f} {result['peak']:>9.0f} "
                f"{result['growth']:>11.0f} {result['digest']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
