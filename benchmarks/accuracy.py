"""Extraction accuracy on the labelled corpus (../shared/corpus), per folder and overall.

Implements the matching rule of the corpus README ("Scoring"): same doc, same outcome, the
figure in the gold `accept` pairs (or the gold quantity word inside the predicted qualifier,
or no figure for a figure-less gold claim), and for strict scores the claimant equal to the
gold claimant or an alias (fuzzy similarity >= 85 ignoring parentheses, punctuation and
articles; unattributed gold claims accept a `media`/`unknown` source or the outlet). Precision
and recall count gold groups once; optional claims are neither required nor penalised.

Incident clustering is scored as the corpus README says, with B-cubed over the incident ids of
matched claims: the extracted claims of each folder are clustered together (all documents at
once, as `casualty extract docs/ | casualty cluster -` does); then every required gold claim
that has an incident, is not a period total and is strictly matched contributes one item, the
predicted incident id of its matching prediction against its gold incident. When several
predictions match one gold claim, the one whose text overlaps the gold quote is taken (then
the one matching fewest gold claims, then the first). A gold incident with `part_of` (a
separately reported site of a wider attack) stays an incident of its own, as the labelling
convention treats it; a claim with `alt_incident` counts as belonging to whichever of its two
incidents most of the other claims in its predicted incident belong to.

    python benchmarks/accuracy.py [--corpus DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("syria_iraq", "other")

_PAREN = re.compile(r"\([^)]*\)")
_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(?:the|a|an)\b")


def _variants(name: str) -> set[str]:
    out = set()
    for text in (_PAREN.sub(" ", name), name.replace("(", " ").replace(")", " ")):
        text = _PUNCT.sub(" ", text.lower().replace("’", "'").replace("'s", ""))
        text = " ".join(_ARTICLES.sub(" ", text).split())
        if text:
            out.add(text)
    return out


def names_match(predicted: str, gold_names: Iterable[str], threshold: float = 85.0) -> bool:
    """Case-insensitive fuzzy equality ignoring parentheses, punctuation and articles."""
    from rapidfuzz import fuzz

    pred = _variants(predicted)
    for name in gold_names:
        for g in _variants(name):
            for p in pred:
                if fuzz.ratio(p, g) >= threshold:
                    return True
    return False


def _get(claim: Any, key: str) -> Any:
    return claim.get(key) if isinstance(claim, dict) else getattr(claim, key, None)


def figure_match(pred: Any, gold: dict[str, Any]) -> bool:
    """Condition 3: the predicted bounds (or quantity word) fit the gold claim."""
    low, high = _get(pred, "low"), _get(pred, "high")
    accept = [tuple(p) for p in gold.get("accept") or []]
    if (low, high) in accept:
        return True
    word = gold.get("qualitative")
    if word:
        qualifier = (_get(pred, "qualifier") or "").lower()
        if word.lower() in qualifier:
            return True
    return not accept and not word and low is None and high is None


def claimant_match(pred: Any, gold: dict[str, Any], outlet: str | None) -> bool:
    """Condition 4: the claimant (or the unattributed rule)."""
    source = _get(pred, "source") or ""
    names = [gold["claimant"], *(gold.get("claimant_aliases") or [])]
    if gold.get("unattributed"):
        if _get(pred, "source_type") in ("media", "unknown"):
            return True
        if outlet and names_match(source, [outlet]):
            return True
    return names_match(source, names)


@dataclass
class FolderScore:
    """Counts for one folder (or all)."""

    required: int = 0
    strict_tp: int = 0
    strict_fp: int = 0
    count_tp: int = 0
    count_fp: int = 0
    checks: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in ("source_type", "victim", "date", "kind")}
    )
    omissions: int = 0
    omissions_found: int = 0
    omissions_predicted: int = 0
    omissions_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    date_misses: list[str] = field(default_factory=list)

    def add(self, other: FolderScore) -> None:
        for name in (
            "required",
            "strict_tp",
            "strict_fp",
            "count_tp",
            "count_fp",
            "omissions",
            "omissions_found",
            "omissions_predicted",
            "omissions_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, (right, total) in other.checks.items():
            self.checks[key][0] += right
            self.checks[key][1] += total
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.date_misses += other.date_misses


def _prf(tp: int, fp: int, required: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / required if required else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _date_ok(pred: Any, gold: dict[str, Any], incidents: dict[str, dict[str, Any]]) -> bool:
    inc = incidents.get(gold.get("incident") or "")
    if inc is None:
        return True
    date = _get(pred, "date")
    if date is None:
        return False
    if date == inc.get("date") or date in (inc.get("alt_dates") or []):
        return True
    end = inc.get("date_end")
    return bool(end and inc["date"] <= date <= end)


def _describe_pred(p: Any) -> str:
    return (
        f"{_get(p, 'doc')}: {_get(p, 'kind')} {_get(p, 'source')!r} ({_get(p, 'source_type')}) "
        f"{_get(p, 'outcome')} {_get(p, 'low')}-{_get(p, 'high')} [{_get(p, 'qualifier')}] "
        f"| {(_get(p, 'text') or '')[:110]}"
    )


def _describe_gold(g: dict[str, Any]) -> str:
    return (
        f"{g['doc']}: {g['group']} {g['claimant']!r} ({g['claimant_type']}) {g['outcome']} "
        f"{g.get('accept')} [{g.get('qualitative')}]{' PT' if g.get('period_total') else ''} "
        f"| {g['quote'][:110]}"
    )


def score_folder(preds: Sequence[Any], gold: dict[str, Any]) -> FolderScore:
    """Score the predictions of one folder against its gold.json content."""
    score = FolderScore()
    outlets = {d["doc"]: d.get("outlet") for d in gold["docs"]}
    incidents = {i["id"]: i for i in gold.get("incidents", [])}
    claims = gold["claims"]
    required_groups = {c["group"] for c in claims if not c.get("optional")}
    score.required = len(required_groups)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append(c)
    strict_hit: set[str] = set()
    count_hit: set[str] = set()
    checked: set[str] = set()
    for p in preds:
        if _get(p, "kind") == "omission":
            continue
        doc = _get(p, "doc")
        cands = [
            g
            for g in by_doc.get(doc, [])
            if g["outcome"] == _get(p, "outcome") and figure_match(p, g)
        ]
        strict = [g for g in cands if claimant_match(p, g, outlets.get(doc))]
        for pool, hit, kind in ((cands, count_hit, "count"), (strict, strict_hit, "strict")):
            # A prediction matching only optional claims is neither a hit nor a false positive.
            req = [g for g in pool if not g.get("optional")]
            if req:
                hit.update(g["group"] for g in req)
            elif not pool:
                if kind == "count":
                    score.count_fp += 1
                else:
                    score.strict_fp += 1
                    score.false_positives.append(_describe_pred(p))
        req_strict = [g for g in strict if not g.get("optional")]
        if req_strict:
            g = req_strict[0]
            if g["group"] in checked:
                continue
            checked.add(g["group"])
            st = _get(p, "source_type")
            ok = st == g["claimant_type"] or (
                g.get("unattributed") and {st, g["claimant_type"]} <= {"media", "unknown"}
            )
            _tick(score, "source_type", bool(ok))
            _tick(score, "victim", _get(p, "victim_category") == g.get("victim_category"))
            if g.get("incident"):
                dated = _date_ok(p, g, incidents)
                _tick(score, "date", dated)
                if not dated:
                    inc = incidents.get(g["incident"], {})
                    score.date_misses.append(
                        f"{_get(p, 'date')} (gold {inc.get('date')}"
                        f"{'..' + inc['date_end'] if inc.get('date_end') else ''}) "
                        + _describe_pred(p)
                    )
            _tick(score, "kind", (_get(p, "kind") == "period_total") == bool(g.get("period_total")))
    score.strict_tp = len(strict_hit)
    score.count_tp = len(count_hit)
    seen: set[str] = set()
    for c in claims:
        if (
            c["group"] in required_groups
            and c["group"] not in strict_hit
            and c["group"] not in seen
        ):
            seen.add(c["group"])
            score.misses.append(
                ("      " if c["group"] in count_hit else "COUNT ") + _describe_gold(c)
            )
    omitted = [p for p in preds if _get(p, "kind") == "omission"]
    score.omissions = len(gold.get("omissions", []))
    score.omissions_predicted = len(omitted)
    right: set[int] = set()
    for o in gold.get("omissions", []):
        names = [o["claimant"], *(o.get("claimant_aliases") or [])]
        hits = [
            i
            for i, p in enumerate(omitted)
            if _get(p, "doc") == o["doc"] and names_match(_get(p, "source") or "", names)
        ]
        if hits:
            score.omissions_found += 1
            right.update(hits)
        else:
            score.misses.append(f"OMISSION {o['doc']}: {o['claimant']!r} | {o['quote'][:100]}")
    score.omissions_right = len(right)
    for i, p in enumerate(omitted):
        if i not in right:
            score.false_positives.append("OMISSION " + _describe_pred(p))
    return score


def _tick(score: FolderScore, key: str, ok: bool) -> None:
    score.checks[key][0] += int(ok)
    score.checks[key][1] += 1


def score_extraction(pred_claims: Iterable[Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Scores of predicted claims (Claim objects or dicts) against one gold.json mapping.

    Returns strict and count precision/recall/F1, attribute accuracies on matched claims,
    omission recall and the lists of misses and false positives.
    """
    score = score_folder(list(pred_claims), gold)
    return _as_dict(score)


