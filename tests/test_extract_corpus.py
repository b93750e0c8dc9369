"""Corpus-level accuracy floor: strict claim F1 on ../shared/corpus must stay >= 0.85.

The corpus is a labelled development set kept outside the repository; the test skips when
it is absent. The full table is printed by `python benchmarks/accuracy.py`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FLOOR = 0.85


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, object]]:
    if not (CORPUS / "README.md").exists():
        pytest.skip("the labelled corpus (../shared/corpus) is not available")
    run: dict[str, dict[str, object]] = _accuracy().run(CORPUS)
    return run


def test_strict_claim_f1_floor(results: dict[str, dict[str, object]]) -> None:
    strict = results["overall"]["strict"]
    assert isinstance(strict, dict)
    assert strict["f1"] >= FLOOR, f"strict claim F1 {strict['f1']:.3f} < {FLOOR}"


def test_scorer_matching_rule() -> None:
    acc = _accuracy()
    gold = {
        "accept": [[73, None]],
        "qualitative": None,
        "claimant": "Syrian Observatory for Human Rights",
        "claimant_aliases": ["a monitor"],
        "unattributed": False,
    }
    assert acc.figure_match({"low": 73, "high": None}, gold)
    assert not acc.figure_match({"low": 73, "high": 73}, gold)
    assert acc.claimant_match({"source": "The Syrian Observatory for Human Rights"}, gold, None)
    assert acc.claimant_match({"source": "A monitor"}, gold, None)
    assert not acc.claimant_match({"source": "Reuters", "source_type": "media"}, gold, None)
    words = {"accept": [], "qualitative": "dozens"}
    assert acc.figure_match({"low": 24, "high": 99, "qualifier": "dozens of"}, words)
    assert acc.names_match("SANA", ["SANA (Syrian Arab News Agency)"])
