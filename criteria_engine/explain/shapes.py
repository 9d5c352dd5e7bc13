"""The shape of a rule, read once per plan: what kind of sentence explains it.

A rule is a boolean fact (``registered``, ``not child_marriage``), a comparison of a figure
with a target (``patient_satisfaction > 91``, ``hh_happy_pct >= hh_happy_min``), an enum's
value (``housing_type in ["solid", "semi_solid"]``), a comparison of two figures
(``school_age_in_school >= school_age_children``), a change from last year
(``forest_cover >= forest_cover_prev``, ``poor_rate_prev - poor_rate >= 1.5``), a condition
over members (``not any(persons, p.drug_user)``, ``share(households, …) >= 70``), a graded
table or graded bands, or ``and``/``or`` of those. Anything else is ``other`` and is said
with the rule in words. Shapes hold no language: :mod:`.sentences` words them.

A completeness guard, ``X and (true if C else null)``, is no part of what a rule asks: it
keeps the rule undecided until the data is complete (``C``: the member list is as long as
the household). The rule has ``X``'s shape with the guard beside it (:attr:`Shape.guard`):
it passes and fails as ``X`` does, and says ``C`` when ``C`` leaves it undecided.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..format.models import CriteriaSet, Criterion
from ..rules import ast
from ..rules.functions import AGGREGATES
from ..rules.types import BOOLEAN, EnumType, ListType
from .grammar import previous_of

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "==", "in": "not in"}
_NEGATE["not in"] = "in"


@dataclass(frozen=True, slots=True)
class Target:
    """What a figure is compared with: a number or text written in the rule, or a parameter."""

    value: object = None
    text: str = ""
    """The literal as the rule writes it (``91``, ``69.0``): targets are said as written."""
    param: str | None = None
    percent: bool = False
    """Written as ``95%`` (the value is then 0.95)."""


@dataclass(frozen=True, slots=True)
class Shape:
    """One rule's shape; which fields are set depends on ``kind`` (see the module)."""

    kind: str
    name: str | None = None
    op: str | None = None
    target: Target | None = None
    other: str | None = None
    negated: bool = False
    codes: tuple[str, ...] = ()
    members: str | None = None
    function: str | None = None
    condition: ast.Expr | None = None
    field: str | None = None
    direction: str | None = None
    parts: tuple[Shape, ...] = ()
    tree: ast.Expr | None = None
    table: tuple[tuple[object, float], ...] = ()
    """Graded points: (enum value or band minimum, points), highest points first."""
    guard: Shape | None = None
    """The condition of a completeness guard (``X and (true if C else null)``): ``C``."""


OTHER = "other"
KINDS = ("fact", "threshold", "enum", "pair", "change", "members", "table", "bands", "compound", OTHER)
"""Every kind of shape (the phrase catalogue has patterns for each)."""


def _target(node: ast.Expr, model: CriteriaSet, text: str) -> Target | None:
    if isinstance(node, ast.Constant) and node.value is not None and not isinstance(node.value, bool):
        return Target(node.value, text[node.offset : node.end].strip(), None, node.percent)
    if isinstance(node, ast.UnaryOp) and node.op == "-" and isinstance(node.operand, ast.Constant):
        value = node.operand.value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Target(-value, text[node.offset : node.end].replace(" ", ""), None, node.operand.percent)
    if isinstance(node, ast.Name) and node.id in model.parameters:
        return Target(None, "", node.id)
    return None


def _members_call(node: ast.Expr) -> ast.Call | None:
    if isinstance(node, ast.BinOp) and node.op == "*":
        for side, factor in ((node.right, node.left), (node.left, node.right)):
            if isinstance(factor, ast.Constant) and factor.value == 100:
                return _members_call(side)
    if (
        isinstance(node, ast.Call)
        and node.func in AGGREGATES
        and node.args
        and isinstance(node.args[0].ty, ListType)
        and isinstance(node.args[0], ast.Name)
    ):
        return node
    return None


