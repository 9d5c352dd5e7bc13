"""Helpers that generated code calls, under fixed ``_rt_*`` names.

Operators are emitted inline; only the aggregates and a few functions come here. Every helper
implements the missing-data rules: ``None`` is unknown. Aggregates receive an iterable with
one value (or one ``(value, weight)`` pair) per member, in member order.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal

Number = int | float
DIVISION_BY_ZERO = "division-by-zero"


def any_(values: Iterable[bool | None]) -> bool | None:
    """Kleene ``or`` over the members: True if one is True, else None if one is unknown."""
    unknown = False
    for value in values:
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


def all_(values: Iterable[bool | None]) -> bool | None:
    """Kleene ``and`` over the members: False if one is False, else None if one is unknown."""
    unknown = False
    for value in values:
        if value is False:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def count(values: Iterable[bool | None]) -> int:
    """How many members' condition is True (unknown ones are not counted)."""
    return sum(1 for value in values if value is True)


def share(values: Iterable[bool | None]) -> float | None:
    """True members / members whose condition is known; None when none is known."""
    known = [value for value in values if value is not None]
    return known.count(True) / len(known) if known else None


def share_weighted(pairs: Iterable[tuple[bool | None, Number | None]]) -> float | None:
    """Weight of the True members / weight of the known ones (unknown weight = unknown)."""
    known = [(value, weight) for value, weight in pairs if value is not None and weight is not None]
    denominator = sum(weight for _, weight in known)
    if denominator == 0:
        return None
    return sum(weight for value, weight in known if value is True) / denominator


def sum_(values: Iterable[Number | None]) -> Number | None:
    """Sum of the known values; 0 for an empty list; None when no value is known."""
    members = list(values)
    known = [value for value in members if value is not None]
    if not known:
        return None if members else 0
    return sum(known)


def mean(values: Iterable[Number | None]) -> float | None:
    """Mean of the known values; None when no value is known."""
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def mean_weighted(pairs: Iterable[tuple[Number | None, Number | None]]) -> float | None:
    """Weighted mean over the members whose value and weight are known."""
    known = [(value, weight) for value, weight in pairs if value is not None and weight is not None]
    denominator = sum(weight for _, weight in known)
    if denominator == 0:
        return None
    return sum(weight * value for value, weight in known) / denominator


def min_of(values: Iterable[object]) -> object:
    """Smallest known value; None when no value is known."""
    known = [value for value in values if value is not None]
    return min(known) if known else None  # type: ignore[type-var]


def max_of(values: Iterable[object]) -> object:
    """Largest known value; None when no value is known."""
    known = [value for value in values if value is not None]
    return max(known) if known else None  # type: ignore[type-var]


def in_(value: object, items: tuple[object, ...]) -> bool | None:
    """``value in items`` when an item may be unknown: True, else None if one is unknown."""
    if value is None:
        return None
    if any(item is not None and item == value for item in items):
        return True
    return None if any(item is None for item in items) else False


def divide(left: Number | None, right: Number | None, reasons: list[str]) -> float | None:
    """Division that records why it gave unknown (used by the traced evaluation)."""
    if left is None or right is None:
        return None
    if right == 0:
        reasons.append(DIVISION_BY_ZERO)
        return None
    return left / right


_ROUNDING = Context(prec=1000, rounding=ROUND_HALF_UP)


def round_half_up(value: Number, digits: int) -> Number:
    """Round half away from zero to ``digits`` decimals (as officials round, not banker's).

    The decimal written by ``repr`` is rounded, so ``round(2.675, 2)`` is 2.68. An integer
    stays an integer; a float stays a float.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return value
    digits = max(-400, min(400, digits))
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    rounded = _ROUNDING.quantize(exact, Decimal(1).scaleb(-digits))
    return int(rounded) if isinstance(value, int) else float(rounded)


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
    "_rt_date": datetime.date,
}
"""Every name generated code may use besides its own locals. See ``codegen.runtime_namespace``."""


__all__ = [
    "DIVISION_BY_ZERO",
    "NAMESPACE",
    "all_",
    "any_",
    "count",
    "divide",
    "in_",
    "max_of",
    "mean",
    "mean_weighted",
    "min_of",
    "round_half_up",
    "round_to_integer",
    "share",
    "share_weighted",
    "sum_",
]
