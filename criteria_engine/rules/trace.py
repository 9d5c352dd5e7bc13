"""Evaluation with its reasons, for explanations (not the speed path).

``aggregate_traces`` re-evaluates each aggregate of an expression member by member and says
how many members passed, failed or were unknown, the numerator and the denominator, and
which members failed first: "31/50 households passed (62.0%), 2 undetermined".
``evaluate_traced`` gives an expression's value with the names that were missing and whether
a division by zero made something unknown.

Both compile the sub-expressions with ``codegen`` (so they agree with the fast path) and
compute the aggregate's value with the same ``runtime`` helpers the fast path calls.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from criteria_engine.rules import runtime
from criteria_engine.rules.ast import Call, Expr, children
from criteria_engine.rules.checker import CheckedExpression
from criteria_engine.rules.codegen import compile_source
from criteria_engine.rules.functions import AGGREGATES
from criteria_engine.rules.types import ListType

Env = Mapping[str, object]
Number = int | float
Weights = list[Number | None] | None
Compiled = Callable[[Env, object, list[str] | None], object]
FALSE_IDS_SHOWN = 5
CONDITIONS = frozenset({"any", "all", "count", "share"})


@dataclass(frozen=True, slots=True)
class AggregateTrace:
    """How one aggregate call came to its value.

    For conditions (any, all, count, share) members are true, false or unknown; for values
    (sum, mean, min, max) ``members_true``/``members_false`` are 0 and ``members_unknown``
    counts members whose value is missing. A member whose weight is missing is unknown.
    ``numerator``/``denominator``: share: (weighted) true / (weighted) known; any, all,
    count: true / known; count(list): total / None; sum: sum / None; mean: (weighted) sum /
    (weighted) count; min, max: None / None. ``false_ids`` holds the ``id`` of the first
    five members whose condition is false (members without an ``id`` are skipped).

    A member list carrying a collection policy (``runtime.policy``) is traced under it: with
    ``unknown_policy == "fail"`` unknown conditions count as false (and ``members_unknown`` is
    0); with ``min_known``, too few known members give ``value`` None while the counts stay.
    """

    function: str
    list_name: str
    offset: int
    end: int
    members_total: int
    members_true: int
    members_false: int
    members_unknown: int
    false_ids: tuple[object, ...]
    numerator: int | float | None
    denominator: int | float | None
    value: object
    list_missing: bool = False


@dataclass(frozen=True, slots=True)
class TracedValue:
    """An expression's value, the scope names that were missing, division by zero, overflow."""

    value: object
    missing: tuple[str, ...]
    division_by_zero: bool
    overflow: bool = False


@dataclass(frozen=True, slots=True)
class _Step:
    call: Call
    list_name: str
    members: Compiled
    value: Compiled | None
    weight: Compiled | None


def evaluate_traced(checked: CheckedExpression, env: Env) -> TracedValue:
    """Evaluate ``checked`` in ``env`` and say why it may be unknown."""
    log: list[str] = []
    value = _whole(checked)(env, None, log)
    missing = tuple(name for name in checked.names if env.get(name) is None)
    return TracedValue(value, missing, runtime.DIVISION_BY_ZERO in log, runtime.OVERFLOW in log)


def aggregate_traces(checked: CheckedExpression, env: Env) -> list[AggregateTrace]:
    """One trace per aggregate call over a list, in source order.

    Aggregates nested in another aggregate's per-member argument are not traced (they have
    one value per member of the outer list).
    """
    return [_run(step, env) for step in _plan(checked)]


@functools.lru_cache(maxsize=256)
def _whole(checked: CheckedExpression) -> Compiled:
    return compile_source(checked.tree, checked.names, None, log=True)


