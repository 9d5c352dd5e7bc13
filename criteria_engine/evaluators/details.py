"""Per-criterion detail for explanations: the values read, what is missing, why, and aggregates.

Computed only when a caller asks for detail; the verdict and points come from the fast path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..results import AggregateDetail, CriterionResult, Verdict
from ..rules import CheckedExpression, ast, compile_expression
from ..rules.trace import aggregate_traces, evaluate_traced

if TYPE_CHECKING:
    from .plan import CriterionPlan, Plan


def _shown(value: object) -> object:
    """A value as a result keeps it: lists (members) by their count."""
    if isinstance(value, list):
        return len(value)
    return value


def _has(expression: CheckedExpression | None, kind: type[ast.Node], op: str | None = None) -> bool:
    if expression is None:
        return False
    for node in ast.walk(expression.tree):
        if isinstance(node, kind) and (op is None or getattr(node, "op", None) == op):
            return True
    return False


def _aggregates(expression: CheckedExpression | None, env: Mapping[str, object]) -> tuple[AggregateDetail, ...]:
    if expression is None or not _has(expression, ast.Call):
        return ()
    out: list[AggregateDetail] = []
    for trace in aggregate_traces(expression, env):
        value = trace.value if isinstance(trace.value, int | float) and not isinstance(trace.value, bool) else None
        out.append(
            AggregateDetail(
                function=trace.function,
                collection=trace.list_name,
                total=trace.members_total,
                numerator=trace.numerator or 0,
                denominator=trace.denominator or 0,
                unknown=trace.members_unknown,
                value=value,
                failing=tuple(str(i) for i in trace.false_ids),
            )
        )
    return tuple(out)


def _reason(plan_item: CriterionPlan, verdict: Verdict, missing: Sequence[str], env: Mapping[str, object], aggregates: Sequence[AggregateDetail]) -> str:
    criterion = plan_item.criterion
    graded = criterion.points_by is not None
    if verdict == "not_applicable":
        return "not-applicable"
    if plan_item.applies is not None:
        applies_value = _applies_value(plan_item, env)
        if applies_value is None:
            return "applicability-unknown"
    if missing:
        if verdict == "unknown":
            return "missing-data"
        return f"missing-data-as-{verdict}"
    if verdict == "pass":
        return "graded-points" if graded else "rule-true"
    if verdict == "fail":
        if graded:
            return "graded-zero"
        return "comparison-false" if isinstance(plan_item.rule.tree if plan_item.rule else None, ast.Compare) else "rule-false"
    if any(a.denominator == 0 and a.total > 0 for a in aggregates):
        return "no-known-members"
    if any(a.total == 0 for a in aggregates):
        return "no-members"
    if plan_item.rule is not None and evaluate_traced(plan_item.rule, env).division_by_zero:
        return "division-by-zero"
    return "unknown-value"


def _applies_value(plan_item: CriterionPlan, env: Mapping[str, object]) -> object:
    if plan_item.applies is None:
        return True
    return _compiled(plan_item.applies)(env)


_COMPILED: dict[CheckedExpression, Callable[[Mapping[str, object]], object]] = {}


def _compiled(expression: CheckedExpression) -> Callable[[Mapping[str, object]], object]:
    """The expression as a callable over an env (compiled once per expression)."""
    found = _COMPILED.get(expression)
    if found is None:
        found = _COMPILED[expression] = compile_expression(expression)
    return found


def criterion_details(plan: Plan, env: Mapping[str, object], verdicts: Sequence[Verdict], points: Sequence[float]) -> Iterator[CriterionResult]:
    """A full :class:`CriterionResult` per criterion, in file order."""
    for item, verdict, earned in zip(plan.criteria, verdicts, points, strict=True):
        names: list[str] = []
        for expression in (item.applies, item.rule):
            if expression is not None:
                names.extend(n for n in expression.names if n not in names)
        names.extend(n for n in item.template_names if n not in names)
        values = {name: _shown(env.get(name)) for name in names}
        missing = tuple(name for name in item.inputs_read if env.get(name) is None)
        aggregates = _aggregates(item.rule, env) if verdict != "not_applicable" else ()
        yield CriterionResult(
            id=item.id,
            group=item.group.id,
            verdict=verdict,
            points=earned,
            max_points=item.max_points,
            mandatory=item.criterion.mandatory,
            veto=item.criterion.veto,
            reason=_reason(item, verdict, missing, env, aggregates),
            values=values,
            missing=missing if verdict in ("unknown", "fail", "pass") and missing else (),
            aggregates=aggregates,
        )


__all__ = ["criterion_details"]
