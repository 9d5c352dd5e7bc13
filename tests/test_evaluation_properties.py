"""Properties of evaluation that must hold for every record (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine.evaluators.plan import Plan, compile_plan
from criteria_engine.io.catalog import load_registry, load_revision
from criteria_engine.rules import ast

from .strategies import record_for

REGISTRY = load_registry()
PLANS = {
    ref: compile_plan(REGISTRY.get(ref), REGISTRY.resolver())
    for ref in ("happy-family@2026.1", "happy-family@2026.2", "happy-school@2026.1")
}
MONOTONE = compile_plan(load_revision(Path(__file__).parent / "cases" / "valid" / "monotone.yaml"))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _records(plan: Plan) -> st.SearchStrategy[dict[str, object]]:
    return record_for(plan.model.inputs)


@pytest.mark.parametrize("ref", sorted(PLANS))
def test_evaluation_is_deterministic(ref: str) -> None:
    plan = PLANS[ref]

    @SETTINGS
    @given(_records(plan))
    def check(record: dict[str, object]) -> None:
        assert plan.evaluate(record).to_dict() == plan.evaluate(dict(record)).to_dict()

    check()


@pytest.mark.parametrize("ref", sorted(PLANS))
def test_points_in_the_explanation_add_up_to_the_score(ref: str) -> None:
    plan = PLANS[ref]

    @SETTINGS
    @given(_records(plan))
    def check(record: dict[str, object]) -> None:
        result = plan.evaluate(record)
        if result.status == "invalid":
            return
        assert result.score == pytest.approx(sum(c.points for c in result.criteria))
        applicable = sum(c.max_points for c in result.criteria if c.verdict != "not_applicable")
        assert result.max_score == pytest.approx(applicable)
        assert all(0 <= c.points <= c.max_points for c in result.criteria)

    check()


def _only_at_least_fields(plan: Plan) -> list[str]:
    """Numeric inputs read only as the left side of ``x >= c`` / ``x > c`` rules (and nowhere else)."""
    at_least: set[str] = set()
    elsewhere: set[str] = set()
    for path, expression in plan.expressions().items():
        tree = expression.tree
        if (
            path[-1] == "when"
            and isinstance(tree, ast.Compare)
            and len(tree.ops) == 1
            and tree.ops[0] in (">=", ">")
            and isinstance(tree.left, ast.Name)
        ):
            at_least.add(tree.left.id)
            nodes = ast.walk(tree.comparators[0])
        else:
            nodes = ast.walk(tree)
        elsewhere.update(n.id for n in nodes if isinstance(n, ast.Name))
    return sorted(
        n
        for n in at_least - elsewhere
        if n in plan.model.inputs and plan.model.inputs[n].type in ("integer", "number")
    )


def test_raising_a_value_only_at_least_rules_read_never_lowers_the_score() -> None:
    plan = MONOTONE
    fields = _only_at_least_fields(plan)
    assert sorted(fields) == ["exercising", "income"]

    @SETTINGS
    @given(_records(plan), st.sampled_from(fields), st.integers(min_value=1, max_value=1000))
    def check(record: dict[str, object], field: str, raise_by: int) -> None:
        before = plan.evaluate(record)
        if before.status == "invalid" or record.get(field) is None:
            return
        spec = plan.model.inputs[field]
        higher = record[field] + raise_by  # type: ignore[operator]
        if spec.max is not None and higher > spec.max:
            return
        after = plan.evaluate({**record, field: higher})
        assert after.score is not None and before.score is not None
        assert after.score >= before.score

    check()


def test_a_not_applicable_criterion_never_lowers_the_percentage() -> None:
    plan = PLANS["happy-family@2026.2"]

    @SETTINGS
    @given(_records(plan))
    def check(record: dict[str, object]) -> None:
        result = plan.evaluate(record)
        if result.status == "invalid" or not result.max_score:
            return
        na = [c for c in result.criteria if c.verdict == "not_applicable"]
        if not na:
            return
        # Counting a not-applicable criterion as failed instead would only lower the percentage.
        as_failed = 100.0 * result.score / (result.max_score + sum(c.max_points for c in na))  # type: ignore[operator]
        assert result.percent is not None and result.percent >= as_failed - 1e-9

    check()
