"""Generating the explanation data: per criterion, the reason, the missing inputs and the
aggregates' counts, computed as the verdict is decided (no second pass, no trace interpreter).

* **Reasons** come from the branch that decided the verdict: a compile-time if-chain. Only an
  unknown verdict asks the data why (missing inputs, too few members, a division by zero, an
  overflow), and only then is the rule run again with a log of what went wrong.
* **Aggregates over a list** are evaluated first by the counting helpers
  (:mod:`criteria_engine.rules.counting`), which give the value with the counts; the rule then
  reads that value, so the loop that counts is the loop that decides.
* **Values shown** are read once into a tuple; :func:`details_source` generates the function
  that turns the raw data into :class:`CriterionResult`s when a result's criteria are first
  read.

The reference is :mod:`.details` (the trace interpreter): differential tests hold the two equal.
"""

from __future__ import annotations

from ..results import Reason, Verdict
from ..rules import CheckedExpression, ast
from ..rules.codegen import emit_counted, top_aggregates
from ..rules.types import ListType
from .code_writer import Writer
from .criterion_plans import CriterionPlan
from .generate_context import VERDICT_OF_MISSING, Context, reason


def _false_reason(item: CriterionPlan) -> str:
    if item.criterion.points_by is not None:
        return reason(Reason.GRADED_ZERO)
    tree = item.rule.tree if item.rule is not None else None
    return reason(Reason.COMPARISON_FALSE if isinstance(tree, ast.Compare) else Reason.RULE_FALSE)


def _true_reason(item: CriterionPlan) -> str:
    return reason(Reason.GRADED_POINTS if item.criterion.points_by is not None else Reason.RULE_TRUE)


def _missing(ctx: Context, item: CriterionPlan) -> str:
    """The inputs the criterion reads that are missing, as a tuple expression."""
    names = item.inputs_read
    if not names:
        return "()"
    locals_ = [ctx.names[n] for n in names]
    present = " and ".join(f"{v} is not None" for v in locals_)
    pairs = ", ".join(f"({n!r}, {v})" for n, v in zip(names, locals_, strict=True))
    return f"(() if {present} else _missing(({pairs},)))"


def _member_fields(ctx: Context, rule: CheckedExpression) -> str | None:
    """``persons.drug_user``-style fields some member lacks (None when the rule reads none)."""
    found = []
    for dotted in rule.fields_read:
        list_name, _, field = dotted.partition(".")
        if field and "." not in field and list_name in ctx.names:
            found.append(f"({dotted!r}, {ctx.names[list_name]}, {field!r})")
    return f"_fields_missing(({', '.join(found)},))" if found else None


def _lists(ctx: Context, item: CriterionPlan) -> list[str]:
    """The member lists the reason looks at when nothing was counted (see details._reason)."""
    names = item.inputs_read or tuple(ctx.names)
    return [ctx.names[n] for n in names if isinstance(ctx.checked.scope.get(n), ListType)]


_LOGGING = ("sum", "mean", "share")
"""Aggregates whose helpers compute (and may overflow); the others only count or compare."""


def _may_log(item: CriterionPlan) -> bool:
    """Whether re-running the rule with a log could say more than "unknown value": it (or a
    derived value it reads) divides, computes or aggregates with arithmetic."""
    trees = [item.rule.tree] if item.rule is not None else []
    trees.extend(e.tree for e in item.derived_expressions.values())
    return any(
        isinstance(n, ast.BinOp)
        or (isinstance(n, ast.UnaryOp) and n.op == "-")
        or (isinstance(n, ast.Call) and n.func in _LOGGING)
        for tree in trees
        for n in ast.walk(tree)
    )


