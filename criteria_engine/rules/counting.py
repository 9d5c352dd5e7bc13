"""Aggregates that count as they decide: the value of ``any``, ``share``, ``mean``... together
with the numbers an explanation shows (members true, false and unknown, the numerator and the
denominator, the first members that failed), from one pass over the members' values.

The compiled plan's explanation path calls these instead of re-running the rule in the trace
interpreter (:mod:`.trace`, which stays as the reference: differential tests hold the two
equal). Each helper takes the list's name as written in the rule, the member list (None when
the list is missing), the per-member values the generated code computed, and the per-member
weights (or None), and returns ``(value, AggregateDetail)``. A list carrying a collection's
policy (``min_known``, ``unknown_policy``; see ``runtime.policy``) is honoured as by the
runtime helpers: with ``unknown_policy == "fail"`` an unknown condition counts as false; with
fewer than ``min_known`` known members the value is unknown while the counts stay.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial

from ..results import AggregateDetail
from .runtime import BIGGEST

Number = int | float
Counted = tuple[object, AggregateDetail]
SHOWN_FAILING = 5
"""Members named as failing, at most (the first ones, in member order)."""
_detail = partial(tuple.__new__, AggregateDetail)


def _policy(members: object) -> tuple[int, bool]:
    if members.__class__ is list:
        return 0, False
    min_known = getattr(members, "min_known", 0)
    return (min_known if isinstance(min_known, int) else 0), getattr(members, "unknown_policy", "") == "fail"


def _number(value: object) -> float | None:
    """The detail's ``value``: a number, or None (booleans and unknowns)."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _sum(numbers: list[Number]) -> Number | None:
    """A sum, or None when it overflows (arithmetic is never out of range)."""
    try:
        total = sum(numbers)
    except OverflowError:
        return None
    return total if -BIGGEST <= total <= BIGGEST else None


def absent(function: str, name: str) -> Counted:
    """The list itself is missing: the aggregate is unknown, with nothing counted."""
    return None, AggregateDetail(function, name, 0, 0, 0, 0, None, ())


def _quotient(top: Callable[[], Number], bottom: Callable[[], Number]) -> float | None:
    """``top() / bottom()`` as the runtime computes a mean or a share: None when the
    denominator is 0, or when anything overflows (the intermediate sums are not checked)."""
    try:
        denominator = bottom()
        if denominator == 0:
            return None
        value = top() / denominator
    except OverflowError:
        return None
    return value if -BIGGEST <= value <= BIGGEST else None


def _member_id(member: object) -> str | None:
    found = member.get("id") if member.__class__ is dict or isinstance(member, Mapping) else None
    return None if found is None else str(found)


def _tally_plain(
    members: Sequence[object], values: list[object], fail: bool, failing: list[str]
) -> tuple[int, int, int]:
    """Trues, falses and unknowns of unweighted conditions (the common case, one tight loop)."""
    trues = falses = unknown = 0
    for index, value in enumerate(values):
        if value is True:
            trues += 1
        elif value is None and not fail:
            unknown += 1
        else:
            falses += 1
            if len(failing) < SHOWN_FAILING:
                member = members[index]
                found = member.get("id") if member.__class__ is dict else _member_id(member)
                if found is not None:
                    failing.append(str(found))
    return trues, falses, unknown


def _weighted_share(
    function: str, name: str, members: Sequence[object], values: list[object], weights: list[object] | None
) -> Counted:
    """``share(list, condition, weight=...)``: weights of the true members over the known ones."""
    min_known, fail = _policy(members)
    failing: list[str] = []
    true_weights: list[Number] = []
    known_weights: list[Number] = []
    trues = falses = 0
    for index, value in enumerate(values):
        if value is None and fail:
            value = False
        weight = (weights or [])[index]
        if value is None or weight is None:
            continue
        known_weights.append(weight)  # type: ignore[arg-type]
        if value is True:
            trues += 1
            true_weights.append(weight)  # type: ignore[arg-type]
            continue
        falses += 1
        if len(failing) < SHOWN_FAILING:
            found = _member_id(members[index])
            if found is not None:
                failing.append(found)
    too_few = trues + falses < min_known
    outcome = None if too_few else _quotient(lambda: sum(true_weights), lambda: sum(known_weights))
    numerator, denominator = _sum(true_weights), _sum(known_weights)
    total = len(values)
    detail = (
        function,
        name,
        total,
        numerator or 0,
        denominator or 0,
        total - trues - falses,
        outcome,
        tuple(failing),
    )
    return outcome, _detail(detail)


