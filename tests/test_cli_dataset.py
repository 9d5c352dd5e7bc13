"""``criteria evaluate SET DATASET``: the example commune bottom-up from one command."""

from __future__ import annotations

import io
import json
from pathlib import Path

from criteria_engine.cli import main
from criteria_engine.cli.common import Streams
from criteria_engine.cli.dataset_mode import is_dataset

COMMUNE = Path(__file__).parent.parent / "examples" / "data" / "commune"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def test_a_folder_of_tables_is_a_dataset() -> None:
    assert is_dataset(str(COMMUNE))
    assert not is_dataset(str(COMMUNE / "household.csv"))


def test_the_example_commune_evaluates_bottom_up_in_vietnamese() -> None:
    code, out, err = _run("evaluate", "happy-commune", str(COMMUNE), "--as-of", "2026-12-01")
    assert code == 0, err
    lines = out.splitlines()
    levels = [line for line in lines if "@2026" in line and "(" in line and ":" in line]
    assert any(line.startswith("happy-family@2026.2 (household.csv): 310 hộ") for line in levels), levels
    assert any(line.startswith("happy-village@2026.1 (village.csv): 8 thôn") for line in levels), levels
    assert "Xã C001 — Xã, phường hạnh phúc" in out
    assert "thôn đạt “Thôn, tổ dân phố hạnh phúc”" in out  # the roll-up with numerator/denominator
    # the broken household is reported, not dropped
    assert "lỗi[data-bad-value]: dòng 41, cột 'members': '5 người?' không phải số nguyên" in err


def test_the_dataset_as_json_carries_every_level_and_every_row() -> None:
    code, out, _err = _run(
        "evaluate", "happy-commune", str(COMMUNE), "--as-of", "2026-12-01", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    rows = {level["subject"]: level["rows"] for level in data["levels"]}
    assert rows["household"] == 310 and rows["village"] == 8 and rows["commune"] >= 1
