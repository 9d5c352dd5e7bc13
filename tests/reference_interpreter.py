"""A small, obviously correct interpreter of expression *text*, for differential tests.

It shares nothing with the package's front end or back end: the text goes through Python's own
``ast`` (after this module turns ``95%`` into a percentage and ``true``/``false``/``null`` into
constants), and the tree is walked with the documented rules applied one by one, with no
short-circuit tricks and no shared code with ``parser``, ``checker``, ``codegen`` or
``runtime``. ``None`` is unknown. A name the environment does not hold is missing; a name
used as ``p.field`` inside an aggregate's per-member arguments that is not a name of the
scope is the member variable.

Arithmetic: a result that is not a number within ±1e308 (or that Python cannot compute, a
huge integer meeting a decimal number) is unknown.
"""

from __future__ import annotations

import ast
import datetime
import math
import re
from collections.abc import Collection, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal

Env = Mapping[str, object]
LIMIT = 1e308
AGGREGATES = {"any", "all", "count", "share", "sum", "mean", "min", "max"}
CONSTANTS = {"true": True, "false": False, "null": None}
_NUMBER = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?)%")
_OPERAND_AFTER = re.compile(r"\s*(?:[\w(\[{'\"~]|\d)")
_NOT_OPERANDS = ("and", "or", "if", "else", "in", "not", "is")


def _percents(text: str) -> tuple[str, dict[str, float]]:
    """``12%`` -> a placeholder name bound to 0.12 (outside string literals)."""
    values: dict[str, float] = {}
    out: list[str] = []
    index = 0
    quote = ""
    while index < len(text):
        char = text[index]
        if quote:
            out.append(char)
            if char == quote:
                quote = ""
            index += 1
            continue
        if char in "'\"":
            quote = char
            out.append(char)
            index += 1
            continue
        match = (
            _NUMBER.match(text, index)
            if (index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "._"))
            else None
        )
        if match:
            rest = text[match.end() :]
            after = _OPERAND_AFTER.match(rest)
            word = re.match(r"\s*([A-Za-z_]\w*)", rest)
            operand = after is not None and not (word is not None and word.group(1) in _NOT_OPERANDS)
            if not operand:
                name = f"__percent_{len(values)}"
                values[name] = float(Decimal(match.group(1).replace("_", "")) / 100)
                out.append(name)
                index = match.end()
                continue
        out.append(char)
        index += 1
    return "".join(out), values


def parse(text: str) -> tuple[ast.expr, dict[str, float]]:
    """Python's tree of the expression, and the percentages it names."""
    source, percents = _percents(text.strip())
    return ast.parse(source, mode="eval").body, percents


def evaluate(text: str, env: Env, scope: Collection[str] = ()) -> object:
    """The value of the expression ``text`` for the record ``env`` (absent names are missing).

    ``scope`` lists the names of the set (any other name used as ``x.field`` inside an
    aggregate is its member variable); by default the names ``env`` holds.
    """
    tree, percents = parse(text)
    names = set(scope) | set(env)
    return _Evaluator(env, names, percents).eval(tree, {})


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


