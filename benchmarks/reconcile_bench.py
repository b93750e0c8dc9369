"""Time reconciliation and the views on synthetic clustered claims; prints figures.

Usage: python benchmarks/reconcile_bench.py [N ...]   (default: 10000 100000)

Claims: incidents of ~8 claims from 6 sources (monitor, belligerent, state media...), with
updates, omissions and 1% period totals.
"""

from __future__ import annotations

import io
import random
import resource
import sys
import time

from casualty.model import Claim
from casualty.reconcile import Report, reconcile, report_to_json
from casualty.render.csvout import write_csv

SOURCES = [
    ("Monitor A", "monitor"),
    ("Monitor B", "monitor"),
    ("Army", "belligerent"),
    ("Rebels", "belligerent"),
    ("State TV", "state_media"),
    ("Hospital", "medical"),
]
VICTIMS = [("Army", "combatants"), ("Rebels", "combatants"), ("civilians", "civilians")]


def claims(n: int, seed: int = 7) -> list[Claim]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        incident = i // 8
        source, source_type = rnd.choice(SOURCES)
        victim, category = rnd.choice(VICTIMS)
        kind = "period_total" if rnd.random() < 0.01 else rnd.choice(["claim"] * 12 + ["omission"])
        low = rnd.randint(0, 300)
        day = 1 + incident % 28
        out.append(
            Claim(
                source=source,
                source_type=source_type,
                outcome=rnd.choice(["killed", "killed", "wounded"]),
                kind=kind,
                claim_id=f"c{i:08d}",
                victim=victim,
                victim_category=category,
                low=low if kind != "omission" else None,
                high=rnd.choice([low, None, low + 50]) if kind != "omission" else None,
                perpetrator=rnd.choice(["Army", "Rebels"]),
                published=f"2020-{1 + incident % 12:02d}-{day:02d}",
                date=f"2020-{1 + incident % 12:02d}-{day:02d}",
                date_precision="month" if kind == "period_total" else "day",
                incident_id=None if kind == "period_total" else f"inc-{incident}",
            )
        )
    return out


def main(sizes: list[int]) -> None:
    for n in sizes:
        data = claims(n)
        start = time.perf_counter()
        cpu = time.process_time()
        report = reconcile(data)
        cpu = time.process_time() - cpu
        middle = time.perf_counter()
        report_to_json(report)
        after_json = time.perf_counter()
        write_csv(report, io.StringIO())
        end = time.perf_counter()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{n:>9} claims  {len(report.incidents):>7} incidents  "
            f"reconcile {middle - start:6.2f}s wall, {cpu:6.2f}s CPU "
            f"({n / cpu:,.0f} claims per CPU second)  "
            f"json {after_json - middle:5.2f}s  csv {end - after_json:5.2f}s  "
            f"peak RSS {peak:,.0f} MB"
        )
        if n <= 20_000:
            views(report)


def views(report: Report) -> None:
    """CPU seconds of the human-facing views (rich table at 80 columns, Markdown, HTML)."""
    from rich.console import Console

    from casualty.render.markdown import render_markdown
    from casualty.render.table import render_table

    def table() -> None:
        render_table(report, Console(width=80, file=io.StringIO(), color_system=None))

    def html() -> None:
        from casualty.render.html import render_html

        render_html(report)

    timings = []
    for name, view in (("table", table), ("md", lambda: render_markdown(report)), ("html", html)):
        cpu = time.process_time()
        view()
        timings.append(f"{name} {time.process_time() - cpu:.2f}s")
    print(f"{'':>9} views (CPU): " + "  ".join(timings))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
