"""What the compiled plan knows of each criterion at compile time (shared by the code generator,
the reference explanation path and the wording layer)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..format.models import CriteriaSet, Criterion, Group
from ..format.semantics import criterion_max_points
from ..rules import CheckedExpression, ast
from ..rules.set_checks import CheckedSet


@dataclass(frozen=True)
class CriterionPlan:
    """A criterion as compiled: its model, group, maximum and its checked expressions."""

    criterion: Criterion
    group: Group
    max_points: float
    rule: CheckedExpression | None
    applies: CheckedExpression | None
    inputs_read: tuple[str, ...]
    template_names: tuple[str, ...] = ()
    """Names the criterion's message templates show (their values are kept in results)."""
    shown: tuple[str, ...] = ()
    """Every name whose value a result keeps: read by the rule or applies_if, or shown by a message."""
    aggregated: bool = False
    """Whether the rule calls a function (aggregates' details are kept for explanations)."""
    derived_read: tuple[str, ...] = ()
    """The derived values the rule reads, directly or through others, in file order (an
    overflow in one of them is why the rule is unknown)."""
    path: tuple[str | int, ...] = ()
    """The criterion's place in the document (``("groups", 0, "criteria", 2)``)."""
    derived_expressions: Mapping[str, CheckedExpression] = field(default_factory=dict, compare=False)
    """The checked expressions of :attr:`derived_read`, by name."""

    @property
    def id(self) -> str:
        """The criterion's id."""
        return self.criterion.id

    @property
    def rule_path(self) -> tuple[str | int, ...]:
        """Where the rule is written (``when``, or ``points_by.value``)."""
        return (
            (*self.path, "when") if self.criterion.points_by is None else (*self.path, "points_by", "value")
        )


def inputs_read(cs: CriteriaSet, names: Iterable[str], checked: CheckedSet) -> tuple[str, ...]:
    """The inputs a set of names reads, through parameters' ``by`` and derived values."""
    out: list[str] = []
    seen: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if name in cs.inputs or name in cs.collections:
            out.append(name)
        elif name in cs.parameters and cs.parameters[name].by:
            stack.append(str(cs.parameters[name].by))
        elif name in cs.derived:
            expression = checked.expressions.get(("derived", name, "expr"))
            stack.extend(expression.names if expression else ())
    return tuple(out)


def derived_read(cs: CriteriaSet, names: Iterable[str], checked: CheckedSet) -> tuple[str, ...]:
    """The derived values read by ``names``, directly or through other derived values."""
    found: set[str] = set()
    stack = [n for n in names if n in cs.derived]
    while stack:
        name = stack.pop()
        if name in found:
            continue
        found.add(name)
        expression = checked.expressions.get(("derived", name, "expr"))
        stack.extend(n for n in (expression.names if expression else ()) if n in cs.derived)
    return tuple(name for name in cs.derived if name in found)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _template_names(criterion: Criterion, scope: Mapping[str, object]) -> tuple[str, ...]:
    messages = criterion.message
    if messages is None:
        return ()
    found: list[str] = []
    for text in (messages.pass_, messages.fail, messages.unknown, messages.not_applicable):
        for template in (text or {}).values():
            found.extend(n for n in _PLACEHOLDER.findall(template) if n in scope and n not in found)
    return tuple(found)


def criterion_plans(cs: CriteriaSet, checked: CheckedSet) -> Iterator[CriterionPlan]:
    """Every criterion of ``cs`` as compiled, in file order."""
    for gi, group in enumerate(cs.groups):
        for ci, criterion in enumerate(group.criteria):
            base = ("groups", gi, "criteria", ci)
            rule = checked.expressions.get((*base, "when")) or checked.expressions.get(
                (*base, "points_by", "value")
            )
            applies = checked.expressions.get((*base, "applies_if"))
            names = [*(rule.names if rule else ()), *(applies.names if applies else ())]
            templates = _template_names(criterion, checked.scope)
            read = derived_read(cs, rule.names if rule else (), checked)
            yield CriterionPlan(
                criterion,
                group,
                criterion_max_points(criterion),
                rule,
                applies,
                inputs_read(cs, names, checked),
                templates,
                tuple(
                    dict.fromkeys(
                        [*(applies.names if applies else ()), *(rule.names if rule else ()), *templates]
                    )
                ),
                rule is not None and any(isinstance(n, ast.Call) for n in ast.walk(rule.tree)),
                read,
                base,
                {name: checked.expressions[("derived", name, "expr")] for name in read},
            )


__all__ = ["CriterionPlan", "criterion_plans", "derived_read", "inputs_read"]
