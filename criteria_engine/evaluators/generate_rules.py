"""Generating the verdicts and the decision: each criterion's verdict and points, the tallies,
the status (best and worst cases) and the rating band, as straight-line Python.

Every criterion sets ``_v_<id>`` (its verdict) and ``_p_<id>`` (its points); with ``shared``
it also picks ``_c_<id>``, the verdicts-only result for that verdict and those points (a
constant built once). Graded bands are an ``if``/``elif`` chain, so a criterion's code stays
flat however many bands it has (within the documented limit), and the tallies are summed in
short statements, so a set with thousands of criteria compiles without deep nesting.
"""

from __future__ import annotations

from ..format.semantics import criterion_max_points
from ..results import Verdict
from .code_writer import Writer
from .generate_context import VERDICT_OF_MISSING, Context

_VERDICTS = {
    "_PASS": Verdict.PASS,
    "_FAIL": Verdict.FAIL,
    "_UNKNOWN": Verdict.UNKNOWN,
    "_NA": Verdict.NOT_APPLICABLE,
}
CHUNK = 8
"""Terms per line when a tally is summed."""


def _set(ctx: Context, k: int, verdict: str, points: object, shared: bool) -> str:
    t = ctx.tags[k]
    code = f"_v_{t} = {verdict}; _p_{t} = {points!r}"
    if shared:
        code += f"; _c_{t} = {ctx.shared(k, _VERDICTS[verdict], points)}"
    return code


def criterion(w: Writer, ctx: Context, k: int, shared: bool) -> None:
    """One criterion's verdict and points (``shared``: and its verdicts-only result)."""
    item = ctx.criteria[k]
    c = item.criterion
    w.comment(f"{item.id}: {c.when if c.points_by is None else 'graded by ' + c.points_by.value}")
    indent = 1
    if c.applies_if is not None:
        w(f"_a = {ctx.expr((*item.path, 'applies_if'))}", 1, at=(*item.path, "applies_if"))
        w(f"if _a is False: {_set(ctx, k, '_NA', 0, shared)}", 1)
        w(f"elif _a is None: {_set(ctx, k, '_UNKNOWN', 0, shared)}", 1)
        w("else:", 1)
        indent = 2
    on_missing = VERDICT_OF_MISSING[c.on_missing]
    rule = item.rule_path
    w(f"_x = {ctx.expr(rule)}", indent, at=rule)
    if c.points_by is None:
        unknown_points = c.points if c.on_missing == "pass" else 0
        w(f"if _x is True: {_set(ctx, k, '_PASS', c.points, shared)}", indent)
        w(f"elif _x is False: {_set(ctx, k, '_FAIL', 0, shared)}", indent)
        w(f"else: {_set(ctx, k, on_missing, unknown_points, shared)}", indent)
        return
    graded = c.points_by
    top = criterion_max_points(c)
    unknown_points = top if c.on_missing == "pass" else 0
    w(f"if _x is None: {_set(ctx, k, on_missing, unknown_points, shared)}", indent)
    if graded.table is not None:
        t = ctx.tags[k]
        outcomes = {
            value: (Verdict.PASS if points > 0 else Verdict.FAIL, points)
            for value, points in graded.table.items()
        }
        table = f"_G_{t}" if shared else f"_GR_{t}"
        default = (Verdict.FAIL, 0)
        if shared:
            ctx.constants[table] = {
                value: (v, p, ctx.constants[ctx.shared(k, v, p)]) for value, (v, p) in outcomes.items()
            }
            ctx.constants[f"{table}_other"] = (*default, ctx.constants[ctx.shared(k, *default)])
            w(f"else: _v_{t}, _p_{t}, _c_{t} = {table}.get(_x, {table}_other)", indent)
        else:
            ctx.constants[table] = outcomes
            ctx.constants[f"{table}_other"] = default
            w(f"else: _v_{t}, _p_{t} = {table}.get(_x, {table}_other)", indent)
        return
    for index, band in enumerate(graded.bands or []):
        verdict = "_PASS" if band.points > 0 else "_FAIL"
        at = (*item.path, "points_by", "bands", index)
        w(f"elif _x >= {band.min!r}: {_set(ctx, k, verdict, band.points, shared)}", indent, at=at)
    w(f"else: {_set(ctx, k, '_FAIL', 0, shared)}", indent)


def _chunked(w: Writer, target: str, first: str, terms: list[str], joiner: str) -> None:
    """``target = first <joiner> t1 <joiner> ...`` in short statements, in the same order."""
    head, rest = terms[:CHUNK], terms[CHUNK:]
    w(f"{target} = ({joiner.join([first, *head]) if first else joiner.join(head)})")
    for start in range(0, len(rest), CHUNK):
        w(f"{target} = ({joiner.join([target, *rest[start : start + CHUNK]])})")


