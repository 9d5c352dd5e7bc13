"""The command line's pipeline: the compact shape of ``--detail verdicts`` and ``criteria
verify`` reading it, the table that shows the first rows of a long run, the reading by byte
ranges equal to the reading row by row, and a parser that loads nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_engine.cli.chunks import Job, Tally, evaluate_unit, range_items
from criteria_engine.cli.common import DEFAULT_REGISTER, plan_for, registry_for
from criteria_engine.explain.texts import compact_dict
from criteria_engine.io.columns import ColumnMap
from criteria_engine.io.ranges import Range, csv_layout
from criteria_engine.io.records import DataSource
from criteria_engine.io.row_stage import RowStage
from criteria_engine.render.table import TABLE_HEAD, TABLE_ROWS

from .test_cli_jobs import _messy_csv
from .test_cli_support import HOUSEHOLDS, PERSONS, SET, evaluate, run

HOSTILE_SETS = Path(__file__).parent / "cases" / "hostile" / "sets"


def test_verdicts_are_compact_and_the_set_is_said_once() -> None:
    done = evaluate("--format", "jsonl", "--detail", "verdicts", "--as-of", "2026-11-25")
    lines = [json.loads(line) for line in done.out.splitlines()]
    rows, summary = lines[:-1], lines[-1]["summary"]
    assert list(rows[0]) == [
        "row", "id", "status", "text", "rating", "score", "max_score", "percent", "verdicts", "points", "errors",
    ]  # fmt: skip
    assert rows[0]["verdicts"]["K1"] == "pass" and rows[0]["points"]["A1"] == 8
    assert list(rows[0]["verdicts"]) == list(rows[0]["points"])  # every criterion, in the set's order
    assert summary["criteria_set"] == {
        "id": "happy-family",
        "version": "2026.2",
        "digest": rows and summary["criteria_set"]["digest"],
        "as_of": "2026-11-25",
    }
    assert summary["criteria_set"]["digest"].startswith("sha256:")
    invalid = next(r for r in rows if r["status"] == "invalid")
    assert invalid["verdicts"] == {} and invalid["errors"][0]["code"] == "data-bad-value"
    full = [
        json.loads(line) for line in evaluate("--format", "jsonl", "--as-of", "2026-11-25").out.splitlines()
    ]
    assert full[0]["criteria_set"] == summary["criteria_set"]  # each full result still says it
    assert len(done.out) * 3 < len(evaluate("--format", "jsonl", "--detail", "full").out)


def test_the_compact_line_is_the_compact_dict() -> None:
    registry = registry_for(None)
    plan = plan_for(registry, registry.get(SET))
    done = evaluate("--format", "jsonl", "--detail", "verdicts", "--lang", "en")
    written = [json.loads(line) for line in done.out.splitlines()[:-1]]
    source = DataSource(plan.model, str(HOUSEHOLDS), None, [f"persons={PERSONS}"])
    for unit, line in zip(source.units(), written, strict=True):
        item = evaluate_unit(Job(plan, None, False), unit)
        assert {"row": item.row, **compact_dict(item.result, "en", False)} == {**line, "row": line["row"]}


@pytest.mark.parametrize("name", ["results.jsonl", "results.json"])
def test_verify_reads_compact_results_and_finds_a_changed_verdict(tmp_path: Path, name: str) -> None:
    stored = tmp_path / name
    assert evaluate("--detail", "verdicts", "--as-of", "2026-11-25", "-o", stored).code == 0
    checked = run("verify", stored, "--data", HOUSEHOLDS, "--persons", PERSONS, "--lang", "en")
    assert (checked.code, checked.out) == (0, "Checked 8 result(s): 8 verified\n"), checked.err
    text = stored.read_text(encoding="utf-8")
    changed = text.replace('"K2": "pass"', '"K2": "fail"', 1)
    assert changed != text
    stored.write_text(changed, encoding="utf-8")
    checked = run(
        "verify", stored, "--data", HOUSEHOLDS, "--persons", PERSONS, "--lang", "en", "--format", "json"
    )
    report = json.loads(checked.out)
    assert checked.code == 1 and report["counts"]["differs"] == 1
    (differs,) = [r for r in report["results"] if r["outcome"] == "differs"]
    assert differs["differences"] == [{"field": "verdicts.K2", "stored": "fail", "recomputed": "pass"}]


def test_a_long_run_shows_the_first_rows_and_how_to_write_them_all(tmp_path: Path) -> None:
    data = tmp_path / "many.csv"
    rows = "".join(f"H{n},4,rural,2000000\n" for n in range(1, TABLE_ROWS + 2))
    data.write_text("id,members,area,income\n" + rows, encoding="utf-8")
    done = run("evaluate", "hostile-minimal", data, "--sets", HOSTILE_SETS)
    assert done.code == 0
    assert f"│ {TABLE_HEAD + 1:>3} │ H{TABLE_HEAD} " in done.out and f" H{TABLE_HEAD + 1} " not in done.out
    hidden = TABLE_ROWS + 1 - TABLE_HEAD
    assert f"… và {hidden} hộ nữa không hiện ở đây. Để ghi toàn bộ kết quả ra tệp, thêm -o" in done.out
    assert f"Tổng cộng {TABLE_ROWS + 1} hộ: {TABLE_ROWS + 1} đạt" in done.out  # the summary counts all
    few = tmp_path / "few.csv"
    few.write_text(
        "id,members,area,income\n" + "".join(rows.splitlines(keepends=True)[:TABLE_ROWS]), encoding="utf-8"
    )
    shown = run("evaluate", "hostile-minimal", few, "--sets", HOSTILE_SETS, "--lang", "en").out
    assert f" H{TABLE_ROWS} " in shown and "more households not shown" not in shown


def test_the_table_keeps_only_the_rows_it_may_show() -> None:
    from criteria_engine.render import Context, Item
    from criteria_engine.render.table import TableWriter
    from criteria_engine.results import Provenance, Result

    registry = registry_for([str(HOSTILE_SETS)])
    plan = plan_for(registry, registry.get("hostile-minimal"))
    writer = TableWriter(None, Context(plan, "vi"))  # type: ignore[arg-type]
    for n in range(TABLE_ROWS * 3):
        writer.add(Item(n, Result(f"H{n}", "passed", 10, 10, None, (), Provenance("s", "1", "d"))))  # type: ignore[arg-type]
    assert writer.count == TABLE_ROWS * 3 and len(writer.rows) == TABLE_ROWS


def test_reading_by_ranges_gives_what_reading_row_by_row_gives(tmp_path: Path) -> None:
    registry = registry_for([str(HOSTILE_SETS)])
    plan = plan_for(registry, registry.get("hostile-minimal"))
    for seed in range(6):
        data = str(_messy_csv(tmp_path / f"m{seed}.csv", 60, seed))
        by_rows = DataSource(plan.model, data, group_by="area", keep=["ghi chú"])
        expected = [evaluate_unit(Job(plan, None, seed % 2 == 0), unit) for unit in by_rows.units()]
        by_ranges = DataSource(plan.model, data, group_by="area", keep=["ghi chú"])
        stage = by_ranges.open_ranges()
        assert stage is not None
        layout = csv_layout(data, "csv", by_ranges.header_line or 1)
        tally = Tally()
        job = Job(plan, None, seed % 2 == 0)
        found = list(range_items(job, layout, Range(0, 1, None, None), stage, tally, ids=by_ranges))
        assert [(i.row, i.group, i.result, dict(i.result.kept)) for i in found] == [
            (i.row, i.group, i.result, dict(i.result.kept)) for i in expected
        ]
        by_ranges.account(tally.rows_read, tally.totals, tally.empty)
        by_ranges.close_ranges()
        assert (by_ranges.rows_read, by_ranges.skipped, by_ranges.empty_cells, by_ranges.ids_seen) == (
            by_rows.rows_read, by_rows.skipped, by_rows.empty_cells, by_rows.ids_seen,
        )  # fmt: skip


def test_stages_agree_when_the_columns_they_share_mean_the_same() -> None:
    inputs = registry_for([str(HOSTILE_SETS)]).get("hostile-minimal").model.inputs
    first, _ = ColumnMap.build(["id", "members"], inputs)
    grown, _ = ColumnMap.build(["id", "members", "income", "ghi chú"], inputs)
    other, _ = ColumnMap.build(["Số nhân khẩu", "id", "members"], inputs)  # members now from another column
    stage = RowStage("h.jsonl", first, tabular=False)
    assert RowStage("h.jsonl", grown, tabular=False).agrees(stage)
    assert not RowStage("h.jsonl", other, tabular=False).agrees(stage)
    assert not RowStage("h.jsonl", grown, tabular=False, group_field="ghi chú").agrees(stage)


def test_the_parser_loads_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from criteria_engine.cli.main import build_parser\n"
        "build_parser().format_help()\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    heavy = {
        "pydantic",
        "yaml",
        "rich",
        "openpyxl",
        "numpy",
        "jsonschema",
        "sqlite3",
        "criteria_engine.format",
    }
    assert heavy.isdisjoint(loaded), heavy & loaded


def test_the_register_default_is_the_registers_own() -> None:
    from criteria_engine.register.store import DEFAULT_NAME

    assert DEFAULT_REGISTER == DEFAULT_NAME
