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
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
import warnings
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn

from criteria_engine.errors import DataError, Diagnostic, did_you_mean

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

_DELIMITERS = (",", ";", "\t", "|")  # '|' is recognised only to be refused with advice
_RESAVE = "open it in Excel or LibreOffice and save it again as .xlsx"
_SAVE_UTF8 = "save the file as UTF-8 (Excel: 'CSV UTF-8'; LibreOffice: character set Unicode (UTF-8))"
_DELIMITER_HINT = "separate the columns with ',' or ';' (or tabs, as .tsv), the same in every row"
_MARKER_RE = re.compile("\x00cell-too-large:([0-9]+)\x00")


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


def _fail(
    code: str, message: str, file: str, line: int = 0, column: int = 0, hint: str | None = None
) -> NoReturn:
    raise DataError([Diagnostic(code, message, file, line, column, suggestion=hint)])


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """The format of ``path``: ``csv``, ``tsv``, ``json``, ``jsonl`` or ``xlsx``.

    ``fmt`` overrides the extension; ``-`` (stdin) is JSONL. Unknown extensions raise
    ``data-unknown-format``.
    """
    if fmt is not None:
        name = fmt.lower().lstrip(".")
        if name in FORMATS.values() or f".{name}" in FORMATS:
            return FORMATS.get(f".{name}", name)
        _fail("data-unknown-format", f"unknown data format '{fmt}'", str(path))
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    hint = "save it as .xlsx" if suffix == ".xls" else f"use one of: {', '.join(sorted(FORMATS))}"
    _fail("data-unknown-format", f"cannot read '{Path(path).name}': unknown file type", str(path), hint=hint)


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
        _fail("data-unknown-format", "standard input is read as JSONL only", "<stdin>")
    if str(path) != "-" and not Path(path).is_file():
        _fail("data-unreadable", f"cannot read '{path}': no such file", str(path))
    if kind in ("csv", "tsv"):
        return _iter_csv(Path(path), "\t" if kind == "tsv" else None)
    if kind == "json":
        return _iter_json(Path(path), table)
    if kind == "jsonl":
        return _iter_jsonl(path)
    return _iter_xlsx(Path(path), sheet)


def read_headers(
    path: str | Path, *, sheet: str | None = None, table: str | None = None, fmt: str | None = None
) -> list[str]:
    """The column headers of ``path``, in file order ('' for a column without a header).

    CSV and XLSX: the header row. JSON and JSONL: every key of every record, in order of
    first appearance (JSONL is read through once for this).
    """
    kind = detect_format(path, fmt)
    if kind in ("csv", "tsv"):
        _check_utf8(Path(path))
        with _open(Path(path)) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            return list(_CsvFile(Path(path), text, "\t" if kind == "tsv" else None).headers)
    if kind == "xlsx":
        return _xlsx_headers(Path(path), sheet)
    seen: dict[str, None] = {}
    for row in iter_rows(path, table=table, fmt=kind):
        seen.update(dict.fromkeys(row.values))
    return list(seen)


def list_sheets(path: str | Path) -> list[str]:
    """The sheet names of an XLSX workbook, in workbook order."""
    wb = _open_workbook(Path(path))
    try:
        return [str(name) for name in wb.sheetnames]
    finally:
        wb.close()


# --- shared helpers ---------------------------------------------------------------------


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        _fail("data-unreadable", f"cannot read '{path}': {exc.strerror or exc}", str(path))


