"""XLSX workbooks as rows, one sheet at a time, through openpyxl's read-only mode."""

from __future__ import annotations

import warnings
from collections.abc import Generator, Iterator
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

from criteria_engine.errors import DataError, did_you_mean

# readers, the public module, owns RawRow and the limits; they are looked up there when used (never
# at import: readers imports this module), so a limit changed there applies here too.
from criteria_engine.io import readers
from criteria_engine.io._files import fail
from criteria_engine.io._rows import is_blank, make_headers, make_row

_RESAVE = "open it in Excel or LibreOffice and save it again as .xlsx"


def open_workbook(path: Path) -> Any:
    import openpyxl  # type: ignore[import-untyped,unused-ignore]

    if not path.is_file():
        fail("data-unreadable", f"cannot read '{path}': no such file", str(path))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        fail("data-unreadable", f"cannot read '{path}': {exc.strerror or exc}", str(path))
    except Exception as exc:
        fail("data-bad-xlsx", _broken(exc), str(path), hint=_RESAVE)


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
    wb = open_workbook(path)
    file = str(path)
    try:
        names = [str(n) for n in wb.sheetnames]
        if sheet is not None and sheet not in names:
            listed = ", ".join(names)
            hint = did_you_mean(sheet, names)
            fail("data-missing-sheet", f"no sheet '{sheet}'; the workbook has: {listed}", file, hint=hint)
        if not names:
            fail("data-empty", "the workbook has no sheets", file)
        ws = wb[sheet if sheet is not None else names[0]]
        ws.reset_dimensions()  # stored dimensions are often wrong; read what is there
        found = False
        for number, cells in enumerate(ws.iter_rows(min_row=1), start=1):
            values = [_cell_value(c) for c in cells]
            if not all(is_blank(v) for v in values):
                found = True
                yield number, values
        if not found:
            fail("data-empty", f"sheet '{ws.title}' is empty (no header row)", file)
    except DataError:
        raise
    except Exception as exc:
        fail("data-bad-xlsx", _broken(exc), file, hint=_RESAVE)
    finally:
        with suppress(Exception):
            wb.close()


def xlsx_headers(path: Path, sheet: str | None) -> list[str]:
    with closing(_xlsx_records(path, sheet)) as records:
        number, cells = next(records)
        return make_headers(cells, str(path), number)


def iter_xlsx(path: Path, sheet: str | None) -> Iterator[readers.RawRow]:
    """Rows of one sheet. Percent-formatted numbers come as shown (45 for 45%)."""
    with closing(_xlsx_records(path, sheet)) as records:
        headers: list[str] | None = None
        for number, cells in records:
            if headers is None:
                headers = make_headers(cells, str(path), number)
            else:
                yield make_row(headers, cells, number, str(path))
