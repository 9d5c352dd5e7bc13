"""Helpers that generated code calls, under fixed ``_rt_*`` names.

Operators are emitted inline; only the aggregates and a few functions come here. Every helper
implements the missing-data rules: ``None`` is unknown. Aggregates receive an iterable with
one value (or one ``(value, weight)`` pair) per member, in member order, and the member list
itself: a list may carry a collection's policy as attributes (see :func:`policy`):
``min_known`` (fewer known members than this gives unknown) and ``unknown_policy``
(``"fail"``: a member whose condition is unknown counts as false instead of being excluded).
Plain lists have neither: every known member counts, unknown ones are excluded.

Arithmetic never raises: a result that is not a number within ±:data:`BIGGEST` (1e308: an
overflow, or NaN) is None, and helpers given a ``log`` list append :data:`OVERFLOW` (or
:data:`DIVISION_BY_ZERO`) to it, so explanations can say why a value is unknown.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Context, Decimal

Number = int | float
Log = list[str] | None
DIVISION_BY_ZERO = "division-by-zero"
OVERFLOW = "overflow"
BIGGEST = 1e308
"""The largest number arithmetic may give; beyond it (or when a result is not a number at all)
a result is unknown, with the reason ``overflow``. Python's floats stop near 1.8e308."""


def checked(value: Number, log: Log = None) -> Number | None:
    """``value`` if it is a number within ±BIGGEST, else None (logged as an overflow)."""
    if -BIGGEST <= value <= BIGGEST:
        return value
    if log is not None:
        log.append(OVERFLOW)
    return None


def _overflowed(log: Log) -> None:
    if log is not None:
        log.append(OVERFLOW)


_OPERATIONS: dict[str, Callable[[Number, Number], Number]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}


def arith(op: str, left: Number | None, right: Number | None, log: Log = None) -> Number | None:
    """``left op right`` for ``+ - *``: None when an operand is unknown or the result overflows."""
    if left is None or right is None:
        return None
    try:
        return checked(_OPERATIONS[op](left, right), log)
    except OverflowError:  # a huge integer met a decimal number
        _overflowed(log)
        return None


def negate(value: Number | None, log: Log = None) -> Number | None:
    """``-value`` (None when unknown or out of range)."""
    return None if value is None else checked(-value, log)


def policy(members: object) -> tuple[int, bool]:
    """``(min_known, unknown counts as false)`` of a member list; ``(0, False)`` for a plain list."""
    min_known = getattr(members, "min_known", 0)
    fail = getattr(members, "unknown_policy", None) == "fail"
    return (min_known if isinstance(min_known, int) else 0), fail


def _conditions(values: Iterable[bool | None], members: object) -> list[bool | None] | None:
    """The conditions after the list's policy; None when fewer than ``min_known`` are known."""
    min_known, fail = policy(members)
    out: list[bool | None] = [False if value is None else value for value in values] if fail else list(values)
    if min_known and sum(1 for value in out if value is not None) < min_known:
        return None
    return out


def _has_policy(members: object) -> bool:
    return members is not None and type(members) is not list and policy(members) != (0, False)


def any_(values: Iterable[bool | None], members: object = None, log: Log = None) -> bool | None:
    """Kleene ``or`` over the members: True if one is True, else None if one is unknown."""
    if _has_policy(members):
        checked = _conditions(values, members)
        if checked is None:
            return None
        values = checked
    unknown = False
    for value in values:
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


def all_(values: Iterable[bool | None], members: object = None, log: Log = None) -> bool | None:
    """Kleene ``and`` over the members: False if one is False, else None if one is unknown."""
    if _has_policy(members):
        checked = _conditions(values, members)
        if checked is None:
            return None
        values = checked
    unknown = False
    for value in values:
        if value is False:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def count(values: Iterable[bool | None], members: object = None, log: Log = None) -> int | None:
    """How many members' condition is True (unknown ones are not counted)."""
    if _has_policy(members):
        checked = _conditions(values, members)
        if checked is None:
            return None
        values = checked
    return sum(1 for value in values if value is True)


def share(values: Iterable[bool | None], members: object = None, log: Log = None) -> float | None:
    """True members / members whose condition is known; None when none is known."""
    checked = _conditions(values, members) if _has_policy(members) else list(values)
    if checked is None:
        return None
    known = [value for value in checked if value is not None]
    return known.count(True) / len(known) if known else None


def share_weighted(
    pairs: Iterable[tuple[bool | None, Number | None]], members: object = None, log: Log = None
) -> float | None:
    """Weight of the True members / weight of the known ones (unknown weight = unknown)."""
    min_known, fail = policy(members)
    if fail:
        pairs = ((False if value is None else value, weight) for value, weight in pairs)
    known = [(value, weight) for value, weight in pairs if value is not None and weight is not None]
    if len(known) < min_known:
        return None
    try:
        denominator = sum(weight for _, weight in known)
        if denominator == 0:
            return None
        return checked(sum(weight for value, weight in known if value is True) / denominator, log)
    except OverflowError:
        _overflowed(log)
        return None


