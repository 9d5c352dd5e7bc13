"""Reading candidates for impact reports and verification: data files to typed records.

A thin use of :mod:`criteria_engine.io`: rows are streamed with ``iter_rows``, headers (or a
JSON record's keys) mapped to inputs with ``ColumnMap.build``, values converted with
``convert_raw_row``. JSON and JSONL records may hold lists (a household's ``persons``); CSV
and XLSX suit sets whose inputs are flat. Problems are collected in a :class:`DataLog`, each
kind once, never raised for a single bad row.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..errors import Diagnostic, Severity
from ..format.models import CriteriaSet, InputSpec
from ..io import ColumnMap, convert_raw_row, detect_format, iter_rows

MAX_KEPT = 200
"""At most this many distinct problems are kept in a log (the count goes on)."""


@dataclass
class DataLog:
    """What reading a data file found: rows read, rows with problems, the problems (deduplicated)."""

    file: str
    rows: int = 0
    rows_with_problems: int = 0
    problems: list[Diagnostic] = field(default_factory=list)
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def note(self, diagnostics: list[Diagnostic]) -> None:
        """Keep the problems not seen before (by code and message)."""
        for diag in diagnostics:
            key = (diag.code, diag.message)
            if key not in self._seen and len(self.problems) < MAX_KEPT:
                self._seen.add(key)
                self.problems.append(diag)

    @property
    def errors(self) -> list[Diagnostic]:
        """The problems of severity error."""
        return [d for d in self.problems if d.severity == Severity.ERROR]


def merged_inputs(*models: CriteriaSet) -> dict[str, InputSpec]:
    """The inputs of several revisions together (later ones win; list fields are merged)."""
    out: dict[str, InputSpec] = {}
    for model in models:
        for name, spec in model.inputs.items():
            known = out.get(name)
            if known is not None and known.type == "list" and spec.type == "list":
                spec = spec.model_copy(update={"items": {**(known.items or {}), **(spec.items or {})}})
            out[name] = spec
    return out


def read_records(
    path: str | os.PathLike[str],
    inputs: Mapping[str, InputSpec],
    *,
    id_field: str = "id",
    sheet: str | None = None,
    table: str | None = None,
    extra: Mapping[str, str] | None = None,
    log: DataLog | None = None,
) -> Iterator[dict[str, object]]:
    """Stream the typed records of a data file; a record without an id gets ``#<row>``.

    ``extra`` maps headers to input names first (``--map``), as :meth:`ColumnMap.build` does.

    Raises :class:`~criteria_engine.errors.DataError` for a file that cannot be read at all.
    """
    name = os.fspath(path)
    log = log if log is not None else DataLog(name)
    tabular = detect_format(name) in ("csv", "tsv", "xlsx")
    header_line = 1 if tabular else 0
    maps: dict[tuple[str, ...], ColumnMap] = {}
    for row in iter_rows(name, sheet=sheet, table=table):
        log.rows += 1
        if not row.values and row.problems:
            log.rows_with_problems += 1
            log.note(list(row.problems))
            continue
        keys = tuple(row.values)
        column_map = maps.get(keys)
        if column_map is None:
            column_map, notes = ColumnMap.build(
                keys, inputs, id_field=id_field, extra=extra, file=name, line=header_line
            )
            # A JSON record without a key just lacks that value; only tables have missing columns.
            log.note([d for d in notes if tabular or d.code != "data-missing-column"])
            if len(maps) < 1024:
                maps[keys] = column_map
        record, problems = convert_raw_row(row, column_map, inputs, file=name)
        if problems:
            log.rows_with_problems += 1
            log.note(problems)
        if not record.get(id_field):
            record[id_field] = f"#{row.row_number}"
        yield record


__all__ = ["DataLog", "merged_inputs", "read_records"]
