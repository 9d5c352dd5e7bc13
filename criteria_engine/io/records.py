"""Reading the candidates of a data file for a set: rows -> column map -> typed records.

:func:`read_records` is the public way: one :class:`~criteria_engine.evaluators.rows.SourceRow`
per data row of a CSV, XLSX, JSON or JSONL file, in file order, whatever is wrong with it, with
the same header matching and value conversion the ``criteria`` command uses.

The work is split in two so that ``--jobs N`` can spread it: :class:`DataSource` runs in the
main process (it reads the file, maps the headers, joins the child tables and reports
warnings) and yields :class:`Unit` objects; :func:`prepare` turns a unit into a row with its
record and problems and may run in a worker process.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, Diagnostic, Severity, diagnostic
from ..evaluators.plan import Plan
from ..evaluators.records import id_text
from ..evaluators.rows import SourceRow
from ..format.models import CriteriaSet, InputSpec
from ..messages import msg
from .advice import shortened
from .children import Child, ChildrenError, ChildSpec, child_index, parse_children, sheets_in_workbook
from .columns import ColumnMap, fold, header_test, load_map_file, suggest
from .convert import RowConverter, convert_value
from .header_words import total_label
from .ids import IdTracker
from .readers import RawRow, detect_format, find_header, iter_rows
from .source_checks import check_map, missing_lists, unused_map_entries

Warn = Callable[[Sequence[Diagnostic]], None]


@dataclass(frozen=True, slots=True)
class Unit:
    """One data row on its way to evaluation: the raw row, how its columns map, its children."""

    raw: RawRow
    columns: ColumnMap
    file: str
    children: tuple[tuple[str, tuple[Child, ...]], ...] = ()
    group: str | None = None
    kept: tuple[tuple[str, str], ...] = ()


@dataclass
class DataSource:
    """The candidates of one data file (plus its members' tables) for one set.

    ``column_map`` maps headers to input names first (``--map``), in every table: a mapping,
    or the path of a map file. ``children`` are ``LIST=FILE`` texts (``--children``); a list
    without one is read from a sheet of the data workbook named after it, when there is one.
    ``group_by`` names a field whose value is carried along (for the report's groups),
    converted like the input when it is one; ``""`` means ``village_id`` when the file has
    such a column, ``None`` no grouping. ``header_row`` is the row of the column headers
    (default: found, below any title block). ``strict`` (the command line's way) refuses a
    table with no data at all for a list input (``data-missing-list``, an error); otherwise
    it is a warning and the list's criteria come out undetermined.

    After :meth:`units` is exhausted: ``rows_read`` counts the data rows read, ``skipped``
    holds the totals rows left out (rows read = units yielded + skipped rows of the file),
    ``empty_cells`` counts by input the rows whose cell was empty (missing data; an input
    with a ``blank`` value is not counted); from the first unit on, ``input_columns`` names
    the header each input is read from.
    """

    model: CriteriaSet
    path: str
    column_map: Mapping[str, str] | str | None = None
    children: Sequence[str] = ()
    sheet: str | None = None
    group_by: str | None = None
    warn: Warn = field(default=lambda _d: None)
    header_row: int | None = None
    strict: bool = False
    keep: Sequence[str] = ()
    group_field: str | None = field(init=False, default=None)
    ids_seen: int = field(init=False, default=0)
    rows_read: int = field(init=False, default=0)
    skipped: list[Diagnostic] = field(init=False, default_factory=list)
    input_columns: dict[str, str] = field(init=False, default_factory=dict)
    empty_cells: Counter[str] = field(init=False, default_factory=Counter)
    _watched: list[tuple[str, str]] = field(init=False, default_factory=list)
    _fatal: list[Diagnostic] = field(init=False, default_factory=list)
    _group_spec: InputSpec | None = field(init=False, default=None)

    def units(self) -> Iterator[Unit]:
        """One unit per data row, in file order (file problems raise :class:`DataError`)."""
        cs = self.model
        extra = load_map_file(self.column_map) if isinstance(self.column_map, str) else self.column_map
        try:
            specs = parse_children(self.children, cs)
        except ChildrenError as exc:
            raise DataError([diagnostic("data-bad-children", exc.text, self.path)]) from None
        kind = detect_format(self.path)
        tabular = kind in ("csv", "tsv", "xlsx")
        if self.path != "-":
            given = {s.name for s in specs}
            specs += sheets_in_workbook(self.path, self.sheet, cs, given)
        check_map(extra, cs, specs, self.column_map if isinstance(self.column_map, str) else self.path)
        links = [c.link for c in cs.collections.values()] + self._group_links()
        inputs = _input_headers(cs)  # a kept input stays an input (its value is also kept as read)
        links += [name for name in self.keep if fold(name) not in inputs]
        choice = self.header_row or header_test(cs.inputs, subject=cs.subject, extra=extra, links=links)
        header = find_header(self.path, sheet=self.sheet, header=choice) if tabular else None
        if header is not None and header.above:
            self._note_title(header.line, header.above)
        rows = iter_rows(self.path, sheet=self.sheet, header=choice if tabular else None)
        indexes = []
        table_headers: list[list[str]] = []
        for spec in specs:
            index, skipped, headers = child_index(spec, self.warn, extra)
            indexes.append((spec, index))
            table_headers.append(headers)
            self.warn(skipped)
        filled = {spec.name for spec in specs}
        columns: ColumnMap | None = None
        known: set[str] = set()
        id_header: str | None = None
        if header is not None:
            columns = self._columns(header.names, extra, links, filled, None, header.line)
            id_header = columns.id_header
            table_headers.append(header.names)
            self.warn(unused_map_entries(extra, table_headers, self.path))
        with IdTracker() as ids:
            for raw in rows:
                if self._fatal:
                    raise DataError(self._fatal)
                self.rows_read += 1
                if columns is None or (header is None and not known.issuperset(raw.values)):
                    seen = list(columns.headers) if columns else []
                    merged = seen + [k for k in raw.values if k not in seen]
                    columns = self._columns(merged, extra, links, filled, columns, 1)
                    known, id_header = set(columns.headers), columns.id_header
                parent = id_text(raw.values.get(id_header)) if id_header else None
                if tabular and self._total(raw, id_header):
                    continue
                if not raw.problems:  # a row that could not be read has no empty cells, it has none
                    self._count_empty(raw.values)
                attached: list[tuple[str, tuple[Child, ...]]] = []
                if parent is not None:
                    first = ids.first_row(parent, raw.row_number)
                    if first is not None:
                        raw = self._repeated(raw, parent, first, columns.column_of(id_header or ""))
                    for spec, index in indexes:
                        attached.append((spec.name, tuple(index.get(parent, ()))))
                kept = _kept(raw.values, self.keep)
                yield Unit(raw, columns, self.path, tuple(attached), self._group(raw), kept)
            self.ids_seen = ids.count
            if header is None and extra:
                self.warn(unused_map_entries(extra, [list(known), *table_headers[: len(specs)]], self.path))
            for spec, index in indexes:
                orphans = {k: len(v) for k, v in index.items() if k not in ids}
                if orphans:
                    shown = shortened(tuple(f"'{k}'" for k in orphans), 5)
                    text = msg(
                        "data-orphan-rows",
                        count=sum(orphans.values()),
                        table=spec.sheet or spec.name,
                        link=spec.link,
                        file=Path(self.path).name,
                        ids=shown,
                    )
                    self.warn([diagnostic("data-orphan-rows", text, spec.path, severity=Severity.WARNING)])

    def _count_empty(self, values: Mapping[str, object]) -> None:
        """Count the row's empty cells by input (a row without an empty cell, the usual one,
        is told by two scans in C)."""
        cells = values.values()
        if "" not in cells and None not in cells:
            return
        get, empty = values.get, self.empty_cells
        for header, name in self._watched:
            value = get(header)
            if value is None or value == "":
                empty[name] += 1

    def _note_title(self, line: int, above: tuple[int, ...]) -> None:
        rows = (
            msg("data-header-row.one", first=above[0])
            if len(above) == 1
            else msg("data-header-row.many", first=above[0], last=above[-1])
        )
        text = msg("data-header-row", line=line, rows=rows)
        hint = msg("data-header-row.hint")
        self.warn([diagnostic("data-header-row", text, self.path, line, 0, (), hint, Severity.WARNING)])

    def _total(self, raw: RawRow, id_header: str | None) -> bool:
        """A totals row ("Tổng cộng") is left out, counted and reported."""
        label = total_label(raw.values.values(), raw.values.get(id_header) if id_header else None)
        if label is None:
            return False
        text = msg(
            "data-total-row", row=raw.row_number, label=label, subject=msg("at.row", row=raw.row_number)
        )
        hint = msg("data-total-row.hint")
        note = diagnostic("data-total-row", text, self.path, raw.row_number, 1, (), hint, Severity.WARNING)
        self.skipped.append(note)
        self.warn([note])
        return True

    def _repeated(self, raw: RawRow, parent: str, first: int, column: int) -> RawRow:
        """The later row of a repeated id: invalid, naming both rows."""
        text = msg("data-duplicate-id", row=raw.row_number, id=parent, first=first)
        hint = msg("data-duplicate-id.hint", first=first, row=raw.row_number)
        problem = diagnostic(
            "data-duplicate-id", text, self.path, raw.row_number, column, (), hint, value=parent
        )
        return RawRow(raw.row_number, raw.values, (*raw.problems, problem))

    def _group_links(self) -> list[str]:
        """Links read as-is: ``village_id`` by default, the ``--group-by`` field unless it is an input."""
        if self.group_by == "":
            return ["village_id"]
        if self.group_by is None or self.group_by in self.model.inputs:
            return []
        return [self.group_by]

    def _group(self, raw: RawRow) -> str | None:
        if self.group_field is None:
            return None
        value = raw.values.get(self.group_field)
        if self._group_spec is not None:
            value, _problem = convert_value(value, self._group_spec)
        if value is None:
            return None
        return id_text(value) if not isinstance(value, bool) else ("có" if value else "không")

    def _columns(
        self,
        headers: list[str],
        extra: Mapping[str, str] | None,
        links: list[str],
        filled: set[str],
        previous: ColumnMap | None,
        line: int,
    ) -> ColumnMap:
        inputs = self.model.inputs
        own = {h: t for h, t in (extra or {}).items() if fold(h) in {fold(x) for x in headers}}
        columns, notes = ColumnMap.build(
            headers, inputs, extra=own, links=links, file=self.path, line=line, subject=self.model.subject
        )
        self.input_columns = {n: h for h, (kind, n) in columns.targets.items() if kind == "input"}
        self._watched = [
            (h, n)
            for n, h in self.input_columns.items()
            if inputs[n].blank is None and inputs[n].type != "list"
        ]
        if previous is None:
            tabular = detect_format(self.path) in ("csv", "tsv", "xlsx")
            fatal = missing_lists(self.model, columns, filled, self.path, line)
            if fatal and tabular and self.strict:
                self._fatal = fatal  # raised at the first data row (a file without rows says so first)
            else:
                notes += [dataclasses.replace(d, severity=Severity.WARNING) for d in fatal]
            folded = {fold(h) for h in headers}
            for name in self.keep:
                if fold(name) not in folded:
                    text = msg("data-no-keep-column", column=name)
                    near = suggest(name, headers)
                    notes.append(
                        diagnostic(
                            "data-no-keep-column", text, self.path, line, 0, (), near, Severity.WARNING
                        )
                    )
            if columns.id_header is None:
                text = msg("data-no-id-column")
                notes.append(
                    diagnostic("data-no-id-column", text, self.path, line, 0, severity=Severity.WARNING)
                )
        else:  # a JSON record with new keys: report only the new unknown columns
            notes = [n for n in notes if n.code == "data-unknown-column" and n.column > len(previous.headers)]
        self.warn([n for n in notes if n.code != "data-map-unused"])
        if self.group_by is not None:
            self._find_group(headers, columns, previous)
        return columns

    def _find_group(self, headers: list[str], columns: ColumnMap, previous: ColumnMap | None) -> None:
        wanted = fold(self.group_by or "village_id")
        self.group_field = next((h for h in headers if fold(h) == wanted), None)
        name = self.group_by if self.group_by in self.model.inputs else None
        if self.group_field is None and self.group_by:
            self.group_field = columns.header_of(self.group_by)
        if self.group_field is not None:
            target = columns.target(self.group_field)
            if target is not None and target[0] == "input":
                name = target[1]
        self._group_spec = self.model.inputs.get(name) if name else None
        if self.group_field is None and self.group_by and previous is None:
            text = msg("data-no-group-column", column=self.group_by)
            close = suggest(self.group_by, headers)
            self.warn(
                [diagnostic("data-no-group-column", text, self.path, 1, 0, (), close, Severity.WARNING)]
            )


def _input_headers(model: CriteriaSet) -> set[str]:
    """The folded names, labels and aliases of the set's inputs."""
    found: set[str] = set()
    for name, spec in model.inputs.items():
        found.add(fold(name))
        found.update(fold(text) for text in spec.label.values())
        found.update(fold(alias) for alias in spec.aliases)
    return found


def _kept(values: Mapping[str, object], keep: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The kept columns of a row, by the name asked for (headers matched loosely)."""
    if not keep:
        return ()
    folded = {fold(str(header)): value for header, value in values.items()}
    out = []
    for name in keep:
        value = values.get(name, folded.get(fold(name)))
        out.append((name, "" if value is None else str(value)))
    return tuple(out)


_CONVERTERS: dict[tuple[int, int], RowConverter] = {}


def _converter(unit: Unit, inputs: Mapping[str, InputSpec]) -> RowConverter:
    """The converter of a unit's column map (one per map and inputs; kept across calls, so a
    worker process converts each distinct cell text once)."""
    key = (id(unit.columns), id(inputs))
    found = _CONVERTERS.get(key)
    if found is None or found.map is not unit.columns or found.inputs is not inputs:
        if len(_CONVERTERS) > 64:
            _CONVERTERS.clear()
        found = _CONVERTERS[key] = RowConverter(unit.columns, inputs, file=unit.file)
    return found


def prepare(unit: Unit, inputs: Mapping[str, InputSpec]) -> SourceRow:
    """The row of a unit: its record, children attached, with the problems of every row involved."""
    raw = unit.raw
    record, found = _converter(unit, inputs).convert(raw.values, raw.row_number)
    problems = [*raw.problems, *found]
    for name, children in unit.children:
        if name not in record:
            record[name] = [child for child, _ in children]
        for _child, child_problems in children:
            problems.extend(dataclasses.replace(d, path=(name, *d.path)) for d in child_problems)
    columns = {name: header for header, (kind, name) in unit.columns.targets.items() if kind == "input"}
    return SourceRow(
        raw.row_number, record, tuple(problems), unit.group, unit.file, unit.columns.headers, columns,
        dict(unit.kept),
    )  # fmt: skip


def read_records(
    path: str | os.PathLike[str],
    plan: Plan | CriteriaSet,
    *,
    sheet: str | None = None,
    column_map: Mapping[str, str] | str | os.PathLike[str] | None = None,
    members: Mapping[str, str | os.PathLike[str]] | None = None,
    group_by: str | None = None,
    warn: Warn | None = None,
    header_row: int | None = None,
    keep: Sequence[str] = (),
) -> Iterator[SourceRow]:
    """Stream the rows of a CSV/XLSX/JSON/JSONL file as the set's typed records.

    Every data row gives one :class:`~criteria_engine.evaluators.rows.SourceRow`, in file
    order: its record (headers matched to inputs by name, alias or label, values converted
    — ``1.500.000``, ``có``, ``x``...) or, when a cell cannot be read, its problems located at
    row and column. ``sheet`` picks an Excel sheet; ``column_map`` maps headers to input names
    first (a mapping, or a YAML/JSON/CSV map file); ``members`` fills list inputs and
    collections from other files linked by ``<subject>_id`` (``{"persons": "persons.csv"}``);
    ``group_by`` carries a column's value on each row, ``keep`` columns carried as they are
    (``SourceRow.kept``, then ``Result.kept``); ``header_row`` says which row holds
    the headers (default: found below any title). Totals rows ("Tổng cộng") are skipped and
    reported. Problems of the file as a whole (unknown columns, totals rows...) go to
    ``warn`` as they are found. Raises :class:`~criteria_engine.errors.DataError` for a file
    that cannot be read at all, a ``column_map`` naming no input, or a list input with no data.
    """
    model = plan.model if isinstance(plan, Plan) else plan
    specs = [f"{name}={os.fspath(file)}" for name, file in (members or {}).items()]
    mapping = os.fspath(column_map) if isinstance(column_map, os.PathLike) else column_map
    source = DataSource(
        model, os.fspath(path), mapping, specs, sheet, group_by, warn or (lambda _d: None),
        header_row=header_row, keep=keep,
    )  # fmt: skip
    for unit in source.units():
        yield prepare(unit, model.inputs)


__all__ = ["ChildSpec", "DataSource", "Unit", "parse_children", "prepare", "read_records"]