def _too_few(known: int, members: object) -> bool:
    return members is not None and type(members) is not list and known < policy(members)[0]


def sum_(values: Iterable[Number | None], members: object = None, log: Log = None) -> Number | None:
    """Sum of the known values; 0 for an empty list; None when no value is known."""
    every = list(values)
    known = [value for value in every if value is not None]
    if _too_few(len(known), members):
        return None
    if not known:
        return None if every else 0
    try:
        return checked(sum(known), log)
    except OverflowError:
        _overflowed(log)
        return None


def mean(values: Iterable[Number | None], members: object = None, log: Log = None) -> float | None:
    """Mean of the known values; None when no value is known."""
    known = [value for value in values if value is not None]
    if _too_few(len(known), members):
        return None
    if not known:
        return None
    try:
        return checked(sum(known) / len(known), log)
    except OverflowError:
        _overflowed(log)
        return None


def mean_weighted(
    pairs: Iterable[tuple[Number | None, Number | None]], members: object = None, log: Log = None
) -> float | None:
    """Weighted mean over the members whose value and weight are known."""
    known = [(value, weight) for value, weight in pairs if value is not None and weight is not None]
    if _too_few(len(known), members):
        return None
    try:
        denominator = sum(weight for _, weight in known)
        if denominator == 0:
            return None
        return checked(sum(weight * value for value, weight in known) / denominator, log)
    except OverflowError:
        _overflowed(log)
        return None


def min_of(values: Iterable[object], members: object = None, log: Log = None) -> object:
    """Smallest known value; None when no value is known."""
    known = [value for value in values if value is not None]
    if _too_few(len(known), members):
        return None
    return min(known) if known else None  # type: ignore[type-var]


def max_of(values: Iterable[object], members: object = None, log: Log = None) -> object:
    """Largest known value; None when no value is known."""
    known = [value for value in values if value is not None]
    if _too_few(len(known), members):
        return None
    return max(known) if known else None  # type: ignore[type-var]


def in_(value: object, items: tuple[object, ...]) -> bool | None:
    """``value in items`` when an item may be unknown: True, else None if one is unknown."""
    if value is None:
        return None
    if any(item is not None and item == value for item in items):
        return True
    return None if any(item is None for item in items) else False


def divide(left: Number | None, right: Number | None, log: Log = None) -> Number | None:
    """``left / right``: None when unknown, dividing by zero or out of range (logged)."""
    if left is None or right is None:
        return None
    if right == 0:
        if log is not None:
            log.append(DIVISION_BY_ZERO)
        return None
    try:
        return checked(left / right, log)
    except OverflowError:
        _overflowed(log)
        return None


_ROUNDING = Context(prec=1000, rounding=ROUND_HALF_UP)


def round_half_up(value: Number, digits: int) -> Number:
    """Round half away from zero to ``digits`` decimals (as officials round, not banker's).

    The decimal written by ``repr`` is rounded, so ``round(2.675, 2)`` is 2.68. An integer
    stays an integer (rounded exactly, however large); a float stays a float.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return value
    digits = max(-400, min(400, digits))
    if isinstance(value, int):
        if digits >= 0:
            return value
        unit: int = 10**-digits
        quotient, rest = divmod(abs(value), unit)
        rounded: int = (quotient + (2 * rest >= unit)) * unit
        return rounded if value >= 0 else -rounded
    exact = Decimal(repr(value))
    return float(_ROUNDING.quantize(exact, Decimal(1).scaleb(-digits)))


def round_to_integer(value: Number) -> int | None:
    """``round(x)``: the nearest integer, halves away from zero; None for infinity or NaN."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return int(round_half_up(value, 0))


NAMESPACE: dict[str, object] = {
    "_rt_any": any_,
    "_rt_all": all_,
    "_rt_count": count,
    "_rt_share": share,
    "_rt_share_w": share_weighted,
    "_rt_sum": sum_,
    "_rt_mean": mean,
    "_rt_mean_w": mean_weighted,
    "_rt_min_of": min_of,
    "_rt_max_of": max_of,
    "_rt_min": min,
    "_rt_max": max,
    "_rt_abs": abs,
    "_rt_len": len,
    "_rt_round": round_half_up,
    "_rt_round0": round_to_integer,
    "_rt_in": in_,
    "_rt_div": divide,
    "_rt_arith": arith,
    "_rt_neg": negate,
    "_rt_date": datetime.date,
}
"""Every name generated code may use besides its own locals. See ``codegen.runtime_namespace``."""


__all__ = [
    "BIGGEST",
    "DIVISION_BY_ZERO",
    "NAMESPACE",
    "OVERFLOW",
    "all_",
    "any_",
    "arith",
    "checked",
    "count",
    "divide",
    "in_",
    "max_of",
    "mean",
    "mean_weighted",
    "min_of",
    "negate",
    "policy",
    "round_half_up",
    "round_to_integer",
    "share",
    "share_weighted",
    "sum_",
]
