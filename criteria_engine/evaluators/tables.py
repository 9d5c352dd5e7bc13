"""What a dataset evaluation reads: tables of typed records, handed in by a higher layer.

The roll-up (:mod:`.rollup`) evaluates tables bottom-up and never opens a file: it asks a
:class:`Tables` for the records of a table, already converted to the types of the inputs it
names in :class:`TableFields`, and for one field of every row (ids and links, read before a
pass). :class:`criteria_engine.io.dataset_tables.DatasetTables` is the implementation over
files; a test or an integrator can hand in records from anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ..errors import Diagnostic
from ..format.models import InputSpec


@dataclass(frozen=True)
class TableFields:
    """The fields the engine reads from one table.

    ``inputs`` are converted by their declared types; the candidate id comes under
    ``id_field`` and each of ``links`` (the parent a row belongs to) under its own name, both
    as id text (:func:`~criteria_engine.evaluators.records.id_text`). ``others`` are the inputs
    of other sets evaluated on the same table: their columns are read by those sets, so they
    are not reported as unknown here.
    """

    inputs: Mapping[str, InputSpec]
    id_field: str = "id"
    links: tuple[str, ...] = ()
    others: tuple[Mapping[str, InputSpec], ...] = ()


class TableRow(NamedTuple):
    """One row of a table: where it is (its row number in its file), its record, its problems."""

    line: int
    record: dict[str, object]
    problems: list[Diagnostic]


class Tables(Protocol):
    """Tables of records by subject, as the roll-up reads them (see the module documentation)."""

    @property
    def where(self) -> str:
        """Where the tables come from (a folder or a file), for messages."""
        ...

    def tables(self) -> list[str]:
        """The table names, sorted."""
        ...

    def resolve(self, subject: str) -> str | None:
        """The table serving ``subject`` (None when there is none)."""
        ...

    def file(self, table: str) -> str:
        """The file a table is read from, for messages."""
        ...

    def notes(self, table: str, fields: TableFields) -> list[Diagnostic]:
        """Problems of the table's columns for ``fields`` (unknown, missing, ambiguous...)."""
        ...

    def provides(self, table: str, name: str, fields: TableFields) -> bool:
        """Whether the table has a column giving ``name`` (an input, the id or a link)."""
        ...

    def rows(self, table: str, fields: TableFields) -> Iterator[TableRow]:
        """Every row of the table, in order, as a typed record (each call reads anew)."""
        ...

    def column(self, table: str, name: str, fields: TableFields) -> Iterator[tuple[int, str | None]]:
        """(row number, id text) of one field (the id or a link) of every row, in order."""
        ...


def input_named(inputs: Mapping[str, InputSpec], name: str) -> str | None:
    """The input called ``name`` by its name or one of its aliases (exactly, then ignoring case)."""
    if name in inputs:
        return name
    for level in (lambda s: s, str.casefold):
        wanted = level(name)
        found = [n for n, spec in inputs.items() if wanted in {level(a) for a in (n, *spec.aliases)}]
        if len(found) == 1:
            return found[0]
    return None


__all__ = ["TableFields", "TableRow", "Tables", "input_named"]
