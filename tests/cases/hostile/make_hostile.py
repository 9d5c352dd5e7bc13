"""Writes the hostile data files of this folder (run it to rebuild them; they are committed).

Each file is a way a data file breaks; its .expected.json holds what `criteria evaluate
hostile-minimal FILE --sets sets --format jsonl` must say: the exit status, each row's id,
status and problem codes, and the exact error of a file refused whole. tests/test_hostile.py
runs them, checks that the input is untouched and that every row is accounted for.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
HEADER = "id,members,area,income\n"


def write(name: str, text: str) -> None:
    (HERE / name).write_text(text, encoding="utf-8", newline="")


def main() -> None:
    # a quote opens a cell and is never closed: only its own row is lost, reported at its line
    write(
        "stray-quote.csv",
        HEADER + 'H1,4,rural,2000000\nH2,"3,rural,1800000\nH3,2,urban,2500000\nH4,5,rural,900000\n',
    )
    # the same, but a quote three lines down closes the cell: the rows between are not swallowed
    write(
        "stray-quote-closed-later.csv",
        HEADER
        + 'H1,4,rural,2000000\nH2,"3,rural,1800000\nH3,2,urban,2500000\nH4,5,rural,900000"\nH5,2,rural,2000000\n',
    )
    # a quoted cell that legitimately holds a line break is one row
    write(
        "quoted-line-break.csv", HEADER + 'H1,4,rural,2000000\nH2,3,"ru\nral",1800000\nH3,2,urban,2500000\n'
    )
    # a row written with ';' under a ',' header
    write("semicolon-row.csv", HEADER + "H1,4,rural,2000000\nH2;3;rural;1800000\nH3,2,urban,2500000\n")
    # a row cut short, and one with a value beyond the header
    write("short-row.csv", HEADER + "H1,4,rural,2000000\nH2,3\nH3,2,urban,2500000,oops\n")
    # a count with 5,000 digits
    write("long-number.csv", HEADER + "H1,4,rural,2000000\nH2," + "9" * 5000 + ",rural,1800000\n")
    # the same id twice
    write("duplicate-id.csv", HEADER + "H1,4,rural,2000000\nH2,3,rural,1800000\nH1,2,urban,2500000\n")
    # JSON: a record repeating a key (the last would win silently), a record nested too deep
    records = [
        '{"id": "H1", "members": 4, "area": "rural", "income": 2000000}',
        '{"id": "H2", "members": 3, "members": 5, "area": "rural", "income": 1800000}',
        '{"id": "H3", "members": 2, "area": "urban", "income": 2500000, "note": ' + "[" * 40 + "]" * 40 + "}",
    ]
    write("duplicate-key.json", "[\n" + ",\n".join(records) + "\n]\n")
    write(
        "nested.jsonl",
        "\n".join([records[0], '{"id": "H2", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", records[2]])
        + "\n",
    )
    write("deep.json", "[" * 100_000 + "]" * 100_000 + "\n")
    write(
        "huge-number.json",
        json.dumps([{"id": "H1", "members": 4}])[:-1] + ', {"id": "H2", "members": ' + "7" * 5000 + "}]\n",
    )
    # a formula whose result was never saved (openpyxl writes formulas without results)
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "members", "area", "income", "Tổng"])
    sheet.append(["H1", 4, "rural", 2000000, "=B2*2"])
    sheet.append(["H2", 3, "rural", "=1800000+0", None])
    book.save(HERE / "formula.xlsx")
    # a dataset folder where one table has two files
    folder = HERE / "ambiguous-dataset"
    folder.mkdir(exist_ok=True)
    (folder / "household.csv").write_text(HEADER + "H1,4,rural,2000000\n", encoding="utf-8")
    (folder / "households.csv").write_text(HEADER + "H2,3,rural,1800000\n", encoding="utf-8")
    # what a spreadsheet or a terminal would run if it were written as it is: formulas and
    # terminal escape sequences in ids, in a kept column and in a cell quoted by a message
    injection = HERE / "injection"
    injection.mkdir(exist_ok=True)
    rows = [
        ["id", "members", "area", "income", "Họ tên chủ hộ"],
        ['=HYPERLINK("http://example.com/steal","Bấm vào đây")', "4", "rural", "2000000", "Giàng A Páo"],
        ["+SUM(1,2)", "3", "rural", "1800000", "=1+1"],
        ["-2+3", "2", "urban", "2500000", "@SUM(A1:A9)"],
        ["@cmd", "5", "rural", "900000", "Lò Thị Mai"],
        ["\tTAB", "2", "rural", "2000000", "\rCR"],
        ["H\x1b[2J\x1b[31mRED", "3", "rural", "x\x1b]0;title\x07", "Vàng\x1b[0m Seo"],
        ["\u202eH7", "2", "rural", "2000000", "Sùng \u202eA\u202c Lử"],
    ]
    with (injection / "households.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)


if __name__ == "__main__":
    main()
