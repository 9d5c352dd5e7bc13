"""Properties of evaluation that must hold for every record (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine.evaluators.plan import Plan, compile_plan
from criteria_engine.io.catalog import load_registry, load_revision
from criteria_engine.rules import ast

from . import reference_interpreter
from .reference_evaluator import environment as reference_env
from .reference_evaluator import reference
from .strategies import candidate_for, record_for

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


def test_a_criterion_is_not_applicable_exactly_when_its_condition_is_false() -> None:
    plan = PLANS["happy-family@2026.2"]
    cs = plan.model
    conditions = {c.id: c.applies_if for c in cs.criteria() if c.applies_if is not None}
    assert conditions  # the set has criteria that apply only to some households

    @SETTINGS
    @given(_records(plan))
    def check(record: dict[str, object]) -> None:
        result = plan.evaluate(record)
        if result.status == "invalid":
            return
        env = reference_env(cs, plan._checker.check(record)[0])
        for item in result.criteria:
            condition = conditions.get(item.id)
            applies = True if condition is None else reference_interpreter.evaluate(condition, env, list(env))
            assert (item.verdict == "not_applicable") == (applies is False), (item.id, applies)
            if item.verdict == "not_applicable":
                assert (item.points, item.reason, item.missing, item.aggregates) == (
                    0,
                    "not-applicable",
                    (),
                    (),
                )
            elif applies is None:
                assert (item.verdict, item.reason) == ("unknown", "applicability-unknown")

    check()


EXTREME = st.sampled_from([10**400, -(10**400), 1e308, -1e308, 1.7e308, 2**1100, 10**308, 1e-308, 0])
EXTREME_PLANS = {
    **PLANS,
    "happy-village@2026.1": compile_plan(REGISTRY.get("happy-village@2026.1"), REGISTRY.resolver()),
    "household20": compile_plan(
        load_revision(Path(__file__).parent.parent / "benchmarks" / "household20.yaml")
    ),
}


@st.composite
def _extreme(draw: st.DrawFn, plan: Plan) -> dict[str, object]:
    """A record whose numbers (members' too) are huge, tiny or at the edge of what floats hold."""
    record = draw(candidate_for(plan))
    for name, spec in plan.model.inputs.items():
        if spec.type in ("integer", "number") and draw(st.booleans()):
            record[name] = draw(EXTREME.filter(lambda v, s=spec: s.type == "number" or isinstance(v, int)))
    for name in plan.model.collections:
        members = record.get(name)
        if isinstance(members, list):
            for member in members:
                for key in ("score", "percent"):
                    if draw(st.booleans()):
                        member[key] = draw(EXTREME)
    for name, spec in plan.model.inputs.items():
        if spec.type == "list" and isinstance(record.get(name), list):
            for item in record[name]:  # type: ignore[union-attr]
                for field, item_spec in (spec.items or {}).items():
                    if item_spec.type in ("integer", "number") and draw(st.booleans()):
                        item[field] = draw(EXTREME)
    return record


@pytest.mark.parametrize("ref", sorted(EXTREME_PLANS))
def test_extreme_numbers_never_make_evaluation_raise(ref: str) -> None:
    plan = EXTREME_PLANS[ref]

    @SETTINGS
    @given(_extreme(plan))
    def check(record: dict[str, object]) -> None:
        full = plan.evaluate(record)  # never raises, whatever the numbers
        assert full == plan.traced(record)
        assert plan.evaluate(record, detail=False).verdicts == full.verdicts
        clean, problems = plan._checker.check(record)
        if problems:
            assert full.status == "invalid"
            return
        want = reference(plan, clean)  # the reference interpreter, from the text
        assert (full.status, tuple(c.verdict for c in full.criteria), full.score) == (
            want.status,
            want.verdicts,
            want.score if want.status != "invalid" else None,
        )
        for item in full.criteria:
            assert item.reason != "" and (item.verdict == "unknown" or item.reason != "overflow")

    check()


def test_an_overflow_is_unknown_with_its_reason() -> None:
    plan = EXTREME_PLANS["household20"]
    record = {"id": "H", "members": 3, "insured_members": 10**400}
    criterion = plan.evaluate(record).criterion("C1")  # insured / members: too large for a number
    assert (criterion.verdict, criterion.reason) == ("unknown", "overflow")
    assert plan.traced(record).criterion("C1") == criterion
