"""Throughput of the count-expression finder on generated news text and on hostile text.

Run: ``.venv/bin/python benchmarks/counts_speed.py [--base-kb 100]``

Prints MB per CPU second of ``find_counts`` (plus ``is_non_casualty_number`` on every count)
at 1x, 10x and 100x a generated news corpus, called once per sentence as the extractor does
and once on whole articles, then on hostile inputs at two sizes each: linear time shows as a
steady MB/s when the size grows tenfold.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from casualty.extract.counts import find_counts, is_non_casualty_number

SUBJECTS = [
    "the monitoring group",
    "the health ministry",
    "a military spokesman",
    "local officials",
    "the civil defence service",
    "a rebel commander",
    "state television",
    "medics at the scene",
]
VICTIMS = ["soldiers", "civilians", "fighters", "people", "policemen", "children", "militants"]
FIGURES = [
    "{n}",
    "at least {n}",
    "more than {n}",
    "up to {n}",
    "about {n}",
    "nearly {n}",
    "some {n}",
    "between {n} and {m}",
    "{w}",
    "dozens of",
    "scores of",
    "hundreds of",
    "several",
    "a dozen",
    "{n:,}",
]
WORDS = ["three", "seven", "twelve", "twenty-one", "forty", "seventy-three", "two hundred"]
TEMPLATES = [
    "{S} said {F} {V} were killed on {D} when {A} struck the town.",
    "{F} {V} were wounded and {F2} others were missing after the attack, {S} said.",
    "The toll rose to {n} overnight, according to {S}, which gave no further details.",
    "{S} reported heavy losses among the attackers but did not give a figure.",
    "In {y}, the same district saw {k} air strikes in {d} days, {S} said.",
    "A {a}-year-old boy was among the dead, {S} told reporters at {h} pm on {D}.",
    "The convoy of {k} vehicles was hit about {d} km from the border, {S} added.",
    "Residents said the shelling had gone on for nearly three years and no one felt safe.",
    "The offensive, now in its {d}th week, has displaced tens of thousands of people.",
    "Officials declined to comment on the report, which could not be independently verified.",
]
#: Sentences without a figure: news articles carry more of these than of figures.
FILLER = [
    "The fighting has forced many families to flee toward the border, aid groups said.",
    "Government forces have been trying for months to retake the area from the insurgents.",
    "The group has not commented on the claims, which could not be independently verified.",
    "Witnesses described scenes of panic as ambulances rushed to the site of the explosion.",
    "The United Nations has called on all sides to protect civilians and allow aid deliveries.",
    "Analysts say the offensive is aimed at cutting supply lines between the two cities.",
    "The army said its units were continuing operations in the surrounding villages.",
    "Talks between the parties stalled last month after a dispute over a prisoner exchange.",
    "Residents said power and water had been cut since the start of the week.",
    "A spokesman for the coalition said the strike had targeted a weapons depot.",
]
DAYS = ["Monday", "Tuesday", "Sept 28", "28 September", "Thursday night"]


def article(rng: random.Random) -> str:
    """One generated article of 8 to 14 sentences."""
    out = []
    for _ in range(rng.randint(8, 14)):
        if rng.random() < 0.75:
            out.append(rng.choice(FILLER))
            continue
        n = rng.choice([3, 7, 12, 21, 40, 73, 150, 1200])
        fill = {
            "n": n,
            "m": n + rng.randint(2, 30),
            "w": rng.choice(WORDS),
            "k": rng.randint(2, 40),
            "d": rng.randint(2, 60),
            "y": rng.randint(2011, 2024),
            "a": rng.randint(6, 17),
            "h": rng.randint(1, 11),
        }
        fig = rng.choice(FIGURES).format(**fill)
        fig2 = rng.choice(FIGURES).format(**fill)
        out.append(
            rng.choice(TEMPLATES).format(
                S=rng.choice(SUBJECTS),
                F=fig,
                F2=fig2,
                V=rng.choice(VICTIMS),
                D=rng.choice(DAYS),
                A="a drone",
                **fill,
            )
        )
    text = " ".join(out)
    return text[0].upper() + text[1:]


def run(texts: list[str]) -> int:
    found = 0
    for text in texts:
        for c in find_counts(text):
            found += not is_non_casualty_number(text, c)
    return found


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: steadier than wall time on a shared machine."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-kb", type=int, default=100, help="size of the 1x corpus")
    args = parser.parse_args()
    rng = random.Random(7)
    articles: list[str] = []
    while sum(map(len, articles)) < args.base_kb * 1000:
        articles.append(article(rng))
    run(articles[:5])  # load the vocabulary outside the timing
    print(f"{'input':<44}{'MB':>9}{'CPU s':>10}{'MB/s':>9}{'counts':>9}")
    for factor in (1, 10, 100):
        docs = articles * factor
        sentences = [s for a in docs for s in a.split(". ")]
        mb = sum(map(len, docs)) / 1e6
        for label, texts in (("per sentence", sentences), ("per article", docs)):
            found = 0

            def go(texts: list[str] = texts) -> None:
                nonlocal found
                found = run(texts)

            sec = timed(go)
            print(
                f"{f'news {factor}x, {label}':<44}{mb:>9.2f}{sec:>10.3f}{mb / sec:>9.1f}{found:>9}"
            )
    hostile: list[tuple[str, Callable[[int], str]]] = [
        ("digits in a row", lambda n: "7" * n),
        ("'killed at least ' repeated", lambda n: "killed at least " * (n // 16)),
        ("commas", lambda n: "," * n),
        ("'1,' repeated", lambda n: "1," * (n // 2)),
        ("'at least 5 ' repeated", lambda n: "at least 5 " * (n // 11)),
        ("'seventy-' repeated", lambda n: "seventy-" * (n // 8)),
        ("'dozens of ' repeated", lambda n: "dozens of " * (n // 10)),
    ]
    for name, make in hostile:
        for size in (100_000, 1_000_000):
            text = make(size)
            found = 0

            def go_one(text: str = text) -> None:
                nonlocal found
                found = len(find_counts(text))

            sec = timed(go_one)
            mb = len(text) / 1e6
            print(
                f"{f'{name}, {size:,} chars':<44}{mb:>9.2f}{sec:>10.3f}{mb / sec:>9.1f}{found:>9}"
            )


if __name__ == "__main__":
    main()
