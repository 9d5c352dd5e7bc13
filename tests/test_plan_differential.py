"""The compiled plan (generated code) agrees exactly with the plain reference evaluator, and
the generated data-dictionary check agrees with the slow checker."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine.evaluators.plan import Plan, compile_plan
from criteria_engine.io.catalog import load_registry, load_revision

from .reference_evaluator import reference
from .strategies import record_for

REGISTRY = load_registry()
PLANS: dict[str, Plan] = {
    rev.ref: compile_plan(rev, REGISTRY.resolver())
    for rev in REGISTRY.revisions()
    if not rev.model.collections
}
PLANS["monotone"] = compile_plan(load_revision(Path(__file__).parent / "cases" / "valid" / "monotone.yaml"))
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("ref", sorted(PLANS))
def test_plan_agrees_with_the_reference_evaluator(ref: str) -> None:
    plan = PLANS[ref]

    @SETTINGS
    @given(record_for(plan.model.inputs, missing=0.2))
    def check(record: dict[str, object]) -> None:
        got = plan.evaluate(record, detail=False)
        want = reference(plan, record)
        assert got.status == want.status
        assert tuple(c.verdict for c in got.criteria) == want.verdicts
        assert tuple(c.points for c in got.criteria) == want.points
        assert got.score == want.score and got.max_score == want.max_score
        assert got.rating == want.rating
        full = plan.evaluate(record, detail=True)
        assert (full.status, full.score, full.rating, full.verdicts) == (
            got.status,
            got.score,
            got.rating,
            got.verdicts,
        )

    check()


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
)


@pytest.mark.parametrize("ref", ["happy-family@2026.2", "happy-school@2026.1", "monotone"])
def test_fast_check_agrees_with_the_slow_checker(ref: str) -> None:
    plan = PLANS[ref]
    names = sorted(plan.model.inputs)

    @SETTINGS
    @given(record_for(plan.model.inputs), st.dictionaries(st.sampled_from(names), _JUNK, max_size=3))
    def check(record: dict[str, object], junk: dict[str, object]) -> None:
        record = {**record, **junk}
        clean, problems = plan._checker.check(record)
        if plan._valid(record):
            assert problems == [] and clean == record
        if problems:
            assert not plan._valid(record)
            assert plan.evaluate(record).status == "invalid"

    check()


def test_values_strategy_covers_every_input_type() -> None:
    kinds = {spec.type for plan in PLANS.values() for spec in plan.model.inputs.values()}
    assert {"integer", "number", "boolean", "enum", "list"} <= kinds


def test_a_pickled_plan_gives_the_same_results() -> None:
    import pickle

    for ref in ("happy-family@2026.2", "happy-village@2026.1"):
        plan = compile_plan(REGISTRY.get(ref), REGISTRY.resolver())
        copy = pickle.loads(pickle.dumps(plan))
        assert copy.source == plan.source and copy.revision == plan.revision
        record = {"id": "x", "area": "rural", "members": 4, "insured_members": 4}
        assert copy.evaluate(record).to_dict() == plan.evaluate(record).to_dict()
