"""Results sent back by worker processes, when the output is not text they can write themselves
(a spreadsheet, the terminal table, a report, a ranked list).

A verdicts-only result travels as a tuple of plain values (pickling 27 criterion objects per
candidate would cost more than evaluating it); anything richer travels whole, without its
plan. :class:`Unpacker` rebuilds items, attaching the plan.
"""

from __future__ import annotations

from dataclasses import replace
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Any

from ..evaluators.plan import Plan
from ..render import Item
from ..results import CriterionResult, Result, Verdict


def _proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


_EMPTY: MappingProxyType[Any, Any] = MappingProxyType({})


def _empty() -> MappingProxyType[Any, Any]:
    return _EMPTY


def _reduce_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[Any, ...]]:
    return (_proxy, (dict(proxy),)) if proxy else (_empty, ())


# Results hold read-only mappings (MappingProxyType), which pickle cannot copy by itself:
# teach multiprocessing's pickler (only it) to send them as the mapping they show.
ForkingPickler.register(MappingProxyType, _reduce_proxy)


def _detached(item: Item) -> Item:
    """The item without its plan (the plan is not sent back with every result)."""
    return replace(item, result=replace(item.result, plan=None))


def pack(item: Item) -> object:
    """An item as sent back by a worker."""
    r = item.result
    if r.kept or any(c.reason or c.values or c.missing or c.aggregates for c in r.criteria):
        return _detached(item)
    verdicts = tuple([c.verdict for c in r.criteria])
    points = tuple([c.points for c in r.criteria])
    return (item.row, item.group, r.id, r.status, r.score, r.max_score, r.rating, verdicts, points,
            r.missing, r.gap, r.errors, dict(r.measures), r.provenance)  # fmt: skip


class Unpacker:
    """Rebuilds items sent by workers, attaching the plan; verdicts-only criterion results are
    shared between candidates (they are immutable), so rebuilding costs a lookup each."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.criteria: dict[tuple[int, str, object, bool], CriterionResult] = {}

    def __call__(self, packed: object) -> Item:
        """The item of one packed value."""
        if isinstance(packed, Item):
            return replace(packed, result=replace(packed.result, plan=self.plan))
        fields: Any = packed
        (row, group, rid, status, score, top, rating, verdicts, points, missing, gap, errors, measures,
         prov) = fields  # fmt: skip
        criteria = tuple(
            [self._criterion(i, v, p) for i, (v, p) in enumerate(zip(verdicts, points, strict=True))]
        )
        result = Result(
            rid, status, score, top, rating, criteria, prov, missing, gap, errors, measures, self.plan,
            row, group,
        )  # fmt: skip
        return Item(row, result, group)

    def _criterion(self, index: int, verdict: Verdict, points: float) -> CriterionResult:
        key = (index, verdict, points, type(points) is float)
        found = self.criteria.get(key)
        if found is None:
            c = self.plan.criteria[index]
            found = CriterionResult(
                c.id,
                c.group.id,
                verdict,
                points,
                c.max_points,
                c.criterion.mandatory,
                c.criterion.veto,
            )
            self.criteria[key] = found
        return found


__all__ = ["Unpacker", "pack"]
