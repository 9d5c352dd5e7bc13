"""criteria_engine.io.convert: values by declared type, the way people write them."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

from criteria_engine.format.models import InputSpec
from criteria_engine.io.columns import ColumnMap
from criteria_engine.io.convert import convert_value, id_text, parse_number
from criteria_engine.io.readers import iter_rows, read_headers
from criteria_engine.io.row_convert import convert_raw_row, convert_row

DATA = Path(__file__).parent / "cases" / "data"
INPUTS = {
    k: InputSpec.model_validate(v) for k, v in yaml.safe_load((DATA / "inputs.yaml").read_text()).items()
}


def convert(raw: object, spec: InputSpec) -> tuple[object, str | None]:
    """:func:`convert_value` with its problem said in English (the library's ``str()``)."""
    value, problem = convert_value(raw, spec)
    return value, None if problem is None else str(problem)


def spec(kind: str) -> InputSpec:
    return InputSpec.model_validate({"type": kind, "label": {"vi": "x", "en": "x"}})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1500000", 1500000),
        ("1.500.000", 1500000),
        ("1,500,000", 1500000),
        ("1 500 000", 1500000),
        ("1\u00a0500\u00a0000", 1500000),
        ("1.500", 1500),
        ("1,500", 1500),
        ("69,5", 69.5),
        ("69.5", 69.5),
        ("0,500", 0.5),
        ("0.5", 0.5),
        (",5", 0.5),
        ("1234.567", 1234.567),
        ("1.500.000,5", 1500000.5),
        ("1,500,000.5", 1500000.5),
        ("1.500,25", 1500.25),
        ("1 500 000,5", 1500000.5),
        ("1.500.000 đ", 1500000),
        ("1.500.000đ", 1500000),
        ("2.000.000 VNĐ", 2000000),
        ("2,000,000 VND", 2000000),
        ("1.500.000 ₫", 1500000),
        ("45%", 45),
        ("45,5 %", 45.5),
        ("-1.500", -1500),
        ("+3", 3),
        ("−2,5", -2.5),
        ("1e6", 1000000.0),
        ("  42  ", 42),
        (42, 42),
        (2.5, 2.5),
    ],
)
def test_numbers(raw: object, expected: float) -> None:
    value, problem = convert(raw, spec("number"))
    assert problem is None
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    "raw", ["1.5tr", "abc", "1.5.0", "12,345,67", "1.500,000.5", "1,,5", "5.", "--1", "đ", "1/2", "١٢"]
)
def test_not_numbers(raw: str) -> None:
    value, problem = convert(raw, spec("number"))
    assert value is None and problem == f"{raw!r} is not a number"


@pytest.mark.parametrize("raw", [math.nan, math.inf, -math.inf, "NaN", "inf"])
def test_nan_and_infinity_are_problems(raw: object) -> None:
    value, problem = convert(raw, spec("number"))
    assert value is None and problem and "not a finite number" in problem


@pytest.mark.parametrize(
    ("raw", "expected", "problem"),
    [
        ("4", 4, None),
        ("1.500", 1500, None),
        (3.0, 3, None),
        ("3,0", 3, None),
        ("3,5", None, "'3,5' is not a whole number"),
        (2.5, None, "'2.5' is not a whole number"),
        (True, None, "'True' is a yes/no value, not a whole number"),
        (dt.date(2026, 1, 1), None, "'2026-01-01' is a date, not a whole number"),
    ],
)
def test_integers(raw: object, expected: int | None, problem: str | None) -> None:
    value, message = convert(raw, spec("integer"))
    assert (value, message) == (expected, problem)
    assert value is None or type(value) is int


