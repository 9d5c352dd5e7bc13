"""Forgiving and explicit reading: headers matched loosely but said out loud, the header row
found below a title, totals rows skipped and counted, empty checkbox cells read by the set's
``blank``, ``--map`` in every table, the link column's aliases, repeated ids refused, a run
that would be wrong stopped (or flagged), warnings grouped and repeated at the end."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_engine import load_registry
from criteria_engine.errors import DataError
from criteria_engine.format.models import CriteriaSet, InputSpec
from criteria_engine.format.semantics import check_meaning
from criteria_engine.io.columns import ColumnMap, InputMatcher, header_test
from criteria_engine.io.convert import convert_value
from criteria_engine.io.header_words import loose, total_label
from criteria_engine.io.quality import DataQuality, group_warnings
from criteria_engine.io.readers import find_header, iter_rows
from criteria_engine.io.records import DataSource
from criteria_engine.io.row_convert import RowConverter

from .test_cli_support import NO_PERSONS, run

HOSTILE_SETS = Path(__file__).parent / "cases" / "hostile" / "sets"
REGISTRY = load_registry()
FAMILY = REGISTRY.get("happy-family@2026.2").model
FAMILY_2027 = REGISTRY.get("happy-family@2027.1").model


def spec(kind: str, **more: object) -> InputSpec:
    return InputSpec.model_validate({"type": kind, "label": {"vi": "Ô", "en": "Cell"}, **more})


# --- matching headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected", "level"),
    [
        ("members", "members", 0),
        ("SỐ NHÂN  KHẨU", "members", 1),
        ("so nhan khau", "members", 2),
        ("3. Số TV có thẻ BHYT (người)", "insured_members", 3),
        ("Xã ĐBKK", "especially_difficult", 3),
        ("Thu nhập bình quân", "income_per_capita", 4),
        ("Nhóm xã", "commune_group", 3),  # the label without its bracket
        ("Số trẻ", None, -1),  # the start of several labels: no guess
        ("Khu", None, -1),  # one word is too little to guess from
    ],
)
def test_headers_match_by_label_loosely(header: str, expected: str | None, level: int) -> None:
    name, _ambiguous, found = InputMatcher(FAMILY.inputs).match_level(header)
    assert (name, found) == (expected, level)


def test_loose_spells_out_abbreviations_and_drops_numbering() -> None:
    assert loose("3. Số TV có thẻ BHYT (người)") == "so thanh vien co the bao hiem y te"
    assert loose("(12) Tập TDTT") == "tap the duc the thao"
    assert loose("a) Xã ĐBKK:") == "xa dac biet kho khan"


def test_a_guessed_column_is_said_out_loud() -> None:
    columns, notes = ColumnMap.build(["Mã hộ", "Thu nhập bình quân"], FAMILY.inputs, subject="household")
    assert columns.target("Thu nhập bình quân") == ("input", "income_per_capita")
    (guess,) = [n for n in notes if n.code == "data-column-guessed"]
    assert guess.message_in("vi") == (
        "cột 'Thu nhập bình quân' được đọc là 'income_per_capita' (Thu nhập bình quân đầu người "
        "(đồng/tháng)), trường có nhãn bắt đầu như vậy"
    )
    assert guess.message.startswith("column 'Thu nhập bình quân' is read as 'income_per_capita' (")


def test_the_id_headers_depend_on_the_subject() -> None:
    school = REGISTRY.get("happy-school").model
    columns, _ = ColumnMap.build(["Mã trường", "Mã hộ"], school.inputs, subject="school")
    assert columns.id_header == "Mã trường"
    columns, _ = ColumnMap.build(["Mã thôn", "Mã hộ"], FAMILY.inputs, subject="household")
    assert columns.id_header == "Mã hộ"


def test_a_link_column_takes_the_parents_id_headers() -> None:
    items = FAMILY.inputs["persons"].items or {}
    for header in ("Mã hộ", "household_id", "Household id", "MÃ HỘ GIA ĐÌNH"):
        columns, _ = ColumnMap.build([header, "Họ và tên"], items, links=["household_id"])
        assert columns.target(header) == ("link", "household_id"), header
    columns, _ = ColumnMap.build(["id", "Họ và tên"], items, links=["household_id"])
    assert columns.target("id") == ("id", "id")  # a row's own id is not its link


# --- the header row ------------------------------------------------------------------------------


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_the_header_row_is_found_below_a_title(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["UBND XÃ NẬM XÉ"],
        ["DANH SÁCH HỘ, NĂM 2026"],
        [],
        ["STT", "Mã hộ", "Khu vực", "Số nhân khẩu", "Ghi chú"],
        [1, "H1", "Nông thôn", 4, None],
    ]
    path = _sheet(tmp_path / "a.xlsx", rows)
    test = header_test(FAMILY.inputs, subject="household")
    header = find_header(path, header=test)
    assert (header.line, header.names, header.above) == (
        4,
        ["STT", "Mã hộ", "Khu vực", "Số nhân khẩu", "Ghi chú"],
        (1, 2),
    )
    assert [r.row_number for r in iter_rows(path, header=test)] == [5]
    assert [r.row_number for r in iter_rows(path, header=4)] == [5]
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(
        "DANH SÁCH HỘ, NĂM 2026\n\nMã hộ;Khu vực;Số nhân khẩu\nH1;Nông thôn;4\n", encoding="utf-8"
    )
    assert find_header(csv_path, header=test).line == 3  # ';' found on the header line, not the title
    assert [r.values for r in iter_rows(csv_path, header=test)] == [
        {"Mã hộ": "H1", "Khu vực": "Nông thôn", "Số nhân khẩu": "4"}
    ]


def test_the_first_row_where_most_cells_are_inputs_is_the_header(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Mã hộ", "Khu vực", "a", "b"],
        ["Mã hộ", "Khu vực", "Số nhân khẩu"],
        ["H1", "Nông thôn", 4],
    ]
    path = _sheet(tmp_path / "a.xlsx", rows)
    assert find_header(path, header=header_test(FAMILY.inputs, subject="household")).line == 1
    rows[0] = ["Danh sách", "Khu vực", "a", "b", "c"]  # one cell of five: a title, not the header
    path = _sheet(tmp_path / "b.xlsx", rows)
    assert find_header(path, header=header_test(FAMILY.inputs, subject="household")).line == 2


def test_without_a_header_the_first_row_is_the_header(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "a.xlsx", [["foo", "bar"], ["1", "2"]])
    assert find_header(path, header=header_test(FAMILY.inputs)).line == 1


def test_a_header_row_that_is_empty_or_absent_is_an_error(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "a.xlsx", [["Mã hộ"], [], ["H1"]])
    for row, message in ((2, "row 2 is empty"), (9, "the file has no row 9")):
        with pytest.raises(DataError) as info:
            find_header(path, header=row)
        assert info.value.diagnostics[0].code == "data-bad-header-row"
        assert info.value.diagnostics[0].message.startswith(message)


def test_a_header_cell_merged_down_takes_the_heading_above(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Mã hộ", "Thông tin hộ", None],
        [None, "Khu vực", "Số nhân khẩu"],
        ["H1", "Nông thôn", 4],
    ]
    path = _sheet(tmp_path / "a.xlsx", rows)
    header = find_header(path, header=header_test(FAMILY.inputs, subject="household"))
    assert (header.line, header.names) == (2, ["Mã hộ", "Khu vực", "Số nhân khẩu"])


# --- totals rows, blanks, repeated ids -------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "label"),
    [
        (["Tổng cộng", None, 34], "Tổng cộng"),
        (["CỘNG:", None], "CỘNG:"),
        (["Tổng số: 30 hộ", None], "Tổng số: 30 hộ"),
        ([None, "Total", 3], "Total"),
        (["Tống Văn Nam", None], None),  # a name, not a total
        (["H1", "Tổng"], None),  # the first cell is an id
    ],
)
def test_totals_rows(cells: list[object], label: str | None) -> None:
    assert total_label(cells) == label


def test_a_totals_row_with_an_id_is_a_candidate() -> None:
    assert total_label(["Tổng", "H9"], id_cell="H9") is None


def test_blank_gives_the_value_of_an_empty_cell_only() -> None:
    inputs = {
        "ticked": spec("boolean", blank=False),
        "count": spec("integer", blank=0),
        "plain": spec("boolean"),
    }
    columns, _ = ColumnMap.build(["ticked", "count", "plain"], inputs)
    convert = RowConverter(columns, inputs)
    assert convert.convert({"ticked": "", "count": None, "plain": ""})[0] == {"ticked": False, "count": 0}
    assert convert.convert({"ticked": "x", "count": "3", "plain": "x"})[0] == {
        "ticked": True,
        "count": 3,
        "plain": True,
    }
    assert convert.convert({"ticked": "NA", "count": "-"})[0] == {}  # written as unknown: missing
    assert convert.convert({})[0] == {}  # no column at all: missing


@pytest.mark.parametrize(
    ("kind", "blank", "extra", "ok"),
    [
        ("boolean", False, {}, True),
        ("boolean", 0, {}, False),
        ("integer", 0, {"min": 0}, True),
        ("integer", -1, {"min": 0}, False),
        ("integer", 1.5, {}, False),
        ("enum", "rural", {"values": ["urban", "rural"]}, True),
        ("enum", "rurall", {"values": ["urban", "rural"]}, False),
        ("date", "2026-01-31", {}, True),
        ("date", "31/01/2026", {}, False),
        ("list", False, {"items": {"a": {"type": "integer", "label": {"vi": "a", "en": "a"}}}}, False),
    ],
)
def test_blank_must_be_a_value_of_the_input(
    kind: str, blank: object, extra: dict[str, object], ok: bool
) -> None:
    base = FAMILY.model_dump(by_alias=True, exclude_defaults=True)
    base["inputs"] = {
        **base["inputs"],
        "tested": {"type": kind, "label": {"vi": "a", "en": "a"}, "blank": blank, **extra},
    }
    model = type(FAMILY).model_validate(base)
    problems = [d for d in check_meaning(model) if d.code == "bad-blank"]
    assert (not problems) == ok
    if not ok:
        assert problems[0].path == ("inputs", "tested", "blank")


def test_a_repeated_id_makes_the_later_row_invalid_naming_both(tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text("id,members\nH1,4\nH2,3\nH1,2\n", encoding="utf-8")
    units = list(DataSource(_hostile(), str(data)).units())
    assert [u.raw.problems for u in units[:2]] == [(), ()]
    (problem,) = units[2].raw.problems
    assert (problem.code, problem.line, problem.column, problem.value) == ("data-duplicate-id", 4, 1, "H1")
    assert problem.message == "row 4: the id 'H1' is already used on row 2; this row is not evaluated"


def _hostile() -> CriteriaSet:
    return load_registry([str(HOSTILE_SETS)]).get("hostile-minimal").model


def test_the_id_tracker_spills_to_disk_and_still_finds_repeats() -> None:
    from criteria_engine.io.ids import IdTracker

    with IdTracker(in_memory=10) as ids:
        assert all(ids.first_row(f"H{n}", n) is None for n in range(50))
        assert ids.first_row("H3", 99) == 3 and ids.first_row("H45", 100) == 45
        assert "H7" in ids and "H99" not in ids and ids.count == 50


@settings(max_examples=150, deadline=None)
@given(
    runs=st.lists(
        st.lists(st.one_of(st.none(), st.sampled_from([f"H{n}" for n in range(12)])), max_size=8), max_size=6
    ),
    limit=st.sampled_from([3, 1000]),
)
def test_a_run_of_ids_finds_what_one_id_at_a_time_finds(runs: list[list[str | None]], limit: int) -> None:
    """The batch check of the ids of rows read elsewhere (``--jobs``) agrees with checking
    them one by one, repeats within a run and across the spill to disk included."""
    from criteria_engine.io.ids import IdTracker

    row = 2
    with IdTracker(in_memory=limit) as batch, IdTracker(in_memory=limit) as single:
        for run in runs:
            rows = list(range(row, row + len(run)))
            row += len(run)
            expected = {}
            for candidate_id, number in zip(run, rows, strict=True):
                first = single.first_row(candidate_id, number) if candidate_id is not None else None
                if first is not None:
                    expected[number] = first
            assert batch.first_rows(run, rows) == expected
            assert batch.count == single.count


# --- a run that would be wrong ---------------------------------------------------------------------


def test_a_map_naming_no_input_stops_the_run(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Số khẩu: member\nKhu vực: area\n", encoding="utf-8")
    data = tmp_path / "h.csv"
    data.write_text("id,Số khẩu,Khu vực\nH1,4,rural\n", encoding="utf-8")
    result = run("evaluate", "hostile-minimal", data, "--sets", HOSTILE_SETS, "--map", mapping)
    assert result.code == 1 and result.out == ""
    assert (
        f"{mapping}: lỗi[data-bad-map]: bảng ánh xạ cột ghép 'Số khẩu' với 'member', nhưng đó không phải "
        "trường nào của hostile-minimal\n  gợi ý: có phải là 'members'?" in result.err
    )
    assert "gợi ý: có phải là 'members'?" in result.err


def test_the_map_applies_to_the_members_table_too(tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text("Số hộ,Số nhân khẩu\nH1,2\n", encoding="utf-8")
    people = tmp_path / "p.csv"
    people.write_text("Số hộ,Tên\nH1,A\nH1,B\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Số hộ: id\nTên: full_name\n", encoding="utf-8")
    source = DataSource(FAMILY, str(data), str(mapping), [f"persons={people}"])
    (unit,) = list(source.units())
    assert dict(unit.children)["persons"] == (({"full_name": "A"}, ()), ({"full_name": "B"}, ()))


def test_more_than_half_invalid_exits_1_after_writing_with_a_banner(tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text("id,members\nH1,four\nH2,three\nH3,2\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run("evaluate", "hostile-minimal", data, "--sets", HOSTILE_SETS, "-o", target, "--lang", "en")
    assert result.code == 1
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4  # the output is written
    assert "WARNING: 2 of 3 rows (67%) could not be read" in result.err
    assert result.err.rstrip().endswith("═")  # the banner is the last thing said
    fine = tmp_path / "ok.csv"
    fine.write_text("id,members\nH1,four\nH2,3\nH3,2\n", encoding="utf-8")
    assert run("evaluate", "hostile-minimal", fine, "--sets", HOSTILE_SETS, "--format", "jsonl").code == 0


def test_warnings_are_grouped_and_repeated_at_the_end(tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text("id,members,STT,Ghi chú,Họ tên\nH1,,1,,A\nH2,,2,,B\nTổng cộng,,,,\n", encoding="utf-8")
    result = run(
        "evaluate", "hostile-minimal", data, "--sets", HOSTILE_SETS, "--format", "jsonl", "--lang", "vi"
    )
    said = "3 cột không phải trường của bộ tiêu chí, bỏ qua: 'STT', 'Ghi chú', 'Họ tên'"
    assert result.err.count(said) == 2
    tail = result.err.split("Số dòng đọc được: 3 = 2 kết quả + 1 dòng bỏ qua (dòng tổng cộng)\n")[1]
    assert "2 ô trống ở cột 'members' (Số nhân khẩu)" in tail
    assert "dòng 4 ('Tổng cộng') là dòng tổng cộng, không phải một đối tượng; bỏ qua" in tail
    english = run(
        "evaluate", "hostile-minimal", data, "--sets", HOSTILE_SETS, "--format", "jsonl", "--lang", "en"
    )
    assert english.err.count("3 columns are not inputs and are ignored: 'STT', 'Ghi chú', 'Họ tên'") == 2
    assert "row 4 ('Tổng cộng') is a totals row" in english.err


def test_group_warnings_keeps_single_ones() -> None:
    quality = DataQuality()
    _columns, notes = ColumnMap.build(["id", "a", "b"], FAMILY.inputs)
    grouped = group_warnings(notes)
    assert [d.code for d in grouped].count("data-unknown-column") == 2  # two: told one by one
    assert quality.warn(notes) == grouped and quality.warnings == notes


def test_group_by_an_input_column_converts_like_the_input(tmp_path: Path) -> None:
    data = Path(__file__).parent.parent / "examples" / "data" / "commune"
    args = ["happy-family", data / "household.csv", "--persons", data / "person.csv"]
    args += ["--format", "jsonl", "--detail", "verdicts"]
    plain = run("evaluate", *args)
    grouped = run("evaluate", *args, "--group-by", "members")
    statuses = [json.loads(line).get("status") for line in plain.out.splitlines()[:-1]]
    assert [json.loads(line).get("status") for line in grouped.out.splitlines()[:-1]] == statuses
    groups = json.loads(grouped.out.splitlines()[-1])["summary"]["groups"]
    assert (
        set(groups) <= {*(str(n) for n in range(1, 20)), "—"}
        and sum(sum(g.values()) for g in groups.values()) == 310
    )


def test_dates_from_excel_day_numbers_and_text() -> None:
    date = spec("date")
    assert convert_value(46_053, date) == (convert_value("31/01/2026", date)[0], None)
    assert convert_value("2026-01-31", date)[0] == convert_value(46_053.0, date)[0]
    assert (
        str(convert_value(2026, date)[1])
        == "'2026' is a number, not a date (expected a date such as 2026-01-31 or 31/01/2026)"
    )


def test_members_sheet_is_read_from_the_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Mã hộ", "Số nhân khẩu"])
    book.active.append(["H1", 2])
    people = book.create_sheet("Thành viên hộ gia đình")
    people.append(["Mã hộ", "Họ và tên"])
    people.append(["H1", "A"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    (unit,) = list(DataSource(FAMILY, str(path), strict=True).units())
    assert dict(unit.children)["persons"] == (({"full_name": "A"}, ()),)
    result = run("evaluate", "happy-family@2026.2", path, "--persons", NO_PERSONS, "--format", "jsonl")
    assert result.code == 0  # --persons wins over the sheet


def test_numbers_with_too_many_digits_are_not_read() -> None:
    count = spec("integer")
    value, problem = convert_value(10**40, count)
    assert value is None and str(problem) == "a number of 41 digits is too long to read (at most 30 digits)"
    assert problem is not None and problem("vi") == "số có 41 chữ số, quá dài để đọc (tối đa 30 chữ số)"
    assert convert_value(10**29, count) == (10**29, None)
    assert (
        str(convert_value("1" * 31, count)[1])
        == "a number of 31 digits is too long to read (at most 30 digits)"
    )
    assert convert_value("1.500.000", count) == (1_500_000, None)
