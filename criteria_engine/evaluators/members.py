"""Members of a collection as a parent's rules read them: small projections, grouped by parent.

When a dataset is evaluated bottom-up, each member (a household, a village...) is reduced to
the few fields its parent's rules read, and grouped under the id of the parent it links to:

* a **projection** holds ``id``, the member's own fields and results that the parent's
  expressions read (``status``, ``verdicts``, a declared field...), nothing else;
* a member whose evaluation is not determined (``undetermined`` or ``invalid``) has unknown
  results: ``status``, ``rating``, ``score`` and ``percent`` are None, as is each ``unknown``
  verdict (an invalid member's fields are None too). Aggregates then exclude it from their
  denominators and count it as unknown, or count it as failing when the collection says
  ``unknown: fail``;
* projections without an id are **interned**: members with equal projections share one dict,
  so a village's 400 households cost a list of 400 pointers, not 400 records. The first
  :data:`IDS_KEPT` members of each distinct projection keep their id, which is enough to name
  the first failing members in explanations (a member among the first five failing ones is
  among the first five of its own projection, since failing depends only on the projection).

A :class:`Members` list carries the collection's policy (``min_known``, ``unknown_policy``)
for the aggregate helpers of :mod:`criteria_engine.rules.runtime`, and what explanations need
(``subject``, the member set's ``title``, how many members are ``known``, status counts).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING

from ..format.models import Collection, CriteriaSet, Text
from ..results import Result, Status, Verdict
from ..rules import ast
from ..rules.functions import AGGREGATES
from ..rules.trace import FALSE_IDS_SHOWN

if TYPE_CHECKING:
    from .plan import Plan

IDS_KEPT = FALSE_IDS_SHOWN
"""Members of each distinct projection (per parent) that keep their id."""

RESULT_FIELDS = ("status", "rating", "score", "percent", "verdicts")
DETERMINED = (Status.PASSED, Status.FAILED)

Projection = dict[str, object]


class Members(list[Projection]):
    """A parent's member list, with the collection's policy and facts for explanations."""

    __slots__ = ("collection", "known", "min_known", "statuses", "subject", "title", "unknown_policy")

    def __init__(
        self,
        items: Iterable[Projection] = (),
        *,
        collection: str = "",
        subject: str = "",
        title: Text | None = None,
        min_known: int = 0,
        unknown_policy: str = "exclude",
    ) -> None:
        super().__init__(items)
        self.collection = collection
        self.subject = subject
        self.title = title
        self.min_known = min_known
        self.unknown_policy = unknown_policy
        self.known = 0
        """Members whose evaluation is determined (every member of a collection without a set)."""
        self.statuses: dict[str, int] = {}
        """Members by status (``passed``, ``failed``, ``undetermined``, ``invalid``)."""

    @classmethod
    def of(cls, name: str, spec: Collection, member_set: CriteriaSet | None) -> Members:
        """An empty member list for the collection ``name``."""
        return cls(
            collection=name,
            subject=spec.subject,
            title=member_set.title if member_set is not None else None,
            min_known=spec.min_known,
            unknown_policy=spec.unknown,
        )

    def like(self) -> Members:
        """An empty list with the same attributes (for explanations kept after a run)."""
        out = Members(
            collection=self.collection,
            subject=self.subject,
            title=self.title,
            min_known=self.min_known,
            unknown_policy=self.unknown_policy,
        )
        out.known, out.statuses = self.known, dict(self.statuses)
        return out

    def __reduce__(self) -> tuple[object, ...]:
        state = {name: getattr(self, name) for name in self.__slots__}
        return (Members, (list(self),), state)

    def __setstate__(self, state: Mapping[str, object]) -> None:
        for name, value in state.items():
            setattr(self, name, value)


def fields_read(plan: Plan, collection: str) -> frozenset[str] | None:
    """The member fields ``plan``'s expressions read from ``collection`` (None: all of them).

    ``share(households, h.status == Status.PASSED)`` reads ``status``; ``h.verdicts.K1`` reads
    ``verdicts``. A member used whole (not through a field) makes every field read.
    """
    found: set[str] = set()
    prefix = f"{collection}."
    for expression in plan.expressions().values():
        if collection not in expression.names:
            continue
        found.update(
            path[len(prefix) :].split(".")[0] for path in expression.fields_read if path.startswith(prefix)
        )
        for node in ast.walk(expression.tree):
            if _reads_whole_member(node, collection):
                return None
    return frozenset(found)


def _reads_whole_member(node: ast.Expr, collection: str) -> bool:
    if not (isinstance(node, ast.Call) and node.func in AGGREGATES and node.member is not None):
        return False
    first = node.args[0]
    if not (isinstance(first, ast.Name) and first.id == collection):
        return False
    inner = [
        n
        for part in (*node.args[1:], *((node.weight,) if node.weight is not None else ()))
        for n in ast.walk(part)
    ]
    bases = {id(n.value) for n in inner if isinstance(n, ast.Attribute)}
    return any(isinstance(n, ast.Name) and n.id == node.member and id(n) not in bases for n in inner)


def _hashable(value: object) -> Hashable | None:
    if isinstance(value, dict):
        return tuple(value.items())
    if isinstance(value, list):
        return None
    return value if isinstance(value, Hashable) else None


class Projector:
    """Reduces members to projections for one collection; interns equal projections."""

    def __init__(self, fields: frozenset[str] | None, own_fields: Iterable[str]) -> None:
        self.fields = fields
        self.own = tuple(own_fields) if fields is None else tuple(f for f in fields if f not in RESULT_FIELDS)
        self.results = RESULT_FIELDS if fields is None else tuple(f for f in RESULT_FIELDS if f in fields)
        self._interned: dict[Hashable, Projection] = {}

    def values(self, result: Result | None, record: Mapping[str, object]) -> Projection:
        """The projected values of one member (without its id)."""
        out: Projection = {}
        determined = result is None or result.status in DETERMINED
        valid = result is None or result.status != Status.INVALID
        for name in self.results:
            if name == "verdicts":
                out[name] = (
                    {c.id: (None if c.verdict == Verdict.UNKNOWN else c.verdict) for c in result.criteria}
                    if result
                    else None
                )
            elif not determined or result is None:
                out[name] = None
            else:
                out[name] = result.percent if name == "percent" else getattr(result, name)
        for name in self.own:
            if name == "id":
                continue
            out[name] = record.get(name) if valid else None
        return out

    def intern(self, values: Projection) -> tuple[Projection, Hashable | None]:
        """The shared dict for ``values`` and its key (None when it cannot be shared)."""
        parts = tuple(_hashable(v) for v in values.values())
        if any(p is None and v is not None for p, v in zip(parts, values.values(), strict=True)):
            return values, None
        key = (tuple(values), parts)
        return self._interned.setdefault(key, values), key


class MemberGroups:
    """Projections of one collection's members, grouped by the parent id they link to."""

    def __init__(
        self, name: str, spec: Collection, member_set: CriteriaSet | None, projector: Projector
    ) -> None:
        self.name = name
        self.spec = spec
        self.member_set = member_set
        self.projector = projector
        self.groups: dict[str, Members] = {}
        self._shapes: dict[str, dict[Hashable, int]] = {}
        self.pool: Members | None = None
        """Every member in input order, when the collection is pooled (see :meth:`pooling`)."""

    def pooling(self) -> None:
        """Also keep every member in one list (for a whole-dataset figure, e.g. the province)."""
        self.pool = Members.of(self.name, self.spec, self.member_set)

    def add(
        self,
        parent_id: str,
        member_id: str,
        result: Result | None,
        record: Mapping[str, object],
        valid: bool = True,
    ) -> None:
        """Add one member under its parent: ``result`` None for a collection without a set
        (then ``valid`` False for a row that breaks the collection's declared fields)."""
        members = self.groups.get(parent_id)
        if members is None:
            members = self.groups[parent_id] = Members.of(self.name, self.spec, self.member_set)
            self._shapes[parent_id] = {}
        values = self.projector.values(result, record if valid else {})
        shared, key = self.projector.intern(values)
        projection = shared
        if key is None:
            projection = {"id": member_id, **values}
        else:
            seen = self._shapes[parent_id]
            if seen.get(key, 0) < IDS_KEPT:
                seen[key] = seen.get(key, 0) + 1
                projection = {"id": member_id, **shared}
        for target in (members, self.pool):
            if target is None:
                continue
            target.append(projection if target is members else {"id": member_id, **values})
            status = (Status.PASSED if valid else Status.INVALID) if result is None else result.status
            if status in DETERMINED:
                target.known += 1
            if result is not None or not valid:
                target.statuses[status] = target.statuses.get(status, 0) + 1

    def members(self, parent_id: str) -> Members:
        """The member list of ``parent_id`` (empty when it has none)."""
        found = self.groups.get(parent_id)
        return found if found is not None else Members.of(self.name, self.spec, self.member_set)


__all__ = ["IDS_KEPT", "MemberGroups", "Members", "Projection", "Projector", "fields_read"]
