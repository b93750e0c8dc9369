"""Incident clustering at scale: casualty side by side with Splink and a plain baseline.

On the same generated claim sets (`benchmarks/synth.py`), each tool runs in its own
subprocess that reads the CSV (all tools alike: pandas with pyarrow's reader, values as
text), clusters, and writes one label per row; the parent records wall time (reading
included), the child's CPU time (user + system: the figure to compare on a shared machine)
and peak memory (the child's VmHWM), then scores the labels against the known incidents
(pairwise and B-cubed F1, largest cluster). The load average is printed before each row.

- casualty: `casualty.cluster.engine.cluster_frame` (the columnar path on a frame; the CLI's
  column reader hands `cluster_table` a `ClaimTable` instead, which gives the same ids, and
  `cluster_claims` on records adds building one `Claim` per row), given the columns it
  reads and the frame handed over, so the text is let go once features are built. Its user
  caches (gazetteer, registry) are built before the timed runs, as once per installation.
- splink: Splink 5 on DuckDB, a Fellegi-Sunter model on the same fields with careful
  blocking (same country and day; same folded place name and month) and comparisons (day
  difference thresholds, Jaro-Winkler on folded place names, distance in km, exact admin
  area, actors and figure), u by random sampling, m by EM, connected components at 0.95.
- baseline: blocked rapidfuzz + union-find: pairs in the same (country, day) whose folded
  place names are similar (rapidfuzz ratio >= 85), merged by connected components.

Usage: python benchmarks/cluster_bench.py [--sizes 10000,100000,1000000] [--tools ...]
       [--seed 0] [--workdir DIR] [--timeout SECONDS]
Splink needs the `bench` extra (`pip install -e .[bench]`).
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
TOOLS = ("casualty", "splink", "baseline")


# -- the tools (each runs in a child process) ------------------------------------------------


def _read(path: str, columns: Any = None) -> Any:
    """Every tool reads the CSV the same way: all values as text, with pyarrow's reader."""
    import pandas as pd

    return pd.read_csv(
        path, dtype=str, keep_default_na=False, na_values=[""], engine="pyarrow", usecols=columns
    )


def run_casualty(path: str) -> list[str]:
    from casualty.cluster import DEFAULT_THRESHOLD
    from casualty.cluster.engine import cluster_frame
    from casualty.cluster.features import COLUMNS
    from casualty.registry import builtin_registry

    # As `casualty cluster` runs: the default threshold and the built-in actor registry. The
    # frame is handed over, not kept: the engine lets go of the text once features are built.
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    columns = [name for name in header if name in COLUMNS]
    incident, _ = cluster_frame(_read(path, columns), DEFAULT_THRESHOLD, builtin_registry())
    return incident


def _prepared(path: str) -> Any:
    """Columns both comparison tools use: folded place, ISO country, event day."""
    import numpy as np
    import pandas as pd

    from casualty.cluster.places import country_of, fold

    frame = _read(path)
    codes, uniques = pd.factorize(frame["country"])
    mapped = np.array([country_of(u) or "" for u in uniques] + [""], dtype=object)
    frame["cc"] = mapped[codes]
    frame["place"] = frame["location"].fillna("").map(fold)
    frame["admin"] = frame["admin1"].fillna("").map(fold)
    frame["day"] = frame["date"].fillna(frame["published"]).fillna("")
    return frame


def run_baseline(path: str) -> list[str]:
    import numpy as np
    from rapidfuzz import fuzz, process

    from casualty.cluster.assign import components

    frame = _prepared(path)
    n = len(frame)
    block = (frame["cc"] + "|" + frame["day"]).to_numpy(dtype=object)
    order = np.argsort(block, kind="stable")
    sorted_block = block[order]
    starts = np.flatnonzero(np.r_[True, sorted_block[1:] != sorted_block[:-1]])
    sizes = np.diff(np.r_[starts, n])
    a_parts, b_parts = [], []
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        if size < 2 or size > 2000:
            continue
        idx = order[start : start + size]
        i, j = np.triu_indices(size, 1)
        a_parts.append(idx[i])
        b_parts.append(idx[j])
    if not a_parts:
        return [str(i) for i in range(n)]
    a = np.concatenate(a_parts).astype(np.int64)
    b = np.concatenate(b_parts).astype(np.int64)
    place = frame["place"].to_numpy(dtype=object)
    sims = process.cpdist(place[a].tolist(), place[b].tolist(), scorer=fuzz.ratio, workers=-1)
    keep = (np.asarray(sims) >= 85) & (place[a] != "")
    labels = components(n, a[keep], b[keep])
    return [str(x) for x in labels.tolist()]


