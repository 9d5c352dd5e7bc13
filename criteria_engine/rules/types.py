"""Static types of the expression language.

Types are immutable, hashable values. ``INTEGER`` is a subtype of ``NUMBER``; an ``EnumType``
is a string restricted to its values; a ``ListType`` holds records (the members an aggregate
iterates over); ``ANY`` is the type of the ``null`` literal and fits everywhere.

At run time the values are ``int``, ``float``, ``bool``, ``str``, ``datetime.date``, ``dict``
(a record), ``list[dict]`` (a list of records) and ``None`` (missing or unknown).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class ScalarType:
    """A type without parameters: number, integer, boolean, string, date, any."""

    name: str

    def __str__(self) -> str:
        return self.name


NUMBER = ScalarType("number")
INTEGER = ScalarType("integer")
BOOLEAN = ScalarType("boolean")
STRING = ScalarType("string")
DATE = ScalarType("date")
ANY = ScalarType("null")


@dataclass(frozen=True, slots=True, init=False)
class EnumType:
    """A string that takes one of ``values``; literals outside them are type errors."""

    values: tuple[str, ...]

    def __init__(self, values: Iterable[str]) -> None:
        object.__setattr__(self, "values", tuple(values))

    def __str__(self) -> str:
        return f"enum ({', '.join(self.values)})"


@dataclass(frozen=True, slots=True, init=False, eq=False)
class RecordType:
    """A record with named, typed fields (a member of a list, or a nested record).

    ``fields`` is a read-only mapping; equality and hashing go by the sorted field items, so
    a record type can be built from any mapping and still be used as a dictionary key.
    """

    fields: Mapping[str, Type]
    _key: tuple[tuple[str, Type], ...] = field(repr=False)

    def __init__(self, fields: Mapping[str, Type] | Iterable[tuple[str, Type]]) -> None:
        items = dict(fields.items() if isinstance(fields, Mapping) else fields)
        object.__setattr__(self, "fields", MappingProxyType(items))
        object.__setattr__(self, "_key", tuple(sorted(items.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecordType) and self._key == other._key

    def __hash__(self) -> int:
        return hash(("record", self._key))

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields)

    def __str__(self) -> str:
        return "record"


@dataclass(frozen=True, slots=True)
class ListType:
    """A list of records: the collections aggregates iterate over."""

    item: RecordType

    def __str__(self) -> str:
        return "list"


Type = ScalarType | EnumType | RecordType | ListType


def is_numeric(t: Type) -> bool:
    """Number or integer (booleans are not numbers); ``null`` fits too."""
    return t in (NUMBER, INTEGER, ANY)


def is_stringlike(t: Type) -> bool:
    """String or enum."""
    return t == STRING or isinstance(t, EnumType)


def join(a: Type, b: Type) -> Type | None:
    """The least type holding both ``a`` and ``b`` (for ``x if c else y``), or None."""
    if a == b or b == ANY:
        return a
    if a == ANY:
        return b
    if is_numeric(a) and is_numeric(b):
        return NUMBER
    if is_stringlike(a) and is_stringlike(b):
        return STRING
    return None


def fits(actual: Type, expected: Type) -> bool:
    """Whether a value of type ``actual`` may be used where ``expected`` is wanted."""
    if actual in (expected, ANY):
        return True
    if expected == NUMBER:
        return actual == INTEGER
    if expected == STRING:
        return isinstance(actual, EnumType)
    if isinstance(expected, EnumType) and isinstance(actual, EnumType):
        return set(actual.values) <= set(expected.values)
    return False


def describe(t: Type) -> str:
    """A short name for messages: ``number``, ``enum``, ``list``..."""
    return "enum" if isinstance(t, EnumType) else str(t)


__all__ = [
    "ANY",
    "BOOLEAN",
    "DATE",
    "INTEGER",
    "NUMBER",
    "STRING",
    "EnumType",
    "ListType",
    "RecordType",
    "ScalarType",
    "Type",
    "describe",
    "fits",
    "is_numeric",
    "is_stringlike",
    "join",
]
