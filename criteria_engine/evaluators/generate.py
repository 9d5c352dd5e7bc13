"""Generating the Python source of a set's record function from its checked expressions.

The generated function ``run(rec)`` binds each name the rules read to a local variable once,
computes derived values in file order, then each criterion's verdict and points, the pass
mark, the band marks and conditions and the measures, and returns them as tuples. Nothing
of the file's text reaches the source except through ``repr`` of literal values and the
expression emitter, which writes only whitelisted forms over sanitized local names.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DocPath
from ..format.models import CriteriaSet, Criterion
from ..format.semantics import criterion_max_points
from ..results import Verdict
from ..rules import CheckedExpression, emit
from ..rules.set_checks import CheckedSet

VERDICTS = {
    "V_PASS": Verdict.PASS,
    "V_FAIL": Verdict.FAIL,
    "V_UNKNOWN": Verdict.UNKNOWN,
    "V_NA": Verdict.NOT_APPLICABLE,
}
"""The verdicts as the generated code names them (constants of its namespace)."""
VERDICT_OF_MISSING = {"unknown": "V_UNKNOWN", "fail": "V_FAIL", "pass": "V_PASS"}


@dataclass(frozen=True)
class Generated:
    """The generated source and the constants its namespace needs."""

    source: str
    constants: dict[str, object]


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str, indent: int = 1) -> None:
        self.lines.append("    " * indent + line)


def _names(cs: CriteriaSet, checked: CheckedSet) -> dict[str, str]:
    """Every scope name -> the local variable the generated code binds it to."""
    order = [*cs.inputs, *cs.parameters, *cs.collections, *cs.derived, *cs.measures]
    return {name: f"n{index}" for index, name in enumerate(order)}


def _bind(
    cs: CriteriaSet, names: dict[str, str], constants: dict[str, object], w: _Writer, used: set[str]
) -> None:
    for name in cs.inputs:
        if name in used:
            w(f"{names[name]} = get({name!r})")
    for name in cs.collections:
        if name in used:
            w(f"{names[name]} = get({name!r})")
    for name, param in cs.parameters.items():
        if name not in used:
            continue
        const = f"K_{names[name]}"
        if param.by is None:
            constants[const] = param.value
            w(f"{names[name]} = {const}")
        else:
            constants[const] = dict(param.values or {})
            w(f"{names[name]} = {const}.get(get({param.by!r}))")


def _used_names(checked: CheckedSet, cs: CriteriaSet) -> set[str]:
    used: set[str] = set()
    for expression in checked.expressions.values():
        used.update(expression.names)
    # Derived values are computed only when read; their own reads count once they are.
    computed = [("derived", name) for name in cs.derived] + [("measures", name) for name in cs.measures]
    for section, name in reversed(computed):
        if name in used or section == "measures":
            used.add(name)
            used.update(checked.expressions[(section, name, "expr")].names)
    return used


def _expr(checked: CheckedSet, path: DocPath, names: dict[str, str]) -> str:
    expression: CheckedExpression = checked.expressions[path]
    return emit(expression, names)


def _criterion(
    gi: int,
    ci: int,
    criterion: Criterion,
    index: int,
    checked: CheckedSet,
    names: dict[str, str],
    constants: dict[str, object],
    w: _Writer,
) -> None:
    base = ("groups", gi, "criteria", ci)
    verdict, points = f"v{index}", f"p{index}"
    indent = 1
    if criterion.applies_if is not None:
        w(f"a = {_expr(checked, (*base, 'applies_if'), names)}")
        w(f"if a is False: {verdict} = V_NA; {points} = 0")
        w("elif a is None:")
        w(f"{verdict} = V_UNKNOWN; {points} = 0", 2)
        w("else:")
        indent = 2
    missing = VERDICT_OF_MISSING[criterion.on_missing]
    if criterion.points_by is None:
        full = criterion.points
        missing_points = full if criterion.on_missing == "pass" else 0
        w(f"x = {_expr(checked, (*base, 'when'), names)}", indent)
        w(f"if x is True: {verdict} = V_PASS; {points} = {full!r}", indent)
        w(f"elif x is False: {verdict} = V_FAIL; {points} = 0", indent)
        w(f"else: {verdict} = {missing}; {points} = {missing_points!r}", indent)
        return
    graded = criterion.points_by
    top = max([*(graded.table or {}).values(), *(b.points for b in graded.bands or [])], default=0)
    missing_points = top if criterion.on_missing == "pass" else 0
    w(f"x = {_expr(checked, (*base, 'points_by', 'value'), names)}", indent)
    w(f"if x is None: {verdict} = {missing}; {points} = {missing_points!r}", indent)
    w("else:", indent)
    if graded.table is not None:
        const = f"G{index}"
        constants[const] = dict(graded.table)
        w(f"{points} = {const}.get(x, 0)", indent + 1)
    else:
        chain = "0"
        for band in reversed(graded.bands or []):
            chain = f"{band.points!r} if x >= {band.min!r} else ({chain})"
        w(f"{points} = {chain}", indent + 1)
    w(f"{verdict} = V_PASS if {points} > 0 else V_FAIL", indent + 1)


def _computed(
    cs: CriteriaSet, checked: CheckedSet, names: dict[str, str], used: set[str], w: _Writer
) -> None:
    """Derived values, then measures, in file order (each may read the ones before it)."""
    for section, items in (("derived", cs.derived), ("measures", cs.measures)):
        for name in items:
            if name in used:
                w(f"{names[name]} = {_expr(checked, (section, name, 'expr'), names)}")


def _tally(cs: CriteriaSet, w: _Writer) -> None:
    """Score, applicable maximum, points still open, and the gates, written out per criterion.

    ``score`` sums the points earned; ``top`` the maxima of applicable criteria; ``loose`` the
    points unknown criteria could still earn; ``gate_fail`` / ``gate_unknown`` whether a veto
    (or a mandatory criterion, when the pass rule wants all of them) failed or is unknown.
    """
    criteria = cs.criteria()
    all_mandatory = cs.decision.pass_.all_mandatory
    fixed = 0.0
    top_terms: list[str] = []
    loose_terms: list[str] = []
    gates: list[int] = []
    for i, criterion in enumerate(criteria):
        full = criterion_max_points(criterion)
        if criterion.applies_if is None:
            fixed += full
        elif full:
            top_terms.append(f"({full!r} if v{i} != V_NA else 0)")
        if full:
            loose_terms.append(f"({full!r} - p{i} if v{i} == V_UNKNOWN else 0)")
        if criterion.veto or (criterion.mandatory and all_mandatory):
            gates.append(i)
    w("score = " + (" + ".join(f"p{i}" for i in range(len(criteria))) or "0"))
    w("top = " + " + ".join([repr(fixed), *top_terms]))
    w("loose = " + (" + ".join(loose_terms) or "0"))
    w("gate_fail = " + (" or ".join(f"v{i} == V_FAIL" for i in gates) or "False"))
    w("gate_unknown = " + (" or ".join(f"v{i} == V_UNKNOWN" for i in gates) or "False"))


def generate(cs: CriteriaSet, checked: CheckedSet) -> Generated:
    """The source of ``run(rec)`` and ``env(rec)`` for a checked set."""
    names = _names(cs, checked)
    constants: dict[str, object] = dict(VERDICTS)
    w = _Writer()
    w("def run(rec):", 0)
    w("get = rec.get")
    used = _used_names(checked, cs)
    _bind(cs, names, constants, w, used)
    _computed(cs, checked, names, used, w)
    index = 0
    for gi, group in enumerate(cs.groups):
        for ci, criterion in enumerate(group.criteria):
            _criterion(gi, ci, criterion, index, checked, names, constants, w)
            index += 1
    count = index
    _tally(cs, w)
    verdicts = "".join(f"v{i}, " for i in range(count))
    points = "".join(f"p{i}, " for i in range(count))
    pass_min = cs.decision.pass_.min_score
    pass_expr = (
        _expr(checked, ("decision", "pass", "min_score"), names)
        if isinstance(pass_min, str)
        else repr(pass_min)
    )
    marks: list[str] = []
    whens: list[str] = []
    for ri, rating in enumerate(cs.decision.ratings):
        mark = rating.min_score
        marks.append(
            _expr(checked, ("decision", "ratings", ri, "min_score"), names)
            if isinstance(mark, str)
            else repr(mark)
        )
        whens.append(
            _expr(checked, ("decision", "ratings", ri, "when"), names) if rating.when is not None else "True"
        )
    measures = [names[name] for name in cs.measures]
    w(
        f"return ({verdicts}), ({points}), score, top, loose, gate_fail, gate_unknown, {pass_expr}, "
        f"({''.join(m + ', ' for m in marks)}), "
        f"({''.join(x + ', ' for x in whens)}), ({''.join(m + ', ' for m in measures)})"
    )
    # env(rec): every name's value, for explanations (values read, aggregate details).
    w("def env(rec):", 0)
    w("get = rec.get")
    every = set(names)
    _bind(cs, names, constants, w, every)
    _computed(cs, checked, names, every, w)
    pairs = ", ".join(f"{name!r}: {var}" for name, var in names.items())
    w(f"return {{{pairs}}}")
    return Generated("\n".join(w.lines) + "\n", constants)


__all__ = ["Generated", "generate"]
