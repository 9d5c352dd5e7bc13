"""Python source from a checked expression: the fast path of evaluation.

``emit(checked, names)`` returns one Python *expression* (a string). It reads each scope name
from the local variable ``names[name]``, reads member fields with ``record.get("field")``,
and calls only the helpers of :func:`runtime_namespace` (all named ``_rt_*``). Its own
temporaries are named ``_ce_*`` and bound with ``:=``; the caller must not use those prefixes.
File text reaches the source only through ``repr()`` of literals and field names.

Aggregates over a list pass the list itself as the helper's last argument
(``_rt_share((... for m in L), L)``), so a member list carrying a collection's ``min_known``
and ``unknown_policy`` (see ``runtime.policy``) is honoured; every other call is emitted by
the catalogue's own emit rule.

Operators are inlined: ``x >= y`` becomes ``(None if x is None or y is None else x >= y)``;
``and``/``or`` test ``is False``/``is True`` and short-circuit without any call.
"""

from __future__ import annotations

import datetime
import keyword
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from criteria_engine.rules import runtime
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
from criteria_engine.rules.checker import CheckedExpression
from criteria_engine.rules.functions import AGGREGATES, CATALOGUE

RESERVED_PREFIXES = ("_ce_", "_rt_")
_AGGREGATE_HELPERS: dict[str, tuple[str, str | None]] = {
    "any": ("_rt_any", None),
    "all": ("_rt_all", None),
    "count": ("_rt_count", None),
    "share": ("_rt_share", "_rt_share_w"),
    "sum": ("_rt_sum", None),
    "mean": ("_rt_mean", "_rt_mean_w"),
    "min": ("_rt_min_of", None),
    "max": ("_rt_max_of", None),
}
"""An aggregate over a list -> its runtime helper and, with ``weight=``, its weighted helper."""
FILENAME = "<criteria-expression>"


def runtime_namespace() -> dict[str, object]:
    """The globals generated code needs: every ``_rt_*`` helper (and nothing else).

    Evaluate generated code in ``{"__builtins__": {}, **runtime_namespace()}``.
    """
    return dict(runtime.NAMESPACE)


def emit(checked: CheckedExpression, names: Mapping[str, str], *, division_log: str | None = None) -> str:
    """Python expression source computing ``checked``, reading scope names from local variables.

    ``names`` maps every name in ``checked.names`` to a local variable the caller binds (a
    plain identifier, not a keyword, not starting with ``_ce_`` or ``_rt_``). With
    ``division_log``, divisions call ``_rt_div(a, b, <division_log>)``, which appends
    ``"division-by-zero"`` to that local list when the divisor is 0.
    """
    for name in checked.names:
        local = names.get(name)
        if local is None:
            raise ValueError(f"no local variable given for the name {name!r}")
        _check_identifier(local)
    if division_log is not None:
        _check_identifier(division_log)
    return _Emitter(names, {}, division_log).expr(checked.tree)


def compile_expression(checked: CheckedExpression) -> Callable[[Mapping[str, object]], object]:
    """A function of an environment (name → value; absent means missing) giving the value."""
    function = compile_source(checked.tree, checked.names, None, log=False, params="_ce_env")
    return function  # type: ignore[return-value]


def _over_list(func: str, first: Expr) -> bool:
    """Whether a call of ``func`` with ``first`` as first argument aggregates over a list."""
    return CATALOGUE[func].is_aggregate(first.ty)


def _check_identifier(local: str) -> None:
    if not local.isidentifier() or keyword.iskeyword(local) or local.startswith(RESERVED_PREFIXES):
        raise ValueError(f"{local!r} cannot be used as a local variable of generated code")


def compile_source(
    node: Expr,
    names: Sequence[str],
    member: str | None,
    *,
    log: bool,
    params: str = "_ce_env, _ce_member, _ce_log",
) -> Callable[[Mapping[str, object], object, list[str] | None], object]:
    """Compile ``node`` into ``f(env, member_record, log)``; internal, used by ``trace``."""
    used = sorted({n.id for n in walk(node) if isinstance(n, Name) and n.id in names})
    locals_ = {name: f"_ce_n{index}" for index, name in enumerate(used)}
    members = {member: "_ce_member"} if member is not None else {}
    body = _Emitter(locals_, members, "_ce_log" if log else None).expr(node)
    if used:
        reads = ", ".join(f"_ce_env.get({name!r})" for name in used)
        body = f"(lambda {', '.join(locals_.values())}: {body})({reads})"
    source = f"lambda {params}: {body}"
    namespace: dict[str, object] = {"__builtins__": {}, **runtime.NAMESPACE}
    function = eval(compile(source, FILENAME, "eval"), namespace)
    assert callable(function)
    return function  # type: ignore[no-any-return]