def _check_utf8(path: Path) -> None:
    """Refuse a file that is not UTF-8 (in constant memory), naming the first bad line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with _open(path) as raw:
        try:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            pass
        else:
            return
        raw.seek(0)
        for number, line in enumerate(raw, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(line[: exc.start].decode("utf-8", "replace")) + 1
                message = f"line {number} is not UTF-8 text (byte 0x{line[exc.start]:02X})"
                _fail("data-not-utf8", message, str(path), number, column, _SAVE_UTF8)
    _fail("data-not-utf8", "the file is not UTF-8 text", str(path))  # cut inside a character


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _preview(values: Sequence[object], limit: int = 3) -> str:
    shown = [f"'{v if len(str(v)) <= 40 else str(v)[:39] + '…'}'" for v in values[:limit]]
    return ", ".join(shown) + (", …" if len(values) > limit else "")


def _make_headers(cells: Sequence[object], file: str, line: int) -> list[str]:
    """Header cells as names: stripped, trailing empty ones dropped, size and duplicates checked."""
    names = ["" if c is None else _text(c).strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    if len(names) > MAX_COLUMNS:
        message = f"the header has {len(names):,} columns; at most {MAX_COLUMNS:,} are supported"
        _fail("data-too-many-columns", message, file, line)
    seen: dict[str, int] = {}
    for index, name in enumerate(names, start=1):
        if _MARKER_RE.search(name):
            message = f"header cell {index} is larger than {MAX_CELL_CHARS:,} characters"
            _fail("data-cell-too-large", message, file, line, index)
        if name and name in seen:
            message = f"columns {seen[name]} and {index} are both named '{name}'"
            _fail("data-duplicate-column", message, file, line, index, "rename one of them")
        seen.setdefault(name, index)
    return names


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _make_row(headers: Sequence[str], cells: Sequence[object], line: int, file: str) -> RawRow:
    """Cells under their headers; oversized cells and cells without a header become problems."""
    values: dict[str, object] = {}
    problems: list[Diagnostic] = []
    extra: list[object] = []
    first_extra = 0
    for index, cell in enumerate(cells):
        name = headers[index] if index < len(headers) else ""
        if isinstance(cell, str) and (len(cell) > MAX_CELL_CHARS or _MARKER_RE.search(cell)):
            found = _MARKER_RE.search(cell)
            size = int(found.group(1)) if found else len(cell)
            label = f"column '{name}'" if name else f"column {index + 1}"
            problems.append(
                Diagnostic(
                    "data-cell-too-large",
                    f"row {line}, {label}: the cell has {size:,} characters, more than the limit of "
                    f"{MAX_CELL_CHARS:,}; it is left out",
                    file,
                    line,
                    index + 1,
                )
            )
        elif name:
            values[name] = cell
        elif not _blank(cell):
            extra.append(cell)
            first_extra = first_extra or index + 1
    if extra:
        problems.append(
            Diagnostic(
                "data-extra-cells",
                f"row {line} has {len(extra)} value(s) in columns without a header "
                f"(the header has {sum(1 for h in headers if h)} named columns): {_preview(extra)}; left out",
                file,
                line,
                first_extra,
            )
        )
    return RawRow(line, values, tuple(problems))


# --- CSV --------------------------------------------------------------------------------


def _iter_csv(path: Path, delimiter: str | None) -> Iterator[RawRow]:
    _check_utf8(path)
    with _open(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        yield from _CsvFile(path, text, delimiter).rows()


class _CsvFile:
    """One open CSV file: delimiter sniffed, header read; :meth:`rows` streams the records.

    Lines are fed to :mod:`csv` one at a time. A line longer than ``LINE_CHUNK_CHARS`` is first
    rewritten by :func:`_reduce_long_line`, which replaces each oversized cell by a marker.
    """

    def __init__(self, path: Path, text: IO[str], delimiter: str | None) -> None:
        self.file = str(path)
        self._text = text
        self.line_no = 0
        self._pending: list[str] = self._first_line()
        self.delimiter = delimiter or self._sniff("".join(self._pending))
        self._new_record = True
        self._after_cr = False
        self._start = 0
        csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
        self._reader = csv.reader(self._lines(), delimiter=self.delimiter)
        header = self._next_record()
        if header is None:
            _fail("data-empty", "the file has no header row", self.file)
        self.header_line = header[0]
        self.headers = _make_headers(header[1], self.file, header[0])
        self._peeked = self._next_record()
        if delimiter is None and sum(1 for h in self.headers if h) == 1 and self._peeked:
            self._check_single_column(*self._peeked)

    def _first_line(self) -> list[str]:
        """The chunks of the first non-blank line (at most ~1 MiB of it: enough to sniff)."""
        while True:
            chunks: list[str] = []
            while not chunks or not (chunks[-1].endswith(("\n", "\r")) or sum(map(len, chunks)) > 1 << 20):
                chunk = self._text.readline(LINE_CHUNK_CHARS)
                if not chunk:
                    break
                chunks.append(chunk)
            if not chunks:
                _fail("data-empty", "the file is empty (no header row)", self.file)
            if "".join(chunks).strip(" \t\r\n,;|"):  # a line of only delimiters is blank too
                return chunks
            self.line_no += 1

    def _sniff(self, line: str) -> str:
        outside = re.sub(r'"[^"]*"', "", line)
        counts = {d: outside.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        if best == "|" and counts[best]:
            message = "the header row is separated by '|', which is not a CSV delimiter"
            _fail("data-delimiter", message, self.file, self.line_no + 1, hint=_DELIMITER_HINT)
        return best if counts[best] else ","

    def _check_single_column(self, line: int, cells: list[str], _error: str | None) -> None:
        """A one-column header is fine only if the first data row agrees."""
        filled = [c for c in cells if c.strip()]
        seps = [d for d in _DELIMITERS[1:] if len(filled) == 1 and d in filled[0]]
        if len(filled) > 1 or seps:
            shown = "TAB" if seps[:1] == ["\t"] else (seps or [","])[0]
            message = f"the header has a single column but row {line} has cells separated by '{shown}'"
            _fail("data-delimiter", message, self.file, line, hint=_DELIMITER_HINT)

    def _read(self) -> str:
        return self._pending.pop(0) if self._pending else self._text.readline(LINE_CHUNK_CHARS)

    def _lines(self) -> Iterator[str]:
        """Physical lines for csv. csv asks for a line within a record only when the record's
        previous line ended inside a quoted cell, so that is known without parsing."""
        while True:
            chunk = self._read()
            if not chunk:
                return
            split_crlf = chunk == "\n" and self._after_cr  # a CRLF cut by the chunk size: same line
            in_quotes = not self._new_record
            if self._new_record:
                self._new_record, self._start = False, self.line_no + 1
            if len(chunk) >= LINE_CHUNK_CHARS and not chunk.endswith(("\n", "\r")):
                chunk = _reduce_long_line(chunk, self._read, self.delimiter, in_quotes)
            self._after_cr = chunk.endswith("\r")
            self.line_no += 0 if split_crlf else 1
            yield chunk

    def _next_record(self) -> tuple[int, list[str], str | None] | None:
        """The next non-blank record as (start line, cells, csv error), or None at the end."""
        while True:
            self._new_record = True
            try:
                cells = next(self._reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                return self._start, [], str(exc)
            if any(c.strip() for c in cells):
                return self._start, cells, None

    def rows(self) -> Iterator[RawRow]:
        """The data rows, in file order."""
        item = self._peeked
        while item is not None:
            line, cells, error = item
            if error is None:
                yield _make_row(self.headers, cells, line, self.file)
            else:
                problem = Diagnostic(
                    "data-cell-too-large", f"row {line} cannot be read: {error}", self.file, line
                )
                yield RawRow(line, {}, (problem,))
            item = self._next_record()


_START, _PLAIN, _QUOTED, _QUOTE = range(4)


class _Cell:
    """One cell of a long line: its text while short, only its length once too long."""

    __slots__ = ("opened", "parts", "size")

    def __init__(self, opened: bool) -> None:
        self.opened = opened
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.size += len(text)
        if self.size <= MAX_CELL_CHARS:
            self.parts.append(text)
        else:
            self.parts.clear()

    def render(self, closed: bool) -> str:
        if self.size > MAX_CELL_CHARS:
            body = f"\x00cell-too-large:{self.size}\x00"
        else:
            body = "".join(self.parts).replace('"', '""')
        return ('"' if self.opened else "") + body + ('"' if closed else "")


def _reduce_long_line(first: str, more: Callable[[], str], delim: str, in_quotes: bool) -> str:
    """Rewrite one long physical line so that csv reads the same cells, except that each
    cell longer than ``MAX_CELL_CHARS`` becomes a marker holding its length.

    Follows the csv module's default dialect: a quote opens a quoted cell only as the cell's
    first character, ``""`` inside it is a quote, text after the closing quote is kept.
    Every cell is written back quoted. ``in_quotes``: the line continues a quoted cell.
    """
    out: list[str] = []
    cell = _Cell(opened=not in_quotes)
    state = _QUOTED if in_quotes else _START
    chunk = first
    while True:
        newline = "\r\n" if chunk.endswith("\r\n") else chunk[-1:] if chunk.endswith(("\n", "\r")) else ""
        body = chunk[: len(chunk) - len(newline)]
        i, n = 0, len(body)
        while i < n:
            if state == _START:
                if body[i] == '"':
                    state, i = _QUOTED, i + 1
                    continue
                state = _PLAIN
            if state == _PLAIN:
                j = body.find(delim, i)
                if j < 0:
                    cell.add(body[i:])
                    break
                cell.add(body[i:j])
                out.append(cell.render(True) + delim)
                cell, state, i = _Cell(True), _START, j + 1
            elif state == _QUOTED:
                j = body.find('"', i)
                if j < 0:
                    cell.add(body[i:])
                    break
                cell.add(body[i:j])
                state, i = _QUOTE, j + 1
            elif body[i] == '"':  # _QUOTE: a doubled quote
                cell.add('"')
                state, i = _QUOTED, i + 1
            elif body[i] == delim:
                out.append(cell.render(True) + delim)
                cell, state, i = _Cell(True), _START, i + 1
            else:
                state = _PLAIN
        if newline or not chunk:
            out.append(cell.render(state != _QUOTED) + newline)
            return "".join(out)
        chunk = more()


# --- JSON and JSONL ---------------------------------------------------------------------


def _json_row(number: int, item: object, file: str) -> RawRow:
    if isinstance(item, dict):
        return RawRow(number, {str(k): v for k, v in item.items()})
    kind = "null" if item is None else type(item).__name__
    problem = Diagnostic(
        "data-not-object", f"row {number} is a {kind}, not an object: {_preview([item], 1)}", file, number, 1
    )
    return RawRow(number, {}, (problem,))


def load_json(path: Path) -> object:
    """The parsed JSON document at ``path`` (UTF-8, BOM allowed); problems raise DataError."""
    with _open(path) as raw:
        data = raw.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _check_utf8(path)  # raises, naming the line
        raise
    if not text.strip():
        _fail("data-empty", "the file is empty", str(path))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        _fail("data-bad-json", f"the file is not valid JSON: {exc.msg}", str(path), exc.lineno, exc.colno)


def json_table(document: object, table: str | None, file: str) -> list[Any]:
    """The list of records of a JSON document: the document itself, or the list under ``table``.

    Without ``table``, an object with exactly one list value gives that list.
    """
    if isinstance(document, list):
        if table is None:
            return document
        _fail("dataset-missing-table", f"the file holds one list, not a table named '{table}'", file)
    if not isinstance(document, dict):
        _fail("data-not-list", "the JSON document is not a list of records", file, 1, 1)
    lists = [key for key, value in document.items() if isinstance(value, list)]
    if table is None:
        if len(lists) == 1:
            return list(document[lists[0]])
        which = f": one of {', '.join(lists)}" if lists else " (it holds no list)"
        _fail("data-not-list", f"the JSON document is an object; name the table to read{which}", file, 1, 1)
    if table not in document:
        listed = f"; it has: {', '.join(lists)}" if lists else ""
        hint = did_you_mean(table, lists)
        _fail("dataset-missing-table", f"no table '{table}' in the document{listed}", file, hint=hint)
    value = document[table]
    if not isinstance(value, list):
        _fail("data-not-list", f"'{table}' is a {type(value).__name__}, not a list of records", file)
    return value


def _iter_json(path: Path, table: str | None) -> Iterator[RawRow]:
    for number, item in enumerate(json_table(load_json(path), table, str(path)), start=1):
        yield _json_row(number, item, str(path))


def _iter_jsonl(path: str | Path) -> Iterator[RawRow]:
    stdin = str(path) == "-"
    if not stdin:
        _check_utf8(Path(path))
    file = "<stdin>" if stdin else str(path)
    rows = 0
    source: IO[bytes] = sys.stdin.buffer if stdin else _open(Path(path))
    with nullcontext(source) if stdin else source as raw:
        for number, data in enumerate(raw, start=1):
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError:
                _fail("data-not-utf8", f"line {number} is not UTF-8 text", file, number)
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            rows += 1
            try:
                item = json.loads(line)
            except ValueError as exc:
                where = (exc.colno,) if isinstance(exc, json.JSONDecodeError) else (1,)
                message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                problem = Diagnostic(
                    "data-bad-json", f"row {number} is not valid JSON: {message}", file, number, *where
                )
                yield RawRow(number, {}, (problem,))
                continue
            yield _json_row(number, item, file)
    if not rows:
        _fail("data-empty", "the file is empty (no records)", file)


# --- XLSX -------------------------------------------------------------------------------


def _open_workbook(path: Path) -> Any:
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    if not path.is_file():
        _fail("data-unreadable", f"cannot read '{path}': no such file", str(path))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        _fail("data-unreadable", f"cannot read '{path}': {exc.strerror or exc}", str(path))
    except Exception as exc:
        _fail("data-bad-xlsx", _broken(exc), str(path), hint=_RESAVE)


def _broken(exc: Exception) -> str:
    return f"the workbook cannot be read ({type(exc).__name__}: {exc})"


def _cell_value(cell: Any) -> object:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        fmt = getattr(cell, "number_format", None)
        if isinstance(fmt, str) and "%" in fmt:  # shown as 45% but stored as 0.45
            return round(value * 100, 9)
    return value


def _xlsx_records(path: Path, sheet: str | None) -> Generator[tuple[int, list[object]], None, None]:
    """The non-blank rows of one sheet as (sheet row, cell values); the first is the header."""
    wb = _open_workbook(path)
    file = str(path)
    try:
        names = [str(n) for n in wb.sheetnames]
        if sheet is not None and sheet not in names:
            listed = ", ".join(names)
            hint = did_you_mean(sheet, names)
            _fail("data-missing-sheet", f"no sheet '{sheet}'; the workbook has: {listed}", file, hint=hint)
        if not names:
            _fail("data-empty", "the workbook has no sheets", file)
        ws = wb[sheet if sheet is not None else names[0]]
        ws.reset_dimensions()  # stored dimensions are often wrong; read what is there
        found = False
        for number, cells in enumerate(ws.iter_rows(min_row=1), start=1):
            values = [_cell_value(c) for c in cells]
            if not all(_blank(v) for v in values):
                found = True
                yield number, values
        if not found:
            _fail("data-empty", f"sheet '{ws.title}' is empty (no header row)", file)
    except DataError:
        raise
    except Exception as exc:
        _fail("data-bad-xlsx", _broken(exc), file, hint=_RESAVE)
    finally:
        with suppress(Exception):
            wb.close()


def _xlsx_headers(path: Path, sheet: str | None) -> list[str]:
    with closing(_xlsx_records(path, sheet)) as records:
        number, cells = next(records)
        return _make_headers(cells, str(path), number)


def _iter_xlsx(path: Path, sheet: str | None) -> Iterator[RawRow]:
    """Rows of one sheet. Percent-formatted numbers come as shown (45 for 45%)."""
    with closing(_xlsx_records(path, sheet)) as records:
        headers: list[str] | None = None
        for number, cells in records:
            if headers is None:
                headers = _make_headers(cells, str(path), number)
            else:
                yield _make_row(headers, cells, number, str(path))


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
