"""What happens to each data row of a table once its columns are known: its id, whether it is
a totals row, its empty cells, its group and kept columns, the diagnostics of a repeated id;
then, as a :class:`Unit`, its record (:func:`prepare`).

:class:`RowStage` holds only what the header decided (the column map, the group column, the
columns to keep), so it can be sent to a worker process with a byte range of the file: the
worker reads and converts its rows the way the main process would. What needs the rows
before it (is this id new?) stays with :class:`~criteria_engine.io.records.DataSource`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import Diagnostic, Severity, diagnostic
from ..evaluators.records import id_text
from ..evaluators.rows import SourceRow
from ..format.models import InputSpec
from ..messages import msg
from .children import Child
from .columns import ColumnMap, fold
from .convert import convert_value
from .header_words import total_label
from .readers import RawRow
from .row_convert import RowConverter


@dataclass(frozen=True, slots=True)
class Unit:
    """One data row on its way to evaluation: the raw row, how its columns map, its children."""

    raw: RawRow
    columns: ColumnMap
    file: str
    children: tuple[tuple[str, tuple[Child, ...]], ...] = ()
    group: str | None = None
    kept: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RowStage:
    """How the rows of one table (one column map) are read.

    ``watched`` pairs each input whose empty cells are counted with its header (inputs with a
    ``blank`` value and lists are not counted); ``group_input`` names the input the group
    column converts as, when it is one.
    """

    file: str
    columns: ColumnMap
    tabular: bool
    keep: tuple[str, ...] = ()
    group_field: str | None = None
    group_input: str | None = None
    watched: tuple[tuple[str, str], ...] = ()
    id_header: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id_header", self.columns.id_header)

    def parent(self, raw: RawRow) -> str | None:
        """The row's candidate id as id text (None without an id column or an id)."""
        return id_text(raw.values.get(self.id_header)) if self.id_header else None

    def total(self, raw: RawRow) -> str | None:
        """The label of a totals row ("Tổng cộng"), or None for a row of data."""
        if not self.tabular:
            return None
        return total_label(raw.values.values(), raw.values.get(self.id_header) if self.id_header else None)

    def empties(self, values: Mapping[str, object]) -> list[str]:
        """The inputs whose cell is empty in the row (missing data), by input name. A row
        without an empty cell, the usual one, is told by two scans in C."""
        cells = values.values()
        if "" not in cells and None not in cells:
            return []
        get = values.get
        return [name for header, name in self.watched if (value := get(header)) is None or value == ""]

    def group(self, raw: RawRow, inputs: Mapping[str, InputSpec]) -> str | None:
        """The row's value of the group column, converted like its input when it is one."""
        if self.group_field is None:
            return None
        value = raw.values.get(self.group_field)
        spec = inputs.get(self.group_input) if self.group_input else None
        if spec is not None:
            value, _problem = convert_value(value, spec)
        if value is None:
            return None
        return id_text(value) if not isinstance(value, bool) else ("có" if value else "không")

    def kept(self, values: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
        """The kept columns of a row, by the name asked for (headers matched loosely)."""
        if not self.keep:
            return ()
        folded = {fold(str(header)): value for header, value in values.items()}
        out = []
        for name in self.keep:
            value = values.get(name, folded.get(fold(name)))
            out.append((name, "" if value is None else str(value)))
        return tuple(out)

    def repeated(self, raw: RawRow, parent: str, first: int) -> RawRow:
        """The later row of a repeated id: invalid, naming both rows."""
        return repeated_row(raw, parent, first, self.columns.column_of(self.id_header or ""), self.file)

    def agrees(self, other: RowStage) -> bool:
        """Whether rows read with ``other`` come out as rows read with this stage (a JSON
        table's map grows with new keys; the columns both know must mean the same)."""
        mine, theirs = self.columns.targets, other.columns.targets
        return (
            all(mine.get(h) == theirs.get(h) for h in other.columns.headers)
            and self.id_header == other.id_header
            and self.group_field == other.group_field
            and self.group_input == other.group_input
        )


def repeated_row(raw: RawRow, parent: str, first: int, column: int, file: str) -> RawRow:
    """``raw`` made invalid because its id ``parent`` was first used on row ``first``."""
    text = msg("data-duplicate-id", row=raw.row_number, id=parent, first=first)
    hint = msg("data-duplicate-id.hint", first=first, row=raw.row_number)
    problem = diagnostic("data-duplicate-id", text, file, raw.row_number, column, (), hint, value=parent)
    return RawRow(raw.row_number, raw.values, (*raw.problems, problem))


def total_note(row: int, label: str, file: str) -> Diagnostic:
    """The warning that row ``row`` ('Tổng cộng') is a totals row, skipped."""
    text = msg("data-total-row", row=row, label=label, subject=msg("at.row", row=row))
    hint = msg("data-total-row.hint")
    return diagnostic("data-total-row", text, file, row, 1, (), hint, Severity.WARNING)


def watched_columns(
    columns: ColumnMap, inputs: Mapping[str, InputSpec]
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(input -> header, the (header, input) pairs whose empty cells are counted)."""
    by_input = {n: h for h, (kind, n) in columns.targets.items() if kind == "input"}
    watched = tuple(
        (h, n) for n, h in by_input.items() if inputs[n].blank is None and inputs[n].type != "list"
    )
    return by_input, watched


def input_headers(inputs: Mapping[str, InputSpec]) -> Sequence[str]:
    """The folded names, labels and aliases of ``inputs``."""
    found: set[str] = set()
    for name, spec in inputs.items():
        found.add(fold(name))
        found.update(fold(text) for text in spec.label.values())
        found.update(fold(alias) for alias in spec.aliases)
    return sorted(found)


_CONVERTERS: dict[tuple[int, int], tuple[RowConverter, dict[str, str]]] = {}


def converter_of(
    columns: ColumnMap, inputs: Mapping[str, InputSpec], file: str
) -> tuple[RowConverter, dict[str, str]]:
    """The converter of a column map and the header of each input (one per map and inputs;
    kept across calls, so a worker process converts each distinct cell text once)."""
    key = (id(columns), id(inputs))
    found = _CONVERTERS.get(key)
    if found is None or found[0].map is not columns or found[0].inputs is not inputs:
        if len(_CONVERTERS) > 64:
            _CONVERTERS.clear()
        by_input = {name: header for header, (kind, name) in columns.targets.items() if kind == "input"}
        found = _CONVERTERS[key] = (RowConverter(columns, inputs, file=file), by_input)
    return found


def prepare(unit: Unit, inputs: Mapping[str, InputSpec]) -> SourceRow:
    """The row of a unit: its record, children attached, with the problems of every row involved."""
    raw = unit.raw
    convert, columns = converter_of(unit.columns, inputs, unit.file)
    record, found = convert.convert(raw.values, raw.row_number)
    problems = [*raw.problems, *found] if raw.problems else found
    for name, children in unit.children:
        if name not in record:
            record[name] = [child for child, _ in children]
        for _child, child_problems in children:
            problems.extend(dataclasses.replace(d, path=(name, *d.path)) for d in child_problems)
    return SourceRow(
        raw.row_number, record, tuple(problems), unit.group, unit.file, unit.columns.headers, columns,
        dict(unit.kept),
    )  # fmt: skip


__all__ = [
    "RowStage",
    "Unit",
    "converter_of",
    "input_headers",
    "prepare",
    "repeated_row",
    "total_note",
    "watched_columns",
]
