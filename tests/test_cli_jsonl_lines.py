"""JSONL output stays one line per candidate even when a cell holds a Unicode line break
(NEL, U+2028, U+2029): JSON allows them raw inside strings, line readers split on them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from criteria_engine.cli import main
from criteria_engine.cli.common import Streams


def test_unicode_line_breaks_in_cells_do_not_split_jsonl_lines(tmp_path: Path) -> None:
    data = tmp_path / "households.csv"
    data.write_text(
        "id,members,area\nHH\x851,4,rural\nHH\u20282,3,urban\nHH\u20293,2,rural\n", encoding="utf-8"
    )
    persons = tmp_path / "persons.csv"
    persons.write_text("household_id,full_name\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["evaluate", "happy-family@2026.2", str(data), "--persons", str(persons), "--format", "jsonl"]
    code = main(argv, Streams(out=out, err=err))
    assert code == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert len(lines) == 4  # three candidates and the summary line
    ids = [json.loads(line)["id"] for line in lines[:3]]
    assert ids == ["HH\x851", "HH\u20282", "HH\u20293"]
