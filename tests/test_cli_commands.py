"""Every command through ``main(argv, streams)``: output, exit codes, usage errors, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_engine.cli.main import build_parser
from criteria_engine.io.catalog import shipped_sets_dir

from .test_cli_support import HOUSEHOLDS, NO_PERSONS, PERSONS, SET, evaluate, run, write_csv

COMMANDS = ["validate", "list", "schema", "show", "evaluate", "report", "explain", "test", "diff", "verify"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(command, "--help")  # Vietnamese unless --lang en or CRITERIA_LANG=en
    assert result.code == 0
    assert f"cách dùng: criteria {command}" in result.out
    assert "ví dụ:" in result.out and "tùy chọn:" in result.out
    assert "show this help message" not in result.out
    assert result.err == ""
    english = run(command, "--help", "--lang", "en")
    assert f"usage: criteria {command}" in english.out and "example" in english.out
    assert "cách dùng" not in english.out


def test_the_environment_chooses_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRITERIA_LANG", "en")
    assert "usage: criteria show" in run("show", "--help").out
    shown = run("show", SET)
    assert "Happy Family — happy-family@2026.2" in shown.out
    unknown = run("show", "happy-famly")
    assert "error[unknown-set]: no criteria set 'happy-famly'" in unknown.err
    assert "Gia đình hạnh phúc" in run("show", SET, "--lang", "vi").out  # --lang wins
    monkeypatch.setenv("CRITERIA_LANG", "fr")  # not a language of the catalogue: ignored
    assert "cách dùng: criteria show" in run("show", "--help").out


def test_no_command_prints_help_and_exits_2() -> None:
    result = run()
    assert result.code == 2
    assert "COMMAND" in result.out


def test_unknown_option_is_a_usage_error() -> None:
    result = run("evaluate", SET, HOUSEHOLDS, "--colour", "red")
    assert result.code == 2
    assert "criteria: lỗi: không hiểu các tham số: --colour red" in result.err
    assert "Xem hướng dẫn: 'criteria evaluate --help'." in result.err
    assert "Traceback" not in result.err
    english = run("evaluate", SET, HOUSEHOLDS, "--colour", "red", "--lang", "en")
    assert "error: unrecognized arguments: --colour red" in english.err
    assert "Try 'criteria evaluate --help'." in english.err


def test_bad_date_is_a_usage_error() -> None:
    result = run("evaluate", "happy-family", HOUSEHOLDS, "--as-of", "25/11/2026")
    assert result.code == 2
    assert "tham số --as-of: '25/11/2026' không phải ngày (ghi YYYY-MM-DD)" in result.err
    english = run("evaluate", "happy-family", HOUSEHOLDS, "--lang", "en", "--as-of", "25/11/2026")
    assert "argument --as-of: '25/11/2026' is not a date (write YYYY-MM-DD)" in english.err
    choice = run("evaluate", "happy-family", HOUSEHOLDS, "--format", "pdf")
    assert "tham số --format: 'pdf' không phải lựa chọn hợp lệ (chọn một trong: " in choice.err
    missing = run("evaluate", "happy-family")
    assert "thiếu tham số bắt buộc: DATA" in missing.err


def test_validate_keeps_its_diagnostic_format(tmp_path: Path) -> None:
    good = run("validate", shipped_sets_dir() / "happy-family")
    assert good.code == 0, good.err
    assert "Đã kiểm tra 3 tệp, 0 tệp không hợp lệ" in good.out
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: criteria-set/1\nid: x\nversion: '1'\nstatus: activ\n", encoding="utf-8")
    result = run("validate", bad)
    assert result.code == 1
    first = result.err.splitlines()[0]
    assert first.startswith(f"{bad}:1:1: lỗi[missing-key]: thiếu khóa bắt buộc '")
    assert f"{bad}:4:9: lỗi[bad-value]: 'activ' không thuộc các giá trị: draft, active, retired" in result.err
    as_json = run("validate", bad, "--format", "json")
    assert as_json.code == 1
    data = json.loads(as_json.out)
    assert data["valid"] is False
    said = next(d for d in data["diagnostics"] if d["code"] == "bad-value")
    assert said["message"] == "'activ' is not one of draft, active, retired"  # the library's English
    assert said["text"] == "'activ' không thuộc các giá trị: draft, active, retired"  # the run's language
    assert said["hint"] == "có phải là 'active'?" and said["suggestion"] == "did you mean 'active'?"


def test_list_and_schema() -> None:
    listed = run("list")
    assert listed.code == 0
    assert "happy-family: Gia đình hạnh phúc" in listed.out
    assert "2026.2" in listed.out
    schema = run("schema")
    assert schema.code == 0
    assert json.loads(schema.out)["type"] == "object"


def test_show_tree_in_both_languages() -> None:
    vi = run("show", SET)
    assert vi.code == 0
    assert "Gia đình hạnh phúc — happy-family@2026.2" in vi.out
    assert "K7 Không có thành viên sử dụng trái phép chất ma túy [loại trừ]" in vi.out
    assert "[bắt buộc]" in vi.out and "Các mức xếp loại" in vi.out
    assert "Quy tắc: Không có thành viên nào sử dụng trái phép chất ma túy" in vi.out
    assert "not any(" not in vi.out and "(active)" not in vi.out and "(law)" not in vi.out
    en = run("show", SET, "--lang", "en", "--inputs")
    assert "Happy Family — happy-family@2026.2" in en.out
    assert "[veto]" in en.out and "Rating bands" in en.out
    assert "income_per_capita" in en.out and "VND/month" in en.out
    assert "\x1b[" not in vi.out  # no colour when not a terminal


def test_show_unknown_set_suggests() -> None:
    result = run("show", "happy-famly")
    assert result.code == 1
    assert (
        result.err
        == "lỗi[unknown-set]: không có bộ tiêu chí 'happy-famly'\n  gợi ý: có phải là 'happy-family'?\n"
    )


def test_evaluate_table_summary_and_warnings() -> None:
    result = evaluate()
    assert result.code == 0, result.err
    assert "Tổng cộng 8 hộ: 4 đạt, 2 chưa đạt, 1 chưa xác định, 1 dữ liệu không hợp lệ" in result.out
    assert (
        "cảnh báo[data-unknown-column]: cột 'Chủ hộ' không phải trường nào của bộ tiêu chí; bỏ qua"
        in result.err
    )
    assert "Traceback" not in result.err


def test_evaluate_in_english() -> None:
    result = evaluate("--lang", "en")
    assert "8 households: 4 passed, 2 failed, 1 undetermined, 1 invalid" in result.out
    assert "Happy Family" in result.out


def test_evaluate_json_document_is_valid_and_complete() -> None:
    result = evaluate("--format", "json")
    data = json.loads(result.out)
    assert [r["id"] for r in data["results"]] == [f"H0{i}" for i in range(1, 9)]
    assert data["summary"]["total"] == 8
    assert data["criteria_set"]["version"] == "2026.2"
    full = data["results"][1]["criteria"]
    assert any(c["reason"] for c in full)  # --detail full is the default for json


def test_evaluate_invalid_row_names_row_and_column() -> None:
    result = evaluate("--format", "jsonl")
    lines = [json.loads(line) for line in result.out.splitlines()]
    bad = next(item for item in lines if item.get("id") == "H05")
    assert bad["status"] == "invalid" and bad["row"] == 6
    assert bad["errors"][0]["field"] == "members"
    assert "row 6, column 'Số nhân khẩu'" in bad["errors"][0]["message"]
    assert "'bốn' is not a whole number" in bad["errors"][0]["message"]


def test_out_of_range_value_is_located(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "h.csv", ["id", "Số nhân khẩu", "insured_members"], [["A1", "-3", "1"]])
    result = run("evaluate", SET, data, "--persons", NO_PERSONS, "--format", "jsonl")
    item = json.loads(result.out.splitlines()[0])
    assert item["status"] == "invalid"
    assert item["errors"][0]["message"].startswith("row 2, column 'Số nhân khẩu':")


def test_explain_one_candidate() -> None:
    result = run("explain", SET, HOUSEHOLDS, "--persons", PERSONS, "--id", "H06")
    assert result.code == 0, result.err
    assert result.out.startswith("Hộ H06 — Gia đình hạnh phúc")
    assert "✗ K7" in result.out
    en = run("explain", SET, HOUSEHOLDS, "--persons", PERSONS, "--id", "H02", "--id", "H05", "--lang", "en")
    assert "Household H02" in en.out and "Household H05" in en.out
    assert "INVALID DATA" in en.out
    assert "warning[data-unknown-column]: column 'Chủ hộ' is not an input; it is ignored" in en.err


def test_explain_unknown_id_suggests() -> None:
    result = run("explain", SET, HOUSEHOLDS, "--id", "H5")
    assert result.code == 2
    assert "không có đối tượng mã 'H5' trong " in result.err and "; có phải là 'H05'?" in result.err


def test_explain_to_file(tmp_path: Path) -> None:
    target = tmp_path / "h01.txt"
    result = run("explain", SET, HOUSEHOLDS, "--persons", PERSONS, "--id", "H01", "-o", target)
    assert result.code == 0
    assert target.read_text(encoding="utf-8").startswith("Hộ H01")


def test_test_command_runs_the_stored_examples() -> None:
    result = run("test", "happy-family@2026.2")
    assert result.code == 0, result.out + result.err
    assert "happy-family@2026.2: 30 ví dụ, 30 đúng, 0 sai" in result.out
    every = run("test", "happy-family")
    assert every.out.count("happy-family@") >= 3


def test_test_command_reports_expected_and_got(tmp_path: Path) -> None:
    folder = tmp_path / "sets" / "happy-family"
    folder.mkdir(parents=True)
    source = shipped_sets_dir() / "happy-family"
    (folder / "2026.2.yaml").write_text(
        (source / "2026.2.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = (source / "2026.2.examples.yaml").read_text(encoding="utf-8")
    (folder / "2026.2.examples.yaml").write_text(
        text.replace(
            "    status: passed\n    rating: passed\n    score: 100\n",
            "    status: passed\n    rating: passed\n    score: 99\n",
            1,
        ),
        encoding="utf-8",
    )
    result = run("test", "happy-family@2026.2", "--sets", tmp_path / "sets")
    assert result.code == 1
    assert "SAI full-marks" in result.out
    assert "score: mong đợi 99, thực tế 100" in result.out


def test_report_writes_a_self_contained_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("report", SET, HOUSEHOLDS, "--persons", PERSONS, "-o", target)
    assert result.code == 0, result.err
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<svg" in html and "@page { size: A4" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "<script" not in html and "<link" not in html
    assert "Tỷ lệ đạt theo thôn" in html and "village_id" not in html
    assert html.count('<section class="page card"') == 8


def test_parser_lists_the_commands_of_the_issue() -> None:
    help_text = build_parser().format_help()
    for command in COMMANDS:
        assert command in help_text
