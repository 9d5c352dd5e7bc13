"""The names a set's expressions may read, with their static types.

Inputs, parameters, derived values and collections form one scope. Derived values are typed
in file order (a derived value may read the ones defined before it). Members of a collection
are records of their declared ``fields`` plus their own evaluation: ``id``, ``status``,
``rating``, ``score``, ``percent`` and, when the members' set is known, ``verdicts``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..format.models import Collection, CriteriaSet, InputSpec
from ..results import Status, Verdict
from .types import BOOLEAN, DATE, INTEGER, NUMBER, STRING, EnumType, ListType, RecordType, Type

STATUSES = tuple(Status)
VERDICTS = tuple(Verdict)

MemberSetResolver = Callable[[str], CriteriaSet | None]
"""Finds the set a collection's members are evaluated with (by set id), or None."""


def input_type(spec: InputSpec) -> Type:
    """The expression type of a data-dictionary field."""
    match spec.type:
        case "integer":
            return INTEGER
        case "number":
            return NUMBER
        case "boolean":
            return BOOLEAN
        case "string":
            return STRING
        case "enum":
            return EnumType(spec.values or ())
        case "date":
            return DATE
        case _:
            return ListType(record_type(spec.items or {}))


def record_type(fields: Mapping[str, InputSpec]) -> RecordType:
    """The record type of a mapping of field specs."""
    return RecordType({name: input_type(spec) for name, spec in fields.items()})


def member_type(collection: Collection, member_set: CriteriaSet | None) -> RecordType:
    """The record type of a collection's members: declared fields plus their evaluation."""
    fields: dict[str, Type] = {name: input_type(spec) for name, spec in collection.fields.items()}
    if member_set is not None:
        for name, spec in member_set.inputs.items():
            fields.setdefault(name, input_type(spec))
    fields["id"] = STRING
    if collection.criteria_set is not None:
        fields["status"] = EnumType(STATUSES)
        fields["rating"] = STRING
        fields["score"] = NUMBER
        fields["percent"] = NUMBER
        if member_set is not None:
            verdict = EnumType(VERDICTS)
            fields["verdicts"] = RecordType({c.id: verdict for c in member_set.criteria()})
    return RecordType(fields)


def base_scope(cs: CriteriaSet, resolve: MemberSetResolver | None = None) -> dict[str, Type]:
    """Inputs, parameters and collections (derived values are added by the compiler)."""
    scope: dict[str, Type] = {name: input_type(spec) for name, spec in cs.inputs.items()}
    for name, param in cs.parameters.items():
        if param.by is not None:
            scope[name] = NUMBER
        elif isinstance(param.value, bool):
            scope[name] = BOOLEAN
        elif isinstance(param.value, int):
            scope[name] = INTEGER
        elif isinstance(param.value, str):
            scope[name] = STRING
        else:
            scope[name] = NUMBER  # a float, or no value (that shape error is reported apart)
    for name, collection in cs.collections.items():
        member_set = resolve(collection.criteria_set) if resolve and collection.criteria_set else None
        scope[name] = ListType(member_type(collection, member_set))
    return scope


__all__ = [
    "STATUSES",
    "VERDICTS",
    "MemberSetResolver",
    "base_scope",
    "input_type",
    "member_type",
    "record_type",
]
