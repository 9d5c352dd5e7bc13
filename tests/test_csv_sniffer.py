"""The CSV delimiter is sniffed from the header row *outside* quoted cells.

A Vietnamese header often quotes labels that contain commas ("Thu nhập, đồng/tháng") while the
file is separated by semicolons (Excel's CSV in a Vietnamese locale): the commas inside quotes
must not outvote the semicolons between the cells.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_engine.io.readers import iter_rows, read_headers

CASES = [
    ('"Mã hộ, số";"Thu nhập, đồng, tháng";"Khu vực, xã"\nH1;1.500.000;Nông thôn\n', ";"),
    ('"a;b;c",d,"e;f"\nx,y,z\n', ","),
    ('"a,b,c"\t"d,e"\tf\nx\ty\tz\n', "\t"),
]


@pytest.mark.parametrize(("text", "delimiter"), CASES)
def test_delimiters_inside_quotes_do_not_count(tmp_path: Path, text: str, delimiter: str) -> None:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    header, first = (line.split(delimiter) for line in text.splitlines()[:2])
    expected = [cell.strip('"') for cell in header]
    assert read_headers(path) == expected
    (row,) = list(iter_rows(path))
    assert list(row.values) == expected and list(row.values.values()) == first
    assert row.problems == ()


def test_the_stored_semicolon_file_with_quoted_commas_is_read_whole() -> None:
    path = Path(__file__).parent / "cases" / "data" / "quoted_commas.csv"
    rows = list(iter_rows(path))
    assert [r.values["Mã hộ"] for r in rows] == ["H01", "H02"]
    assert rows[0].values["Thu nhập bình quân, đồng/tháng"] == "2.600.000"