@pytest.mark.parametrize("raw", [None, "", "   ", "-", "NA", "na", "n/a", "N/A", "—"])
@pytest.mark.parametrize("kind", ["integer", "number", "boolean", "string", "date", "enum"])
def test_missing(raw: object, kind: str) -> None:
    assert convert(raw, spec(kind)) == (None, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        (1.0, True),
        ("true", True),
        ("FALSE", False),
        ("1", True),
        ("0", False),
        ("có", True),
        ("Có", True),
        ("CÓ", True),
        ("co", True),
        ("không", False),
        ("Không", False),
        ("khong", False),
        ("x", True),
        ("X", True),
        ("yes", True),
        ("No", False),
        ("đúng", True),
        ("Sai", False),
        ("Đạt", True),
        ("không đạt", False),
        ("Chưa đạt", False),
    ],
)
def test_booleans(raw: object, expected: bool) -> None:
    assert convert(raw, spec("boolean")) == (expected, None)


@pytest.mark.parametrize("raw", ["maybe", "2", 2, "có thể"])
def test_not_booleans(raw: object) -> None:
    value, problem = convert(raw, spec("boolean"))
    assert value is None and problem and "is not yes/no" in problem


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("rural", "rural"),
        ("Rural", "rural"),
        ("Nông thôn", "rural"),
        ("nong thon", "rural"),
        ("NÔNG THÔN", "rural"),
        ("Mountain", "mountain"),
        ("miền núi", "mountain"),
        ("  urban ", "urban"),
    ],
)
def test_enums(raw: str, expected: str) -> None:
    assert convert(raw, INPUTS["area"]) == (expected, None)


def test_bad_enum_lists_the_values() -> None:
    assert convert("suburb", INPUTS["area"]) == (None, "'suburb' is not one of: urban, rural, mountain")


def test_enum_of_numbers_from_a_number_cell() -> None:
    levels = InputSpec.model_validate({"type": "enum", "label": {"vi": "Mức"}, "values": ["1", "2"]})
    assert convert(2.0, levels) == ("2", None)
    assert convert(1, levels) == ("1", None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-31", dt.date(2026, 1, 31)),
        ("2026-1-5", dt.date(2026, 1, 5)),
        ("2026-01-31T08:00:00", dt.date(2026, 1, 31)),
        ("2026-01-31 00:00:00", dt.date(2026, 1, 31)),
        ("31/01/2026", dt.date(2026, 1, 31)),
        ("5/1/2026", dt.date(2026, 1, 5)),
        ("31-01-2026", dt.date(2026, 1, 31)),
        ("31.01.2026", dt.date(2026, 1, 31)),
        (dt.datetime(2026, 1, 31, 12, 0), dt.date(2026, 1, 31)),
        (dt.date(2026, 1, 31), dt.date(2026, 1, 31)),
    ],
)
def test_dates(raw: object, expected: dt.date) -> None:
    assert convert(raw, spec("date")) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("31/02/2026", "'31/02/2026' is not a real date"),
        ("01/31/2026", "'01/31/2026' is not a real date"),
        ("tháng 1", "'tháng 1' is not a date (expected a date such as 2026-01-31 or 31/01/2026)"),
        (2026, "'2026' is a number, not a date (expected a date such as 2026-01-31 or 31/01/2026)"),
        (46053.5, "'46053.5' is a number, not a date (expected a date such as 2026-01-31 or 31/01/2026)"),
    ],
)
def test_not_dates(raw: object, problem: str) -> None:
    assert convert(raw, spec("date")) == (None, problem)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Nguyễn Văn An ", "Nguyễn Văn An"),
        (12345.0, "12345"),
        (7, "7"),
        (dt.date(2026, 1, 2), "2026-01-02"),
    ],
)
def test_strings(raw: object, expected: str) -> None:
    assert convert(raw, spec("string")) == (expected, None)


def test_lists_convert_each_item_by_its_specs() -> None:
    raw = [{"Tuổi": "41", "insured": "có", "id": "P1"}, {"age": "2,5"}, "junk"]
    value, problem = convert(raw, INPUTS["persons"])
    assert value == [{"age": 41, "insured": True, "id": "P1"}, {}, {}]
    assert problem == "item 2, field 'age': '2,5' is not a whole number; item 3 is a text, not a record"


