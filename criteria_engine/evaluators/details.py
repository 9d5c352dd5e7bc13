"""Per-criterion detail for explanations, the reference way: the values read, what is missing,
why, and aggregates, worked out with the trace interpreter (:mod:`criteria_engine.rules.trace`).

The compiled plan generates the same data as it decides (:mod:`.generate_explain`); this path
stays as the reference that differential tests compare it with (:meth:`Plan.traced`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..results import AggregateDetail, CriterionResult, Reason, Verdict
from ..rules import CheckedExpression, ast, compile_expression
from ..rules.trace import AggregateTrace, aggregate_traces, evaluate_traced

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


def aggregate_detail(trace: AggregateTrace) -> AggregateDetail:
    """The numbers of one traced aggregate, as a result keeps them."""
    value = trace.value
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    return AggregateDetail(
        function=trace.function,
        collection=trace.list_name,
        total=trace.members_total,
        numerator=trace.numerator or 0,
        denominator=trace.denominator or 0,
        unknown=trace.members_unknown,
        value=number,
        failing=tuple(str(i) for i in trace.false_ids),
    )


def _aggregates(
    expression: CheckedExpression | None, env: Mapping[str, object]
) -> tuple[AggregateDetail, ...]:
    if expression is None:
        return ()
    return tuple(aggregate_detail(trace) for trace in aggregate_traces(expression, env))


def _reason(
    plan_item: CriterionPlan,
    verdict: Verdict,
    missing: Sequence[str],
    env: Mapping[str, object],
    aggregates: Sequence[AggregateDetail],
) -> Reason:
    criterion = plan_item.criterion
    graded = criterion.points_by is not None
    if verdict == Verdict.NOT_APPLICABLE:
        return Reason.NOT_APPLICABLE
    if plan_item.applies is not None:
        applies_value = _applies_value(plan_item, env)
        if applies_value is None:
            return Reason.APPLICABILITY_UNKNOWN

    def min_known(members: object) -> int:
        value = getattr(members, "min_known", 0)
        return value if isinstance(value, int) else 0

    def members_reason(members: list[object]) -> Reason | None:
        # A roll-up's member list says how many members are known (status determined).
        known = getattr(members, "known", len(members))
        if not members:
            return Reason.NO_MEMBERS
        if known == 0:
            return Reason.NO_KNOWN_MEMBERS
        return Reason.TOO_FEW_MEMBERS if known < min_known(members) else None

    if verdict == Verdict.UNKNOWN and not any(a.total for a in aggregates):
        # Member lists the criterion reads through derived values (else any in the record).
        names = plan_item.inputs_read or tuple(env)
        for name in names:
            members = env.get(name)
            if isinstance(members, list) and hasattr(members, "min_known"):
                found = members_reason(members)
                if found is not None:
                    return found
    if missing:
        if verdict == Verdict.UNKNOWN:
            return Reason.MISSING_DATA
        # A missing name decided the verdict only when the rule itself came out unknown (the
        # criterion's on_missing then chose it); e.g. a reported figure left empty in favour of
        # a roll-up does not.
        if plan_item.rule is None or evaluate_traced(plan_item.rule, env).value is None:
            return Reason.MISSING_DATA_AS_FAIL if verdict == Verdict.FAIL else Reason.MISSING_DATA_AS_PASS
    if verdict == Verdict.PASS:
        return Reason.GRADED_POINTS if graded else Reason.RULE_TRUE
    if verdict == Verdict.FAIL:
        if graded:
            return Reason.GRADED_ZERO
        return (
            Reason.COMPARISON_FALSE
            if isinstance(plan_item.rule.tree if plan_item.rule else None, ast.Compare)
            else Reason.RULE_FALSE
        )
    if any(0 < a.total - a.unknown < min_known(env.get(a.collection)) for a in aggregates):
        return Reason.TOO_FEW_MEMBERS
    if any(a.denominator == 0 and a.total > 0 for a in aggregates):
        return Reason.NO_KNOWN_MEMBERS
    if any(a.total == 0 for a in aggregates):
        return Reason.NO_MEMBERS
    if plan_item.rule is None:
        return Reason.UNKNOWN_VALUE
    traced = evaluate_traced(plan_item.rule, env)
    if traced.division_by_zero:
        return Reason.DIVISION_BY_ZERO
    if traced.overflow or any(_derived_overflow(plan_item, name, env) for name in plan_item.derived_read):
        return Reason.OVERFLOW
    return Reason.UNKNOWN_VALUE


def _derived_overflow(plan_item: CriterionPlan, name: str, env: Mapping[str, object]) -> bool:
    """Whether the derived value ``name`` (read by the criterion's rule) overflowed."""
    expression = plan_item.derived_expressions.get(name)
    return expression is not None and evaluate_traced(expression, env).overflow


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


def _member_fields_missing(rule: CheckedExpression, env: Mapping[str, object]) -> tuple[str, ...]:
    """``persons.drug_user`` style names of member fields some member lacks."""
    out: list[str] = []
    for dotted in rule.fields_read:
        list_name, _, field = dotted.partition(".")
        members = env.get(list_name)
        lacking = isinstance(members, list) and any(
            isinstance(m, Mapping) and m.get(field) is None for m in members
        )
        if field and "." not in field and lacking:
            out.append(dotted)
    return tuple(out)


def criterion_details(
    plan: Plan, env: Mapping[str, object], verdicts: Sequence[Verdict], points: Sequence[float]
) -> Iterator[CriterionResult]:
    """A full :class:`CriterionResult` per criterion, in file order."""
    for item, verdict, earned in zip(plan.criteria, verdicts, points, strict=True):
        values = {name: _shown(env.get(name)) for name in item.shown}
        missing = tuple(name for name in item.inputs_read if env.get(name) is None)
        if verdict == Verdict.UNKNOWN and not missing and item.rule is not None:
            # Nothing missing at the top: the unknown comes from members' fields (a person's).
            missing = _member_fields_missing(item.rule, env)
        aggregates = (
            _aggregates(item.rule, env) if item.aggregated and verdict != Verdict.NOT_APPLICABLE else ()
        )
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
            missing=missing if verdict in (Verdict.UNKNOWN, Verdict.FAIL, Verdict.PASS) and missing else (),
            aggregates=aggregates,
        )


__all__ = ["criterion_details"]
