"""Every expression of a criteria set, checked against the set's scope and located in its file.

The walk visits derived values, measures, rules, graded values and band marks in evaluation
order; each expression is type-checked against the scope (:mod:`.scope`), derived values join
the scope in file order, and every problem is located at its exact line and column. The
compiler (:mod:`criteria_engine.evaluators.compiler`) and whole-document validation
(:mod:`.validation`) both use it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import Diagnostic, DocPath
from ..format.loader import SourceMap
from ..format.models import CriteriaSet
from ..messages import Msg, msg
from .checker import CheckedExpression, check
from .parser import ExpressionDiagnostic, problem
from .scope import MemberSetResolver, base_scope
from .types import BOOLEAN, NUMBER, Type, describe, is_numeric, is_stringlike


@dataclass(frozen=True)
class ExpressionSite:
    """Where an expression sits in the document, what it is for, and the type it must have."""

    path: DocPath
    text: str
    expect: str  # "boolean" | "number" | "graded-table" | "any"


def expression_sites(cs: CriteriaSet) -> Iterator[ExpressionSite]:
    """Every expression of a set, in evaluation order (derived values first)."""
    for name, derived in cs.derived.items():
        yield ExpressionSite(("derived", name, "expr"), derived.expr, "any")
    # Measures are computed before the criteria, so a rule may read one (``hi >= 69``).
    for name, measure in cs.measures.items():
        yield ExpressionSite(("measures", name, "expr"), measure.expr, "number")
    for index, consistency in enumerate(cs.checks):
        yield ExpressionSite(("checks", index, "rule"), consistency.rule, "boolean")
    for gi, group in enumerate(cs.groups):
        for ci, criterion in enumerate(group.criteria):
            base: DocPath = ("groups", gi, "criteria", ci)
            if criterion.applies_if is not None:
                yield ExpressionSite((*base, "applies_if"), criterion.applies_if, "boolean")
            if criterion.when is not None:
                yield ExpressionSite((*base, "when"), criterion.when, "boolean")
            if criterion.points_by is not None:
                kind = "graded-table" if criterion.points_by.table is not None else "number"
                yield ExpressionSite((*base, "points_by", "value"), criterion.points_by.value, kind)
    if isinstance(cs.decision.pass_.min_score, str):
        yield ExpressionSite(("decision", "pass", "min_score"), cs.decision.pass_.min_score, "number")
    for ri, rating in enumerate(cs.decision.ratings):
        if isinstance(rating.min_score, str):
            yield ExpressionSite(("decision", "ratings", ri, "min_score"), rating.min_score, "number")
        if rating.when is not None:
            yield ExpressionSite(("decision", "ratings", ri, "when"), rating.when, "boolean")


def _a(ty: Type) -> Msg:
    """'a number', 'an enum': the type with its article, for messages."""
    word = describe(ty)
    return msg("expression-type.an" if word[0] in "aeiou" else "expression-type.a", type=word)


def _kind_problem(site: ExpressionSite, ty: Type) -> Msg | None:
    if site.expect == "boolean" and ty != BOOLEAN:
        return msg("expression-type.rule-boolean", got=_a(ty))
    if site.expect == "number" and not is_numeric(ty):
        return msg("expression-type.must-be-number", got=_a(ty))
    if site.expect == "graded-table" and not is_stringlike(ty):
        return msg("expression-type.table-enum", got=_a(ty))
    return None


@dataclass(frozen=True)
class CheckedSet:
    """Every expression of a set, checked: trees by document path, derived types, problems."""

    expressions: dict[DocPath, CheckedExpression]
    scope: dict[str, Type]
    problems: tuple[tuple[DocPath, ExpressionDiagnostic], ...]


def check_set(cs: CriteriaSet, resolve: MemberSetResolver | None = None) -> CheckedSet:
    """Type-check every expression of ``cs``; derived values join the scope in file order."""
    scope = base_scope(cs, resolve)
    checked: dict[DocPath, CheckedExpression] = {}
    problems: list[tuple[DocPath, ExpressionDiagnostic]] = []
    for site in expression_sites(cs):
        outcome = check(site.text, scope, expect=BOOLEAN if site.expect == "boolean" else None)
        if isinstance(outcome, list):
            problems.extend((site.path, p) for p in outcome)
            if site.path[0] in ("derived", "measures"):
                scope[str(site.path[1])] = NUMBER  # keep checking its readers
            continue
        message = _kind_problem(site, outcome.type)
        if message is not None:
            problems.append((site.path, problem("expression-type", message, 0)))
            continue
        checked[site.path] = outcome
        if site.path[0] in ("derived", "measures"):
            scope[str(site.path[1])] = outcome.type
    return CheckedSet(checked, scope, tuple(problems))


def locate_expression_problem(
    source: SourceMap | None, path: DocPath, problem: ExpressionDiagnostic
) -> Diagnostic:
    """A located diagnostic: the offset inside the expression becomes a file line and column."""
    diag = problem.diagnostic
    diag = dataclasses.replace(diag, line=0, column=0, path=path)
    if source is None:
        return diag
    line, column = source.offset_position(path, problem.offset)
    return diag.located(source.file, line, column)


def expression_diagnostics(
    cs: CriteriaSet, source: SourceMap | None = None, resolve: MemberSetResolver | None = None
) -> list[Diagnostic]:
    """Every expression problem of a set, located in its file."""
    result = check_set(cs, resolve)
    return [locate_expression_problem(source, path, p) for path, p in result.problems]


__all__ = [
    "CheckedSet",
    "ExpressionSite",
    "check_set",
    "expression_diagnostics",
    "expression_sites",
    "locate_expression_problem",
]