def test_list_from_json_text_and_not_a_list() -> None:
    assert convert('[{"age": 3}]', INPUTS["persons"]) == ([{"age": 3}], None)
    assert (
        convert("3 người", INPUTS["persons"])[1]
        == "'3 người' is not a list (expected a JSON list of records)"
    )
    assert convert(5, INPUTS["persons"]) == (None, "'5' is a number, not a list")


def test_parse_number_direct() -> None:
    assert parse_number("1.500.000,5 đồng") == 1500000.5
    assert parse_number("tr") is None


@pytest.mark.parametrize(
    ("raw", "expected"), [(12.0, "12"), (" H1 ", "H1"), (7, "7"), ("", None), (None, None)]
)
def test_id_text(raw: object, expected: str | None) -> None:
    assert id_text(raw) == expected


def test_convert_row_from_the_vietnamese_csv() -> None:
    path = DATA / "households_vi.csv"
    cmap, _ = ColumnMap.build(read_headers(path), INPUTS)
    out = [convert_raw_row(row, cmap, INPUTS, file=str(path)) for row in iter_rows(path)]
    first, problems = out[0]
    assert problems == []
    assert first == {
        "id": "H001",
        "head_name": "Nguyễn Văn An",
        "income": 1500000,
        "members": 4,
        "has_toilet": True,
        "area": "rural",
        "surveyed_on": dt.date(2026, 1, 31),
        "village_id": "V01",
    }
    assert out[1][0]["income"] == 2350000.5 and out[1][0]["has_toilet"] is False
    record, problems = out[2]
    assert [str(p.message) for p in problems] == [
        "row 4, column 'Thu nhập bình quân': '1.5tr' is not a number",
        "row 4, column 'Số nhân khẩu': '3,5' is not a whole number",
    ]
    assert [p.message_in("vi") for p in problems] == [
        "dòng 4, cột 'Thu nhập bình quân': '1.5tr' không phải số",
        "dòng 4, cột 'Số nhân khẩu': '3,5' không phải số nguyên",
    ]
    assert [p.suggestion_in("vi") for p in problems] == [
        "ghi số, ví dụ 1.500.000",
        "ghi số nguyên, ví dụ 2",
    ]
    assert [(p.code, p.file, p.line, p.column, p.path) for p in problems] == [
        ("data-bad-value", str(path), 4, 3, ("income",)),
        ("data-bad-value", str(path), 4, 4, ("members",)),
    ]
    assert "income" not in record and "members" not in record and record["has_toilet"] is True
    record, problems = out[3]
    assert problems == [] and record == {
        "id": "H004",
        "head_name": "Giàng Seo Dế",
        "area": "mountain",
        "village_id": "V02",
    }


def test_problems_are_said_in_vietnamese_with_the_accepted_labels() -> None:
    _, problem = convert_value("Nhóm 3", INPUTS["area"])
    assert problem is not None
    assert problem("vi") == "'Nhóm 3' không phải giá trị hợp lệ; dùng: Thành thị, Nông thôn, Miền núi"
    assert problem("en") == "'Nhóm 3' is not one of: urban, rural, mountain"
    _, problem = convert_value("5 người?", INPUTS["members"])
    assert problem is not None and problem("vi") == "'5 người?' không phải số nguyên"
    _, problem = convert_value("31/02/2026", spec("date"))
    assert problem is not None and problem("vi") == "'31/02/2026' không phải ngày có thật"
    _, problem = convert_value("có thể", spec("boolean"))
    assert problem is not None and problem("vi").startswith("'có thể' không phải có/không")


def test_convert_row_without_a_row_number_and_links_as_id_text() -> None:
    cmap, _ = ColumnMap.build(["id", "income", "village_id", "junk"], INPUTS)
    record, problems = convert_row({"id": 5.0, "income": "x", "village_id": 7, "junk": "?"}, cmap, INPUTS)
    assert record == {"id": "5", "village_id": "7"}
    assert [p.message for p in problems] == ["column 'income': 'x' is not a number"]