def tallies(w: Writer, ctx: Context) -> None:
    """Score, applicable maximum, points still open, and the gates (see ``decision.Tally``)."""
    all_mandatory = ctx.cs.decision.pass_.all_mandatory
    fixed = 0.0
    top_terms: list[str] = []
    loose_terms: list[str] = []
    gates: list[str] = []
    for k, item in enumerate(ctx.criteria):
        t, full, c = ctx.tags[k], item.max_points, item.criterion
        if c.applies_if is None:
            fixed += full
        elif full:
            top_terms.append(f"({full!r} if _v_{t} is not _NA else 0)")
        if full:
            loose_terms.append(f"({full!r} - _p_{t} if _v_{t} is _UNKNOWN else 0)")
        if c.veto or (c.mandatory and all_mandatory):
            gates.append(t)
    points = [f"_p_{t}" for t in ctx.tags]
    _chunked(w, "_score", "" if points else "0", points, " + ")
    _chunked(w, "_top", repr(int(fixed)) if integral_points(ctx) else repr(fixed), top_terms, " + ")
    _chunked(w, "_loose", "0", loose_terms, " + ")
    _chunked(w, "_gate_fail", "False", [f"_v_{t} is _FAIL" for t in gates], " or ")
    _chunked(w, "_gate_unknown", "False", [f"_v_{t} is _UNKNOWN" for t in gates], " or ")


def _case(w: Writer, target: str, score: str, blocked: str, percent: float | None, indent: int) -> None:
    """Whether one case (worst or best) passes; None when the pass mark is unknown."""
    w(f"if {blocked}: {target} = False", indent)
    if percent is not None:
        w(f"elif _top <= 0 or 100.0 * {score} / _top < {percent!r}: {target} = False", indent)
    w(f"elif _mark is None: {target} = None", indent)
    w(f"else: {target} = {score} >= _mark", indent)


def decision(w: Writer, ctx: Context) -> None:
    """The pass mark, the bands' marks and conditions, the status and the rating (``_ri``: the
    band's index, the number of bands when none applies)."""
    cs = ctx.cs
    rule = cs.decision.pass_
    at = ("decision", "pass", "min_score")
    if rule.min_score is None:
        w("_mark = 0.0")
    elif isinstance(rule.min_score, str):
        w(f"_mark = {ctx.expr(at)}", at=at)
    else:
        w(f"_mark = {rule.min_score!r}", at=at)
    for ri, band in enumerate(cs.decision.ratings):
        mark_at, when_at = ("decision", "ratings", ri, "min_score"), ("decision", "ratings", ri, "when")
        mark = ctx.expr(mark_at) if isinstance(band.min_score, str) else repr(band.min_score)
        w(f"_m{ri} = {mark}", at=mark_at if band.min_score is not None else None)
        if band.when is not None:
            w(f"_w{ri} = {ctx.expr(when_at)}", at=when_at)
    _case(w, "_worst", "_score", "_gate_fail or _gate_unknown", rule.min_percent, 1)
    w("if _worst: _status = _PASSED")
    w("else:")
    _case(w, "_best", "(_score + _loose)", "_gate_fail", rule.min_percent, 2)
    w("_status = _FAILED if _best is False else _UNDETERMINED", 2)
    keyword = "if"
    for ri, band in enumerate(cs.decision.ratings):
        conditions = []
        if band.requires_pass:
            conditions.append("_status is _PASSED")
        if band.min_score is not None:
            conditions.append(f"_m{ri} is not None and _score >= _m{ri}")
        if band.when is not None:
            conditions.append(f"_w{ri} is True")
        if not conditions:
            w(f"{'else' if keyword == 'elif' else 'if True'}: _rating = {band.id!r}; _ri = {ri}")
            break
        w(
            f"{keyword} ({' and '.join(conditions)}): _rating = {band.id!r}; _ri = {ri}",
            at=("decision", "ratings", ri),
        )
        keyword = "elif"
    else:
        count = len(cs.decision.ratings)
        w(f"{'else' if keyword == 'elif' else 'if True'}: _rating = None; _ri = {count}")
    w("if _status is _UNDETERMINED: _rating = None")


def marks(ctx: Context) -> str:
    """The bands' marks as a tuple (None for a band without one), for the gap."""
    return "(" + "".join(f"_m{ri}, " for ri in range(len(ctx.cs.decision.ratings))) + ")"


def whens(ctx: Context) -> str:
    """The bands' conditions as a tuple (True for a band without one)."""
    ratings = ctx.cs.decision.ratings
    return (
        "("
        + "".join(f"{'_w' + str(ri) if r.when is not None else 'True'}, " for ri, r in enumerate(ratings))
        + ")"
    )


def integral_points(ctx: Context) -> bool:
    """Whether every number of points the set gives is an integer (then tallies stay ints)."""
    for item in ctx.criteria:
        c = item.criterion
        graded = c.points_by
        values = (
            [c.points]
            if graded is None
            else [*(graded.table or {}).values(), *(b.points for b in graded.bands or [])]
        )
        if any(v.__class__ is not int for v in values):
            return False
    return True


def whole(name: str, floats: bool) -> str:
    """A tally as results show it: integral floats as ints (``100``, not ``100.0``)."""
    if not floats:
        return name
    return f"(_T_int({name}) if {name}.__class__ is _T_float and {name}.is_integer() else {name})"


__all__ = ["CHUNK", "criterion", "decision", "integral_points", "marks", "tallies", "whens", "whole"]
