"""A dataset's files as the tables the roll-up reads, and :func:`evaluate_dataset`.

:class:`DatasetTables` implements :class:`~criteria_engine.evaluators.tables.Tables` over a
:class:`~criteria_engine.io.dataset.Dataset`: the headers of each table are mapped to the
inputs the engine names (:class:`~criteria_engine.io.columns.ColumnMap`), and each row is
converted by :class:`~criteria_engine.io.row_convert.RowConverter`. The files are streamed anew
for each pass the engine makes; only each table's headers and column maps are kept.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping, Sequence

from criteria_engine.errors import Diagnostic, diagnostic
from criteria_engine.evaluators.records import id_text
from criteria_engine.evaluators.rollup import ResultSink, Selector, evaluate_tables
from criteria_engine.evaluators.tables import TableFields, TableRow
from criteria_engine.explain.dataset import DatasetEvaluation
from criteria_engine.format.registry import Registry
from criteria_engine.io.columns import ColumnMap, InputMatcher
from criteria_engine.io.dataset import Dataset, open_dataset
from criteria_engine.io.ids import IdTracker
from criteria_engine.io.row_convert import RowConverter
from criteria_engine.messages import msg


class DatasetTables:
    """The tables of a dataset, read as typed records (see the module documentation)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._headers: dict[str, list[str]] = {}
        self._maps: dict[tuple[str, int, str, tuple[str, ...]], tuple[ColumnMap, list[Diagnostic]]] = {}

    @property
    def where(self) -> str:
        return str(self.dataset.source)

    def tables(self) -> list[str]:
        return self.dataset.tables()

    def resolve(self, subject: str) -> str | None:
        return self.dataset.resolve(subject)

    def file(self, table: str) -> str:
        return str(self.dataset.source_of(table).path)

    def headers(self, table: str) -> list[str]:
        """The table's column headers (read once)."""
        found = self._headers.get(table)
        if found is None:
            found = self._headers[table] = self.dataset.headers(table)
        return found

    def column_map(self, table: str, fields: TableFields) -> tuple[ColumnMap, list[Diagnostic]]:
        """How the table's headers map to ``fields``, and the problems of its columns."""
        key = (table, id(fields.inputs), fields.id_field, fields.links)
        found = self._maps.get(key)
        if found is None:
            found = self._maps[key] = ColumnMap.build(
                self.headers(table),
                fields.inputs,
                id_field=fields.id_field,
                links=fields.links,
                file=self.file(table),
                line=1,
            )
        return found

    def notes(self, table: str, fields: TableFields) -> list[Diagnostic]:
        headers = self.headers(table)
        others = [InputMatcher(inputs) for inputs in fields.others]
        kept = []
        for note in self.column_map(table, fields)[1]:
            header = headers[note.column - 1] if 0 < note.column <= len(headers) else ""
            if note.code == "data-unknown-column" and any(m.match(header)[0] for m in others):
                continue  # another set evaluated on this table reads it
            kept.append(note)
        return kept

    def _header_of(self, table: str, name: str, fields: TableFields) -> str | None:
        column_map = self.column_map(table, fields)[0]
        found = next((h for h, (_kind, n) in column_map.targets.items() if n == name), None)
        return found if found is not None or name not in self.headers(table) else name

    def provides(self, table: str, name: str, fields: TableFields) -> bool:
        return self._header_of(table, name, fields) is not None

    def rows(self, table: str, fields: TableFields) -> Iterator[TableRow]:
        """Every row as a typed record; a row repeating an earlier row's id is invalid, naming
        both rows (``data-duplicate-id``)."""
        column_map = self.column_map(table, fields)[0]
        file = self.file(table)
        convert = RowConverter(column_map, fields.inputs, file=file)
        id_header = column_map.id_header
        column = column_map.column_of(id_header) if id_header else 0
        with IdTracker() as ids:
            for row in self.dataset.rows(table):
                record, problems = convert(row)
                key = id_text(record.get(fields.id_field)) if id_header else None
                first = ids.first_row(key, row.row_number) if key is not None else None
                if first is not None:
                    text = msg(
                        "data-duplicate-id.table", row=row.row_number, id=key, first=first, table=table
                    )
                    hint = msg("data-duplicate-id.table-hint", first=first, row=row.row_number)
                    problems = [
                        *problems,
                        diagnostic(
                            "data-duplicate-id", text, file, row.row_number, column, (), hint, value=key
                        ),
                    ]
                yield TableRow(row.row_number, record, problems)

    def column(self, table: str, name: str, fields: TableFields) -> Iterator[tuple[int, str | None]]:
        header = self._header_of(table, name, fields)
        if header is None:
            return
        for row in self.dataset.rows(table):
            yield row.row_number, id_text(row.values.get(header))


def evaluate_dataset(
    dataset: Dataset | str | os.PathLike[str],
    registry: Registry,
    *,
    as_of: dt.date | None = None,
    plan_for: Mapping[str, str] | None = None,
    top: str | Sequence[str] | None = None,
    id_field: str = "id",
    detail: Selector = True,
    keep: Selector = True,
    on_result: ResultSink | None = None,
    pool: bool = True,
) -> DatasetEvaluation:
    """Evaluate every level of a dataset (a folder of tables, or one file) bottom-up in one run.

    The options are those of :func:`criteria_engine.evaluators.rollup.evaluate_tables`, which
    this hands the dataset's tables to: ``as_of`` (the revisions in force), ``plan_for`` (the set
    of a subject), ``top`` (the sets to evaluate with what they read), ``detail`` and ``keep``
    (per level), ``on_result`` (every result as it is made) and ``pool`` (a survey's set over
    every respondent: :attr:`DatasetEvaluation.pooled`).

    Raises :class:`~criteria_engine.errors.DataError` when the dataset cannot be opened.
    """
    source = dataset if isinstance(dataset, Dataset) else open_dataset(os.fspath(dataset))
    outcome = evaluate_tables(
        DatasetTables(source),
        registry,
        as_of=as_of,
        plan_for=plan_for,
        top=top,
        id_field=id_field,
        detail=detail,
        keep=keep,
        on_result=on_result,
        pool=pool,
    )
    return DatasetEvaluation(outcome.levels, outcome.diagnostics, outcome.pooled)


__all__ = ["DatasetTables", "evaluate_dataset"]
