"""A plain reference evaluator of a whole criteria set, for the differential test of the plan.

It shares nothing with the generated code: expressions are read from the set's own text by
the reference interpreter (Python's ``ast``, not the package's parser or checker), verdicts
and points follow the documented rules one criterion at a time, the set's consistency checks
make a record invalid when one is false, and the decision is computed from the definitions
(best case, worst case, gates, bands) written out plainly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from criteria_engine.evaluators.plan import Plan
from criteria_engine.format.models import CriteriaSet, Criterion
from criteria_engine.format.semantics import criterion_max_points

from . import reference_interpreter


@dataclass(frozen=True)
class Reference:
    """What the reference evaluator says of one (valid) record."""

    verdicts: tuple[str, ...]
    points: tuple[float, ...]
    score: float
    max_score: float
    status: str
    rating: str | None
    failed_checks: tuple[str, ...] = ()


def _scope(cs: CriteriaSet) -> list[str]:
    return [*cs.inputs, *cs.parameters, *cs.collections, *cs.derived, *cs.measures]


def _value(cs: CriteriaSet, text: str, env: Mapping[str, object]) -> object:
    return reference_interpreter.evaluate(text, env, _scope(cs))


def environment(cs: CriteriaSet, record: Mapping[str, object]) -> dict[str, object]:
    env: dict[str, object] = {name: record.get(name) for name in [*cs.inputs, *cs.collections]}
    for name, param in cs.parameters.items():
        env[name] = param.value if param.by is None else (param.values or {}).get(str(record.get(param.by)))
    for derived_name, derived in cs.derived.items():
        env[derived_name] = _value(cs, derived.expr, env)
    for measure_name, measure in cs.measures.items():
        env[measure_name] = _value(cs, measure.expr, env)
    return env


def _criterion(cs: CriteriaSet, criterion: Criterion, env: Mapping[str, object]) -> tuple[str, float]:
    top = criterion_max_points(criterion)
    if criterion.applies_if is not None:
        applies = _value(cs, criterion.applies_if, env)
        if applies is False:
            return "not_applicable", 0
        if applies is None:
            return "unknown", 0
    if criterion.points_by is None:
        value = _value(cs, str(criterion.when), env)
        if value is True:
            return "pass", criterion.points
        if value is False:
            return "fail", 0
    else:
        value = _value(cs, criterion.points_by.value, env)
        if value is not None:
            graded = criterion.points_by
            if graded.table is not None:
                earned = graded.table.get(str(value), 0)
            else:
                earned = next((b.points for b in graded.bands or [] if value >= b.min), 0)  # type: ignore[operator]
            return ("pass" if earned > 0 else "fail"), earned
    missing = criterion.on_missing
    return missing, (top if missing == "pass" else 0)


def _passes(score: float, top: float, blocked: bool, mark: object, percent: float | None) -> bool | None:
    if blocked:
        return False
    if percent is not None and (top <= 0 or 100 * score / top < percent):
        return False
    if mark is None:
        return None
    return bool(score >= mark)  # type: ignore[operator]


def reference(plan: Plan, record: Mapping[str, object]) -> Reference:
    """The reference result of a record that fits the data dictionary."""
    cs = plan.model
    env = environment(cs, record)
    failed = tuple(check.id for check in cs.checks if _value(cs, check.rule, env) is False)
    if failed:
        return Reference((), (), 0, 0, "invalid", None, failed)
    verdicts: list[str] = []
    points: list[float] = []
    for criterion in cs.criteria():
        verdict, earned = _criterion(cs, criterion, env)
        verdicts.append(verdict)
        points.append(earned)
    criteria = cs.criteria()
    applicable = [i for i, v in enumerate(verdicts) if v != "not_applicable"]
    score = sum(points[i] for i in applicable)
    top = sum(criterion_max_points(criteria[i]) for i in applicable)
    best = score + sum(
        criterion_max_points(criteria[i]) - points[i] for i in applicable if verdicts[i] == "unknown"
    )
    rule = cs.decision.pass_

    def gate(i: int) -> bool:
        return criteria[i].veto or (criteria[i].mandatory and rule.all_mandatory)

    failed_gate = any(gate(i) and verdicts[i] == "fail" for i in applicable)
    unknown_gate = any(gate(i) and verdicts[i] == "unknown" for i in applicable)
    if rule.min_score is None:
        mark: object = 0
    elif isinstance(rule.min_score, str):
        mark = _value(cs, rule.min_score, env)
    else:
        mark = rule.min_score
    worst_ok = _passes(score, top, failed_gate or unknown_gate, mark, rule.min_percent)
    best_ok = _passes(best, top, failed_gate, mark, rule.min_percent)
    status = "passed" if worst_ok else ("failed" if best_ok is False else "undetermined")
    rating = None
    if status != "undetermined":
        for band in cs.decision.ratings:
            if band.requires_pass and status != "passed":
                continue
            if band.min_score is not None:
                band_mark = (
                    _value(cs, band.min_score, env) if isinstance(band.min_score, str) else band.min_score
                )
                if band_mark is None or score < band_mark:  # type: ignore[operator]
                    continue
            if band.when is not None and _value(cs, band.when, env) is not True:
                continue
            rating = band.id
            break
    return Reference(tuple(verdicts), tuple(points), score, top, status, rating)
