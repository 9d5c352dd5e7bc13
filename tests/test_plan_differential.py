"""The compiled plan agrees exactly with the plain reference evaluator, its explanation data with
the trace interpreter's, and its fast data-dictionary check with the slow checker.

Every shipped set (roll-up sets with their member lists included), the benchmark sets and a few
test sets are checked on records biased to reach every status and every rating (see
``strategies.candidate_for``); a test proves the bias does reach them all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_engine.evaluators.plan import Plan, compile_plan
from criteria_engine.io.catalog import load_registry, load_revision
from criteria_engine.results import Status

from .reference_evaluator import reference
from .strategies import candidate_for, record_for

ROOT = Path(__file__).parent.parent
REGISTRY = load_registry()
PLANS: dict[str, Plan] = {rev.ref: compile_plan(rev, REGISTRY.resolver()) for rev in REGISTRY.revisions()}
for _file in [
    Path(__file__).parent / "cases" / "valid" / "monotone.yaml",
    *sorted((Path(__file__).parent / "cases" / "engine").glob("*/1.yaml")),
    ROOT / "benchmarks" / "household20.yaml",
    ROOT / "benchmarks" / "household_flat.yaml",
]:
    _revision = load_revision(_file)
    PLANS[_revision.ref] = compile_plan(_revision, REGISTRY.resolver())
SHIPPED = sorted(rev.ref for rev in REGISTRY.revisions())
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(plan: Plan, record: dict[str, object]) -> tuple[str, str | None]:
    result = plan.evaluate(record, detail=False)
    return str(result.status), result.rating


@pytest.mark.parametrize("ref", sorted(PLANS))
def test_plan_agrees_with_the_reference_evaluator(ref: str) -> None:
    plan = PLANS[ref]

    @SETTINGS
    @given(candidate_for(plan, missing=0.2))
    def check(record: dict[str, object]) -> None:
        got = plan.evaluate(record, detail=False)
        clean, problems = plan._checker.check(record)
        if problems:
            assert got.status == Status.INVALID
            return
        want = reference(plan, clean)
        assert got.status == want.status
        if want.status == "invalid":
            assert tuple(e.field for e in got.errors) == want.failed_checks
            assert {e.code for e in got.errors} == {"check-failed"}
            return
        assert tuple(c.verdict for c in got.criteria) == want.verdicts
        assert tuple(c.points for c in got.criteria) == want.points
        assert got.score == want.score and got.max_score == want.max_score
        assert got.rating == want.rating

    check()


@pytest.mark.parametrize("ref", sorted(PLANS))
def test_generated_explanation_data_equals_the_traced(ref: str) -> None:
    plan = PLANS[ref]

    @SETTINGS
    @given(candidate_for(plan, missing=0.2), st.sampled_from([None, dt.date(2026, 6, 30)]))
    def check(record: dict[str, object], as_of: dt.date | None) -> None:
        generated = plan.evaluate(record, as_of=as_of)
        traced = plan.traced(record, as_of=as_of)
        # Field by field first (a clearer failure), then the whole result and its JSON form.
        for name in ("status", "score", "max_score", "rating", "missing", "gap", "errors", "measures"):
            assert getattr(generated, name) == getattr(traced, name), name
        for got, want in zip(generated.criteria, traced.criteria, strict=True):
            assert got == want, (got, want)
        assert generated == traced
        assert generated.to_dict() == traced.to_dict()
        verdicts_only = plan.evaluate(record, as_of=as_of, detail=False)
        assert (verdicts_only.status, verdicts_only.score, verdicts_only.rating, verdicts_only.verdicts) == (
            generated.status,
            generated.score,
            generated.rating,
            generated.verdicts,
        )
        assert verdicts_only.measures == generated.measures

    check()


@pytest.mark.parametrize("ref", SHIPPED)
def test_the_records_reach_every_status_and_rating(ref: str) -> None:
    plan = PLANS[ref]
    wanted = {("failed", None), ("undetermined", None), ("invalid", None)}
    wanted |= {("passed", band.id) for band in plan.model.decision.ratings if band.requires_pass}
    seen: set[tuple[str, str | None]] = set()

    @settings(max_examples=200, deadline=None, derandomize=True, database=None)
    @given(candidate_for(plan, missing=0.2))
    def draw(record: dict[str, object]) -> None:
        status, rating = _outcome(plan, record)
        seen.add((status, rating if status == "passed" else None))

    draw()
    assert wanted <= seen, sorted(map(str, wanted - seen))


_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.sampled_from(["2026-01-01", 3.0, 10**400, float("inf")]),
)


def _identical(a: object, b: object) -> bool:
    """Equal and of the same type, all the way down (``3 == 3.0`` is not enough here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_identical(a[k], b[k]) for k in a)  # type: ignore[attr-defined]
    if isinstance(a, list):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return a == b or (a != a and b != b)


@pytest.mark.parametrize("ref", sorted(PLANS))
def test_fast_check_agrees_with_the_slow_checker_both_ways(ref: str) -> None:
    plan = PLANS[ref]
    names = sorted(plan.model.inputs)

    @SETTINGS
    @given(candidate_for(plan), st.dictionaries(st.sampled_from(names), _JUNK, max_size=3))
    def check(record: dict[str, object], junk: dict[str, object]) -> None:
        record = {**record, **junk}
        clean, problems = plan._checker.check(record)
        unchanged = not problems and _identical(clean, record)
        # The fast check accepts exactly the records the slow checker accepts as they are.
        assert plan._valid(record) == unchanged
        if problems:
            assert plan.evaluate(record).status == "invalid"
        else:  # normalising is done once: a normalised record is accepted as it is
            again, none = plan._checker.check(clean)
            assert none == [] and _identical(again, clean) and plan._valid(clean)

    check()


def test_values_strategy_covers_every_input_type() -> None:
    kinds = {spec.type for plan in PLANS.values() for spec in plan.model.inputs.values()}
    assert {"integer", "number", "boolean", "enum", "list"} <= kinds
    assert any(plan.model.collections for plan in PLANS.values())


def test_a_pickled_plan_gives_the_same_results() -> None:
    import pickle

    for ref in ("happy-family@2026.2", "happy-village@2026.1"):
        plan = compile_plan(REGISTRY.get(ref), REGISTRY.resolver())
        copy = pickle.loads(pickle.dumps(plan))
        assert copy.source == plan.source and copy.revision == plan.revision
        record = {"id": "x", "area": "rural", "members": 4, "insured_members": 4}
        assert copy.evaluate(record).to_dict() == plan.evaluate(record).to_dict()


@pytest.mark.parametrize("ref", ["happy-family@2026.2", "happy-school@2026.1"])
def test_plain_random_records_also_agree(ref: str) -> None:
    plan = PLANS[ref]

    @SETTINGS
    @given(record_for(plan.model.inputs, missing=0.3))
    def check(record: dict[str, object]) -> None:
        assert plan.evaluate(record) == plan.traced(record)

    check()
