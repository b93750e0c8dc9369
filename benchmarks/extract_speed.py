"""Extraction throughput and memory on a generated corpus, at 1x, 10x and 100x its size.

Articles are assembled from invented sentence templates (casualty reports with named and
unnamed claimants, places and dates, mixed with sentences without casualty language, as in
real news), generated lazily and streamed through `extract_documents`, so memory should stay
flat as the input grows. Each scale runs in its own process so that its peak RSS is its own.

When the labelled dev corpus is present (`../shared/corpus`, or `--corpus DIR`), a second
table streams its articles replicated 1x, 10x, 100x: real wording, but repeated, so the
per-phrase caches of the extractor help more than they would on fresh text.

MB/s is article text (UTF-8) per second of CPU time of the one extracting process; wall
time is printed too (on a shared machine it is the noisier figure).

    python benchmarks/extract_speed.py [--base-docs 50] [--scales 1,10,100] [--corpus DIR]
    python benchmarks/extract_speed.py --stages 500   # CPU share of each extraction stage
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOURCES = [
    "the Syrian Observatory for Human Rights",
    "a war monitor",
    "the health ministry",
    "a police official",
    "the army",
    "local officials",
    "the provincial governor",
    "medics at the scene",
    "state news agency SANA",
    "the UN mission",
]
PLACES = [
    "Aleppo",
    "Mosul",
    "Kharkiv",
    "Maiduguri",
    "Khartoum",
    "Hodeidah",
    "Kandahar",
    "Deir ez-Zor",
]
VICTIMS = [
    "civilians",
    "soldiers",
    "people",
    "fighters",
    "police officers",
    "children",
    "militants",
]
NUMBERS = [
    "12",
    "at least 30",
    "more than 200",
    "dozens of",
    "seven",
    "about 45",
    "up to 60",
    "1,200",
]
DAYS = ["on Monday", "on Tuesday", "overnight", "late on Friday", "on Sunday", "yesterday"]
CLAIMS = [
    "{num} {victim} were killed in an air strike in {place} {day}, {source} said.",
    "An attack {day} near {place} killed {num} {victim}, according to {source}.",
    "{Source} said {num} {victim} had been wounded in shelling of {place}.",
    "The death toll from the bombing in {place} rose to {bare}, {source} said {day}.",
    "Gunmen abducted {num} {victim} from a village outside {place} {day}.",
    "{Source} made no mention of casualties among its own forces.",
    "The strike {day} left {bare} dead and {bare2} injured, said {source}.",
]
FILLER = [
    "Residents described long queues for bread and fuel in the city centre.",
    "The talks are expected to resume next week in a neutral capital.",
    "Aid convoys have struggled to reach the area since the spring.",
    "The government has repeatedly denied targeting residential districts.",
    "Analysts say the front line has barely moved in the past year.",
    "Schools in the district reopened after a three-month closure.",
    "The envoy called on all parties to respect the truce agreed in March.",
    "Prices of basic goods have tripled, according to traders in the market.",
]


def _sentence(rng: random.Random) -> str:
    template = rng.choice(CLAIMS)
    source = rng.choice(SOURCES)
    return template.format(
        num=rng.choice(NUMBERS),
        victim=rng.choice(VICTIMS),
        place=rng.choice(PLACES),
        day=rng.choice(DAYS),
        source=source,
        Source=source[0].upper() + source[1:],
        bare=rng.randint(2, 400),
        bare2=rng.randint(2, 400),
    )


def generate(n_docs: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """`n_docs` articles as (id, body), about 2 KB each, one in four sentences a claim."""
    rng = random.Random(seed)
    for i in range(n_docs):
        paragraphs = []
        for _ in range(rng.randint(6, 12)):
            parts = [
                _sentence(rng) if rng.random() < 0.25 else rng.choice(FILLER)
                for _ in range(rng.randint(1, 3))
            ]
            paragraphs.append(" ".join(parts))
        yield f"gen-{i}", "\n\n".join(paragraphs)


DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
WARM_UP = (
    "Gunmen killed 3 people in Aleppo on Monday, the Syrian Observatory for Human Rights "
    "said. The army made no mention of its losses."
)


def corpus_articles(corpus: Path, copies: int) -> Iterator[tuple[str, str]]:
    """The corpus's .txt articles (header and all) `copies` times over, as (id, raw text)."""
    paths = sorted(corpus.glob("*/docs/*.txt"))
    raws = [p.read_text(encoding="utf-8") for p in paths]
    for copy in range(copies):
        for path, raw in zip(paths, raws, strict=True):
            yield f"{copy}-{path.stem}", raw


def run_child(n: int, corpus: str = "") -> dict[str, float]:
    """Extract `n` generated articles (or `n` copies of the corpus) in this process; return
    size, CPU and wall time, claims and peak RSS."""
    sys.path.insert(0, str(ROOT))
    from casualty.extract import extract_documents
    from casualty.io.documents import document_from_text
    from casualty.model import Document
    from casualty.registry import builtin_registry

    registry = builtin_registry()
    # Warm-up outside the timed part: load the gazetteer, compile the registries' scanners.
    list(extract_documents([Document(id="w", text=WARM_UP, outlet="Generated")], registry))
    size = count = 0

    def docs() -> Iterator[Document]:
        nonlocal size, count
        if corpus:
            for doc_id, raw in corpus_articles(Path(corpus), n):
                doc = document_from_text(raw, doc_id)
                size += len(doc.text.encode("utf-8"))
                count += 1
                yield doc
            return
        for doc_id, text in generate(n):
            size += len(text.encode("utf-8"))
            count += 1
            yield Document(id=doc_id, text=text, published="2024-05-10", outlet="Generated")

    claims = 0
    start, cpu = time.perf_counter(), time.process_time()
    for _ in extract_documents(docs(), registry):
        claims += 1
    cpu = time.process_time() - cpu
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "bytes": size,
        "docs": count,
        "seconds": elapsed,
        "cpu": cpu,
        "claims": claims,
        "peak_rss_mb": peak_kb / 1024,
    }


