"""Static checking: names, fields, functions, arity and types, all problems at once.

``check(text, scope)`` parses the text and returns either a :class:`CheckedExpression` (the
typed tree, its type and the names it reads) or the list of every problem found, each an
:class:`ExpressionDiagnostic` holding a ``Diagnostic`` and the character offset it points at.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from criteria_engine.errors import did_you_mean
from criteria_engine.messages import Arg, Msg, listing, msg
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
    walk,
)
from criteria_engine.rules.functions import CATALOGUE
from criteria_engine.rules.parser import ExpressionDiagnostic, parse, problem
from criteria_engine.rules.types import (
    ANY,
    BOOLEAN,
    DATE,
    INTEGER,
    NUMBER,
    STRING,
    EnumType,
    ListType,
    RecordType,
    Type,
    describe,
    fits,
    is_numeric,
    is_stringlike,
    join,
)

Scope = Mapping[str, Type]


# Compared and hashed by identity: a checked tree is built once per expression site, and
# caches keyed by it (compiled callables, trace plans) must not rehash a whole tree per call.
@dataclass(frozen=True, slots=True, eq=False)
class CheckedExpression:
    """A parsed, type-checked expression: compile it with ``codegen``, trace it with ``trace``.

    ``tree`` carries a type on every node and the member variable of every aggregate call;
    ``names`` are the scope names it reads, sorted; ``fields_read`` the member fields it reads
    as dotted paths (``persons.domestic_violence_fine``), sorted.
    """

    text: str
    tree: Expr
    type: Type
    names: tuple[str, ...]
    fields_read: tuple[str, ...]


def check(
    text: str, scope: Scope, *, expect: Type | None = None
) -> CheckedExpression | list[ExpressionDiagnostic]:
    """Parse and type-check ``text`` against ``scope``; every problem is reported, by offset.

    With ``expect``, the expression's type must fit it (``BOOLEAN`` for a rule's ``when``).
    """
    parsed = parse(text)
    if isinstance(parsed, list):
        return parsed
    checker = _Checker(text, scope)
    tree = checker.visit(parsed)
    if tree.ty is not None and expect is not None and not fits(tree.ty, expect):
        wanted: Arg = msg("expression-type.condition") if expect == BOOLEAN else describe(expect)
        checker.problem(tree, msg("expression-type.must-be", wanted=wanted, got=describe(tree.ty)))
    if checker.problems or tree.ty is None:
        return sorted(checker.problems, key=lambda p: p.offset)
    return CheckedExpression(text, tree, tree.ty, tuple(sorted(checker.names)), tuple(sorted(checker.fields)))


_LIST_ONLY_IN = msg("expression-forbidden.list-only-in")


class _Checker:
    """One pass over the tree, returning a typed copy; ``ty=None`` marks a reported problem."""

    def __init__(self, text: str, scope: Scope) -> None:
        self.text = text
        self.scope = scope
        self.problems: list[ExpressionDiagnostic] = []
        self.names: set[str] = set()
        self.fields: set[str] = set()
        # member variable -> (record type or None when the list itself is in error, list text)
        self.members: dict[str, tuple[RecordType | None, str]] = {}

    def problem(self, node: Expr, text: Msg, code: str = "expression-type", hint: Msg | None = None) -> None:
        self.problems.append(problem(code, text, node.offset, hint))

    def source(self, node: Expr) -> str:
        return self.text[node.offset : node.end]

    def visit(self, node: Expr) -> Expr:
        match node:
            case Constant(value=value):
                ty = {bool: BOOLEAN, int: INTEGER, float: NUMBER, str: STRING}.get(type(value), ANY)
                return replace(node, ty=ty)
            case Name():
                return self.visit_name(node)
            case Attribute():
                return self.visit_attribute(node, leaf=True)
            case UnaryOp():
                return self.visit_unary(node)
            case BinOp():
                return self.visit_binary(node)
            case BoolOp(op=op, values=values):
                typed = tuple(self.visit(v) for v in values)
                for operand in typed:
                    if operand.ty is not None and not fits(operand.ty, BOOLEAN):
                        self.problem(
                            operand, msg("expression-type.boolean-operands", op=op, got=describe(operand.ty))
                        )
                return replace(node, values=typed, ty=BOOLEAN)
            case Compare():
                return self.visit_compare(node)
            case IfExp():
                return self.visit_if(node)
            case Call():
                return self.visit_call(node)
            case ListExpr():
                self.problem(node, _LIST_ONLY_IN)
                return node

    def visit_name(self, node: Name) -> Expr:
        if node.id in self.members:
            record, list_text = self.members[node.id]
            if record is not None:
                field = f"{node.id}.{next(iter(record.fields))}" if record.fields else ""
                example: Arg = msg("expression-type.member-example", field=field) if field else ""
                self.problem(
                    node, msg("expression-type.member", name=node.id, list=list_text, example=example)
                )
            return node
        if node.id in self.scope:
            self.names.add(node.id)
            return replace(node, ty=self.scope[node.id])
        unknown = msg("expression-unknown-name", name=node.id)
        self.problem(node, unknown, "expression-unknown-name", did_you_mean(node.id, self.scope))
        return node

    def visit_attribute(self, node: Attribute, *, leaf: bool) -> Expr:
        base = node.value
        if isinstance(base, Name) and base.id in self.members:
            record, path = self.members[base.id]
            typed_base: Expr = replace(base, ty=record)
        elif isinstance(base, Attribute):
            typed_base, path = self.visit_attribute(base, leaf=False), self._path(base)
        else:
            typed_base, path = self.visit(base), self.source(base)
        typed = replace(node, value=typed_base)
        if typed_base.ty is None:
            return typed
        if not isinstance(typed_base.ty, RecordType):
            said = msg("expression-type.no-fields", name=self.source(base), type=describe(typed_base.ty))
            self.problem(base, said)
            return typed
        field_type = typed_base.ty.fields.get(node.attr)
        if field_type is None:
            fields = typed_base.ty.fields
            hint = did_you_mean(node.attr, fields) or (
                msg("expression-unknown-field.hint", fields=listing(fields)) if fields else None
            )
            said = msg("expression-unknown-field", name=self.source(base), field=node.attr)
            self.problems.append(problem("expression-unknown-field", said, node.attr_offset, hint))
            return typed
        if leaf:
            self.fields.add(f"{path}.{node.attr}")
        return replace(typed, ty=field_type)

    def _path(self, node: Expr) -> str:
        """The dotted path of an attribute chain, with a member variable read as its list."""
        if isinstance(node, Attribute):
            return f"{self._path(node.value)}.{node.attr}"
        if isinstance(node, Name) and node.id in self.members:
            return self.members[node.id][1]
        return self.source(node)

    def visit_unary(self, node: UnaryOp) -> Expr:
        operand = self.visit(node.operand)
        typed = replace(node, operand=operand)
        if node.op == "not":
            if operand.ty is not None and not fits(operand.ty, BOOLEAN):
                self.problem(operand, msg("expression-type.not-operand", got=describe(operand.ty)))
            return replace(typed, ty=BOOLEAN)
        if operand.ty is None:
            return typed
        if not is_numeric(operand.ty):
            self.problem(operand, msg("expression-type.minus", got=describe(operand.ty)))
            return typed
        return replace(typed, ty=INTEGER if operand.ty == INTEGER else NUMBER)

    def visit_binary(self, node: BinOp) -> Expr:
        left, right = self.visit(node.left), self.visit(node.right)
        typed = replace(node, left=left, right=right)
        ok = True
        for side in (left, right):
            if side.ty is None:
                ok = False
            elif not is_numeric(side.ty):
                self.problem(side, msg("expression-type.number-operands", op=node.op, got=describe(side.ty)))
                ok = False
        if not ok:
            return typed
        integer = left.ty == INTEGER and right.ty == INTEGER and node.op != "/"
        return replace(typed, ty=INTEGER if integer else NUMBER)

    def visit_compare(self, node: Compare) -> Expr:
        operands = [self.visit(node.left)]
        operands += [c if isinstance(c, ListExpr) else self.visit(c) for c in node.comparators]
        for index, op in enumerate(node.ops):
            left, right = operands[index], operands[index + 1]
            if isinstance(left, ListExpr):
                self.problem(left, _LIST_ONLY_IN)
            elif op in ("in", "not in"):
                operands[index + 1] = self.check_membership(left, op, right)
            else:
                operands[index], operands[index + 1] = self.check_pair(left, op, right)
        typed = replace(node, left=operands[0], comparators=tuple(operands[1:]))
        return replace(typed, ty=BOOLEAN)

    def check_membership(self, left: Expr, op: str, right: Expr) -> Expr:
        if not isinstance(right, ListExpr):
            if right.ty is not None:
                self.problem(right, msg("expression-type.list-right", op=op, got=describe(right.ty)))
            return right
        items = []
        for item in (self.visit(i) for i in right.items):
            items.append(self.check_pair(left, "==", item)[1] if left.ty is not None else item)
        item_type: Type | None = ANY
        for item in items:
            item_type = join(item_type, item.ty) if item_type is not None and item.ty is not None else None
        return replace(right, items=tuple(items), ty=item_type or ANY)

    def check_pair(self, left: Expr, op: str, right: Expr) -> tuple[Expr, Expr]:
        """Check one comparison; a string literal facing a date becomes a date literal."""
        a, b = left.ty, right.ty
        if a is None or b is None:
            return left, right
        for side, other in ((left, right), (right, left)):
            if side.ty == ANY:
                test = f"present({self.source(other)})"
                key = {"==": "null-write-not", "!=": "null-write"}.get(op, "null-use")
                self.problem(side, msg("expression-type.null"), hint=msg(f"expression-type.{key}", test=test))
                return left, right
        if a == DATE and b == STRING:
            return left, self.as_date(right)
        if b == DATE and a == STRING:
            return self.as_date(left), right
        for enum_side, other in ((left, right), (right, left)):
            if (
                isinstance(enum_side.ty, EnumType)
                and isinstance(other, Constant)
                and isinstance(other.value, str)
            ):
                self.check_enum_value(enum_side, enum_side.ty, other, other.value)
        if isinstance(a, ListType | RecordType) or isinstance(b, ListType | RecordType):
            bad = left if isinstance(a, ListType | RecordType) else right
            self.problem(bad, msg("expression-type.compare", type=describe(bad.ty or ANY)))
        elif op in ("==", "!="):
            comparable = fits(a, b) or fits(b, a) or (is_numeric(a) and is_numeric(b))
            if not comparable and not (is_stringlike(a) and is_stringlike(b)):
                self.problem(right, msg("expression-type.compare-with", a=describe(a), b=describe(b)))
        elif not (is_numeric(a) and is_numeric(b)) and not (a == DATE and b == DATE):
            if is_numeric(a) or is_numeric(b) or a == DATE or b == DATE:
                self.problem(right, msg("expression-type.compare-with", a=describe(a), b=describe(b)))
            else:
                self.problem(left, msg("expression-type.orderable", op=op, got=describe(a)))
        return left, right

    def check_enum_value(self, enum_side: Expr, enum: EnumType, literal: Expr, value: str) -> None:
        if value in enum.values:
            return
        said = msg(
            "expression-type.enum-value",
            value=value,
            name=self.source(enum_side),
            values=listing(enum.values),
        )
        self.problem(literal, said, hint=did_you_mean(value, enum.values))

    def as_date(self, node: Expr) -> Expr:
        if not isinstance(node, Constant) or not isinstance(node.value, str):
            self.problem(node, msg("expression-type.date-string"))
            return node
        try:
            value = datetime.date.fromisoformat(node.value)
        except ValueError:
            value = None
        if value is None or len(node.value) != 10:
            self.problem(node, msg("expression-type.not-date", value=node.value))
            return node
        return replace(node, value=value, ty=DATE)

    def visit_if(self, node: IfExp) -> Expr:
        body, test, orelse = self.visit(node.body), self.visit(node.test), self.visit(node.orelse)
        typed = replace(node, test=test, body=body, orelse=orelse)
        if test.ty is not None and not fits(test.ty, BOOLEAN):
            self.problem(test, msg("expression-type.if-condition", got=describe(test.ty)))
        if body.ty is None or orelse.ty is None:
            return typed
        result = join(body.ty, orelse.ty)
        if result is None:
            self.problem(
                orelse, msg("expression-type.if-branches", a=describe(body.ty), b=describe(orelse.ty))
            )
        return replace(typed, ty=result)

    def visit_call(self, node: Call) -> Expr:
        spec = CATALOGUE.get(node.func)
        if spec is None:
            hint = did_you_mean(node.func, CATALOGUE) or msg(
                "expression-unknown-function.hint", names=listing(sorted(CATALOGUE))
            )
            said = msg("expression-unknown-function", name=node.func)
            self.problem(node, said, "expression-unknown-function", hint)
        first = self.visit(node.args[0]) if node.args else None
        first_type = None if first is None else first.ty
        saved = dict(self.members)
        var = None
        per_member = [*node.args[1:], *([node.weight] if node.weight is not None else [])]
        if isinstance(first_type, ListType) and (spec is None or spec.is_aggregate(first_type)):
            var = self.free_member(per_member)
            if var is not None:
                self.members[var] = (first_type.item, self._path(node.args[0]))
        elif first is not None and (spec is None or spec.over_list == "always" or first_type is None):
            var = self.free_member(per_member)
            if var is not None:
                self.members[var] = (None, "")  # the list is in error: do not cascade
        rest = tuple(self.visit(a) for a in node.args[1:])
        weight = None if node.weight is None else self.visit(node.weight)
        self.members = saved
        args = (first, *rest) if first is not None else ()
        typed = replace(node, args=args, weight=weight, member=var)
        if spec is None:
            return typed
        arity = spec.arity_message(len(node.args))
        if arity is not None:
            self.problem(node, arity, "expression-arity")
            return typed
        if weight is not None and not spec.weighted:
            self.problem(weight, msg("expression-arity.weight", name=spec.name), "expression-arity")
        return replace(typed, ty=spec.type_rule(self, spec, typed))

    def free_member(self, nodes: Iterable[Expr]) -> str | None:
        """The first identifier, in source order, that is not a known name and is used as
        ``<var>.<field>``: the member variable of an aggregate."""
        for top in nodes:
            for node in walk(top):
                root = node
                while isinstance(root, Attribute):
                    root = root.value
                free = isinstance(root, Name) and root.id not in self.scope and root.id not in self.members
                if root is not node and isinstance(root, Name) and free:
                    return root.id
        return None


__all__ = ["CheckedExpression", "Scope", "check"]