def _members(
    call: ast.Call, negated: bool = False, op: str | None = None, target: Target | None = None
) -> Shape:
    condition = call.args[1] if len(call.args) > 1 else None
    field = None
    if (
        isinstance(condition, ast.Attribute)
        and isinstance(condition.value, ast.Name)
        and condition.value.id == call.member
    ):
        field = condition.attr
    assert isinstance(call.args[0], ast.Name)
    return Shape(
        "members",
        op=op,
        target=target,
        negated=negated,
        members=call.args[0].id,
        function=call.func,
        condition=condition,
        field=field,
        tree=call,
    )


def _compare(node: ast.Compare, model: CriteriaSet, text: str) -> Shape | None:
    if len(node.ops) != 1:
        return None
    op, left, right = node.ops[0], node.left, node.comparators[0]
    if op in ("in", "not in"):
        if isinstance(left, ast.Name) and isinstance(right, ast.ListExpr):
            codes = tuple(str(i.value) for i in right.items if isinstance(i, ast.Constant))
            if len(codes) == len(right.items):
                return Shape("enum", left.id, op, codes=codes, tree=node)
        return None
    if _target(left, model, text) is not None and _target(right, model, text) is None:
        left, right, op = right, left, _FLIP[op]  # 4 <= doctors reads doctors >= 4
    target = _target(right, model, text)
    if isinstance(left, ast.Name):
        if isinstance(left.ty, EnumType) or (target is not None and isinstance(target.value, str)):
            if target is not None and isinstance(target.value, str) and op in ("==", "!="):
                return Shape("enum", left.id, op, codes=(target.value,), tree=node)
            return None
        if target is not None:
            return Shape("threshold", left.id, op, target, tree=node)
        if isinstance(right, ast.Name):
            if previous_of(left.id, right.id):
                return Shape("change", left.id, op, other=right.id, tree=node)
            if previous_of(right.id, left.id):
                return Shape("change", right.id, _FLIP[op], other=left.id, tree=node)
            return Shape("pair", left.id, op, other=right.id, tree=node)
        if isinstance(right, ast.Constant) and isinstance(right.value, bool) and left.ty == BOOLEAN:
            negated = (op == "==") != right.value
            return Shape("fact", left.id, negated=negated, tree=node)
        return None
    if isinstance(left, ast.BinOp) and left.op == "-" and target is not None:
        a, b = left.left, left.right
        if isinstance(a, ast.Name) and isinstance(b, ast.Name):
            if previous_of(b.id, a.id):  # last year - this year: a fall
                return Shape("change", b.id, op, target, other=a.id, direction="down", tree=node)
            if previous_of(a.id, b.id):  # this year - last year: a rise
                return Shape("change", a.id, op, target, other=b.id, direction="up", tree=node)
        return None
    call = _members_call(left)
    if call is not None and target is not None and call.func in ("count", "share", "sum", "mean"):
        return _members(call, op=op, target=target)
    return None


def guard_condition(node: ast.Expr) -> ast.Expr | None:
    """``C`` of a completeness guard ``true if C else null`` (None for anything else)."""
    if (
        isinstance(node, ast.IfExp)
        and isinstance(node.body, ast.Constant)
        and node.body.value is True
        and isinstance(node.orelse, ast.Constant)
        and node.orelse.value is None
    ):
        return node.test
    return None


def _guarded(node: ast.BoolOp, model: CriteriaSet, text: str) -> Shape | None:
    """``X and (true if C else null)``: ``X``'s shape with ``C`` as its guard."""
    guards = [c for c in (guard_condition(v) for v in node.values) if c is not None]
    rest = [v for v in node.values if guard_condition(v) is None]
    if len(guards) != 1 or not rest:
        return None
    inner = rest[0] if len(rest) == 1 else ast.BoolOp("and", tuple(rest), offset=node.offset, end=node.end)
    shape = shape_of(inner, model, text)
    if shape.kind == OTHER:
        return None
    return replace(shape, guard=shape_of(guards[0], model, text))


