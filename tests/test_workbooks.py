"""Commune workbooks laid out the usual way evaluate with no --map: a title block above the
header, merged header cells, a totals row, checkbox columns, abbreviated Vietnamese headers,
members on their own sheet, dates as Excel day numbers and as text. Each workbook of
tests/cases/workbooks has its expected results and data-quality list (.expected.json), and
make_workbooks.py rebuilds the same cells; the template round trip is here too."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from criteria_engine import load_registry
from criteria_engine.io.template import choices, tables
from tests.docs_blocks import blocks, sh_commands

from .test_cli_support import Run, run

CASES = Path(__file__).parent / "cases" / "workbooks"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in CASES.glob("*.expected.json"))


def _problems(out: str) -> list[list[object]]:
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Dòng", "Mã", "Cột", "Giá trị", "Vấn đề", "Cách sửa", "Mã lỗi"]
    return [[int(r[0]) if r[0] else None, r[2], r[3], r[6]] for r in rows[1:]]


def test_the_corpus_has_its_workbooks() -> None:
    assert NAMES == ["form-2026", "form-2027", "survey-dates", "two-row-header"]


@pytest.mark.parametrize("name", NAMES)
def test_workbook_evaluates_without_a_map(name: str) -> None:
    expected = json.loads((CASES / f"{name}.expected.json").read_text(encoding="utf-8"))
    args = ["evaluate", expected["set"], CASES / f"{name}.xlsx", *expected["args"]]
    result: Run = run(*args, "--format", "jsonl", "--detail", "verdicts")
    assert result.code == expected["exit"], result.err
    assert "Traceback" not in result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [[item["row"], item["id"], item["status"]] for item in lines[:-1]] == expected["results"]
    assert expected["counted"] in result.err.splitlines()
    problems = run(*args, "--format", "problems")
    assert _problems(problems.out) == expected["problems"]
    assert "data-map-unused" not in result.err and "data-bad-map" not in result.err


def test_every_row_is_a_result_or_a_skipped_row() -> None:
    for name in NAMES:
        expected = json.loads((CASES / f"{name}.expected.json").read_text(encoding="utf-8"))
        words = expected["counted"].split()
        rows, results, skipped = int(words[4]), int(words[6]), int(words[10])
        assert rows == results + skipped == len(expected["results"]) + skipped


def test_form_2027_reads_every_input_of_the_set() -> None:
    result = run("evaluate", "happy-family@2027.1", CASES / "form-2027.xlsx", "--format", "jsonl")
    first = json.loads(result.out.splitlines()[0])
    assert first["missing"] == []
    assert "data-missing-column" not in result.err
    said = "4 cột không phải trường của bộ tiêu chí, bỏ qua: 'STT', 'Họ tên chủ hộ', 'Thôn', 'Ghi chú'"
    assert said in result.err
    assert "dòng 36 ('Tổng cộng') là dòng tổng cộng, không phải một đối tượng; bỏ qua" in result.err
    assert "tiêu đề cột nằm ở dòng 5; các dòng 1–4 ở trên (tiêu đề bảng) không phải dữ liệu" in result.err


def test_an_empty_checkbox_means_khong_where_the_set_says_blank_false() -> None:
    result = run("evaluate", "happy-family@2027.1", CASES / "form-2027.xlsx", "--format", "jsonl")
    items = {json.loads(line).get("id"): json.loads(line) for line in result.out.splitlines()[:-1]}
    registered = next(c for c in items["NX-04"]["criteria"] if c["id"] == "K1")
    assert registered["verdict"] == "fail"  # the box was left empty: not registered
    assert items["NX-04"]["status"] == "failed"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_workbooks", CASES / "make_workbooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_the_script_rebuilds_the_same_workbooks(tmp_path: Path) -> None:
    module = _module()
    module.HERE = tmp_path
    module.main()
    for name in NAMES:
        assert _cells(tmp_path / f"{name}.xlsx") == _cells(CASES / f"{name}.xlsx"), name


# --- the template round trip ---------------------------------------------------------------


@pytest.mark.parametrize(("ref", "lang"), [("happy-family@2027.1", "vi"), ("happy-family@2026.2", "en")])
def test_a_filled_template_evaluates_with_no_problems(tmp_path: Path, ref: str, lang: str) -> None:
    template = tmp_path / "mau.xlsx"
    made = run("template", ref, "--lang", lang, "-o", template)
    assert made.code == 0, made.err
    model = load_registry().get(ref).model
    book = openpyxl.load_workbook(template)
    main, members = tables(model, lang)
    assert book.sheetnames[:2] == [main.title, members.title]
    assert book.sheetnames[2] == ("Hướng dẫn" if lang == "vi" else "Instructions")
    sheet = book[main.title]
    assert [c.value for c in sheet[1]] == [c.header for c in main.columns]
    for n in range(1, 6):
        row: list[object] = []
        for column in main.columns:
            spec = column.spec
            if spec is None:
                row.append(f"T{n}")
            elif spec.type in ("boolean", "enum"):
                row.append(choices(spec, lang)[n % len(choices(spec, lang))])
            else:
                row.append(max(spec.min or 0, 1) if spec.max is None or spec.max >= 1 else spec.max)
        sheet.append(row)
    for n in range(1, 6):
        for k in range(2):
            cells: list[object] = [f"T{n}"]
            for column in members.columns[1:]:
                spec = column.spec
                assert spec is not None
                cells.append(choices(spec, lang)[1] if spec.type == "boolean" else f"Người {n}.{k}")
            book[members.title].append(cells)
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    result = run("evaluate", ref, filled, "--format", "problems", "--lang", lang)
    assert result.code == 0, result.err
    header = (
        "Dòng,Mã,Cột,Giá trị,Vấn đề,Cách sửa,Mã lỗi"
        if lang == "vi"
        else "Row,Id,Column,Value,Problem,Fix,Code"
    )
    assert result.out.splitlines() == [header]  # the list's header, and no problem
    assert "warning" not in result.err, result.err
    jsonl = run("evaluate", ref, filled, "--format", "jsonl", "--detail", "verdicts")
    statuses = [json.loads(line).get("status") for line in jsonl.out.splitlines()[:-1]]
    assert len(statuses) == 5 and "invalid" not in statuses and "undetermined" not in statuses


def test_template_has_drop_downs_comments_and_instructions(tmp_path: Path) -> None:
    target = tmp_path / "mau.xlsx"
    assert run("template", "happy-family@2026.2", "-o", target).code == 0
    book = openpyxl.load_workbook(target)
    sheet = book["Dữ liệu"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Mã hộ", "Khu vực", "Nhóm xã (Quyết định 51/2025/QĐ-TTg)"]
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["B2:B5001"] == '"Thành thị,Nông thôn"'
    assert lists["D2:D5001"] == '"có,không"'
    members = headers.index("Số nhân khẩu") + 1
    comment = sheet.cell(row=1, column=members).comment
    assert comment is not None and "Đơn vị: người" in comment.text and "members: số nguyên" in comment.text
    guide = [row for row in book["Hướng dẫn"].iter_rows(values_only=True) if row[0] == "Khu vực"]
    assert guide == [
        ("Khu vực", "Dữ liệu", "area", "chọn một", None, "Thành thị / Nông thôn", "chưa có số liệu", None)
    ]
    people = book["Thành viên hộ gia đình"]
    assert people.cell(row=1, column=1).value == "Mã hộ"


def test_csv_template_and_its_members_file(tmp_path: Path) -> None:
    target = tmp_path / "mau.csv"
    result = run("template", "happy-family@2026.2", "--format", "csv", "-o", target)
    assert result.code == 0, result.err
    assert target.read_text(encoding="utf-8-sig").startswith("Mã hộ,Khu vực,")
    members = tmp_path / "mau.persons.csv"
    assert members.read_text(encoding="utf-8-sig").startswith("Mã hộ,Họ và tên,")
    shown = run("template", "happy-school", "--format", "csv", "--lang", "en")
    assert shown.out.startswith("School id,School level,")
    assert run("template", "happy-family").code == 2  # an xlsx template needs -o


# --- the Vietnamese guide's commands run on the data the repo ships ----------------------------

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "huong-dan.md"


def _guide_commands() -> list[str]:
    found = []
    for block in blocks(GUIDE.read_text(encoding="utf-8")):
        if block.kind == "sh":
            found += [c.text for c in sh_commands(block) if c.text.startswith("criteria ")]
    return found


def test_the_guide_shows_the_new_commands() -> None:
    commands = _guide_commands()
    assert "criteria template happy-family@2027.1 -o mau.xlsx" in commands
    assert any("--format problems" in c for c in commands) and any(
        c.startswith("criteria verify") for c in commands
    )


def test_the_example_workbook_is_the_corpus_workbook() -> None:
    assert _cells(ROOT / "examples" / "data" / "xa-nam-xe" / "ho-gia-dinh.xlsx") == _cells(
        CASES / "form-2027.xlsx"
    )


def test_show_inputs_lists_the_labels_an_official_types() -> None:
    shown = run("show", "happy-family@2027.1", "--inputs")
    assert shown.code == 0
    rows = [line for line in shown.out.splitlines() if line.startswith("│ area ")]
    assert rows and "chọn một: Thành thị / Nông" in rows[0]  # labels (the table wraps the rest)
    assert "urban, rural" not in shown.out
    checkbox = [line for line in shown.out.splitlines() if line.startswith("│ especially_difficult ")]
    assert "có / không (ô trống = không)" in checkbox[0]  # a checkbox column of 2027.1
    english = run("show", "happy-family@2027.1", "--inputs", "--lang", "en").out
    assert "one of a list: Solid /" in english and "Semi-solid / Makeshift" in english