def run_splink(path: str) -> list[str]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = _prepared(path)
    frame["unique_id"] = range(len(frame))
    frame["month"] = frame["day"].str[:7]
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    frame["figure"] = frame["low"].fillna("") + "-" + frame["outcome"].fillna("")
    cols = [
        "unique_id",
        "cc",
        "place",
        "admin",
        "day",
        "month",
        "lat",
        "lon",
        "perpetrator",
        "victim",
        "figure",
    ]
    data = frame[cols].replace({"": None})
    data["day"] = data["day"].astype("datetime64[s]")
    db_api = DuckDBAPI()
    df = db_api.register(data)
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("cc", "day"),
            block_on("place", "month"),
        ],
        comparisons=[
            cl.AbsoluteDateDifferenceAtThresholds(
                "day",
                metrics=["day", "day", "day"],
                thresholds=[0, 1, 3],
                input_is_string=False,
            ),
            cl.JaroWinklerAtThresholds("place", [0.95, 0.88, 0.7]),
            cl.DistanceInKMAtThresholds("lat", "lon", [5, 25, 60]),
            cl.ExactMatch("admin"),
            cl.ExactMatch("cc"),
            cl.ExactMatch("perpetrator"),
            cl.ExactMatch("victim"),
            cl.ExactMatch("figure"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(df, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("place", "day", "figure")], recall=0.5
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("place", "month"), record_sample_proportion=0.2
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("cc", "day"), record_sample_proportion=0.2
    )
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=0.95
    ).as_pandas_dataframe()
    by_id = dict(zip(clusters["unique_id"], clusters["cluster_id"], strict=True))
    return [str(by_id.get(i, f"s{i}")) for i in range(len(frame))]


def child(tool: str, path: str, out: str) -> None:
    runner = {"casualty": run_casualty, "splink": run_splink, "baseline": run_baseline}[tool]
    started = time.perf_counter()
    labels = runner(path)
    elapsed = time.perf_counter() - started
    Path(out).write_text(
        json.dumps({"labels": labels, "inner_seconds": elapsed, "peak_kib": _peak_kib()})
    )


def _peak_kib() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# -- the parent ------------------------------------------------------------------------------


def measure(tool: str, path: Path, workdir: Path, timeout: float) -> dict[str, Any]:
    out = workdir / f"{path.stem}.{tool}.json"
    cmd = [sys.executable, str(Path(__file__)), "--child", tool, str(path), str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return {"tool": tool, "error": f"timed out after {timeout:.0f} s"}
        time.sleep(0.05)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0 or not out.exists():
        last = stderr.strip().splitlines()[-1:] or ["no output"]
        return {
            "tool": tool,
            "error": last[0][:200],
            "wall_s": wall,
            "peak_mib": usage.ru_maxrss / 1024,
        }
    result = json.loads(out.read_text())
    return {
        "tool": tool,
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "inner_s": result["inner_seconds"],
        "peak_mib": result["peak_kib"] / 1024,
        "labels": result["labels"],
    }


def _warm_caches() -> None:
    """Build casualty's user caches (gazetteer, registry, country names) before timing.

    An installation builds them once (~20 s for the gazetteer), then every run reads them:
    the runs timed here are those, not the first one after an install or upgrade.
    """
    code = (
        "from casualty.geo import country_code, gazetteer; "
        "from casualty.registry import builtin_registry; "
        "gazetteer(); builtin_registry(); country_code('Syria')"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    if args_list[:1] == ["--child"]:
        child(*args_list[1:4])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", default="/tmp/casualty-bench")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args(args_list)
    sys.path.insert(0, str(HERE))
    import synth
    from cluster_accuracy import bcubed, largest, pairwise

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if "casualty" in args.tools.split(","):
        _warm_caches()
    print(f"cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}", flush=True)
    header = (
        f"{'size':>8} {'tool':<9} {'load':>5} {'wall s':>8} {'cpu s':>7} {'peak MiB':>9} "
        f"{'pair F1':>8} {'B3 F1':>7} {'B3 P':>6} {'B3 R':>6} {'largest':>8}"
    )
    print(header, flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        path = workdir / f"synth-{size}-{args.seed}.csv"
        if not path.exists():
            synth.generate(size, args.seed).to_csv(path, index=False)
        import pandas as pd

        gold = pd.read_csv(path, usecols=["gold"])["gold"].tolist()
        for tool in args.tools.split(","):
            load = os.getloadavg()[0]
            r = measure(tool, path, workdir, args.timeout)
            if "error" in r:
                print(f"{size:>8} {tool:<9} skipped: {r['error']}", flush=True)
                continue
            b3 = bcubed(r["labels"], gold)
            pw = pairwise(r["labels"], gold)
            print(
                f"{size:>8} {tool:<9} {load:>5.1f} {r['wall_s']:>8.1f} {r['cpu_s']:>7.1f} "
                f"{r['peak_mib']:>9.0f} "
                f"{pw.f1:>8.3f} {b3.f1:>7.3f} {b3.precision:>6.3f} {b3.recall:>6.3f} "
                f"{largest(r['labels']):>8}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
