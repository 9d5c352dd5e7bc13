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
from ..evaluators.rows import SourceRow
from ..format.models import CriteriaSet
from ..messages import msg
from .advice import shortened
from .children import Child, ChildrenError, ChildSpec, child_index, parse_children, sheets_in_workbook
from .columns import ColumnMap, fold, header_test, load_map_file, suggest
from .ids import IdTracker
from .readers import Header, HeaderChoice, detect_format, find_header, iter_rows
from .row_stage import RowStage, Unit, input_headers, prepare, total_note, watched_columns
from .source_checks import check_map, missing_lists, unused_map_entries

Warn = Callable[[Sequence[Diagnostic]], None]


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

    A file may also be read in byte ranges by other processes (``criteria evaluate --jobs``):
    :meth:`open_ranges` does everything :meth:`units` does before the first row and gives the
    :class:`~.row_stage.RowStage` the ranges are read with; the rows' ids and counts come back
    through :meth:`repeated_ids` and :meth:`account`, in file order.
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
    stage: RowStage | None = field(init=False, default=None)
    """How the rows are read now (the column map, once the header or first record is read)."""
    _fatal: list[Diagnostic] = field(init=False, default_factory=list)
    _setup: _Setup | None = field(init=False, default=None)
    _ids: IdTracker | None = field(init=False, default=None)

    def _prepare(self) -> _Setup:
        """Everything before the first row: map, members' tables, header, column map (once)."""
        if self._setup is not None:
            return self._setup
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
        inputs = set(input_headers(cs.inputs))  # a kept input stays an input (its value is also kept)
        links += [name for name in self.keep if fold(name) not in inputs]
        choice = self.header_row or header_test(cs.inputs, subject=cs.subject, extra=extra, links=links)
        header = find_header(self.path, sheet=self.sheet, header=choice) if tabular else None
        if header is not None and header.above:
            self._note_title(header.line, header.above)
        setup = _Setup(kind, tabular, extra, links, choice, header, [], {spec.name for spec in specs}, [])
        for spec in specs:
            index, skipped, headers = child_index(spec, self.warn, extra)
            setup.indexes.append((spec, index))
            setup.table_headers.append(headers)
            self.warn(skipped)
        if header is not None:
            self._columns(setup, header.names, header.line)
            setup.table_headers.append(header.names)
            self.warn(unused_map_entries(extra, setup.table_headers, self.path))
        self._setup = setup
        return setup

    def units(self) -> Iterator[Unit]:
        """One unit per data row, in file order (file problems raise :class:`DataError`)."""
        setup = self._prepare()
        tabular, inputs = setup.tabular, self.model.inputs
        rows = iter_rows(self.path, sheet=self.sheet, header=setup.choice if tabular else None)
        known: set[str] = set()
        with IdTracker() as ids:
            for raw in rows:
                if self._fatal:
                    raise DataError(self._fatal)
                self.rows_read += 1
                stage = self.stage
                if stage is None or (setup.header is None and not known.issuperset(raw.values)):
                    stage = self.grow(list(raw.values))
                    known = set(stage.columns.headers)
                label = stage.total(raw)
                if label is not None:
                    self.skip_total(raw.row_number, label)
                    continue
                if not raw.problems:  # a row that could not be read has no empty cells, it has none
                    self.count_empty(stage.empties(raw.values))
                parent = stage.parent(raw)
                attached: list[tuple[str, tuple[Child, ...]]] = []
                if parent is not None:
                    first = ids.first_row(parent, raw.row_number)
                    if first is not None:
                        raw = stage.repeated(raw, parent, first)
                    for spec, index in setup.indexes:
                        attached.append((spec.name, tuple(index.get(parent, ()))))
                group = stage.group(raw, inputs)
                yield Unit(raw, stage.columns, self.path, tuple(attached), group, stage.kept(raw.values))
            self.ids_seen = ids.count
            self._finish(setup, known, ids)

    def _finish(self, setup: _Setup, known: set[str], ids: IdTracker) -> None:
        """The closing warnings: map entries no table used, members linking to no candidate."""
        extra = setup.extra
        if setup.header is None and extra:
            tables = [list(known), *setup.table_headers[: len(setup.indexes)]]
            self.warn(unused_map_entries(extra, tables, self.path))
        for spec, index in setup.indexes:
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

    # --- reading in byte ranges (``--jobs``) ---------------------------------------------------

    def open_ranges(self) -> RowStage | None:
        """Prepare to read the file in byte ranges; the stage of its first rows, or None when
        it cannot be split: not a CSV/TSV/JSONL file, members' tables to join, or a list input
        without data (the run stops at the first row, as :meth:`units` would)."""
        setup = self._prepare()
        if setup.kind not in ("csv", "tsv", "jsonl") or self.path == "-" or setup.indexes or self._fatal:
            return None
        if self.stage is None:  # JSONL: the map of the first record's keys (as units() makes it)
            first = next(iter(iter_rows(self.path)), None)
            self.grow(list(first.values) if first is not None else [])
        self._ids = IdTracker()
        return self.stage

    def repeated_ids(self, ids: Sequence[str | None], rows: Sequence[int]) -> dict[int, int]:
        """Remember the ids of rows read elsewhere (in file order); the rows whose id was
        already used, each with the row it was first used on."""
        tracker = self._ids
        assert tracker is not None, "open_ranges() first"
        return tracker.first_rows(ids, rows)

    @property
    def header_line(self) -> int | None:
        """The row of the table's header (None before it is read, and for JSON)."""
        setup = self._setup
        return setup.header.line if setup is not None and setup.header is not None else None

    def first_row(self, candidate_id: str, row: int) -> int | None:
        """The row ``candidate_id`` was first used on, or None (it is remembered) when new."""
        assert self._ids is not None, "open_ranges() first"
        return self._ids.first_row(candidate_id, row)

    def account(self, rows_read: int, totals: Sequence[tuple[int, str]], empty: Mapping[str, int]) -> None:
        """Count rows read elsewhere: the rows, the totals rows skipped, the empty cells."""
        self.rows_read += rows_read
        for row, label in totals:
            self.skip_total(row, label)
        self.empty_cells.update(empty)

    def close_ranges(self) -> None:
        """After the last range: the closing warnings, and the ids forgotten."""
        if self._ids is not None and self._setup is not None:
            self.ids_seen = self._ids.count
            known = set(self.stage.columns.headers) if self.stage is not None else set()
            self._finish(self._setup, known, self._ids)
            self._ids.close()
            self._ids = None

    # --- the row's bookkeeping, shared by both ways ----------------------------------------

    def count_empty(self, names: Sequence[str]) -> None:
        """Count empty cells by input (:meth:`RowStage.empties` of a row)."""
        for name in names:
            self.empty_cells[name] += 1

    def skip_total(self, row: int, label: str) -> None:
        """A totals row ("Tổng cộng") is left out, counted and reported."""
        note = total_note(row, label, self.path)
        self.skipped.append(note)
        self.warn([note])

    def grow(self, headers: Sequence[str]) -> RowStage:
        """The stage for a JSON record bringing keys not seen before (or the first record):
        its keys added after the known ones, the new unknown columns reported."""
        seen = list(self.stage.columns.headers) if self.stage is not None else []
        merged = seen + [k for k in headers if k not in seen]
        assert self._setup is not None
        return self._columns(self._setup, merged, 1)

    def _note_title(self, line: int, above: tuple[int, ...]) -> None:
        rows = (
            msg("data-header-row.one", first=above[0])
            if len(above) == 1
            else msg("data-header-row.many", first=above[0], last=above[-1])
        )
        text = msg("data-header-row", line=line, rows=rows)
        hint = msg("data-header-row.hint")
        self.warn([diagnostic("data-header-row", text, self.path, line, 0, (), hint, Severity.WARNING)])

    def _group_links(self) -> list[str]:
        """Links read as-is: ``village_id`` by default, the ``--group-by`` field unless it is an input."""
        if self.group_by == "":
            return ["village_id"]
        if self.group_by is None or self.group_by in self.model.inputs:
            return []
        return [self.group_by]

    def _columns(self, setup: _Setup, headers: list[str], line: int) -> RowStage:
        inputs, previous = self.model.inputs, self.stage
        extra = setup.extra
        own = {h: t for h, t in (extra or {}).items() if fold(h) in {fold(x) for x in headers}}
        columns, notes = ColumnMap.build(
            headers,
            inputs,
            extra=own,
            links=setup.links,
            file=self.path,
            line=line,
            subject=self.model.subject,
        )
        self.input_columns, watched = watched_columns(columns, inputs)
        if previous is None:
            fatal = missing_lists(self.model, columns, setup.filled, self.path, line)
            if fatal and setup.tabular and self.strict:
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
            count = len(previous.columns.headers)
            notes = [n for n in notes if n.code == "data-unknown-column" and n.column > count]
        self.warn([n for n in notes if n.code != "data-map-unused"])
        group_input = None
        if self.group_by is not None:
            group_input = self._find_group(headers, columns, previous)
        self.stage = RowStage(
            self.path, columns, setup.tabular, tuple(self.keep), self.group_field, group_input, watched
        )
        return self.stage

    def _find_group(self, headers: list[str], columns: ColumnMap, previous: RowStage | None) -> str | None:
        wanted = fold(self.group_by or "village_id")
        self.group_field = next((h for h in headers if fold(h) == wanted), None)
        name = self.group_by if self.group_by in self.model.inputs else None
        if self.group_field is None and self.group_by:
            self.group_field = columns.header_of(self.group_by)
        if self.group_field is not None:
            target = columns.target(self.group_field)
            if target is not None and target[0] == "input":
                name = target[1]
        if self.group_field is None and self.group_by and previous is None:
            text = msg("data-no-group-column", column=self.group_by)
            close = suggest(self.group_by, headers)
            self.warn(
                [diagnostic("data-no-group-column", text, self.path, 1, 0, (), close, Severity.WARNING)]
            )
        return name


@dataclass
class _Setup:
    """What reading the file decided before its first row."""

    kind: str
    tabular: bool
    extra: Mapping[str, str] | None
    links: list[str]
    choice: HeaderChoice
    header: Header | None
    indexes: list[tuple[ChildSpec, dict[str, list[Child]]]]
    filled: set[str]
    table_headers: list[list[str]]


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
