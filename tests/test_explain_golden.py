"""Golden explanations: for a dozen candidates covering every verdict and status, the JSON
result and the text explanation in Vietnamese and English. Regenerate with UPDATE_GOLDEN=1
and review the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from criteria_engine.evaluators.plan import compile_plan
from criteria_engine.io.catalog import examples_file, load_examples, load_registry

GOLDEN = Path(__file__).parent / "golden" / "explain"
REGISTRY = load_registry()
REVISION = REGISTRY.get("happy-family@2026.2")
PLAN = compile_plan(REVISION, REGISTRY.resolver())
_path = examples_file(REVISION)
assert _path is not None
CHOSEN = (
    "full-marks",
    "outstanding",
    "standard-threshold-fail",
    "group3-relief-pass",
    "elderly-couple-not-applicable",
    "veto-K3-criminal-prosecution",
    "mandatory-K1-not-registered",
    "mandatory-D1-child-out-of-school",
    "missing-income-undetermined",
    "missing-veto-evidence-undetermined",
    "invalid-deprivations-out-of-range",
    "invalid-area-value",
    "insurance-90-percent-band",
)
EXAMPLES = [e for e in load_examples(_path) if e.id in CHOSEN]


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _result(index: int):  # type: ignore[no-untyped-def]
    example = EXAMPLES[index]
    record = {"id": example.id, **example.record}
    return PLAN.evaluate(record)


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e.id for e in EXAMPLES])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_explanation_matches_golden(index: int, lang: str) -> None:
    result = _result(index)
    _check(f"{EXAMPLES[index].id}.{lang}.txt", result.explain(lang) + "\n")


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e.id for e in EXAMPLES])
def test_json_result_matches_golden(index: int) -> None:
    result = _result(index)
    _check(f"{EXAMPLES[index].id}.json", json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")


def test_golden_set_covers_every_verdict_and_status() -> None:
    results = [_result(i) for i in range(len(EXAMPLES))]
    statuses = {r.status for r in results}
    verdicts = {c.verdict for r in results for c in r.criteria}
    assert {"passed", "failed", "undetermined", "invalid"} <= statuses
    assert {"pass", "fail", "unknown", "not_applicable"} <= verdicts
