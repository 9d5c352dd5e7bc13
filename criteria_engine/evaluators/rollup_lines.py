"""The aggregates behind a parent's result, with their numbers, and the sentences that show them.

A village's A1 reads ``hh_happy_pct``, a derived value computed from its households; the
criterion's own result cannot show the numbers, since the aggregate sits in the derived value.
:class:`RollupReader` finds every aggregate over a collection in a plan's expressions (derived
values, measures, criteria), traces it for one candidate and gives one :class:`RollupLine`
each: numerator, denominator, unknown members left out, the value, the first failing members,
the criterion it decides and whether a reported figure was used instead. The sentences that
show them are written by :mod:`criteria_engine.explain.rollup`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..format.models import Text
from ..results import AggregateDetail, Status
from ..rules import CheckedExpression, ast
from ..rules.functions import AGGREGATES
from ..rules.trace import aggregate_traces
from .details import aggregate_detail
from .members import Members

if TYPE_CHECKING:
    from .plan import CriterionPlan, Plan

STATUS_ORDER: tuple[Status, ...] = tuple(Status)
"""The order statuses are counted in, in summaries and roll-ups."""


@dataclass(frozen=True)
class RollupLine:
    """One aggregate over members for one candidate: its numbers and where it is used."""

    collection: str
    call: str
    """The aggregate as written, e.g. ``share(households, h.status == "passed")``."""
    source: str
    """Where it is written: ``derived.hh_happy_pct``, ``measures.ls`` or ``criteria.A1``."""
    criterion: str | None
    """The criterion that reads it directly (None for a figure no criterion compares)."""
    label: Text
    detail: AggregateDetail
    reported: str | None = None
    """The reported-figure input used instead of this roll-up (it was filled in), if any."""
    context: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "collection": self.collection,
            "call": self.call,
            "source": self.source,
            "criterion": self.criterion,
            "reported": self.reported,
            **self.detail.to_dict(),
        }


@dataclass(frozen=True)
class _Call:
    collection: str
    call: str
    field_label: Text | None


@dataclass(frozen=True)
class _Entry:
    checked: CheckedExpression
    source: str
    label: Text
    criterion: CriterionPlan | None
    target_item: CriterionPlan
    reported: str | None
    calls: dict[int, _Call]


def _reported_input(tree: ast.Expr) -> str | None:
    """``X if present(X) else <roll-up>``: the reported-figure input X."""
    if isinstance(tree, ast.Call) and tree.func == "round":
        tree = tree.args[0]
    if isinstance(tree, ast.IfExp) and isinstance(tree.test, ast.Call) and tree.test.func == "present":
        argument = tree.test.args[0]
        if isinstance(argument, ast.Name):
            return argument.id
    return None


class RollupReader:
    """The aggregates over collections in one plan, ready to trace per candidate."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        cs = plan.model
        self.collections = cs.collections
        no_target = dataclasses.replace(plan.criteria[0], rule=None, applies=None)
        direct: dict[str, CriterionPlan] = {}
        for criterion in plan.criteria:
            for name in criterion.rule.names if criterion.rule else ():
                direct.setdefault(name, criterion)
        self.entries: list[_Entry] = []
        for path, checked in plan.expressions().items():
            calls = self._calls(checked)
            if not calls:
                continue
            section, key = str(path[0]), path[1]
            item: CriterionPlan | None
            if section == "groups":
                item = next(
                    c for c in plan.criteria if c.criterion is cs.groups[int(key)].criteria[int(path[3])]
                )
                source, label = f"criteria.{item.id}", item.criterion.title
            elif section in ("derived", "measures"):
                item = direct.get(str(key))
                source = f"{section}.{key}"
                label = (cs.derived[str(key)] if section == "derived" else cs.measures[str(key)]).label
            else:
                continue
            comparable = item is not None and len(calls) == 1
            target = item if comparable and item is not None else no_target
            reported = _reported_input(checked.tree)
            self.entries.append(_Entry(checked, source, label, item, target, reported, calls))
        order = {c.id: i for i, c in enumerate(plan.criteria)}
        self.entries.sort(key=lambda e: order.get(e.criterion.id, len(order)) if e.criterion else len(order))

    def _calls(self, checked: CheckedExpression) -> dict[int, _Call]:
        out: dict[int, _Call] = {}
        for node in ast.walk(checked.tree):
            if not (isinstance(node, ast.Call) and node.func in AGGREGATES and len(node.args) > 1):
                continue  # count(list) is the number of members, shown once per collection
            first = node.args[0]
            if not (isinstance(first, ast.Name) and first.id in self.collections):
                continue
            spec = self.collections[first.id]
            inner = [n for a in node.args[1:] for n in ast.walk(a)]
            read = {
                n.attr
                for n in inner
                if isinstance(n, ast.Attribute)
                and isinstance(n.value, ast.Name)
                and n.value.id == node.member
            }
            label = (
                spec.fields[next(iter(read))].label
                if len(read) == 1 and next(iter(read)) in spec.fields
                else None
            )
            out[node.offset] = _Call(first.id, checked.text[node.offset : node.end], label)
        return out

    def lines(self, env: Mapping[str, object]) -> tuple[RollupLine, ...]:
        """Every aggregate over a collection for the candidate whose names are ``env``."""
        out: list[RollupLine] = []
        seen: set[str] = set()
        for entry in self.entries:
            names = entry.target_item.rule.names if entry.target_item.rule else ()
            reported = entry.reported if entry.reported and env.get(entry.reported) is not None else None
            for trace in aggregate_traces(entry.checked, env):
                call = entry.calls.get(trace.offset)
                if call is None or call.call in seen:
                    continue
                seen.add(call.call)
                members = env.get(call.collection)
                context: dict[str, object] = {n: env.get(n) for n in names}
                if entry.reported:
                    context[entry.reported] = env.get(entry.reported)
                context[call.collection] = members.like() if isinstance(members, Members) else members
                detail = aggregate_detail(trace)
                label = entry.label if call.field_label is None else _joined(entry.label, call.field_label)
                criterion = entry.criterion.id if entry.criterion is not None else None
                out.append(
                    RollupLine(
                        call.collection, call.call, entry.source, criterion, label, detail, reported, context
                    )
                )
        return tuple(out)

    def target(self, line: RollupLine) -> CriterionPlan:
        """The criterion a line's aggregate is compared in (for the wording of its numbers)."""
        return next(e.target_item for e in self.entries if e.source == line.source)


def _joined(first: Text, second: Text) -> Text:
    """Two labels as one (``Tỷ lệ hộ đạt — Tham gia BHYT``), in every language of the first."""
    return {
        lang: f"{text} — {second.get(lang) or next(iter(second.values()))}" for lang, text in first.items()
    }


__all__ = ["STATUS_ORDER", "RollupLine", "RollupReader"]
