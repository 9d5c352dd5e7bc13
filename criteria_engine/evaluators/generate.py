"""Generating the Python source of a set's record functions from its checked expressions.

One module of source per plan, with four functions that share their shape: bind each name
the rules read to a local of the same name (``income_per_capita``), compute derived values
and measures in file order, then each criterion, the tallies, the status and the rating.

* ``verdicts(rec, cid, prov, checked=False)``: the whole verdicts-only evaluation: the
  data-dictionary check (returns None at the first bad field, unless ``checked``), the set's
  consistency checks, the verdicts and the decision; returns the :class:`Result`, its
  criteria picked from constants built once;
* ``full(rec, cid, prov, checked=False)``: the same with the explanation data (reasons,
  missing inputs, aggregates' counts, values shown), kept raw in the result until read;
* ``run(rec)``: verdicts, points, tallies, status and rating as a :class:`RunOutput` (for
  :meth:`Plan.outcome`, on records already checked);
* ``env(rec)``: every name's value (for explanations and roll-up sentences).

Nothing of the file's text reaches the source except through ``repr`` of literal values and
the expression emitter, which writes only whitelisted forms over the set's own names (checked
identifiers). Every statement written for a place of the file carries ``# file:line``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..errors import DocPath
from ..format.models import CriteriaSet
from ..results import Status, Verdict
from ..rules.runtime import DIVISION_BY_ZERO, OVERFLOW
from ..rules.set_checks import CheckedSet
from . import generate_explain, generate_rules
from .code_writer import Locate, Origin, Writer
from .criterion_plans import CriterionPlan
from .generate_checks import check_statements
from .generate_context import Context
from .records import MemberFields


class RunOutput(NamedTuple):
    """What the generated ``run(rec)`` returns."""

    verdicts: tuple[Verdict, ...]
    points: tuple[float, ...]
    score: float
    top: float
    loose: float
    gate_fail: bool
    gate_unknown: bool
    status: Status
    rating: str | None
    rating_index: int
    marks: tuple[Any, ...]
    whens: tuple[Any, ...]
    measures: tuple[Any, ...]


BASE_CONSTANTS: dict[str, object] = {
    **{f"_T_{t.__name__}": t for t in (int, float, bool, str, list, dict)},
    "_INF": math.inf,
    "_DATE": dt.date,
    "_len": len,
    "_isinstance": isinstance,
    "_Mapping": Mapping,
    "_DIVISION_BY_ZERO": DIVISION_BY_ZERO,
    "_OVERFLOW": OVERFLOW,
    "_Run": RunOutput,
}
"""The classes and helpers generated code compares with or calls (there are no builtins)."""


@dataclass(frozen=True)
class Generated:
    """The generated source, the constants its namespace needs, where each line comes from."""

    source: str
    constants: dict[str, object]
    origins: dict[int, Origin]


def _prologue(
    w: Writer, ctx: Context, used: set[str], member_fields: Mapping[str, MemberFields] | None
) -> None:
    """Read the inputs, check them (with ``member_fields``), then parameters, derived values
    and measures."""
    cs, names = ctx.cs, ctx.names
    w("_get = rec.get")
    for section in ("inputs", "collections"):
        for name in getattr(cs, section):
            if name in used:
                w(f"{names[name]} = _get({name!r})", at=(section, name))
    if member_fields is not None:
        w("if not checked:")
        bound = {n: names[n] for n in [*cs.inputs, *cs.collections] if n in used}
        for line in check_statements(cs.inputs, member_fields, bound, ctx.constants, depth=2):
            code = line.lstrip()
            w(code, (len(line) - len(code)) // 4)
        w("pass", 2)
    for name, param in cs.parameters.items():
        if name not in used:
            continue
        if param.by is None:
            w(f"{names[name]} = {param.value!r}", at=("parameters", name, "value"))
            continue
        table = f"_K_{names[name]}"
        ctx.constants[table] = dict(param.values or {})
        key = names[param.by] if param.by in used else f"_get({param.by!r})"
        w(f"{names[name]} = {table}.get({key})", at=("parameters", name, "values"))
    for section in ("derived", "measures"):
        for name in getattr(cs, section):
            if name in used:
                path: DocPath = (section, name, "expr")
                w(f"{names[name]} = {ctx.expr(path)}", at=path)


def _set_checks(w: Writer, ctx: Context) -> None:
    """The set's consistency checks: a check that is false makes the record invalid."""
    checks = ctx.cs.checks
    if not checks:
        return
    for index in range(len(checks)):
        path: DocPath = ("checks", index, "rule")
        w(f"_k{index} = {ctx.expr(path)}", at=path)
    failed = " or ".join(f"_k{i} is False" for i in range(len(checks)))
    outcomes = "".join(f"_k{i}, " for i in range(len(checks)))
    w(f"if {failed}: return _check_failed(cid, prov, ({outcomes}))")


