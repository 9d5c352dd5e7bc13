"""The semantic diff of two revisions: what changed in the rules, as typed items.

:func:`diff_revisions` compares two validated models and returns a :class:`RevisionDiff` of
:class:`Change` items, each with a ``kind`` (``criterion-added``, ``threshold-changed``,
``parameter-value-changed``...), a readable ``path`` built from ids (``criteria.C3.when``,
``parameters.income_line.values.rural``), the ``old`` and ``new`` values, and the labels and
unit a sentence needs (:func:`criteria_engine.revisions.describe.describe`).

The diff is of meaning, not of text: revision metadata (version, status, dates, the change
note) is not a change, and an expression rewritten without changing its tree (spacing,
parentheses) is not one either. Swapping the arguments mirrors the diff (:meth:`Change.mirror`).
Pure: no I/O.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from pydantic import BaseModel

from ..format.digest import content_digest, digest
from ..format.models import CriteriaSet, Criterion, InputSpec, Text
from ..format.registry import Revision
from .describe import describe  # one sentence per change (imports nothing from here at run time)

Entity = Literal[
    "set",
    "input",
    "parameter",
    "derived",
    "group",
    "criterion",
    "pass",
    "band",
    "measure",
    "collection",
    "check",
]
ENTITIES: tuple[Entity, ...] = get_args(Entity)
"""The parts of a set, in the order a diff lists them."""

KINDS = (
    "criterion-added",
    "criterion-removed",
    "criterion-moved",
    "group-added",
    "group-removed",
    "rule-changed",
    "threshold-changed",
    "points-changed",
    "mandatory-changed",
    "veto-changed",
    "on-missing-changed",
    "parameter-added",
    "parameter-removed",
    "parameter-changed",
    "parameter-value-changed",
    "derived-added",
    "derived-removed",
    "derived-changed",
    "band-added",
    "band-removed",
    "band-changed",
    "band-order-changed",
    "pass-rule-changed",
    "max-score-changed",
    "input-added",
    "input-removed",
    "input-changed",
    "measure-added",
    "measure-removed",
    "measure-changed",
    "collection-added",
    "collection-removed",
    "collection-changed",
    "check-added",
    "check-removed",
    "check-changed",
    "title-changed",
    "label-changed",
    "description-changed",
    "message-changed",
    "basis-changed",
    "set-changed",
)
"""Every kind of change, stable names for ``--format json``."""

_MIRROR = {"added": "removed", "removed": "added"}


@dataclass(frozen=True)
class Threshold:
    """One number of an expression that changed: ``about`` ``op`` ``old`` -> ``new``.

    ``about`` is what the number is compared with (a name or expression text; '' when the
    number is not in a comparison) and ``op`` the comparison, written with the number on the
    right (``1 <= x`` is ``x >= 1``). ``percent`` marks numbers written as ``95%``.
    """

    about: str
    op: str | None
    old: float | int
    new: float | int
    percent: bool = False
    label: Text | None = None
    unit: str | None = None

    def mirror(self) -> Threshold:
        """The same threshold read from ``new`` back to ``old``."""
        return dataclasses.replace(self, old=self.new, new=self.old)

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {"about": self.about, "op": self.op, "old": self.old, "new": self.new, "percent": self.percent}


@dataclass(frozen=True)
class Change:
    """One change between two revisions (``old`` is None for an addition, ``new`` for a removal)."""

    kind: str
    entity: Entity
    path: str
    old: Any = None
    new: Any = None
    target: str = ""
    """The id or name of the thing changed: a criterion, a parameter, an input, a band."""
    label: Text | None = None
    """Its title or label, for sentences."""
    key: str | None = None
    """The part changed: a table key (``rural``), a field (``min``), a verdict (``fail``)."""
    key_label: Text | None = None
    unit: str | None = None
    thresholds: tuple[Threshold, ...] = ()
    old_words: Text | None = None
    """An expression changed, said in words per language (the rule as ``show`` says it)."""
    new_words: Text | None = None

    def mirror(self) -> Change:
        """The change as seen from the other side (diffing B to A instead of A to B)."""
        head, _, tail = self.kind.rpartition("-")
        kind = f"{head}-{_MIRROR[tail]}" if tail in _MIRROR else self.kind
        thresholds = tuple(t.mirror() for t in self.thresholds)
        return dataclasses.replace(
            self,
            kind=kind,
            old=self.new,
            new=self.old,
            thresholds=thresholds,
            old_words=self.new_words,
            new_words=self.old_words,
        )

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys (no sentence; renderers add one)."""
        return {
            "kind": self.kind,
            "entity": self.entity,
            "path": self.path,
            "target": self.target,
            "key": self.key,
            "label": self.label,
            "key_label": self.key_label,
            "old": self.old,
            "new": self.new,
            "unit": self.unit,
            "thresholds": [t.to_dict() for t in self.thresholds],
        }


