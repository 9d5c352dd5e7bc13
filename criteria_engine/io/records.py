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

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, Diagnostic, Severity
from ..evaluators.plan import Plan
from ..evaluators.records import id_text
from ..evaluators.rows import SourceRow
from ..format.models import CriteriaSet, InputSpec
from .columns import ColumnMap, fold, load_map_file, suggest
from .convert import RowConverter
from .readers import RawRow, detect_format, iter_rows, read_headers

Warn = Callable[[Sequence[Diagnostic]], None]
Child = tuple[dict[str, object], tuple[Diagnostic, ...]]

TRACK_IDS = 200_000
"""Ids are remembered (to report repeated ids) for this many candidates; past that only when
child tables are joined (orphan rows are reported), so plain runs stay in constant memory."""


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
class ChildSpec:
    """``--children LIST=FILE``: which list (or collection) the rows fill, and the link field."""

    name: str
    path: str
    items: Mapping[str, InputSpec]
    link: str


def parse_children(specs: Sequence[str], cs: CriteriaSet) -> list[ChildSpec]:
    """``LIST=FILE`` texts as :class:`ChildSpec` (usage errors raise ``ValueError``)."""
    lists = [n for n, s in cs.inputs.items() if s.type == "list"] + list(cs.collections)
    out: list[ChildSpec] = []
    for text in specs:
        name, sep, path = text.partition("=")
        name, path = name.strip(), path.strip()
        if not sep or not name or not path:
            raise ValueError(f"--children wants LIST=FILE, not '{text}'")
        if name in cs.inputs and cs.inputs[name].type == "list":
            items = cs.inputs[name].items or {}
            out.append(ChildSpec(name, path, items, f"{cs.subject}_id"))
        elif name in cs.collections:
            collection = cs.collections[name]
            out.append(ChildSpec(name, path, collection.fields, collection.link))
        else:
            known = ", ".join(lists) or "none"
            hint = suggest(name, lists)
            raise ValueError(
                f"'{name}' is not a list of this set (lists: {known})" + (f"; {hint}" if hint else "")
            )
    return out


def _child_index(spec: ChildSpec, warn: Warn) -> dict[str, list[Child]]:
    """The child rows of one file, converted and grouped by the parent id they link to."""
    rows = iter_rows(spec.path)
    headers = _headers(spec.path)
    columns, notes = ColumnMap.build(headers, spec.items, links=[spec.link], file=spec.path, line=1)
    if ("link", spec.link) not in columns.targets.values():
        message = f"the {spec.name} file has no column '{spec.link}' linking each row to its parent"
        raise DataError([Diagnostic("data-missing-link-column", message, spec.path, 1, 0)])
    warn([n for n in notes if n.code != "data-missing-column"])
    groups: dict[str, list[Child]] = {}
    unlinked = 0
    convert = RowConverter(columns, spec.items, file=spec.path)
    for raw in rows:
        record, problems = convert(raw)
        key = id_text(record.pop(spec.link, None))
        if key is None:
            unlinked += 1
            continue
        groups.setdefault(key, []).append((record, tuple(problems)))
    if unlinked:
        message = f"{unlinked} row(s) have no '{spec.link}' and belong to no candidate; they are ignored"
        warn([Diagnostic("data-missing-link", message, spec.path, severity=Severity.WARNING)])
    return groups


def _headers(path: str) -> list[str]:
    kind = detect_format(path)
    return read_headers(path) if kind in ("csv", "tsv", "xlsx") else []


