"""Hostile and broken data files: nothing lost, nothing changed, never a traceback.

Each file of tests/cases/hostile (written by make_hostile.py) has an .expected.json: the exit
status and, for a file that is read, every row's id, status and problem codes and the exact
messages; for a file refused whole, the exact error. Every case also checks that the input is
untouched and that every data row comes out. ``UPDATE_HOSTILE=1`` rewrites the expectations
(review the diff). The cases that need a large file (a zip bomb, a long quoted cell) build it
here, in a temporary folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from criteria_engine.errors import DataError
from criteria_engine.io import readers
from criteria_engine.io.readers import iter_rows

from .test_cli_support import run

CASES = Path(__file__).parent / "cases" / "hostile"
SETS = CASES / "sets"
FILES = sorted(
    p.name for p in CASES.iterdir() if p.suffix in (".csv", ".json", ".jsonl", ".xlsx") or p.is_dir()
)
FILES = [f for f in FILES if f not in ("sets", "injection") and not f.endswith(".expected.json")]
"""The data files (``injection/`` is the corpus of tests/test_output_safety.py)."""


def _digest(path: Path) -> str:
    if path.is_dir():
        return "".join(_digest(p) for p in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dump(data: dict[str, object]) -> str:
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in value)
            parts.append(f' "{key}": [\n  {items}\n ]')
        else:
            parts.append(f' "{key}": {json.dumps(value, ensure_ascii=False)}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def test_the_corpus_is_there() -> None:
    assert len(FILES) == 13
    assert all((CASES / f"{name.rsplit('.', 1)[0]}.expected.json").exists() for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_hostile_file(name: str) -> None:
    data = CASES / name
    before = _digest(data)
    fmt = "json" if data.is_dir() else "jsonl"
    # The corpus keeps the library's English (the messages of the run in English, --lang en).
    result = run(
        "evaluate",
        "hostile-minimal",
        data,
        "--sets",
        SETS,
        "--format",
        fmt,
        "--detail",
        "verdicts",
        "--lang",
        "en",
    )
    assert _digest(data) == before  # the input is untouched
    assert "Traceback" not in result.err
    found: dict[str, object] = {"exit": result.code}
    errors = [line for line in result.err.splitlines() if "error[" in line or line.startswith("  help")]
    if result.out and fmt == "jsonl":
        lines = [json.loads(line) for line in result.out.splitlines()]
        found["rows"] = len(lines) - 1
        found["results"] = [
            [i["row"], i["id"], i["status"], [e["code"] for e in i["errors"]]] for i in lines[:-1]
        ]
        found["messages"] = [e["message"] for i in lines[:-1] for e in i["errors"]]
    else:
        found["rows"] = None
        found["error"] = [line.replace(f"{CASES}/", "") for line in errors]
    expected_file = CASES / f"{name.rsplit('.', 1)[0]}.expected.json"
    if os.environ.get("UPDATE_HOSTILE") == "1":
        expected_file.write_text(_dump(found), encoding="utf-8")
    assert found == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [n for n in FILES if n.endswith((".csv", ".jsonl", ".xlsx"))])
def test_every_data_row_comes_out_of_the_reader(name: str) -> None:
    rows = list(iter_rows(CASES / name))
    if name.endswith(".csv"):
        text = (CASES / name).read_text(encoding="utf-8")
        starts = [n for n, line in enumerate(text.splitlines(), start=1) if n > 1 and line[:1] == "H"]
        assert [r.row_number for r in rows] == starts  # one row per record line, in order
    assert len({r.row_number for r in rows}) == len(rows)


# --- what needs a big file: built here ---------------------------------------------------------


def _bomb(path: Path, inflated: int) -> Path:
    """An xlsx whose sheet XML inflates to ``inflated`` bytes of (valid) empty rows."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        row = b"<row><c><v>0</v></c></row>"
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            block = row * (1 << 16)
            written = 0
            while written < inflated:
                sheet.write(block)
                written += len(block)
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_an_xlsx_bomb_is_refused_fast_and_in_little_memory(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.xlsx", 400 << 20)  # 400 MB of XML in a file of ~1 MB
    assert bomb.stat().st_size < 4 << 20
    before = _digest(bomb)
    tracemalloc.start()
    try:
        with pytest.raises(DataError) as info:
            list(iter_rows(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.code == "data-xlsx-too-large"
    assert diagnostic.message.startswith("part 'xl/worksheets/sheet1.xml' of the workbook would inflate to ")
    assert "times its stored size" in diagnostic.message
    assert peak < 8 << 20  # only the zip directory was read
    assert _digest(bomb) == before
    result = run("evaluate", "hostile-minimal", bomb, "--sets", SETS)
    assert result.code == 1 and "lỗi[data-xlsx-too-large]" in result.err and "Traceback" not in result.err
    assert "phần 'xl/worksheets/sheet1.xml' của bảng tính sẽ bung ra " in result.err


def test_an_xlsx_part_beyond_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = _bomb(tmp_path / "big.xlsx", 2 << 20)
    monkeypatch.setattr(readers, "MAX_XLSX_PART_BYTES", 1 << 20)
    with pytest.raises(DataError) as info:
        list(iter_rows(bomb))
    assert info.value.diagnostics[0].code == "data-xlsx-too-large"
    assert "more than the limit of 1,048,576 bytes" in info.value.diagnostics[0].message


def test_a_quote_never_closed_is_given_up_on_after_the_line_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "open.csv"
    body = "".join(f'H{n},{n},"rural,{n}\n' if n == 3 else f"H{n},{n},rural\n" for n in range(1, 60))
    path.write_text("id,members,area\n" + body, encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_RECORD_LINES", 10)
    rows = list(iter_rows(path))
    assert [r.row_number for r in rows] == list(range(2, 61))
    broken = rows[2]
    assert [p.code for p in broken.problems] == ["data-broken-row"] and broken.values == {}
    assert "is still open after 10 more lines" in broken.problems[0].message
    assert rows[3].values == {"id": "H4", "members": "4", "area": "rural"}


def test_a_json_document_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"id": f"H{n}", "members": 2} for n in range(100)]), encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_JSON_BYTES", 1000)
    with pytest.raises(DataError) as info:
        list(iter_rows(path))
    assert info.value.diagnostics[0].code == "data-too-large"
    assert info.value.diagnostics[0].suggestion and "JSONL" in info.value.diagnostics[0].suggestion
    monkeypatch.setattr(readers, "MAX_JSON_BYTES", 1 << 20)
    monkeypatch.setattr(readers, "MAX_JSON_ROWS", 50)
    with pytest.raises(DataError) as info:
        list(iter_rows(path))
    assert (
        info.value.diagnostics[0].message == "the JSON document holds 100 records, more than the limit of 50"
    )


def test_a_jsonl_line_over_the_limit_is_an_invalid_row_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"id": "H1"}\n{"id": "' + "x" * 5000 + '"}\n{"id": "H3"}\n', encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_JSONL_LINE_BYTES", 1000)
    rows = list(iter_rows(path))
    assert [(r.row_number, [p.code for p in r.problems]) for r in rows] == [
        (1, []),
        (2, ["data-cell-too-large"]),
        (3, []),
    ]


def test_a_deep_column_map_is_a_bad_map_not_a_traceback(tmp_path: Path) -> None:
    mapping = tmp_path / "map.json"
    mapping.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run("evaluate", "hostile-minimal", CASES / "duplicate-id.csv", "--sets", SETS, "--map", mapping)
    assert result.code == 1
    assert "lỗi[data-bad-map]: không đọc được bảng ánh xạ cột: lồng nhau quá sâu" in result.err
    assert "Traceback" not in result.err
