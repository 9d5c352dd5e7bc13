"""The row converter compiled for a table's columns gives, cell for cell, what converting each
cell as it comes gives: the same record, the same problems in the same order (a property over
generated rows), and it remembers texts without changing a result."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine.format.models import InputSpec
from criteria_engine.io import row_code
from criteria_engine.io.columns import ColumnMap
from criteria_engine.io.row_convert import MEMO_TEXT, RowConverter

INPUTS = {
    "members": InputSpec.model_validate(
        {"type": "integer", "label": {"vi": "Số nhân khẩu", "en": "Members"}}
    ),
    "income": InputSpec.model_validate({"type": "number", "label": {"vi": "Thu nhập", "en": "Income"}}),
    "area": InputSpec.model_validate(
        {"type": "enum", "values": ["urban", "rural"], "label": {"vi": "Khu vực", "en": "Area"}}
    ),
    "insured": InputSpec.model_validate({"type": "boolean", "label": {"vi": "Có BHYT", "en": "Insured"}}),
    "checked": InputSpec.model_validate(
        {"type": "boolean", "blank": False, "label": {"vi": "Đã kiểm tra", "en": "Checked"}}
    ),
    "visited": InputSpec.model_validate({"type": "date", "label": {"vi": "Ngày thăm", "en": "Visited"}}),
    "name": InputSpec.model_validate({"type": "string", "label": {"vi": "Tên", "en": "Name"}}),
    "persons": InputSpec.model_validate(
        {
            "type": "list",
            "label": {"vi": "Thành viên", "en": "Persons"},
            "items": {"age": {"type": "integer", "label": {"vi": "Tuổi", "en": "Age"}}},
        }
    ),
}
HEADERS = [
    "Mã hộ", "Số nhân khẩu", "income", "Khu vực", "insured", "checked", "visited", "name", "persons",
    "village_id", "ghi chú",
]  # fmt: skip
CELLS = st.one_of(
    st.sampled_from(
        ["", " ", "-", "NA", "n/a", "4", "4,0", "4,5", "1.500.000", "1,500,000.5", "nhiều", "có", "không",
         "x", "true", "0", "1", "rural", "Nông thôn", "city", "2026-01-31", "31/01/2026", "46053",
         "[{\"age\": 7}]", "[{\"age\": \"bảy\"}]", "not a list", "9" * 40, "=1+1", "H1", " H2 "]
    ),
    st.text(max_size=8),
    st.integers(-5, 100_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.just(dt.date(2026, 3, 1)),
    st.just([{"age": 5}, {"age": "x"}]),
)  # fmt: skip
ROWS = st.lists(
    st.dictionaries(st.sampled_from(HEADERS), CELLS, max_size=len(HEADERS)), min_size=1, max_size=12
)


def _map() -> ColumnMap:
    columns, _ = ColumnMap.build(HEADERS, INPUTS, links=["village_id"], subject="household")
    return columns


@settings(max_examples=300, deadline=None)
@given(rows=ROWS)
def test_the_compiled_converter_gives_what_converting_each_cell_gives(rows: list[dict[str, object]]) -> None:
    columns = _map()
    compiled = RowConverter(columns, INPUTS, file="h.csv")
    reference = RowConverter(columns, INPUTS, file="h.csv", memo=False)
    for _round in range(2):  # the second round reads remembered texts
        for number, values in enumerate(rows, start=2):
            assert compiled.convert(values, number) == reference.convert(values, number)


def test_the_compiled_converter_reads_the_mapped_columns_only() -> None:
    columns = _map()
    assert columns.target("ghi chú") is None and columns.target("village_id") == ("link", "village_id")
    convert = RowConverter(columns, INPUTS, file="h.csv")
    record, problems = convert.convert(
        {"Mã hộ": " H1 ", "Số nhân khẩu": "4", "checked": "", "ghi chú": "x", "village_id": 7.0}, 2
    )
    assert record == {"id": "H1", "members": 4, "checked": False, "village_id": "7"}
    assert problems == []
    record, problems = convert.convert({"Khu vực": "city", "Số nhân khẩu": "bốn"}, 3)
    assert record == {}
    assert [(p.code, p.column, p.value) for p in problems] == [
        ("data-bad-value", 4, "city"),
        ("data-bad-value", 2, "bốn"),
    ]  # in the row's order of cells, not the header's


def test_a_memo_holds_short_texts_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from criteria_engine.io import row_convert

    monkeypatch.setattr(row_convert, "MEMO_LIMIT", 3)
    convert = RowConverter(_map(), INPUTS)
    convert.convert({"Số nhân khẩu": "4", "name": "1" * (MEMO_TEXT + 1)}, 2)
    assert [m for m in convert._memos if m] == [{"4": 4}]  # the long text is not remembered
    for text in ("5", "6", "7"):
        convert.convert({"Số nhân khẩu": text}, 3)
    assert [m for m in convert._memos if m] == [{"7": 7}]  # full at three: emptied, then "7"
    assert convert.convert({"Số nhân khẩu": "4"}, 4) == ({"members": 4}, [])


def test_header_text_is_never_read_as_code() -> None:
    header = '") ; import os ; ("'
    columns, _ = ColumnMap.build([header, "income"], INPUTS, extra={header: "name"})
    record, _ = RowConverter(columns, INPUTS).convert({header: "an\\x00", "income": "5"}, 2)
    assert record == {"name": "an\\x00", "income": 5}
    assert row_code.Bad("x").value is row_code.SKIP
