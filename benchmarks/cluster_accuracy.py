"""Clustering accuracy: pairwise and B-cubed scores, and the corpus check.

`pairwise(pred, gold)` and `bcubed(pred, gold)` take two equal-length label sequences.
`score_clustering(pairs)` scores the incident grouping of matched claims (the extraction
benchmark passes (predicted incident id, gold incident id) for each matched claim).

`python benchmarks/cluster_accuracy.py` runs the clusterer on the corpus's GOLD claims turned
into claims (dates from the document's publication date and the quote, places from the quote
through the gazetteer) and prints B-cubed and pairwise scores: a check of the clusterer
independent of extraction.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}"


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _codes(pred: Sequence[Any], gold: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    p = pd.factorize(pd.Series(list(pred), dtype=object).astype(str))[0]
    g = pd.factorize(pd.Series(list(gold), dtype=object).astype(str))[0]
    return p.astype(np.int64), g.astype(np.int64)


def pairwise(pred: Sequence[Any], gold: Sequence[Any]) -> Scores:
    """Precision/recall over pairs of items put together."""
    p, g = _codes(pred, gold)
    joint = np.unique(p * (g.max() + 1) + g, return_counts=True)[1]
    both = float((joint * (joint - 1) // 2).sum())
    pp = np.bincount(p)
    gg = np.bincount(g)
    pred_pairs = float((pp * (pp - 1) // 2).sum())
    gold_pairs = float((gg * (gg - 1) // 2).sum())
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def bcubed(pred: Sequence[Any], gold: Sequence[Any]) -> Scores:
    """B-cubed precision/recall (per item, averaged)."""
    p, g = _codes(pred, gold)
    if len(p) == 0:
        return Scores(1.0, 1.0, 1.0)
    key = p * (g.max() + 1) + g
    _, inv, joint = np.unique(key, return_inverse=True, return_counts=True)
    both = joint[inv].astype(float)
    precision = float((both / np.bincount(p)[p]).mean())
    recall = float((both / np.bincount(g)[g]).mean())
    return Scores(precision, recall, _f1(precision, recall))


def largest(pred: Sequence[Any]) -> int:
    """Size of the largest predicted cluster."""
    return int(pd.Series(list(pred)).value_counts().max()) if len(pred) else 0


def score_clustering(pairs: Iterable[tuple[str, str]]) -> dict[str, Scores]:
    """B-cubed and pairwise scores of (predicted incident, gold incident) pairs."""
    items = list(pairs)
    pred = [p for p, _ in items]
    gold = [g for _, g in items]
    return {"bcubed": bcubed(pred, gold), "pairwise": pairwise(pred, gold)}


# -- the corpus check on gold claims ---------------------------------------------------------


def gold_claims(folder: Path) -> tuple[list[Any], list[str]]:
    """Gold claims of one corpus folder as Claims (with places and dates found in the text)."""
    from casualty.geo import gazetteer
    from casualty.model import Claim

    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    published = {d["doc"]: d["published"] for d in gold["docs"]}
    gaz = gazetteer()
    claims: list[Any] = []
    labels: list[str] = []
    rows = [(c, "claim") for c in gold["claims"]] + [(o, "omission") for o in gold["omissions"]]
    bodies: dict[str, tuple[str, list[Any]]] = {}
    for n, (c, kind) in enumerate(rows):
        if kind == "claim" and (c.get("period_total") or not c.get("incident")):
            continue
        if c["doc"] not in bodies:
            bodies[c["doc"]] = _doc_places(gaz, (folder / "docs" / c["doc"]).read_text("utf-8"))
        _, doc_places = bodies[c["doc"]]
        countries = _countries(doc_places)
        found = [p for _, _, p in gaz.find_places(c["quote"], countries)]
        place = _pick(found, countries) or _pick(doc_places, countries)
        claims.append(
            Claim(
                source=c["claimant"],
                outcome=c["outcome"],
                kind=kind,
                claim_id=f"{folder.name}-{n}",
                doc=c["doc"],
                published=published.get(c["doc"]),
                location=place.name if place else None,
                country=place.country if place else None,
                perpetrator=c.get("perpetrator"),
                victim=c.get("victim"),
                victim_category=c.get("victim_category"),
                low=c.get("low"),
                high=c.get("high"),
                text=c["quote"],
            )
        )
        labels.append(c["incident"])
    return claims, labels


def _doc_places(gaz: Any, text: str) -> tuple[str, list[Any]]:
    """The body of a document and the places it names, without its dateline."""
    body = text.split("\n\n", 1)[-1]
    head = body[:80]
    cut = min((i for i in (head.find(":"), head.find("(")) if i >= 0), default=-1)
    scan = body[cut + 1 :] if 0 <= cut < 40 else body
    return body, [p for _, _, p in gaz.find_places(scan)]


def _countries(found: list[Any]) -> list[str]:
    counts: dict[str, int] = {}
    for p in found:
        counts[p.country] = counts.get(p.country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])[:2]


def _pick(found: list[Any], countries: list[str]) -> Any:
    """The first town in the document's main countries, else the first place there."""
    home = [p for p in found if not countries or p.country in countries]
    towns = [p for p in home if p.kind == "city"]
    return (towns or home or [None])[0]


def main(argv: Sequence[str] = ()) -> int:
    from casualty.cluster import cluster_claims

    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / ".." / "shared"
    corpus = root / "corpus"
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 1
    for folder in sorted(p for p in corpus.iterdir() if (p / "gold.json").is_file()):
        claims, labels = gold_claims(folder)
        result = cluster_claims(claims)
        pred = [c.incident_id for c in result.claims]
        scores = score_clustering(zip(pred, labels, strict=True))
        print(
            f"{folder.name}: {len(claims)} gold claims, {len(set(labels))} incidents, "
            f"{len(set(pred))} predicted; B-cubed {scores['bcubed']}; "
            f"pairwise {scores['pairwise']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
