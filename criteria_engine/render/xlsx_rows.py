"""The rows of a big Excel sheet, written as the sheet's XML directly.

openpyxl's write-only mode builds an element for every cell (about 8 µs each): 200,000
candidates of 31 columns took 50 s, eight times the same run to JSONL. The results sheet's
data rows are therefore written here, as text, in exactly the XML openpyxl writes for them
(``<c r="B2" t="inlineStr"><is><t>…</t></is></c>``, ``<c r="D2" t="n"><v>86</v></c>``, in
UTF-8; tests/test_xlsx_rows.py compares the two), to a temporary file; openpyxl still writes the workbook around them — the styled
header row, frozen panes, the filter, the other sheets — and :func:`splice_rows` puts the rows
into its sheet when the workbook is saved.

One deliberate difference: a text that is an Excel error code (``#N/A``, ``#REF!``…) stays
text here, where openpyxl would store an error cell.
"""

from __future__ import annotations

import math
import shutil
import zipfile
from collections.abc import Sequence
from typing import IO

MAX_TEXT = 32_767
"""The most characters an Excel cell holds (openpyxl cuts a longer text there, and so do we)."""


def column_letters(count: int) -> list[str]:
    """The letters of the first ``count`` columns: A, B, …, Z, AA, AB, …"""
    out = []
    for index in range(1, count + 1):
        letters = ""
        while index:
            index, rest = divmod(index - 1, 26)
            letters = chr(65 + rest) + letters
        out.append(letters)
    return out


def _text(value: str) -> str:
    value = value[:MAX_TEXT]
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and value != stripped else ""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<is><t{space}>{escaped}</t></is>"


def _cell(ref: str, value: object) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr">{_text(value)}</c>' if value else f'<c r="{ref}" t="inlineStr" />'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{1 if value else 0}</v></c>'
    if isinstance(value, int | float):
        try:
            number = format(value, ".16g") if math.isfinite(value) else ""
        except OverflowError:  # an integer too large for Excel's numbers: kept as its digits
            return f'<c r="{ref}" t="inlineStr">{_text(str(value))}</c>'
        return f'<c r="{ref}" t="n"><v>{number}</v></c>' if number else f'<c r="{ref}" t="n"><v /></c>'
    return f'<c r="{ref}" t="inlineStr">{_text(str(value))}</c>'


def row_xml(number: int, values: Sequence[object], letters: Sequence[str]) -> bytes:
    """Row ``number`` of a sheet as XML bytes (an empty cell, None, is left out)."""
    row = str(number)
    parts = [f'<row r="{row}">']
    parts += [
        _cell(letter + row, value) for letter, value in zip(letters, values, strict=True) if value is not None
    ]
    parts.append("</row>")
    return "".join(parts).encode("utf-8")


def splice_rows(book: IO[bytes], sheet: str, rows: IO[bytes], out: IO[bytes]) -> None:
    """Copy the workbook ``book`` (a saved .xlsx) to ``out`` with the XML in ``rows`` put at the
    end of ``sheet``'s data (the part's name, ``xl/worksheets/sheet1.xml``); each part is
    copied as it comes, so memory stays small however many rows there are."""
    book.seek(0)
    size = rows.seek(0, 2)
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
            if info.filename != sheet:
                copy.file_size = info.file_size  # decides whether the part needs ZIP64
                with source.open(info) as reading, target.open(copy, "w") as writing:
                    shutil.copyfileobj(reading, writing, 1 << 20)
                continue
            head, tail = source.read(info).split(b"</sheetData>", 1)
            copy.file_size = len(head) + size + len(tail) + len(b"</sheetData>")
            with target.open(copy, "w") as writing:
                writing.write(head)
                rows.seek(0)
                shutil.copyfileobj(rows, writing, 1 << 20)
                writing.write(b"</sheetData>" + tail)


__all__ = ["MAX_TEXT", "column_letters", "row_xml", "splice_rows"]
