"""Converting whole rows: a table's cells by header into a typed record and its problems.

:class:`RowConverter` converts the rows of one table with a function compiled for its columns
(:mod:`~criteria_engine.io.row_code`); :func:`convert_row` and :func:`convert_raw_row` convert
one row, cell by cell (the reference the compiled function is tested against). Values are
converted by :func:`~criteria_engine.io.convert.convert_value`.
"""

from __future__ import annotations

from collections.abc import Mapping

from criteria_engine.errors import Diagnostic, diagnostic
from criteria_engine.evaluators.records import id_text
from criteria_engine.format.models import InputSpec
from criteria_engine.io import row_code
from criteria_engine.io.advice import RESAVE_FORMULAS, cell_text, how_to_write, is_empty
from criteria_engine.io.columns import ColumnMap
from criteria_engine.io.convert import convert_value
from criteria_engine.io.readers import FORMULA_WITHOUT_VALUE, RawRow
from criteria_engine.messages import Msg, msg

MEMO_LIMIT = 20_000
"""Converted cell texts remembered per input before its memo is cleared (a column's values
repeat: có/không, 0, 1, rural...; conversion is a pure function of the input and the text)."""

MEMO_TEXT = 64
"""Only texts up to this length are remembered (ids and free text rarely repeat)."""


class RowConverter:
    """Converts the rows of one table: each header's target and type chosen once, not per cell.

    A row's record holds the inputs converted by their declared types (missing values left
    out), the candidate id as id text under the id field, link fields as id text; unmapped
    columns are dropped. Each value that cannot be converted gives a ``data-bad-value``
    diagnostic at (file, row, column), in the row's order of cells.

    With ``memo`` (the default) the conversion is compiled for the table
    (:mod:`~criteria_engine.io.row_code`): one function reads the mapped cells, and each
    distinct short text is converted once per input. Without it every cell is converted as it
    comes (the reference the compiled function is tested against): the records and the
    diagnostics are the same.
    """

    def __init__(
        self,
        column_map: ColumnMap,
        inputs: Mapping[str, InputSpec],
        *,
        file: str = "",
        memo: bool = True,
    ) -> None:
        self.map = column_map
        self.inputs = inputs
        self.file = file
        # mapped columns in the file's order: (header, kind, name, input spec or None, column)
        self._columns = [
            (header, kind, name, inputs.get(name) if kind == "input" else None, column_map.column_of(header))
            for header in column_map.headers
            if (target := column_map.targets.get(header)) is not None
            for kind, name in [target]
        ]
        self._compiled: row_code.Converter | None = None
        memos: dict[str, dict[str, object]] = {}
        self._memos = [
            memos.setdefault(name, {}) if spec is not None and spec.type != "list" else None
            for _header, _kind, name, spec, _column in self._columns
        ]
        if memo:
            self._compiled = row_code.compile_columns(
                [
                    row_code.Column(header, name, cache, spec is None)
                    for (header, _kind, name, spec, _column), cache in zip(
                        self._columns, self._memos, strict=True
                    )
                ],
                self._learn,
                self._slow,
                id_text,
            )

    def _slow(self, index: int, raw: object) -> object:
        """A cell of column ``index`` converted: its value, ``SKIP`` (nothing) or a ``Bad``."""
        spec = self._columns[index][3]
        assert spec is not None  # id and link columns are not converted here
        value, problem = convert_value(raw, spec)
        if problem:
            return row_code.Bad(problem, row_code.SKIP if value is None else value)
        if value is not None:
            return value
        if spec.blank is not None and is_empty(raw):
            return spec.blank
        return row_code.SKIP

    def _learn(self, index: int, text: str) -> object:
        """:meth:`_slow` for a text seen for the first time, remembered when short."""
        found = self._slow(index, text)
        memo = self._memos[index]
        if memo is not None and len(text) <= MEMO_TEXT:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            memo[text] = found
        return found

    def convert(
        self, values: Mapping[str, object], row_number: int = 0
    ) -> tuple[dict[str, object], list[Diagnostic]]:
        """The record of one row's cells (by header) and the problems of its values."""
        if self._compiled is None:
            return self._convert_each(values, row_number)
        record, bad = self._compiled(values, row_number)
        if bad is None:
            return record, []
        if len(bad) > 1:  # in the row's order of cells (a JSON record's keys may come in any order)
            order = {header: position for position, header in enumerate(values)}
            bad.sort(key=lambda found: order.get(self._columns[found[0]][0], 0))
        problems = []
        for index, raw, problem in bad:
            header, _kind, name, spec, column = self._columns[index]
            assert spec is not None
            problems.append(self._problem(header, raw, problem, row_number, column, name, spec))
        return record, problems

    def _convert_each(
        self, values: Mapping[str, object], row_number: int
    ) -> tuple[dict[str, object], list[Diagnostic]]:
        """:meth:`convert` one cell at a time, nothing remembered (the reference)."""
        record: dict[str, object] = {}
        problems: list[Diagnostic] = []
        targets = self.map.targets
        for header, raw in values.items():
            target = targets.get(header)
            if target is None:
                continue
            kind, name = target
            spec = self.inputs.get(name) if kind == "input" else None
            if spec is None:
                text = id_text(raw)
                if text:
                    record[name] = text
                continue
            value, problem = convert_value(raw, spec)
            if problem:
                column = self.map.column_of(header)
                problems.append(self._problem(header, raw, problem, row_number, column, name, spec))
            if value is not None:
                record[name] = value
            elif spec.blank is not None and problem is None and is_empty(raw):
                record[name] = spec.blank
        return record, problems

    def _problem(
        self, header: str, raw: object, problem: Msg, row: int, column: int, name: str, spec: InputSpec
    ) -> Diagnostic:
        where = msg("at.row-column", row=row, column=header) if row else msg("at.column", column=header)
        code = "data-formula-no-value" if raw is FORMULA_WITHOUT_VALUE else "data-bad-value"
        fix = RESAVE_FORMULAS if raw is FORMULA_WITHOUT_VALUE else how_to_write(spec)
        shown = None if raw is FORMULA_WITHOUT_VALUE else cell_text(raw)
        text = msg("at", where=where, problem=problem)
        return diagnostic(code, text, self.file, row, column, (name,), fix, value=shown)

    def __call__(self, row: RawRow) -> tuple[dict[str, object], list[Diagnostic]]:
        """:meth:`convert` for a :class:`RawRow`, with the row's reading problems first."""
        record, problems = self.convert(row.values, row.row_number)
        return record, [*row.problems, *problems] if row.problems else problems


def convert_row(
    values: Mapping[str, object],
    column_map: ColumnMap,
    inputs: Mapping[str, InputSpec],
    *,
    row_number: int = 0,
    file: str = "",
) -> tuple[dict[str, object], list[Diagnostic]]:
    """The record of one row (see :class:`RowConverter`, which converts many rows faster)."""
    return RowConverter(column_map, inputs, file=file, memo=False).convert(values, row_number)


def convert_raw_row(
    row: RawRow, column_map: ColumnMap, inputs: Mapping[str, InputSpec], *, file: str = ""
) -> tuple[dict[str, object], list[Diagnostic]]:
    """:func:`convert_row` for a :class:`RawRow`, with the row's reading problems first."""
    return RowConverter(column_map, inputs, file=file, memo=False)(row)


__all__ = ["MEMO_LIMIT", "MEMO_TEXT", "RowConverter", "convert_raw_row", "convert_row"]
