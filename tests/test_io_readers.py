"""criteria_engine.io.readers: every format, and the awkward files people really send."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tracemalloc
from pathlib import Path

import openpyxl
import pytest

from criteria_engine.errors import DataError
from criteria_engine.io import readers
from criteria_engine.io.readers import RawRow, detect_format, iter_rows, list_sheets, read_headers

DATA = Path(__file__).parent / "cases" / "data"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def codes(row: RawRow) -> list[str]:
    return [p.code for p in row.problems]


def raised(path: Path | str, **kwargs: str) -> DataError:
    with pytest.raises(DataError) as info:
        list(iter_rows(path, **kwargs))
    assert len(info.value.diagnostics) == 1
    return info.value


# --- CSV ------------------------------------------------------------------------------


def test_bom_semicolon_vietnamese_file() -> None:
    path = DATA / "households_vi.csv"
    rows = list(iter_rows(path))
    assert [r.row_number for r in rows] == [2, 3, 4, 5]
    assert rows[0].values["Mã hộ"] == "H001"  # the BOM is not part of the first header
    assert rows[1].values["Chủ hộ"] == "Lò Thị Bình; con"  # quoted delimiter
    assert rows[1].values["Thu nhập bình quân"] == "2.350.000,5 đ"
    assert all(not r.problems for r in rows)
    assert read_headers(path)[:3] == ["Mã hộ", "Chủ hộ", "Thu nhập bình quân"]


def test_comma_file_and_quoted_thousands() -> None:
    rows = list(iter_rows(DATA / "households_en.csv"))
    assert [r.values["income"] for r in rows] == ["1,500,000", "1500000.5"]


def test_tsv_and_tab_sniffing(tmp_path: Path) -> None:
    text = "id\tincome\nH1\t1.500\n"
    for name in ("a.tsv", "a.csv"):
        rows = list(iter_rows(write(tmp_path, name, text)))
        assert rows == [RawRow(2, {"id": "H1", "income": "1.500"})]


def test_row_numbers_count_physical_lines(tmp_path: Path) -> None:
    text = 'id,note\r\n\r\nH1,"two\r\nlines"\r\n,\r\nH2,x\r\n'
    rows = list(iter_rows(write(tmp_path, "a.csv", text)))
    assert [(r.row_number, r.values["id"]) for r in rows] == [(3, "H1"), (6, "H2")]
    assert rows[0].values["note"] == "two\r\nlines"


def test_leading_blank_lines_before_header(tmp_path: Path) -> None:
    rows = list(iter_rows(write(tmp_path, "a.csv", "\n;;\nid;x\nH1;2\n")))
    assert rows == [RawRow(4, {"id": "H1", "x": "2"})]


def test_header_only_yields_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "id,income\n")
    assert list(iter_rows(path)) == []
    assert read_headers(path) == ["id", "income"]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n \n\r\n", b",,,\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    assert raised(write(tmp_path, "a.csv", content)).diagnostics[0].code == "data-empty"


def test_wrong_delimiter_pipe(tmp_path: Path) -> None:
    diag = raised(write(tmp_path, "a.csv", "id|income|members\nH1|100|2\n")).diagnostics[0]
    assert diag.code == "data-delimiter"
    assert diag.line == 1 and diag.suggestion and "','" in diag.suggestion


def test_single_column_is_fine_when_rows_agree(tmp_path: Path) -> None:
    rows = list(iter_rows(write(tmp_path, "a.csv", 'id\nH1\n"H2, B"\n')))
    assert [r.values for r in rows] == [{"id": "H1"}, {"id": "H2, B"}]


@pytest.mark.parametrize("row", ["H1;100", "H1,100", "H1\t100"])
def test_single_column_header_but_rows_have_more(tmp_path: Path, row: str) -> None:
    diag = raised(write(tmp_path, "a.csv", f"id\n{row}\n")).diagnostics[0]
    assert (diag.code, diag.line) == ("data-delimiter", 2)


def test_extra_and_missing_cells(tmp_path: Path) -> None:
    text = "id,a,b\nH1,1,2,3,4\nH2,1\nH3,1,2,,\n"
    first, second, third = iter_rows(write(tmp_path, "a.csv", text))
    assert first.values == {"id": "H1", "a": "1", "b": "2"}
    assert codes(first) == ["data-extra-cells"]
    assert (first.problems[0].line, first.problems[0].column) == (2, 4)
    assert "'3', '4'" in first.problems[0].message
    assert second.values == {"id": "H2", "a": "1"}  # fewer cells: kept, but the row is invalid
    assert codes(second) == ["data-column-count"] and second.problems[0].line == 3
    assert second.problems[0].message.startswith("row 3 has 2 cell(s) but the header has 3 columns")
    assert third.problems == ()  # trailing empty cells are not extra values


def test_column_without_header_keeps_its_value_as_a_problem(tmp_path: Path) -> None:
    (row,) = iter_rows(write(tmp_path, "a.csv", "id,,b\nH1,lost?,2\n"))
    assert row.values == {"id": "H1", "b": "2"}
    assert codes(row) == ["data-extra-cells"] and "'lost?'" in row.problems[0].message
    assert read_headers(tmp_path / "a.csv") == ["id", "", "b"]


def test_duplicate_header(tmp_path: Path) -> None:
    diag = raised(write(tmp_path, "a.csv", "id,income,income\nH1,1,2\n")).diagnostics[0]
    assert (diag.code, diag.column) == ("data-duplicate-column", 3)


def test_too_many_columns(tmp_path: Path) -> None:
    header = ",".join(f"c{i}" for i in range(10_000))
    diag = raised(write(tmp_path, "a.csv", header + "\n" + ",".join("1" * 10_000) + "\n")).diagnostics[0]
    assert diag.code == "data-too-many-columns" and "10,000" in diag.message


def test_the_column_limit_itself_is_fine(tmp_path: Path) -> None:
    header = ",".join(f"c{i}" for i in range(readers.MAX_COLUMNS))
    (row,) = iter_rows(write(tmp_path, "a.csv", header + "\n" + ",".join(["1"] * readers.MAX_COLUMNS)))
    assert len(row.values) == readers.MAX_COLUMNS


def test_a_100_mb_cell_is_counted_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    block = "ạ" * (1 << 20)  # 1 Mi characters, 3 MiB of UTF-8
    with path.open("w", encoding="utf-8") as out:
        out.write('id,note,x\nH1,"')
        for _ in range(34):  # ~100 MB on disk
            out.write(block)
        out.write('",5\nH2,short,6\n')
    tracemalloc.start()
    try:
        rows = list(iter_rows(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024  # a few chunks, never the cell
    assert [r.row_number for r in rows] == [2, 3]
    assert rows[0].values == {"id": "H1", "x": "5"}
    assert codes(rows[0]) == ["data-cell-too-large"]
    assert f"{34 << 20:,} characters" in rows[0].problems[0].message
    assert rows[0].problems[0].column == 2
    assert rows[1].values == {"id": "H2", "note": "short", "x": "6"}


def test_a_large_cell_on_a_short_line_and_one_over_many_lines(tmp_path: Path) -> None:
    big = "b" * (readers.MAX_CELL_CHARS + 1)
    spread = "\n".join(["c" * 1000] * 1100)  # 1.1 M characters over 1100 lines
    text = f'id,note\nH1,{big}\nH2,"{spread}"\nH3,ok\n'
    rows = list(iter_rows(write(tmp_path, "a.csv", text)))
    assert [r.row_number for r in rows] == [2, 3, 1103]
    assert [codes(r) for r in rows] == [["data-cell-too-large"]] * 2 + [[]]
    assert rows[2].values == {"id": "H3", "note": "ok"}


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    content = "id,tên\nH1,Ánh\nH2,Bình\n".encode() + "H3,Bình\n".encode("cp1252")  # Excel's 'CSV'
    diag = raised(write(tmp_path, "a.csv", content)).diagnostics[0]
    assert (diag.code, diag.line, diag.column) == ("data-not-utf8", 4, 5)
    assert diag.suggestion and "UTF-8" in diag.suggestion


def test_missing_file_or_a_folder_fails_at_once(tmp_path: Path) -> None:
    (tmp_path / "folder.csv").mkdir()
    for path in (tmp_path / "nope.csv", tmp_path / "folder.csv"):
        with pytest.raises(DataError) as info:
            iter_rows(path)  # before any iteration
        assert info.value.diagnostics[0].code == "data-unreadable"


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("a.CSV", None, "csv"),
        ("a.tsv", None, "tsv"),
        ("a.ndjson", None, "jsonl"),
        ("a.jsonl", None, "jsonl"),
        ("a.json", None, "json"),
        ("a.xlsx", None, "xlsx"),
        ("-", None, "jsonl"),
        ("a.txt", "csv", "csv"),
    ],
)
def test_detect_format(name: str, fmt: str | None, expected: str) -> None:
    assert detect_format(name, fmt) == expected


def test_unknown_format_and_old_excel() -> None:
    with pytest.raises(DataError) as info:
        detect_format("data.xls")
    assert info.value.diagnostics[0].code == "data-unknown-format"
    assert info.value.diagnostics[0].suggestion == "save it as .xlsx"


def test_csv_streams_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("id,income,note\n")
        for i in range(20_000):
            out.write(f"H{i},{i}.000,ghi chú số {i}\n")
    rows = iter_rows(path)
    next(rows)
    tracemalloc.start()
    try:
        count = 1 + sum(1 for _ in rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < 1024 * 1024


# --- JSON and JSONL ---------------------------------------------------------------------


def test_jsonl_bad_line_still_yields_a_row() -> None:
    rows = list(iter_rows(DATA / "households.jsonl"))
    assert [r.row_number for r in rows] == [1, 2, 4, 5]  # line 3 is blank
    assert codes(rows[1]) == ["data-bad-json"] and rows[1].values == {}
    assert codes(rows[2]) == ["data-not-object"]
    assert rows[3].values["persons"] == [{"age": 30, "insured": "có"}, {"age": "2,5"}]


def test_jsonl_empty_and_not_utf8(tmp_path: Path) -> None:
    assert raised(write(tmp_path, "a.jsonl", "\n\n")).diagnostics[0].code == "data-empty"
    diag = raised(write(tmp_path, "b.jsonl", b'{"a": 1}\n{"a": "\xff"}\n')).diagnostics[0]
    assert (diag.code, diag.line) == ("data-not-utf8", 2)


def test_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbf{"id": "S1"}\n\nnot json\n'), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    rows = list(iter_rows("-"))
    assert rows[0] == RawRow(1, {"id": "S1"})
    assert rows[1].row_number == 3 and codes(rows[1]) == ["data-bad-json"]
    assert rows[1].problems[0].file == "<stdin>"


def test_stdin_is_jsonl_only() -> None:
    with pytest.raises(DataError) as info:
        iter_rows("-", fmt="csv")
    assert info.value.diagnostics[0].code == "data-unknown-format"


def test_json_table_and_non_object_element() -> None:
    rows = list(iter_rows(DATA / "households.json", table="households"))
    assert [r.row_number for r in rows] == [1, 2, 3]
    assert codes(rows[1]) == ["data-not-object"] and rows[1].values == {}
    assert rows[2].values == {"id": 302, "income": 900000, "area": "Nông thôn"}
    # one list in the document: found without naming it
    assert len(list(iter_rows(DATA / "households.json"))) == 3
    assert read_headers(DATA / "households.json") == ["id", "Thu nhập bình quân", "persons", "income", "area"]


def test_json_top_level_list_and_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([{"id": 1}, "x", None]))
    assert [codes(r) for r in iter_rows(path)] == [[], ["data-not-object"], ["data-not-object"]]
    diag = raised(write(tmp_path, "b.json", '[{"id": 1},\n {"id": }]')).diagnostics[0]
    assert (diag.code, diag.line) == ("data-bad-json", 2)
    diag = raised(write(tmp_path, "c.json", '{"a": [], "b": []}')).diagnostics[0]
    assert diag.code == "data-not-list" and "a, b" in diag.message
    diag = raised(DATA / "households.json", table="household").diagnostics[0]
    assert diag.code == "dataset-missing-table" and diag.suggestion == "did you mean 'households'?"
    assert raised(write(tmp_path, "d.json", "  ")).diagnostics[0].code == "data-empty"
    assert raised(write(tmp_path, "e.json", "3")).diagnostics[0].code == "data-not-list"
    assert list(iter_rows(write(tmp_path, "f.json", "[]"))) == []


# --- XLSX -------------------------------------------------------------------------------


def make_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hộ gia đình"
    ws.append([])  # a blank first row
    ws.append(["Mã hộ", "Thu nhập", "Ngày khảo sát", "Tỷ lệ", None])
    ws.append(["H1", 1500000, dt.datetime(2026, 1, 31), 0.45])
    ws.append([])
    ws.append(["H2", 2000000.5, "31/01/2026", None, "extra"])
    ws["D3"].number_format = "0%"
    other = wb.create_sheet("person")
    other.append(["id", "household_id"])
    other.append(["P1", "H1"])
    wb.save(path)
    return path


def test_xlsx_rows_are_sheet_rows(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "a.xlsx")
    first, second = iter_rows(path)
    assert first.row_number == 3
    assert first.values == {
        "Mã hộ": "H1",
        "Thu nhập": 1500000,
        "Ngày khảo sát": dt.datetime(2026, 1, 31),
        "Tỷ lệ": 45.0,  # a percent cell comes as shown
    }
    assert second.row_number == 5 and codes(second) == ["data-extra-cells"]
    assert second.problems[0].column == 5
    assert read_headers(path) == ["Mã hộ", "Thu nhập", "Ngày khảo sát", "Tỷ lệ"]
    assert list_sheets(path) == ["Hộ gia đình", "person"]
    assert [r.values for r in iter_rows(path, sheet="person")] == [{"id": "P1", "household_id": "H1"}]


def test_xlsx_missing_sheet(tmp_path: Path) -> None:
    diag = raised(make_workbook(tmp_path / "a.xlsx"), sheet="persons").diagnostics[0]
    assert diag.code == "data-missing-sheet" and diag.suggestion == "did you mean 'person'?"


def test_xlsx_truncated_and_garbage(tmp_path: Path) -> None:
    content = make_workbook(tmp_path / "good.xlsx").read_bytes()
    for name, data in (("cut.xlsx", content[: len(content) // 2]), ("junk.xlsx", b"PK\x03\x04junk")):
        diag = raised(write(tmp_path, name, data)).diagnostics[0]
        assert diag.code == "data-bad-xlsx" and diag.suggestion


def test_xlsx_empty_sheet_and_header_only(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "empty.xlsx")
    assert raised(tmp_path / "empty.xlsx").diagnostics[0].code == "data-empty"
    wb.active.append(["id", "income"])
    wb.save(tmp_path / "header.xlsx")
    assert list(iter_rows(tmp_path / "header.xlsx")) == []


def test_xlsx_too_many_columns(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append([f"c{i}" for i in range(readers.MAX_COLUMNS + 1)])
    wb.save(tmp_path / "wide.xlsx")
    assert raised(tmp_path / "wide.xlsx").diagnostics[0].code == "data-too-many-columns"