def _as_dict(score: FolderScore) -> dict[str, Any]:
    sp, sr, sf = _prf(score.strict_tp, score.strict_fp, score.required)
    cp, cr, cf = _prf(score.count_tp, score.count_fp, score.required)
    checks = {k: (r / t if t else None) for k, (r, t) in score.checks.items()}
    return {
        "required_groups": score.required,
        "strict": {"tp": score.strict_tp, "fp": score.strict_fp, "p": sp, "r": sr, "f1": sf},
        "count": {"tp": score.count_tp, "fp": score.count_fp, "p": cp, "r": cr, "f1": cf},
        "source_type": checks["source_type"],
        "victim_category": checks["victim"],
        "date": checks["date"],
        "kind": checks["kind"],
        "omission_recall": score.omissions_found / score.omissions if score.omissions else None,
        "omission_precision": (
            score.omissions_right / score.omissions_predicted if score.omissions_predicted else None
        ),
        "misses": score.misses,
        "false_positives": score.false_positives,
        "date_misses": score.date_misses,
    }


def load_folder(corpus: Path, folder: str) -> tuple[list[Any], dict[str, Any]]:
    """Documents of one corpus folder, read as the CLI reads them, and its gold."""
    from casualty.io.documents import document_from_text

    gold = json.loads((corpus / folder / "gold.json").read_text("utf-8"))
    docs = []
    for path in sorted((corpus / folder / "docs").glob("*.txt")):
        docs.append(document_from_text(path.read_text("utf-8"), path.name))
    return docs, gold