@dataclass(frozen=True)
class RevisionInfo:
    """The revision metadata shown in a diff's heading."""

    set_id: str
    version: str
    digest: str
    status: str
    effective_from: str
    effective_to: str | None
    title: Text
    changes: Text | None
    subject: str

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.set_id}@{self.version}"

    @classmethod
    def of(cls, model: CriteriaSet) -> RevisionInfo:
        """The metadata of a model."""
        end = model.effective_to.isoformat() if model.effective_to else None
        return cls(
            model.id,
            model.version,
            digest(model),
            model.status,
            model.effective_from.isoformat(),
            end,
            dict(model.title),
            dict(model.changes) if model.changes else None,
            model.subject,
        )

    def to_dict(self) -> dict[str, object]:
        """Plain data with stable keys."""
        return {
            "id": self.set_id,
            "version": self.version,
            "digest": self.digest,
            "status": self.status,
            "effective_from": self.effective_from,
            "effective_to": self.effective_to,
            "changes": self.changes,
        }


@dataclass(frozen=True)
class RevisionDiff:
    """Every change from revision ``a`` to revision ``b``, in the order of :data:`ENTITIES`."""

    a: RevisionInfo
    b: RevisionInfo
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def of_kind(self, *kinds: str) -> list[Change]:
        """The changes of the given kinds."""
        return [c for c in self.changes if c.kind in kinds]

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, in the order of :data:`KINDS`."""
        found = {k: sum(1 for c in self.changes if c.kind == k) for k in KINDS}
        return {k: n for k, n in found.items() if n}


def plain(value: object) -> Any:
    """A model value as JSON data (models dumped with their aliases, tuples as lists)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def diff_revisions(a: CriteriaSet | Revision, b: CriteriaSet | Revision) -> RevisionDiff:
    """Every change from revision ``a`` to revision ``b`` (empty when the rules are the same)."""
    model_a = a.model if isinstance(a, Revision) else a
    model_b = b.model if isinstance(b, Revision) else b
    info = (RevisionInfo.of(model_a), RevisionInfo.of(model_b))
    if content_digest(model_a) == content_digest(model_b):
        return RevisionDiff(*info)
    from ._compare import compare  # the walk over every part of the two models

    changes = compare(model_a, model_b)
    order = {entity: i for i, entity in enumerate(ENTITIES)}
    ranked = sorted(enumerate(changes), key=lambda item: (order[item[1].entity], item[0]))
    return RevisionDiff(*info, tuple(c for _, c in ranked))


def input_label(inputs: Mapping[str, InputSpec], by: str | None, key: str) -> Text | None:
    """The label of an enum input's value (``rural`` -> Nông thôn / Rural), if declared."""
    spec = inputs.get(by) if by else None
    labels = spec.value_labels if spec is not None else None
    return dict(labels[key]) if labels and key in labels else None


def criteria_by_id(model: CriteriaSet) -> dict[str, tuple[str, Criterion]]:
    """Criterion id -> (its group's id, the criterion), in file order."""
    return {c.id: (g.id, c) for g in model.groups for c in g.criteria}


def ordered_union(first: Iterable[str], second: Iterable[str]) -> list[str]:
    """The keys of ``second`` in its order, then those only in ``first`` in theirs."""
    keys = list(second)
    keys.extend(k for k in first if k not in keys)
    return keys


__all__ = [
    "ENTITIES",
    "KINDS",
    "Change",
    "RevisionDiff",
    "RevisionInfo",
    "Threshold",
    "describe",
    "diff_revisions",
    "plain",
]
