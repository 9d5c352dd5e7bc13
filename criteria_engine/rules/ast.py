"""The syntax tree of an expression: frozen dataclasses, one per allowed form.

Every node records ``offset`` and ``end``: 0-based character offsets of its first character
and one past its last one in the expression text. The parser leaves ``ty`` as None; the
checker returns a copy of the tree in which every node carries its static type.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from criteria_engine.rules.types import Type

Value = int | float | str | bool | datetime.date | None
"""A literal's value. Dates only appear after the checker reads a string as a date."""

COMPARISON_OPS = ("==", "!=", "<", "<=", ">", ">=", "in", "not in")
ARITHMETIC_OPS = ("+", "-", "*", "/")


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """Position (character offsets) and, once checked, the static type."""

    offset: int
    end: int
    ty: Type | None = None


@dataclass(frozen=True, slots=True)
class Constant(Node):
    """A literal: number, string, boolean, ``null``. ``percent`` marks ``95%`` (value 0.95)."""

    value: Value
    percent: bool = False


@dataclass(frozen=True, slots=True)
class ListExpr(Node):
    """``[a, b]``: only allowed on the right of ``in`` / ``not in``."""

    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Name(Node):
    """A name from the scope, or the member variable of an enclosing aggregate."""

    id: str


@dataclass(frozen=True, slots=True)
class Attribute(Node):
    """``value.attr``: a field of a record. ``attr_offset`` is where the field name starts."""

    value: Expr
    attr: str
    attr_offset: int


@dataclass(frozen=True, slots=True)
class UnaryOp(Node):
    """``-x`` or ``not x``."""

    op: str
    operand: Expr


@dataclass(frozen=True, slots=True)
class BinOp(Node):
    """``a + b``, ``a - b``, ``a * b``, ``a / b``."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class BoolOp(Node):
    """``a and b and ...`` or ``a or b or ...`` (Kleene logic)."""

    op: str
    values: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Compare(Node):
    """``a < b <= c``: a chain is the Kleene ``and`` of its pairwise comparisons."""

    left: Expr
    ops: tuple[str, ...]
    comparators: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class IfExp(Node):
    """``body if test else orelse``."""

    test: Expr
    body: Expr
    orelse: Expr


@dataclass(frozen=True, slots=True)
class Call(Node):
    """A catalogue function call. ``member`` is the member variable the checker bound."""

    func: str
    args: tuple[Expr, ...]
    weight: Expr | None = None
    member: str | None = None


Expr = Constant | ListExpr | Name | Attribute | UnaryOp | BinOp | BoolOp | Compare | IfExp | Call


def children(node: Expr) -> tuple[Expr, ...]:
    """The direct sub-expressions of ``node``, in source order."""
    match node:
        case Constant() | Name():
            return ()
        case ListExpr(items=items):
            return items
        case Attribute(value=value):
            return (value,)
        case UnaryOp(operand=operand):
            return (operand,)
        case BinOp(left=left, right=right):
            return (left, right)
        case BoolOp(values=values):
            return values
        case Compare(left=left, comparators=comparators):
            return (left, *comparators)
        case IfExp(test=test, body=body, orelse=orelse):
            return (body, test, orelse)
        case Call(args=args, weight=weight):
            return args if weight is None else (*args, weight)


def walk(node: Expr) -> list[Expr]:
    """``node`` and all its descendants, in source order (pre-order)."""
    out = [node]
    for child in children(node):
        out.extend(walk(child))
    return out


__all__ = [
    "ARITHMETIC_OPS",
    "COMPARISON_OPS",
    "Attribute",
    "BinOp",
    "BoolOp",
    "Call",
    "Compare",
    "Constant",
    "Expr",
    "IfExp",
    "ListExpr",
    "Name",
    "Node",
    "UnaryOp",
    "Value",
    "children",
    "walk",
]
