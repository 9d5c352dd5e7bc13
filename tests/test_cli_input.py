"""Reading data for ``criteria evaluate``: every input format, column matching, children, and
the awkward files (each one clear message and the right exit code, never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_support import (
    CASES,
    HOUSEHOLDS,
    NO_PERSONS,
    PERSONS,
    SET,
    evaluate,
    household_rows,
    run,
    write_csv,
)

EXPECTED = [
    ("H01", "passed"),
    ("H02", "failed"),
    ("H03", "passed"),
    ("H04", "undetermined"),
    ("H05", "invalid"),
    ("H06", "failed"),
    ("H07", "passed"),
    ("H08", "passed"),
]


def statuses(out: str) -> list[tuple[str, str]]:
    lines = [json.loads(line) for line in out.splitlines()]
    return [(item["id"], item["status"]) for item in lines if "summary" not in item]


def one_error(err: str, code: str) -> None:
    """Exactly one error line (in Vietnamese, the run's language: ``lỗi[CODE]``)."""
    errors = [line for line in err.splitlines() if ": lỗi[" in line or line.startswith("lỗi[")]
    assert len(errors) == 1, err
    assert f"lỗi[{code}]" in errors[0]
    assert "Traceback" not in err


def test_semicolon_csv_with_bom() -> None:
    result = evaluate("--format", "jsonl", "--detail", "verdicts")
    assert result.code == 0
    assert statuses(result.out) == EXPECTED


def test_comma_csv_without_bom(tmp_path: Path) -> None:
    header, rows = household_rows()
    data = write_csv(tmp_path / "households.csv", header, rows)
    assert not data.read_bytes().startswith(b"\xef\xbb\xbf")
    result = evaluate("--format", "jsonl", data=data)
    assert statuses(result.out) == EXPECTED


def test_excel_workbook() -> None:
    result = evaluate("--format", "jsonl", data=CASES / "households.xlsx")
    assert result.code == 0, result.err
    assert statuses(result.out) == EXPECTED
    csv_run = evaluate("--format", "jsonl")
    scores = [json.loads(line).get("score") for line in result.out.splitlines()]
    assert scores == [json.loads(line).get("score") for line in csv_run.out.splitlines()]


def _records() -> list[dict[str, object]]:
    header, rows = household_rows()
    people: dict[str, list[dict[str, object]]] = {}
    for line in PERSONS.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split(",")
        people.setdefault(cells[0], []).append(
            {
                "full_name": cells[1],
                "criminal_prosecution": False,
                "mil_tax_default": False,
                "sanction_marriage": False,
                "sanction_order_dv": False,
                "drug_user": cells[6] == "x",
            }
        )
    records = []
    for row in rows:
        record: dict[str, object] = dict(zip(header, row, strict=True))
        record["persons"] = people[str(record["Mã hộ"])]
        records.append(record)
    return records


def test_json_with_persons_inside(tmp_path: Path) -> None:
    data = tmp_path / "households.json"
    data.write_text(json.dumps(_records(), ensure_ascii=False), encoding="utf-8")
    result = evaluate("--format", "jsonl", data=data, persons=None)
    assert result.code == 0, result.err
    assert statuses(result.out) == EXPECTED


def test_jsonl_with_persons_inside(tmp_path: Path) -> None:
    data = tmp_path / "households.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records()) + "\n", encoding="utf-8")
    result = evaluate("--format", "jsonl", data=data, persons=None)
    assert statuses(result.out) == EXPECTED


def test_children_option_is_the_same_as_persons() -> None:
    a = evaluate("--format", "jsonl", "--detail", "verdicts")
    b = evaluate(
        "--format", "jsonl", "--detail", "verdicts", "--children", f"persons={PERSONS}", persons=None
    )
    assert a.out == b.out


def test_without_persons_the_run_stops_and_says_why() -> None:
    result = evaluate("--format", "jsonl", persons=None)
    assert result.code == 1 and result.out == ""
    one_error(result.err, "data-missing-list")
    assert "nên không ai có thể đạt" in result.err and "(hoặc --persons TỆP)" in result.err


def test_column_map_file(tmp_path: Path) -> None:
    header, rows = household_rows()
    header = [
        "Mã số hộ gia đình" if h == "Mã hộ" else "Nhân khẩu" if h == "Số nhân khẩu" else h for h in header
    ]
    data = write_csv(tmp_path / "h.csv", header, rows)
    mapping = tmp_path / "map.yaml"
    mapping.write_text('"Mã số hộ gia đình": id\n"Nhân khẩu": members\n', encoding="utf-8")
    result = evaluate("--format", "jsonl", "--map", mapping, data=data)
    assert statuses(result.out) == EXPECTED


def test_misspelt_column_gets_a_did_you_mean(tmp_path: Path) -> None:
    header, rows = household_rows()
    header = ["Số nhânn khẩu" if h == "Số nhân khẩu" else h for h in header]
    data = write_csv(tmp_path / "h.csv", header, rows)
    result = evaluate("--format", "jsonl", data=data)
    assert result.code == 0
    assert "cảnh báo[data-unknown-column]: cột 'Số nhânn khẩu' không phải trường nào" in result.err
    assert "gợi ý: có phải là 'Số nhân khẩu'?" in result.err
    assert "cảnh báo[data-missing-column]: chưa có cột 'Số nhân khẩu' (trường 'members')" in result.err


def test_bad_child_value_makes_the_parent_invalid(tmp_path: Path) -> None:
    lines = PERSONS.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("không,không,không,không,không", "không,không,không,không,maybe")
    persons = tmp_path / "persons.csv"
    persons.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = evaluate("--format", "jsonl", persons=persons)
    first = json.loads(result.out.splitlines()[0])
    assert first["status"] == "invalid"
    assert first["errors"][0]["field"] == "persons.drug_user"
    assert first["errors"][0]["message"].startswith("persons.csv: row 2, column 'drug_user'")


def test_orphan_children_are_reported(tmp_path: Path) -> None:
    persons = tmp_path / "persons.csv"
    persons.write_text(
        PERSONS.read_text(encoding="utf-8") + "H99,Người Lạ,không,không,không,không,không\n", encoding="utf-8"
    )
    result = evaluate("--format", "jsonl", persons=persons)
    assert result.code == 0
    assert (
        "cảnh báo[data-orphan-rows]: 1 dòng của bảng persons (cột 'household_id') ghi mã không có"
        in result.err
    )
    assert "'H99'" in result.err


def test_children_file_without_link_column(tmp_path: Path) -> None:
    persons = write_csv(tmp_path / "persons.csv", ["hh", "full_name"], [["H01", "A"]])
    result = evaluate(persons=persons)
    assert result.code == 1
    one_error(result.err, "data-missing-link-column")


def test_children_of_an_unknown_list_is_a_usage_error() -> None:
    result = evaluate("--children", f"person={PERSONS}", persons=None)
    assert result.code == 2
    assert "'person' không phải danh sách của bộ tiêu chí này (các danh sách: persons)" in result.err
    assert "; có phải là 'persons'?" in result.err


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.csv", b"", "data-empty"),
        ("blank.csv", b"\n\n  \n", "data-empty"),
        ("header-only.csv", "Mã hộ;Số nhân khẩu\n".encode(), "data-no-rows"),
        ("pipes.csv", "Mã hộ|Số nhân khẩu\nH1|4\n".encode(), "data-delimiter"),
        ("latin1.csv", "Mã hộ,Khu vực\nH1,Nông thôn\n".encode("cp1258", errors="replace"), "data-not-utf8"),
        ("broken.json", b'[{"id": "H1",', "data-bad-json"),
        ("households.xls", b"\xd0\xcf\x11\xe0", "data-unknown-format"),
    ],
)
def test_unusable_files_give_one_message_and_exit_1(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    data = tmp_path / name
    data.write_bytes(content)
    result = evaluate(data=data, persons=None)
    assert result.code == 1, result.err
    one_error(result.err, code)
    assert result.out == ""


def test_missing_file() -> None:
    result = evaluate(data=CASES / "no-such-file.csv", persons=None)
    assert result.code == 1
    one_error(result.err, "data-unreadable")


def test_truncated_excel_file(tmp_path: Path) -> None:
    content = (CASES / "households.xlsx").read_bytes()
    data = tmp_path / "cut.xlsx"
    data.write_bytes(content[: len(content) // 2])
    result = evaluate(data=data, persons=None)
    assert result.code == 1
    one_error(result.err, "data-bad-xlsx")


def test_ten_thousand_columns(tmp_path: Path) -> None:
    data = tmp_path / "wide.csv"
    data.write_text(
        ",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("1" for _ in range(10_000)) + "\n"
    )
    result = evaluate(data=data, persons=None)
    assert result.code == 1
    one_error(result.err, "data-too-many-columns")


def test_a_100_mb_cell_makes_only_its_row_invalid(tmp_path: Path) -> None:
    data = tmp_path / "huge.csv"
    with data.open("w", encoding="utf-8") as handle:
        handle.write("id,area,members\nA1,rural,4\nA2,")
        chunk = "x" * (1 << 20)
        for _ in range(100):
            handle.write(chunk)
        handle.write(",3\nA3,urban,2\n")
    result = run("evaluate", SET, data, "--persons", NO_PERSONS, "--format", "jsonl", "--detail", "verdicts")
    assert result.code == 0, result.err
    items = [json.loads(line) for line in result.out.splitlines()][:-1]
    assert [i["id"] for i in items] == ["A1", "A2", "A3"]
    assert items[1]["status"] == "invalid"
    assert items[1]["errors"][0]["code"] == "data-cell-too-large"
    assert items[0]["status"] != "invalid" and items[2]["status"] != "invalid"


def test_excel_sheet_option(tmp_path: Path) -> None:
    result = evaluate("--sheet", "Trang 9", data=CASES / "households.xlsx")
    assert result.code == 1
    one_error(result.err, "data-missing-sheet")
    ok = evaluate("--sheet", "Hộ gia đình", "--format", "jsonl", data=CASES / "households.xlsx")
    assert statuses(ok.out) == EXPECTED


def test_rows_with_broken_cells_keep_their_place(tmp_path: Path) -> None:
    data = tmp_path / "mixed.csv"
    data.write_text('id,members,insured_members\nA1,4,4\nA2,4,4,9,9\nA3,"4\nA4,2,2\n', encoding="utf-8")
    result = run("evaluate", SET, data, "--persons", NO_PERSONS, "--format", "jsonl", "--detail", "verdicts")
    assert result.code == 0
    rows = [json.loads(line) for line in result.out.splitlines()][:-1]
    assert rows[0]["id"] == "A1" and rows[1]["id"] == "A2"
    assert rows[1]["status"] == "invalid" and rows[1]["errors"][0]["code"] == "data-extra-cells"
    assert HOUSEHOLDS.exists()


def test_cached_conversion_gives_what_convert_row_gives(tmp_path: Path) -> None:
    from criteria_engine import compile_plan, load_registry
    from criteria_engine.io import ColumnMap, convert_raw_row, iter_rows, read_headers
    from criteria_engine.io.row_convert import RowConverter

    registry = load_registry()
    inputs = compile_plan(registry.get(SET), registry.resolver()).model.inputs
    header, rows = household_rows()
    noisy = [*rows, *([*r[:5], "1.5tr", "?", "", "-", *r[9:]] for r in rows)]
    data = write_csv(tmp_path / "h.csv", header, noisy)
    columns, _ = ColumnMap.build(read_headers(data), inputs, file=str(data))
    memo = RowConverter(columns, inputs, file=str(data))
    for _ in range(2):  # the second pass reads from the memo
        for raw in iter_rows(data):
            expected, problems = convert_raw_row(raw, columns, inputs, file=str(data))
            got, found = memo(raw)
            assert got == expected
            assert found == problems