def _unknown_tail(
    w: Writer, ctx: Context, item: CriterionPlan, r: str, m: str, g: str, calls: int, indent: int
) -> None:
    """Why a rule came out unknown (on_missing: unknown), in the reference's order."""
    lists = _lists(ctx, item)
    if lists:
        w(f"{r} = _members_reason(({''.join(v + ', ' for v in lists)}), {g})", indent)
        w(f"if {r} is None and {m}: {r} = {reason(Reason.MISSING_DATA)}", indent)
    else:
        w(f"{r} = {reason(Reason.MISSING_DATA)} if {m} else None", indent)
    if calls:
        assert item.rule is not None
        minimums = [
            ctx.names[c.args[0].id]
            if isinstance(c.args[0], ast.Name) and c.args[0].id in ctx.names
            else "None"
            for c in top_aggregates(item.rule.tree)
        ]
        w(f"if {r} is None: {r} = _aggregates_reason({g}, ({''.join(x + ', ' for x in minimums)}))", indent)
    if not _may_log(item):  # nothing in the rule can divide by zero or overflow
        w(f"if {r} is None: {r} = {reason(Reason.UNKNOWN_VALUE)}", indent)
        return
    w(f"if {r} is None:", indent)
    w(f"_lg = []; _y = {ctx.expr(item.rule_path, log='_lg')}", indent + 1, at=item.rule_path)
    overflow = "_OVERFLOW in _lg"
    if item.derived_read:
        w("_ld = []", indent + 1)
        for name in item.derived_read:
            path = ("derived", name, "expr")
            w(f"_y = {ctx.expr(path, log='_ld')}", indent + 1, at=path)
        overflow += " or _OVERFLOW in _ld"
    w(f"if _DIVISION_BY_ZERO in _lg: {r} = {reason(Reason.DIVISION_BY_ZERO)}", indent + 1)
    w(f"elif {overflow}: {r} = {reason(Reason.OVERFLOW)}", indent + 1)
    w(f"else: {r} = {reason(Reason.UNKNOWN_VALUE)}", indent + 1)


def criterion(w: Writer, ctx: Context, k: int) -> None:
    """One criterion's verdict, points, reason, missing inputs and aggregates."""
    item = ctx.criteria[k]
    c = item.criterion
    t = ctx.tags[k]
    v, p, r, m, g = (f"_{x}_{t}" for x in "vprmg")
    w.comment(f"{item.id}: {c.when if c.points_by is None else 'graded by ' + c.points_by.value}")
    indent = 1
    if c.applies_if is not None:
        at = (*item.path, "applies_if")
        w(f"_a = {ctx.expr(at)}", 1, at=at)
        w("if _a is False:", 1)
        w(f"{v} = _NA; {p} = 0; {r} = {reason(Reason.NOT_APPLICABLE)}; {m} = (); {g} = ()", 2)
        w("else:", 1)
        indent = 2
    rule = item.rule
    assert rule is not None
    calls = top_aggregates(rule.tree) if item.aggregated else []
    precomputed: dict[int, str] = {}
    for j, call in enumerate(calls):
        w(f"_gv{j}, _gd{j} = {emit_counted(rule, call, ctx.names, mode=ctx.mode)}", indent, at=item.rule_path)
        precomputed[id(call)] = f"_gv{j}"
    w(f"{g} = ({''.join(f'_gd{j}, ' for j in range(len(calls)))})", indent)
    w(f"{m} = {_missing(ctx, item)}", indent)
    fields = _member_fields(ctx, rule)
    if c.applies_if is not None:
        w("if _a is None:", indent)
        w(f"{v} = _UNKNOWN; {p} = 0; {r} = {reason(Reason.APPLICABILITY_UNKNOWN)}", indent + 1)
        if fields:
            w(f"if not {m}: {m} = {fields}", indent + 1)
        w("else:", indent)
        indent += 1
    w(f"_x = {ctx.expr(item.rule_path, precomputed=precomputed)}", indent, at=item.rule_path)
    graded = c.points_by
    if graded is None:
        w(f"if _x is True: {v} = _PASS; {p} = {c.points!r}; {r} = {_true_reason(item)}", indent)
        w(f"elif _x is False: {v} = _FAIL; {p} = 0; {r} = {_false_reason(item)}", indent)
        w("else:", indent)
    else:
        w("if _x is None:", indent)
    on_missing = VERDICT_OF_MISSING[c.on_missing]
    unknown_points = (c.points if graded is None else item.max_points) if c.on_missing == "pass" else 0
    w(f"{v} = {on_missing}; {p} = {unknown_points!r}", indent + 1)
    if c.on_missing == "unknown":
        if fields:
            w(f"if not {m}: {m} = {fields}", indent + 1)
        _unknown_tail(w, ctx, item, r, m, g, len(calls), indent + 1)
    else:
        as_missing = reason(
            Reason.MISSING_DATA_AS_PASS if c.on_missing == "pass" else Reason.MISSING_DATA_AS_FAIL
        )
        otherwise = _true_reason(item) if c.on_missing == "pass" else _false_reason(item)
        w(f"{r} = {as_missing} if {m} else {otherwise}", indent + 1)
    if graded is None:
        return
    if graded.table is not None:
        table = f"_GX_{t}"
        ctx.constants[table] = {
            value: (Verdict.PASS, points, Reason.GRADED_POINTS)
            if points > 0
            else (Verdict.FAIL, points, Reason.GRADED_ZERO)
            for value, points in graded.table.items()
        }
        ctx.constants[f"{table}_other"] = (Verdict.FAIL, 0, Reason.GRADED_ZERO)
        w(f"else: {v}, {p}, {r} = {table}.get(_x, {table}_other)", indent)
        return
    for index, band in enumerate(graded.bands or []):
        verdict, why = ("_PASS", _true_reason(item)) if band.points > 0 else ("_FAIL", _false_reason(item))
        at = (*item.path, "points_by", "bands", index)
        w(f"elif _x >= {band.min!r}: {v} = {verdict}; {p} = {band.points!r}; {r} = {why}", indent, at=at)
    w(f"else: {v} = _FAIL; {p} = 0; {r} = {_false_reason(item)}", indent)


