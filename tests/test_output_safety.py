"""What a data file says cannot act where the results are opened: a cell is never a live
formula in a spreadsheet (the OWASP rule for CSV injection), and an escape sequence or a
bidirectional control never reaches a terminal raw (tests/cases/hostile/injection, written
by make_hostile.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from criteria_engine.render.safe import printable, spreadsheet_text

from .test_cli_support import run

HOSTILE = Path(__file__).parent / "cases" / "hostile"
DATA = HOSTILE / "injection" / "households.csv"
SETS = HOSTILE / "sets"
KEEP = "Họ tên chủ hộ"
FORMULAS = ['=HYPERLINK("http://example.com/steal","Bấm vào đây")', "+SUM(1,2)", "-2+3", "@cmd"]


def _evaluate(*options: object) -> tuple[int, str, str]:
    done = run("evaluate", "hostile-minimal", DATA, "--sets", SETS, "--keep", KEEP, *options)
    assert "Traceback" not in done.err
    return done.code, done.out, done.err


def test_the_owasp_rule() -> None:
    for text in ("=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"):
        assert spreadsheet_text(text) == "'" + text
    for value in ("Giàng A Páo", "H-01", "", " =1", 5, -3.5, None):
        assert spreadsheet_text(value) == value


def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote_in_front() -> None:
    code, out, _ = _evaluate("--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    ids = [row[1] for row in rows[1:8]]
    assert ids == [f"'{f}" for f in FORMULAS] + ["TAB", "H\x1b[2J\x1b[31mRED", "\u202eH7"]
    kept = [row[2] for row in rows[1:8]]
    assert kept[1:3] == ["'=1+1", "'@SUM(A1:A9)"]
    assert kept[4] == "'\nCR"  # a carriage return first: quoted too, and made a line break
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert rows[1][4] == "10" and rows[1][6] == "100,0"  # numbers stay numbers


def test_excel_cells_are_text_never_formulas(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    code, _, err = _evaluate("-o", target)
    assert code == 0, err
    book = load_workbook(target)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    results = list(book.worksheets[0].iter_rows(values_only=True))
    assert [r[1] for r in results[1:5]] == [f"'{f}" for f in FORMULAS]
    assert results[2][2] == "'=1+1" and results[1][4] == 10  # a number is still a number
    assert [r[1] for r in results[5:8]] == ["TAB", "H\\x1b[2J\\x1b[31mRED", "\u202eH7"]  # XML holds no ESC
    problems = list(book.worksheets[1].iter_rows(values_only=True))
    assert any(row[3] == "x\\x1b]0;title\\x07" for row in problems[1:])  # the cell, escaped


def test_the_terminal_table_prints_escape_sequences_as_text() -> None:
    code, out, _ = _evaluate()
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "H\\x1b[2J\\x1b[31mRED" in out and "\\u202eH7" in out


def test_markdown_and_explanations_print_escape_sequences_as_text() -> None:
    _, markdown, _ = _evaluate("--format", "md")
    assert "\x1b" not in markdown and "| H\\x1b[2J\\x1b[31mRED |" in markdown
    done = run(
        "explain", "hostile-minimal", DATA, "--sets", SETS, "--id", "H\x1b[2J\x1b[31mRED", "--lang", "en"
    )
    assert done.code == 0, done.err
    assert "\x1b" not in done.out and "H\\x1b[2J\\x1b[31mRED" in done.out.splitlines()[0]
    assert "x\\x1b]0;title\\x07" in done.out  # the unreadable cell, quoted in the explanation


def test_diagnostics_print_escape_sequences_as_text(tmp_path: Path) -> None:
    data = tmp_path / "h.csv"
    data.write_text('id,members,"ghi chú\x1b[2J"\nH1,4,x\n', encoding="utf-8")
    done = run("evaluate", "hostile-minimal", data, "--sets", SETS, "--format", "jsonl", "--lang", "en")
    assert "\x1b" not in done.err
    assert "column 'ghi chú\\x1b[2J' is not an input" in done.err


def test_printable_keeps_text_and_escapes_controls() -> None:
    assert printable("Nông thôn — 1.500.000 đ\t(x)") == "Nông thôn — 1.500.000 đ\t(x)"
    assert printable("a\x1b[31mb\x00c\x9bd") == "a\\x1b[31mb\\x00c\\x9bd"
    assert printable("one\ntwo") == "one\\x0atwo" and printable("one\ntwo", lines=True) == "one\ntwo"
    assert printable("\u202eevil\u2066") == "\\u202eevil\\u2066"
