"""The results sheet's rows, written as XML by render/xlsx_rows.py, are the XML openpyxl writes
for the same values: compared part for part on random rows (hypothesis), then in a whole
workbook read back by openpyxl."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.xml import LXML

from criteria_engine.render.safe import workbook_text
from criteria_engine.render.xlsx_rows import MAX_TEXT, column_letters, row_xml, splice_rows

from .test_cli_support import evaluate

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT.map(workbook_text),  # as the writer gives them: formulas quoted, controls escaped
    st.sampled_from(["", " ", " x", "x ", "a & b < c > d", "Đạt", "không áp dụng", "'=1+1", "😀"]),
)
ROWS = st.lists(st.lists(VALUE, min_size=3, max_size=3), min_size=1, max_size=6)


def _openpyxl_rows(rows: list[list[object]]) -> bytes:
    """What openpyxl's write-only sheet writes for ``rows`` (below a header row)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("x")
    sheet.append(["a", "b", "c"])
    for row in rows:
        sheet.append(row)
    saved = io.BytesIO()
    book.save(saved)
    xml = zipfile.ZipFile(saved).read("xl/worksheets/sheet1.xml")
    start = xml.index(b"</row>") + len(b"</row>")
    return xml[start : xml.index(b"</sheetData>")]


def _ours(rows: list[list[object]]) -> bytes:
    letters = column_letters(3)
    return b"".join(row_xml(number, row, letters) for number, row in enumerate(rows, start=2))


def _same(ours: bytes, theirs: bytes) -> None:
    if not LXML:  # openpyxl's own serializer: the very bytes
        assert ours == theirs
    wrap = b'<sheetData xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s</sheetData>'
    assert canonicalize((wrap % ours).decode()) == canonicalize((wrap % theirs).decode())


@settings(max_examples=300, deadline=None)
@given(rows=ROWS)
@example(rows=[[float("nan"), float("inf"), -0.0], [True, False, 0], [10**20, 1.5e-300, "  "]])
@example(rows=[["x" * (MAX_TEXT + 5), "\u202eH7", "tab\there"], ["a\nb", "\r", "<t>"]])
def test_rows_are_the_xml_openpyxl_writes(rows: list[list[object]]) -> None:
    _same(_ours(rows), _openpyxl_rows(rows))


def test_an_error_code_stays_text_where_openpyxl_would_make_an_error_cell() -> None:
    xml = row_xml(2, ["#N/A", "#REF!", 1], column_letters(3))
    assert xml == (
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>#N/A</t></is></c>'
        b'<c r="B2" t="inlineStr"><is><t>#REF!</t></is></c><c r="C2" t="n"><v>1</v></c></row>'
    )
    assert b't="e"' in _openpyxl_rows([["#N/A", "#REF!", 1]])  # what it would have been


def test_an_integer_too_large_for_excel_is_kept_as_its_digits() -> None:
    xml = row_xml(2, [10**400, None, 3], column_letters(3)).decode()
    assert (
        xml
        == f'<row r="2"><c r="A2" t="inlineStr"><is><t>{10**400}</t></is></c><c r="C2" t="n"><v>3</v></c></row>'
    )


def test_column_letters_run_past_z() -> None:
    letters = column_letters(800)
    assert letters[:3] == ["A", "B", "C"] and letters[25:28] == ["Z", "AA", "AB"]
    assert letters[701:703] == ["ZZ", "AAA"] and len(set(letters)) == 800


def test_splice_puts_the_rows_at_the_end_of_the_sheet_and_copies_every_other_part() -> None:
    book = Workbook(write_only=True)
    first, second = book.create_sheet("one"), book.create_sheet("two")
    first.append(["head"])
    second.append(["other", 2])
    saved = io.BytesIO()
    book.save(saved)
    rows = io.BytesIO(row_xml(2, ["x"], ["A"]) + row_xml(3, [7], ["A"]))
    out = io.BytesIO()
    splice_rows(saved, "xl/worksheets/sheet1.xml", rows, out)
    source, spliced = zipfile.ZipFile(saved), zipfile.ZipFile(out)
    assert source.namelist() == spliced.namelist()
    for name in source.namelist():
        if name != "xl/worksheets/sheet1.xml":
            assert spliced.read(name) == source.read(name)
    read = load_workbook(io.BytesIO(out.getvalue()))
    assert [list(r) for r in read["one"].iter_rows(values_only=True)] == [["head"], ["x"], [7]]
    assert [list(r) for r in read["two"].iter_rows(values_only=True)] == [["other", 2]]


def test_the_results_workbook_reads_back_as_written(tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.xlsx"
    assert evaluate("--detail", "verdicts", "-o", out).code == 0
    lines = evaluate("--detail", "verdicts", "--format", "csv").out.splitlines()
    book = load_workbook(out)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == sum(1 for line in lines if re.match(r"^\d+,", line)) + 1  # header + each row
    assert (
        sheet.freeze_panes == "A2"
        and sheet.auto_filter.ref == f"A1:{column_letters(len(rows[0]))[-1]}{len(rows)}"
    )
    assert all(cell.font.b for cell in sheet[1])  # the header row is bold
    assert [type(v) for v in rows[1][:2]] == [int, str]  # the row number a number, the id a text


@pytest.mark.parametrize("count", [0, 1])
def test_a_sheet_with_no_or_one_row_is_a_valid_workbook(count: int) -> None:
    book = Workbook(write_only=True)
    book.create_sheet("one").append(["head"])
    saved, out = io.BytesIO(), io.BytesIO()
    book.save(saved)
    splice_rows(saved, "xl/worksheets/sheet1.xml", io.BytesIO(row_xml(2, ["x"], ["A"]) * count), out)
    read = load_workbook(io.BytesIO(out.getvalue()))["one"]
    assert [r[0] for r in read.iter_rows(values_only=True)] == ["head", *["x"] * count]
