"""Reading candidate data files as streams of raw rows: CSV/TSV, JSON, JSONL and XLSX.

:func:`iter_rows` yields one :class:`RawRow` per data row, in file order, and never drops a
row: a row that cannot be read whole still comes out, carrying its problems, so the number of
rows out equals the number of rows in. Problems of the whole file (missing, not UTF-8, empty,
wrong delimiter, too many columns, a broken workbook) raise :class:`DataError` with one
diagnostic, before any row is yielded (except damage that only shows mid-way: a line of
stdin that is not UTF-8, a corrupt sheet inside a readable workbook).

Memory: CSV, JSONL and XLSX stream in constant memory (one row at a time). CSV lines longer
than :data:`LINE_CHUNK_CHARS` are read in chunks, and a cell longer than
:data:`MAX_CELL_CHARS` is counted, not kept, so even a 100 MB cell costs a few megabytes. A
JSON document is loaded whole (JSON has no streaming form in the standard library); use
JSONL for very large inputs (each JSONL line is parsed whole).

CSV: UTF-8 with or without BOM; the delimiter (``,`` ``;`` or tab) is sniffed from the header
line; a header of one column is accepted only if the first data row holds no other delimiter.
Cells beyond the header are reported (``data-extra-cells``), missing trailing cells are absent.

Blank rows (every cell empty or whitespace) are not data rows and are skipped everywhere.

This module holds the public surface, the limits and the choice of format; each format is read
by a private module (:mod:`._csv_reader`, :mod:`._json_reader`, :mod:`._xlsx_reader`), with the
steps they share in :mod:`._files` (opening, UTF-8) and :mod:`._rows` (cells to rows).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from criteria_engine.errors import Diagnostic
from criteria_engine.io._csv_reader import CsvFile, iter_csv
from criteria_engine.io._files import check_utf8, fail, open_binary
from criteria_engine.io._json_reader import iter_json, iter_jsonl, json_table, load_json
from criteria_engine.io._xlsx_reader import iter_xlsx, open_workbook, xlsx_headers

MAX_CELL_CHARS = 1 << 20
"""A cell longer than this many characters is left out; its row gets ``data-cell-too-large``."""
MAX_COLUMNS = 2000
"""A header with more columns than this is refused (``data-too-many-columns``)."""
CSV_FIELD_LIMIT = 200 * 1024 * 1024
"""Raised ``csv.field_size_limit`` (a cell spread over many short lines is parsed by csv)."""
LINE_CHUNK_CHARS = 2 << 20
"""CSV lines are read in chunks of this size; longer lines take the cell-counting path."""

FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
"""File extension -> format name."""


@dataclass(frozen=True, slots=True)
class RawRow:
    """One data row as read: its 1-based row number as a person sees it, the cells by
    header, and the problems found reading it (the row is yielded even when it has some).

    Row numbers: CSV the line where the row starts (the header is line 1); XLSX the sheet
    row; JSONL the line; JSON the array index + 1.
    """

    row_number: int
    values: dict[str, object]
    problems: tuple[Diagnostic, ...] = ()


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """The format of ``path``: ``csv``, ``tsv``, ``json``, ``jsonl`` or ``xlsx``.

    ``fmt`` overrides the extension; ``-`` (stdin) is JSONL. Unknown extensions raise
    ``data-unknown-format``.
    """
    if fmt is not None:
        name = fmt.lower().lstrip(".")
        if name in FORMATS.values() or f".{name}" in FORMATS:
            return FORMATS.get(f".{name}", name)
        fail("data-unknown-format", f"unknown data format '{fmt}'", str(path))
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    hint = "save it as .xlsx" if suffix == ".xls" else f"use one of: {', '.join(sorted(FORMATS))}"
    fail("data-unknown-format", f"cannot read '{Path(path).name}': unknown file type", str(path), hint=hint)


def iter_rows(
    path: str | Path, *, sheet: str | None = None, table: str | None = None, fmt: str | None = None
) -> Iterator[RawRow]:
    """Stream the data rows of ``path`` (``-`` reads JSONL from stdin).

    ``sheet`` picks an XLSX sheet (default: the first); ``table`` picks the list under that
    key of a JSON document shaped ``{"households": [...]}``. The format and the file's
    existence are checked now; everything else when iteration starts.
    """
    kind = detect_format(path, fmt)
    if str(path) == "-" and kind != "jsonl":
        fail("data-unknown-format", "standard input is read as JSONL only", "<stdin>")
    if str(path) != "-" and not Path(path).is_file():
        fail("data-unreadable", f"cannot read '{path}': no such file", str(path))
    if kind in ("csv", "tsv"):
        return iter_csv(Path(path), "\t" if kind == "tsv" else None)
    if kind == "json":
        return iter_json(Path(path), table)
    if kind == "jsonl":
        return iter_jsonl(path)
    return iter_xlsx(Path(path), sheet)


def read_headers(
    path: str | Path, *, sheet: str | None = None, table: str | None = None, fmt: str | None = None
) -> list[str]:
    """The column headers of ``path``, in file order ('' for a column without a header).

    CSV and XLSX: the header row. JSON and JSONL: every key of every record, in order of
    first appearance (JSONL is read through once for this).
    """
    kind = detect_format(path, fmt)
    if kind in ("csv", "tsv"):
        check_utf8(Path(path))
        with open_binary(Path(path)) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            return list(CsvFile(Path(path), text, "\t" if kind == "tsv" else None).headers)
    if kind == "xlsx":
        return xlsx_headers(Path(path), sheet)
    seen: dict[str, None] = {}
    for row in iter_rows(path, table=table, fmt=kind):
        seen.update(dict.fromkeys(row.values))
    return list(seen)


def list_sheets(path: str | Path) -> list[str]:
    """The sheet names of an XLSX workbook, in workbook order."""
    wb = open_workbook(Path(path))
    try:
        return [str(name) for name in wb.sheetnames]
    finally:
        wb.close()


__all__ = [
    "CSV_FIELD_LIMIT",
    "FORMATS",
    "LINE_CHUNK_CHARS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "RawRow",
    "detect_format",
    "iter_rows",
    "json_table",
    "list_sheets",
    "load_json",
    "read_headers",
]
