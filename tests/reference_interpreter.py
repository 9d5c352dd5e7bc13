"""A small, obviously correct interpreter of checked expressions, for differential tests.

It walks the typed tree and applies the documented rules one by one, with no short-circuit
tricks and no shared code with ``codegen`` or ``runtime``. ``None`` is unknown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Context, Decimal

from criteria_engine.rules.ast import (
    Attribute,
    BinOp,
    BoolOp,
    Call,
    Compare,
    Constant,
    Expr,
    IfExp,
    ListExpr,
    Name,
    UnaryOp,
)
from criteria_engine.rules.checker import CheckedExpression
from criteria_engine.rules.types import ListType

Env = Mapping[str, object]


def evaluate(checked: CheckedExpression, env: Env) -> object:
    """The value of ``checked`` for the record ``env`` (an absent name is missing)."""
    return _eval(checked.tree, env, {})


def kleene_and(values: list[object]) -> bool | None:
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def kleene_or(values: list[object]) -> bool | None:
    if any(v is True for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


def kleene_not(value: object) -> bool | None:
    return None if value is None else not value


def _eval(node: Expr, env: Env, members: dict[str, object]) -> object:
    match node:
        case Constant(value=value):
            return value
        case Name(id=name):
            return members[name] if name in members else env.get(name)
        case Attribute(value=base, attr=attr):
            record = _eval(base, env, members)
            assert record is None or isinstance(record, Mapping)
            return None if record is None else record.get(attr)
        case UnaryOp(op=op, operand=operand):
            value = _eval(operand, env, members)
            if op == "not":
                return kleene_not(value)
            return None if value is None else -value  # type: ignore[operator]
        case BinOp(op=op, left=left, right=right):
            return _arithmetic(op, _eval(left, env, members), _eval(right, env, members))
        case BoolOp(op=op, values=values):
            results = [_eval(v, env, members) for v in values]
            return kleene_and(results) if op == "and" else kleene_or(results)
        case Compare(left=left, ops=ops, comparators=comparators):
            operands = [left, *comparators]
            pairs = [_compare(operands[i], op, operands[i + 1], env, members) for i, op in enumerate(ops)]
            return kleene_and(pairs)
        case IfExp(test=test, body=body, orelse=orelse):
            condition = _eval(test, env, members)
            if condition is None:
                return None
            return _eval(body, env, members) if condition is True else _eval(orelse, env, members)
        case Call():
            return _call(node, env, members)
        case ListExpr():
            raise AssertionError("a list is only evaluated by 'in'")


def _arithmetic(op: str, a: object, b: object) -> object:
    if a is None or b is None:
        return None
    assert isinstance(a, int | float) and isinstance(b, int | float)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        return None
    return a / b


def _compare(left: Expr, op: str, right: Expr, env: Env, members: dict[str, object]) -> object:
    a = _eval(left, env, members)
    if isinstance(right, ListExpr):
        if a is None:
            return None
        items = [_eval(item, env, members) for item in right.items]
        if any(item is not None and item == a for item in items):
            found: bool | None = True
        elif any(item is None for item in items):
            found = None
        else:
            found = False
        return found if op == "in" else kleene_not(found)
    b = _eval(right, env, members)
    if a is None or b is None:
        return None
    comparisons = {
        "==": lambda: a == b,
        "!=": lambda: a != b,
        "<": lambda: a < b,  # type: ignore[operator]
        "<=": lambda: a <= b,  # type: ignore[operator]
        ">": lambda: a > b,  # type: ignore[operator]
        ">=": lambda: a >= b,  # type: ignore[operator]
    }
    return comparisons[op]()


def round_half_up(value: int | float, digits: int) -> int | float:
    """Round half away from zero on the decimal ``repr`` shows; ints stay ints."""
    if isinstance(value, float) and not math.isfinite(value):
        return value
    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    rounded = Context(prec=5000, rounding=ROUND_HALF_UP).quantize(exact, Decimal(1).scaleb(-digits))
    return int(rounded) if isinstance(value, int) else float(rounded)


def _call(node: Call, env: Env, members: dict[str, object]) -> object:
    args = node.args
    scalar_extreme = node.func in ("min", "max") and not isinstance(args[0].ty, ListType)
    if scalar_extreme or node.func not in _AGGREGATES:
        values = [_eval(a, env, members) for a in args]
        return _scalar(node.func, values)
    items = _eval(args[0], env, members)
    if items is None:
        return None
    assert isinstance(items, list)
    if len(args) == 1:  # count(list)
        return len(items)
    rows = []  # (value, weight) per member
    for item in items:
        inner = {**members, **({node.member: item} if node.member else {})}
        value = _eval(args[1], env, inner)
        weight = 1 if node.weight is None else _eval(node.weight, env, inner)
        rows.append((value, weight))
    # A collection's policy, carried by the list: unknown conditions count as false ("fail"),
    # and fewer known members than min_known make any aggregate unknown.
    conditions = node.func in ("any", "all", "count", "share")
    if conditions and getattr(items, "unknown_policy", "exclude") == "fail":
        rows = [(False if value is None else value, weight) for value, weight in rows]
    known = len([1 for value, weight in rows if value is not None and weight is not None])
    if known < getattr(items, "min_known", 0):
        return None
    return _aggregate(node.func, rows, weighted=node.weight is not None)


_AGGREGATES = {"any", "all", "count", "share", "sum", "mean", "min", "max"}


def _scalar(func: str, values: list[object]) -> object:
    if func == "present":
        return values[0] is not None
    if any(v is None for v in values):
        return None
    if func == "abs":
        return abs(values[0])  # type: ignore[call-overload]
    if func == "len":
        return len(values[0])  # type: ignore[arg-type]
    if func == "round":
        number = values[0]
        assert isinstance(number, int | float)
        if len(values) == 1:
            if isinstance(number, float) and not math.isfinite(number):
                return None
            return int(round_half_up(number, 0))
        digits = values[1]
        assert isinstance(digits, int)
        return round_half_up(number, digits)
    if func == "min":
        return min(values)  # type: ignore[type-var]
    assert func == "max"
    return max(values)  # type: ignore[type-var]


def _aggregate(func: str, rows: list[tuple[object, object]], *, weighted: bool) -> object:
    conditions = [value for value, _ in rows]
    if func == "any":
        return kleene_or(conditions)
    if func == "all":
        return kleene_and(conditions)
    if func == "count":
        return len([c for c in conditions if c is True])
    known = [(value, weight) for value, weight in rows if value is not None and weight is not None]
    if func == "share":
        numerator = sum(weight for value, weight in known if value is True)  # type: ignore[misc]
        denominator = sum(weight for _, weight in known)  # type: ignore[misc]
        return None if denominator == 0 else numerator / denominator
    values = [value for value, _ in known]
    if func == "sum":
        if not rows:
            return 0
        return sum(values) if values else None  # type: ignore[arg-type]
    if func == "mean":
        if weighted:
            denominator = sum(weight for _, weight in known)  # type: ignore[misc]
            if denominator == 0:
                return None
            return sum(weight * value for value, weight in known) / denominator  # type: ignore[operator]
        return sum(values) / len(values) if values else None  # type: ignore[arg-type]
    if not values:
        return None
    return min(values) if func == "min" else max(values)  # type: ignore[type-var]
