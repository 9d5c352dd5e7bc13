"""The function catalogue: the only place that knows every function of the language.

Each :class:`Function` says how many arguments it takes, whether it iterates over a list
(an aggregate: its later arguments are evaluated once per member), whether it takes
``weight=``, how its arguments are typed (``type_rule``) and how it is emitted as Python
(``emit``). The checker and the code generator look functions up here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from criteria_engine.messages import Msg, msg
from criteria_engine.rules.ast import Call, Constant, Expr
from criteria_engine.rules.types import (
    ANY,
    BOOLEAN,
    DATE,
    INTEGER,
    NUMBER,
    ListType,
    Type,
    describe,
    fits,
    is_numeric,
)


class Typing(Protocol):
    """What a type rule may ask of the checker."""

    def problem(self, node: Expr, text: Msg, code: str = "expression-type") -> None:
        """Report a problem located at ``node``."""


class Emitting(Protocol):
    """What an emit rule may ask of the code generator."""

    def expr(self, node: Expr) -> str:
        """Python source computing ``node``."""

    def operand(self, node: Expr) -> tuple[str | None, str]:
        """``(test, value)``: ``test`` is the first use (to compare with None; None when the
        node can never be None), ``value`` the source for later uses."""

    def temp(self) -> str:
        """A fresh local name."""

    def member(self, var: str | None) -> AbstractContextManager[str]:
        """Bind the member variable ``var`` to a fresh local while emitting per-member code."""

    def log_argument(self) -> str:
        """``", <log>"`` when the code records why values are unknown (else ``""``): helpers
        that can overflow take the log as their last argument."""


TypeRule = Callable[[Typing, "Function", Call], Type | None]
EmitRule = Callable[[Emitting, Call], str]


@dataclass(frozen=True, slots=True)
class Function:
    """One catalogue entry."""

    name: str
    signature: str
    summary: str
    min_args: int
    max_args: int | None
    over_list: str  # "always", "never", or "if-list" (min/max: aggregate when args[0] is a list)
    weighted: bool
    type_rule: TypeRule
    emit: EmitRule
    counter: str | None = None
    """The helper of :mod:`.counting` that gives an aggregate's value with its counts (for
    explanations); None for functions that do not aggregate."""

    def is_aggregate(self, first: Type | None) -> bool:
        """Whether the arguments after the first are evaluated once per member of a list."""
        return self.over_list == "always" or (self.over_list == "if-list" and isinstance(first, ListType))

    def arity_message(self, given: int) -> Msg | None:
        """The ``expression-arity`` message for ``given`` positional arguments, or None if fine."""
        low, high = self.min_args, self.max_args
        if low <= given and (high is None or given <= high):
            return None
        if high is None:
            wanted = (
                msg("expression-arity.at-least-one")
                if low == 1
                else msg("expression-arity.at-least", low=low)
            )
        elif low == high:
            wanted = (
                msg("expression-arity.exactly-one") if low == 1 else msg("expression-arity.exactly", low=low)
            )
        else:
            key = "expression-arity.either" if high == low + 1 else "expression-arity.range"
            wanted = msg(key, low=low, high=high)
        return msg("expression-arity", name=self.name, wanted=wanted, given=given)


# --- type rules ---------------------------------------------------------------------------


def _ordinal(index: int) -> Msg:
    return msg(f"ordinal.{index + 1}") if index < 3 else msg("ordinal.n", n=index + 1)


def _need(t: Typing, f: Function, call: Call, index: int, ok: Callable[[Type], bool], what: str) -> bool:
    node = call.args[index]
    if node.ty is None or ok(node.ty):
        return node.ty is not None
    wanted = msg(f"argument.{what}")
    said = msg(
        "expression-type.argument", name=f.name, what=wanted, position=_ordinal(index), got=describe(node.ty)
    )
    t.problem(node, said)
    return False


def _need_weight(t: Typing, f: Function, call: Call) -> None:
    if call.weight is not None and call.weight.ty is not None and not is_numeric(call.weight.ty):
        t.problem(call.weight, msg("expression-type.weight", name=f.name, got=describe(call.weight.ty)))


def _is_list(ty: Type) -> bool:
    return isinstance(ty, ListType)


def _is_condition(ty: Type) -> bool:
    return fits(ty, BOOLEAN)


def _condition_rule(result: Type) -> TypeRule:
    def rule(t: Typing, f: Function, call: Call) -> Type | None:
        _need(t, f, call, 0, _is_list, "list")
        if len(call.args) > 1:
            _need(t, f, call, 1, _is_condition, "condition")
        _need_weight(t, f, call)
        return result

    return rule


def _value_rule(t: Typing, f: Function, call: Call) -> Type | None:
    _need(t, f, call, 0, _is_list, "list")
    _need(t, f, call, 1, is_numeric, "number")
    _need_weight(t, f, call)
    return INTEGER if f.name == "sum" and call.args[1].ty == INTEGER else NUMBER


def _orderable(ty: Type) -> bool:
    return is_numeric(ty) or ty == DATE


def _extreme_rule(t: Typing, f: Function, call: Call) -> Type | None:
    if isinstance(call.args[0].ty, ListType):
        if len(call.args) != 2:
            said = msg("expression-arity.over-list", name=f.name, given=len(call.args))
            t.problem(call, said, "expression-arity")
            return None
        if not _need(t, f, call, 1, _orderable, "orderable"):
            return None
        value = call.args[1].ty
        return NUMBER if value in (None, ANY) else value
    checked = [_need(t, f, call, i, _orderable, "orderable") for i in range(len(call.args))]
    if not all(checked):
        return None
    known = [a.ty for a in call.args if a.ty not in (None, ANY)]
    if DATE in known and any(ty != DATE for ty in known):
        t.problem(call, msg("expression-type.mix", name=f.name))
        return None
    if not known:
        return NUMBER
    return DATE if DATE in known else INTEGER if all(ty == INTEGER for ty in known) else NUMBER


def _abs_rule(t: Typing, f: Function, call: Call) -> Type | None:
    if not _need(t, f, call, 0, is_numeric, "number"):
        return None
    return NUMBER if call.args[0].ty == ANY else call.args[0].ty


def _round_rule(t: Typing, f: Function, call: Call) -> Type | None:
    ok = _need(t, f, call, 0, is_numeric, "number")
    if len(call.args) == 2:
        _need(t, f, call, 1, lambda ty: ty in (INTEGER, ANY), "decimals")
        return (NUMBER if call.args[0].ty == ANY else call.args[0].ty) if ok else None
    return INTEGER


def _len_rule(t: Typing, f: Function, call: Call) -> Type | None:
    _need(t, f, call, 0, _is_list, "list")
    return INTEGER


def _present_rule(t: Typing, f: Function, call: Call) -> Type | None:
    return BOOLEAN


# --- emit rules -----------------------------------------------------------------------------


def _guarded(e: Emitting, args: Sequence[Expr], body: Callable[[list[str]], str]) -> str:
    """``(None if a is None or ... else body(values))``: None when any argument is None."""
    operands = [e.operand(a) for a in args]
    tests = [f"{test} is None" for test, _ in operands if test is not None]
    result = body([value for _, value in operands])
    return f"(None if {' or '.join(tests)} else {result})" if tests else result


def _aggregate(helper: str, weighted: str | None = None) -> EmitRule:
    """``helper((value for m in L), L)``: the list goes along for its collection's policy
    (``min_known``, ``unknown``; see ``runtime.policy``)."""

    def emit(e: Emitting, call: Call) -> str:
        test, members = e.operand(call.args[0])
        with e.member(call.member) as m:
            per_member = [e.expr(a) for a in call.args[1:]]
            weight = None if call.weight is None else e.expr(call.weight)
        tail = f", {members}{e.log_argument()}"
        if not per_member:
            body = f"_rt_len({members})"
        elif weight is not None and weighted is not None:
            body = f"{weighted}((({per_member[0]}, {weight}) for {m} in {members}){tail})"
        else:
            body = f"{helper}(({per_member[0]} for {m} in {members}){tail})"
        return body if test is None else f"(None if {test} is None else {body})"

    return emit


def _scalar_or_aggregate(scalar: str, aggregate: str) -> EmitRule:
    over_list = _aggregate(aggregate)

    def emit(e: Emitting, call: Call) -> str:
        if isinstance(call.args[0].ty, ListType):
            return over_list(e, call)
        return _guarded(e, call.args, lambda values: f"{scalar}({', '.join(values)})")

    return emit


def _emit_round(e: Emitting, call: Call) -> str:
    if len(call.args) == 1:
        return _guarded(e, call.args, lambda v: f"_rt_round0({v[0]})")
    return _guarded(e, call.args, lambda v: f"_rt_round({v[0]}, {v[1]})")


def _emit_present(e: Emitting, call: Call) -> str:
    argument = call.args[0]
    if isinstance(argument, Constant):
        return "False" if argument.value is None else "True"
    return f"({e.expr(argument)} is not None)"


def _function(
    name: str,
    signature: str,
    summary: str,
    arity: tuple[int, int | None],
    over_list: str,
    type_rule: TypeRule,
    emit: EmitRule,
    *,
    weighted: bool = False,
) -> Function:
    counter = None if over_list == "never" else f"_ct_{name}"
    return Function(
        name, signature, summary, arity[0], arity[1], over_list, weighted, type_rule, emit, counter
    )


CATALOGUE: dict[str, Function] = {
    f.name: f
    for f in (
        _function(
            "any", "any(list, condition)", "True if the condition holds for some member (Kleene or)",
            (2, 2), "always", _condition_rule(BOOLEAN), _aggregate("_rt_any"),
        ),
        _function(
            "all", "all(list, condition)", "True if the condition holds for every member (Kleene and)",
            (2, 2), "always", _condition_rule(BOOLEAN), _aggregate("_rt_all"),
        ),
        _function(
            "count", "count(list[, condition])", "how many members satisfy the condition (or all of them)",
            (1, 2), "always", _condition_rule(INTEGER), _aggregate("_rt_count"),
        ),
        _function(
            "share", "share(list, condition[, weight=number])",
            "the (weighted) share of the members with a known condition that satisfy it",
            (2, 2), "always", _condition_rule(NUMBER), _aggregate("_rt_share", "_rt_share_w"), weighted=True,
        ),
        _function(
            "sum", "sum(list, number)", "the sum of the members' known values",
            (2, 2), "always", _value_rule, _aggregate("_rt_sum"),
        ),
        _function(
            "mean", "mean(list, number[, weight=number])", "the (weighted) mean of the members' known values",
            (2, 2), "always", _value_rule, _aggregate("_rt_mean", "_rt_mean_w"), weighted=True,
        ),
        _function(
            "min", "min(list, value) or min(a, b, ...)", "the smallest known member value, or of the arguments",
            (2, None), "if-list", _extreme_rule, _scalar_or_aggregate("_rt_min", "_rt_min_of"),
        ),
        _function(
            "max", "max(list, value) or max(a, b, ...)", "the largest known member value, or of the arguments",
            (2, None), "if-list", _extreme_rule, _scalar_or_aggregate("_rt_max", "_rt_max_of"),
        ),
        _function(
            "abs", "abs(number)", "the absolute value",
            (1, 1), "never", _abs_rule, lambda e, c: _guarded(e, c.args, lambda v: f"_rt_abs({v[0]})"),
        ),
        _function(
            "round", "round(number[, digits])", "rounded half away from zero (to an integer by default)",
            (1, 2), "never", _round_rule, _emit_round,
        ),
        _function(
            "len", "len(list)", "the number of members",
            (1, 1), "never", _len_rule, lambda e, c: _guarded(e, c.args, lambda v: f"_rt_len({v[0]})"),
        ),
        _function(
            "present", "present(value)", "True if the value is known, False if missing (never unknown)",
            (1, 1), "never", _present_rule, _emit_present,
        ),
    )
}  # fmt: skip
"""Every function of the language, by name."""

AGGREGATES = frozenset(name for name, f in CATALOGUE.items() if f.over_list != "never")


__all__ = ["AGGREGATES", "CATALOGUE", "EmitRule", "Emitting", "Function", "TypeRule", "Typing"]
