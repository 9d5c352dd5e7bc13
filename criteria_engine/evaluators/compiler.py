"""Compiling a revision: every expression type-checked once, then one generated function.

The expressions are checked by :func:`criteria_engine.rules.set_checks.check_set` (the same
walk validation uses). A valid set becomes a :class:`~criteria_engine.evaluators.plan.Plan`
whose record function is Python source generated from the checked trees (never from file text:
names become local variables, literals go through ``repr``) and compiled once.
"""

from __future__ import annotations

from ..errors import CompileError
from ..format.models import CriteriaSet
from ..rules.scope import MemberSetResolver
from ..rules.set_checks import CheckedSet, check_set, locate_expression_problem


def checked_or_raise(cs: CriteriaSet, resolve: MemberSetResolver | None = None) -> CheckedSet:
    """The checked set, or :class:`CompileError` with every problem."""
    result = check_set(cs, resolve)
    if result.problems:
        raise CompileError([locate_expression_problem(None, path, p) for path, p in result.problems])
    return result


__all__ = ["checked_or_raise"]
