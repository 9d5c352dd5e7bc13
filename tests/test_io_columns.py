"""criteria_engine.io.columns: which column holds which input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from criteria_engine.errors import DataError, Diagnostic, Severity
from criteria_engine.format.models import InputSpec
from criteria_engine.io.columns import ColumnMap, fold, load_map_file, squash

DATA = Path(__file__).parent / "cases" / "data"
INPUTS = {
    k: InputSpec.model_validate(v) for k, v in yaml.safe_load((DATA / "inputs.yaml").read_text()).items()
}


def by_code(diags: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diags if d.code == code]


def test_fold_and_squash() -> None:
    assert fold("  Thu_Nhập   Bình Quân ") == "thu nhap binh quan"
    assert fold("Đạt") == "dat" and fold("ĐƯỜNG") == "duong"
    assert squash("  Thu  NHẬP ") == "thu nhập"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("income", "income"),  # name
        ("thu_nhap_bq", "income"),  # alias
        ("Thu nhập bình quân", "income"),  # vi label
        ("THU NHẬP  BÌNH QUÂN", "income"),  # case and spaces
        ("thu nhap binh quan", "income"),  # no accents
        ("Average Income", "income"),  # en label
        ("Khu vực", "area"),
        ("khu vuc", "area"),
        ("Ngày khảo sát", "surveyed_on"),
        ("surveyed on", "surveyed_on"),
    ],
)
def test_header_matches_input(header: str, expected: str) -> None:
    cmap, _ = ColumnMap.build(["id", header], INPUTS)
    assert cmap.target(header) == ("input", expected)
    assert cmap.header_of(expected) == header
    assert cmap.column_of(header) == 2


@pytest.mark.parametrize("header", ["id", "ID", "Mã", "mã hộ", "Ma ho", "household_id", "Mã hộ gia đình"])
def test_id_column(header: str) -> None:
    cmap, diags = ColumnMap.build([header, "income"], INPUTS)
    assert cmap.id_header == header and cmap.target(header) == ("id", "id")
    assert not by_code(diags, "data-unknown-column")


def test_exact_id_wins_over_synonyms_and_links_pass_through() -> None:
    cmap, diags = ColumnMap.build(["household_id", "id", "village_id", "age"], {}, links=["household_id"])
    assert cmap.targets == {
        "id": ("id", "id"),
        "household_id": ("link", "household_id"),
        "village_id": ("link", "village_id"),
    }
    assert [d.message for d in diags] == ["column 'age' is not an input; it is ignored"]


def test_custom_id_field_uses_only_that_column() -> None:
    cmap, _ = ColumnMap.build(["ma", "code_x"], INPUTS, id_field="code_x")
    assert cmap.id_header == "code_x" and cmap.target("code_x") == ("id", "code_x")
    assert cmap.target("ma") is None


def test_unknown_column_with_did_you_mean() -> None:
    _, diags = ColumnMap.build(["id", "Thu nhap binh quan thang", "So nhan khau"], INPUTS)
    (unknown,) = by_code(diags, "data-unknown-column")
    assert unknown.severity == Severity.WARNING
    assert unknown.column == 2
    assert unknown.suggestion == "did you mean 'Thu nhập bình quân'?"


def test_missing_columns_are_warned_list_inputs_are_not() -> None:
    _, diags = ColumnMap.build(["id", "Thu nhap binh quan thang", "income_x"], INPUTS)
    missing = {d.message.split("'")[1]: d for d in by_code(diags, "data-missing-column")}
    assert set(missing) == {"income", "members", "has_toilet", "area", "surveyed_on", "head_name"}
    assert missing["income"].suggestion == "did you mean 'income_x'?"
    assert missing["members"].suggestion is None
    assert all(d.severity == Severity.WARNING for d in diags)


def test_extra_mapping_from_a_map_file() -> None:
    extra = load_map_file(DATA / "columns.map.yaml")
    assert extra == {"Tổng thu nhập": "income", "Số người": "members", "Mã số hộ": "id"}
    headers = ["Mã số hộ", "tong thu nhap", "Số người", "Khu vực"]
    cmap, diags = ColumnMap.build(headers, INPUTS, extra=extra)
    assert cmap.targets == {
        "Mã số hộ": ("id", "id"),
        "tong thu nhap": ("input", "income"),
        "Số người": ("input", "members"),
        "Khu vực": ("input", "area"),
    }
    assert not by_code(diags, "data-unknown-column")


def test_bad_and_unused_map_entries() -> None:
    _, diags = ColumnMap.build(["id", "Lương"], INPUTS, extra={"Lương": "incom", "Không có": "members"})
    (bad,) = by_code(diags, "data-bad-map")
    assert bad.severity == Severity.ERROR and bad.suggestion == "did you mean 'income'?"
    assert by_code(diags, "data-map-unused")


def test_two_columns_for_one_input() -> None:
    cmap, diags = ColumnMap.build(["id", "income", "Thu nhập bình quân"], INPUTS)
    (dup,) = by_code(diags, "data-duplicate-column")
    assert dup.severity == Severity.ERROR and dup.column == 3
    assert cmap.header_of("income") == "income" and cmap.target("Thu nhập bình quân") is None


def test_ambiguous_header() -> None:
    inputs = {
        "a": InputSpec.model_validate({"type": "string", "label": {"vi": "Tên hộ"}}),
        "b": InputSpec.model_validate({"type": "string", "label": {"vi": "Ten ho"}}),
    }
    cmap, diags = ColumnMap.build(["TÊN HỒ"], inputs)
    assert cmap.target("TÊN HỒ") is None
    (amb,) = by_code(diags, "data-ambiguous-column")
    assert "a, b" in amb.message
    # a stricter level decides before the ambiguity of a looser one
    assert ColumnMap.build(["Tên hộ"], inputs)[0].target("Tên hộ") == ("input", "a")


def test_empty_headers_are_skipped_and_columns_count_them() -> None:
    cmap, diags = ColumnMap.build(["id", "", "income"], INPUTS, file="a.csv", line=1)
    assert cmap.column_of("income") == 3 and cmap.column_of("nope") == 0
    assert all(d.file == "a.csv" and d.line == 1 for d in diags)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("m.csv", "header,input\nTổng thu nhập,income\nSố người,members\n"),
        ("m.tsv", "Tổng thu nhập\tincome\nSố người\tmembers\n"),
        ("m.json", '{"Tổng thu nhập": "income", "Số người": "members"}'),
    ],
)
def test_map_file_formats(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert load_map_file(tmp_path / name) == {"Tổng thu nhập": "income", "Số người": "members"}


@pytest.mark.parametrize(("name", "text"), [("m.yaml", "- a\n- b\n"), ("m.json", "{"), ("m.yaml", "a: 3\n")])
def test_bad_map_files(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_map_file(tmp_path / name)
    assert info.value.diagnostics[0].code == "data-bad-map"
    with pytest.raises(DataError) as info:
        load_map_file(tmp_path / "absent.yaml")
    assert info.value.diagnostics[0].code == "data-unreadable"