# -- incident clustering of matched claims --------------------------------------------------


def _squash(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


def incident_items(
    preds: Sequence[Any], incident_ids: Sequence[str | None], gold: dict[str, Any]
) -> list[tuple[str, str, str]]:
    """(predicted incident id, gold incident id, gold claim id) of every strictly matched,
    required, non-period-total gold claim with an incident (see the module docstring)."""
    outlets = {d["doc"]: d.get("outlet") for d in gold["docs"]}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in gold["claims"]:
        if c.get("incident") and not c.get("optional") and not c.get("period_total"):
            by_doc.setdefault(c["doc"], []).append(c)
    matches: dict[str, list[tuple[int, int, int]]] = {}  # gold id -> (rank, fan-out, pred)
    for k, p in enumerate(preds):
        if _get(p, "kind") == "omission":
            continue
        doc = _get(p, "doc")
        hits = [
            g
            for g in by_doc.get(doc, [])
            if g["outcome"] == _get(p, "outcome")
            and figure_match(p, g)
            and claimant_match(p, g, outlets.get(doc))
        ]
        text = _squash(_get(p, "text"))
        for g in hits:
            quote = _squash(g["quote"])
            overlap = bool(text) and (quote in text or text in quote)
            matches.setdefault(g["id"], []).append((0 if overlap else 1, len(hits), k))
    gold_by_id = {c["id"]: c for cs in by_doc.values() for c in cs}
    items = []
    for gid, cands in matches.items():
        k = min(cands)[2]
        items.append((str(incident_ids[k]), gold_by_id[gid]["incident"], gid))
    # An ambiguous claim belongs to the alternative its predicted incident mostly holds.
    members: dict[str, list[str]] = {}
    for pred, inc, _ in items:
        members.setdefault(pred, []).append(inc)
    out = []
    for pred, inc, gid in sorted(items, key=lambda x: x[2]):
        alt = gold_by_id[gid].get("alt_incident")
        if alt and members[pred].count(alt) > members[pred].count(inc) - 1:
            inc = alt
        out.append((pred, inc, gid))
    return out


def _cluster_scores(items: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    from cluster_accuracy import bcubed, pairwise

    pred = [p for p, _, _ in items]
    gold = [g for _, g, _ in items]
    b3 = bcubed(pred, gold)
    pw = pairwise(pred, gold)
    return {
        "claims": len(items),
        "gold_incidents": len(set(gold)),
        "predicted": len(set(pred)),
        "b3": (b3.precision, b3.recall, b3.f1),
        "pair": (pw.precision, pw.recall, pw.f1),
        "errors": _cluster_errors(items),
    }


def _cluster_errors(items: Sequence[tuple[str, str, str]]) -> list[str]:
    """Gold incidents split over several predicted ones, predicted ones merging several."""
    by_gold: dict[str, dict[str, list[str]]] = {}
    by_pred: dict[str, set[str]] = {}
    for pred, inc, gid in items:
        by_gold.setdefault(inc, {}).setdefault(pred, []).append(gid)
        by_pred.setdefault(pred, set()).add(inc)
    out = []
    for inc, preds in sorted(by_gold.items()):
        if len(preds) > 1:
            parts = "; ".join(f"{p}: {' '.join(ids)}" for p, ids in sorted(preds.items()))
            out.append(f"SPLIT {inc} -> {parts}")
    for pred, incs in sorted(by_pred.items()):
        if len(incs) > 1:
            out.append(f"MERGE {pred} <- {', '.join(sorted(incs))}")
    return out


def run(corpus: Path) -> dict[str, dict[str, Any]]:
    """Extract, cluster and score every folder; returns {folder or "overall": scores}.

    Each entry holds the extraction scores and, under "incidents", the clustering scores of
    its matched claims (`incident_items`).
    """
    from casualty.cluster import cluster_claims
    from casualty.extract import extract_documents

    results: dict[str, dict[str, Any]] = {}
    total = FolderScore()
    all_items: list[tuple[str, str, str]] = []
    for folder in FOLDERS:
        if not (corpus / folder / "gold.json").exists():
            continue
        docs, gold = load_folder(corpus, folder)
        preds = list(extract_documents(docs))
        score = score_folder(preds, gold)
        total.add(score)
        results[folder] = _as_dict(score)
        clustered = cluster_claims(preds).claims
        items = incident_items(preds, [c.incident_id for c in clustered], gold)
        results[folder]["incidents"] = _cluster_scores(items)
        all_items += [(f"{folder}/{p}", f"{folder}/{g}", f"{folder}/{i}") for p, g, i in items]
    results["overall"] = _as_dict(total)
    results["overall"]["incidents"] = _cluster_scores(all_items)
    return results


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.3f}"


def print_table(results: dict[str, dict[str, Any]], verbose: bool = False) -> None:
    """Print the per-folder and overall table (and with `verbose`, misses and false positives)."""
    head = (
        f"{'folder':<11} {'groups':>6} | {'strict P':>8} {'R':>5} {'F1':>5} | "
        f"{'count P':>7} {'R':>5} {'F1':>5} | {'src_type':>8} {'date':>5} {'kind':>5} "
        f"{'victim':>6} | {'omit R':>6}"
    )
    print(head)
    print("-" * len(head))
    for name, r in results.items():
        s, c = r["strict"], r["count"]
        print(
            f"{name:<11} {r['required_groups']:>6} | "
            f"{s['p']:>8.3f} {s['r']:>5.3f} {s['f1']:>5.3f} | "
            f"{c['p']:>7.3f} {c['r']:>5.3f} {c['f1']:>5.3f} | {_fmt(r['source_type']):>8} "
            f"{_fmt(r['date']):>5} {_fmt(r['kind']):>5} {_fmt(r['victim_category']):>6} | "
            f"{_fmt(r['omission_recall']):>6}"
        )
    overall = results["overall"]
    targets = [
        ("strict claim F1 >= 0.90", overall["strict"]["f1"], 0.90),
        ("count F1 >= 0.95", overall["count"]["f1"], 0.95),
        ("source_type on matched >= 0.95", overall["source_type"], 0.95),
        ("incident date on matched >= 0.90", overall["date"], 0.90),
        ("kind on matched >= 0.97", overall["kind"], 0.97),
        ("omission recall >= 0.80", overall["omission_recall"], 0.80),
    ]
    print()
    head = (
        f"{'incidents':<11} {'claims':>6} | {'gold':>4} {'pred':>4} | "
        f"{'B3 P':>5} {'R':>5} {'F1':>5} | {'pair P':>6} {'R':>5} {'F1':>5}"
    )
    print(head)
    print("-" * len(head))
    for name, r in results.items():
        inc = r.get("incidents")
        if inc is None:
            continue
        (bp, br, bf), (pp, pr, pf) = inc["b3"], inc["pair"]
        print(
            f"{name:<11} {inc['claims']:>6} | {inc['gold_incidents']:>4} {inc['predicted']:>4} | "
            f"{bp:>5.3f} {br:>5.3f} {bf:>5.3f} | {pp:>6.3f} {pr:>5.3f} {pf:>5.3f}"
        )
    if "incidents" in overall:
        targets.append(("incident B-cubed F1 >= 0.95", overall["incidents"]["b3"][2], 0.95))
    print()
    for label, value, goal in targets:
        mark = "ok  " if value is not None and value >= goal else "MISS"
        print(f"  [{mark}] {label:<34} {_fmt(value)}")
    if verbose:
        print("\nMissed (strict; 'COUNT' = missed even without the claimant condition):")
        for line in overall["misses"]:
            print("  " + line)
        print("\nFalse positives (strict):")
        for line in overall["false_positives"]:
            print("  " + line)
        print("\nIncident dates wrong (matched claims; predicted, gold):")
        for line in overall["date_misses"]:
            print("  " + line)
        if "incidents" in overall:
            print("\nIncident grouping errors (matched claims; gold claim ids):")
            for line in overall["incidents"]["errors"]:
                print("  " + line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    if not (args.corpus / "README.md").exists() and not any(
        (args.corpus / f / "gold.json").exists() for f in FOLDERS
    ):
        print(f"corpus not found at {args.corpus}; nothing to score.")
        return 0
    sys.path.insert(0, str(ROOT))
    print_table(run(args.corpus), args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
