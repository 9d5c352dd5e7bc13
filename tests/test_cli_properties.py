"""Nothing lost: every input row appears in the output exactly once, in input order, valid
or not (a hypothesis property over generated CSV files with broken rows mixed in)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_cli_support import NO_PERSONS, SET, run

HEADER = [
    "Mã hộ",
    "Số nhân khẩu",
    "insured_members",
    "Khu vực",
    "Thu nhập bình quân đầu người (đồng/tháng)",
    "registered",
]

good_cells = st.fixed_dictionaries(
    {
        "members": st.integers(1, 12).map(str),
        "insured": st.integers(0, 12).map(str),
        "area": st.sampled_from(["Nông thôn", "urban", "rural", "Thành thị", ""]),
        "income": st.sampled_from(["1.500.000", "2.600.000", "69,5", "1500000", "", "-"]),
        "registered": st.sampled_from(["có", "không", "x", "true", "0", ""]),
    }
)
junk = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"), max_size=12
)
row_kind = st.sampled_from(["good", "bad-number", "bad-enum", "extra-cells", "short", "quoted", "junk"])


def render(kind: str, good: dict[str, str], noise: str) -> list[str]:
    cells = [good["members"], good["insured"], good["area"], good["income"], good["registered"]]
    if kind == "bad-number":
        cells[0] = f"bốn{noise}"
    elif kind == "bad-enum":
        cells[2] = f"Miền núi {noise}"
    elif kind == "extra-cells":
        cells += ["9", noise or "x"]
    elif kind == "short":
        cells = cells[:2]
    elif kind == "quoted":
        cells[3] = f'{noise}, "quoted"\nline'
    elif kind == "junk":
        cells = [noise or "?"] * 5
    return cells


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.tuples(row_kind, good_cells, junk), min_size=1, max_size=40),
    delimiter=st.sampled_from([",", ";"]),
    bom=st.booleans(),
)
def test_every_row_comes_out_once_in_order(
    rows: list[tuple[str, dict[str, str], str]], delimiter: str, bom: bool
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(HEADER)
    ids = [f"R{index}" for index in range(len(rows))]
    for row_id, (kind, good, noise) in zip(ids, rows, strict=True):
        writer.writerow([row_id, *render(kind, good, noise)])
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "generated.csv"
        data.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")
        result = run(
            "evaluate", SET, data, "--persons", NO_PERSONS, "--format", "jsonl", "--detail", "verdicts"
        )
    lines = [json.loads(line) for line in result.out.splitlines()]
    invalid = sum(1 for line in lines[:-1] if line["status"] == "invalid")
    assert result.code == (1 if 2 * invalid > len(rows) else 0), result.err  # most rows invalid: exit 1
    assert "Traceback" not in result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert lines[-1]["summary"]["total"] == len(rows)
    items = lines[:-1]
    assert [item["id"] for item in items] == ids
    rows_seen = [item["row"] for item in items]
    assert rows_seen == sorted(rows_seen) and len(set(rows_seen)) == len(rows_seen)
    for item, (kind, _good, _noise) in zip(items, rows, strict=True):
        if kind in ("bad-number", "extra-cells"):
            assert item["status"] == "invalid"