def in_range(value: object) -> object:
    """A computed number, or None when it is out of range or not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value if -LIMIT <= value <= LIMIT else None


def round_half_up(value: int | float, digits: int) -> int | float:
    """Round half away from zero on the decimal ``repr`` shows; ints stay ints."""
    if isinstance(value, float) and not math.isfinite(value):
        return value
    digits = max(-400, min(400, digits))
    if isinstance(value, int):
        if digits >= 0:
            return value
        exact = Decimal(value)
        context = Context(prec=len(str(abs(value))) + 10, rounding=ROUND_HALF_UP)
        return int(context.quantize(exact, Decimal(1).scaleb(-digits)))
    exact = Decimal(repr(value))
    rounded = Context(prec=5000, rounding=ROUND_HALF_UP).quantize(exact, Decimal(1).scaleb(-digits))
    return float(rounded)


class _Evaluator:
    def __init__(self, env: Env, names: set[str], percents: dict[str, float]) -> None:
        self.env = env
        self.names = names
        self.percents = percents

    def eval(self, node: ast.expr, members: dict[str, object]) -> object:
        match node:
            case ast.Constant(value=value):
                return value
            case ast.Name(id=name):
                if name in self.percents:
                    return self.percents[name]
                if name in CONSTANTS:
                    return CONSTANTS[name]
                if name in members:
                    return members[name]
                return self.env.get(name)
            case ast.Attribute(value=base, attr=attr):
                record = self.eval(base, members)
                return None if record is None else record.get(attr)  # type: ignore[attr-defined]
            case ast.UnaryOp(op=ast.Not(), operand=operand):
                return kleene_not(self.eval(operand, members))
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                value = self.eval(operand, members)
                return None if value is None else in_range(-value)  # type: ignore[operator]
            case ast.BinOp(op=op, left=left, right=right):
                return _arithmetic(op, self.eval(left, members), self.eval(right, members))
            case ast.BoolOp(op=op, values=values):
                results = [self.eval(v, members) for v in values]
                return kleene_and(results) if isinstance(op, ast.And) else kleene_or(results)
            case ast.Compare(left=left, ops=ops, comparators=comparators):
                operands = [left, *comparators]
                pairs = [self.compare(operands[i], op, operands[i + 1], members) for i, op in enumerate(ops)]
                return kleene_and(pairs)
            case ast.IfExp(test=test, body=body, orelse=orelse):
                condition = self.eval(test, members)
                if condition is None:
                    return None
                return self.eval(body, members) if condition is True else self.eval(orelse, members)
            case ast.Call():
                return self.call(node, members)
        raise AssertionError(f"not an expression of the language: {ast.dump(node)}")

    def compare(self, left: ast.expr, op: ast.cmpop, right: ast.expr, members: dict[str, object]) -> object:
        a = self.eval(left, members)
        if isinstance(right, ast.List):
            if a is None:
                return None
            items = [self.eval(item, members) for item in right.elts]
            if isinstance(a, datetime.date):  # dates are written as ISO text
                items = [datetime.date.fromisoformat(i) if isinstance(i, str) else i for i in items]
            if any(item is not None and item == a for item in items):
                found: bool | None = True
            elif any(item is None for item in items):
                found = None
            else:
                found = False
            return found if isinstance(op, ast.In) else kleene_not(found)
        b = self.eval(right, members)
        if a is None or b is None:
            return None
        if isinstance(a, datetime.date) and isinstance(b, str):
            b = datetime.date.fromisoformat(b)
        if isinstance(b, datetime.date) and isinstance(a, str):
            a = datetime.date.fromisoformat(a)
        comparisons = {
            ast.Eq: lambda: a == b,
            ast.NotEq: lambda: a != b,
            ast.Lt: lambda: a < b,  # type: ignore[operator]
            ast.LtE: lambda: a <= b,  # type: ignore[operator]
            ast.Gt: lambda: a > b,  # type: ignore[operator]
            ast.GtE: lambda: a >= b,  # type: ignore[operator]
        }
        return comparisons[type(op)]()

    def member_variable(self, nodes: list[ast.expr]) -> str | None:
        """The name used as ``name.field`` in the per-member arguments that is not in scope."""
        for top in nodes:
            for node in ast.walk(top):
                if isinstance(node, ast.Attribute):
                    root = node.value
                    while isinstance(root, ast.Attribute):
                        root = root.value
                    if isinstance(root, ast.Name) and root.id not in self.names and root.id not in CONSTANTS:
                        return root.id
        return None

    def call(self, node: ast.Call, members: dict[str, object]) -> object:
        func = node.func.id  # type: ignore[attr-defined]
        args = node.args
        weight = next((k.value for k in node.keywords if k.arg == "weight"), None)
        if func in AGGREGATES:
            first = self.eval(args[0], members)
            scalar = func in ("min", "max") and not isinstance(first, list) and first is not None
            if not scalar:
                return self.aggregate(func, first, args[1:], weight, members)
        values = [self.eval(a, members) for a in args]
        return _scalar(func, values)

    def aggregate(
        self,
        func: str,
        items: object,
        rest: list[ast.expr],
        weight: ast.expr | None,
        members: dict[str, object],
    ) -> object:
        if items is None:
            return None
        assert isinstance(items, list)
        if not rest:  # count(list)
            return len(items)
        var = self.member_variable([*rest, *([weight] if weight is not None else [])])
        rows = []  # (value, weight) per member
        for item in items:
            inner = {**members, **({var: item} if var else {})}
            value = self.eval(rest[0], inner)
            w = 1 if weight is None else self.eval(weight, inner)
            rows.append((value, w))
        # A collection's policy, carried by the list: unknown conditions count as false ("fail"),
        # and fewer known members than min_known make any aggregate unknown.
        conditions = func in ("any", "all", "count", "share")
        if conditions and getattr(items, "unknown_policy", "exclude") == "fail":
            rows = [(False if value is None else value, w) for value, w in rows]
        known = len([1 for value, w in rows if value is not None and w is not None])
        if known < getattr(items, "min_known", 0):
            return None
        return _aggregate(func, rows, weighted=weight is not None)


def _arithmetic(op: ast.operator, a: object, b: object) -> object:
    if a is None or b is None:
        return None
    assert isinstance(a, int | float) and isinstance(b, int | float)
    try:
        if isinstance(op, ast.Add):
            return in_range(a + b)
        if isinstance(op, ast.Sub):
            return in_range(a - b)
        if isinstance(op, ast.Mult):
            return in_range(a * b)
        assert isinstance(op, ast.Div)
        if b == 0:
            return None
        return in_range(a / b)
    except OverflowError:
        return None


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
    assert func == "max", func
    return max(values)  # type: ignore[type-var]


def _safe(compute: object) -> object:
    try:
        return in_range(compute())  # type: ignore[operator]
    except OverflowError:
        return None


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
        numerator = _try(lambda: sum(weight for value, weight in known if value is True))  # type: ignore[misc]
        denominator = _try(lambda: sum(weight for _, weight in known))  # type: ignore[misc]
        if numerator is None or denominator is None or denominator == 0:
            return None
        return _safe(lambda: numerator / denominator)  # type: ignore[operator]
    values = [value for value, _ in known]
    if func == "sum":
        if not rows:
            return 0
        return _safe(lambda: sum(values)) if values else None  # type: ignore[arg-type]
    if func == "mean":
        if weighted:
            denominator = _try(lambda: sum(weight for _, weight in known))  # type: ignore[misc]
            if denominator is None or denominator == 0:
                return None
            return _safe(lambda: sum(weight * value for value, weight in known) / denominator)  # type: ignore[operator]
        return _safe(lambda: sum(values) / len(values)) if values else None  # type: ignore[arg-type]
    if not values:
        return None
    return min(values) if func == "min" else max(values)  # type: ignore[type-var]


def _try(compute: object) -> object:
    try:
        return compute()  # type: ignore[operator]
    except OverflowError:
        return None