@functools.lru_cache(maxsize=256)
def _plan(checked: CheckedExpression) -> tuple[_Step, ...]:
    steps = []
    for call in _top_aggregates(checked.tree):
        per_member = call.args[1] if len(call.args) > 1 else None
        steps.append(
            _Step(
                call,
                checked.text[call.args[0].offset : call.args[0].end],
                compile_source(call.args[0], checked.names, None, log=False),
                None
                if per_member is None
                else compile_source(per_member, checked.names, call.member, log=False),
                None
                if call.weight is None
                else compile_source(call.weight, checked.names, call.member, log=False),
            )
        )
    return tuple(steps)


def _top_aggregates(node: Expr) -> list[Call]:
    if isinstance(node, Call) and node.func in AGGREGATES and isinstance(node.args[0].ty, ListType):
        return [node]
    return [call for child in children(node) for call in _top_aggregates(child)]


def _run(step: _Step, env: Env) -> AggregateTrace:
    call = step.call
    members = step.members(env, None, None)
    head = (call.func, step.list_name, call.offset, call.end)
    if not isinstance(members, Sequence):
        return AggregateTrace(*head, 0, 0, 0, 0, (), None, None, None, True)
    total = len(members)
    if step.value is None:  # count(list)
        return AggregateTrace(*head, total, 0, 0, 0, (), total, None, total)
    values = [step.value(env, member, None) for member in members]
    weights = None if step.weight is None else [step.weight(env, member, None) for member in members]
    if call.func in CONDITIONS:
        if runtime.policy(members)[1]:  # unknown members count as false
            values = [False if value is None else value for value in values]
        return _condition_trace(step, members, cast(list[bool | None], values), cast(Weights, weights))
    numbers, known_weights = cast(list[Number | None], values), cast(Weights, weights) or [1] * total
    known = [(v, w) for v, w in zip(numbers, known_weights, strict=True) if v is not None and w is not None]
    unknown = total - len(known)
    numerator: Number | None = None
    denominator: Number | None = None
    value: object
    if call.func == "sum":
        value = runtime.sum_(numbers, members)
        numerator = runtime.sum_(numbers)
    elif call.func == "mean":
        pairs = zip(numbers, known_weights, strict=True)
        value = runtime.mean(numbers, members) if weights is None else runtime.mean_weighted(pairs, members)
        numerator = _total(w * v for v, w in known)
        denominator = _total(w for _, w in known)
    else:
        value = (runtime.min_of if call.func == "min" else runtime.max_of)(values, members)
    return AggregateTrace(*head, total, 0, 0, unknown, (), numerator, denominator, value)


def _total(numbers: Iterable[Number]) -> Number | None:
    """A sum for the counts shown (None when it overflows, like any arithmetic)."""
    try:
        return runtime.checked(sum(numbers))
    except OverflowError:
        return None


def _condition_trace(
    step: _Step, members: Sequence[object], values: list[bool | None], weights: Weights
) -> AggregateTrace:
    call = step.call
    known_weights = weights or [1] * len(values)
    rows = list(zip(members, values, known_weights, strict=True))
    true = [w for _, v, w in rows if v is True and w is not None]
    false = [(m, w) for m, v, w in rows if v is False and w is not None]
    ids = (m.get("id") for m, _ in false if isinstance(m, Mapping))
    false_ids = tuple(i for i in ids if i is not None)[:FALSE_IDS_SHOWN]
    if call.func == "any":
        value: object = runtime.any_(values, members)
    elif call.func == "all":
        value = runtime.all_(values, members)
    elif call.func == "count":
        value = runtime.count(values, members)
    elif weights is None:
        value = runtime.share(values, members)
    else:
        value = runtime.share_weighted(zip(values, weights, strict=True), members)
    numerator = _total(true)
    denominator = _total(w for _, v, w in rows if v is not None and w is not None)
    unknown = len(values) - len(true) - len(false)
    return AggregateTrace(
        call.func,
        step.list_name,
        call.offset,
        call.end,
        len(values),
        len(true),
        len(false),
        unknown,
        false_ids,
        numerator,
        denominator,
        value,
    )


__all__ = ["AggregateTrace", "TracedValue", "aggregate_traces", "evaluate_traced"]
