"""Precision and recall of incident clustering across thresholds, on generated claim sets.

Raising the threshold splits more readily (precision up, recall down); lowering it merges
more readily. The default (`casualty.cluster.DEFAULT_THRESHOLD`) is marked.

Usage: python benchmarks/cluster_thresholds.py [--size 20000] [--seed 0]
       [--thresholds 1,1.5,2,2.5,3,3.5,4,5,6]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--thresholds", default="1,1.5,2,2.5,3,3.5,4,5,6")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import synth
    from cluster_accuracy import bcubed, largest, pairwise

    from casualty.cluster import DEFAULT_THRESHOLD
    from casualty.cluster.engine import cluster_frame
    from casualty.registry import builtin_registry

    registry = builtin_registry()  # as `casualty cluster` runs
    frame = synth.generate(args.size, args.seed)
    gold = frame["gold"].tolist()
    claims = frame.drop(columns=["gold"])
    print(f"{args.size} generated claims, seed {args.seed}, {frame['gold'].nunique()} incidents")
    print(
        f"{'threshold':>9} {'pair P':>7} {'pair R':>7} {'pair F1':>7} "
        f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'largest':>7}"
    )
    for value in (float(v) for v in args.thresholds.split(",")):
        labels, _ = cluster_frame(claims, value, registry)
        pw, b3 = pairwise(labels, gold), bcubed(labels, gold)
        mark = "  (default)" if value == DEFAULT_THRESHOLD else ""
        print(
            f"{value:>9g} {pw.precision:>7.3f} {pw.recall:>7.3f} {pw.f1:>7.3f} "
            f"{b3.precision:>6.3f} {b3.recall:>6.3f} {b3.f1:>6.3f} {largest(labels):>7}{mark}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