def shape_of(node: ast.Expr, model: CriteriaSet, text: str) -> Shape:
    """The shape of a boolean expression (``other`` when it has none of the known shapes)."""
    found: Shape | None = None
    if isinstance(node, ast.Name) and node.ty == BOOLEAN:
        found = Shape("fact", node.id, tree=node)
    elif isinstance(node, ast.UnaryOp) and node.op == "not":
        inner = node.operand
        if isinstance(inner, ast.Name) and inner.ty == BOOLEAN:
            found = Shape("fact", inner.id, negated=True, tree=node)
        elif (call := _members_call(inner)) is not None and call.func in ("any", "all"):
            found = _members(call, negated=True)
        elif isinstance(inner, ast.Compare) and len(inner.ops) == 1:
            flipped = ast.Compare(inner.left, (_NEGATE[inner.ops[0]],), inner.comparators, offset=0, end=0)
            found = _compare(flipped, model, text)
    elif isinstance(node, ast.Call) and node.func in ("any", "all") and _members_call(node) is not None:
        found = _members(node)
    elif isinstance(node, ast.Compare):
        found = _compare(node, model, text)
    elif isinstance(node, ast.BoolOp):
        found = _guarded(node, model, text) if node.op == "and" else None
        parts = tuple(shape_of(value, model, text) for value in node.values)
        if found is None and all(p.kind != OTHER for p in parts):
            found = Shape("compound", op=node.op, parts=parts, tree=node)
    return found or Shape(OTHER, tree=node)


def graded_shape(criterion: Criterion, value_tree: ast.Expr | None) -> Shape:
    """The shape of graded points: a table over an enum's values, or numeric bands."""
    by = criterion.points_by
    assert by is not None
    name = value_tree.id if isinstance(value_tree, ast.Name) else None
    if by.table is not None:
        rows = sorted(by.table.items(), key=lambda kv: -kv[1])
        return Shape("table", name, table=tuple((k, float(v)) for k, v in rows), tree=value_tree)
    bands = sorted(by.bands or [], key=lambda b: -b.points)
    return Shape("bands", name, table=tuple((b.min, float(b.points)) for b in bands), tree=value_tree)


def _compare_values(op: str, left: object, right: object) -> bool | None:
    if left is None or right is None:
        return None
    try:
        if op == "==":
            return bool(left == right)
        if op == "!=":
            return bool(left != right)
        if op == "<":
            return bool(left < right)  # type: ignore[operator]
        if op == "<=":
            return bool(left <= right)  # type: ignore[operator]
        if op == ">":
            return bool(left > right)  # type: ignore[operator]
        return bool(left >= right)  # type: ignore[operator]
    except TypeError:
        return None


def target_value(target: Target, values: Mapping[str, object]) -> object:
    """The value a target stands for (a parameter's value is read from the result)."""
    return values.get(target.param) if target.param is not None else target.value


def truth(shape: Shape, values: Mapping[str, object]) -> bool | None:
    """Whether a part of a compound rule holds, from the values a result keeps (Kleene logic;
    None when unknown or when the shape cannot be decided from the values)."""
    kind = shape.kind
    if kind == "fact":
        value = values.get(shape.name or "")
        return None if not isinstance(value, bool) else value != shape.negated
    if kind == "enum":
        value = values.get(shape.name or "")
        if value is None:
            return None
        inside = value in shape.codes
        return inside if shape.op in ("in", "==") else not inside
    if kind in ("threshold", "pair", "change") and shape.op is not None:
        left = values.get(shape.name or "")
        if shape.direction is not None and isinstance(left, int | float):
            previous = values.get(shape.other or "")
            if not isinstance(previous, int | float):
                return None
            left = left - previous if shape.direction == "up" else previous - left
        right = (
            target_value(shape.target, values) if shape.target is not None else values.get(shape.other or "")
        )
        return _compare_values(shape.op, left, right)
    if kind == "compound":
        found = [truth(part, values) for part in shape.parts]
        if shape.op == "and":
            return False if False in found else (None if None in found else True)
        return True if True in found else (None if None in found else False)
    return None


__all__ = [
    "KINDS",
    "OTHER",
    "Shape",
    "Target",
    "graded_shape",
    "guard_condition",
    "shape_of",
    "target_value",
    "truth",
]