#: Stages timed by `--stages`: (label, module, attribute path). Times are inclusive, so a
#: stage's row counts the stages it calls (the article scans run inside `placement`, ...),
#: and the rows do not add up to the total.
STAGES: list[tuple[str, str, str]] = [
    ("split_sentences", "casualty.extract", "split_sentences"),
    ("find_mentions (figure + outcome)", "casualty.extract", "find_mentions"),
    ("find_omissions", "casualty.extract", "find_omissions"),
    ("Attributor.speakers (claimants)", "casualty.extract.attribution", "Attributor.speakers"),
    ("Attributor._cues (all sentences)", "casualty.extract.attribution", "Attributor._cues"),
    ("_claim (one claim)", "casualty.extract", "_claim"),
    ("_omissions", "casualty.extract", "_omissions"),
    ("ArticleContext.placement", "casualty.extract.context", "ArticleContext.placement"),
    ("ArticleContext.incident_date", "casualty.extract.context", "ArticleContext.incident_date"),
    ("ArticleContext.place_at", "casualty.extract.context", "ArticleContext.place_at"),
    ("article place scan (find_places)", "casualty.geo.gazetteer", "Gazetteer.find_places"),
    ("article registry scans (TextScan)", "casualty.registry.textscan", "TextScan.find"),
    ("article parties", "casualty.extract.victims", "article_parties"),
    ("dateline reference day", "casualty.extract.when", "reference_day"),
]


def run_stages(n: int) -> None:
    """Extract `n` generated articles in this process with each of `STAGES` wrapped by a CPU
    timer, and print each stage's share of the extraction's CPU time (after the warm-up, so
    the one-off loading of the gazetteer is left out)."""
    import importlib
    from collections.abc import Callable
    from typing import Any

    sys.path.insert(0, str(ROOT))
    from casualty.extract import extract_documents
    from casualty.model import Document
    from casualty.registry import builtin_registry

    spent = dict.fromkeys((label for label, _, _ in STAGES), 0.0)
    calls = dict.fromkeys(spent, 0)
    depth = dict.fromkeys(spent, 0)

    def timed(label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # A stage called within itself (a sentence's cues resolving deferred ones) is
            # timed once, by its outermost call.
            depth[label] += 1
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                depth[label] -= 1
                if not depth[label]:
                    spent[label] += time.process_time() - start
                calls[label] += 1

        return wrapper

    for label, module, path in STAGES:
        owner: Any = importlib.import_module(module)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        setattr(owner, name, timed(label, getattr(owner, name)))
    registry = builtin_registry()
    list(extract_documents([Document(id="w", text=WARM_UP, outlet="Generated")], registry))
    for label in spent:
        spent[label], calls[label] = 0.0, 0
    docs = [
        Document(id=doc_id, text=text, published="2024-05-10", outlet="Generated")
        for doc_id, text in generate(n)
    ]
    cpu = time.process_time()
    claims = sum(1 for _ in extract_documents(docs, registry))
    cpu = time.process_time() - cpu
    print(f"{n} generated articles, {claims} claims, {cpu:.2f} s CPU (stages inclusive)")
    print(f"{'stage':<38} {'calls':>7} {'cpu s':>7} {'share':>6}")
    for label, _, _ in STAGES:
        print(f"{label:<38} {calls[label]:>7} {spent[label]:>7.3f} {spent[label] / cpu:>6.1%}")


def table(label: str, runs: list[tuple[int, int, list[str]]]) -> None:
    """Run each (scale, n, extra args) in a child process and print one row per run."""
    print(label)
    print(
        f"{'scale':>5} {'docs':>7} {'MB':>8} {'cpu s':>8} {'MB/s':>6} {'wall s':>8} "
        f"{'claims':>8} {'peak RSS MB':>11}"
    )
    for scale, n, extra in runs:  # n: articles, or copies of the corpus
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n), *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        mb = r["bytes"] / 1e6
        print(
            f"{scale:>4}x {int(r['docs']):>7} {mb:>8.2f} {r['cpu']:>8.2f} {mb / r['cpu']:>6.2f} "
            f"{r['seconds']:>8.2f} {int(r['claims']):>8} {r['peak_rss_mb']:>11.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-docs", type=int, default=50, help="articles at 1x")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument(
        "--corpus",
        default=str(DEFAULT_CORPUS) if DEFAULT_CORPUS.is_dir() else "",
        help="dev corpus directory to replicate (default: ../shared/corpus when present)",
    )
    parser.add_argument(
        "--stages",
        type=int,
        default=0,
        metavar="N",
        help="instead: time the extraction stages on N generated articles, in this process",
    )
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--child-corpus", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stages:
        run_stages(args.stages)
        return 0
    if args.child:
        print(json.dumps(run_child(args.child, args.child_corpus)))
        return 0
    scales = [int(s) for s in args.scales.split(",")]
    table("generated articles", [(k, args.base_docs * k, []) for k in scales])
    if args.corpus:
        print()
        table(
            f"dev corpus replicated ({args.corpus})",
            [(k, k, ["--child-corpus", args.corpus]) for k in scales],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
