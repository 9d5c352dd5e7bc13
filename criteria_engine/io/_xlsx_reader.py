"""XLSX workbooks as rows, one sheet at a time, streamed from the sheet's XML.

Before openpyxl opens a workbook, :func:`check_archive` reads the zip directory and refuses a
bomb (a part that inflates far beyond its stored size, or beyond a fixed size) in
milliseconds, without inflating anything. Rows are then read with openpyxl's streaming sheet
parser, with two changes from its read-only worksheets: a formula cell whose result was
never saved comes as :data:`~criteria_engine.io.readers.FORMULA_WITHOUT_VALUE` (openpyxl
gives ``None``, which would read as an empty cell), and rows are taken as they are in the
file (a row numbered 1,000,000 does not make a million empty rows first).
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Generator, Iterator
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

from criteria_engine.errors import DataError, did_you_mean, os_reason

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import fail
from criteria_engine.io._rows import HeaderChoice, is_blank, make_headers, make_row, pick_header
from criteria_engine.messages import Msg, listing, msg

_RESAVE = msg("data-bad-xlsx.hint")
_FORMULA_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}f"


def check_archive(path: Path) -> None:
    """Refuse an xlsx whose parts would inflate too far (a 'zip bomb'), reading only the zip
    directory: a part larger than ``MAX_XLSX_PART_BYTES``, a large part compressed more than
    ``MAX_XLSX_RATIO`` times, more than ``MAX_XLSX_PARTS`` parts, or shared strings (held in
    memory whole) larger than ``MAX_XLSX_STRINGS_BYTES``. Sizes are those the zip declares; a
    part that inflates beyond its declared size fails its check when read."""
    file = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        fail("data-bad-xlsx", msg("data-bad-xlsx", detail=str(exc)), file, hint=_RESAVE)
    if len(parts) > readers.MAX_XLSX_PARTS:
        text = msg("data-xlsx-too-large.parts", count=len(parts), limit=readers.MAX_XLSX_PARTS)
        fail("data-xlsx-too-large", text, file, hint=_RESAVE)
    for part in parts:
        size, stored = part.file_size, max(part.compress_size, 1)
        name = part.filename
        limit = (
            readers.MAX_XLSX_STRINGS_BYTES
            if name.endswith("sharedStrings.xml")
            else readers.MAX_XLSX_PART_BYTES
        )
        too_big = size > limit
        bomb = size > readers.MAX_XLSX_RATIO_FLOOR and size > stored * readers.MAX_XLSX_RATIO
        if too_big or bomb:
            why = (
                msg("data-xlsx-too-large.limit", limit=limit)
                if too_big
                else msg("data-xlsx-too-large.ratio", ratio=size // stored, stored=stored)
            )
            text = msg("data-xlsx-too-large", part=name, size=size, why=why)
            fail("data-xlsx-too-large", text, file, hint=msg("data-xlsx-too-large.hint"))


def open_workbook(path: Path) -> Any:
    if not path.is_file():
        fail("data-unreadable", msg("data-unreadable.missing", path=str(path)), str(path))
    check_archive(path)
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        fail("data-unreadable", msg("data-unreadable", path=str(path), reason=os_reason(exc)), str(path))
    except Exception as exc:
        fail("data-bad-xlsx", _broken(exc), str(path), hint=_RESAVE)


def _broken(exc: Exception) -> Msg:
    return msg("data-bad-xlsx.broken", kind=type(exc).__name__, detail=str(exc))


def _parser_class() -> Any:
    """openpyxl's sheet parser, keeping 'formula without a saved result' apart from empty, and
    keeping no per-row attributes (it stores every row's height otherwise)."""
    from openpyxl.worksheet import _reader  # type: ignore[import-untyped,unused-ignore]

    class Parser(_reader.WorkSheetParser):  # type: ignore[misc,name-defined,unused-ignore]
        def parse_cell(self, element: Any) -> Any:
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(_FORMULA_TAG) is not None:
                cell["value"] = readers.FORMULA_WITHOUT_VALUE
            return cell

        def parse_row(self, row: Any) -> Any:
            number, cells = super().parse_row(row)
            self.row_dimensions.clear()
            return number, cells

    return Parser


class _Percent:
    """Which cell styles show numbers as percentages (45% is stored as 0.45)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.known: dict[int, bool] = {}

    def __call__(self, style_id: int) -> bool:
        found = self.known.get(style_id)
        if found is None:
            from openpyxl.styles.numbers import (  # type: ignore[import-untyped,unused-ignore]
                BUILTIN_FORMATS,
                BUILTIN_FORMATS_MAX_SIZE,
            )

            try:
                number = self.wb._cell_styles[style_id].numFmtId
                fmt = (
                    BUILTIN_FORMATS.get(number, "General")
                    if number < BUILTIN_FORMATS_MAX_SIZE
                    else self.wb._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
                )
            except (AttributeError, IndexError, KeyError, TypeError):
                fmt = ""
            found = self.known[style_id] = isinstance(fmt, str) and "%" in fmt
        return found


def _sheet_rows(ws: Any) -> Iterator[tuple[int, list[object]]]:
    """(sheet row, cell values) of every row the sheet's XML holds, in order."""
    wb = ws.parent
    percent = _Percent(wb)
    with ws._get_source() as source:
        parser = _parser_class()(
            source,
            ws._shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for number, cells in parser.parse():
            if not cells:
                continue
            width = min(max(c["column"] for c in cells), readers.MAX_COLUMNS * 8)
            values: list[object] = [None] * width
            for cell in cells:
                column, value = cell["column"], cell["value"]
                if column > width:
                    continue
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                if numeric and cell["style_id"] and percent(int(cell["style_id"])):
                    value = round(value * 100, 9)
                values[column - 1] = value
            yield number, values


def _xlsx_records(path: Path, sheet: str | None) -> Generator[tuple[int, list[object]], None, None]:
    """The non-blank rows of one sheet as (sheet row, cell values)."""
    wb = open_workbook(path)
    file = str(path)
    try:
        names = [str(n) for n in wb.sheetnames]
        if sheet is not None and sheet not in names:
            hint = did_you_mean(sheet, names)
            text = msg("data-missing-sheet", sheet=sheet, sheets=listing(names))
            fail("data-missing-sheet", text, file, hint=hint)
        if not names:
            fail("data-empty", msg("data-empty.no-sheets"), file)
        ws = wb[sheet if sheet is not None else names[0]]
        found = False
        for number, values in _sheet_rows(ws):
            if not all(is_blank(v) for v in values):
                found = True
                yield number, values
        if not found:
            fail("data-empty", msg("data-empty.sheet", sheet=str(ws.title)), file)
    except DataError:
        raise
    except Exception as exc:
        fail("data-bad-xlsx", _broken(exc), file, hint=_RESAVE)
    finally:
        with suppress(Exception):
            wb.close()


def xlsx_headers(
    path: Path, sheet: str | None, header: HeaderChoice = None
) -> tuple[int, list[str], tuple[int, ...]]:
    """(sheet row of the header, header names, the non-blank rows above it)."""
    with closing(_xlsx_records(path, sheet)) as records:
        number, cells, above, _rest = pick_header(records, header, str(path))
        return number, make_headers(cells, str(path), number), above


def iter_xlsx(path: Path, sheet: str | None, header: HeaderChoice = None) -> Iterator[readers.RawRow]:
    """Rows of one sheet below its header. Percent-formatted numbers come as shown (45 for 45%);
    a row is as wide as its header (an empty cell at the end of a row is there, empty)."""
    with closing(_xlsx_records(path, sheet)) as records:
        number, cells, _above, rest = pick_header(records, header, str(path))
        headers = make_headers(cells, str(path), number)
        width = len(headers)
        for row_number, values in rest:
            if len(values) < width:
                values = values + [None] * (width - len(values))
            yield make_row(headers, values, row_number, str(path))
