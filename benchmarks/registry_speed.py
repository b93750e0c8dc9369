"""Registry speed: load time, first-use compile time, and scanning throughput.

Prints CPU seconds (not wall-clock, which other processes distort) for loading the built-in
registry, compiling its matchers, and `find_sources` / `find_actors` / `find_descriptors` on
generated text at 1x, 10x and 100x of `--size` bytes, plus adversarial text (long runs of
separators and of prefixes that start many terms) to show scanning stays linear.

    python benchmarks/registry_speed.py [--size 1000000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

FILLER = (
    "Fighting continued on the outskirts of the town on Tuesday, according to reports.",
    "The statement gave no figure for losses and said operations would go on.",
    "Residents said shelling had damaged a school and two houses near the market.",
    "A spokesman told reporters that the situation was under control by evening.",
    "Officials in the province said roads to the north had been closed since Monday.",
)


def make_text(size: int, seed: int = 1) -> str:
    """Plausible article text with registry names sprinkled in, `size` characters long."""
    from casualty.registry import builtin_registry

    reg = builtin_registry()
    names = [s.name for s in reg.sources] + [a for s in reg.sources for a in s.aliases]
    names += [a.name for a in reg.actors] + [x for a in reg.actors for x in a.aliases]
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sentence = rng.choice(FILLER)
        if rng.random() < 0.5:
            sentence = f"{rng.choice(names)} said {sentence[0].lower()}{sentence[1:]}"
        parts.append(sentence)
        total += len(sentence) + 1
    return " ".join(parts)[:size]


def adversarial(size: int) -> str:
    unit = "the " + " - " * 50 + "a the an U.S. IS-" + "-" * 40 + " Islamic " * 5
    return (unit * (size // len(unit) + 1))[:size]


def cpu(func: Callable[[], object]) -> float:
    start = time.process_time()
    func()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of text at 1x")
    parser.add_argument("--max-scale", type=int, default=100, help="largest multiple of --size")
    args = parser.parse_args()

    start = time.process_time()
    from casualty.registry import builtin_registry

    reg = builtin_registry()
    load = time.process_time() - start
    print(
        f"load: {load:.3f} s CPU ({len(reg.sources)} sources, {len(reg.actors)} actors, "
        f"{len(reg.descriptors)} descriptors)"
    )
    compile_time = cpu(
        lambda: (reg.find_sources(""), reg.find_actors(""), reg.find_descriptors(""))
    )
    print(f"first-use compile: {compile_time:.3f} s CPU")

    base = make_text(args.size)
    scale = 1
    while scale <= args.max_scale:
        text = base * scale
        megabytes = len(text) / 1e6
        for name in ("find_sources", "find_actors", "find_descriptors"):
            finder = getattr(reg, name)
            seconds = cpu(lambda f=finder, t=text: f(t))
            print(
                f"{name:17} {megabytes:7.1f} MB  {seconds:7.3f} s  {megabytes / seconds:6.2f} MB/s"
            )
        scale *= 10
    for scale in (1, 10):
        text = adversarial(args.size * scale)
        seconds = cpu(lambda t=text: reg.find_sources(t))
        print(f"adversarial       {len(text) / 1e6:7.1f} MB  {seconds:7.3f} s")


if __name__ == "__main__":
    main()
