"""Python source from a checked expression: the fast path of evaluation.

``emit(checked, names)`` returns one Python *expression* (a string). It reads each scope name
from the local variable ``names[name]``, reads member fields with ``record.get("field")``,
and calls only the helpers of :func:`runtime_namespace` (all named ``_rt_*``). Its own
temporaries are named ``_ce_*`` and bound with ``:=``; the caller must not use those prefixes.
File text reaches the source only through ``repr()`` of literals and field names. Every call
is emitted by the catalogue's own emit rule (:mod:`.functions`, the one registry); aggregates
over a list pass the list itself as the helper's last argument (``_rt_share((... for m in L),
L)``), so a member list carrying a collection's ``min_known`` and ``unknown_policy`` (see
``runtime.policy``) is honoured.

Operators are inlined: ``x >= y`` becomes ``(None if x is None or y is None else x >= y)``;
``and``/``or`` test ``is False``/``is True`` and short-circuit without any call.

Arithmetic follows one rule in every mode: a result that is not a number within ±1e308 (an
overflow, or NaN) is unknown. Three modes write it:

* ``fast``: inline, ``(t if -1e308 <= (t := a + b) <= 1e308 else None)``; Python itself raises
  ``OverflowError`` when a huge integer meets a decimal number, so the caller of fast code
  catches that and runs the same rules in ``safe`` mode;
* ``safe``: through ``_rt_arith`` / ``_rt_div``, which never raise;
* ``log``: as ``safe``, and each helper appends why it gave unknown (``"division-by-zero"``,
  ``"overflow"``) to a local list: how explanations find the reason.
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
    children,
    walk,
)
from criteria_engine.rules.checker import CheckedExpression
from criteria_engine.rules.functions import AGGREGATES, CATALOGUE

RESERVED_PREFIXES = ("_ce_", "_rt_")
FILENAME = "<criteria-expression>"
MODES = ("fast", "safe", "log")
BIGGEST = repr(runtime.BIGGEST)
"""The largest float, as fast code compares arithmetic results with it."""


def runtime_namespace() -> dict[str, object]:
    """The globals generated code needs: every ``_rt_*`` helper (and nothing else).

    Evaluate generated code in ``{"__builtins__": {}, **runtime_namespace()}``.
    """
    return dict(runtime.NAMESPACE)


def emit(
    checked: CheckedExpression,
    names: Mapping[str, str],
    *,
    mode: str = "fast",
    log: str | None = None,
    precomputed: Mapping[int, str] | None = None,
) -> str:
    """Python expression source computing ``checked``, reading scope names from local variables.

    ``names`` maps every name in ``checked.names`` to a local variable the caller binds (a
    plain identifier, not a keyword, not starting with ``_ce_`` or ``_rt_``). ``mode`` is one
    of :data:`MODES`; ``log`` (required in ``log`` mode) names the caller's local list of
    reasons. ``precomputed`` maps sub-expressions (``id(node)``) to locals already holding
    their value (the caller evaluated them first, e.g. to count an aggregate's members).
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    for name in checked.names:
        local = names.get(name)
        if local is None:
            raise ValueError(f"no local variable given for the name {name!r}")
        _check_identifier(local)
    if mode == "log":
        if log is None:
            raise ValueError("log mode needs the name of the log list")
        _check_identifier(log)
    for local in (precomputed or {}).values():
        _check_identifier(local)
    emitter = _Emitter(names, {}, mode, log if mode == "log" else None, precomputed or {})
    return emitter.expr(checked.tree)


def compile_expression(checked: CheckedExpression) -> Callable[[Mapping[str, object]], object]:
    """A function of an environment (name → value; absent means missing) giving the value."""
    function = compile_source(checked.tree, checked.names, None, log=False, params="_ce_env")
    return function  # type: ignore[return-value]


def _over_list(func: str, first: Expr) -> bool:
    """Whether a call of ``func`` with ``first`` as first argument aggregates over a list."""
    return CATALOGUE[func].is_aggregate(first.ty)


def top_aggregates(node: Expr) -> list[Call]:
    """The aggregate calls over a list in ``node`` that no other aggregate encloses, in source
    order (explanations count their members)."""
    if isinstance(node, Call) and node.func in AGGREGATES and _over_list(node.func, node.args[0]):
        return [node]
    return [call for child in children(node) for call in top_aggregates(child)]


def emit_counted(
    checked: CheckedExpression, call: Call, names: Mapping[str, str], *, mode: str = "fast"
) -> str:
    """The call of the counting helper (:mod:`.counting`) for the top aggregate ``call`` of
    ``checked``: ``_ct_any('persons', L, [values...], None)`` gives ``(value, detail)``."""
    emitter = _Emitter(names, {}, mode, None, {})
    members = emitter.expr(call.args[0])
    name = checked.text[call.args[0].offset : call.args[0].end]
    counter = CATALOGUE[call.func].counter
    if len(call.args) == 1:
        return f"_ct_members({name!r}, {members})"
    listed = emitter.temp()
    with emitter.member(call.member) as m:
        value = emitter.expr(call.args[1])
        weight = None if call.weight is None else emitter.expr(call.weight)
    values = f"(None if {listed} is None else [{value} for {m} in {listed}])"
    weights = "None" if weight is None else f"(None if {listed} is None else [{weight} for {m} in {listed}])"
    return f"{counter}({name!r}, ({listed} := {members}), {values}, {weights})"


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
    """Compile ``node`` into ``f(env, member_record, log)``; internal, used by ``trace``.

    The code is written in ``log`` mode when ``log`` is true, else in ``safe`` mode: it never
    raises for a value.
    """
    used = sorted({n.id for n in walk(node) if isinstance(n, Name) and n.id in names})
    locals_ = {name: f"_ce_n{index}" for index, name in enumerate(used)}
    members = {member: "_ce_member"} if member is not None else {}
    mode = "log" if log else "safe"
    body = _Emitter(locals_, members, mode, "_ce_log" if log else None, {}).expr(node)
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

    def __init__(
        self,
        names: Mapping[str, str],
        members: dict[str, str],
        mode: str,
        log: str | None,
        precomputed: Mapping[int, str],
    ) -> None:
        self.names = names
        self.members = members
        self.mode = mode
        self.log = log
        self.precomputed = precomputed
        self.counter = 0

    def temp(self) -> str:
        self.counter += 1
        return f"_ce_t{self.counter}"

    def log_argument(self) -> str:
        return f", {self.log}" if self.log is not None else ""

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
        if isinstance(node, Name) or id(node) in self.precomputed:
            return source, source
        temp = self.temp()
        return f"({temp} := {source})", temp

    def guarded(self, operands: Sequence[tuple[str | None, str]], result: str) -> str:
        tests = [f"{test} is None" for test, _ in operands if test is not None]
        return f"(None if {' or '.join(tests)} else {result})" if tests else f"({result})"

    def expr(self, node: Expr) -> str:
        local = self.precomputed.get(id(node))
        if local is not None:
            return local
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
                return self.arithmetic("-", None, operand)
            case UnaryOp(operand=operand):
                a = self.operand(operand)
                return self.guarded([a], f"not {a[1]}")
            case BinOp(op=op, left=left, right=right):
                return self.arithmetic(op, left, right)
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
            case Call(func=func):
                return CATALOGUE[func].emit(self, node)
            case ListExpr():
                raise ValueError("a list literal outside 'in' cannot be emitted")

    def arithmetic(self, op: str, left: Expr | None, right: Expr) -> str:
        """``a op b`` (``-b`` when ``left`` is None) under the arithmetic rule of the mode."""
        if self.mode != "fast":
            log = self.log or "None"
            if left is None:
                return f"_rt_neg({self.expr(right)}, {log})"
            if op == "/":
                return f"_rt_div({self.expr(left)}, {self.expr(right)}, {log})"
            return f"_rt_arith({op!r}, {self.expr(left)}, {self.expr(right)}, {log})"
        b = self.operand(right)
        operands = [b] if left is None else [self.operand(left), b]
        tests = [f"{test} is None" for test, _ in operands if test is not None]
        if op == "/":
            if isinstance(right, Constant) and right.value == 0:
                return "None"
            if not isinstance(right, Constant):
                tests.append(f"{b[1]} == 0")
        value = f"-{b[1]}" if left is None else f"{operands[0][1]} {op} {b[1]}"
        temp = self.temp()
        result = f"({temp} if -{BIGGEST} <= ({temp} := {value}) <= {BIGGEST} else None)"
        return f"(None if {' or '.join(tests)} else {result})" if tests else result

    def kleene(self, op: str, operands: Sequence[tuple[str | None, str]]) -> str:
        """Kleene ``and``/``or`` inline: the deciding value, else None if any is None."""
        decisive, other = ("False", "True") if op == "and" else ("True", "False")
        firsts = " or ".join(f"{test or value} is {decisive}" for test, value in operands)
        unknowns = " or ".join(f"{value} is None" for _, value in operands)
        return f"({decisive} if {firsts} else (None if {unknowns} else {other}))"

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


__all__ = [
    "BIGGEST",
    "FILENAME",
    "MODES",
    "RESERVED_PREFIXES",
    "compile_expression",
    "emit",
    "emit_counted",
    "runtime_namespace",
    "top_aggregates",
]