def _measures(ctx: Context) -> str:
    return "(" + "".join(f"{ctx.names[n]}, " for n in ctx.cs.measures) + ")"


def _listed(prefix: str, ctx: Context) -> str:
    return "(" + "".join(f"{prefix}{t}, " for t in ctx.tags) + ")"


def _scores(ctx: Context) -> tuple[str, str]:
    floats = not generate_rules.integral_points(ctx)
    return generate_rules.whole("_score", floats), generate_rules.whole("_top", floats)


def _run(w: Writer, ctx: Context, used: set[str]) -> None:
    w("def run(rec):", 0)
    _prologue(w, ctx, used, None)
    for k in range(len(ctx.criteria)):
        generate_rules.criterion(w, ctx, k, shared=False)
    generate_rules.tallies(w, ctx)
    generate_rules.decision(w, ctx)
    w("# RunOutput(verdicts, points, score, top, loose, gate_fail, gate_unknown, status, rating,")
    w("#           rating_index, marks, whens, measures)")
    w(
        f"return _Run({_listed('_v_', ctx)}, {_listed('_p_', ctx)}, _score, _top, _loose, _gate_fail, "
        f"_gate_unknown, _status, _rating, _ri, {generate_rules.marks(ctx)}, {generate_rules.whens(ctx)}, "
        f"{_measures(ctx)})"
    )


def _verdicts(w: Writer, ctx: Context, used: set[str], member_fields: Mapping[str, MemberFields]) -> None:
    w("def verdicts(rec, cid, prov, checked=False):", 0)
    _prologue(w, ctx, used, member_fields)
    _set_checks(w, ctx)
    for k in range(len(ctx.criteria)):
        generate_rules.criterion(w, ctx, k, shared=True)
    generate_rules.tallies(w, ctx)
    generate_rules.decision(w, ctx)
    score, top = _scores(ctx)
    w(
        f"return _result(cid, _status, {score}, {top}, _rating, prov, _PLAN, _fill_verdicts, "
        f"({_listed('_c_', ctx)}, {_measures(ctx)}))"
    )


def _full(w: Writer, ctx: Context, used: set[str], member_fields: Mapping[str, MemberFields]) -> list[str]:
    shown = generate_explain.shown_names(ctx)
    w("def full(rec, cid, prov, checked=False):", 0)
    _prologue(w, ctx, used, member_fields)
    _set_checks(w, ctx)
    for k in range(len(ctx.criteria)):
        generate_explain.criterion(w, ctx, k)
    generate_rules.tallies(w, ctx)
    generate_rules.decision(w, ctx)
    score, top = _scores(ctx)
    w(f"_shown = {generate_explain.shown_values(ctx, shown)}")
    raw = ", ".join(_listed(f"_{x}_", ctx) for x in "vprmg")
    w(
        f"return _result(cid, _status, {score}, {top}, _rating, prov, _PLAN, _fill_full, "
        f"({raw}, _shown, {_measures(ctx)}, {generate_rules.marks(ctx)}, _ri, _score))"
    )
    return shown


def _env(w: Writer, ctx: Context) -> None:
    w("def env(rec):", 0)
    _prologue(w, ctx, set(ctx.names), None)
    pairs = ", ".join(f"{name!r}: {local}" for name, local in ctx.names.items())
    w(f"return {{{pairs}}}")


def generate(
    cs: CriteriaSet,
    checked: CheckedSet,
    criteria: Sequence[CriterionPlan],
    member_fields: Mapping[str, MemberFields],
    *,
    mode: str = "fast",
    file: str = "",
    locate: Locate | None = None,
) -> Generated:
    """The source of the record functions of a checked set (``mode``: see ``codegen.MODES``)."""
    ctx = Context(cs, checked, criteria, mode)
    ctx.constants.update(BASE_CONSTANTS)
    w = Writer(file, locate)
    shown = "/".join(file.replace("\\", "/").split("/")[-2:]) if file else "a model"
    w.comment(f"{cs.ref}: generated by criteria_engine from {shown} ({mode} arithmetic)", 0)
    used = ctx.used_names()
    _verdicts(w, ctx, used, member_fields)
    w.blank()
    names = _full(w, ctx, used | ctx.used_names(generate_explain.needed_for_details(ctx)), member_fields)
    w.blank()
    _run(w, ctx, used)
    w.blank()
    _env(w, ctx)
    w.blank()
    generate_explain.details_source(w, ctx, names)
    return Generated(w.source, ctx.constants, dict(w.origins))


__all__ = ["BASE_CONSTANTS", "Generated", "RunOutput", "generate"]
