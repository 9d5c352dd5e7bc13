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

The header row: the first non-blank row, unless ``header`` says otherwise: a row number, or a
test of a row's cells (the commune's forms put a title block above the header: the reader of
a set asks for the first row where most cells name its inputs). Rows above the header are not
data; :func:`find_header` tells which they were.

Limits (each gives an invalid row or a located error, never a traceback): cell size
(:data:`MAX_CELL_CHARS`), columns (:data:`MAX_COLUMNS`), the inflated size of an xlsx part
(:data:`MAX_XLSX_PART_BYTES`, :data:`MAX_XLSX_RATIO`), the size and rows of a JSON document
(:data:`MAX_JSON_BYTES`, :data:`MAX_JSON_ROWS`), the nesting of JSON (:data:`MAX_JSON_DEPTH`)
and the digits of a JSON number (:data:`MAX_NUMBER_DIGITS`).

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
from criteria_engine.io._rows import HEADER_SEARCH_ROWS, HeaderChoice
from criteria_engine.io._xlsx_reader import iter_xlsx, open_workbook, xlsx_headers
from criteria_engine.messages import listing, msg

MAX_CELL_CHARS = 1 << 20
"""A cell longer than this many characters is left out; its row gets ``data-cell-too-large``."""
MAX_COLUMNS = 2000
"""A header with more columns than this is refused (``data-too-many-columns``)."""
CSV_FIELD_LIMIT = 200 * 1024 * 1024
"""Raised ``csv.field_size_limit`` (a cell spread over many short lines is parsed by csv)."""
LINE_CHUNK_CHARS = 2 << 20
"""CSV lines are read in chunks of this size; longer lines take the cell-counting path."""
MAX_RECORD_LINES = 10_000
"""A quoted CSV cell still open after this many lines (or :data:`MAX_RECORD_CHARS`) is taken
as a stray quote: its row is reported broken and reading resumes on the line after it."""
MAX_RECORD_CHARS = 4 << 20
"""See :data:`MAX_RECORD_LINES`."""
MAX_XLSX_PART_BYTES = 1 << 30
"""An xlsx part (a sheet's XML) that would inflate beyond this is refused (``data-xlsx-too-large``)."""
MAX_XLSX_STRINGS_BYTES = 128 << 20
"""The shared strings of a workbook are held in memory: refused beyond this inflated size."""
MAX_XLSX_RATIO = 200
"""A part larger than :data:`MAX_XLSX_RATIO_FLOOR` that inflates more than this many times its
stored size is a zip bomb, not a spreadsheet (real sheets compress 5-30 times)."""
MAX_XLSX_RATIO_FLOOR = 16 << 20
"""See :data:`MAX_XLSX_RATIO`."""
MAX_XLSX_PARTS = 10_000
"""A workbook with more parts than this is refused."""
MAX_JSON_BYTES = 24 << 20
"""A JSON document is parsed whole; beyond this size it is refused (use JSONL, which streams)."""
MAX_JSONL_LINE_BYTES = 8 << 20
"""A JSONL line longer than this is an invalid row (it is skipped, not held in memory)."""
MAX_JSON_ROWS = 200_000
"""A JSON document with more records than this is refused (use JSONL)."""
MAX_JSON_DEPTH = 20
"""A JSON record nested deeper than this (lists in records in lists...) is an invalid row."""
MAX_NUMBER_DIGITS = 30
"""A number written with more digits than this is not read (no count or amount has that many)."""