@dataclass
class DataSource:
    """The candidates of one data file (plus its child tables) for one set.

    ``column_map`` maps headers to input names first (``--map``): a mapping, or the path of a
    map file. ``children`` are ``LIST=FILE`` texts (``--children``). ``group_by`` names a field
    whose raw value is carried along (for the report's groups); ``""`` means ``village_id``
    when the file has such a column, ``None`` no grouping.
    """

    model: CriteriaSet
    path: str
    column_map: Mapping[str, str] | str | None = None
    children: Sequence[str] = ()
    sheet: str | None = None
    group_by: str | None = None
    warn: Warn = field(default=lambda _d: None)
    keep: Sequence[str] = ()
    group_field: str | None = field(init=False, default=None)
    ids_seen: int = field(init=False, default=0)

    def units(self) -> Iterator[Unit]:
        """One unit per data row, in file order (file problems raise :class:`DataError`)."""
        cs = self.model
        extra = load_map_file(self.column_map) if isinstance(self.column_map, str) else self.column_map
        try:
            specs = parse_children(self.children, cs)
        except ValueError as exc:
            raise DataError([Diagnostic("data-bad-children", str(exc), self.path)]) from None
        kind = detect_format(self.path)
        rows = iter_rows(self.path, sheet=self.sheet)
        headers = read_headers(self.path, sheet=self.sheet) if kind in ("csv", "tsv", "xlsx") else None
        indexes = [(spec, _child_index(spec, self.warn)) for spec in specs]
        filled = {spec.name for spec in specs}
        links = [c.link for c in cs.collections.values()] + ([self.group_by] if self.group_by else [])
        inputs = _input_headers(cs)  # a kept input stays an input (its value is also kept as read)
        links += [name for name in self.keep if fold(name) not in inputs]
        if self.group_by == "":
            links.append("village_id")
        columns: ColumnMap | None = None
        known: set[str] = set()
        id_header: str | None = None
        if headers is not None:
            columns = self._columns(headers, extra, links, filled, None)
            id_header = columns.id_header
        parents: dict[str, int] = {}
        for raw in rows:
            if columns is None or (headers is None and not known.issuperset(raw.values)):
                seen = list(columns.headers) if columns else []
                merged = seen + [k for k in raw.values if k not in seen]
                columns = self._columns(merged, extra, links, filled, columns)
                known, id_header = set(columns.headers), columns.id_header
            parent = id_text(raw.values.get(id_header)) if id_header else None
            attached: list[tuple[str, tuple[Child, ...]]] = []
            if parent is not None:
                if indexes or len(parents) < TRACK_IDS:
                    parents[parent] = parents.get(parent, 0) + 1
                for spec, index in indexes:
                    attached.append((spec.name, tuple(index.get(parent, ()))))
            group = raw.values.get(self.group_field) if self.group_field else None
            kept = _kept(raw.values, self.keep)
            yield Unit(raw, columns, self.path, tuple(attached), None if group is None else str(group), kept)
        self.ids_seen = len(parents)
        repeated = [k for k, n in parents.items() if n > 1]
        if repeated:
            shown = ", ".join(f"'{k}'" for k in repeated[:5]) + (", …" if len(repeated) > 5 else "")
            message = f"{len(repeated)} id(s) appear on more than one row: {shown}"
            self.warn([Diagnostic("data-duplicate-id", message, self.path, severity=Severity.WARNING)])
        for spec, index in indexes:
            orphans = {k: len(v) for k, v in index.items() if k not in parents}
            if orphans:
                shown = ", ".join(f"'{k}'" for k in list(orphans)[:5]) + (", …" if len(orphans) > 5 else "")
                message = (
                    f"{sum(orphans.values())} {spec.name} row(s) link through '{spec.link}' to candidates "
                    f"not in {Path(self.path).name}: {shown}; they are ignored"
                )
                self.warn([Diagnostic("data-orphan-rows", message, spec.path, severity=Severity.WARNING)])

    def _columns(
        self,
        headers: list[str],
        extra: Mapping[str, str] | None,
        links: list[str],
        filled: set[str],
        previous: ColumnMap | None,
    ) -> ColumnMap:
        inputs = self.model.inputs
        columns, notes = ColumnMap.build(headers, inputs, extra=extra, links=links, file=self.path, line=1)
        if previous is None:
            for name, spec in inputs.items():
                if spec.type == "list" and name not in filled and columns.header_of(name) is None:
                    label = next(iter(spec.label.values()), name)
                    message = f"no data for the list '{name}' ({label}); its criteria will be undetermined"
                    hint = f"give it with --children {name}=FILE" + (
                        " or --persons FILE" if name == "persons" else ""
                    )
                    notes.append(
                        Diagnostic("data-missing-list", message, self.path, 1, 0, (), hint, Severity.WARNING)
                    )
            if columns.id_header is None:
                message = (
                    "no column holds the candidate's id (name it 'id' or 'Mã hộ', or map one with --map)"
                )
                notes.append(
                    Diagnostic("data-no-id-column", message, self.path, 1, 0, severity=Severity.WARNING)
                )
        else:  # a JSON record with new keys: report only the new unknown columns
            notes = [n for n in notes if n.code == "data-unknown-column" and n.column > len(previous.headers)]
        if previous is None:
            folded = {fold(h) for h in headers}
            for name in self.keep:
                if fold(name) not in folded:
                    message = f"no column '{name}' to keep; it is left empty"
                    near = suggest(name, headers)
                    notes.append(
                        Diagnostic(
                            "data-no-keep-column", message, self.path, 1, 0, (), near, Severity.WARNING
                        )
                    )
        self.warn(notes)
        if self.group_by is not None:
            wanted = fold(self.group_by or "village_id")
            self.group_field = next((h for h in headers if fold(h) == wanted), None)
            if self.group_field is None:
                header = columns.header_of(self.group_by) if self.group_by else None
                self.group_field = header
            if self.group_field is None and self.group_by and previous is None:
                message = f"no column '{self.group_by}' to group by"
                close = suggest(self.group_by, headers)
                self.warn(
                    [
                        Diagnostic(
                            "data-no-group-column", message, self.path, 1, 0, (), close, Severity.WARNING
                        )
                    ]
                )
        return columns


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
            problems.extend(
                Diagnostic(
                    d.code, d.message, d.file, d.line, d.column, (name, *d.path), d.suggestion, d.severity
                )
                for d in child_problems
            )
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
    (``SourceRow.kept``, then ``Result.kept``). Problems of the file as a whole
    (unknown columns, duplicate ids...) go to ``warn`` as they are found. Raises
    :class:`~criteria_engine.errors.DataError` for a file that cannot be read at all.
    """
    model = plan.model if isinstance(plan, Plan) else plan
    specs = [f"{name}={os.fspath(file)}" for name, file in (members or {}).items()]
    mapping = os.fspath(column_map) if isinstance(column_map, os.PathLike) else column_map
    source = DataSource(
        model, os.fspath(path), mapping, specs, sheet, group_by, warn or (lambda _d: None), keep
    )
    for unit in source.units():
        yield prepare(unit, model.inputs)


__all__ = ["ChildSpec", "DataSource", "Unit", "parse_children", "prepare", "read_records"]