def _products(pairs: list[tuple[Number, Number]]) -> list[Number] | None:
    try:
        return [weight * value for value, weight in pairs]
    except OverflowError:
        return None


def _values(
    function: str, name: str, members: Sequence[object], values: list[object], weights: list[object] | None
) -> Counted:
    min_known = _policy(members)[0]
    total = len(values)
    numbers: list[Number] = [v for v in values if v is not None]  # type: ignore[misc]
    pairs: list[tuple[Number, Number]] = [
        (value, 1 if weights is None else weights[index])  # type: ignore[misc]
        for index, value in enumerate(values)
        if value is not None and (weights is None or weights[index] is not None)
    ]
    counted = len(numbers) if weights is None else len(pairs)
    too_few = members.__class__ is not list and counted < min_known
    numerator: Number | None = None
    denominator: Number | None = None
    value: object
    if function == "sum":
        numerator = (_sum(numbers) if numbers else None) if values else 0
        value = None if too_few else numerator
    elif function == "mean":
        products = _products(pairs)
        numerator = None if products is None else _sum(products)
        denominator = _sum([w for _, w in pairs])
        if too_few or not pairs:
            value = None
        elif weights is None:
            value = _quotient(lambda: sum(numbers), lambda: len(numbers))
        else:
            value = (
                None
                if products is None
                else _quotient(lambda: sum(products), lambda: sum(w for _, w in pairs))
            )
    else:
        extreme = min if function == "min" else max
        value = None if too_few or not numbers else extreme(numbers)
    detail = AggregateDetail(
        function,
        name,
        total,
        numerator or 0,
        denominator or 0,
        total - len(pairs),
        _number(value),
        (),
    )
    return value, detail


def _plain_conditions(function: str, name: str, members: Sequence[object], values: list[object]) -> Counted:
    """Unweighted conditions (any, all, count, share): the common case, kept short."""
    min_known, fail = _policy(members)
    failing: list[str] = []
    trues, falses, unknown = _tally_plain(members, values, fail, failing)
    total = len(values)
    outcome: object
    if min_known and total - unknown < min_known:
        outcome = None
    elif function == "any":
        outcome = True if trues else (None if unknown else False)
    elif function == "all":
        outcome = False if falses else (None if unknown else True)
    elif function == "count":
        outcome = trues
    else:  # share
        outcome = trues / (total - unknown) if total - unknown else None
    shown = outcome if function in ("count", "share") else None
    return outcome, _detail((function, name, total, trues, trues + falses, unknown, shown, tuple(failing)))


def _counter(function: str, conditions: bool) -> Callable[..., Counted]:
    counted = _weighted_share if conditions else _values

    def count(
        name: str, members: object, values: list[object] | None, weights: list[object] | None = None
    ) -> Counted:
        if values is None or not (members.__class__ is list or isinstance(members, Sequence)):
            return absent(function, name)
        if conditions and weights is None:
            return _plain_conditions(function, name, members, values)
        return counted(function, name, members, values, weights)

    count.__name__ = f"count_{function}"
    return count


def count_members(name: str, members: object) -> Counted:
    """``count(list)``: how many members there are."""
    if not isinstance(members, Sequence):
        return absent("count", name)
    total = len(members)
    return total, AggregateDetail("count", name, total, total, 0, 0, total, ())


NAMESPACE: dict[str, object] = {
    **{f"_ct_{f}": _counter(f, True) for f in ("any", "all", "count", "share")},
    **{f"_ct_{f}": _counter(f, False) for f in ("sum", "mean", "min", "max")},
    "_ct_members": count_members,
}
"""The counting helpers, under the names the catalogue gives them (``Function.counter``)."""


__all__ = ["NAMESPACE", "SHOWN_FAILING", "absent", "count_members"]