class _Emitter:
    """Walks the typed tree; implements ``functions.Emitting`` for the catalogue's emit rules."""

    def __init__(self, names: Mapping[str, str], members: dict[str, str], division_log: str | None) -> None:
        self.names = names
        self.members = members
        self.division_log = division_log
        self.counter = 0

    def temp(self) -> str:
        self.counter += 1
        return f"_ce_t{self.counter}"

    @contextmanager
    def member(self, var: str | None) -> Iterator[str]:
        self.counter += 1
        local = f"_ce_m{self.counter}"
        saved = dict(self.members)
        if var is not None:
            self.members[var] = local
        try:
            yield local
        finally:
            self.members = saved

    def operand(self, node: Expr) -> tuple[str | None, str]:
        if isinstance(node, Constant):
            source = self.expr(node)
            return (source if node.value is None else None), source
        source = self.expr(node)
        if isinstance(node, Name):
            return source, source
        temp = self.temp()
        return f"({temp} := {source})", temp

    def guarded(self, operands: Sequence[tuple[str | None, str]], result: str) -> str:
        tests = [f"{test} is None" for test, _ in operands if test is not None]
        return f"(None if {' or '.join(tests)} else {result})" if tests else f"({result})"

    def expr(self, node: Expr) -> str:
        match node:
            case Constant(value=value):
                if isinstance(value, datetime.date):
                    return f"_rt_date({value.year}, {value.month}, {value.day})"
                return repr(value)
            case Name(id=name):
                if name in self.members:
                    return self.members[name]
                return self.names[name]
            case Attribute(value=Name(id=var), attr=attr) if var in self.members:
                return f"{self.members[var]}.get({attr!r})"
            case Attribute(value=base, attr=attr):
                test, value = self.operand(base)
                return f"(None if {test} is None else {value}.get({attr!r}))"
            case UnaryOp(op="-", operand=operand):
                a = self.operand(operand)
                return self.guarded([a], f"-{a[1]}")
            case UnaryOp(operand=operand):
                a = self.operand(operand)
                return self.guarded([a], f"not {a[1]}")
            case BinOp(op="/", left=left, right=right):
                return self.division(left, right)
            case BinOp(op=op, left=left, right=right):
                a, b = self.operand(left), self.operand(right)
                return self.guarded([a, b], f"{a[1]} {op} {b[1]}")
            case BoolOp(op=op, values=values):
                return self.kleene(op, [self.operand(v) for v in values])
            case Compare(left=left, ops=ops, comparators=comparators):
                operands = (left, *comparators)
                pairs = [self.pair(operands[i], op, operands[i + 1]) for i, op in enumerate(ops)]
                if len(pairs) == 1:
                    return pairs[0]
                return self.kleene(
                    "and", [(f"({t} := {p})", t) for t, p in ((self.temp(), p) for p in pairs)]
                )
            case IfExp(test=test, body=body, orelse=orelse):
                first, later = self.operand(test)
                first = first or later
                return f"({self.expr(body)} if {first} is True else (None if {later} is None else {self.expr(orelse)}))"
            case Call(func=func, args=args) if func in AGGREGATES and _over_list(func, args[0]):
                return self.aggregate(node)
            case Call(func=func):
                return CATALOGUE[func].emit(self, node)
            case ListExpr():
                raise ValueError("a list literal outside 'in' cannot be emitted")

    def aggregate(self, call: Call) -> str:
        """``helper((value for m in L), L)``: the list goes along for its collection policy."""
        helper, weighted = _AGGREGATE_HELPERS[call.func]
        test, members = self.operand(call.args[0])
        with self.member(call.member) as m:
            per_member = [self.expr(a) for a in call.args[1:]]
            weight = None if call.weight is None else self.expr(call.weight)
        if not per_member:
            body = f"_rt_len({members})"
        elif weight is not None and weighted is not None:
            body = f"{weighted}((({per_member[0]}, {weight}) for {m} in {members}), {members})"
        else:
            body = f"{helper}(({per_member[0]} for {m} in {members}), {members})"
        return body if test is None else f"(None if {test} is None else {body})"

    def kleene(self, op: str, operands: Sequence[tuple[str | None, str]]) -> str:
        """Kleene ``and``/``or`` inline: the deciding value, else None if any is None."""
        decisive, other = ("False", "True") if op == "and" else ("True", "False")
        firsts = " or ".join(f"{test or value} is {decisive}" for test, value in operands)
        unknowns = " or ".join(f"{value} is None" for _, value in operands)
        return f"({decisive} if {firsts} else (None if {unknowns} else {other}))"

    def division(self, left: Expr, right: Expr) -> str:
        a, b = self.operand(left), self.operand(right)
        if self.division_log is not None:
            return f"_rt_div({a[0] or a[1]}, {b[0] or b[1]}, {self.division_log})"
        if isinstance(right, Constant) and right.value == 0:
            return "None"
        tests = [f"{test} is None" for test, _ in (a, b) if test is not None]
        if not isinstance(right, Constant):
            tests.append(f"{b[1]} == 0")
        result = f"{a[1]} / {b[1]}"
        return f"(None if {' or '.join(tests)} else {result})" if tests else f"({result})"

    def pair(self, left: Expr, op: str, right: Expr) -> str:
        a = self.operand(left)
        if not isinstance(right, ListExpr):
            b = self.operand(right)
            return self.guarded([a, b], f"{a[1]} {op} {b[1]}")
        items = [self.expr(item) for item in right.items]
        listed = f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"  # () when empty
        if all(isinstance(item, Constant) and item.value is not None for item in right.items):
            return self.guarded([a], f"{a[1]} {op} {listed}")
        found = f"_rt_in({a[0] or a[1]}, {listed})"
        if op == "in":
            return found
        temp = self.temp()
        return f"(None if ({temp} := {found}) is None else not {temp})"


__all__ = ["FILENAME", "RESERVED_PREFIXES", "compile_expression", "emit", "runtime_namespace"]
