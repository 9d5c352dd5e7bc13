"""The reference evaluation of one record: every field of the result computed eagerly, the
explanation data by the trace interpreter (:mod:`.details`) and the decision by the plain
functions of :mod:`.decision`, not by the generated code's own.

Slower than :meth:`Plan.evaluate` and equal to it: the differential tests compare the two on
every field. Only the verdicts and points come from the generated ``run()`` (they are checked
against the reference evaluator of the tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..results import Provenance, Result, Status, Verdict
from ..rules.trace import evaluate_traced
from .decision import gap_of, rating_of, status_of
from .details import criterion_details

if TYPE_CHECKING:
    from .plan import Plan


def _value(plan: Plan, path: tuple[str | int, ...], env: Mapping[str, object]) -> Any:
    return evaluate_traced(plan.expressions()[path], env).value


def _whole(value: float) -> float:
    return int(value) if value.__class__ is float and value.is_integer() else value


def traced_result(
    plan: Plan, record: Mapping[str, object], candidate_id: str, provenance: Provenance
) -> Result:
    """The result of ``record`` computed the reference way (see the module)."""
    clean, problems = plan._checker.check(record)
    if problems:
        return plan._invalid(candidate_id, provenance, problems)
    cs = plan.model
    env = plan.env(clean)
    checks = tuple(_value(plan, ("checks", i, "rule"), env) for i in range(len(cs.checks)))
    if any(outcome is False for outcome in checks):
        return plan._check_failed(candidate_id, provenance, checks)
    o = plan.outcome(clean)
    rule = cs.decision.pass_
    if rule.min_score is None:
        mark: Any = 0.0
    elif isinstance(rule.min_score, str):
        mark = _value(plan, ("decision", "pass", "min_score"), env)
    else:
        mark = rule.min_score
    status = status_of(o.tally, mark, rule.min_percent)
    whens = tuple(
        True if band.when is None else _value(plan, ("decision", "ratings", ri, "when"), env)
        for ri, band in enumerate(cs.decision.ratings)
    )
    rating, index = rating_of(status, o.tally.score, plan.bands, o.marks, whens)
    if status == Status.UNDETERMINED:
        rating = None
    items = tuple(criterion_details(plan, env, o.verdicts, o.points))
    missing = sorted({m for item in items if item.verdict == Verdict.UNKNOWN for m in item.missing})
    gap = gap_of(
        plan.facts, o.verdicts, o.points, o.tally.score, plan.bands, o.marks, index, rule.all_mandatory
    )
    names = tuple(cs.measures)
    return Result(
        candidate_id,
        status,
        _whole(o.tally.score),
        _whole(o.tally.top),
        rating,
        items,
        provenance,
        tuple(missing),
        gap,
        measures=dict(zip(names, o.measures, strict=True)) if names else {},
        plan=plan,
    )


__all__ = ["traced_result"]