def shown_names(ctx: Context) -> list[str]:
    """Every name some criterion's result shows, in first-shown order."""
    return list(dict.fromkeys(n for item in ctx.criteria for n in item.shown))


def shown_values(ctx: Context, names: list[str]) -> str:
    """The tuple of the shown values (member lists by their count, read now)."""
    parts = []
    for name in names:
        local = ctx.names[name]
        listed = isinstance(ctx.checked.scope.get(name), ListType)
        parts.append(f"(None if {local} is None else _len({local}))" if listed else local)
    return "(" + "".join(part + ", " for part in parts) + ")"


def details_source(w: Writer, ctx: Context, names: list[str]) -> None:
    """``_details(V, P, R, M, G, X)``: the criteria's results from the raw data (verdicts,
    points, reasons, missing inputs, aggregates, shown values), built when first read."""
    position = {name: index for index, name in enumerate(names)}
    w("def _details(V, P, R, M, G, X):", 0)
    for k, item in enumerate(ctx.criteria):
        c = item.criterion
        values = (
            "{" + ", ".join(f"{n!r}: X[{position[n]}]" for n in item.shown) + "}"
            if item.shown
            else "_NO_VALUES"
        )
        head = f"{item.id!r}, {item.group.id!r}, V[{k}], P[{k}], {item.max_points!r}, {c.mandatory}, {c.veto}"
        w(f"_c{k} = _tuple(_CriterionResult, ({head}, R[{k}], {values}, M[{k}], G[{k}]))")
    w(f"return ({''.join(f'_c{k}, ' for k in range(len(ctx.criteria)))})")


def needed_for_details(ctx: Context) -> set[str]:
    """Names the explanation path binds besides the rules' own: those the messages show, and
    the inputs each criterion reads (to say which are missing)."""
    return {n for item in ctx.criteria for n in (*item.template_names, *item.inputs_read)}


__all__ = ["criterion", "details_source", "needed_for_details", "shown_names", "shown_values"]