class _FormulaWithoutValue:
    """The value of a formula cell whose result was never saved (see :data:`FORMULA_WITHOUT_VALUE`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "FORMULA_WITHOUT_VALUE"

    def __reduce__(self) -> str:
        return "FORMULA_WITHOUT_VALUE"  # the module-level singleton, across processes


FORMULA_WITHOUT_VALUE = _FormulaWithoutValue()
"""An xlsx cell holding a formula whose result the file does not store (written by a program
that does not calculate): not empty, not a value; the converter reports it where it is read."""

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


@dataclass(frozen=True, slots=True)
class Header:
    """Where a table's header is: its row number, its names, and the non-blank rows above it
    (a title block), which are not data."""

    line: int
    names: list[str]
    above: tuple[int, ...] = ()


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """The format of ``path``: ``csv``, ``tsv``, ``json``, ``jsonl`` or ``xlsx``.

    ``fmt`` overrides the extension; ``-`` (stdin) is JSONL. Unknown extensions raise
    ``data-unknown-format``.
    """
    if fmt is not None:
        name = fmt.lower().lstrip(".")
        if name in FORMATS.values() or f".{name}" in FORMATS:
            return FORMATS.get(f".{name}", name)
        fail("data-unknown-format", msg("data-unknown-format", format=fmt), str(path))
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    hint = (
        msg("data-unknown-format.xls")
        if suffix == ".xls"
        else msg("data-unknown-format.use", formats=listing(sorted(FORMATS)))
    )
    text = msg("data-unknown-format.file", file=Path(path).name)
    fail("data-unknown-format", text, str(path), hint=hint)


def iter_rows(
    path: str | Path,
    *,
    sheet: str | None = None,
    table: str | None = None,
    fmt: str | None = None,
    header: HeaderChoice = None,
) -> Iterator[RawRow]:
    """Stream the data rows of ``path`` (``-`` reads JSONL from stdin).

    ``sheet`` picks an XLSX sheet (default: the first); ``table`` picks the list under that
    key of a JSON document shaped ``{"households": [...]}``; ``header`` chooses the header row
    of a CSV or XLSX table (see the module documentation). The format and the file's
    existence are checked now; everything else when iteration starts.
    """
    kind = detect_format(path, fmt)
    if str(path) == "-" and kind != "jsonl":
        fail("data-unknown-format", msg("data-unknown-format.stdin"), "<stdin>")
    if str(path) != "-" and not Path(path).is_file():
        fail("data-unreadable", msg("data-unreadable.missing", path=str(path)), str(path))
    if kind in ("csv", "tsv"):
        return iter_csv(Path(path), "\t" if kind == "tsv" else None, header)
    if kind == "json":
        return iter_json(Path(path), table)
    if kind == "jsonl":
        return iter_jsonl(path)
    return iter_xlsx(Path(path), sheet, header)


def find_header(
    path: str | Path,
    *,
    sheet: str | None = None,
    fmt: str | None = None,
    header: HeaderChoice = None,
) -> Header:
    """The header of a CSV or XLSX table: its row, its names, the rows above it."""
    kind = detect_format(path, fmt)
    if kind in ("csv", "tsv"):
        check_utf8(Path(path))
        with open_binary(Path(path)) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            found = CsvFile(Path(path), text, "\t" if kind == "tsv" else None, header)
            return Header(found.header_line, list(found.headers), found.above)
    if kind == "xlsx":
        line, names, above = xlsx_headers(Path(path), sheet, header)
        return Header(line, names, above)
    fail("data-unknown-format", msg("data-unknown-format.header"), str(path))


def read_headers(
    path: str | Path,
    *,
    sheet: str | None = None,
    table: str | None = None,
    fmt: str | None = None,
    header: HeaderChoice = None,
) -> list[str]:
    """The column headers of ``path``, in file order ('' for a column without a header).

    CSV and XLSX: the header row. JSON and JSONL: every key of every record, in order of
    first appearance (JSONL is read through once for this).
    """
    kind = detect_format(path, fmt)
    if kind in ("csv", "tsv", "xlsx"):
        return find_header(path, sheet=sheet, fmt=kind, header=header).names
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
    "FORMULA_WITHOUT_VALUE",
    "HEADER_SEARCH_ROWS",
    "LINE_CHUNK_CHARS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_JSONL_LINE_BYTES",
    "MAX_JSON_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_JSON_ROWS",
    "MAX_NUMBER_DIGITS",
    "MAX_RECORD_CHARS",
    "MAX_RECORD_LINES",
    "MAX_XLSX_PARTS",
    "MAX_XLSX_PART_BYTES",
    "MAX_XLSX_RATIO",
    "MAX_XLSX_RATIO_FLOOR",
    "MAX_XLSX_STRINGS_BYTES",
    "Header",
    "HeaderChoice",
    "RawRow",
    "detect_format",
    "find_header",
    "iter_rows",
    "json_table",
    "list_sheets",
    "load_json",
    "read_headers",
]
